/* axon-histogram-render.h: the 2D histogram of one step, with its statistics.
 *
 * Bars of the histogram re-binned onto the options' shared edges (so it matches the 3D
 * surface and the heatmap: same value axis, same count scale when options->count_max is
 * given), a band at mean +- std, the mean as a line, and a table beside it: step, count,
 * min, max, mean, std and zero ratio (axon_histogram_stats; "≈" marks an estimate).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "axon-axis.h"
#include "axon-distribution-render.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height; /* the bars' area */
  AxonAxis position_axis;     /* value position 0..1 -> pixel x */
  AxonAxis count_axis;        /* count position 0..1 (axon_colormap_count_position) -> y */
  double stats_x, stats_y;    /* top left of the statistics table */
  bool stats_beside;          /* the table is to the right of the bars... */
  bool stats_below;           /* ...or below them (a narrow figure); else inside, top right */
} AxonHistogramLayout;

void axon_histogram_layout (int                            width,
                            int                            height,
                            const AxonStyle               *style,
                            const AxonDistributionOptions *options,
                            AxonHistogramLayout           *layout);

/* Draws row `row` of grid (the view and the page share one grid). */
void axon_histogram_render_grid (cairo_t                       *cr,
                                 int                            width,
                                 int                            height,
                                 const AxonStyle               *style,
                                 const AxonDistributionOptions *options,
                                 const AxonHistogramGrid       *grid,
                                 size_t                         row);

/* Re-bins hist onto the options' value range and draws it; NULL draws "no histogram". */
void axon_histogram_render (cairo_t                       *cr,
                            int                            width,
                            int                            height,
                            const AxonStyle               *style,
                            const AxonDistributionOptions *options,
                            const AxonHistogram           *hist);

G_END_DECLS
