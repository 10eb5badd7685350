/* axon-surface-view.c: the distribution widget: state, input, and a cached frame drawn by
 * axon_distribution_render_grid. */
#include "axon-surface-view.h"

#include <math.h>

#include "axon-bands-render.h"
#include "axon-cairo-cache.h"
#include "axon-heatmap-render.h"
#include "axon-ridges-render.h"

#define MIN_BINS 2
#define MAX_BINS 1024

struct _AxonSurfaceView
{
  GtkWidget parent_instance;

  GPtrArray *hists;       /* AxonHistogram copies, sorted by step */
  GArray *steps;          /* gint64, every recorded step, ascending */
  char *title;
  AxonDistributionOptions options;
  double shared_value_min, shared_value_max, shared_count_max;

  AxonHistogramGrid *grid; /* NULL when stale */
  AxonStyle style;
  gboolean style_valid;

  /* The last frame, reused while nothing changed (a window resize of another pane, a
   * focus change). */
  AxonCairoCache cache;

  double drag_yaw, drag_pitch;
  gboolean dragging;
};

G_DEFINE_FINAL_TYPE (AxonSurfaceView, axon_surface_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_VIEW,
  PROP_SURFACE_MODE,
  PROP_YAW,
  PROP_PITCH,
  PROP_ZOOM,
  PROP_LOG_COUNT,
  PROP_SYMLOG,
  PROP_N_BINS,
  PROP_STEP_MIN,
  PROP_STEP_MAX,
  PROP_CURSOR_STEP,
  PROP_SHOW_CURSOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
redraw (AxonSurfaceView *self)
{
  axon_cairo_cache_invalidate (&self->cache);
}

static void
invalidate_grid (AxonSurfaceView *self)
{
  g_clear_pointer (&self->grid, axon_histogram_grid_free);
  redraw (self);
}

static void
update_style (AxonSurfaceView *self)
{
  axon_cairo_cache_get_style (&self->cache, &self->style);
  self->style_valid = TRUE;
}

static void
on_dark_changed (AxonSurfaceView *self)
{
  update_style (self);
  redraw (self);
}

static void
ensure_grid (AxonSurfaceView *self)
{
  AxonDistributionOptions o;

  if (self->grid != NULL)
    return;
  axon_surface_view_get_options (self, &o);
  self->grid = axon_distribution_build_grid (&o, (const AxonHistogram *const *) self->hists->pdata,
                                             self->hists->len);
}

/* Public API */

GtkWidget *
axon_surface_view_new (void)
{
  return g_object_new (AXON_TYPE_SURFACE_VIEW, NULL);
}

static int
compare_hist_steps (gconstpointer a,
                    gconstpointer b)
{
  const AxonHistogram *ha = *(const AxonHistogram *const *) a;
  const AxonHistogram *hb = *(const AxonHistogram *const *) b;

  return (ha->step > hb->step) - (ha->step < hb->step);
}

void
axon_surface_view_set_histograms (AxonSurfaceView            *self,
                                  const AxonHistogram *const *hists,
                                  size_t                      n)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  g_return_if_fail (hists != NULL || n == 0);

  g_ptr_array_set_size (self->hists, 0);
  g_array_set_size (self->steps, 0);
  for (size_t i = 0; i < n; i++)
    if (hists[i] != NULL)
      g_ptr_array_add (self->hists, axon_histogram_copy (hists[i]));
  g_ptr_array_sort (self->hists, compare_hist_steps);
  for (guint i = 0; i < self->hists->len; i++)
    {
      gint64 step = ((AxonHistogram *) self->hists->pdata[i])->step;

      if (self->steps->len == 0 || g_array_index (self->steps, gint64, self->steps->len - 1) != step)
        g_array_append_val (self->steps, step);
    }
  invalidate_grid (self);
}

void
axon_surface_view_set_title (AxonSurfaceView *self,
                             const char      *title)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  redraw (self);
}

size_t
axon_surface_view_get_n_histograms (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 0);
  return self->hists->len;
}

AxonDistributionView
axon_surface_view_get_view (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), AXON_DISTRIBUTION_VIEW_SURFACE);
  return self->options.view;
}

