/* axon-plot-render.c: the f(x) / f'(x) figure with Cairo and PangoCairo.
 *
 * One frame: sample the visible series (one sample per 1.5 device pixels plus the exact
 * kinks), fit y, measure the tick labels, place the panes (all in plan ()), then draw;
 * the legend and the crosshair readout are placed together, apart. axon_plot_layout runs
 * the same steps, so the widget's hit-testing sees exactly the drawn geometry. Text is
 * measured with hinted metrics off, so the geometry does not depend on the surface.
 *
 * Speed (target: 8 curves with derivatives at 1600x1000 in 4 ms, `axon bench render`):
 * Cairo's stroker costs per segment, so nearly straight stretches are merged within
 * 0.15 device pixels before stroking, and laid-out labels are cached between frames.
 */
#include "axon-plot-render.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "axon-plot-sample.h"
#include "axon-registry.h"
#include "axon-ticks.h"

/* Pixels per sample along x; kinks come on top. Finer costs time without a visible gain. */
#define PX_PER_SAMPLE 1.5
#define SATURATION_LIMIT 0.1
#define Y_PAD 0.05 /* auto-fit margin, fraction of the span on each side */

typedef struct
{
  PangoLayout *layout; /* NULL when there is no text; borrowed from the text cache */
  double width;
  double height;
} Label;

typedef struct _TextCache TextCache;

typedef struct
{
  AxonTicks ticks;
  Label labels[AXON_TICKS_MAX];
  double max_width;
} AxisText;

typedef struct
{
  AxonPlotPane pane;
  gboolean x_labels; /* the top pane of a stacked figure shares the bottom one's labels */
  AxisText x_text;
  AxisText y_text;
  Label y_caption;
  Label x_caption;
} PaneFrame;

typedef struct
{
  size_t index; /* into the caller's series array */
  const AxonPlotSeries *series;
  AxonRgba colour;
  const char *label;
  double kinks[AXON_MAX_KINKS];
  size_t n_kinks;
  AxonPolyline f;
  AxonPolyline df;
  gboolean has_df;
  gboolean band; /* rrelu band shown */
  double band_lower;
  double band_upper;
} Curve;

typedef struct
{
  int width;
  int height;
  const AxonStyle *style;
  const AxonPlotOptions *options;
  double x_min;
  double x_max;
  gboolean two_panes;
  gboolean overlaid; /* f' dashed in the f pane */
  gboolean df_needed;
  /* Sizes, in pixels, derived from the font size. */
  double font_px;
  double pad;
  double tick_len;
  double gap;
  double text_h;
  double device_scale; /* device pixels per unit the samples are taken for */
  TextCache *text;
  Curve *curves;
  size_t n_curves;
  PaneFrame panes[AXON_PLOT_MAX_PANES];
  unsigned n_panes;
} Frame;

void
axon_plot_options_init (AxonPlotOptions *options)
{
  memset (options, 0, sizeof *options);
  options->x_min = -5;
  options->x_max = 5;
  for (int k = 0; k < AXON_PLOT_N_PANE_KINDS; k++)
    {
      options->y[k].auto_fit = true;
      options->y[k].min = -1;
      options->y[k].max = 1;
    }
  options->layout = AXON_PLOT_LAYOUT_STACKED;
  options->show_derivative = true;
  options->grid = true;
  options->legend = true;
  options->focus = -1;
  options->crosshair_x = 0;
  options->scale = 1;
}

void
axon_plot_series_init (AxonPlotSeries       *series,
                       const AxonActivation *activation,
                       unsigned              colour)
{
  memset (series, 0, sizeof *series);
  series->activation = activation;
  if (activation != NULL)
    axon_params_init_default (activation, &series->params);
  series->colour = colour;
  series->visible = true;
  series->label = NULL;
}

/* Text
 *
 * Shaping is the dearest part of text, and a frame mostly repeats the last one's labels,
 * so laid-out labels are kept per thread, keyed by their text, for the font of the last
 * frame. The cache only ever changes between frames (plan () starts a frame), so the
 * layouts a frame borrows stay valid until it ends. */

#define TEXT_CACHE_MAX 512

typedef struct
{
  PangoLayout *layout;
  double width;
  double height;
} CachedText;

struct _TextCache
{
  PangoContext *context; /* hinted metrics off: geometry independent of the surface */
  PangoFontDescription *font;
  GHashTable *texts;     /* "m" or "t" + text -> CachedText */
};

static void
cached_text_free (gpointer data)
{
  CachedText *t = data;

  g_object_unref (t->layout);
  g_free (t);
}

static void
text_cache_free (gpointer data)
{
  TextCache *cache = data;

  g_hash_table_unref (cache->texts);
  pango_font_description_free (cache->font);
  g_object_unref (cache->context);
  g_free (cache);
}

static GPrivate text_cache_key = G_PRIVATE_INIT (text_cache_free);

/* This thread's cache, emptied if the font differs from the last frame's. */
static TextCache *
text_cache_begin (const char *family,
                  double      font_px)
{
  TextCache *cache = g_private_get (&text_cache_key);
  PangoFontDescription *font;

  font = pango_font_description_from_string (family != NULL ? family : "Sans");
  pango_font_description_set_absolute_size (font, font_px * PANGO_SCALE);

  if (cache == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cache = g_new0 (TextCache, 1);
      cache->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (cache->context, options);
      cairo_font_options_destroy (options);
      cache->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_text_free);
      g_private_set (&text_cache_key, cache);
    }
  if (cache->font == NULL || !pango_font_description_equal (cache->font, font))
    {
      g_clear_pointer (&cache->font, pango_font_description_free);
      cache->font = font;
      g_hash_table_remove_all (cache->texts);
    }
  else
    pango_font_description_free (font);
  /* Readouts make new strings every frame: keep the cache bounded. */
  if (g_hash_table_size (cache->texts) > TEXT_CACHE_MAX)
    g_hash_table_remove_all (cache->texts);
  return cache;
}

static void
label_set (Frame      *frame,
           Label      *label,
           const char *text,
           gboolean    markup)
{
  TextCache *cache = frame->text;
  g_autofree char *key = g_strconcat (markup ? "m" : "t", text, NULL);
  CachedText *cached = g_hash_table_lookup (cache->texts, key);

  if (cached == NULL)
    {
      PangoRectangle logical;

      cached = g_new0 (CachedText, 1);
      cached->layout = pango_layout_new (cache->context);
      pango_layout_set_font_description (cached->layout, cache->font);
      if (markup)
        pango_layout_set_markup (cached->layout, text, -1);
      else
        pango_layout_set_text (cached->layout, text, -1);
      pango_layout_get_extents (cached->layout, NULL, &logical);
      cached->width = ceil ((double) logical.width / PANGO_SCALE);
      cached->height = ceil ((double) logical.height / PANGO_SCALE);
      g_hash_table_insert (cache->texts, g_steal_pointer (&key), cached);
    }
  label->layout = cached->layout;
  label->width = cached->width;
  label->height = cached->height;
}

static void
label_clear (Label *label)
{
  label->layout = NULL; /* borrowed from the cache */
}

static void
axis_text_compute (Frame    *frame,
                   AxisText *text,
                   double    min,
                   double    max,
                   unsigned  max_ticks)
{
  axon_ticks_compute (min, max, max_ticks, &text->ticks);
  text->max_width = 0;
  for (size_t i = 0; i < text->ticks.n; i++)
    {
      label_set (frame, &text->labels[i], text->ticks.labels[i], FALSE);
      text->max_width = MAX (text->max_width, text->labels[i].width);
    }
}

static void
axis_text_clear (AxisText *text)
{
  for (size_t i = 0; i < AXON_TICKS_MAX; i++)
    label_clear (&text->labels[i]);
}

/* Sampling and fitting */

static gboolean
want_shading (const Frame *frame,
              const Curve *curve)
{
  const AxonPlotOptions *o = frame->options;
  return o->focus < 0 || (size_t) o->focus == curve->index;
}

static void
curve_setup_band (Frame *frame,
                  Curve *curve)
{
  const AxonActivation *a = curve->series->activation;
  int lo, hi;

  curve->band = FALSE;
  if (!frame->options->shade_rrelu_band || a->id != AXON_ACTIVATION_rrelu
      || !want_shading (frame, curve))
    return;
  lo = axon_activation_param_index (a, "lower");
  hi = axon_activation_param_index (a, "upper");
  if (lo < 0 || hi < 0)
    return;
  curve->band_lower = curve->series->params.v[lo];
  curve->band_upper = curve->series->params.v[hi];
  curve->band = isfinite (curve->band_lower) && isfinite (curve->band_upper);
}

static void
sample_curves (Frame                *frame,
               const AxonPlotSeries *series,
               size_t                n_series,
               size_t                n_steps)
{
  frame->curves = g_new0 (Curve, MAX (n_series, 1));
  frame->n_curves = 0;
  for (size_t i = 0; i < n_series; i++)
    {
      const AxonPlotSeries *s = &series[i];
      Curve *c;

      if (s->activation == NULL || s->activation->f64 == NULL || !s->visible)
        continue;
      c = &frame->curves[frame->n_curves++];
      c->index = i;
      c->series = s;
      c->colour = frame->style->series[s->colour % AXON_STYLE_N_SERIES];
      c->label = s->label != NULL ? s->label : s->activation->name;
      axon_polyline_init (&c->f);
      axon_polyline_init (&c->df);
      c->n_kinks = axon_plot_kinks (s->activation, &s->params, frame->x_min, frame->x_max,
                                    c->kinks);
      axon_plot_sample (s->activation->f64, &s->params, c->kinks, c->n_kinks, frame->x_min,
                        frame->x_max, n_steps, &c->f);
      c->has_df = frame->df_needed && s->activation->df64 != NULL;
      if (c->has_df)
        axon_plot_sample (s->activation->df64, &s->params, c->kinks, c->n_kinks,
                          frame->x_min, frame->x_max, n_steps, &c->df);
      curve_setup_band (frame, c);
    }
}

