/* axon-plot-render.h: the f(x) / f'(x) plot, drawn with Cairo and Pango only.
 *
 * The explorer's plot view calls axon_plot_render from snapshot(), the exporter calls it on
 * image, SVG and PDF surfaces, `axon plot` and `axon bench render` call it headless. The
 * widget uses axon_plot_layout (the same geometry render uses) for hit-testing, the
 * crosshair and pan/zoom: pixel <-> data through each pane's axis maps.
 *
 * Nothing here keeps state between calls: everything a frame needs is in the arguments.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "axon-activation.h"
#include "axon-axis.h"
#include "axon-style.h"

G_BEGIN_DECLS

typedef enum
{
  AXON_PLOT_LAYOUT_STACKED,       /* f(x) pane above the f'(x) pane, x axes shared */
  AXON_PLOT_LAYOUT_SIDE_BY_SIDE,  /* f(x) left, f'(x) right */
  AXON_PLOT_LAYOUT_OVERLAID,      /* one pane: f solid, f' dashed in the same colour */
  AXON_PLOT_LAYOUT_FUNCTION_ONLY, /* one pane, f only */
} AxonPlotLayout;

typedef enum
{
  AXON_PLOT_PANE_FUNCTION,   /* f(x); in the overlaid layout f(x) and f'(x) */
  AXON_PLOT_PANE_DERIVATIVE, /* f'(x) */
  AXON_PLOT_N_PANE_KINDS
} AxonPlotPaneKind;

/* One curve (and its derivative). */
typedef struct
{
  const AxonActivation *activation; /* a row of the table; NULL entries are skipped */
  AxonParams params;
  unsigned colour;   /* index into AxonStyle.series, taken modulo AXON_STYLE_N_SERIES */
  bool visible;
  const char *label; /* legend and readout text; NULL: activation->name */
} AxonPlotSeries;

typedef struct
{
  bool auto_fit; /* fit the visible curves over the x range, with a small margin */
  double min;    /* used when !auto_fit; normalised like any axis range */
  double max;
} AxonPlotYRange;

typedef struct
{
  double x_min; /* data range of x, normalised (axon_axis_normalise_range) */
  double x_max;
  AxonPlotYRange y[AXON_PLOT_N_PANE_KINDS]; /* per pane kind; the overlaid pane uses
                                             * y[AXON_PLOT_PANE_FUNCTION] */
  AxonPlotLayout layout;
  bool show_derivative; /* false: a single f(x) pane whatever the layout */
  bool grid;
  bool legend;
  /* Shading, drawn for the focused series (or every visible one when focus < 0). */
  bool shade_saturation; /* x where |f'(x)| < 0.1 */
  bool shade_dead_zone;  /* x where f'(x) == 0 */
  bool shade_rrelu_band; /* rrelu: the band of slopes lower..upper for x < 0 */
  int focus;             /* index into the series array, or -1 */
  bool crosshair;        /* vertical line at crosshair_x with a readout of x, f, f' */
  double crosshair_x;    /* data x */
  /* Device pixels per unit of the target, for sampling: the widget's scale factor (2 on
   * HiDPI). Values below 1 (or NaN) mean 1. render also takes the scale of cr's matrix
   * (a PNG at 192 dpi), whichever is larger. */
  double scale;
} AxonPlotOptions;

/* Sensible defaults: x in [-5, 5], y auto-fit, stacked, derivative, grid and legend on,
 * no shading, no crosshair, focus -1, scale 1. */
void axon_plot_options_init (AxonPlotOptions *options);

/* series = defaults of activation, colour index, visible, label NULL. */
void axon_plot_series_init (AxonPlotSeries       *series,
                            const AxonActivation *activation,
                            unsigned              colour);

#define AXON_PLOT_MAX_PANES 2

typedef struct
{
  AxonPlotPaneKind kind;
  /* The data area in pixels (inside the frame; ticks and labels lie outside it). */
  double x;
  double y;
  double width;
  double height;
  AxonAxis x_axis; /* view_min = left edge, view_max = right edge */
  AxonAxis y_axis; /* view_min = bottom edge, view_max = top edge */
} AxonPlotPane;

/* A box in pixels; width 0: not drawn. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} AxonPlotBox;

typedef struct
{
  unsigned n_panes; /* 1 or 2; panes[0] is the f(x) pane */
  AxonPlotPane panes[AXON_PLOT_MAX_PANES];
  /* The legend and the crosshair readouts as drawn with these options: one readout (x,
   * f, f'), or side by side one per pane (x, f left; x, f' right); none without the
   * crosshair. They never overlap: when a readout finds no place beside the line, the
   * legend moves to another corner, and if none is free it is not drawn while the
   * readouts show. */
  AxonPlotBox legend;
  unsigned n_readouts;
  AxonPlotBox readouts[AXON_PLOT_MAX_PANES];
} AxonPlotGeometry;

/* The panes and axis maps axon_plot_render draws with at this size (auto-fit y included,
 * so it samples the visible series, at options->scale), and the overlay boxes. */
void axon_plot_layout (int                     width,
                       int                     height,
                       const AxonStyle        *style,
                       const AxonPlotOptions  *options,
                       const AxonPlotSeries   *series,
                       size_t                  n_series,
                       AxonPlotGeometry       *geometry);

/* Index of the pane whose data area contains pixel (px, py), or -1. */
int axon_plot_geometry_pane_at (const AxonPlotGeometry *geometry,
                                double                  px,
                                double                  py);

/* Draws the whole figure (background included, unless style->background.a == 0) into
 * [0, width] x [0, height] of cr. cr's state is saved and restored. */
void axon_plot_render (cairo_t               *cr,
                       int                    width,
                       int                    height,
                       const AxonStyle       *style,
                       const AxonPlotOptions *options,
                       const AxonPlotSeries  *series,
                       size_t                 n_series);

/* The arguments of axon_plot_render after the style, for callers that take a generic
 * render callback (axon-export.h's AxonRenderFunc): pass axon_plot_render_func and a
 * pointer to one of these. */
typedef struct
{
  const AxonPlotOptions *options;
  const AxonPlotSeries *series;
  size_t n_series;
} AxonPlotRenderData;

void axon_plot_render_func (cairo_t         *cr,
                            int              width,
                            int              height,
                            const AxonStyle *style,
                            gpointer         plot_render_data);

G_END_DECLS