void
axon_surface_view_set_view (AxonSurfaceView      *self,
                            AxonDistributionView  view)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  g_return_if_fail ((unsigned) view < AXON_DISTRIBUTION_N_VIEWS);
  if (self->options.view == view)
    return;
  self->options.view = view;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  redraw (self);
}

AxonSurfaceMode
axon_surface_view_get_surface_mode (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), AXON_SURFACE_MODE_SHADED);
  return self->options.surface_mode;
}

void
axon_surface_view_set_surface_mode (AxonSurfaceView *self,
                                    AxonSurfaceMode  mode)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  mode = mode == AXON_SURFACE_MODE_SLICES ? AXON_SURFACE_MODE_SLICES : AXON_SURFACE_MODE_SHADED;
  if (self->options.surface_mode == mode)
    return;
  self->options.surface_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURFACE_MODE]);
  redraw (self);
}

double
axon_surface_view_get_yaw (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 0);
  return self->options.yaw;
}

void
axon_surface_view_set_yaw (AxonSurfaceView *self,
                           double           yaw)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (!isfinite (yaw))
    return;
  /* (-180, 180]: the same camera keeps the same number however often it turned. */
  yaw = fmod (yaw, 360);
  if (yaw > 180)
    yaw -= 360;
  else if (yaw <= -180)
    yaw += 360;
  if (self->options.yaw == yaw)
    return;
  self->options.yaw = yaw;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YAW]);
  redraw (self);
}

double
axon_surface_view_get_pitch (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 0);
  return self->options.pitch;
}

void
axon_surface_view_set_pitch (AxonSurfaceView *self,
                             double           pitch)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (!isfinite (pitch))
    return;
  pitch = CLAMP (pitch, AXON_SURFACE_VIEW_MIN_PITCH, AXON_SURFACE_VIEW_MAX_PITCH);
  if (self->options.pitch == pitch)
    return;
  self->options.pitch = pitch;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PITCH]);
  redraw (self);
}

double
axon_surface_view_get_zoom (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 1);
  return self->options.zoom;
}

void
axon_surface_view_set_zoom (AxonSurfaceView *self,
                            double           zoom)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (!isfinite (zoom))
    return;
  zoom = CLAMP (zoom, AXON_SURFACE_VIEW_MIN_ZOOM, AXON_SURFACE_VIEW_MAX_ZOOM);
  if (self->options.zoom == zoom)
    return;
  self->options.zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  redraw (self);
}

gboolean
axon_surface_view_get_log_count (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), FALSE);
  return self->options.log_count;
}

void
axon_surface_view_set_log_count (AxonSurfaceView *self,
                                 gboolean         log_count)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  log_count = !!log_count;
  if (self->options.log_count == log_count)
    return;
  self->options.log_count = log_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOG_COUNT]);
  redraw (self);
}

gboolean
axon_surface_view_get_symlog (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), FALSE);
  return self->options.value_scale == AXON_BIN_SCALE_SYMLOG;
}

void
axon_surface_view_set_symlog (AxonSurfaceView *self,
                              gboolean         symlog)
{
  AxonBinScale scale = symlog ? AXON_BIN_SCALE_SYMLOG : AXON_BIN_SCALE_LINEAR;

  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (self->options.value_scale == scale)
    return;
  self->options.value_scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYMLOG]);
  invalidate_grid (self);
}

guint
axon_surface_view_get_n_bins (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 0);
  return (guint) self->options.n_bins;
}

void
axon_surface_view_set_n_bins (AxonSurfaceView *self,
                              guint            n_bins)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  n_bins = CLAMP (n_bins, MIN_BINS, MAX_BINS);
  if (self->options.n_bins == n_bins)
    return;
  self->options.n_bins = n_bins;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_BINS]);
  invalidate_grid (self);
}

gint64
axon_surface_view_get_step_min (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), G_MININT64);
  return self->options.step_min;
}

gint64
axon_surface_view_get_step_max (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), G_MAXINT64);
  return self->options.step_max;
}