static void
extend (double *lo,
        double *hi,
        double  v)
{
  if (!isfinite (v))
    return;
  *lo = fmin (*lo, v);
  *hi = fmax (*hi, v);
}

/* The y range of a pane: fixed, or the visible curves with a margin. */
static void
fit_y (const Frame      *frame,
       AxonPlotPaneKind  kind,
       double           *y_min,
       double           *y_max)
{
  const AxonPlotYRange *range = &frame->options->y[kind];
  gboolean want_f = kind == AXON_PLOT_PANE_FUNCTION;
  gboolean want_df = kind == AXON_PLOT_PANE_DERIVATIVE || frame->overlaid;
  double lo = INFINITY, hi = -INFINITY;

  if (!range->auto_fit)
    {
      *y_min = range->min;
      *y_max = range->max;
      axon_axis_normalise_range (y_min, y_max);
      return;
    }

  for (size_t i = 0; i < frame->n_curves; i++)
    {
      const Curve *c = &frame->curves[i];
      double a, b;

      if (want_f && axon_polyline_y_extent (&c->f, &a, &b))
        {
          extend (&lo, &hi, a);
          extend (&lo, &hi, b);
        }
      if (want_df && c->has_df && axon_polyline_y_extent (&c->df, &a, &b))
        {
          extend (&lo, &hi, a);
          extend (&lo, &hi, b);
        }
      if (c->band && frame->x_min < 0)
        {
          double xl = frame->x_min, xr = fmin (frame->x_max, 0);
          if (want_f)
            {
              extend (&lo, &hi, c->band_lower * xl);
              extend (&lo, &hi, c->band_upper * xl);
              extend (&lo, &hi, c->band_lower * xr);
              extend (&lo, &hi, c->band_upper * xr);
            }
          if (want_df)
            {
              extend (&lo, &hi, c->band_lower);
              extend (&lo, &hi, c->band_upper);
            }
        }
    }

  /* Derivatives are read against 0 (dead zones, saturation): keep it in view. */
  if (kind == AXON_PLOT_PANE_DERIVATIVE && lo <= hi)
    {
      lo = fmin (lo, 0);
      hi = fmax (hi, 0);
    }
  if (lo <= hi && hi > lo)
    {
      double pad = Y_PAD * (hi - lo);
      lo -= pad;
      hi += pad;
    }
  else if (lo > hi)
    {
      lo = -1;
      hi = 1;
    }
  *y_min = lo;
  *y_max = hi;
  axon_axis_normalise_range (y_min, y_max);
}

/* Layout */

static unsigned
ticks_for_length (double length,
                  double spacing)
{
  double n = floor (length / MAX (spacing, 1.0)) + 1;
  return (unsigned) CLAMP (n, 2, AXON_TICKS_MAX);
}

static const char *
caption_markup (AxonPlotPaneKind kind,
                gboolean         overlaid)
{
  /* Translators: axis captions in Pango markup; keep the <i> tags around the variables. */
  if (overlaid)
    return _("<i>f</i>(<i>x</i>), <i>f</i>′(<i>x</i>)");
  if (kind == AXON_PLOT_PANE_DERIVATIVE)
    return _("<i>f</i>′(<i>x</i>)");
  return _("<i>f</i>(<i>x</i>)");
}

/* The caption, with the ticks' common power of ten when they have one. */
static void
set_caption (Frame           *frame,
             Label           *label,
             const char      *markup,
             const AxonTicks *ticks)
{
  g_autofree char *text = NULL;

  if (ticks == NULL || ticks->multiplier[0] == '\0')
    {
      label_set (frame, label, markup, TRUE);
      return;
    }
  text = g_strdup_printf ("%s  (%s)", markup, ticks->multiplier);
  label_set (frame, label, text, TRUE);
}

static void
place_y (Frame     *frame,
         PaneFrame *pf,
         double     top,
         double     height)
{
  double lo, hi;

  fit_y (frame, pf->pane.kind, &lo, &hi);
  pf->pane.y = top;
  pf->pane.height = MAX (height, 1);
  pf->pane.y_axis = axon_axis_make (lo, hi, pf->pane.y + pf->pane.height, pf->pane.y);
  axis_text_compute (frame, &pf->y_text, lo, hi,
                     ticks_for_length (pf->pane.height, 2.6 * frame->text_h));
  set_caption (frame, &pf->y_caption, caption_markup (pf->pane.kind, frame->overlaid),
               &pf->y_text.ticks);
}

/* Everything left of a pane's data area: caption, labels, ticks. */
static double
left_margin (const Frame     *frame,
             const PaneFrame *pf)
{
  return pf->y_caption.height + frame->gap + pf->y_text.max_width + frame->gap
         + frame->tick_len;
}

/* x ticks for a pane of the given width: as many as fit with a gap of 1.5 em. */
static void
place_x_ticks (Frame     *frame,
               PaneFrame *pf)
{
  unsigned n = ticks_for_length (pf->pane.width, 4.5 * frame->font_px);

  /* Shrink until the widest label fits between neighbours. */
  for (int attempt = 0; attempt < 6; attempt++)
    {
      axis_text_compute (frame, &pf->x_text, frame->x_min, frame->x_max, n);
      if (pf->x_text.ticks.n <= 2 || pf->x_text.ticks.step == 0)
        break;
      if (axon_axis_data_per_pixel (&pf->pane.x_axis) > 0
          && pf->x_text.ticks.step / axon_axis_data_per_pixel (&pf->pane.x_axis)
               >= pf->x_text.max_width + 1.5 * frame->font_px)
        break;
      n = MAX (2, (unsigned) pf->x_text.ticks.n - 1);
    }
}

static void
set_x (Frame     *frame,
       PaneFrame *pf,
       double     left,
       double     width)
{
  pf->pane.x = left;
  pf->pane.width = MAX (width, 1);
  pf->pane.x_axis = axon_axis_make (frame->x_min, frame->x_max, pf->pane.x,
                                    pf->pane.x + pf->pane.width);
}

/* options->scale made sane: 1 for unset, NaN or below 1, at most 8. */
static double
options_scale (const AxonPlotOptions *options)
{
  double s = options->scale;

  return isfinite (s) && s > 1 ? MIN (s, 8) : 1;
}

/* Device pixels per user unit of cr (1 on recording surfaces, as GTK's snapshot gives). */
static double
ctm_scale (cairo_t *cr)
{
  double dx = 1, dy = 0, scale;
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  if (type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PDF
      || type == CAIRO_SURFACE_TYPE_PS)
    return 1;
  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = hypot (dx, dy);
  return isfinite (scale) && scale > 1 ? MIN (scale, 8) : 1;
}

