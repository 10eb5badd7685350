/* axon-heatmap-render.c: steps across, values up, counts as colour. */
#include "axon-heatmap-render.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-colormap.h"
#include "axon-distribution-private.h"

#define N_LEVELS 128

/* The span of step i: half-way to each neighbour; a lone step spans +-0.5. */
static void
step_span (const AxonHistogramGrid *grid,
           size_t                   i,
           double                  *a,
           double                  *b)
{
  double s = (double) grid->steps[i];
  double left = i > 0 ? (s - (double) grid->steps[i - 1]) / 2 : -1;
  double right = i + 1 < grid->n_steps ? ((double) grid->steps[i + 1] - s) / 2 : -1;

  if (left < 0)
    left = right >= 0 ? right : 0.5;
  if (right < 0)
    right = left;
  if (left == 0)
    left = 0.5;
  if (right == 0)
    right = 0.5;
  *a = s - left;
  *b = s + right;
}

double
axon_heatmap_value_position (const AxonHistogramGrid *grid,
                             double                   value)
{
  return axon_dist_value_position (grid, value);
}

void
axon_heatmap_layout (int                            width,
                     int                            height,
                     const AxonStyle               *style,
                     const AxonDistributionOptions *options,
                     const AxonHistogramGrid       *grid,
                     AxonHeatmapLayout             *layout)
{
  double f = axon_style_font_px (style);
  double legend_w = options->legend ? f * 6.5 : 0;
  AxonDistRect rect;
  double a = 0, b = 1, tmp;

  axon_dist_plot_rect (width, height, style, options->title, legend_w, &rect);
  layout->x = rect.x;
  layout->y = rect.y;
  layout->width = rect.width;
  layout->height = rect.height;
  if (grid->n_steps > 0)
    {
      step_span (grid, 0, &a, &tmp);
      step_span (grid, grid->n_steps - 1, &tmp, &b);
    }
  layout->step_axis = axon_axis_make (a, b, rect.x, rect.x + rect.width);
  layout->position_axis = axon_axis_make (0, 1, rect.y + rect.height, rect.y);
  layout->legend_width = legend_w;
  layout->legend_x = rect.x + rect.width + f * 1.2;
  layout->legend_y = rect.y + f * 1.6;
  layout->legend_height = MAX (1, MIN (rect.height - f * 1.6, f * 18));
}

void
axon_heatmap_render_grid (cairo_t                       *cr,
                          int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          const AxonHistogramGrid       *grid)
{
  AxonHeatmapLayout layout;
  double count_max;
  AxonTicks xt, yt;
  double xpix[AXON_TICKS_MAX], ypix[AXON_TICKS_MAX];
  AxonRgba c0;
  char caption[128];

  g_return_if_fail (cr != NULL && style != NULL && options != NULL && grid != NULL);
  if (!axon_dist_begin_figure (cr, width, height, style, options, grid->n_steps > 0, NULL))
    return;
  cairo_save (cr);
  axon_heatmap_layout (width, height, style, options, grid, &layout);
  count_max = axon_distribution_count_max (options, grid);

  /* Zero counts are the bottom colour: one rectangle under everything. */
  axon_colormap_sample (0, &c0);
  axon_dist_set_source (cr, &c0);
  cairo_rectangle (cr, layout.x, layout.y, layout.width, layout.height);
  cairo_fill (cr);

  /* One path per colour level: a hundred fills instead of thousands. Cells are bucketed
   * by level first (counting sort), so each level's path is built in one pass. */
  {
    size_t n_cells = grid->n_steps * grid->n_bins;
    g_autofree guint8 *levels = g_new (guint8, n_cells);
    g_autofree guint32 *order = g_new (guint32, n_cells);
    size_t start[N_LEVELS + 1] = { 0 };
    g_autofree double *xs = g_new (double, grid->n_steps + 1);
    g_autofree double *ys = g_new (double, grid->n_bins + 1);

    for (size_t i = 0; i < grid->n_steps; i++)
      {
        double a, b;

        step_span (grid, i, &a, &b);
        xs[i] = round (axon_axis_to_view (&layout.step_axis, a));
        if (i + 1 == grid->n_steps)
          xs[i + 1] = round (axon_axis_to_view (&layout.step_axis, b));
      }
    for (size_t j = 0; j <= grid->n_bins; j++)
      ys[j] = round (axon_axis_to_view (&layout.position_axis, (double) j / grid->n_bins));
    for (size_t k = 0; k < n_cells; k++)
      {
        double t = axon_colormap_count_position (grid->counts[k], count_max, options->log_count);

        levels[k] = grid->counts[k] > 0 ? (guint8) MAX (1, ceil (t * (N_LEVELS - 1))) : 0;
        start[levels[k] + 1]++;
      }
    for (int l = 0; l < N_LEVELS; l++)
      start[l + 1] += start[l];
    {
      size_t fill[N_LEVELS];

      memcpy (fill, start, sizeof fill);
      for (size_t k = 0; k < n_cells; k++)
        order[fill[levels[k]]++] = (guint32) k;
    }
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
    for (int l = 1; l < N_LEVELS; l++)
      {
        AxonRgba c;

        if (start[l] == start[l + 1])
          continue;
        for (size_t q = start[l]; q < start[l + 1]; q++)
          {
            size_t i = order[q] / grid->n_bins, j = order[q] % grid->n_bins;

            cairo_rectangle (cr, xs[i], ys[j + 1], xs[i + 1] - xs[i], ys[j] - ys[j + 1]);
          }
        axon_colormap_sample ((double) l / (N_LEVELS - 1), &c);
        axon_dist_set_source (cr, &c);
        cairo_fill (cr);
      }
  }
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  if (options->show_cursor)
    {
      size_t k = axon_histogram_grid_find_step (grid, options->cursor_step);
      double a, b, x0, x1;

      step_span (grid, k, &a, &b);
      x0 = axon_axis_to_view (&layout.step_axis, a);
      x1 = axon_axis_to_view (&layout.step_axis, b);
      cairo_rectangle (cr, x0, layout.y, MAX (1, x1 - x0), layout.height);
      axon_dist_set_source (cr, &style->highlight);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  axon_dist_step_ticks_along (grid, &layout.step_axis,
                              axon_dist_max_ticks (layout.width, style, 6, 10), &xt, xpix);
  axon_dist_value_ticks_along (grid, &layout.position_axis,
                               axon_dist_max_ticks (layout.height, style, 3, 10), &yt, ypix);
  axon_dist_value_caption (options, caption, sizeof caption);
  {
    AxonDistRect rect = { layout.x, layout.y, layout.width, layout.height };

    axon_dist_draw_axes_2d (cr, style, &rect, &xt, xpix, &yt, ypix, _("step"), caption, false);
  }
  if (options->legend)
    axon_colormap_render_legend (cr, layout.legend_x, layout.legend_y, layout.legend_width,
                                 layout.legend_height, style, count_max, options->log_count,
                                 options->log_count ? _("count (log)") : _("count"));
  cairo_restore (cr);
}

void
axon_heatmap_render (cairo_t                       *cr,
                     int                            width,
                     int                            height,
                     const AxonStyle               *style,
                     const AxonDistributionOptions *options,
                     const AxonHistogram *const    *hists,
                     size_t                         n)
{
  g_autoptr (AxonHistogramGrid) grid = axon_distribution_build_grid (options, hists, n);

  axon_heatmap_render_grid (cr, width, height, style, options, grid);
}