void
axon_surface_view_set_step_range (AxonSurfaceView *self,
                                  gint64           step_min,
                                  gint64           step_max)
{
  gboolean min_changed, max_changed;

  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (step_min > step_max)
    {
      gint64 t = step_min;

      step_min = step_max;
      step_max = t;
    }
  min_changed = self->options.step_min != step_min;
  max_changed = self->options.step_max != step_max;
  if (!min_changed && !max_changed)
    return;
  self->options.step_min = step_min;
  self->options.step_max = step_max;
  if (min_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_MIN]);
  if (max_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP_MAX]);
  invalidate_grid (self);
}

gint64
axon_surface_view_get_cursor_step (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 0);
  return self->options.cursor_step;
}

void
axon_surface_view_set_cursor_step (AxonSurfaceView *self,
                                   gint64           step)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  if (self->options.cursor_step == step)
    return;
  self->options.cursor_step = step;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR_STEP]);
  if (self->options.show_cursor)
    redraw (self);
}

gboolean
axon_surface_view_get_show_cursor (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), FALSE);
  return self->options.show_cursor;
}

void
axon_surface_view_set_show_cursor (AxonSurfaceView *self,
                                   gboolean         show_cursor)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  show_cursor = !!show_cursor;
  if (self->options.show_cursor == show_cursor)
    return;
  self->options.show_cursor = show_cursor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CURSOR]);
  redraw (self);
}

void
axon_surface_view_rotate_by (AxonSurfaceView *self,
                             double           dx,
                             double           dy)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  g_object_freeze_notify (G_OBJECT (self));
  /* Dragging right turns the front of the box to the right (yaw is counter-clockwise
   * seen from above); dragging down looks from higher up. */
  axon_surface_view_set_yaw (self, self->options.yaw + dx * AXON_SURFACE_VIEW_DRAG_DEGREES);
  axon_surface_view_set_pitch (self, self->options.pitch + dy * AXON_SURFACE_VIEW_DRAG_DEGREES);
  g_object_thaw_notify (G_OBJECT (self));
}

void
axon_surface_view_reset_camera (AxonSurfaceView *self)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  g_object_freeze_notify (G_OBJECT (self));
  axon_surface_view_set_yaw (self, AXON_SURFACE_VIEW_DEFAULT_YAW);
  axon_surface_view_set_pitch (self, AXON_SURFACE_VIEW_DEFAULT_PITCH);
  axon_surface_view_set_zoom (self, 1);
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
same_double (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

void
axon_surface_view_set_shared_scale (AxonSurfaceView *self,
                                    double           value_min,
                                    double           value_max,
                                    double           count_max)
{
  gboolean range_changed;

  g_return_if_fail (AXON_IS_SURFACE_VIEW (self));
  range_changed = !same_double (self->shared_value_min, value_min)
                  || !same_double (self->shared_value_max, value_max);
  if (!range_changed && same_double (self->shared_count_max, count_max))
    return;
  self->shared_value_min = value_min;
  self->shared_value_max = value_max;
  self->shared_count_max = count_max;
  if (range_changed)
    invalidate_grid (self);
  else
    redraw (self);
}

gboolean
axon_surface_view_get_data_scale (AxonSurfaceView *self,
                                  double          *value_min,
                                  double          *value_max,
                                  double          *count_max)
{
  AxonDistributionOptions o;
  g_autoptr (AxonHistogramGrid) grid = NULL;

  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), FALSE);
  axon_surface_view_get_options (self, &o);
  o.value_min = NAN;
  o.value_max = NAN;
  grid = axon_distribution_build_grid (&o, (const AxonHistogram *const *) self->hists->pdata,
                                       self->hists->len);
  if (grid->n_steps == 0)
    return FALSE;
  if (value_min != NULL)
    *value_min = grid->value_min;
  if (value_max != NULL)
    *value_max = grid->value_max;
  if (count_max != NULL)
    *count_max = grid->max_count;
  return TRUE;
}

void
axon_surface_view_get_options (AxonSurfaceView         *self,
                               AxonDistributionOptions *options)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self) && options != NULL);
  *options = self->options;
  options->title = self->title;
  options->value_min = self->shared_value_min;
  options->value_max = self->shared_value_max;
  options->count_max = self->shared_count_max;
}