static void
plan (Frame                 *frame,
      int                    width,
      int                    height,
      const AxonStyle       *style,
      const AxonPlotOptions *options,
      const AxonPlotSeries  *series,
      size_t                 n_series,
      double                 device_scale)
{
  const AxonPlotOptions *o = options;
  gboolean side_by_side;
  double est_width, bottom, top, right;
  Label probe = { 0 };

  memset (frame, 0, sizeof *frame);
  frame->width = MAX (width, 1);
  frame->height = MAX (height, 1);
  frame->style = style;
  frame->options = options;
  frame->x_min = o->x_min;
  frame->x_max = o->x_max;
  axon_axis_normalise_range (&frame->x_min, &frame->x_max);

  frame->two_panes = o->show_derivative && (o->layout == AXON_PLOT_LAYOUT_STACKED
                                            || o->layout == AXON_PLOT_LAYOUT_SIDE_BY_SIDE);
  side_by_side = frame->two_panes && o->layout == AXON_PLOT_LAYOUT_SIDE_BY_SIDE;
  frame->overlaid = o->show_derivative && o->layout == AXON_PLOT_LAYOUT_OVERLAID;
  frame->df_needed = frame->two_panes || frame->overlaid || o->shade_saturation
                     || o->shade_dead_zone;
  frame->n_panes = frame->two_panes ? 2 : 1;

  frame->font_px = axon_style_font_px (style);
  frame->pad = round (0.9 * frame->font_px);
  frame->tick_len = round (0.4 * frame->font_px);
  frame->gap = round (0.35 * frame->font_px);

  frame->text = text_cache_begin (style->font_family, frame->font_px);
  label_set (frame, &probe, "0123456789", FALSE);
  frame->text_h = probe.height;
  label_clear (&probe);

  /* Sample first (the y fit needs the values); the data width is not known yet, so
   * sample for the widest it can be. */
  frame->device_scale = device_scale;
  est_width = side_by_side ? frame->width / 2.0 : frame->width;
  sample_curves (frame, series, n_series,
                 (size_t) MAX (16, ceil (est_width * device_scale / PX_PER_SAMPLE)));

  for (unsigned k = 0; k < frame->n_panes; k++)
    {
      PaneFrame *pf = &frame->panes[k];
      pf->pane.kind = k == 0 ? AXON_PLOT_PANE_FUNCTION : AXON_PLOT_PANE_DERIVATIVE;
      pf->x_labels = !(frame->two_panes && !side_by_side && k == 0);
      set_caption (frame, &pf->y_caption, caption_markup (pf->pane.kind, frame->overlaid),
                   NULL);
    }

  /* Vertical placement. */
  top = frame->pad;
  bottom = frame->tick_len + frame->gap + frame->text_h + frame->gap
           + frame->text_h + frame->pad * 0.6;
  if (frame->two_panes && !side_by_side)
    {
      double between = round (1.2 * frame->font_px);
      double h = floor ((frame->height - top - bottom - between) / 2);
      place_y (frame, &frame->panes[0], top, h);
      place_y (frame, &frame->panes[1], top + h + between, h);
    }
  else
    {
      double h = floor (frame->height - top - bottom);
      for (unsigned k = 0; k < frame->n_panes; k++)
        place_y (frame, &frame->panes[k], top, h);
    }

  /* Horizontal placement: twice, because the right margin depends on the last x label. */
  right = frame->pad;
  for (int pass = 0; pass < 2; pass++)
    {
      if (side_by_side)
        {
          double l0 = frame->pad * 0.6 + left_margin (frame, &frame->panes[0]);
          double l1 = left_margin (frame, &frame->panes[1]);
          double between = round (1.5 * frame->font_px);
          double w = floor ((frame->width - l0 - l1 - between - right) / 2);
          set_x (frame, &frame->panes[0], round (l0), w);
          set_x (frame, &frame->panes[1], round (l0 + w + between + l1), w);
        }
      else
        {
          double l = 0;
          for (unsigned k = 0; k < frame->n_panes; k++)
            l = MAX (l, left_margin (frame, &frame->panes[k]));
          l = round (frame->pad * 0.6 + l);
          for (unsigned k = 0; k < frame->n_panes; k++)
            set_x (frame, &frame->panes[k], l, floor (frame->width - l - right));
        }
      for (unsigned k = 0; k < frame->n_panes; k++)
        {
          place_x_ticks (frame, &frame->panes[k]);
          set_caption (frame, &frame->panes[k].x_caption, _("<i>x</i>"),
                       &frame->panes[k].x_text.ticks);
        }
      {
        const AxisText *xt = &frame->panes[frame->n_panes - 1].x_text;
        const AxonPlotPane *last = &frame->panes[frame->n_panes - 1].pane;
        double overhang = 0;
        for (size_t i = 0; i < xt->ticks.n; i++)
          {
            double px = axon_axis_to_view (&last->x_axis, xt->ticks.values[i]);
            overhang = MAX (overhang, px + xt->labels[i].width / 2 - (last->x + last->width));
          }
        right = ceil (MAX (frame->pad, overhang + 0.4 * frame->font_px));
      }
    }
}

static void
frame_clear (Frame *frame)
{
  for (unsigned k = 0; k < AXON_PLOT_MAX_PANES; k++)
    {
      axis_text_clear (&frame->panes[k].x_text);
      axis_text_clear (&frame->panes[k].y_text);
      label_clear (&frame->panes[k].y_caption);
      label_clear (&frame->panes[k].x_caption);
    }
  for (size_t i = 0; i < frame->n_curves; i++)
    {
      axon_polyline_clear (&frame->curves[i].f);
      axon_polyline_clear (&frame->curves[i].df);
    }
  g_free (frame->curves);
}

int
axon_plot_geometry_pane_at (const AxonPlotGeometry *geometry,
                            double                  px,
                            double                  py)
{
  for (unsigned k = 0; k < geometry->n_panes && k < AXON_PLOT_MAX_PANES; k++)
    {
      const AxonPlotPane *p = &geometry->panes[k];
      if (px >= p->x && px <= p->x + p->width && py >= p->y && py <= p->y + p->height)
        return (int) k;
    }
  return -1;
}

/* Drawing */

static void
set_colour (cairo_t        *cr,
            const AxonRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static void
set_colour_alpha (cairo_t        *cr,
                  const AxonRgba *c,
                  double          alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

static double
thin_width (const Frame *frame)
{
  return frame->style->presentation ? 2 : 1;
}

/* Centre of the pixel nearest v for a line of the given width: crisp 1 px lines. */
static double
snap (double v,
      double line_width)
{
  double w = round (line_width);
  return ((int) w % 2) ? floor (v) + 0.5 : round (v);
}

static void
show_label (cairo_t     *cr,
            const Label *label,
            double       x,
            double       y)
{
  if (label->layout == NULL)
    return;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, label->layout);
}

static void
pane_rect (cairo_t            *cr,
           const AxonPlotPane *p)
{
  cairo_rectangle (cr, p->x, p->y, p->width, p->height);
}

/* Clip the segment (x0,y0)-(x1,y1) to the box (Liang-Barsky); FALSE if nothing is left.
 * Keeps Cairo's fixed-point coordinates far from overflow for huge values. */
static gboolean
clip_segment (double *x0,
              double *y0,
              double *x1,
              double *y1,
              double  bx0,
              double  by0,
              double  bx1,
              double  by1)
{
  double t0 = 0, t1 = 1;
  double dx = *x1 - *x0, dy = *y1 - *y0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *x0 - bx0, bx1 - *x0, *y0 - by0, by1 - *y0 };

  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double r = q[i] / p[i];
        if (p[i] < 0)
          {
            if (r > t1)
              return FALSE;
            if (r > t0)
              t0 = r;
          }
        else
          {
            if (r < t0)
              return FALSE;
            if (r < t1)
              t1 = r;
          }
      }
    }
  if (!isfinite (t0) || !isfinite (t1))
    return FALSE;
  *x1 = *x0 + t1 * dx;
  *y1 = *y0 + t1 * dy;
  *x0 = *x0 + t0 * dx;
  *y0 = *y0 + t0 * dy;
  return TRUE;
}

/* Vertical tolerance, in pixels, of the simplification below: invisible, and it cuts the
 * points Cairo strokes from ~1 per pixel to a few per curve where curves are nearly
 * straight, which is most of the frame's cost. */
#define SIMPLIFY_TOLERANCE_PX 0.15
/* Vector files get zoomed in their viewers: keep them nearly exact. */
#define SIMPLIFY_TOLERANCE_VECTOR_PX 0.01

/* The tolerance in user units for cr: device pixels on raster targets, whether the scale
 * is in cr (an image surface scaled up) or only known from the options (GTK's snapshot
 * records at 1 and replays at the monitor's scale). */
static double
simplify_tolerance (cairo_t *cr,
                    double   device_scale)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  if (type == CAIRO_SURFACE_TYPE_SVG || type == CAIRO_SURFACE_TYPE_PDF
      || type == CAIRO_SURFACE_TYPE_PS)
    return SIMPLIFY_TOLERANCE_VECTOR_PX;
  return SIMPLIFY_TOLERANCE_PX / MAX (ctm_scale (cr), device_scale);
}

/* Emits one segment clipped to the box; *pen says whether the current point is at (x0, y0). */
static void
emit_segment (cairo_t  *cr,
              double    x0,
              double    y0,
              double    x1,
              double    y1,
              gboolean *pen,
              double    bx0,
              double    by0,
              double    bx1,
              double    by1)
{
  double cx0 = x0, cy0 = y0, cx1 = x1, cy1 = y1;
  gboolean inside0 = x0 >= bx0 && x0 <= bx1 && y0 >= by0 && y0 <= by1;
  gboolean inside1 = x1 >= bx0 && x1 <= bx1 && y1 >= by0 && y1 <= by1;

  if (inside0 && inside1)
    {
      if (!*pen)
        cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      *pen = TRUE;
      return;
    }
  if (!clip_segment (&cx0, &cy0, &cx1, &cy1, bx0, by0, bx1, by1))
    {
      *pen = FALSE;
      return;
    }
  if (!*pen || cx0 != x0 || cy0 != y0)
    cairo_move_to (cr, cx0, cy0);
  cairo_line_to (cr, cx1, cy1);
  /* The pen is at the segment's end only when the end was not clipped away. */
  *pen = cx1 == x1 && cy1 == y1;
}

/* One unbroken run of view points, simplified (a segment from the anchor replaces the
 * points between while it passes within the tolerance of each of them: the window of
 * slopes that does so narrows point by point) and emitted with clipping. */
static void
emit_run (cairo_t      *cr,
          double        tolerance,
          const double *vx,
          const double *vy,
          size_t        n,
          double        bx0,
          double        by0,
          double        bx1,
          double        by1)
{
  gboolean pen = FALSE;
  size_t anchor = 0, last = 0;
  double lo = -INFINITY, hi = INFINITY;

  if (n == 1)
    return; /* isolated points are dots, drawn by draw_dots */
  for (size_t i = 1; i < n; i++)
    {
      double dx = vx[i] - vx[anchor], dy = vy[i] - vy[anchor];
      double slope = dx > 1e-9 ? dy / dx : NAN;

      if (isnan (slope) || slope < lo || slope > hi)
        {
          if (last != anchor)
            {
              emit_segment (cr, vx[anchor], vy[anchor], vx[last], vy[last], &pen, bx0, by0,
                            bx1, by1);
              anchor = last;
            }
          dx = vx[i] - vx[anchor];
          dy = vy[i] - vy[anchor];
          lo = -INFINITY;
          hi = INFINITY;
          if (dx <= 1e-9)
            {
              /* Same pixel column (or backwards): no slope to track, keep the point. */
              emit_segment (cr, vx[anchor], vy[anchor], vx[i], vy[i], &pen, bx0, by0, bx1,
                            by1);
              anchor = last = i;
              continue;
            }
        }
      lo = fmax (lo, (dy - tolerance) / dx);
      hi = fmin (hi, (dy + tolerance) / dx);
      last = i;
    }
  if (last != anchor)
    emit_segment (cr, vx[anchor], vy[anchor], vx[last], vy[last], &pen, bx0, by0, bx1, by1);
}

