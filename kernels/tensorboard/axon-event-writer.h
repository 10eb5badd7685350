/* axon-event-writer.h: writes a TensorBoard run (one events.out.tfevents.* file).
 *
 * The file is named events.out.tfevents.<seconds>.<host>.<pid>.<n> (as TensorFlow and
 * PyTorch do, so TensorBoard orders several files of one run by time) and begins with the
 * file_version "brain.Event:2" event. Each add_* appends one Event record (TFRecord framing,
 * masked CRC-32C) to a memory buffer; the buffer goes to disk on flush, on close, and
 * whenever it exceeds 1 MiB. Any failure is a GError naming the file; after a write error
 * the writer refuses further data (nothing is silently dropped).
 *
 * Encodings (both read by TensorBoard and by axon_run_load):
 *   scalars:    a TF2 tensor scalar (DT_DOUBLE, plugin "scalars"), so doubles survive
 *               bit-exactly (simple_value would round them to float32);
 *   histograms: legacy HistogramProto (min, max, num, sum, sum_squares, bucket_limit,
 *               bucket). Bucket limits are right edges, so the left edge edges[0] goes first
 *               as the limit of an empty bucket (as PyTorch does); axon_run_load turns such
 *               a leading empty bucket back into edges[0]: edges and counts round-trip
 *               exactly. zero_count has no field in HistogramProto and is not stored.
 *
 * Not thread-safe: use one writer from one thread.
 */
#pragma once

#include <glib.h>

#include "axon-histogram.h"

G_BEGIN_DECLS

typedef struct _AxonEventWriter AxonEventWriter;

/* Creates run_dir (and parents) if needed and a new event file in it, and writes the
 * file_version event. NULL and error when either cannot be created. */
AxonEventWriter *axon_event_writer_new (const char  *run_dir,
                                        GError     **error);
/* The full path of the event file being written. */
const char *axon_event_writer_get_path (const AxonEventWriter *writer);

/* wall_time is seconds since the epoch; 0 (or NaN) means "now". */
gboolean axon_event_writer_add_scalar (AxonEventWriter  *writer,
                                       const char       *tag,
                                       gint64            step,
                                       double            wall_time,
                                       double            value,
                                       GError          **error);
/* Step and wall_time come from hist (wall_time 0 means "now"). hist must have n_bins >= 1
 * and ascending edges. */
gboolean axon_event_writer_add_histogram (AxonEventWriter      *writer,
                                          const char           *tag,
                                          const AxonHistogram  *hist,
                                          GError              **error);
/* Writes the buffer to the file and flushes it to the kernel. */
gboolean axon_event_writer_flush (AxonEventWriter  *writer,
                                  GError          **error);
/* Flushes and closes the file; later add_* fail. Closing twice is harmless. */
gboolean axon_event_writer_close (AxonEventWriter  *writer,
                                  GError          **error);
/* Closes if still open (a failure is logged with g_warning) and frees. NULL is fine. */
void axon_event_writer_free (AxonEventWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonEventWriter, axon_event_writer_free)

G_END_DECLS
