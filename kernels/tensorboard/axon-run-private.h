/* axon-run-private.h: what the loader and exporter of a run share with axon-run.c. */
#pragma once

#include "axon-run.h"

G_BEGIN_DECLS

/* The plugin a tag was first declared with (TF2 writes a tag's metadata only once per
 * file, so later tensors of the tag are read by this); NULL if none was seen. */
const char *axon_run_get_tag_plugin (const AxonRun *run,
                                     const char    *tag);
void axon_run_set_tag_plugin (AxonRun    *run,
                              const char *tag,
                              const char *plugin);
void axon_run_set_source (AxonRun    *run,
                          const char *source);
/* Drops every point with step >= step in every tag (TensorBoard's handling of a
 * SessionLog START: the run restarted there). Returns the number of points dropped. */
size_t axon_run_purge_from_step (AxonRun *run,
                                 gint64   step);

/* A histogram from HistogramProto's right-edge bucket limits and counts (n of each),
 * by the rules at the top of axon-run-load.c; min and max only help place outer edges
 * (the caller sets the statistics). */
AxonHistogram *axon_histogram_from_legacy (const double *limits,
                                           const double *buckets,
                                           size_t        n,
                                           double        min,
                                           double        max);

G_END_DECLS
