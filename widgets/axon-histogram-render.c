/* axon-histogram-render.c: one step's histogram as bars, with min, max, mean, std and the
 * zero ratio. */
#include "axon-histogram-render.h"

#include <glib/gi18n.h>
#include <math.h>

#include "axon-colormap.h"
#include "axon-distribution-private.h"

void
axon_histogram_layout (int                            width,
                       int                            height,
                       const AxonStyle               *style,
                       const AxonDistributionOptions *options,
                       AxonHistogramLayout           *layout)
{
  double f = axon_style_font_px (style);
  /* The table goes beside the bars when the figure is wide, below them when it is tall,
   * and inside (top right, on a card) only in a small figure. */
  bool beside = width > f * 34;
  bool below = !beside && height > f * 20;
  double table_w = beside ? f * 11 : 0;
  double table_h = below ? f * 1.45 * 4 + f * 0.5 : 0; /* two columns, four rows */
  AxonDistRect rect;

  axon_dist_plot_rect (width, height, style, options->title, table_w, &rect);
  rect.height = MAX (1, rect.height - table_h);
  layout->x = rect.x;
  layout->y = rect.y;
  layout->width = rect.width;
  layout->height = rect.height;
  layout->position_axis = axon_axis_make (0, 1, rect.x, rect.x + rect.width);
  layout->count_axis = axon_axis_make (0, 1.05, rect.y + rect.height, rect.y);
  layout->stats_beside = beside;
  layout->stats_below = below;
  if (beside)
    {
      layout->stats_x = rect.x + rect.width + f * 1.0;
      layout->stats_y = rect.y;
    }
  else if (below)
    {
      /* Under the value axis caption. */
      layout->stats_x = rect.x;
      layout->stats_y = rect.y + rect.height + f * 3.6;
    }
  else
    {
      layout->stats_x = rect.x + rect.width - f * 10;
      layout->stats_y = rect.y + f * 0.5;
    }
}

static void
format_or_dash (double  v,
                char   *buf,
                size_t  size)
{
  if (isnan (v))
    g_strlcpy (buf, "\xe2\x80\x94", size); /* em dash: not recorded */
  else
    axon_ticks_format_value (v, buf, size);
}

static void
draw_stats (cairo_t                   *cr,
            const AxonStyle           *style,
            const AxonHistogramLayout *layout,
            gint64                     step,
            const AxonHistogramStats  *st)
{
  AxonDistText text;
  char values[7][64];
  const char *names[7] = {
    _("step"), _("count"), _("min"), _("max"), _("mean"), _("std"), _("zero ratio"),
  };
  double name_w = 0, y = layout->stats_y, line;

  g_snprintf (values[0], sizeof values[0], "%" G_GINT64_FORMAT, step);
  format_or_dash (st->num, values[1], sizeof values[1]);
  format_or_dash (st->min, values[2], sizeof values[2]);
  format_or_dash (st->max, values[3], sizeof values[3]);
  format_or_dash (st->mean, values[4], sizeof values[4]);
  format_or_dash (st->std, values[5], sizeof values[5]);
  if (isnan (st->zero_ratio))
    format_or_dash (NAN, values[6], sizeof values[6]);
  else
    g_snprintf (values[6], sizeof values[6], "%s%.2f %%",
                st->zero_ratio_estimated ? "\xe2\x89\x88" : "", st->zero_ratio * 100);

  axon_dist_text_init (&text, cr, style, 0.85);
  line = text.font_px * 1.45;
  for (int k = 0; k < 7; k++)
    {
      double w;

      axon_dist_text_size (&text, names[k], &w, NULL);
      name_w = MAX (name_w, w);
    }
  if (!layout->stats_beside && !layout->stats_below)
    {
      /* Inside the plot: a translucent card so the bars do not fight the text. */
      AxonRgba bg = style->background;

      bg.a = 0.85;
      axon_dist_set_source (cr, &bg);
      cairo_rectangle (cr, layout->stats_x - 6, y - 4, text.font_px * 10, line * 7 + 8);
      cairo_fill (cr);
    }
  if (layout->stats_below)
    {
      /* Two columns: step, min, mean, zero ratio | count, max, std. */
      double col = MAX (name_w + text.font_px * 8.5, text.font_px * 12);

      for (int k = 0; k < 7; k++)
        {
          static const int order[7] = { 0, 2, 4, 6, 1, 3, 5 };
          int i = order[k];
          double x = layout->stats_x + (k < 4 ? 0 : col);
          double yy = layout->stats_y + (k < 4 ? k : k - 4) * line;

          axon_dist_text_draw (&text, cr, names[i], x, yy, 0, 0, &style->muted);
          axon_dist_text_draw (&text, cr, values[i], x + name_w + text.font_px * 0.8, yy, 0, 0,
                               &style->foreground);
        }
    }
  else
    for (int k = 0; k < 7; k++, y += line)
      {
        axon_dist_text_draw (&text, cr, names[k], layout->stats_x, y, 0, 0, &style->muted);
        axon_dist_text_draw (&text, cr, values[k], layout->stats_x + name_w + text.font_px * 0.8,
                             y, 0, 0, &style->foreground);
      }
  axon_dist_text_clear (&text);
}

