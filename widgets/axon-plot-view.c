/* axon-plot-view.c: the plot widget: state, input, and snapshot() over axon_plot_render. */
#include "axon-plot-view.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-cairo-cache.h"

/* Smallest and largest x spans a zoom may reach: below ~1e-9 of the centre, pixels stop
 * mapping to distinct doubles; beyond 1e9 the curves are lines anyway. */
#define MIN_RELATIVE_SPAN 1e-9
#define MIN_SPAN 1e-9
#define MAX_SPAN 1e9
/* One scroll step (a mouse wheel notch) zooms by this factor. */
#define SCROLL_ZOOM_STEP 1.15

struct _AxonPlotView
{
  GtkWidget parent_instance;

  AxonPlotOptions options;
  gboolean presentation;
  GArray *series;    /* AxonPlotSeries; labels point into labels[] */
  GPtrArray *labels; /* owned copies, one per series (NULL allowed) */

  AxonStyle style;
  gboolean style_valid;

  /* What the last layout computed, for hit-testing; invalid after any change. */
  AxonPlotGeometry geometry;
  int geometry_width;
  int geometry_height;
  gboolean geometry_valid;

  guint generation;
  AxonCairoCache cache;

  /* Drag in progress: the axes at the start, so panning never accumulates rounding. */
  AxonPlotPane drag_pane;
  gboolean drag_has_pane;
  double drag_x_min;
  double drag_x_max;

  /* Last pointer position, for scroll zoom. */
  double pointer_x;
  double pointer_y;
  gboolean pointer_inside;

  /* Pinch in progress. */
  AxonAxis zoom_x_axis;
  double zoom_centre;
  gboolean zoom_active;
};

G_DEFINE_FINAL_TYPE (AxonPlotView, axon_plot_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_X_MIN,
  PROP_X_MAX,
  PROP_Y_AUTO,
  PROP_Y_MIN,
  PROP_Y_MAX,
  PROP_DY_MIN,
  PROP_DY_MAX,
  PROP_LAYOUT,
  PROP_SHOW_DERIVATIVE,
  PROP_SHADE_SATURATION,
  PROP_SHADE_DEAD_ZONE,
  PROP_PRESENTATION,
  PROP_FOCUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
axon_plot_layout_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { AXON_PLOT_LAYOUT_STACKED, "AXON_PLOT_LAYOUT_STACKED", "stacked" },
        { AXON_PLOT_LAYOUT_SIDE_BY_SIDE, "AXON_PLOT_LAYOUT_SIDE_BY_SIDE", "side-by-side" },
        { AXON_PLOT_LAYOUT_OVERLAID, "AXON_PLOT_LAYOUT_OVERLAID", "overlaid" },
        { AXON_PLOT_LAYOUT_FUNCTION_ONLY, "AXON_PLOT_LAYOUT_FUNCTION_ONLY", "function-only" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("AxonPlotLayout"), values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

/* Every state change ends here: the next frame draws it, the geometry is stale. */
static void
changed (AxonPlotView *self)
{
  self->generation++;
  self->geometry_valid = FALSE;
  axon_cairo_cache_invalidate (&self->cache);
}

static void
update_style (AxonPlotView *self)
{
  axon_cairo_cache_get_style (&self->cache, &self->style);
  if (self->presentation)
    axon_style_apply_presentation (&self->style);
  self->style_valid = TRUE;
}

static void
on_dark_changed (AxonPlotView *self)
{
  update_style (self);
  changed (self);
}

/* The monitor's scale (2 on HiDPI): the renderer samples per device pixel. The frame's cr
 * comes scaled to it, so cr alone cannot tell. */
static void
sync_scale (AxonPlotView *self)
{
  double scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (scale != self->options.scale)
    {
      self->options.scale = scale;
      self->geometry_valid = FALSE;
    }
}

static const AxonPlotGeometry *
get_geometry (AxonPlotView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  sync_scale (self);
  if (!self->geometry_valid || width != self->geometry_width
      || height != self->geometry_height)
    {
      if (!self->style_valid)
        update_style (self);
      axon_plot_layout (width, height, &self->style, &self->options,
                        (const AxonPlotSeries *) (void *) self->series->data, self->series->len,
                        &self->geometry);
      self->geometry_width = width;
      self->geometry_height = height;
      self->geometry_valid = TRUE;
    }
  return &self->geometry;
}

/* The pane of the given kind in the current geometry, or NULL. */
static const AxonPlotPane *
find_pane (AxonPlotView     *self,
           AxonPlotPaneKind  kind)
{
  const AxonPlotGeometry *geometry = get_geometry (self);

  for (unsigned i = 0; i < geometry->n_panes; i++)
    if (geometry->panes[i].kind == kind)
      return &geometry->panes[i];
  return NULL;
}

/* Properties */

static void
clamp_x_span (double *x_min,
              double *x_max)
{
  double centre, span, min_span;

  axon_axis_normalise_range (x_min, x_max);
  centre = *x_min / 2 + *x_max / 2;
  span = *x_max - *x_min;
  min_span = fmax (MIN_SPAN, MIN_RELATIVE_SPAN * fabs (centre));
  if (span < min_span)
    span = min_span;
  else if (span > MAX_SPAN)
    span = MAX_SPAN;
  else
    return;
  *x_min = centre - span / 2;
  *x_max = centre + span / 2;
}

void
axon_plot_view_set_x_range (AxonPlotView *self,
                            double        x_min,
                            double        x_max)
{
  gboolean min_changed, max_changed;

  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (!isnan (x_min) && !isnan (x_max));

  clamp_x_span (&x_min, &x_max);
  min_changed = x_min != self->options.x_min;
  max_changed = x_max != self->options.x_max;
  if (!min_changed && !max_changed)
    return;

  self->options.x_min = x_min;
  self->options.x_max = x_max;
  g_object_freeze_notify (G_OBJECT (self));
  if (min_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X_MIN]);
  if (max_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X_MAX]);
  g_object_thaw_notify (G_OBJECT (self));
  changed (self);
}