const AxonHistogramGrid *
axon_surface_view_get_grid (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), NULL);
  ensure_grid (self);
  return self->grid;
}

void
axon_surface_view_get_style (AxonSurfaceView *self,
                             AxonStyle       *style)
{
  g_return_if_fail (AXON_IS_SURFACE_VIEW (self) && style != NULL);
  if (!self->style_valid)
    update_style (self);
  *style = self->style;
}

const gint64 *
axon_surface_view_get_steps (AxonSurfaceView *self,
                             size_t          *n_steps)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), NULL);
  if (n_steps != NULL)
    *n_steps = self->steps->len;
  return (const gint64 *) (void *) self->steps->data;
}

guint
axon_surface_view_get_frame_count (AxonSurfaceView *self)
{
  g_return_val_if_fail (AXON_IS_SURFACE_VIEW (self), 0);
  return self->cache.frame_count;
}

/* Input */

static void
on_drag_begin (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               AxonSurfaceView *self)
{
  if (self->options.view != AXON_DISTRIBUTION_VIEW_SURFACE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  self->drag_yaw = self->options.yaw;
  self->drag_pitch = self->options.pitch;
  self->dragging = TRUE;
  /* So the arrow keys turn what was just dragged. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                AxonSurfaceView *self)
{
  if (!self->dragging)
    return;
  /* From the angles at the start of the drag, so the box follows the pointer exactly. */
  g_object_freeze_notify (G_OBJECT (self));
  axon_surface_view_set_yaw (self, self->drag_yaw + dx * AXON_SURFACE_VIEW_DRAG_DEGREES);
  axon_surface_view_set_pitch (self, self->drag_pitch + dy * AXON_SURFACE_VIEW_DRAG_DEGREES);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_drag_end (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             AxonSurfaceView *self)
{
  self->dragging = FALSE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AxonSurfaceView          *self)
{
  if (self->options.view != AXON_DISTRIBUTION_VIEW_SURFACE)
    return FALSE;
  axon_surface_view_set_zoom (self, self->options.zoom * pow (1.1, -dy));
  return TRUE;
}

/* Keyboard: arrows turn the camera by 5 degrees, + and - zoom, Home resets. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AxonSurfaceView       *self)
{
  const double step = 5 / AXON_SURFACE_VIEW_DRAG_DEGREES; /* pixels of drag for 5 degrees */

  if (self->options.view != AXON_DISTRIBUTION_VIEW_SURFACE)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
      axon_surface_view_rotate_by (self, -step, 0);
      return TRUE;
    case GDK_KEY_Right:
      axon_surface_view_rotate_by (self, step, 0);
      return TRUE;
    case GDK_KEY_Up:
      axon_surface_view_rotate_by (self, 0, -step);
      return TRUE;
    case GDK_KEY_Down:
      axon_surface_view_rotate_by (self, 0, step);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
    case GDK_KEY_equal:
      axon_surface_view_set_zoom (self, self->options.zoom * 1.2);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      axon_surface_view_set_zoom (self, self->options.zoom / 1.2);
      return TRUE;
    case GDK_KEY_Home:
      axon_surface_view_reset_camera (self);
      return TRUE;
    default:
      return FALSE;
    }
}

