/* axon-distribution-render.c: options and the dispatcher over the distribution views. */
#include "axon-distribution-render.h"

#include <math.h>
#include <string.h>

#include "axon-bands-render.h"
#include "axon-heatmap-render.h"
#include "axon-ridges-render.h"
#include "axon-surface-render.h"

#define DEFAULT_BINS 64

static const char *const view_names[AXON_DISTRIBUTION_N_VIEWS] = {
  "surface", "heatmap", "ridges", "overlay", "bands",
};

void
axon_distribution_options_init (AxonDistributionOptions *options)
{
  memset (options, 0, sizeof *options);
  options->view = AXON_DISTRIBUTION_VIEW_SURFACE;
  options->surface_mode = AXON_SURFACE_MODE_SHADED;
  options->yaw = -35;
  options->pitch = 28;
  options->zoom = 1;
  options->perspective = 4;
  options->log_count = false;
  options->value_scale = AXON_BIN_SCALE_LINEAR;
  options->symlog_c = 0;
  options->n_bins = DEFAULT_BINS;
  options->value_min = NAN;
  options->value_max = NAN;
  options->count_max = NAN;
  options->step_min = G_MININT64;
  options->step_max = G_MAXINT64;
  options->show_cursor = false;
  options->cursor_step = 0;
  options->legend = true;
}

const char *
axon_distribution_view_to_string (AxonDistributionView view)
{
  g_return_val_if_fail ((unsigned) view < AXON_DISTRIBUTION_N_VIEWS, NULL);
  return view_names[view];
}

gboolean
axon_distribution_view_from_string (const char           *name,
                                    AxonDistributionView *view)
{
  for (int i = 0; i < AXON_DISTRIBUTION_N_VIEWS; i++)
    if (name != NULL && g_ascii_strcasecmp (name, view_names[i]) == 0)
      {
        *view = (AxonDistributionView) i;
        return TRUE;
      }
  return FALSE;
}

AxonHistogramGrid *
axon_distribution_build_grid (const AxonDistributionOptions *options,
                              const AxonHistogram *const    *hists,
                              size_t                         n)
{
  return axon_histogram_grid_new (hists, n, options->step_min, options->step_max,
                                  options->n_bins > 0 ? options->n_bins : DEFAULT_BINS,
                                  options->value_scale, options->symlog_c, options->value_min,
                                  options->value_max);
}

double
axon_distribution_count_max (const AxonDistributionOptions *options,
                             const AxonHistogramGrid       *grid)
{
  if (isfinite (options->count_max) && options->count_max > 0)
    return options->count_max;
  return grid->max_count > 0 ? grid->max_count : 1;
}

void
axon_distribution_render_grid (cairo_t                       *cr,
                               int                            width,
                               int                            height,
                               const AxonStyle               *style,
                               const AxonDistributionOptions *options,
                               const AxonHistogramGrid       *grid)
{
  switch (options->view)
    {
    case AXON_DISTRIBUTION_VIEW_HEATMAP:
      axon_heatmap_render_grid (cr, width, height, style, options, grid);
      break;
    case AXON_DISTRIBUTION_VIEW_RIDGES:
      axon_ridges_render_grid (cr, width, height, style, options, grid, false);
      break;
    case AXON_DISTRIBUTION_VIEW_OVERLAY:
      axon_ridges_render_grid (cr, width, height, style, options, grid, true);
      break;
    case AXON_DISTRIBUTION_VIEW_BANDS:
      axon_bands_render_grid (cr, width, height, style, options, grid);
      break;
    case AXON_DISTRIBUTION_VIEW_SURFACE:
    case AXON_DISTRIBUTION_N_VIEWS:
    default:
      axon_surface_render_grid (cr, width, height, style, options, grid);
      break;
    }
}

void
axon_distribution_render (cairo_t                       *cr,
                          int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          const AxonHistogram *const    *hists,
                          size_t                         n)
{
  g_autoptr (AxonHistogramGrid) grid = axon_distribution_build_grid (options, hists, n);

  axon_distribution_render_grid (cr, width, height, style, options, grid);
}