/* Appends the polyline to cr's path in pane pixels; isolated points become dots drawn by
 * draw_dots. Points far outside the pane are clipped in double precision, so Cairo's
 * fixed-point coordinates never overflow for huge values. */
static void
path_polyline (cairo_t            *cr,
               const AxonPlotPane *p,
               const AxonPolyline *line,
               double              margin,
               double              device_scale)
{
  double bx0 = p->x - margin, bx1 = p->x + p->width + margin;
  double by0 = p->y - margin, by1 = p->y + p->height + margin;
  g_autofree double *vx = g_new (double, MAX (line->n, 1));
  g_autofree double *vy = g_new (double, MAX (line->n, 1));
  double tolerance = simplify_tolerance (cr, device_scale);
  size_t n = 0;

  for (size_t i = 0; i <= line->n; i++)
    {
      double x = NAN, y = NAN;

      if (i < line->n && !isnan (line->y[i]))
        {
          x = axon_axis_to_view (&p->x_axis, line->x[i]);
          y = axon_axis_to_view (&p->y_axis, line->y[i]);
        }
      if (isfinite (x) && isfinite (y))
        {
          vx[n] = x;
          vy[n] = y;
          n++;
          continue;
        }
      /* A break, a point off the axis' reach, or the end: flush the run. */
      emit_run (cr, tolerance, vx, vy, n, bx0, by0, bx1, by1);
      n = 0;
    }
}