/* The recorded step nearest to where the pointer is, in the 2D views with a step axis. */
static gboolean
step_at (AxonSurfaceView *self,
         double           x,
         double           y,
         gint64          *step)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  AxonDistributionOptions o;
  const AxonHistogramGrid *grid = axon_surface_view_get_grid (self);
  AxonStyle style;
  double s;

  if (grid->n_steps == 0)
    return FALSE;
  axon_surface_view_get_options (self, &o);
  axon_surface_view_get_style (self, &style);
  switch (o.view)
    {
    case AXON_DISTRIBUTION_VIEW_HEATMAP:
      {
        AxonHeatmapLayout layout;

        axon_heatmap_layout (width, height, &style, &o, grid, &layout);
        s = axon_axis_from_view (&layout.step_axis, x);
        break;
      }
    case AXON_DISTRIBUTION_VIEW_BANDS:
      {
        AxonBandsLayout layout;

        axon_bands_layout (width, height, &style, &o, grid, &layout);
        s = axon_axis_from_view (&layout.step_axis, x);
        break;
      }
    case AXON_DISTRIBUTION_VIEW_RIDGES:
      {
        AxonRidgesLayout layout;
        size_t best = 0;

        axon_ridges_layout (width, height, &style, &o, grid, FALSE, &layout);
        for (size_t i = 1; i < grid->n_steps; i++)
          if (fabs (axon_ridges_baseline (&layout, grid, i) - y)
              < fabs (axon_ridges_baseline (&layout, grid, best) - y))
            best = i;
        s = (double) grid->steps[best];
        break;
      }
    case AXON_DISTRIBUTION_VIEW_SURFACE:
    case AXON_DISTRIBUTION_VIEW_OVERLAY:
    case AXON_DISTRIBUTION_N_VIEWS:
    default:
      return FALSE;
    }
  if (!isfinite (s))
    return FALSE;
  *step = grid->steps[axon_histogram_grid_find_step (grid, (gint64) llround (s))];
  return TRUE;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   AxonSurfaceView *self)
{
  gint64 step;

  if (n_press == 1 && step_at (self, x, y, &step))
    {
      axon_surface_view_set_cursor_step (self, step);
      axon_surface_view_set_show_cursor (self, TRUE);
    }
}

/* GtkWidget */

static void
draw_frame (cairo_t  *cr,
            int       width,
            int       height,
            gpointer  user_data)
{
  AxonSurfaceView *self = user_data;
  AxonDistributionOptions o;

  if (!self->style_valid)
    update_style (self);
  ensure_grid (self);
  axon_surface_view_get_options (self, &o);
  axon_distribution_render_grid (cr, width, height, &self->style, &o, self->grid);
}

static void
axon_surface_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  axon_cairo_cache_snapshot (&AXON_SURFACE_VIEW (widget)->cache, snapshot, draw_frame);
}

static void
axon_surface_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

/* GObject */

