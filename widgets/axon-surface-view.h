/* axon-surface-view.h: the interactive distribution view (3D surface, heatmap, ridges,
 * overlay, bands) of a histogram series.
 *
 * A GTK widget over axon_distribution_render_grid. It keeps a copy of the histograms and
 * the grid built from them (rebuilt only when the data, bins, value scale, step range or
 * shared scale change), and draws each frame into an image it hands GTK as a texture.
 * Surface: drag to rotate (yaw, pitch), scroll to zoom, axon_surface_view_reset_camera;
 * from the keyboard, arrows turn by 5 degrees, + and - zoom, Home resets.
 * Heatmap, bands, ridges: a click moves the step cursor to the step under the pointer.
 * Colours follow the libadwaita dark style.
 *
 * Every setter follows the same steps: clamp, return if unchanged, assign, notify the
 * property once, queue a redraw.
 */
#pragma once

#include <gtk/gtk.h>

#include "axon-distribution-render.h"

G_BEGIN_DECLS

#define AXON_TYPE_SURFACE_VIEW (axon_surface_view_get_type ())
G_DECLARE_FINAL_TYPE (AxonSurfaceView, axon_surface_view, AXON, SURFACE_VIEW, GtkWidget)

#define AXON_SURFACE_VIEW_DEFAULT_YAW (-35.0)
#define AXON_SURFACE_VIEW_DEFAULT_PITCH 28.0
#define AXON_SURFACE_VIEW_MIN_PITCH (-10.0)
#define AXON_SURFACE_VIEW_MAX_PITCH 90.0
#define AXON_SURFACE_VIEW_MIN_ZOOM 0.3
#define AXON_SURFACE_VIEW_MAX_ZOOM 6.0
/* Degrees per pixel of drag. */
#define AXON_SURFACE_VIEW_DRAG_DEGREES 0.4

GtkWidget *axon_surface_view_new (void);

/* The series drawn (copied; NULL entries skipped). title: the figure's title (copied, may
 * be NULL). */
void axon_surface_view_set_histograms (AxonSurfaceView            *self,
                                       const AxonHistogram *const *hists,
                                       size_t                      n);
void axon_surface_view_set_title (AxonSurfaceView *self,
                                  const char      *title);
size_t axon_surface_view_get_n_histograms (AxonSurfaceView *self);

/* Properties "view", "surface-mode", "yaw", "pitch", "zoom", "log-count", "symlog",
 * "n-bins", "step-min", "step-max", "cursor-step", "show-cursor". */
AxonDistributionView axon_surface_view_get_view (AxonSurfaceView *self);
void axon_surface_view_set_view (AxonSurfaceView      *self,
                                 AxonDistributionView  view);
AxonSurfaceMode axon_surface_view_get_surface_mode (AxonSurfaceView *self);
void axon_surface_view_set_surface_mode (AxonSurfaceView *self,
                                         AxonSurfaceMode  mode);
double axon_surface_view_get_yaw (AxonSurfaceView *self);
void axon_surface_view_set_yaw (AxonSurfaceView *self,
                                double           yaw);   /* wrapped into (-180, 180] */
double axon_surface_view_get_pitch (AxonSurfaceView *self);
void axon_surface_view_set_pitch (AxonSurfaceView *self,
                                  double           pitch); /* clamped to MIN..MAX_PITCH */
double axon_surface_view_get_zoom (AxonSurfaceView *self);
void axon_surface_view_set_zoom (AxonSurfaceView *self,
                                 double           zoom);   /* clamped to MIN..MAX_ZOOM */
gboolean axon_surface_view_get_log_count (AxonSurfaceView *self);
void axon_surface_view_set_log_count (AxonSurfaceView *self,
                                      gboolean         log_count);
gboolean axon_surface_view_get_symlog (AxonSurfaceView *self);
void axon_surface_view_set_symlog (AxonSurfaceView *self,
                                   gboolean         symlog);
guint axon_surface_view_get_n_bins (AxonSurfaceView *self);
void axon_surface_view_set_n_bins (AxonSurfaceView *self,
                                   guint            n_bins); /* clamped to 2..1024 */
gint64 axon_surface_view_get_step_min (AxonSurfaceView *self);
gint64 axon_surface_view_get_step_max (AxonSurfaceView *self);
void axon_surface_view_set_step_range (AxonSurfaceView *self,
                                       gint64           step_min,
                                       gint64           step_max);
gint64 axon_surface_view_get_cursor_step (AxonSurfaceView *self);
void axon_surface_view_set_cursor_step (AxonSurfaceView *self,
                                        gint64           step);
gboolean axon_surface_view_get_show_cursor (AxonSurfaceView *self);
void axon_surface_view_set_show_cursor (AxonSurfaceView *self,
                                        gboolean         show_cursor);

/* Turns the camera as a drag of (dx, dy) pixels does: both properties change together and
 * each notifies once. */
void axon_surface_view_rotate_by (AxonSurfaceView *self,
                                  double           dx,
                                  double           dy);
/* Default yaw, pitch and zoom. */
void axon_surface_view_reset_camera (AxonSurfaceView *self);

/* Shared scales for side-by-side comparison: the value range and the top of the count
 * scale (NAN: from this view's own data). */
void axon_surface_view_set_shared_scale (AxonSurfaceView *self,
                                         double           value_min,
                                         double           value_max,
                                         double           count_max);
/* The value range and largest bin count of the view's own data in its step range
 * (ignoring the shared scale); FALSE when there is no histogram. */
gboolean axon_surface_view_get_data_scale (AxonSurfaceView *self,
                                           double          *value_min,
                                           double          *value_max,
                                           double          *count_max);

/* What the view draws now: options (title included) and grid (owned by the view, valid
 * until the next change). For export and the step histogram beside the view. */
void axon_surface_view_get_options (AxonSurfaceView         *self,
                                    AxonDistributionOptions *options);
const AxonHistogramGrid *axon_surface_view_get_grid (AxonSurfaceView *self);
/* The style the view draws with now (dark or light). */
void axon_surface_view_get_style (AxonSurfaceView *self,
                                  AxonStyle       *style);
/* The recorded steps of the series, ascending (owned by the view). */
const gint64 *axon_surface_view_get_steps (AxonSurfaceView *self,
                                           size_t          *n_steps);

/* Frames drawn; tests watch it. */
guint axon_surface_view_get_frame_count (AxonSurfaceView *self);

G_END_DECLS
