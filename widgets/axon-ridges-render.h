/* axon-ridges-render.h: TensorBoard's two histogram modes.
 *
 * Offset (ridges): one curve per step, stacked with the oldest at the top (back) and the
 * newest at the bottom (front), each filled with the background so nearer curves hide the
 * ones behind; the y axis reads steps. Overlay: every step's curve on one count axis.
 * Curves go from faint (first step) to strong vermillion (last); the cursor step is drawn
 * in the highlight colour on top.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "axon-axis.h"
#include "axon-distribution-render.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
  AxonAxis position_axis; /* value position 0..1 -> pixel x */
  AxonAxis count_axis;    /* overlay: count position 0..1 -> pixel y */
  double ridge_height;    /* ridges: pixels of a full-height curve */
} AxonRidgesLayout;

void axon_ridges_layout (int                            width,
                         int                            height,
                         const AxonStyle               *style,
                         const AxonDistributionOptions *options,
                         const AxonHistogramGrid       *grid,
                         bool                           overlay,
                         AxonRidgesLayout              *layout);
/* Pixel y of the baseline of step row i in the ridges mode. */
double axon_ridges_baseline (const AxonRidgesLayout  *layout,
                             const AxonHistogramGrid *grid,
                             size_t                   i);

void axon_ridges_render_grid (cairo_t                       *cr,
                              int                            width,
                              int                            height,
                              const AxonStyle               *style,
                              const AxonDistributionOptions *options,
                              const AxonHistogramGrid       *grid,
                              bool                           overlay);

void axon_ridges_render (cairo_t                       *cr,
                         int                            width,
                         int                            height,
                         const AxonStyle               *style,
                         const AxonDistributionOptions *options,
                         const AxonHistogram *const    *hists,
                         size_t                         n,
                         bool                           overlay);

G_END_DECLS
