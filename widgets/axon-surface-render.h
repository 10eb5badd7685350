/* axon-surface-render.h: the 3D surface of a histogram series: training step x value bin x
 * count, drawn with Cairo only.
 *
 * Geometry: the world box, centred on the origin (the camera turns about its centre), is
 * x in [-1, 1] (value axis, linear or symlog), y in [-AXON_SURFACE_DEPTH, AXON_SURFACE_DEPTH]
 * (steps: oldest far at +DEPTH, newest near at -DEPTH at yaw 0), z in
 * [-AXON_SURFACE_HEIGHT / 2, AXON_SURFACE_HEIGHT / 2] (count 0 at the bottom, linear or
 * log1p). The surface is
 * made of quads between neighbouring steps and bin centres (or one filled slice per step),
 * sorted by depth and filled far to near (painter's algorithm, as GOffice's surface plot):
 * no z-buffer and no raster image, so SVG and PDF export stay vector.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stddef.h>

#include "axon-distribution-render.h"
#include "axon-projection.h"

G_BEGIN_DECLS

#define AXON_SURFACE_DEPTH 0.9
#define AXON_SURFACE_HEIGHT 0.75

typedef struct
{
  double plot_x, plot_y, plot_width, plot_height; /* the area the box is fitted into */
  double legend_x, legend_y, legend_width, legend_height; /* width 0: no legend */
  AxonProjection projection;
} AxonSurfaceLayout;

/* The geometry render uses: the same for the same arguments. */
void axon_surface_layout (int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          AxonSurfaceLayout             *layout);

/* World coordinates of the surface vertex at step row i, bin j (bin centre). */
void axon_surface_vertex (const AxonHistogramGrid       *grid,
                          const AxonDistributionOptions *options,
                          double                         count_max,
                          size_t                         i,
                          size_t                         j,
                          double                         world[3]);

typedef struct
{
  double depth; /* of the quad's centre; larger is farther */
  guint32 i;    /* step row: the quad spans rows i and i + 1 */
  guint32 j;    /* bin: the quad spans bin centres j and j + 1 */
} AxonSurfaceQuad;

/* The quads of the shaded surface sorted far to near (depth descending). Seen from above
 * (pitch >= 0) the flat quads lying on the floor (all four counts 0) are left out: render
 * draws them first, in one path, since nothing is below the floor. *n_quads receives the
 * number; free with g_free. */
AxonSurfaceQuad *axon_surface_sorted_quads (const AxonHistogramGrid       *grid,
                                            const AxonDistributionOptions *options,
                                            const AxonProjection          *projection,
                                            size_t                        *n_quads);

/* Draws the surface view of grid (see axon_distribution_build_grid). */
void axon_surface_render_grid (cairo_t                       *cr,
                               int                            width,
                               int                            height,
                               const AxonStyle               *style,
                               const AxonDistributionOptions *options,
                               const AxonHistogramGrid       *grid);

/* Builds the grid from hists and draws it. */
void axon_surface_render (cairo_t                       *cr,
                          int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          const AxonHistogram *const    *hists,
                          size_t                         n);

G_END_DECLS