void
axon_histogram_render_grid (cairo_t                       *cr,
                            int                            width,
                            int                            height,
                            const AxonStyle               *style,
                            const AxonDistributionOptions *options,
                            const AxonHistogramGrid       *grid,
                            size_t                         row)
{
  AxonHistogramLayout layout;
  AxonTicks xt, yt;
  double xpix[AXON_TICKS_MAX], ypix[AXON_TICKS_MAX];
  double count_max;
  const double *counts;
  const AxonHistogramStats *st;
  char caption[128];
  AxonRgba bar = style->series[0];

  g_return_if_fail (cr != NULL && style != NULL && options != NULL && grid != NULL);
  if (!axon_dist_begin_figure (cr, width, height, style, options, row < grid->n_steps,
                               _("No histogram at this step")))
    return;
  cairo_save (cr);
  axon_histogram_layout (width, height, style, options, &layout);
  count_max = axon_distribution_count_max (options, grid);
  counts = axon_histogram_grid_row (grid, row);
  st = &grid->stats[row];

  axon_dist_value_ticks_along (grid, &layout.position_axis,
                               axon_dist_max_ticks (layout.width, style, 6, 10), &xt, xpix);
  axon_dist_count_ticks_along (count_max, options->log_count, &layout.count_axis,
                               axon_dist_max_ticks (layout.height, style, 2.5, 8), &yt, ypix);

  cairo_save (cr);
  cairo_rectangle (cr, layout.x, layout.y, layout.width, layout.height);
  cairo_clip (cr);
  /* mean +- std band behind the bars. */
  if (isfinite (st->mean) && isfinite (st->std))
    {
      double a = axon_axis_to_view (&layout.position_axis,
                                    axon_dist_value_position (grid, st->mean - st->std));
      double b = axon_axis_to_view (&layout.position_axis,
                                    axon_dist_value_position (grid, st->mean + st->std));

      axon_dist_set_source (cr, &style->shade);
      cairo_rectangle (cr, a, layout.y, MAX (1, b - a), layout.height);
      cairo_fill (cr);
    }
  /* Bars, all one path (no overlap, one colour). */
  for (size_t j = 0; j < grid->n_bins; j++)
    {
      double t = axon_colormap_count_position (counts[j], count_max, options->log_count);
      double x0 = axon_axis_to_view (&layout.position_axis, (double) j / grid->n_bins);
      double x1 = axon_axis_to_view (&layout.position_axis, (double) (j + 1) / grid->n_bins);
      double y0 = axon_axis_to_view (&layout.count_axis, 0);
      double y1 = axon_axis_to_view (&layout.count_axis, t);

      if (t > 0)
        cairo_rectangle (cr, x0, y1, x1 - x0, y0 - y1);
    }
  bar.a = 0.85;
  axon_dist_set_source (cr, &bar);
  cairo_fill (cr);
  /* min, max as thin marks, mean as a line. */
  {
    const double marks[3] = { st->min, st->max, st->mean };

    for (int k = 0; k < 3; k++)
      if (isfinite (marks[k]))
        {
          double x = axon_axis_to_view (&layout.position_axis,
                                        axon_dist_value_position (grid, marks[k]));

          cairo_move_to (cr, x, layout.y);
          cairo_line_to (cr, x, layout.y + layout.height);
          if (k == 2)
            {
              axon_dist_set_source (cr, &style->series[1]);
              cairo_set_line_width (cr, 2);
              cairo_stroke (cr);
            }
          else
            {
              const double dash[2] = { 4, 3 };

              axon_dist_set_source (cr, &style->muted);
              cairo_set_line_width (cr, 1);
              cairo_set_dash (cr, dash, 2, 0);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
        }
  }
  cairo_restore (cr);

  axon_dist_value_caption (options, caption, sizeof caption);
  {
    AxonDistRect rect = { layout.x, layout.y, layout.width, layout.height };

    axon_dist_draw_axes_2d (cr, style, &rect, &xt, xpix, &yt, ypix, caption,
                            options->log_count ? _("count (log)") : _("count"), true);
  }
  draw_stats (cr, style, &layout, grid->steps[row], st);
  cairo_restore (cr);
}

void
axon_histogram_render (cairo_t                       *cr,
                       int                            width,
                       int                            height,
                       const AxonStyle               *style,
                       const AxonDistributionOptions *options,
                       const AxonHistogram           *hist)
{
  AxonDistributionOptions o = *options;
  g_autoptr (AxonHistogramGrid) grid = NULL;
  const AxonHistogram *one[1] = { hist };

  /* This one histogram, whatever the step range says. */
  o.step_min = G_MININT64;
  o.step_max = G_MAXINT64;
  grid = axon_distribution_build_grid (&o, one, hist != NULL ? 1 : 0);
  axon_histogram_render_grid (cr, width, height, style, &o, grid, 0);
}
