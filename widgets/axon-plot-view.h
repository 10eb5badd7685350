/* axon-plot-view.h: the interactive f(x) / f'(x) plot.
 *
 * A GTK widget over axon_plot_render: it keeps the series and options, draws them in
 * snapshot() into a texture kept until they change (axon-cairo-cache.h; sampled per device
 * pixel at the widget's scale factor, so curves stay smooth on HiDPI), pans on drag, zooms
 * on scroll and pinch around the pointer, and shows a crosshair readout under the pointer.
 * Colours follow the libadwaita dark style unless a style is forced.
 */
#pragma once

#include <gtk/gtk.h>

#include "axon-plot-render.h"

G_BEGIN_DECLS

#define AXON_TYPE_PLOT_LAYOUT (axon_plot_layout_get_type ())
GType axon_plot_layout_get_type (void) G_GNUC_CONST;

#define AXON_TYPE_PLOT_VIEW (axon_plot_view_get_type ())
G_DECLARE_FINAL_TYPE (AxonPlotView, axon_plot_view, AXON, PLOT_VIEW, GtkWidget)

/* The range reset and the "reset view" action return to. */
#define AXON_PLOT_VIEW_DEFAULT_X_MIN (-5.0)
#define AXON_PLOT_VIEW_DEFAULT_X_MAX 5.0

GtkWidget *axon_plot_view_new (void);

/* x range. Each end alone, or both at once (one notification per end that changed). */
double axon_plot_view_get_x_min (AxonPlotView *self);
double axon_plot_view_get_x_max (AxonPlotView *self);
void axon_plot_view_set_x_min (AxonPlotView *self,
                               double        x_min);
void axon_plot_view_set_x_max (AxonPlotView *self,
                               double        x_max);
void axon_plot_view_set_x_range (AxonPlotView *self,
                                 double        x_min,
                                 double        x_max);

/* y: fitted to the visible curves, or fixed. Turning auto-fit off keeps the ranges last
 * shown, so the curves do not jump. y-min/y-max are the f(x) pane, dy-min/dy-max the
 * f'(x) pane. */
gboolean axon_plot_view_get_y_auto (AxonPlotView *self);
void axon_plot_view_set_y_auto (AxonPlotView *self,
                                gboolean      y_auto);
void axon_plot_view_get_y_range (AxonPlotView     *self,
                                 AxonPlotPaneKind  kind,
                                 double           *min,
                                 double           *max);
void axon_plot_view_set_y_range (AxonPlotView     *self,
                                 AxonPlotPaneKind  kind,
                                 double            min,
                                 double            max);

AxonPlotLayout axon_plot_view_get_layout (AxonPlotView *self);
void axon_plot_view_set_layout (AxonPlotView   *self,
                                AxonPlotLayout  layout);
gboolean axon_plot_view_get_show_derivative (AxonPlotView *self);
void axon_plot_view_set_show_derivative (AxonPlotView *self,
                                         gboolean      show_derivative);
gboolean axon_plot_view_get_shade_saturation (AxonPlotView *self);
void axon_plot_view_set_shade_saturation (AxonPlotView *self,
                                          gboolean      shade);
gboolean axon_plot_view_get_shade_dead_zone (AxonPlotView *self);
void axon_plot_view_set_shade_dead_zone (AxonPlotView *self,
                                         gboolean      shade);
gboolean axon_plot_view_get_presentation (AxonPlotView *self);
void axon_plot_view_set_presentation (AxonPlotView *self,
                                      gboolean      presentation);
/* Index of the series whose shading is drawn, or -1 for all visible ones. */
int axon_plot_view_get_focus (AxonPlotView *self);
void axon_plot_view_set_focus (AxonPlotView *self,
                               int           focus);

/* Series, copied. Labels are copied too. */
void axon_plot_view_set_series (AxonPlotView         *self,
                                const AxonPlotSeries *series,
                                size_t                n_series);
size_t axon_plot_view_get_n_series (AxonPlotView *self);
const AxonPlotSeries *axon_plot_view_get_series (AxonPlotView *self,
                                                 size_t        index);
void axon_plot_view_set_series_params (AxonPlotView     *self,
                                       size_t            index,
                                       const AxonParams *params);
void axon_plot_view_set_series_visible (AxonPlotView *self,
                                        size_t        index,
                                        gboolean      visible);

/* Zoom x by factor (> 1 zooms in) around the middle of the range; reset x to the default
 * range and y to auto-fit. */
void axon_plot_view_zoom (AxonPlotView *self,
                          double        factor);
void axon_plot_view_reset (AxonPlotView *self);

/* The style the view draws with now (dark or light, presentation applied); export starts
 * from it so a figure matches the screen. */
void axon_plot_view_get_style (AxonPlotView *self,
                               AxonStyle    *style);
/* Options as drawn now: y ranges resolved (auto-fit kept), no crosshair, scale 1 (the
 * screen's scale is the view's business; an export surface brings its own). */
void axon_plot_view_get_options (AxonPlotView    *self,
                                 AxonPlotOptions *options);

/* Counts every change that queued a redraw, and every frame drawn; tests watch these. */
guint axon_plot_view_get_generation (AxonPlotView *self);
guint axon_plot_view_get_frame_count (AxonPlotView *self);

/* Crosshair at a widget pixel (as a pointer motion would), or hidden. */
void axon_plot_view_set_crosshair_at (AxonPlotView *self,
                                      double        px,
                                      double        py);
void axon_plot_view_hide_crosshair (AxonPlotView *self);

G_END_DECLS
