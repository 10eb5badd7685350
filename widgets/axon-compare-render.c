/* axon-compare-render.c: grouped bars with error bars, one panel per metric. */
#include "axon-compare-render.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "axon-ticks.h"

/* Panels aim at this width / height ratio when the grid is chosen. */
#define PANEL_ASPECT 1.35
/* Bars fill this share of their slot. */
#define BAR_SHARE 0.68
/* 0 joins the axis when the data reach down to this fraction of their largest value. */
#define ZERO_REACH 0.5

typedef struct
{
  PangoLayout *layout;
  PangoFontDescription *font;
  double font_px;
} Text;

static void
text_init (Text            *text,
           cairo_t         *cr,
           const AxonStyle *style)
{
  text->font_px = axon_style_font_px (style);
  text->layout = pango_cairo_create_layout (cr);
  text->font = pango_font_description_from_string (style->font_family != NULL
                                                   ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (text->font, text->font_px * PANGO_SCALE);
  pango_layout_set_font_description (text->layout, text->font);
}

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
  g_clear_pointer (&text->font, pango_font_description_free);
}

static void
text_set (Text       *text,
          double      size_factor,
          gboolean    bold,
          double      max_width,
          const char *str)
{
  pango_font_description_set_absolute_size (text->font,
                                            text->font_px * size_factor * PANGO_SCALE);
  pango_font_description_set_weight (text->font, bold ? PANGO_WEIGHT_BOLD
                                                      : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (text->layout, text->font);
  pango_layout_set_width (text->layout, max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1);
  pango_layout_set_ellipsize (text->layout, max_width > 0 ? PANGO_ELLIPSIZE_END
                                                          : PANGO_ELLIPSIZE_NONE);
  pango_layout_set_text (text->layout, str, -1);
}

static void
text_size (Text   *text,
           double *width,
           double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (text->layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static void
set_source (cairo_t        *cr,
            const AxonRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

/* Draws the current text with its box anchored at (x, y) by xalign/yalign (0..1). */
static void
text_draw (Text           *text,
           cairo_t        *cr,
           double          x,
           double          y,
           double          xalign,
           double          yalign,
           const AxonRgba *colour)
{
  double w, h;

  text_size (text, &w, &h);
  set_source (cr, colour);
  cairo_move_to (cr, x - w * xalign, y - h * yalign);
  pango_cairo_show_layout (cr, text->layout);
}

void
axon_compare_render_options_init (AxonCompareRenderOptions *options,
                                  const AxonCompareTable   *table)
{
  static const guint defaults[] = {
    AXON_COMPARE_SCALAR_MS,
    AXON_COMPARE_BATCH_MELEM_S,
    AXON_COMPARE_BEST_ACCURACY,
    AXON_COMPARE_LAST10_ACCURACY,
    AXON_COMPARE_TEST_ACCURACY,
    AXON_COMPARE_NOISY_ACCURACY,
    AXON_COMPARE_TEST_MINUS_LAST10,
    AXON_COMPARE_NOISY_MINUS_LAST10,
    AXON_COMPARE_ZERO_GRAD_RATIO,
  };

  g_return_if_fail (options != NULL);

  options->table = table;
  options->n_panels = G_N_ELEMENTS (defaults);
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    options->panels[i] = defaults[i];
  options->title = NULL;
}

static AxonRgba
mix (const AxonRgba *a,
     const AxonRgba *b,
     double          t)
{
  return (AxonRgba) { a->r + (b->r - a->r) * t, a->g + (b->g - a->g) * t,
                      a->b + (b->b - a->b) * t, 1 };
}

void
axon_compare_group_colour (const AxonStyle *style,
                           guint            group,
                           AxonRgba        *fill,
                           AxonRgba        *outline,
                           gboolean        *tint)
{
  const AxonRgba *base = &style->series[group % AXON_STYLE_N_SERIES];
  /* A transparent background tints toward white, as the light style. */
  AxonRgba paper = style->background.a > 0 ? style->background : (AxonRgba) { 1, 1, 1, 1 };
  gboolean repeated = group >= AXON_STYLE_N_SERIES;

  if (fill != NULL)
    *fill = repeated ? mix (base, &paper, 0.55) : *base;
  if (outline != NULL)
    *outline = *base;
  if (tint != NULL)
    *tint = repeated;
}

static void
draw_message (cairo_t         *cr,
              int              width,
              int              height,
              const AxonStyle *style,
              const char      *message)
{
  Text text;

  text_init (&text, cr, style);
  text_set (&text, 1.1, FALSE, width * 0.9, message);
  text_draw (&text, cr, width / 2.0, height / 2.0, 0.5, 0.5, &style->muted);
  text_clear (&text);
}

/* The legend: swatch and name per activation, in rows; returns its height. */
static double
draw_legend (cairo_t                *cr,
             Text                   *text,
             const AxonStyle        *style,
             const AxonCompareTable *table,
             double                  x0,
             double                  y0,
             double                  width)
{
  double f = text->font_px, x = x0, y = y0, row_h = f * 1.5, swatch = f * 0.85;
  guint n = axon_compare_table_get_n_groups (table);

  for (guint g = 0; g < n; g++)
    {
      const AxonCompareStats *st = axon_compare_table_get_stats (table, g);
      AxonRgba fill, outline;
      gboolean tint;
      double w, item_w;

      text_set (text, 0.95, FALSE, -1, st->activation);
      text_size (text, &w, NULL);
      item_w = swatch + f * 0.4 + w + f * 1.2;
      if (x > x0 && x + item_w > x0 + width)
        {
          x = x0;
          y += row_h;
        }
      axon_compare_group_colour (style, g, &fill, &outline, &tint);
      cairo_rectangle (cr, x, y + (row_h - swatch) / 2, swatch, swatch);
      set_source (cr, &fill);
      if (tint)
        {
          cairo_fill_preserve (cr);
          set_source (cr, &outline);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);
      text_draw (text, cr, x + swatch + f * 0.4, y + row_h / 2, 0, 0.5, &style->foreground);
      x += item_w;
    }
  return y + row_h - y0;
}

/* The axis range of one panel in display units: [lo, hi], and the bars' baseline. */
static void
panel_range (const AxonCompareTable *table,
             guint                   column,
             double                  scale,
             double                 *lo,
             double                 *hi,
             double                 *baseline,
             gboolean               *cut)
{
  double a = INFINITY, b = -INFINITY, pad;

  for (guint g = 0; g < axon_compare_table_get_n_groups (table); g++)
    {
      const AxonCompareStats *st = axon_compare_table_get_stats (table, g);
      double m = st->mean[column] * scale;
      double s = isfinite (st->std[column]) ? st->std[column] * scale : 0;

      if (!isfinite (m))
        continue;
      a = MIN (a, m - s);
      b = MAX (b, m + s);
    }
  *cut = FALSE;
  if (!(a <= b))
    {
      *lo = 0;
      *hi = 1;
      *baseline = 0;
      return;
    }
  /* Bars measure from 0 unless that would squash every difference into the top. */
  if (a >= 0 && a <= b * ZERO_REACH)
    a = 0;
  else if (b <= 0 && b >= a * ZERO_REACH)
    b = 0;
  else if (a > 0 || b < 0)
    *cut = TRUE;
  pad = (b - a) * 0.08;
  if (pad == 0)
    pad = fabs (a) > 0 ? fabs (a) * 0.05 : 1;
  /* An end at 0 stays exactly there; the others get some air. */
  *lo = a == 0 ? 0 : a - pad;
  *hi = b == 0 ? 0 : b + pad;
  if (*hi <= *lo)
    *hi = *lo + pad;
  *baseline = *cut ? (a > 0 ? *lo : *hi) : 0;
}

static double
to_y (double v,
      double lo,
      double hi,
      double top,
      double bottom)
{
  return bottom - (v - lo) / (hi - lo) * (bottom - top);
}

static void
draw_panel (cairo_t                *cr,
            Text                   *text,
            const AxonStyle        *style,
            const AxonCompareTable *table,
            guint                   column,
            double                  x,
            double                  y,
            double                  w,
            double                  h)
{
  AxonCompareColumnInfo info;
  AxonTicks ticks;
  double f = text->font_px, lo, hi, baseline, label_w = 0, title_h, top, bottom, left, right;
  double slot, bar_w, lw = MAX (1.0, style->line_width * 0.6);
  gboolean cut;
  g_autofree char *title = NULL;
  guint n = axon_compare_table_get_n_groups (table);
  int best = axon_compare_table_get_best (table, column);

  axon_compare_column_info (column, &info);
  panel_range (table, column, info.scale, &lo, &hi, &baseline, &cut);
  axon_ticks_compute (lo, hi, MAX (2, (unsigned) (h / (f * 2.6))), &ticks);

  if (*info.unit != '\0' && *ticks.multiplier != '\0')
    title = g_strdup_printf ("%s (%s %s)", info.title, ticks.multiplier, info.unit);
  else if (*info.unit != '\0')
    title = g_strdup_printf ("%s (%s)", info.title, info.unit);
  else
    title = g_strdup_printf ("%s%s%s", info.title, *ticks.multiplier != '\0' ? " " : "",
                             ticks.multiplier);
  text_set (text, 0.95, TRUE, w, title);
  text_size (text, NULL, &title_h);
  text_draw (text, cr, x + w / 2, y, 0.5, 0, &style->foreground);

  for (size_t i = 0; i < ticks.n; i++)
    {
      double tw;

      text_set (text, 0.8, FALSE, -1, ticks.labels[i]);
      text_size (text, &tw, NULL);
      label_w = MAX (label_w, tw);
    }
  left = x + label_w + f * 0.6;
  right = x + w - f * 0.3;
  top = y + title_h + f * 0.5;
  bottom = y + h - f * 0.4;
  if (right - left < 4 || bottom - top < 4)
    return;

  /* Grid lines and tick labels. */
  cairo_set_line_width (cr, 1);
  for (size_t i = 0; i < ticks.n; i++)
    {
      double ty = round (to_y (ticks.values[i], lo, hi, top, bottom)) + 0.5;

      if (ty < top - 1 || ty > bottom + 1)
        continue;
      set_source (cr, &style->grid);
      cairo_move_to (cr, left, ty);
      cairo_line_to (cr, right, ty);
      cairo_stroke (cr);
      text_set (text, 0.8, FALSE, -1, ticks.labels[i]);
      text_draw (text, cr, left - f * 0.3, ty, 1, 0.5, &style->muted);
    }

  slot = (right - left) / MAX (n, 1u);
  bar_w = slot * BAR_SHARE;
  for (guint g = 0; g < n; g++)
    {
      const AxonCompareStats *st = axon_compare_table_get_stats (table, g);
      double m = st->mean[column] * info.scale;
      double s = st->std[column] * info.scale;
      double cx = left + slot * (g + 0.5), y0, y1;
      AxonRgba fill, outline;
      gboolean tint;

      if (!isfinite (m))
        continue;
      y0 = to_y (baseline, lo, hi, top, bottom);
      y1 = to_y (m, lo, hi, top, bottom);
      axon_compare_group_colour (style, g, &fill, &outline, &tint);
      cairo_rectangle (cr, cx - bar_w / 2, MIN (y0, y1), bar_w, fabs (y1 - y0));
      set_source (cr, &fill);
      if (tint || (int) g == best)
        {
          cairo_fill_preserve (cr);
          /* The best bar of the panel gets a frame in the text colour. */
          set_source (cr, (int) g == best ? &style->foreground : &outline);
          cairo_set_line_width (cr, (int) g == best ? lw * 1.5 : lw);
          cairo_stroke (cr);
        }
      else
        cairo_fill (cr);

      if (isfinite (s) && s > 0)
        {
          double ya = to_y (m - s, lo, hi, top, bottom);
          double yb = to_y (m + s, lo, hi, top, bottom);
          double cap = MAX (bar_w * 0.35, 2);

          cairo_move_to (cr, cx, ya);
          cairo_line_to (cr, cx, yb);
          cairo_move_to (cr, cx - cap / 2, ya);
          cairo_line_to (cr, cx + cap / 2, ya);
          cairo_move_to (cr, cx - cap / 2, yb);
          cairo_line_to (cr, cx + cap / 2, yb);
          /* A thin halo in the background colour keeps the bar visible on dark bars. */
          if (style->background.a > 0)
            {
              set_source (cr, &style->background);
              cairo_set_line_width (cr, lw * 2.5);
              cairo_stroke_preserve (cr);
            }
          set_source (cr, &style->foreground);
          cairo_set_line_width (cr, lw);
          cairo_stroke (cr);
        }
    }

  /* The axis and the baseline; two slashes on the axis when it does not start at 0. */
  set_source (cr, &style->foreground);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left + 0.5, top);
  cairo_line_to (cr, left + 0.5, bottom);
  cairo_stroke (cr);
  {
    double yb = round (to_y (baseline, lo, hi, top, bottom)) + 0.5;

    cairo_move_to (cr, left, yb);
    cairo_line_to (cr, right, yb);
    cairo_stroke (cr);
    if (cut)
      {
        double d = f * 0.3, dir = baseline == lo ? -1 : 1;

        for (int k = 0; k < 2; k++)
          {
            double sy = yb + dir * (f * 0.35 + k * d * 0.8);

            cairo_move_to (cr, left - d, sy + d * 0.5);
            cairo_line_to (cr, left + d, sy - d * 0.5);
          }
        cairo_stroke (cr);
      }
  }
}

/* The grid of panels: panels near PANEL_ASPECT, few empty cells (9 panels: 3 × 3). */
static guint
choose_columns (guint  n_panels,
                double width,
                double height)
{
  guint best = 1;
  double best_cost = INFINITY;

  for (guint cols = 1; cols <= n_panels; cols++)
    {
      guint rows = (n_panels + cols - 1) / cols;
      double aspect = (width / cols) / MAX (height / rows, 1.0);
      double cost = fabs (log (aspect / PANEL_ASPECT)) + 0.35 * (rows * cols - n_panels);

      if (cost < best_cost)
        {
          best = cols;
          best_cost = cost;
        }
    }
  return best;
}

void
axon_compare_render (cairo_t                        *cr,
                     int                             width,
                     int                             height,
                     const AxonStyle                *style,
                     const AxonCompareRenderOptions *options)
{
  const AxonCompareTable *table;
  Text text;
  double f, x, y, w, h, legend_h;
  guint n_panels = 0, panels[AXON_COMPARE_MAX_COLUMNS], cols, rows;

  g_return_if_fail (cr != NULL && style != NULL && options != NULL);

  cairo_save (cr);
  if (style->background.a > 0)
    {
      set_source (cr, &style->background);
      cairo_paint (cr);
    }

  table = options->table;
  if (table != NULL)
    for (guint i = 0; i < options->n_panels && i < AXON_COMPARE_MAX_COLUMNS; i++)
      if (options->panels[i] < axon_compare_table_get_n_columns (table))
        panels[n_panels++] = options->panels[i];
  if (table == NULL || axon_compare_table_get_n_groups (table) == 0 || n_panels == 0
      || width < 40 || height < 40)
    {
      draw_message (cr, width, height, style, _("No comparison results yet"));
      cairo_restore (cr);
      return;
    }

  text_init (&text, cr, style);
  f = text.font_px;
  x = f;
  y = f * 0.6;
  w = width - 2 * f;
  if (options->title != NULL && *options->title != '\0')
    {
      double th;

      text_set (&text, 1.25, TRUE, w, options->title);
      text_size (&text, NULL, &th);
      text_draw (&text, cr, width / 2.0, y, 0.5, 0, &style->foreground);
      y += th + f * 0.3;
    }
  legend_h = draw_legend (cr, &text, style, table, x, y, w);
  y += legend_h + f * 0.6;
  h = height - y - f * 0.4;

  cols = choose_columns (n_panels, w, h);
  rows = (n_panels + cols - 1) / cols;
  for (guint i = 0; i < n_panels; i++)
    {
      double pw = w / cols, ph = h / rows;
      double px = x + (i % cols) * pw, py = y + (i / cols) * ph;

      draw_panel (cr, &text, style, table, panels[i], px + f * 0.3, py, pw - f * 0.9,
                  ph - f * 0.8);
    }
  text_clear (&text);
  cairo_restore (cr);
}

void
axon_compare_render_func (cairo_t         *cr,
                          int              width,
                          int              height,
                          const AxonStyle *style,
                          gpointer         user_data)
{
  axon_compare_render (cr, width, height, style, user_data);
}
