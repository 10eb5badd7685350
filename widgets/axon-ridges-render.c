/* axon-ridges-render.c: offset ridges and overlaid lines, as TensorBoard draws them. */
#include "axon-ridges-render.h"

#include <glib/gi18n.h>
#include <math.h>

#include "axon-colormap.h"
#include "axon-distribution-private.h"

/* Ridges: at most this many curves, or they merge into a grey mass; every k-th step is
 * drawn (the last and the cursor's always). */
#define MAX_RIDGES 60

static size_t
ridge_stride (size_t n_steps)
{
  return MAX (1, (n_steps + MAX_RIDGES - 1) / MAX_RIDGES);
}

void
axon_ridges_layout (int                            width,
                    int                            height,
                    const AxonStyle               *style,
                    const AxonDistributionOptions *options,
                    const AxonHistogramGrid       *grid,
                    bool                           overlay,
                    AxonRidgesLayout              *layout)
{
  AxonDistRect rect;
  double top_room;

  axon_dist_plot_rect (width, height, style, options->title, 0, &rect);
  layout->x = rect.x;
  layout->y = rect.y;
  layout->width = rect.width;
  layout->height = rect.height;
  layout->position_axis = axon_axis_make (0, 1, rect.x, rect.x + rect.width);
  layout->count_axis = axon_axis_make (0, 1.05, rect.y + rect.height, rect.y);
  /* Ridges: the oldest curve needs room above its baseline for its own height. */
  {
    size_t drawn = (grid->n_steps + ridge_stride (grid->n_steps) - 1)
                   / ridge_stride (grid->n_steps);

    top_room = overlay ? 0 : MIN (rect.height * 0.3, MAX (rect.height / 6.0,
                                                          rect.height * 3.0 / MAX (drawn, 1)));
  }
  layout->ridge_height = top_room;
}

double
axon_ridges_baseline (const AxonRidgesLayout  *layout,
                      const AxonHistogramGrid *grid,
                      size_t                   i)
{
  double top = layout->y + layout->ridge_height, bottom = layout->y + layout->height;
  double p = grid->n_steps > 1 ? axon_dist_step_position (grid, (double) grid->steps[i]) : 1;

  return top + (bottom - top) * p;
}

/* Old steps faint, recent ones strong, in one hue (as TensorBoard shades its orange), so
 * the blue highlight of the cursor step stands out from all of them. */
static void
step_colour (const AxonStyle *style,
             double           p,
             AxonRgba        *c)
{
  const AxonRgba *bg = &style->background, *hue = &style->series[1];
  double k = 0.25 + 0.75 * p;

  c->r = bg->r + (hue->r - bg->r) * k;
  c->g = bg->g + (hue->g - bg->g) * k;
  c->b = bg->b + (hue->b - bg->b) * k;
  c->a = 1;
}

