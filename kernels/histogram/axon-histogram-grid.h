/* axon-histogram-grid.h: a series of histograms re-binned onto shared edges.
 *
 * What every distribution view draws: one row per step (ascending), one column per shared
 * bin, counts conserved by axon_histogram_rebin. Views build it once per change of data,
 * bins or value range, and draw it every frame.
 */
#pragma once

#include <glib.h>
#include <stddef.h>

#include "axon-histogram.h"

G_BEGIN_DECLS

typedef struct
{
  size_t n_steps;
  size_t n_bins;
  gint64 *steps;         /* n_steps, ascending */
  double *edges;         /* n_bins + 1 shared edges */
  double *counts;        /* n_steps * n_bins, row-major (row = step) */
  AxonHistogramStats *stats; /* n_steps, of the original histograms */
  double *bands;         /* n_steps * AXON_HISTOGRAM_N_BANDS, of the original histograms */
  double max_count;      /* largest count of one bin (0 when all empty) */
  double value_min;      /* edges[0] and edges[n_bins] */
  double value_max;
  AxonBinScale scale;
  double symlog_c;       /* the constant used when scale is SYMLOG */
} AxonHistogramGrid;

/* Builds the grid of the histograms whose step is in [step_min, step_max] (NULL entries
 * skipped; hists in any order, sorted by step here). value_min/value_max: the shared value
 * range, or NAN for the union of the histograms' ranges (axon_histogram_shared_edges).
 * n_bins >= 1. Never NULL; n_steps may be 0. */
AxonHistogramGrid *axon_histogram_grid_new (const AxonHistogram *const *hists,
                                            size_t                      n,
                                            gint64                      step_min,
                                            gint64                      step_max,
                                            size_t                      n_bins,
                                            AxonBinScale                scale,
                                            double                      symlog_c,
                                            double                      value_min,
                                            double                      value_max);
void axon_histogram_grid_free (AxonHistogramGrid *grid);

/* Row of counts of step index i. */
static inline const double *
axon_histogram_grid_row (const AxonHistogramGrid *grid,
                         size_t                   i)
{
  return grid->counts + i * grid->n_bins;
}

/* The index of the row whose step is nearest to step (ties: the earlier); 0 if empty. */
size_t axon_histogram_grid_find_step (const AxonHistogramGrid *grid,
                                      gint64                   step);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonHistogramGrid, axon_histogram_grid_free)

G_END_DECLS
