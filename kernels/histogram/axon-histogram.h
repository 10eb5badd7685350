/* axon-histogram.h: one recorded histogram of a tensor at one training step.
 *
 * The common currency of the trainer (which records them), the TensorBoard event reader
 * and writer (which load and save them) and the distribution views (which draw them).
 */
#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 step;
  double wall_time;   /* seconds since the epoch, 0 when unknown */
  double min;         /* of the values, not of the edges */
  double max;
  double num;         /* count of values (a double, as in HistogramProto) */
  double sum;
  double sum_squares;
  double zero_count;  /* values exactly 0; NAN when the source did not record it */
  size_t n_bins;
  double *edges;      /* n_bins + 1 ascending edges; bin i is [edges[i], edges[i+1]) */
  double *counts;     /* n_bins counts */
} AxonHistogram;

G_END_DECLS