static void
axon_surface_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AxonSurfaceView *self = AXON_SURFACE_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_int (value, self->options.view);
      break;
    case PROP_SURFACE_MODE:
      g_value_set_int (value, self->options.surface_mode);
      break;
    case PROP_YAW:
      g_value_set_double (value, self->options.yaw);
      break;
    case PROP_PITCH:
      g_value_set_double (value, self->options.pitch);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->options.zoom);
      break;
    case PROP_LOG_COUNT:
      g_value_set_boolean (value, self->options.log_count);
      break;
    case PROP_SYMLOG:
      g_value_set_boolean (value, axon_surface_view_get_symlog (self));
      break;
    case PROP_N_BINS:
      g_value_set_uint (value, (guint) self->options.n_bins);
      break;
    case PROP_STEP_MIN:
      g_value_set_int64 (value, self->options.step_min);
      break;
    case PROP_STEP_MAX:
      g_value_set_int64 (value, self->options.step_max);
      break;
    case PROP_CURSOR_STEP:
      g_value_set_int64 (value, self->options.cursor_step);
      break;
    case PROP_SHOW_CURSOR:
      g_value_set_boolean (value, self->options.show_cursor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_surface_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AxonSurfaceView *self = AXON_SURFACE_VIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      axon_surface_view_set_view (self, g_value_get_int (value));
      break;
    case PROP_SURFACE_MODE:
      axon_surface_view_set_surface_mode (self, g_value_get_int (value));
      break;
    case PROP_YAW:
      axon_surface_view_set_yaw (self, g_value_get_double (value));
      break;
    case PROP_PITCH:
      axon_surface_view_set_pitch (self, g_value_get_double (value));
      break;
    case PROP_ZOOM:
      axon_surface_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_LOG_COUNT:
      axon_surface_view_set_log_count (self, g_value_get_boolean (value));
      break;
    case PROP_SYMLOG:
      axon_surface_view_set_symlog (self, g_value_get_boolean (value));
      break;
    case PROP_N_BINS:
      axon_surface_view_set_n_bins (self, g_value_get_uint (value));
      break;
    case PROP_STEP_MIN:
      axon_surface_view_set_step_range (self, g_value_get_int64 (value), self->options.step_max);
      break;
    case PROP_STEP_MAX:
      axon_surface_view_set_step_range (self, self->options.step_min, g_value_get_int64 (value));
      break;
    case PROP_CURSOR_STEP:
      axon_surface_view_set_cursor_step (self, g_value_get_int64 (value));
      break;
    case PROP_SHOW_CURSOR:
      axon_surface_view_set_show_cursor (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_surface_view_dispose (GObject *object)
{
  AxonSurfaceView *self = AXON_SURFACE_VIEW (object);

  axon_cairo_cache_dispose (&self->cache);
  G_OBJECT_CLASS (axon_surface_view_parent_class)->dispose (object);
}

static void
axon_surface_view_finalize (GObject *object)
{
  AxonSurfaceView *self = AXON_SURFACE_VIEW (object);

  g_clear_pointer (&self->hists, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->grid, axon_histogram_grid_free);
  g_free (self->title);
  G_OBJECT_CLASS (axon_surface_view_parent_class)->finalize (object);
}

static void
axon_surface_view_class_init (AxonSurfaceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = axon_surface_view_get_property;
  object_class->set_property = axon_surface_view_set_property;
  object_class->dispose = axon_surface_view_dispose;
  object_class->finalize = axon_surface_view_finalize;
  widget_class->snapshot = axon_surface_view_snapshot;
  widget_class->measure = axon_surface_view_measure;

  properties[PROP_VIEW] =
    g_param_spec_int ("view", NULL, NULL, 0, AXON_DISTRIBUTION_N_VIEWS - 1,
                      AXON_DISTRIBUTION_VIEW_SURFACE, flags);
  properties[PROP_SURFACE_MODE] =
    g_param_spec_int ("surface-mode", NULL, NULL, AXON_SURFACE_MODE_SHADED,
                      AXON_SURFACE_MODE_SLICES, AXON_SURFACE_MODE_SHADED, flags);
  properties[PROP_YAW] =
    g_param_spec_double ("yaw", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         AXON_SURFACE_VIEW_DEFAULT_YAW, flags);
  properties[PROP_PITCH] =
    g_param_spec_double ("pitch", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE,
                         AXON_SURFACE_VIEW_DEFAULT_PITCH, flags);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, G_MAXDOUBLE, 1, flags);
  properties[PROP_LOG_COUNT] = g_param_spec_boolean ("log-count", NULL, NULL, FALSE, flags);
  properties[PROP_SYMLOG] = g_param_spec_boolean ("symlog", NULL, NULL, FALSE, flags);
  properties[PROP_N_BINS] =
    g_param_spec_uint ("n-bins", NULL, NULL, MIN_BINS, MAX_BINS, 64, flags);
  properties[PROP_STEP_MIN] =
    g_param_spec_int64 ("step-min", NULL, NULL, G_MININT64, G_MAXINT64, G_MININT64, flags);
  properties[PROP_STEP_MAX] =
    g_param_spec_int64 ("step-max", NULL, NULL, G_MININT64, G_MAXINT64, G_MAXINT64, flags);
  properties[PROP_CURSOR_STEP] =
    g_param_spec_int64 ("cursor-step", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_SHOW_CURSOR] = g_param_spec_boolean ("show-cursor", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "axon-surface-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
axon_surface_view_init (AxonSurfaceView *self)
{
  GtkGesture *drag, *click;
  GtkEventController *scroll, *key;

  self->hists = g_ptr_array_new_with_free_func ((GDestroyNotify) axon_histogram_free);
  self->steps = g_array_new (FALSE, FALSE, sizeof (gint64));
  axon_distribution_options_init (&self->options);
  self->options.yaw = AXON_SURFACE_VIEW_DEFAULT_YAW;
  self->options.pitch = AXON_SURFACE_VIEW_DEFAULT_PITCH;
  self->shared_value_min = NAN;
  self->shared_value_max = NAN;
  self->shared_count_max = NAN;
  axon_cairo_cache_init (&self->cache, GTK_WIDGET (self), G_CALLBACK (on_dark_changed));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}