static void
draw_dots (cairo_t            *cr,
           const AxonPlotPane *p,
           const AxonPolyline *line,
           double              radius)
{
  for (size_t i = 0; i < line->n; i++)
    {
      gboolean alone = !isnan (line->y[i]) && (i == 0 || isnan (line->y[i - 1]))
                       && (i + 1 == line->n || isnan (line->y[i + 1]));
      double x, y;

      if (!alone)
        continue;
      x = axon_axis_to_view (&p->x_axis, line->x[i]);
      y = axon_axis_to_view (&p->y_axis, line->y[i]);
      if (x < p->x - radius || x > p->x + p->width + radius || y < p->y - radius
          || y > p->y + p->height + radius)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
stroke_curve (Frame              *frame,
              cairo_t            *cr,
              const AxonPlotPane *p,
              const AxonPolyline *line,
              const AxonRgba     *colour,
              gboolean            dashed)
{
  double lw = frame->style->line_width;

  set_colour (cr, colour);
  cairo_set_line_width (cr, lw);
  if (dashed)
    {
      double dash[2] = { 3.5 * lw, 2.2 * lw };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_new_path (cr);
  path_polyline (cr, p, line, 2 * lw + 2, frame->device_scale);
  cairo_stroke (cr);
  if (dashed)
    cairo_set_dash (cr, NULL, 0, 0);
  draw_dots (cr, p, line, 1.3 * lw);
}

/* Runs of x where the derivative satisfies a condition: [x0, x1) pairs appended to out. */
typedef gboolean (*DerivativeTest) (double d);

static gboolean
is_saturated (double d)
{
  return fabs (d) < SATURATION_LIMIT;
}

static gboolean
is_dead (double d)
{
  return d == 0;
}

static void
find_runs (const AxonPolyline *df,
           DerivativeTest      test,
           GArray             *out)
{
  gboolean in_run = FALSE;
  double start = 0, last_x = 0, last_in = 0;

  for (size_t i = 0; i < df->n; i++)
    {
      double x = df->x[i], d = df->y[i];
      gboolean ok = !isnan (d) && test (d);

      if (isnan (d))
        continue; /* a break: the neighbours around it decide */
      if (ok && !in_run)
        {
          /* Start halfway from the previous sample (a pixel's accuracy) unless exact. */
          start = i > 0 && last_x < x ? (last_x + x) / 2 : x;
          if (i > 0 && last_x == x)
            start = x;
          in_run = TRUE;
        }
      else if (!ok && in_run)
        {
          double end = last_in < x ? (last_in + x) / 2 : x;
          if (last_in == x)
            end = x;
          g_array_append_val (out, start);
          g_array_append_val (out, end);
          in_run = FALSE;
        }
      if (ok)
        last_in = x;
      last_x = x;
    }
  if (in_run)
    {
      g_array_append_val (out, start);
      g_array_append_val (out, last_in);
    }
}

static void
hatch_rect (cairo_t *cr,
            double   x0,
            double   y0,
            double   x1,
            double   y1,
            double   spacing)
{
  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  /* 45° lines anchored to the page, so neighbouring runs line up. */
  for (double s = floor ((x0 - (y1 - y0)) / spacing) * spacing; s < x1; s += spacing)
    {
      cairo_move_to (cr, s, y1);
      cairo_line_to (cr, s + (y1 - y0), y0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Series whose regions are shaded. One is shaded across the panes in neutral grey; with
 * several, full-height bands would pile up into mud, so each gets a strip along the
 * bottom of every pane in its own colour instead. */
static size_t
count_shaded (const Frame *frame)
{
  size_t n = 0;

  if (!frame->options->shade_saturation && !frame->options->shade_dead_zone)
    return 0;
  for (size_t i = 0; i < frame->n_curves; i++)
    if (frame->curves[i].has_df && want_shading (frame, &frame->curves[i]))
      n++;
  return n;
}

static double
strip_height (const Frame *frame)
{
  return MAX (3, round (0.35 * frame->font_px));
}

static void
draw_shading (Frame              *frame,
              cairo_t            *cr,
              const AxonPlotPane *p)
{
  const AxonPlotOptions *o = frame->options;
  size_t n_shaded = count_shaded (frame), row = 0;
  gboolean strips = n_shaded > 1;
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (double));

  for (size_t i = 0; i < frame->n_curves; i++)
    {
      const Curve *c = &frame->curves[i];
      double y0 = p->y, h = p->height;

      if (!c->has_df || !want_shading (frame, c))
        continue;
      if (strips)
        {
          h = strip_height (frame);
          y0 = p->y + p->height - (row + 1) * h;
          row++;
          if (y0 < p->y)
            break;
        }
      if (o->shade_saturation)
        {
          g_array_set_size (runs, 0);
          find_runs (&c->df, is_saturated, runs);
          if (strips)
            set_colour_alpha (cr, &c->colour, 0.3);
          else
            set_colour (cr, &frame->style->shade);
          for (guint r = 0; r + 1 < runs->len; r += 2)
            {
              double x0 = axon_axis_to_view (&p->x_axis, g_array_index (runs, double, r));
              double x1 = axon_axis_to_view (&p->x_axis, g_array_index (runs, double, r + 1));
              cairo_rectangle (cr, x0, y0, x1 - x0, h);
            }
          cairo_fill (cr);
        }
      if (o->shade_dead_zone)
        {
          AxonRgba line = frame->style->shade;
          g_array_set_size (runs, 0);
          find_runs (&c->df, is_dead, runs);
          line.a = MIN (1, line.a * 3);
          if (strips)
            set_colour_alpha (cr, &c->colour, 0.9);
          else
            set_colour (cr, &line);
          cairo_set_line_width (cr, thin_width (frame));
          for (guint r = 0; r + 1 < runs->len; r += 2)
            {
              double x0 = axon_axis_to_view (&p->x_axis, g_array_index (runs, double, r));
              double x1 = axon_axis_to_view (&p->x_axis, g_array_index (runs, double, r + 1));
              if (strips)
                cairo_rectangle (cr, x0, y0 + 0.25 * h, x1 - x0, 0.5 * h);
              else
                hatch_rect (cr, x0, y0, x1, y0 + h, round (0.6 * frame->font_px));
            }
          if (strips)
            cairo_fill (cr);
        }
    }
}

static void
draw_band (Frame              *frame,
           cairo_t            *cr,
           const AxonPlotPane *p,
           gboolean            function,
           gboolean            derivative)
{
  double xl = frame->x_min, xr = fmin (frame->x_max, 0);

  if (xl >= xr)
    return;
  for (size_t i = 0; i < frame->n_curves; i++)
    {
      const Curve *c = &frame->curves[i];
      if (!c->band)
        continue;
      set_colour_alpha (cr, &c->colour, 0.22);
      if (function)
        {
          /* Between the lines of slope lower and upper through the origin; lines are
           * clipped by the pane, so draw through view coordinates of the ends. */
          cairo_move_to (cr, axon_axis_to_view (&p->x_axis, xl),
                         axon_axis_to_view (&p->y_axis, c->band_lower * xl));
          cairo_line_to (cr, axon_axis_to_view (&p->x_axis, xr),
                         axon_axis_to_view (&p->y_axis, c->band_lower * xr));
          cairo_line_to (cr, axon_axis_to_view (&p->x_axis, xr),
                         axon_axis_to_view (&p->y_axis, c->band_upper * xr));
          cairo_line_to (cr, axon_axis_to_view (&p->x_axis, xl),
                         axon_axis_to_view (&p->y_axis, c->band_upper * xl));
          cairo_close_path (cr);
          cairo_fill (cr);
        }
      if (derivative)
        {
          double x0 = axon_axis_to_view (&p->x_axis, xl);
          double x1 = axon_axis_to_view (&p->x_axis, xr);
          double y0 = axon_axis_to_view (&p->y_axis, c->band_lower);
          double y1 = axon_axis_to_view (&p->y_axis, c->band_upper);
          y0 = CLAMP (y0, p->y - 10, p->y + p->height + 10);
          y1 = CLAMP (y1, p->y - 10, p->y + p->height + 10);
          cairo_rectangle (cr, x0, MIN (y0, y1), x1 - x0, fabs (y1 - y0));
          cairo_fill (cr);
        }
    }
}

static void
draw_grid (Frame           *frame,
           cairo_t         *cr,
           const PaneFrame *pf)
{
  const AxonPlotPane *p = &pf->pane;
  double w = thin_width (frame);

  cairo_set_line_width (cr, w);
  if (frame->options->grid)
    {
      set_colour (cr, &frame->style->grid);
      for (size_t i = 0; i < pf->x_text.ticks.n; i++)
        {
          double x = snap (axon_axis_to_view (&p->x_axis, pf->x_text.ticks.values[i]), w);
          cairo_move_to (cr, x, p->y);
          cairo_line_to (cr, x, p->y + p->height);
        }
      for (size_t i = 0; i < pf->y_text.ticks.n; i++)
        {
          double y = snap (axon_axis_to_view (&p->y_axis, pf->y_text.ticks.values[i]), w);
          cairo_move_to (cr, p->x, y);
          cairo_line_to (cr, p->x + p->width, y);
        }
      cairo_stroke (cr);
    }

  /* The axes through the origin, a little stronger than the grid: activations are read
   * against x = 0 and y = 0. */
  set_colour_alpha (cr, &frame->style->foreground, 0.35);
  if (0 > p->x_axis.data_min && 0 < p->x_axis.data_max)
    {
      double x = snap (axon_axis_to_view (&p->x_axis, 0), w);
      cairo_move_to (cr, x, p->y);
      cairo_line_to (cr, x, p->y + p->height);
    }
  if (0 > p->y_axis.data_min && 0 < p->y_axis.data_max)
    {
      double y = snap (axon_axis_to_view (&p->y_axis, 0), w);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
    }
  cairo_stroke (cr);
}

static void
draw_axes (Frame           *frame,
           cairo_t         *cr,
           const PaneFrame *pf)
{
  const AxonPlotPane *p = &pf->pane;
  double w = thin_width (frame);
  double x0 = snap (p->x, w), y0 = snap (p->y, w);
  double x1 = snap (p->x + p->width, w), y1 = snap (p->y + p->height, w);

  set_colour (cr, &frame->style->foreground);
  cairo_set_line_width (cr, w);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);

  /* Outward ticks on the left and bottom edges. */
  for (size_t i = 0; i < pf->x_text.ticks.n; i++)
    {
      double x = snap (axon_axis_to_view (&p->x_axis, pf->x_text.ticks.values[i]), w);
      cairo_move_to (cr, x, y1);
      cairo_line_to (cr, x, y1 + frame->tick_len);
    }
  for (size_t i = 0; i < pf->y_text.ticks.n; i++)
    {
      double y = snap (axon_axis_to_view (&p->y_axis, pf->y_text.ticks.values[i]), w);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, x0 - frame->tick_len, y);
    }
  cairo_stroke (cr);

  /* Labels. */
  if (pf->x_labels)
    for (size_t i = 0; i < pf->x_text.ticks.n; i++)
      {
        const Label *l = &pf->x_text.labels[i];
        double x = axon_axis_to_view (&p->x_axis, pf->x_text.ticks.values[i]);
        show_label (cr, l, round (x - l->width / 2), y1 + frame->tick_len + frame->gap);
      }
  for (size_t i = 0; i < pf->y_text.ticks.n; i++)
    {
      const Label *l = &pf->y_text.labels[i];
      double y = axon_axis_to_view (&p->y_axis, pf->y_text.ticks.values[i]);
      show_label (cr, l, round (x0 - frame->tick_len - frame->gap - l->width),
                  round (y - l->height / 2));
    }

  /* Captions: x centred below, y rotated along the left edge. */
  if (pf->x_labels)
    show_label (cr, &pf->x_caption, round (p->x + p->width / 2 - pf->x_caption.width / 2),
                y1 + frame->tick_len + frame->gap + frame->text_h + frame->gap * 0.5);
  {
    double cx = p->x - left_margin (frame, pf);
    double cy = p->y + p->height / 2 + pf->y_caption.width / 2;
    cairo_save (cr);
    cairo_translate (cr, round (cx), round (cy));
    cairo_rotate (cr, -G_PI / 2);
    show_label (cr, &pf->y_caption, 0, 0);
    cairo_restore (cr);
  }
}

static void
draw_curves (Frame           *frame,
             cairo_t         *cr,
             const PaneFrame *pf)
{
  const AxonPlotPane *p = &pf->pane;
  gboolean function = p->kind == AXON_PLOT_PANE_FUNCTION;
  gboolean derivative = p->kind == AXON_PLOT_PANE_DERIVATIVE || frame->overlaid;
  int focus = frame->options->focus;

  cairo_save (cr);
  pane_rect (cr, p);
  cairo_clip (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Derivatives under functions when overlaid; the focused series on top of the rest. */
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = 0; i < frame->n_curves; i++)
      {
        const Curve *c = &frame->curves[i];
        gboolean focused = focus >= 0 && (size_t) focus == c->index;
        if (focused != (pass == 1))
          continue;
        if (derivative && c->has_df)
          stroke_curve (frame, cr, p, &c->df, &c->colour, frame->overlaid);
        if (function)
          stroke_curve (frame, cr, p, &c->f, &c->colour, FALSE);
      }
  cairo_restore (cr);
}

/* Legend and readout
 *
 * Both are boxes over the data area. The legend takes the corner of the f(x) pane the
 * curves cross least; the readout sits beside the crosshair line (side by side, each pane
 * has its own: f on the left, f' on the right, so neither box spans both panes). They
 * never overlap: the readouts try their places around the legend first, then the legend
 * tries its other corners (the second pane's too), and when nothing fits them all, the
 * legend steps aside while the pointer is over the plot (the readouts name every curve in
 * its colour). */

typedef enum
{
  KEY_LINE,
  KEY_DASHED,
  KEY_SHADE,
  KEY_HATCH,
  KEY_BAND,
} KeyKind;

typedef struct
{
  KeyKind kind;
  AxonRgba colour;
  Label label;
} LegendEntry;

#define LEGEND_MAX_PLACES (4 * AXON_PLOT_MAX_PANES)

typedef struct
{
  GArray *entries; /* LegendEntry; NULL or empty: no legend */
  double key_w;
  double inner;
  double row_h;
  double width;
  double height;
  /* Where it may go, best first: the f(x) pane's corners by how few curve points they
   * cover, then the other pane's. */
  AxonPlotBox places[LEGEND_MAX_PLACES];
  unsigned n_places;
} Legend;

typedef struct
{
  gboolean shown;
  double x;          /* data x of the crosshair */
  int pane;          /* the pane it belongs to, or -1 for any */
  gboolean show_f;   /* the f column */
  gboolean show_df;  /* the f' column */
  double inner;
  double row_h;
  double swatch;
  double col_w[3];
  Label title;
  Label (*cells)[3]; /* per curve: name, f, f' */
  size_t n;
  double width;
  double height;
} Readout;

static int
count_points_in (const Frame        *frame,
                 const AxonPlotPane *p,
                 double              x0,
                 double              y0,
                 double              x1,
                 double              y1)
{
  gboolean function = p->kind == AXON_PLOT_PANE_FUNCTION;
  gboolean derivative = p->kind == AXON_PLOT_PANE_DERIVATIVE || frame->overlaid;
  int n = 0;

  for (size_t i = 0; i < frame->n_curves; i++)
    {
      const AxonPolyline *lines[2] = { &frame->curves[i].f, &frame->curves[i].df };
      for (int l = 0; l < 2; l++)
        {
          if ((l == 0 && !function) || (l == 1 && !(derivative && frame->curves[i].has_df)))
            continue;
          for (size_t j = 0; j < lines[l]->n; j += 2)
            {
              double x = axon_axis_to_view (&p->x_axis, lines[l]->x[j]);
              double y = axon_axis_to_view (&p->y_axis, lines[l]->y[j]);
              n += x >= x0 && x <= x1 && y >= y0 && y <= y1;
            }
        }
    }
  return n;
}

static gboolean
boxes_overlap (const AxonPlotBox *a,
               const AxonPlotBox *b)
{
  return a->width > 0 && b->width > 0 && a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
legend_clear (Legend *legend)
{
  if (legend->entries != NULL)
    {
      for (guint i = 0; i < legend->entries->len; i++)
        label_clear (&g_array_index (legend->entries, LegendEntry, i).label);
      g_array_unref (legend->entries);
    }
  memset (legend, 0, sizeof *legend);
}

/* The legend's entries, size and candidate places; no entries when there is nothing to
 * explain. */
static void
legend_build (Frame  *frame,
              Legend *legend)
{
  const AxonPlotOptions *o = frame->options;
  const AxonStyle *style = frame->style;
  GArray *entries;
  gboolean any_band = FALSE, any_df = FALSE;
  double box_w = 0;

  memset (legend, 0, sizeof *legend);
  if (!o->legend || frame->n_curves == 0)
    return;
  entries = legend->entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));
  legend->key_w = round (2.2 * frame->font_px);
  legend->inner = round (0.5 * frame->font_px);
  legend->row_h = frame->text_h * 1.15;

  for (size_t i = 0; i < frame->n_curves; i++)
    {
      LegendEntry e = { KEY_LINE, frame->curves[i].colour, { 0 } };
      g_autofree char *escaped = g_markup_escape_text (frame->curves[i].label, -1);
      label_set (frame, &e.label, escaped, TRUE);
      g_array_append_val (entries, e);
      any_band = any_band || frame->curves[i].band;
      any_df = any_df || frame->curves[i].has_df;
    }
  if (frame->overlaid)
    {
      LegendEntry f = { KEY_LINE, style->foreground, { 0 } };
      LegendEntry df = { KEY_DASHED, style->foreground, { 0 } };
      label_set (frame, &f.label, _("<i>f</i>(<i>x</i>)"), TRUE);
      label_set (frame, &df.label, _("<i>f</i>′(<i>x</i>)"), TRUE);
      g_array_append_val (entries, f);
      g_array_append_val (entries, df);
    }
  if (o->shade_saturation && any_df)
    {
      LegendEntry e = { KEY_SHADE, style->shade, { 0 } };
      /* Translators: legend key of the shaded regions, Pango markup. */
      label_set (frame, &e.label, _("saturated, |<i>f</i>′(<i>x</i>)| &lt; 0.1"), TRUE);
      g_array_append_val (entries, e);
    }
  if (o->shade_dead_zone && any_df)
    {
      LegendEntry e = { KEY_HATCH, style->shade, { 0 } };
      label_set (frame, &e.label, _("dead zone, <i>f</i>′(<i>x</i>) = 0"), TRUE);
      g_array_append_val (entries, e);
    }
  if (any_band)
    {
      LegendEntry e = { KEY_BAND, style->muted, { 0 } };
      label_set (frame, &e.label, _("RReLU random slopes (training)"), TRUE);
      g_array_append_val (entries, e);
    }

  for (guint i = 0; i < entries->len; i++)
    box_w = MAX (box_w, g_array_index (entries, LegendEntry, i).label.width);
  legend->width = ceil (box_w + legend->key_w + 3 * legend->inner);
  legend->height = ceil (entries->len * legend->row_h + 1.5 * legend->inner);

  /* Each pane's corners, the ones the curves cross least first. */
  for (unsigned k = 0; k < frame->n_panes; k++)
    {
      const AxonPlotPane *p = &frame->panes[k].pane;
      double m = round (0.6 * frame->font_px);
      double xs[2] = { p->x + m, p->x + p->width - m - legend->width };
      double ys[2] = { p->y + m, p->y + p->height - m - legend->height };
      AxonPlotBox boxes[4];
      int counts[4];

      for (int c = 0; c < 4; c++)
        {
          boxes[c] = (AxonPlotBox) { round (xs[c % 2]), round (ys[c / 2]), legend->width,
                                     legend->height };
          counts[c] = count_points_in (frame, p, boxes[c].x, boxes[c].y,
                                       boxes[c].x + boxes[c].width,
                                       boxes[c].y + boxes[c].height);
        }
      /* Insertion sort of four, stable: ties keep top-left, top-right, ... order. */
      for (int c = 1; c < 4; c++)
        for (int d = c; d > 0 && counts[d] < counts[d - 1]; d--)
          {
            AxonPlotBox tb = boxes[d];
            int tc = counts[d];
            boxes[d] = boxes[d - 1];
            counts[d] = counts[d - 1];
            boxes[d - 1] = tb;
            counts[d - 1] = tc;
          }
      for (int c = 0; c < 4; c++)
        legend->places[legend->n_places++] = boxes[c];
    }
}

static void
draw_legend (Frame             *frame,
             cairo_t           *cr,
             const Legend      *legend,
             const AxonPlotBox *box)
{
  const AxonStyle *style = frame->style;
  double key_w = legend->key_w, inner = legend->inner, row_h = legend->row_h;
  double best_x = box->x, best_y = box->y;

  {
    AxonRgba bg = style->background;
    double w = thin_width (frame);
    if (bg.a == 0)
      bg = (AxonRgba) { 1, 1, 1, 0 };
    cairo_set_source_rgba (cr, bg.r, bg.g, bg.b, bg.a > 0 ? 0.88 : 0);
    cairo_rectangle (cr, best_x, best_y, box->width, box->height);
    cairo_fill_preserve (cr);
    set_colour_alpha (cr, &style->foreground, 0.3);
    cairo_set_line_width (cr, w);
    cairo_new_path (cr);
    cairo_rectangle (cr, snap (best_x, w), snap (best_y, w), box->width, box->height);
    cairo_stroke (cr);
  }

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const LegendEntry *e = &g_array_index (legend->entries, LegendEntry, i);
      double y = best_y + 0.75 * inner + i * row_h;
      double kx = best_x + inner, ky = y + row_h / 2;
      double lw = style->line_width;

      switch (e->kind)
        {
        case KEY_LINE:
        case KEY_DASHED:
          set_colour (cr, &e->colour);
          cairo_set_line_width (cr, lw);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
          if (e->kind == KEY_DASHED)
            {
              double dash[2] = { 0.27 * key_w, 0.15 * key_w };
              cairo_set_dash (cr, dash, 2, 0);
            }
          cairo_move_to (cr, kx, ky);
          cairo_line_to (cr, kx + key_w, ky);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          break;
        case KEY_SHADE:
        case KEY_HATCH:
          if (count_shaded (frame) > 1)
            {
              /* Strips: a light bar for saturated, a dark core for dead. */
              double h = strip_height (frame), sy = y + (row_h - h) / 2;
              set_colour_alpha (cr, &style->foreground, 0.3);
              cairo_rectangle (cr, kx, sy, key_w, h);
              cairo_fill (cr);
              if (e->kind == KEY_HATCH)
                {
                  set_colour_alpha (cr, &style->foreground, 0.9);
                  cairo_rectangle (cr, kx, sy + 0.25 * h, key_w, 0.5 * h);
                  cairo_fill (cr);
                }
              break;
            }
          set_colour (cr, &style->shade);
          cairo_rectangle (cr, kx, y + 0.15 * row_h, key_w, 0.7 * row_h);
          cairo_fill (cr);
          if (e->kind == KEY_HATCH)
            {
              AxonRgba line = style->shade;
              line.a = MIN (1, line.a * 3);
              set_colour (cr, &line);
              cairo_set_line_width (cr, thin_width (frame));
              hatch_rect (cr, kx, y + 0.15 * row_h, kx + key_w, y + 0.85 * row_h,
                          round (0.6 * frame->font_px));
            }
          break;
        case KEY_BAND:
          {
            /* The band's colour is its series'; the key shows the first banded one. */
            for (size_t c = 0; c < frame->n_curves; c++)
              if (frame->curves[c].band)
                {
                  set_colour_alpha (cr, &frame->curves[c].colour, 0.22);
                  break;
                }
            cairo_rectangle (cr, kx, y + 0.15 * row_h, key_w, 0.7 * row_h);
            cairo_fill (cr);
          }
          break;
        }
      set_colour (cr, &style->foreground);
      show_label (cr, &e->label, kx + key_w + inner, round (y + (row_h - e->label.height) / 2));
    }
}

static void
readout_clear (Readout *r)
{
  label_clear (&r->title);
  for (size_t i = 0; i < r->n; i++)
    for (int c = 0; c < 3; c++)
      label_clear (&r->cells[i][c]);
  g_free (r->cells);
  memset (r, 0, sizeof *r);
}

/* A readout's text and size: x, then one row per curve with f and/or f'. Not shown when
 * the crosshair is off or outside the range. */
static void
readout_build (Frame    *frame,
               Readout  *r,
               int       pane,
               gboolean  show_f,
               gboolean  show_df)
{
  const AxonPlotOptions *o = frame->options;
  double x = o->crosshair_x, content;
  char buf[64];

  memset (r, 0, sizeof *r);
  if (!o->crosshair || !isfinite (x) || x < frame->x_min || x > frame->x_max)
    return;
  r->shown = TRUE;
  r->x = x;
  r->pane = pane;
  r->show_f = show_f;
  r->show_df = show_df;
  r->inner = round (0.5 * frame->font_px);
  r->row_h = frame->text_h * 1.15;
  r->swatch = round (1.2 * frame->font_px);
  r->n = frame->n_curves;
  {
    g_autofree char *t = NULL;
    axon_ticks_format_value (x, buf, sizeof buf);
    t = g_strdup_printf ("<i>x</i> = %s", buf);
    label_set (frame, &r->title, t, TRUE);
  }
  r->cells = g_malloc0_n (MAX (r->n, 1), sizeof *r->cells);
  for (size_t i = 0; i < r->n; i++)
    {
      const AxonPlotSeries *s = frame->curves[i].series;
      g_autofree char *escaped = g_markup_escape_text (frame->curves[i].label, -1);

      label_set (frame, &r->cells[i][0], escaped, TRUE);
      if (show_f)
        {
          g_autofree char *ft = NULL;
          axon_ticks_format_value (s->activation->f64 (x, &s->params), buf, sizeof buf);
          ft = g_strdup_printf ("<i>f</i> = %s", buf);
          label_set (frame, &r->cells[i][1], ft, TRUE);
        }
      if (show_df)
        {
          g_autofree char *dt = NULL;
          axon_ticks_format_value (s->activation->df64 ? s->activation->df64 (x, &s->params)
                                                       : NAN, buf, sizeof buf);
          /* A hair space: the italic f's hook would swallow the prime. */
          dt = g_strdup_printf ("<i>f</i>\u200a′ = %s", buf);
          label_set (frame, &r->cells[i][2], dt, TRUE);
        }
      for (int c = 0; c < 3; c++)
        r->col_w[c] = MAX (r->col_w[c], r->cells[i][c].width);
    }
  content = r->swatch + r->inner + r->col_w[0];
  if (show_f)
    content += 2 * r->inner + r->col_w[1];
  if (show_df)
    content += 2 * r->inner + r->col_w[2];
  r->width = ceil (MAX (r->title.width, content) + 2 * r->inner);
  r->height = ceil ((r->n + 1) * r->row_h + 1.5 * r->inner);
}

static gboolean
overlaps_any (const AxonPlotBox *b,
              const AxonPlotBox *avoid,
              unsigned           n_avoid)
{
  for (unsigned i = 0; i < n_avoid; i++)
    if (boxes_overlap (b, &avoid[i]))
      return TRUE;
  return FALSE;
}

/* A place for the readout that keeps clear of the boxes in avoid: beside the line (right,
 * else left), at the top of its pane, else its bottom, else next to a box avoided; when
 * too wide for either side, slid along. Inside its pane's data area (with PLACE_CLEAR,
 * off the markers too), or with PLACE_ANY anywhere in the figure. FALSE (and *out the
 * first place) when every place meets one of the boxes. */
/* How hard a readout looks for its place, most demanding first. */
typedef enum
{
  PLACE_CLEAR, /* in its pane, the markers on the curves left visible */
  PLACE_PANE,  /* in its pane */
  PLACE_ANY,   /* anywhere in the figure */
} PlaceLevel;

/* Boxes around the crosshair's markers on the curves, in every pane: a readout should not
 * hide the very points it reads out. */
static GArray *
crosshair_markers (const Frame *frame)
{
  GArray *markers = g_array_new (FALSE, FALSE, sizeof (AxonPlotBox));
  double x = frame->options->crosshair_x;
  double radius = frame->style->line_width * 2.8 + 2;

  for (unsigned k = 0; k < frame->n_panes; k++)
    {
      const AxonPlotPane *p = &frame->panes[k].pane;
      gboolean function = p->kind == AXON_PLOT_PANE_FUNCTION;
      gboolean derivative = p->kind == AXON_PLOT_PANE_DERIVATIVE || frame->overlaid;
      double px = axon_axis_to_view (&p->x_axis, x);

      for (size_t i = 0; i < frame->n_curves; i++)
        {
          const AxonPlotSeries *s = frame->curves[i].series;

          for (int v = 0; v < 2; v++)
            {
              double y, py;
              AxonPlotBox b;

              if ((v == 0 && !function) || (v == 1 && !(derivative && s->activation->df64)))
                continue;
              y = v == 0 ? s->activation->f64 (x, &s->params)
                         : s->activation->df64 (x, &s->params);
              py = axon_axis_to_view (&p->y_axis, y);
              if (!isfinite (py) || py < p->y || py > p->y + p->height)
                continue;
              b = (AxonPlotBox) { px - radius, py - radius, 2 * radius, 2 * radius };
              g_array_append_val (markers, b);
            }
        }
    }
  return markers;
}

static gboolean
readout_place (const Frame       *frame,
               const Readout     *r,
               const AxonPlotBox *avoid,
               unsigned           n_avoid,
               const GArray      *markers,
               PlaceLevel         level,
               AxonPlotBox       *out)
{
  double fig_x0 = 2, fig_x1 = MAX (2, frame->width - r->width - 2);
  double fig_y0 = 2, fig_y1 = MAX (2, frame->height - r->height - 2);
  gboolean first = TRUE;

  for (int within_pane = 1; within_pane >= (level == PLACE_ANY ? 0 : 1); within_pane--)
    for (unsigned k = 0; k < frame->n_panes; k++)
      {
        const AxonPlotPane *p = &frame->panes[k].pane;
        double vx = axon_axis_to_view (&p->x_axis, r->x);
        /* Where the box's left edge may go: the pane's data area, or the figure. */
        double lo_x = within_pane ? p->x + 1 : fig_x0;
        double hi_x = within_pane ? p->x + p->width - r->width - 1 : fig_x1;
        double lo_y = within_pane ? p->y + 1 : fig_y0;
        double hi_y = within_pane ? p->y + p->height - r->height - 1 : fig_y1;
        double xs[4] = { vx + r->inner, vx - r->inner - r->width,
                         CLAMP (vx + r->inner, lo_x, MAX (lo_x, hi_x)),
                         CLAMP (vx - r->inner - r->width, lo_x, MAX (lo_x, hi_x)) };
        double ys[2 + 2 * 4];
        unsigned n_ys = 0;

        if (r->pane >= 0 && (unsigned) r->pane != k)
          continue;
        ys[n_ys++] = p->y + r->inner;
        ys[n_ys++] = p->y + p->height - r->inner - r->height;
        for (unsigned a = 0; a < n_avoid && a < 4; a++)
          if (avoid[a].width > 0)
            {
              ys[n_ys++] = avoid[a].y + avoid[a].height + r->inner;
              ys[n_ys++] = avoid[a].y - r->inner - r->height;
            }
        for (int ix = 0; ix < 4; ix++)
          for (unsigned iy = 0; iy < n_ys; iy++)
            {
              AxonPlotBox b = { round (xs[ix]), round (ys[iy]), r->width, r->height };

              if (first)
                {
                  /* The fallback: top of the pane, slid to stay in the figure. */
                  *out = (AxonPlotBox) { round (CLAMP (vx + r->inner, fig_x0, fig_x1)),
                                         round (ys[0]), r->width, r->height };
                  first = FALSE;
                }
              if (b.x < lo_x || b.x > hi_x || b.y < lo_y || b.y > hi_y
                  || b.x < fig_x0 || b.x > fig_x1 || b.y < fig_y0 || b.y > fig_y1)
                continue;
              if (overlaps_any (&b, avoid, n_avoid))
                continue;
              if (level == PLACE_CLEAR
                  && overlaps_any (&b, (const AxonPlotBox *) (void *) markers->data,
                                   markers->len))
                continue;
              *out = b;
              return TRUE;
            }
      }
  return FALSE;
}

/* The readouts a frame shows: one (x, f, f') or, split side by side, one per pane. */
static unsigned
readouts_build (Frame    *frame,
                Readout   readouts[AXON_PLOT_MAX_PANES],
                gboolean  split)
{
  unsigned n;

  if (split)
    {
      readout_build (frame, &readouts[0], 0, TRUE, FALSE);
      readout_build (frame, &readouts[1], 1, FALSE, TRUE);
      n = 2;
    }
  else
    {
      readout_build (frame, &readouts[0], -1, TRUE, TRUE);
      memset (&readouts[1], 0, sizeof readouts[1]);
      n = 1;
    }
  return readouts[0].shown ? n : 0;
}

static void
readouts_clear (Readout readouts[AXON_PLOT_MAX_PANES])
{
  for (unsigned i = 0; i < AXON_PLOT_MAX_PANES; i++)
    readout_clear (&readouts[i]);
}

/* Places the readouts clear of the legend at legend_box (width 0: none) and of each
 * other; FALSE when one of them found no such place (its box is the fallback then). */
static gboolean
readouts_place (const Frame       *frame,
                const Readout     *readouts,
                unsigned           n_readouts,
                const AxonPlotBox *legend_box,
                const GArray      *markers,
                PlaceLevel         level,
                AxonPlotBox       *boxes)
{
  AxonPlotBox avoid[1 + AXON_PLOT_MAX_PANES];
  unsigned n_avoid = 0;
  gboolean ok = TRUE;

  if (legend_box->width > 0)
    avoid[n_avoid++] = *legend_box;
  for (unsigned i = 0; i < n_readouts; i++)
    {
      ok = readout_place (frame, &readouts[i], avoid, n_avoid, markers, level, &boxes[i])
           && ok;
      avoid[n_avoid++] = boxes[i];
    }
  return ok;
}

/* Where the legend and the readouts go, apart: the legend at its best place or another
 * one, or (allow_hiding) not at all. FALSE when they could not be kept apart. */
static gboolean
place_overlays (const Frame   *frame,
                const Legend  *legend,
                const Readout *readouts,
                unsigned       n_readouts,
                gboolean       allow_hiding,
                AxonPlotBox   *legend_box,
                AxonPlotBox   *readout_boxes)
{
  static const AxonPlotBox none = { 0, 0, 0, 0 };
  g_autoptr (GArray) markers = NULL;

  *legend_box = legend->n_places > 0 ? legend->places[0] : none;
  for (unsigned i = 0; i < AXON_PLOT_MAX_PANES; i++)
    readout_boxes[i] = none;
  if (n_readouts == 0)
    return TRUE;
  markers = crosshair_markers (frame);
  /* The most demanding level any legend place allows: readouts in their panes off the
   * markers, in their panes, anywhere. */
  for (PlaceLevel level = PLACE_CLEAR; level <= PLACE_ANY; level++)
    {
      if (readouts_place (frame, readouts, n_readouts, legend_box, markers, level,
                          readout_boxes))
        return TRUE;
      /* No room around the legend's corner: the legend tries its other places. */
      for (unsigned i = 1; i < legend->n_places; i++)
        if (readouts_place (frame, readouts, n_readouts, &legend->places[i], markers, level,
                            readout_boxes))
          {
            *legend_box = legend->places[i];
            return TRUE;
          }
    }
  if (!allow_hiding)
    return FALSE;
  *legend_box = none;
  return readouts_place (frame, readouts, n_readouts, &none, markers, PLACE_ANY,
                         readout_boxes);
}

/* The legend and the readouts of a frame, placed. Side by side the readouts are split
 * per pane; when two do not fit apart they are merged into one, and as a last resort the
 * legend is left out (one box alone cannot overlap anything). */
static unsigned
overlays_plan (Frame       *frame,
               Legend      *legend,
               Readout      readouts[AXON_PLOT_MAX_PANES],
               AxonPlotBox *legend_box,
               AxonPlotBox  readout_boxes[AXON_PLOT_MAX_PANES])
{
  gboolean split = frame->two_panes && frame->options->layout == AXON_PLOT_LAYOUT_SIDE_BY_SIDE;
  unsigned n;

  legend_build (frame, legend);
  n = readouts_build (frame, readouts, split);
  if (place_overlays (frame, legend, readouts, n, !split, legend_box, readout_boxes))
    return n;
  readouts_clear (readouts);
  n = readouts_build (frame, readouts, FALSE);
  place_overlays (frame, legend, readouts, n, TRUE, legend_box, readout_boxes);
  return n;
}

/* The crosshair line and a marker on each curve, in every pane. */
static void
draw_crosshair (Frame   *frame,
                cairo_t *cr)
{
  const AxonStyle *style = frame->style;
  double x = frame->options->crosshair_x;
  double w = thin_width (frame);

  for (unsigned k = 0; k < frame->n_panes; k++)
    {
      const AxonPlotPane *p = &frame->panes[k].pane;
      gboolean function = p->kind == AXON_PLOT_PANE_FUNCTION;
      gboolean derivative = p->kind == AXON_PLOT_PANE_DERIVATIVE || frame->overlaid;
      double px = snap (axon_axis_to_view (&p->x_axis, x), w);

      set_colour (cr, &style->highlight);
      cairo_set_line_width (cr, w);
      cairo_move_to (cr, px, p->y);
      cairo_line_to (cr, px, p->y + p->height);
      cairo_stroke (cr);

      cairo_save (cr);
      pane_rect (cr, p);
      cairo_clip (cr);
      for (size_t i = 0; i < frame->n_curves; i++)
        {
          const AxonPlotSeries *s = frame->curves[i].series;
          double vals[2] = { s->activation->f64 (x, &s->params),
                             s->activation->df64 ? s->activation->df64 (x, &s->params) : NAN };
          for (int v = 0; v < 2; v++)
            {
              double py;
              if ((v == 0 && !function) || (v == 1 && !derivative) || !isfinite (vals[v]))
                continue;
              py = axon_axis_to_view (&p->y_axis, vals[v]);
              if (py < p->y - 10 || py > p->y + p->height + 10)
                continue;
              cairo_arc (cr, axon_axis_to_view (&p->x_axis, x), py,
                         style->line_width * 1.8, 0, 2 * G_PI);
              set_colour (cr, &style->background);
              cairo_fill_preserve (cr);
              set_colour (cr, &frame->curves[i].colour);
              cairo_set_line_width (cr, style->line_width);
              cairo_stroke (cr);
            }
        }
      cairo_restore (cr);
    }
}

static void
draw_readout (Frame             *frame,
              cairo_t           *cr,
              const Readout     *r,
              const AxonPlotBox *box)
{
  const AxonStyle *style = frame->style;
  double bx = box->x, by = box->y, inner = r->inner, row_h = r->row_h;

  {
    AxonRgba bg = style->background;
    if (bg.a == 0)
      bg = (AxonRgba) { 1, 1, 1, 1 };
    cairo_set_source_rgba (cr, bg.r, bg.g, bg.b, 0.92);
    cairo_rectangle (cr, bx, by, box->width, box->height);
    cairo_fill_preserve (cr);
    set_colour (cr, &style->highlight);
    cairo_set_line_width (cr, thin_width (frame));
    cairo_stroke (cr);
  }
  set_colour (cr, &style->foreground);
  show_label (cr, &r->title, bx + inner, by + 0.75 * inner);
  for (size_t i = 0; i < r->n; i++)
    {
      double y = by + 0.75 * inner + (i + 1) * row_h;
      double cx = bx + inner;

      set_colour (cr, &frame->curves[i].colour);
      cairo_set_line_width (cr, style->line_width);
      cairo_move_to (cr, cx, y + row_h / 2);
      cairo_line_to (cr, cx + r->swatch, y + row_h / 2);
      cairo_stroke (cr);
      cx += r->swatch + inner;
      set_colour (cr, &style->foreground);
      for (int c = 0; c < 3; c++)
        {
          if ((c == 1 && !r->show_f) || (c == 2 && !r->show_df))
            continue;
          show_label (cr, &r->cells[i][c], round (cx), round (y));
          cx += r->col_w[c] + 2 * inner;
        }
    }
}

void
axon_plot_render (cairo_t               *cr,
                  int                    width,
                  int                    height,
                  const AxonStyle       *style,
                  const AxonPlotOptions *options,
                  const AxonPlotSeries  *series,
                  size_t                 n_series)
{
  Frame frame;
  Legend legend;
  Readout readouts[AXON_PLOT_MAX_PANES];
  AxonPlotBox legend_box, readout_boxes[AXON_PLOT_MAX_PANES];
  unsigned n_readouts;

  g_return_if_fail (cr != NULL && style != NULL && options != NULL);
  g_return_if_fail (series != NULL || n_series == 0);

  /* An image surface scaled up (PNG at a high DPI) gets the samples its pixels need. */
  plan (&frame, width, height, style, options, series, n_series,
        MAX (options_scale (options), ctm_scale (cr)));
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, frame.width, frame.height);
  cairo_clip (cr);
  if (style->background.a > 0)
    {
      set_colour (cr, &style->background);
      cairo_paint (cr);
    }

  for (unsigned k = 0; k < frame.n_panes; k++)
    {
      const PaneFrame *pf = &frame.panes[k];
      const AxonPlotPane *p = &pf->pane;
      gboolean function = p->kind == AXON_PLOT_PANE_FUNCTION;
      gboolean derivative = p->kind == AXON_PLOT_PANE_DERIVATIVE || frame.overlaid;

      cairo_save (cr);
      pane_rect (cr, p);
      cairo_clip (cr);
      draw_shading (&frame, cr, p);
      draw_band (&frame, cr, p, function, derivative);
      cairo_restore (cr);
      draw_grid (&frame, cr, pf);
      draw_curves (&frame, cr, pf);
      draw_axes (&frame, cr, pf);
    }

  n_readouts = overlays_plan (&frame, &legend, readouts, &legend_box, readout_boxes);
  if (legend_box.width > 0)
    draw_legend (&frame, cr, &legend, &legend_box);
  if (n_readouts > 0)
    draw_crosshair (&frame, cr);
  for (unsigned i = 0; i < n_readouts; i++)
    draw_readout (&frame, cr, &readouts[i], &readout_boxes[i]);
  readouts_clear (readouts);
  legend_clear (&legend);

  cairo_restore (cr);
  frame_clear (&frame);
}

