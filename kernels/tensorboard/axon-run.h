/* axon-run.h: a recorded training history held in memory.
 *
 * A run is a set of tags; each tag is either a scalar series (step, wall_time, value) or a
 * histogram series (AxonHistogram, ordered by step). Runs come from TensorBoard event files
 * (axon_run_load) or are filled by the trainer as it goes (axon_run_add_*), and can be saved
 * as CSV or JSON (axon_run_export_*). See axon-event-writer.h to write event files.
 *
 * Tag conventions (what the grouping helpers understand, and what Axon's trainer writes):
 *   "weights/<layer>.<param>", "gradients/<layer>.<param>"   (PyTorch SummaryWriter style)
 *   "<layer>/weights", "<layer>/gradients", "gradients/<layer>", "<layer>/<param>" (TF style)
 * e.g. "weights/0.weight" -> layer "0", param "weight", role WEIGHTS;
 *      "gradients/fc1" -> layer "fc1", no param, role GRADIENTS;
 *      "layer1/weights" -> layer "layer1", role WEIGHTS; "dense_1/kernel_0" -> layer
 *      "dense_1", param "kernel_0", role WEIGHTS; "train/loss" -> layer "train", param
 *      "loss", role OTHER.
 *
 * Histograms read from files: HistogramProto (PyTorch, TF1, Axon) and the TF2 tensor form
 * ([k, 3] left, right, count; plugin "histograms") both become AxonHistogram; how edges
 * are recovered (HistogramProto stores right edges only), and that TF2 histograms have
 * sum/sum_squares estimated from bucket centres, is documented at the top of
 * axon-run-load.c. zero_count is NAN for anything read from a file. Scalars: simple_value
 * (float32) and TF2 tensor scalars (plugin "scalars", float, double, half, int).
 *
 * Ownership: AxonRun is reference counted (axon_run_ref/unref). Getters return borrowed
 * pointers that stay valid until the run is changed or released. A run is not thread-safe:
 * a worker thread that fills a run must hand the main loop a copy (axon_run_copy) or
 * stop touching it.
 */
#pragma once

#include <glib.h>
#include <glib-object.h>
#include <stddef.h>

#include "axon-histogram.h"

G_BEGIN_DECLS

#define AXON_RUN_ERROR (axon_run_error_quark ())

typedef enum
{
  AXON_RUN_ERROR_NOT_FOUND,      /* the run directory or file does not exist */
  AXON_RUN_ERROR_NO_EVENT_FILES, /* a directory without any events.out.tfevents.* file */
  AXON_RUN_ERROR_IO,             /* reading or writing failed (the message names the file) */
  AXON_RUN_ERROR_KIND,           /* adding a scalar to a histogram tag or the reverse */
  AXON_RUN_ERROR_NO_TAG,         /* export of a tag the run does not have */
  AXON_RUN_ERROR_INVALID,        /* an invalid argument (empty tag, malformed histogram) */
} AxonRunError;

GQuark axon_run_error_quark (void);

typedef enum
{
  AXON_RUN_TAG_NONE,      /* no such tag */
  AXON_RUN_TAG_SCALAR,
  AXON_RUN_TAG_HISTOGRAM,
} AxonRunTagKind;

typedef enum
{
  AXON_TAG_ROLE_ANY = -1, /* only as a filter */
  AXON_TAG_ROLE_OTHER = 0,
  AXON_TAG_ROLE_WEIGHTS,   /* parameter values: weights, kernels, biases */
  AXON_TAG_ROLE_GRADIENTS,
} AxonTagRole;

typedef struct
{
  gint64 step;
  double wall_time; /* seconds since the epoch, 0 when unknown */
  double value;
} AxonScalarPoint;

/* A problem found while loading `file` (a base name) at byte `offset` (the start of the
 * record; -1 for a summary line "N more problems not listed"). Damaged framing (a cut
 * header or payload, a CRC mismatch) stops reading that file there: everything before
 * is kept. A record that is framed correctly but cannot be used (not an Event, a tensor
 * of the wrong shape, a tag of the other kind) is skipped alone. */
typedef struct
{
  char *file;
  gint64 offset;
  char *message; /* one translated line, already naming the file and the offset */
} AxonRunWarning;

typedef struct _AxonRun AxonRun;

GType axon_run_get_type (void) G_GNUC_CONST;
#define AXON_TYPE_RUN (axon_run_get_type ())

AxonRun *axon_run_new (void);
AxonRun *axon_run_ref (AxonRun *run);
void axon_run_unref (AxonRun *run);
/* A deep copy (tags, series, warnings); a snapshot for another thread. */
AxonRun *axon_run_copy (const AxonRun *run);

/* Loads a run: a directory (every events.out.tfevents.* in it, in file-name order, which
 * is time order for names made by TensorFlow, PyTorch and Axon) or one event file.
 * Damaged records do not fail the load: what is valid is kept and each damaged file adds
 * one AxonRunWarning. Fails (NULL and error) only when the path does not exist, a
 * directory has no event file, or no file could be opened at all. */
