/* axon-bands-render.h: TensorBoard's distribution view: percentile bands over steps.
 *
 * For each step, the values at the basis points of axon_histogram_bands (minimum,
 * -1.5/-1/-0.5 sigma equivalents, median, +0.5/+1/+1.5 sigma, maximum) of the original
 * (not re-binned) histogram; nested bands from the outermost (faint) to the innermost
 * (strong) and the median as a line. Steps across, values up (linear or symlog).
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "axon-axis.h"
#include "axon-distribution-render.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
  AxonAxis step_axis;     /* step -> pixel x */
  AxonAxis position_axis; /* value position 0..1 -> pixel y */
} AxonBandsLayout;

void axon_bands_layout (int                            width,
                        int                            height,
                        const AxonStyle               *style,
                        const AxonDistributionOptions *options,
                        const AxonHistogramGrid       *grid,
                        AxonBandsLayout               *layout);

void axon_bands_render_grid (cairo_t                       *cr,
                             int                            width,
                             int                            height,
                             const AxonStyle               *style,
                             const AxonDistributionOptions *options,
                             const AxonHistogramGrid       *grid);

void axon_bands_render (cairo_t                       *cr,
                        int                            width,
                        int                            height,
                        const AxonStyle               *style,
                        const AxonDistributionOptions *options,
                        const AxonHistogram *const    *hists,
                        size_t                         n);

G_END_DECLS
