/* axon-heatmap-render.h: the step x value heatmap of a histogram series.
 *
 * Columns are steps (each spans half-way to its neighbours), rows are the shared bins
 * (linear or symlog value axis, low values at the bottom), colour is the count through the
 * colour map (linear or log). Cells are rectangles grouped by colour, so SVG and PDF stay
 * vector and small.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "axon-axis.h"
#include "axon-distribution-render.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height; /* the cells' area */
  AxonAxis step_axis;         /* step -> pixel x */
  AxonAxis position_axis;     /* value position 0..1 (see axon_heatmap_value_position) -> y */
  double legend_x, legend_y, legend_width, legend_height; /* width 0: no legend */
} AxonHeatmapLayout;

void axon_heatmap_layout (int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          const AxonHistogramGrid       *grid,
                          AxonHeatmapLayout             *layout);

/* Position 0..1 of a value on the grid's value axis (linear or symlog). */
double axon_heatmap_value_position (const AxonHistogramGrid *grid,
                                    double                   value);

void axon_heatmap_render_grid (cairo_t                       *cr,
                               int                            width,
                               int                            height,
                               const AxonStyle               *style,
                               const AxonDistributionOptions *options,
                               const AxonHistogramGrid       *grid);

void axon_heatmap_render (cairo_t                       *cr,
                          int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          const AxonHistogram *const    *hists,
                          size_t                         n);

G_END_DECLS
