/* axon-histogram-grid.c: re-binning a series onto shared edges. */
#include "axon-histogram-grid.h"

#include <math.h>
#include <string.h>

static int
compare_by_step (const void *a,
                 const void *b)
{
  const AxonHistogram *ha = *(const AxonHistogram *const *) a;
  const AxonHistogram *hb = *(const AxonHistogram *const *) b;

  return (ha->step > hb->step) - (ha->step < hb->step);
}

AxonHistogramGrid *
axon_histogram_grid_new (const AxonHistogram *const *hists,
                         size_t                      n,
                         gint64                      step_min,
                         gint64                      step_max,
                         size_t                      n_bins,
                         AxonBinScale                scale,
                         double                      symlog_c,
                         double                      value_min,
                         double                      value_max)
{
  AxonHistogramGrid *grid = g_new0 (AxonHistogramGrid, 1);
  g_autofree const AxonHistogram **kept = g_new (const AxonHistogram *, MAX (n, 1));
  size_t m = 0;

  g_return_val_if_fail (n_bins >= 1, grid);
  for (size_t k = 0; k < n; k++)
    if (hists[k] != NULL && hists[k]->step >= step_min && hists[k]->step <= step_max)
      kept[m++] = hists[k];
  /* Stable enough: equal steps keep a defined (if arbitrary) order, and runs are
   * already ordered by step, so this is usually a no-op. */
  qsort (kept, m, sizeof *kept, compare_by_step);

  if (!isfinite (value_min) || !isfinite (value_max))
    {
      double lo = INFINITY, hi = -INFINITY;

      for (size_t k = 0; k < m; k++)
        {
          double a, b;

          if (axon_histogram_value_range (kept[k], &a, &b))
            {
              lo = MIN (lo, a);
              hi = MAX (hi, b);
            }
        }
      if (!isfinite (value_min))
        value_min = lo <= hi ? lo : -1;
      if (!isfinite (value_max))
        value_max = lo <= hi ? hi : 1;
    }
  if (scale == AXON_BIN_SCALE_SYMLOG && !(symlog_c > 0))
    symlog_c = axon_symlog_auto_constant (value_min, value_max);

  grid->n_steps = m;
  grid->n_bins = n_bins;
  grid->scale = scale;
  grid->symlog_c = symlog_c;
  grid->edges = axon_histogram_edges_for_range (value_min, value_max, n_bins, scale, symlog_c);
  grid->value_min = grid->edges[0];
  grid->value_max = grid->edges[n_bins];
  grid->steps = g_new (gint64, MAX (m, 1));
  grid->counts = g_new0 (double, MAX (m, 1) * n_bins);
  grid->stats = g_new0 (AxonHistogramStats, MAX (m, 1));
  grid->bands = g_new0 (double, MAX (m, 1) * AXON_HISTOGRAM_N_BANDS);
  for (size_t k = 0; k < m; k++)
    {
      g_autoptr (AxonHistogram) r = axon_histogram_rebin (kept[k], grid->edges, n_bins);

      grid->steps[k] = kept[k]->step;
      memcpy (grid->counts + k * n_bins, r->counts, n_bins * sizeof (double));
      for (size_t j = 0; j < n_bins; j++)
        grid->max_count = MAX (grid->max_count, r->counts[j]);
      axon_histogram_stats (kept[k], &grid->stats[k]);
      axon_histogram_bands (kept[k], grid->bands + k * AXON_HISTOGRAM_N_BANDS);
    }
  return grid;
}

void
axon_histogram_grid_free (AxonHistogramGrid *grid)
{
  if (grid == NULL)
    return;
  g_free (grid->steps);
  g_free (grid->edges);
  g_free (grid->counts);
  g_free (grid->stats);
  g_free (grid->bands);
  g_free (grid);
}

size_t
axon_histogram_grid_find_step (const AxonHistogramGrid *grid,
                               gint64                   step)
{
  size_t lo = 0, hi = grid->n_steps;
  guint64 below, above;

  if (grid->n_steps == 0)
    return 0;
  /* First row with steps[row] >= step. */
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;

      if (grid->steps[mid] < step)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return 0;
  if (lo == grid->n_steps)
    return grid->n_steps - 1;
  /* Unsigned differences: exact for any pair of gint64, both are >= 0 here. */
  below = (guint64) step - (guint64) grid->steps[lo - 1];
  above = (guint64) grid->steps[lo] - (guint64) step;
  return below <= above ? lo - 1 : lo;
}