void
axon_plot_view_set_x_min (AxonPlotView *self,
                          double        x_min)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  axon_plot_view_set_x_range (self, x_min, self->options.x_max);
}

void
axon_plot_view_set_x_max (AxonPlotView *self,
                          double        x_max)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  axon_plot_view_set_x_range (self, self->options.x_min, x_max);
}

double
axon_plot_view_get_x_min (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), 0);
  return self->options.x_min;
}

double
axon_plot_view_get_x_max (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), 0);
  return self->options.x_max;
}

gboolean
axon_plot_view_get_y_auto (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), TRUE);
  return self->options.y[AXON_PLOT_PANE_FUNCTION].auto_fit;
}

static int
y_min_prop (AxonPlotPaneKind kind)
{
  return kind == AXON_PLOT_PANE_FUNCTION ? PROP_Y_MIN : PROP_DY_MIN;
}

static int
y_max_prop (AxonPlotPaneKind kind)
{
  return kind == AXON_PLOT_PANE_FUNCTION ? PROP_Y_MAX : PROP_DY_MAX;
}

/* Sets a fixed y range without touching auto_fit; notifies the ends that changed. */
static gboolean
store_y_range (AxonPlotView     *self,
               AxonPlotPaneKind  kind,
               double            min,
               double            max)
{
  AxonPlotYRange *y = &self->options.y[kind];
  gboolean min_changed, max_changed;

  axon_axis_normalise_range (&min, &max);
  min_changed = min != y->min;
  max_changed = max != y->max;
  y->min = min;
  y->max = max;
  if (min_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[y_min_prop (kind)]);
  if (max_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[y_max_prop (kind)]);
  return min_changed || max_changed;
}

void
axon_plot_view_set_y_auto (AxonPlotView *self,
                           gboolean      y_auto)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));

  y_auto = !!y_auto;
  if (y_auto == self->options.y[AXON_PLOT_PANE_FUNCTION].auto_fit)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (!y_auto)
    {
      /* Keep what is on screen: freeze the fitted ranges of the panes shown now. */
      for (int kind = 0; kind < AXON_PLOT_N_PANE_KINDS; kind++)
        {
          const AxonPlotPane *pane = find_pane (self, kind);

          if (pane != NULL)
            store_y_range (self, kind, pane->y_axis.data_min, pane->y_axis.data_max);
        }
    }
  for (int kind = 0; kind < AXON_PLOT_N_PANE_KINDS; kind++)
    self->options.y[kind].auto_fit = y_auto;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y_AUTO]);
  g_object_thaw_notify (G_OBJECT (self));
  changed (self);
}