void
axon_plot_layout (int                    width,
                  int                    height,
                  const AxonStyle       *style,
                  const AxonPlotOptions *options,
                  const AxonPlotSeries  *series,
                  size_t                 n_series,
                  AxonPlotGeometry      *geometry)
{
  Frame frame;
  Legend legend;
  Readout readouts[AXON_PLOT_MAX_PANES];
  unsigned n_readouts;

  g_return_if_fail (style != NULL && options != NULL && geometry != NULL);
  g_return_if_fail (series != NULL || n_series == 0);

  plan (&frame, width, height, style, options, series, n_series, options_scale (options));
  memset (geometry, 0, sizeof *geometry);
  geometry->n_panes = frame.n_panes;
  for (unsigned k = 0; k < frame.n_panes; k++)
    geometry->panes[k] = frame.panes[k].pane;
  n_readouts = overlays_plan (&frame, &legend, readouts, &geometry->legend,
                              geometry->readouts);
  geometry->n_readouts = n_readouts;
  readouts_clear (readouts);
  legend_clear (&legend);
  frame_clear (&frame);
}

void
axon_plot_render_func (cairo_t         *cr,
                       int              width,
                       int              height,
                       const AxonStyle *style,
                       gpointer         plot_render_data)
{
  const AxonPlotRenderData *data = plot_render_data;

  axon_plot_render (cr, width, height, style, data->options, data->series, data->n_series);
}