static void
curve_path (cairo_t                 *cr,
            const AxonRidgesLayout  *layout,
            const AxonHistogramGrid *grid,
            size_t                   i,
            double                   base,
            double                   scale,
            double                   count_max,
            bool                     log_count)
{
  const double *row = axon_histogram_grid_row (grid, i);

  for (size_t j = 0; j < grid->n_bins; j++)
    {
      double x = axon_axis_to_view (&layout->position_axis, (j + 0.5) / grid->n_bins);
      double y = base - scale * axon_colormap_count_position (row[j], count_max, log_count);

      if (j == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

void
axon_ridges_render_grid (cairo_t                       *cr,
                         int                            width,
                         int                            height,
                         const AxonStyle               *style,
                         const AxonDistributionOptions *options,
                         const AxonHistogramGrid       *grid,
                         bool                           overlay)
{
  AxonRidgesLayout layout;
  AxonTicks xt, yt;
  double xpix[AXON_TICKS_MAX], ypix[AXON_TICKS_MAX];
  double count_max;
  size_t cursor;
  char caption[128];
  double lw;
  unsigned max_y;

  g_return_if_fail (cr != NULL && style != NULL && options != NULL && grid != NULL);
  if (!axon_dist_begin_figure (cr, width, height, style, options, grid->n_steps > 0, NULL))
    return;
  cairo_save (cr);
  axon_ridges_layout (width, height, style, options, grid, overlay, &layout);
  count_max = axon_distribution_count_max (options, grid);
  cursor = options->show_cursor ? axon_histogram_grid_find_step (grid, options->cursor_step)
                                : G_MAXSIZE;
  max_y = axon_dist_max_ticks (layout.height, style, 3, 10);

  axon_dist_value_ticks_along (grid, &layout.position_axis,
                               axon_dist_max_ticks (layout.width, style, 6, 10), &xt, xpix);
  if (overlay)
    axon_dist_count_ticks_along (count_max, options->log_count, &layout.count_axis, max_y, &yt,
                                 ypix);
  else
    {
      axon_dist_step_ticks (grid, max_y, &yt);
      for (size_t k = 0; k < yt.n; k++)
        {
          double top = layout.y + layout.ridge_height, bottom = layout.y + layout.height;

          ypix[k] = top + (bottom - top) * (grid->n_steps > 1
                                            ? axon_dist_step_position (grid, yt.values[k]) : 1);
        }
    }
  /* Grid first, curves over it, frame and labels last. */
  {
    AxonDistRect rect = { layout.x, layout.y, layout.width, layout.height };

    cairo_save (cr);
    cairo_set_line_width (cr, 1);
    axon_dist_set_source (cr, &style->grid);
    for (size_t k = 0; k < xt.n; k++)
      {
        cairo_move_to (cr, round (xpix[k]) + 0.5, rect.y);
        cairo_line_to (cr, round (xpix[k]) + 0.5, rect.y + rect.height);
      }
    if (overlay)
      for (size_t k = 0; k < yt.n; k++)
        {
          cairo_move_to (cr, rect.x, round (ypix[k]) + 0.5);
          cairo_line_to (cr, rect.x + rect.width, round (ypix[k]) + 0.5);
        }
    cairo_stroke (cr);
    cairo_restore (cr);
  }

  cairo_save (cr);
  cairo_rectangle (cr, layout.x, layout.y - 1, layout.width, layout.height + 1);
  cairo_clip (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  lw = MAX (1.0, style->line_width * (overlay ? 0.6 : 0.7));
  for (size_t i = 0; i < grid->n_steps; i++)
    {
      AxonRgba c;
      double p = grid->n_steps > 1 ? (double) i / (grid->n_steps - 1) : 1;

      if (!overlay && i % ridge_stride (grid->n_steps) != 0 && i + 1 != grid->n_steps)
        continue;

      step_colour (style, p, &c);
      if (overlay)
        {
          curve_path (cr, &layout, grid, i, layout.y + layout.height,
                      layout.y + layout.height - axon_axis_to_view (&layout.count_axis, 1),
                      count_max, options->log_count);
          c.a = grid->n_steps > 20 ? 0.55 : 0.85;
        }
      else
        {
          double base = axon_ridges_baseline (&layout, grid, i);
          double x0 = axon_axis_to_view (&layout.position_axis, 0.5 / grid->n_bins);
          double x1 = axon_axis_to_view (&layout.position_axis, 1 - 0.5 / grid->n_bins);

          /* Oldest first: each filled curve hides what lies behind it. */
          curve_path (cr, &layout, grid, i, base, layout.ridge_height, count_max,
                      options->log_count);
          cairo_line_to (cr, x1, base);
          cairo_line_to (cr, x0, base);
          cairo_close_path (cr);
          axon_dist_set_source (cr, &style->background);
          cairo_fill_preserve (cr);
          c.a = 0.22;
          axon_dist_set_source (cr, &c);
          cairo_fill (cr);
          c.a = 1;
          curve_path (cr, &layout, grid, i, base, layout.ridge_height, count_max,
                      options->log_count);
        }
      axon_dist_set_source (cr, &c);
      cairo_set_line_width (cr, lw);
      cairo_stroke (cr);
    }
  if (cursor < grid->n_steps)
    {
      double base = overlay ? layout.y + layout.height : axon_ridges_baseline (&layout, grid,
                                                                               cursor);
      double scale = overlay ? layout.y + layout.height - axon_axis_to_view (&layout.count_axis, 1)
                             : layout.ridge_height;

      curve_path (cr, &layout, grid, cursor, base, scale, count_max, options->log_count);
      axon_dist_set_source (cr, &style->highlight);
      cairo_set_line_width (cr, MAX (2.5, style->line_width * 1.3));
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  axon_dist_value_caption (options, caption, sizeof caption);
  {
    AxonDistRect rect = { layout.x, layout.y, layout.width, layout.height };

    axon_dist_draw_axes_2d (cr, style, &rect, &xt, xpix, &yt, ypix, caption,
                            overlay ? (options->log_count ? _("count (log)") : _("count"))
                                    : _("step"),
                            false);
  }
  cairo_restore (cr);
}

void
axon_ridges_render (cairo_t                       *cr,
                    int                            width,
                    int                            height,
                    const AxonStyle               *style,
                    const AxonDistributionOptions *options,
                    const AxonHistogram *const    *hists,
                    size_t                         n,
                    bool                           overlay)
{
  g_autoptr (AxonHistogramGrid) grid = axon_distribution_build_grid (options, hists, n);

  axon_ridges_render_grid (cr, width, height, style, options, grid, overlay);
}