void
axon_plot_view_get_y_range (AxonPlotView     *self,
                            AxonPlotPaneKind  kind,
                            double           *min,
                            double           *max)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (kind < AXON_PLOT_N_PANE_KINDS);

  if (min != NULL)
    *min = self->options.y[kind].min;
  if (max != NULL)
    *max = self->options.y[kind].max;
}

void
axon_plot_view_set_y_range (AxonPlotView     *self,
                            AxonPlotPaneKind  kind,
                            double            min,
                            double            max)
{
  gboolean any;

  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (kind < AXON_PLOT_N_PANE_KINDS);
  g_return_if_fail (!isnan (min) && !isnan (max));

  g_object_freeze_notify (G_OBJECT (self));
  any = store_y_range (self, kind, min, max);
  g_object_thaw_notify (G_OBJECT (self));
  /* A fixed range only shows when auto-fit is off; redraw then. */
  if (any && !self->options.y[kind].auto_fit)
    changed (self);
}

AxonPlotLayout
axon_plot_view_get_layout (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), AXON_PLOT_LAYOUT_STACKED);
  return self->options.layout;
}

void
axon_plot_view_set_layout (AxonPlotView   *self,
                           AxonPlotLayout  layout)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (layout <= AXON_PLOT_LAYOUT_FUNCTION_ONLY);

  if (layout == self->options.layout)
    return;
  self->options.layout = layout;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
  changed (self);
}

/* The boolean options share one setter. */
static void
set_flag (AxonPlotView *self,
          bool         *field,
          gboolean      value,
          int           prop)
{
  if (*field == !!value)
    return;
  *field = !!value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  changed (self);
}

gboolean
axon_plot_view_get_show_derivative (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), FALSE);
  return self->options.show_derivative;
}

void
axon_plot_view_set_show_derivative (AxonPlotView *self,
                                    gboolean      show_derivative)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  set_flag (self, &self->options.show_derivative, show_derivative, PROP_SHOW_DERIVATIVE);
}

gboolean
axon_plot_view_get_shade_saturation (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), FALSE);
  return self->options.shade_saturation;
}

void
axon_plot_view_set_shade_saturation (AxonPlotView *self,
                                     gboolean      shade)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  set_flag (self, &self->options.shade_saturation, shade, PROP_SHADE_SATURATION);
}

gboolean
axon_plot_view_get_shade_dead_zone (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), FALSE);
  return self->options.shade_dead_zone;
}

void
axon_plot_view_set_shade_dead_zone (AxonPlotView *self,
                                    gboolean      shade)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  set_flag (self, &self->options.shade_dead_zone, shade, PROP_SHADE_DEAD_ZONE);
}

gboolean
axon_plot_view_get_presentation (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), FALSE);
  return self->presentation;
}

void
axon_plot_view_set_presentation (AxonPlotView *self,
                                 gboolean      presentation)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));

  presentation = !!presentation;
  if (presentation == self->presentation)
    return;
  self->presentation = presentation;
  update_style (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTATION]);
  changed (self);
}

int
axon_plot_view_get_focus (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), -1);
  return self->options.focus;
}

void
axon_plot_view_set_focus (AxonPlotView *self,
                          int           focus)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));

  if (focus < -1)
    focus = -1;
  if (focus == self->options.focus)
    return;
  self->options.focus = focus;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS]);
  changed (self);
}

/* Series */

void
axon_plot_view_set_series (AxonPlotView         *self,
                           const AxonPlotSeries *series,
                           size_t                n_series)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (series != NULL || n_series == 0);

  g_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->labels, 0);
  for (size_t i = 0; i < n_series; i++)
    {
      AxonPlotSeries copy = series[i];
      char *label = g_strdup (series[i].label);

      g_ptr_array_add (self->labels, label);
      copy.label = label;
      g_array_append_val (self->series, copy);
    }
  changed (self);
}

size_t
axon_plot_view_get_n_series (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), 0);
  return self->series->len;
}

