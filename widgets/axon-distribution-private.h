/* axon-distribution-private.h: helpers the distribution renderers share (not installed,
 * not for other views): text, value-axis positions and ticks, count scale, the steps every
 * 2D figure takes (background and title, ticks along an axis, frame and labels). */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdbool.h>

#include "axon-axis.h"
#include "axon-distribution-render.h"
#include "axon-ticks.h"

G_BEGIN_DECLS

/* One Pango layout reused for every label of a frame (creating one per label is slow). */
typedef struct
{
  PangoLayout *layout;
  double font_px;
} AxonDistText;

void axon_dist_text_init (AxonDistText    *text,
                          cairo_t         *cr,
                          const AxonStyle *style,
                          double           size_factor);
void axon_dist_text_clear (AxonDistText *text);
void axon_dist_text_set_bold (AxonDistText *text,
                              bool          bold);
/* Width and height of text in pixels. */
void axon_dist_text_size (AxonDistText *text,
                          const char   *str,
                          double       *width,
                          double       *height);
/* Draws str with its box anchored at (x, y): xalign/yalign 0 = left/top, 0.5 = centre,
 * 1 = right/bottom. */
void axon_dist_text_draw (AxonDistText   *text,
                          cairo_t        *cr,
                          const char     *str,
                          double          x,
                          double          y,
                          double          xalign,
                          double          yalign,
                          const AxonRgba *colour);

static inline void
axon_dist_set_source (cairo_t        *cr,
                      const AxonRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

/* Position 0..1 of a value along the grid's value axis (linear or symlog), unclamped. */
double axon_dist_value_position (const AxonHistogramGrid *grid,
                                 double                   value);
/* Ticks along the value axis: 1-2-5 ticks for a linear axis, 0 and powers of ten for a
 * symlog one, at most max_ticks, at least 1. */
void axon_dist_value_ticks (const AxonHistogramGrid *grid,
                            unsigned                 max_ticks,
                            AxonTicks               *ticks);
/* Position 0..1 of a step between the first and last step of the grid (0.5 if one). */
double axon_dist_step_position (const AxonHistogramGrid *grid,
                                double                   step);
/* Ticks along the step axis (integers only). */
void axon_dist_step_ticks (const AxonHistogramGrid *grid,
                           unsigned                 max_ticks,
                           AxonTicks               *ticks);
/* How many ticks an axis length pixels long has room for: one per em font sizes, between
 * 2 and most. */
unsigned axon_dist_max_ticks (double           length,
                              const AxonStyle *style,
                              double           em,
                              unsigned         most);
/* Ticks and the pixel of each, pix[k] for ticks->values[k], along axis: value ticks on an
 * axis of value positions 0..1, step ticks on an axis of steps, count ticks (up to
 * count_max, linear or log) on an axis of count positions 0..1. */
void axon_dist_value_ticks_along (const AxonHistogramGrid *grid,
                                  const AxonAxis          *axis,
                                  unsigned                 max_ticks,
                                  AxonTicks               *ticks,
                                  double                  *pix);
void axon_dist_step_ticks_along (const AxonHistogramGrid *grid,
                                 const AxonAxis          *axis,
                                 unsigned                 max_ticks,
                                 AxonTicks               *ticks,
                                 double                  *pix);
void axon_dist_count_ticks_along (double          count_max,
                                  bool            log_count,
                                  const AxonAxis *axis,
                                  unsigned        max_ticks,
                                  AxonTicks      *ticks,
                                  double         *pix);
/* The value-axis caption: options->value_label, or "value", plus " (symlog)". */
void axon_dist_value_caption (const AxonDistributionOptions *options,
                              char                          *buffer,
                              size_t                         size);
/* Background fill of the whole figure. */
void axon_dist_paint_background (cairo_t         *cr,
                                 int              width,
                                 int              height,
                                 const AxonStyle *style);
/* The start of a 2D distribution figure: background and title, and for an empty figure
 * (has_data false) the message (NULL: "No histograms to show") in the middle. Leaves cr's
 * state as it found it. Returns has_data: whether the caller goes on drawing. */
bool axon_dist_begin_figure (cairo_t                       *cr,
                             int                            width,
                             int                            height,
                             const AxonStyle               *style,
                             const AxonDistributionOptions *options,
                             bool                           has_data,
                             const char                    *empty_message);
/* "No histograms" in the middle of the figure. */
void axon_dist_draw_empty (cairo_t         *cr,
                           int              width,
                           int              height,
                           const AxonStyle *style,
                           const char      *message);

typedef struct
{
  double x, y, width, height;
} AxonDistRect;

/* The plot area of a 2D distribution view: room on the left for y tick labels and the y
 * caption, below for x tick labels and the x caption, above for the title, and
 * right_reserve pixels on the right (legend, statistics). */
void axon_dist_plot_rect (int              width,
                          int              height,
                          const AxonStyle *style,
                          const char      *title,
                          double           right_reserve,
                          AxonDistRect    *rect);
/* The title at the top left (nothing for NULL or ""). */
void axon_dist_draw_title (cairo_t         *cr,
                           const AxonStyle *style,
                           const char      *title);
/* Grid lines, frame, ticks and labels of a 2D view. xpix[k] / ypix[k]: the pixel of tick k
 * (the caller maps through its own axes, linear or symlog). */
void axon_dist_draw_axes_2d (cairo_t            *cr,
                             const AxonStyle    *style,
                             const AxonDistRect *rect,
                             const AxonTicks    *xticks,
                             const double       *xpix,
                             const AxonTicks    *yticks,
                             const double       *ypix,
                             const char         *xcaption,
                             const char         *ycaption,
                             bool                grid);

G_END_DECLS
