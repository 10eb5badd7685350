/* axon-distribution-private.c: text, axes and scales shared by the distribution renderers. */
#include "axon-distribution-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-colormap.h"

void
axon_dist_text_init (AxonDistText    *text,
                     cairo_t         *cr,
                     const AxonStyle *style,
                     double           size_factor)
{
  PangoFontDescription *font;

  text->font_px = axon_style_font_px (style) * size_factor;
  text->layout = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, text->font_px * PANGO_SCALE);
  pango_layout_set_font_description (text->layout, font);
  pango_font_description_free (font);
}

void
axon_dist_text_clear (AxonDistText *text)
{
  g_clear_object (&text->layout);
}

void
axon_dist_text_set_bold (AxonDistText *text,
                         bool          bold)
{
  PangoFontDescription *font =
    pango_font_description_copy (pango_layout_get_font_description (text->layout));

  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text->layout, font);
  pango_font_description_free (font);
}

void
axon_dist_text_size (AxonDistText *text,
                     const char   *str,
                     double       *width,
                     double       *height)
{
  PangoRectangle logical;

  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

void
axon_dist_text_draw (AxonDistText   *text,
                     cairo_t        *cr,
                     const char     *str,
                     double          x,
                     double          y,
                     double          xalign,
                     double          yalign,
                     const AxonRgba *colour)
{
  PangoRectangle logical;

  if (str == NULL || *str == '\0')
    return;
  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_pixel_extents (text->layout, NULL, &logical);
  axon_dist_set_source (cr, colour);
  cairo_move_to (cr, round (x - xalign * logical.width), round (y - yalign * logical.height));
  pango_cairo_show_layout (cr, text->layout);
}

static double
value_coordinate (const AxonHistogramGrid *grid,
                  double                   value)
{
  return grid->scale == AXON_BIN_SCALE_SYMLOG ? axon_symlog (value, grid->symlog_c) : value;
}

double
axon_dist_value_position (const AxonHistogramGrid *grid,
                          double                   value)
{
  double a = value_coordinate (grid, grid->value_min);
  double b = value_coordinate (grid, grid->value_max);

  return b > a ? (value_coordinate (grid, value) - a) / (b - a) : 0.5;
}

void
axon_dist_value_ticks (const AxonHistogramGrid *grid,
                       unsigned                 max_ticks,
                       AxonTicks               *ticks)
{
  double lo = grid->value_min, hi = grid->value_max;
  double cand[2 * 64 + 1];
  size_t nc = 0;
  double gap;
  int kmax, kmin;

  if (grid->scale != AXON_BIN_SCALE_SYMLOG)
    {
      axon_ticks_compute (lo, hi, max_ticks, ticks);
      return;
    }
  /* Symlog: 0 and +-10^k, keeping only ticks at least 1/max_ticks of the axis apart,
   * preferring large magnitudes (the ends) over the crowded ones near c. */
  max_ticks = CLAMP (max_ticks, 2, AXON_TICKS_MAX);
  gap = 0.9 / max_ticks;
  kmax = (int) ceil (log10 (MAX (fabs (lo), fabs (hi))));
  kmin = (int) floor (log10 (grid->symlog_c)) - 1;
  kmin = MAX (kmin, kmax - 60);
  /* 0 first: it is the landmark of a symlog axis. Decades inside the linear core (below
   * c) would crowd it and read as a different number at the same place. */
  if (lo <= 0 && hi >= 0)
    cand[nc++] = 0;
  for (int k = kmax; k >= kmin && nc + 2 < G_N_ELEMENTS (cand); k--)
    {
      double v = pow (10, k);

      if (v < grid->symlog_c)
        break;
      if (v <= hi && v >= lo)
        cand[nc++] = v;
      if (-v >= lo && -v <= hi)
        cand[nc++] = -v;
    }
  /* Greedy keep in priority order, then sort by value. */
  {
    double kept[AXON_TICKS_MAX];
    size_t nk = 0;

    for (size_t i = 0; i < nc && nk < max_ticks; i++)
      {
        double p = axon_dist_value_position (grid, cand[i]);
        gboolean ok = TRUE;

        for (size_t j = 0; j < nk && ok; j++)
          if (fabs (axon_dist_value_position (grid, kept[j]) - p) < gap)
            ok = FALSE;
        if (ok)
          kept[nk++] = cand[i];
      }
    /* Insertion sort: at most AXON_TICKS_MAX. */
    for (size_t i = 1; i < nk; i++)
      for (size_t j = i; j > 0 && kept[j - 1] > kept[j]; j--)
        {
          double t = kept[j];

          kept[j] = kept[j - 1];
          kept[j - 1] = t;
        }
    if (nk == 0)
      {
        axon_ticks_compute (lo, hi, max_ticks, ticks);
        return;
      }
    ticks->n = nk;
    ticks->step = 0;
    for (size_t i = 0; i < nk; i++)
      {
        ticks->values[i] = kept[i];
        axon_ticks_format_value (kept[i], ticks->labels[i], AXON_TICK_LABEL_SIZE);
      }
  }
}

double
axon_dist_step_position (const AxonHistogramGrid *grid,
                         double                   step)
{
  double a, b;

  if (grid->n_steps < 2)
    return 0.5;
  a = (double) grid->steps[0];
  b = (double) grid->steps[grid->n_steps - 1];
  return b > a ? (step - a) / (b - a) : 0.5;
}

void
axon_dist_step_ticks (const AxonHistogramGrid *grid,
                      unsigned                 max_ticks,
                      AxonTicks               *ticks)
{
  double a = grid->n_steps ? (double) grid->steps[0] : 0;
  double b = grid->n_steps ? (double) grid->steps[grid->n_steps - 1] : 1;
  size_t k = 0;

  if (b - a < 1)
    {
      ticks->n = 1;
      ticks->step = 0;
      ticks->values[0] = a;
      axon_ticks_format_value (a, ticks->labels[0], AXON_TICK_LABEL_SIZE);
      return;
    }
  /* At most b - a + 1 ticks, so the 1-2-5 step never goes below 1. */
  axon_ticks_compute (a, b, (unsigned) MIN ((double) max_ticks, b - a + 1), ticks);
  for (size_t i = 0; i < ticks->n; i++)
    if (ticks->values[i] == floor (ticks->values[i]))
      {
        if (k != i)
          {
            ticks->values[k] = ticks->values[i];
            memcpy (ticks->labels[k], ticks->labels[i], AXON_TICK_LABEL_SIZE);
          }
        k++;
      }
  if (k > 0)
    ticks->n = k;
}

unsigned
axon_dist_max_ticks (double           length,
                     const AxonStyle *style,
                     double           em,
                     unsigned         most)
{
  return (unsigned) CLAMP (length / (axon_style_font_px (style) * em), 2, most);
}

void
axon_dist_value_ticks_along (const AxonHistogramGrid *grid,
                             const AxonAxis          *axis,
                             unsigned                 max_ticks,
                             AxonTicks               *ticks,
                             double                  *pix)
{
  axon_dist_value_ticks (grid, max_ticks, ticks);
  for (size_t k = 0; k < ticks->n; k++)
    pix[k] = axon_axis_to_view (axis, axon_dist_value_position (grid, ticks->values[k]));
}

void
axon_dist_step_ticks_along (const AxonHistogramGrid *grid,
                            const AxonAxis          *axis,
                            unsigned                 max_ticks,
                            AxonTicks               *ticks,
                            double                  *pix)
{
  axon_dist_step_ticks (grid, max_ticks, ticks);
  for (size_t k = 0; k < ticks->n; k++)
    pix[k] = axon_axis_to_view (axis, ticks->values[k]);
}

void
axon_dist_count_ticks_along (double          count_max,
                             bool            log_count,
                             const AxonAxis *axis,
                             unsigned        max_ticks,
                             AxonTicks      *ticks,
                             double         *pix)
{
  double values[AXON_TICKS_MAX];

  ticks->n = axon_colormap_count_ticks (count_max, log_count, values, max_ticks);
  ticks->step = 0;
  ticks->exponent = 0;
  for (size_t k = 0; k < ticks->n; k++)
    {
      ticks->values[k] = values[k];
      axon_ticks_format_value (values[k], ticks->labels[k], AXON_TICK_LABEL_SIZE);
      pix[k] = axon_axis_to_view (axis, axon_colormap_count_position (values[k], count_max,
                                                                       log_count));
    }
}

void
axon_dist_value_caption (const AxonDistributionOptions *options,
                         char                          *buffer,
                         size_t                         size)
{
  const char *label = options->value_label ? options->value_label : _("value");

  if (options->value_scale == AXON_BIN_SCALE_SYMLOG)
    /* TRANSLATORS: an axis caption: "value (symlog)", symmetric-log scale */
    g_snprintf (buffer, size, _("%s (symlog)"), label);
  else
    g_strlcpy (buffer, label, size);
}

void
axon_dist_paint_background (cairo_t         *cr,
                            int              width,
                            int              height,
                            const AxonStyle *style)
{
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_rectangle (cr, 0, 0, width, height);
  axon_dist_set_source (cr, &style->background);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
axon_dist_draw_empty (cairo_t         *cr,
                      int              width,
                      int              height,
                      const AxonStyle *style,
                      const char      *message)
{
  AxonDistText text;

  axon_dist_text_init (&text, cr, style, 1.1);
  axon_dist_text_draw (&text, cr, message ? message : _("No histograms to show"),
                       width / 2.0, height / 2.0, 0.5, 0.5, &style->muted);
  axon_dist_text_clear (&text);
}

bool
axon_dist_begin_figure (cairo_t                       *cr,
                        int                            width,
                        int                            height,
                        const AxonStyle               *style,
                        const AxonDistributionOptions *options,
                        bool                           has_data,
                        const char                    *empty_message)
{
  cairo_save (cr);
  axon_dist_paint_background (cr, width, height, style);
  axon_dist_draw_title (cr, style, options->title);
  if (!has_data)
    axon_dist_draw_empty (cr, width, height, style, empty_message);
  cairo_restore (cr);
  return has_data;
}

void
axon_dist_plot_rect (int              width,
                     int              height,
                     const AxonStyle *style,
                     const char      *title,
                     double           right_reserve,
                     AxonDistRect    *rect)
{
  double f = axon_style_font_px (style);
  double left = f * 5.2, bottom = f * 3.6, top = f * (title && *title ? 2.6 : 1.0);
  double right = f * 1.2 + right_reserve;

  rect->x = left;
  rect->y = top;
  rect->width = MAX (1, width - left - right);
  rect->height = MAX (1, height - top - bottom);
}

void
axon_dist_draw_title (cairo_t         *cr,
                      const AxonStyle *style,
                      const char      *title)
{
  AxonDistText text;

  if (title == NULL || *title == '\0')
    return;
  axon_dist_text_init (&text, cr, style, 1.05);
  axon_dist_text_set_bold (&text, true);
  axon_dist_text_draw (&text, cr, title, axon_style_font_px (style) * 1.2,
                       axon_style_font_px (style) * 0.6, 0, 0, &style->foreground);
  axon_dist_text_clear (&text);
}

void
axon_dist_draw_axes_2d (cairo_t            *cr,
                        const AxonStyle    *style,
                        const AxonDistRect *rect,
                        const AxonTicks    *xticks,
                        const double       *xpix,
                        const AxonTicks    *yticks,
                        const double       *ypix,
                        const char         *xcaption,
                        const char         *ycaption,
                        bool                grid)
{
  AxonDistText text;
  double x0 = rect->x, y0 = rect->y, x1 = rect->x + rect->width, y1 = rect->y + rect->height;
  double ymax_w = 0;

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  if (grid)
    {
      axon_dist_set_source (cr, &style->grid);
      for (size_t k = 0; k < xticks->n; k++)
        if (xpix[k] >= x0 - 0.5 && xpix[k] <= x1 + 0.5)
          {
            cairo_move_to (cr, round (xpix[k]) + 0.5, y0);
            cairo_line_to (cr, round (xpix[k]) + 0.5, y1);
          }
      for (size_t k = 0; k < yticks->n; k++)
        if (ypix[k] >= y0 - 0.5 && ypix[k] <= y1 + 0.5)
          {
            cairo_move_to (cr, x0, round (ypix[k]) + 0.5);
            cairo_line_to (cr, x1, round (ypix[k]) + 0.5);
          }
      cairo_stroke (cr);
    }
  axon_dist_set_source (cr, &style->foreground);
  cairo_rectangle (cr, round (x0) + 0.5, round (y0) + 0.5, round (x1) - round (x0),
                   round (y1) - round (y0));
  cairo_stroke (cr);

  axon_dist_text_init (&text, cr, style, 0.85);
  for (size_t k = 0; k < xticks->n; k++)
    if (xpix[k] >= x0 - 0.5 && xpix[k] <= x1 + 0.5)
      {
        cairo_move_to (cr, round (xpix[k]) + 0.5, y1);
        cairo_line_to (cr, round (xpix[k]) + 0.5, y1 + 4);
        axon_dist_text_draw (&text, cr, xticks->labels[k], xpix[k], y1 + 6, 0.5, 0,
                             &style->foreground);
      }
  for (size_t k = 0; k < yticks->n; k++)
    if (ypix[k] >= y0 - 0.5 && ypix[k] <= y1 + 0.5)
      {
        double w;

        cairo_move_to (cr, x0 - 4, round (ypix[k]) + 0.5);
        cairo_line_to (cr, x0, round (ypix[k]) + 0.5);
        axon_dist_text_draw (&text, cr, yticks->labels[k], x0 - 6, ypix[k], 1, 0.5,
                             &style->foreground);
        axon_dist_text_size (&text, yticks->labels[k], &w, NULL);
        ymax_w = MAX (ymax_w, w);
      }
  axon_dist_set_source (cr, &style->foreground);
  cairo_stroke (cr);

  axon_dist_text_set_bold (&text, true);
  if (xcaption != NULL)
    axon_dist_text_draw (&text, cr, xcaption, (x0 + x1) / 2, y1 + 6 + text.font_px * 1.5, 0.5,
                         0, &style->muted);
  if (ycaption != NULL)
    {
      double w, h;

      axon_dist_text_size (&text, ycaption, &w, &h);
      cairo_save (cr);
      cairo_translate (cr, MAX (h * 0.2, x0 - 10 - ymax_w - h), (y0 + y1) / 2 + w / 2);
      cairo_rotate (cr, -G_PI / 2);
      axon_dist_text_draw (&text, cr, ycaption, 0, 0, 0, 0, &style->muted);
      cairo_restore (cr);
    }
  axon_dist_text_clear (&text);
  cairo_restore (cr);
}