const AxonPlotSeries *
axon_plot_view_get_series (AxonPlotView *self,
                           size_t        index)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);
  return &g_array_index (self->series, AxonPlotSeries, index);
}

void
axon_plot_view_set_series_params (AxonPlotView     *self,
                                  size_t            index,
                                  const AxonParams *params)
{
  AxonPlotSeries *series;

  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (index < self->series->len);
  g_return_if_fail (params != NULL);

  series = &g_array_index (self->series, AxonPlotSeries, index);
  if (memcmp (&series->params, params, sizeof *params) == 0)
    return;
  series->params = *params;
  changed (self);
}

void
axon_plot_view_set_series_visible (AxonPlotView *self,
                                   size_t        index,
                                   gboolean      visible)
{
  AxonPlotSeries *series;

  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (index < self->series->len);

  series = &g_array_index (self->series, AxonPlotSeries, index);
  if (series->visible == !!visible)
    return;
  series->visible = !!visible;
  changed (self);
}

/* Navigation */

void
axon_plot_view_zoom (AxonPlotView *self,
                     double        factor)
{
  double centre, half;

  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (factor > 0 && isfinite (factor));

  centre = self->options.x_min / 2 + self->options.x_max / 2;
  half = (self->options.x_max - self->options.x_min) / 2 / factor;
  axon_plot_view_set_x_range (self, centre - half, centre + half);
}

void
axon_plot_view_reset (AxonPlotView *self)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));

  g_object_freeze_notify (G_OBJECT (self));
  axon_plot_view_set_x_range (self, AXON_PLOT_VIEW_DEFAULT_X_MIN, AXON_PLOT_VIEW_DEFAULT_X_MAX);
  axon_plot_view_set_y_auto (self, TRUE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
axon_plot_view_get_style (AxonPlotView *self,
                          AxonStyle    *style)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (style != NULL);

  if (!self->style_valid)
    update_style (self);
  *style = self->style;
}

void
axon_plot_view_get_options (AxonPlotView    *self,
                            AxonPlotOptions *options)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));
  g_return_if_fail (options != NULL);

  *options = self->options;
  options->crosshair = false;
  options->scale = 1; /* the target's own: export surfaces carry theirs */
}

guint
axon_plot_view_get_generation (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), 0);
  return self->generation;
}

guint
axon_plot_view_get_frame_count (AxonPlotView *self)
{
  g_return_val_if_fail (AXON_IS_PLOT_VIEW (self), 0);
  return self->cache.frame_count;
}

void
axon_plot_view_set_crosshair_at (AxonPlotView *self,
                                 double        px,
                                 double        py)
{
  const AxonPlotGeometry *geometry;
  int pane;
  double x;

  g_return_if_fail (AXON_IS_PLOT_VIEW (self));

  geometry = get_geometry (self);
  pane = axon_plot_geometry_pane_at (geometry, px, py);
  if (pane < 0)
    {
      axon_plot_view_hide_crosshair (self);
      return;
    }
  x = axon_axis_from_view (&geometry->panes[pane].x_axis, px);
  if (self->options.crosshair && x == self->options.crosshair_x)
    return;
  /* Not a property: it follows the pointer and nothing else needs to know. */
  self->options.crosshair = true;
  self->options.crosshair_x = x;
  axon_cairo_cache_invalidate (&self->cache);
}

void
axon_plot_view_hide_crosshair (AxonPlotView *self)
{
  g_return_if_fail (AXON_IS_PLOT_VIEW (self));

  if (!self->options.crosshair)
    return;
  self->options.crosshair = false;
  axon_cairo_cache_invalidate (&self->cache);
}

