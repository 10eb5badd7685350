/* axon-bands-render.c: nested percentile bands and the median over steps. */
#include "axon-bands-render.h"

#include <glib/gi18n.h>
#include <math.h>

#include "axon-distribution-private.h"

void
axon_bands_layout (int                            width,
                   int                            height,
                   const AxonStyle               *style,
                   const AxonDistributionOptions *options,
                   const AxonHistogramGrid       *grid,
                   AxonBandsLayout               *layout)
{
  AxonDistRect rect;
  double a = 0, b = 1;

  axon_dist_plot_rect (width, height, style, options->title, 0, &rect);
  layout->x = rect.x;
  layout->y = rect.y;
  layout->width = rect.width;
  layout->height = rect.height;
  if (grid->n_steps > 0)
    {
      a = (double) grid->steps[0];
      b = (double) grid->steps[grid->n_steps - 1];
    }
  layout->step_axis = axon_axis_make (a, b, rect.x, rect.x + rect.width);
  layout->position_axis = axon_axis_make (0, 1, rect.y + rect.height, rect.y);
}

static double
band_y (const AxonBandsLayout   *layout,
        const AxonHistogramGrid *grid,
        size_t                   i,
        int                      k)
{
  double v = grid->bands[i * AXON_HISTOGRAM_N_BANDS + k];

  return axon_axis_to_view (&layout->position_axis, axon_dist_value_position (grid, v));
}

static bool
band_ok (const AxonHistogramGrid *grid,
         size_t                   i,
         int                      lo,
         int                      hi)
{
  return isfinite (grid->bands[i * AXON_HISTOGRAM_N_BANDS + lo])
         && isfinite (grid->bands[i * AXON_HISTOGRAM_N_BANDS + hi]);
}

void
axon_bands_render_grid (cairo_t                       *cr,
                        int                            width,
                        int                            height,
                        const AxonStyle               *style,
                        const AxonDistributionOptions *options,
                        const AxonHistogramGrid       *grid)
{
  AxonBandsLayout layout;
  AxonTicks xt, yt;
  double xpix[AXON_TICKS_MAX], ypix[AXON_TICKS_MAX];
  char caption[128];
  const AxonRgba *base = &style->series[0];
  /* Outermost (min..max) faintest; TensorBoard's distribution view reads the same way. */
  static const double alphas[4] = { 0.14, 0.24, 0.36, 0.52 };

  g_return_if_fail (cr != NULL && style != NULL && options != NULL && grid != NULL);
  if (!axon_dist_begin_figure (cr, width, height, style, options, grid->n_steps > 0, NULL))
    return;
  cairo_save (cr);
  axon_bands_layout (width, height, style, options, grid, &layout);
  axon_dist_step_ticks_along (grid, &layout.step_axis,
                              axon_dist_max_ticks (layout.width, style, 6, 10), &xt, xpix);
  axon_dist_value_ticks_along (grid, &layout.position_axis,
                               axon_dist_max_ticks (layout.height, style, 3, 10), &yt, ypix);

  cairo_save (cr);
  cairo_rectangle (cr, layout.x, layout.y, layout.width, layout.height);
  cairo_clip (cr);
  for (int band = 0; band < 4; band++)
    {
      int lo = band, hi = AXON_HISTOGRAM_N_BANDS - 1 - band;
      size_t i = 0;

      /* A NaN band (an empty histogram) breaks the polygon into runs. */
      while (i < grid->n_steps)
        {
          size_t start = i, end;

          if (!band_ok (grid, i, lo, hi))
            {
              i++;
              continue;
            }
          end = start;
          while (end + 1 < grid->n_steps && band_ok (grid, end + 1, lo, hi))
            end++;
          for (size_t q = start; q <= end; q++)
            {
              double x = axon_axis_to_view (&layout.step_axis, (double) grid->steps[q]);

              if (q == start)
                cairo_move_to (cr, x, band_y (&layout, grid, q, hi));
              else
                cairo_line_to (cr, x, band_y (&layout, grid, q, hi));
            }
          if (start == end)
            {
              /* One step: a thin vertical bar. */
              double x = axon_axis_to_view (&layout.step_axis, (double) grid->steps[start]);

              cairo_line_to (cr, x + 3, band_y (&layout, grid, start, hi));
              cairo_line_to (cr, x + 3, band_y (&layout, grid, start, lo));
              cairo_line_to (cr, x - 3, band_y (&layout, grid, start, lo));
              cairo_line_to (cr, x - 3, band_y (&layout, grid, start, hi));
            }
          for (size_t q = end + 1; q-- > start;)
            cairo_line_to (cr, axon_axis_to_view (&layout.step_axis, (double) grid->steps[q]),
                           band_y (&layout, grid, q, lo));
          cairo_close_path (cr);
          i = end + 1;
        }
      cairo_set_source_rgba (cr, base->r, base->g, base->b, alphas[band]);
      cairo_fill (cr);
    }
  /* Median. */
  {
    bool pen = false;

    for (size_t i = 0; i < grid->n_steps; i++)
      {
        double v = grid->bands[i * AXON_HISTOGRAM_N_BANDS + AXON_HISTOGRAM_N_BANDS / 2];
        double x = axon_axis_to_view (&layout.step_axis, (double) grid->steps[i]);

        if (!isfinite (v))
          {
            pen = false;
            continue;
          }
        if (pen)
          cairo_line_to (cr, x, band_y (&layout, grid, i, AXON_HISTOGRAM_N_BANDS / 2));
        else
          cairo_move_to (cr, x, band_y (&layout, grid, i, AXON_HISTOGRAM_N_BANDS / 2));
        pen = true;
      }
    {
      /* The median in the text colour: it must read over the strongest band. */
      AxonRgba median = style->foreground;

      median.a = 0.85;
      axon_dist_set_source (cr, &median);
    }
    cairo_set_line_width (cr, style->line_width);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke (cr);
  }
  if (options->show_cursor)
    {
      size_t k = axon_histogram_grid_find_step (grid, options->cursor_step);
      double x = axon_axis_to_view (&layout.step_axis, (double) grid->steps[k]);

      cairo_move_to (cr, x, layout.y);
      cairo_line_to (cr, x, layout.y + layout.height);
      axon_dist_set_source (cr, &style->highlight);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  axon_dist_value_caption (options, caption, sizeof caption);
  {
    AxonDistRect rect = { layout.x, layout.y, layout.width, layout.height };

    axon_dist_draw_axes_2d (cr, style, &rect, &xt, xpix, &yt, ypix, _("step"), caption, true);
  }
  cairo_restore (cr);
}

void
axon_bands_render (cairo_t                       *cr,
                   int                            width,
                   int                            height,
                   const AxonStyle               *style,
                   const AxonDistributionOptions *options,
                   const AxonHistogram *const    *hists,
                   size_t                         n)
{
  g_autoptr (AxonHistogramGrid) grid = axon_distribution_build_grid (options, hists, n);

  axon_bands_render_grid (cr, width, height, style, options, grid);
}