AxonRun *axon_run_load (const char  *dir_or_file,
                        GError     **error);
/* Reads one more event file into run (same rules); FALSE only if it cannot be opened. */
gboolean axon_run_load_file (AxonRun     *run,
                             const char  *path,
                             GError     **error);
/* The path given to axon_run_load, or NULL for a run built in memory. */
const char *axon_run_get_source (const AxonRun *run);

/* Adding data. A tag's kind is fixed by its first point; adding the other kind fails
 * with AXON_RUN_ERROR_KIND. Points are kept ordered by step; equal steps stay in the
 * order they were added (nothing is dropped). add_histogram copies hist. */
gboolean axon_run_add_scalar (AxonRun     *run,
                              const char  *tag,
                              gint64       step,
                              double       wall_time,
                              double       value,
                              GError     **error);
gboolean axon_run_add_histogram (AxonRun              *run,
                                 const char           *tag,
                                 const AxonHistogram  *hist,
                                 GError              **error);
/* As add_histogram, but takes ownership of hist (freed even on failure). */
gboolean axon_run_take_histogram (AxonRun        *run,
                                  const char     *tag,
                                  AxonHistogram  *hist,
                                  GError        **error);
void axon_run_add_warning (AxonRun    *run,
                           const char *file,
                           gint64      offset,
                           const char *message);

/* Tags in the order they first appeared. NULL-terminated; free with g_strfreev. */
char **axon_run_dup_tags (const AxonRun *run);
guint axon_run_get_n_tags (const AxonRun *run);
gboolean axon_run_has_tag (const AxonRun *run,
                           const char    *tag);
AxonRunTagKind axon_run_get_tag_kind (const AxonRun *run,
                                      const char    *tag);
/* The series of a scalar tag, ordered by step; NULL (and *n_points 0) for any other tag. */
const AxonScalarPoint *axon_run_get_scalars (const AxonRun *run,
                                             const char    *tag,
                                             size_t        *n_points);
/* The histograms of a histogram tag, ordered by step; NULL (and *n_hists 0) otherwise. */
const AxonHistogram *const *axon_run_get_histograms (const AxonRun *run,
                                                     const char    *tag,
                                                     size_t        *n_hists);
/* The histogram of tag at the last recorded step <= step (the first if none); or NULL. */
const AxonHistogram *axon_run_get_histogram_at (const AxonRun *run,
                                                const char    *tag,
                                                gint64         step);
/* Number of points of tag and its first and last step; FALSE if the tag is unknown or
 * empty. first/last may be NULL. */
gboolean axon_run_get_step_range (const AxonRun *run,
                                  const char    *tag,
                                  size_t        *n_points,
                                  gint64        *first_step,
                                  gint64        *last_step);

/* Warnings gathered while loading, in file order. */
size_t axon_run_get_n_warnings (const AxonRun *run);
const AxonRunWarning *axon_run_get_warning (const AxonRun *run,
                                            size_t         index);

/* Grouping. Splits tag by the conventions above; layer and param are newly allocated
 * (param may be NULL, layer is never NULL: at worst the whole tag). Returns the role. */
AxonTagRole axon_tag_parse (const char  *tag,
                            char       **layer,
                            char       **param);
/* Distinct layer names in first-appearance order (g_strfreev). */
char **axon_run_dup_layers (const AxonRun *run);
/* Tags of one layer with the given role (AXON_TAG_ROLE_ANY for all), in first-appearance
 * order (g_strfreev). */
char **axon_run_dup_layer_tags (const AxonRun *run,
                                const char    *layer,
                                AxonTagRole    role);

/* Export, written atomically (temp file + rename). tags: NULL-terminated list, or NULL for
 * every tag of the run.
 *
 * CSV (RFC 4180, '.' decimal point, %.17g so doubles read back exactly; nan/inf/-inf):
 *   scalars:    tag,step,wall_time,value
 *   histograms: tag,step,wall_time,min,max,num,sum,sum_squares,zero_count,bin,left,right,count
 *   (one row per bin). A CSV mixing both kinds fails with AXON_RUN_ERROR_INVALID.
 * JSON: {"scalars": {tag: [{"step","wall_time","value"}...]},
 *        "histograms": {tag: [{"step","wall_time","min","max","num","sum","sum_squares",
 *                              "zero_count","edges":[...],"counts":[...]}...]}}
 *   with null for NaN and infinities (JSON has neither). */
gboolean axon_run_export_csv (const AxonRun      *run,
                              const char *const  *tags,
                              const char         *path,
                              GError            **error);
gboolean axon_run_export_json (const AxonRun      *run,
                               const char *const  *tags,
                               const char         *path,
                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonRun, axon_run_unref)

G_END_DECLS