/* Input */

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AxonPlotView             *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  axon_plot_view_set_crosshair_at (self, x, y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          AxonPlotView             *self)
{
  self->pointer_inside = FALSE;
  axon_plot_view_hide_crosshair (self);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               AxonPlotView   *self)
{
  const AxonPlotGeometry *geometry = get_geometry (self);
  int pane = axon_plot_geometry_pane_at (geometry, start_x, start_y);

  self->drag_x_min = self->options.x_min;
  self->drag_x_max = self->options.x_max;
  self->drag_has_pane = pane >= 0;
  if (pane >= 0)
    self->drag_pane = geometry->panes[pane];
  else if (geometry->n_panes > 0)
    {
      /* Outside the data area (on the tick labels) the x axis still pans. */
      self->drag_pane = geometry->panes[0];
      self->drag_has_pane = TRUE;
    }
  if (self->drag_has_pane)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                AxonPlotView   *self)
{
  AxonAxis x_axis;

  if (!self->drag_has_pane)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  x_axis = axon_axis_pan (&self->drag_pane.x_axis, offset_x);
  axon_plot_view_set_x_range (self, x_axis.data_min, x_axis.data_max);
  /* A fixed y range pans with the pointer too; a fitted one follows the curves. */
  if (!self->options.y[self->drag_pane.kind].auto_fit)
    {
      AxonAxis y_axis = axon_axis_pan (&self->drag_pane.y_axis, offset_y);

      axon_plot_view_set_y_range (self, self->drag_pane.kind, y_axis.data_min, y_axis.data_max);
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             AxonPlotView   *self)
{
  self->drag_has_pane = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

/* Zooms x (and a fixed y) by factor around the pixel (px, py). */
static void
zoom_at (AxonPlotView *self,
         double        px,
         double        py,
         double        factor)
{
  const AxonPlotGeometry *geometry = get_geometry (self);
  int index = axon_plot_geometry_pane_at (geometry, px, py);
  AxonPlotPane pane;
  AxonAxis x_axis;

  if (geometry->n_panes == 0)
    return;
  pane = geometry->panes[index >= 0 ? index : 0];
  if (index < 0)
    px = pane.x + pane.width / 2;
  x_axis = axon_axis_zoom (&pane.x_axis, px, factor);
  axon_plot_view_set_x_range (self, x_axis.data_min, x_axis.data_max);
  if (index >= 0 && !self->options.y[pane.kind].auto_fit)
    {
      AxonAxis y_axis = axon_axis_zoom (&pane.y_axis, py, factor);

      axon_plot_view_set_y_range (self, pane.kind, y_axis.data_min, y_axis.data_max);
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AxonPlotView             *self)
{
  if (dy == 0 || !self->pointer_inside)
    return FALSE;
  /* Wheel down (dy > 0) zooms out, as in maps and image viewers; the motion controller
   * knows where the pointer is, which the scroll signal does not say. */
  zoom_at (self, self->pointer_x, self->pointer_y, pow (SCROLL_ZOOM_STEP, -dy));
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               AxonPlotView     *self)
{
  const AxonPlotGeometry *geometry = get_geometry (self);
  double cx = 0, cy = 0;
  int index;

  self->zoom_active = FALSE;
  if (geometry->n_panes == 0)
    return;
  gtk_gesture_get_bounding_box_center (gesture, &cx, &cy);
  index = axon_plot_geometry_pane_at (geometry, cx, cy);
  self->zoom_x_axis = geometry->panes[index >= 0 ? index : 0].x_axis;
  self->zoom_centre = cx;
  self->zoom_active = TRUE;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       AxonPlotView   *self)
{
  AxonAxis x_axis;

  if (!self->zoom_active || !(scale > 0))
    return;
  /* From the axis at the start of the pinch, so the fingers stay on the same data. */
  x_axis = axon_axis_zoom (&self->zoom_x_axis, self->zoom_centre, scale);
  axon_plot_view_set_x_range (self, x_axis.data_min, x_axis.data_max);
}

/* GtkWidget */

static void
draw_frame (cairo_t  *cr,
            int       width,
            int       height,
            gpointer  user_data)
{
  AxonPlotView *self = user_data;

  if (!self->style_valid)
    update_style (self);
  sync_scale (self);
  axon_plot_render (cr, width, height, &self->style, &self->options,
                    (const AxonPlotSeries *) (void *) self->series->data, self->series->len);
}

static void
axon_plot_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  axon_cairo_cache_snapshot (&AXON_PLOT_VIEW (widget)->cache, snapshot, draw_frame);
}

static void
axon_plot_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* Small enough for a narrow window, large enough for two panes with labels. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
axon_plot_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AxonPlotView *self = AXON_PLOT_VIEW (object);

  switch (prop_id)
    {
    case PROP_X_MIN:
      g_value_set_double (value, self->options.x_min);
      break;
    case PROP_X_MAX:
      g_value_set_double (value, self->options.x_max);
      break;
    case PROP_Y_AUTO:
      g_value_set_boolean (value, axon_plot_view_get_y_auto (self));
      break;
    case PROP_Y_MIN:
      g_value_set_double (value, self->options.y[AXON_PLOT_PANE_FUNCTION].min);
      break;
    case PROP_Y_MAX:
      g_value_set_double (value, self->options.y[AXON_PLOT_PANE_FUNCTION].max);
      break;
    case PROP_DY_MIN:
      g_value_set_double (value, self->options.y[AXON_PLOT_PANE_DERIVATIVE].min);
      break;
    case PROP_DY_MAX:
      g_value_set_double (value, self->options.y[AXON_PLOT_PANE_DERIVATIVE].max);
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->options.layout);
      break;
    case PROP_SHOW_DERIVATIVE:
      g_value_set_boolean (value, self->options.show_derivative);
      break;
    case PROP_SHADE_SATURATION:
      g_value_set_boolean (value, self->options.shade_saturation);
      break;
    case PROP_SHADE_DEAD_ZONE:
      g_value_set_boolean (value, self->options.shade_dead_zone);
      break;
    case PROP_PRESENTATION:
      g_value_set_boolean (value, self->presentation);
      break;
    case PROP_FOCUS:
      g_value_set_int (value, self->options.focus);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_plot_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AxonPlotView *self = AXON_PLOT_VIEW (object);
  double min, max;

  switch (prop_id)
    {
    case PROP_X_MIN:
      axon_plot_view_set_x_min (self, g_value_get_double (value));
      break;
    case PROP_X_MAX:
      axon_plot_view_set_x_max (self, g_value_get_double (value));
      break;
    case PROP_Y_AUTO:
      axon_plot_view_set_y_auto (self, g_value_get_boolean (value));
      break;
    case PROP_Y_MIN:
    case PROP_DY_MIN:
      {
        AxonPlotPaneKind kind = prop_id == PROP_Y_MIN ? AXON_PLOT_PANE_FUNCTION
                                                      : AXON_PLOT_PANE_DERIVATIVE;
        axon_plot_view_get_y_range (self, kind, NULL, &max);
        axon_plot_view_set_y_range (self, kind, g_value_get_double (value), max);
      }
      break;
    case PROP_Y_MAX:
    case PROP_DY_MAX:
      {
        AxonPlotPaneKind kind = prop_id == PROP_Y_MAX ? AXON_PLOT_PANE_FUNCTION
                                                      : AXON_PLOT_PANE_DERIVATIVE;
        axon_plot_view_get_y_range (self, kind, &min, NULL);
        axon_plot_view_set_y_range (self, kind, min, g_value_get_double (value));
      }
      break;
    case PROP_LAYOUT:
      axon_plot_view_set_layout (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_DERIVATIVE:
      axon_plot_view_set_show_derivative (self, g_value_get_boolean (value));
      break;
    case PROP_SHADE_SATURATION:
      axon_plot_view_set_shade_saturation (self, g_value_get_boolean (value));
      break;
    case PROP_SHADE_DEAD_ZONE:
      axon_plot_view_set_shade_dead_zone (self, g_value_get_boolean (value));
      break;
    case PROP_PRESENTATION:
      axon_plot_view_set_presentation (self, g_value_get_boolean (value));
      break;
    case PROP_FOCUS:
      axon_plot_view_set_focus (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_plot_view_dispose (GObject *object)
{
  AxonPlotView *self = AXON_PLOT_VIEW (object);

  axon_cairo_cache_dispose (&self->cache);
  G_OBJECT_CLASS (axon_plot_view_parent_class)->dispose (object);
}

static void
axon_plot_view_finalize (GObject *object)
{
  AxonPlotView *self = AXON_PLOT_VIEW (object);

  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  G_OBJECT_CLASS (axon_plot_view_parent_class)->finalize (object);
}

static GParamSpec *
range_pspec (const char *name,
             const char *nick,
             const char *blurb,
             double      value)
{
  return g_param_spec_double (name, nick, blurb, -G_MAXDOUBLE, G_MAXDOUBLE, value,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                              | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
flag_pspec (const char *name,
            const char *nick,
            const char *blurb,
            gboolean    value)
{
  return g_param_spec_boolean (name, nick, blurb, value,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                               | G_PARAM_STATIC_STRINGS);
}

static void
axon_plot_view_class_init (AxonPlotViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AxonPlotOptions defaults;

  axon_plot_options_init (&defaults);

  object_class->get_property = axon_plot_view_get_property;
  object_class->set_property = axon_plot_view_set_property;
  object_class->dispose = axon_plot_view_dispose;
  object_class->finalize = axon_plot_view_finalize;
  widget_class->snapshot = axon_plot_view_snapshot;
  widget_class->measure = axon_plot_view_measure;

  properties[PROP_X_MIN] = range_pspec ("x-min", "X min", "Left end of the x range",
                                        AXON_PLOT_VIEW_DEFAULT_X_MIN);
  properties[PROP_X_MAX] = range_pspec ("x-max", "X max", "Right end of the x range",
                                        AXON_PLOT_VIEW_DEFAULT_X_MAX);
  properties[PROP_Y_AUTO] = flag_pspec ("y-auto", "Y auto", "Fit y to the visible curves",
                                        TRUE);
  properties[PROP_Y_MIN] = range_pspec ("y-min", "Y min", "Bottom of the fixed f(x) range",
                                        defaults.y[AXON_PLOT_PANE_FUNCTION].min);
  properties[PROP_Y_MAX] = range_pspec ("y-max", "Y max", "Top of the fixed f(x) range",
                                        defaults.y[AXON_PLOT_PANE_FUNCTION].max);
  properties[PROP_DY_MIN] = range_pspec ("dy-min", "Dy min", "Bottom of the fixed f'(x) range",
                                         defaults.y[AXON_PLOT_PANE_DERIVATIVE].min);
  properties[PROP_DY_MAX] = range_pspec ("dy-max", "Dy max", "Top of the fixed f'(x) range",
                                         defaults.y[AXON_PLOT_PANE_DERIVATIVE].max);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", "Layout", "Where f(x) and f'(x) are drawn",
                       AXON_TYPE_PLOT_LAYOUT, AXON_PLOT_LAYOUT_STACKED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DERIVATIVE] = flag_pspec ("show-derivative", "Show derivative",
                                                 "Plot f'(x) as well", TRUE);
  properties[PROP_SHADE_SATURATION] = flag_pspec ("shade-saturation", "Shade saturation",
                                                  "Shade where |f'(x)| < 0.1", FALSE);
  properties[PROP_SHADE_DEAD_ZONE] = flag_pspec ("shade-dead-zone", "Shade dead zone",
                                                 "Shade where f'(x) = 0", FALSE);
  properties[PROP_PRESENTATION] = flag_pspec ("presentation", "Presentation",
                                              "Large text and lines, high contrast", FALSE);
  properties[PROP_FOCUS] =
    g_param_spec_int ("focus", "Focus", "Series whose shading is drawn, or -1 for all",
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "plotview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
axon_plot_view_init (AxonPlotView *self)
{
  GtkEventController *motion, *scroll;
  GtkGesture *drag, *zoom;

  axon_plot_options_init (&self->options);
  self->options.x_min = AXON_PLOT_VIEW_DEFAULT_X_MIN;
  self->options.x_max = AXON_PLOT_VIEW_DEFAULT_X_MAX;
  self->options.shade_rrelu_band = true;
  self->options.focus = -1;
  for (int kind = 0; kind < AXON_PLOT_N_PANE_KINDS; kind++)
    self->options.y[kind].auto_fit = true;
  self->series = g_array_new (FALSE, TRUE, sizeof (AxonPlotSeries));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  axon_cairo_cache_init (&self->cache, GTK_WIDGET (self), G_CALLBACK (on_dark_changed));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  /* A move to a monitor of another scale redraws with samples for it. */
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (gtk_widget_queue_draw), NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Plot of f(x) and f′(x)"), -1);
}

GtkWidget *
axon_plot_view_new (void)
{
  return g_object_new (AXON_TYPE_PLOT_VIEW, NULL);
}
