/* axon-distribution-render.h: the options every distribution view shares, and one entry
 * point that draws the selected view.
 *
 * The distribution views draw a series of histograms (one per recorded step) of a tensor:
 * the 3D surface (axon-surface-render.h), the step x value heatmap (axon-heatmap-render.h),
 * TensorBoard's offset ridges and overlay lines (axon-ridges-render.h) and percentile bands
 * (axon-bands-render.h); axon-histogram-render.h draws the histogram of one step.
 *
 * All of them first re-bin the histograms onto shared edges (AxonHistogramGrid; counts are
 * conserved), so steps recorded with different bin edges line up. To compare two runs on
 * the same scales, give both the same value_min/value_max and count_max.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "axon-histogram-grid.h"
#include "axon-histogram.h"
#include "axon-style.h"

G_BEGIN_DECLS

typedef enum
{
  AXON_DISTRIBUTION_VIEW_SURFACE,
  AXON_DISTRIBUTION_VIEW_HEATMAP,
  AXON_DISTRIBUTION_VIEW_RIDGES,
  AXON_DISTRIBUTION_VIEW_OVERLAY,
  AXON_DISTRIBUTION_VIEW_BANDS,
  AXON_DISTRIBUTION_N_VIEWS
} AxonDistributionView;

typedef enum
{
  AXON_SURFACE_MODE_SHADED, /* one shaded, colour-mapped surface over (step, value) */
  AXON_SURFACE_MODE_SLICES, /* one filled slice per step, far to near */
} AxonSurfaceMode;

typedef struct
{
  AxonDistributionView view;

  /* Surface camera. */
  AxonSurfaceMode surface_mode;
  double yaw;         /* degrees */
  double pitch;       /* degrees, -90..90 */
  double zoom;        /* 1: the box fits the plot area whatever the angle */
  double perspective; /* eye distance in box radii; 0: orthographic */

  /* Data and scales. */
  bool log_count;           /* counts as log1p (count) */
  AxonBinScale value_scale; /* linear or symmetric-log value axis */
  double symlog_c;          /* symlog constant; <= 0: automatic */
  size_t n_bins;            /* shared bins; 0: 64 */
  double value_min;         /* shared value range; NAN: from the data */
  double value_max;
  double count_max;         /* top of the count scale; <= 0 or NAN: from the data */
  gint64 step_min;          /* show steps step_min..step_max */
  gint64 step_max;

  /* Decoration. */
  bool show_cursor;
  gint64 cursor_step;       /* the highlighted slice (nearest recorded step) */
  bool legend;              /* colour-map legend (surface, heatmap) */
  const char *title;        /* NULL or "": none */
  const char *value_label;  /* NULL: "value" (translated) */
} AxonDistributionOptions;

/* Surface, shaded, yaw -35, pitch 28, zoom 1, perspective 4, linear counts and values,
 * 64 bins, automatic ranges, all steps, no cursor, legend on, no title. */
void axon_distribution_options_init (AxonDistributionOptions *options);

/* "surface", "heatmap", "ridges", "overlay", "bands". */
const char *axon_distribution_view_to_string (AxonDistributionView view);
gboolean axon_distribution_view_from_string (const char           *name,
                                             AxonDistributionView *view);

/* The grid the views draw for these options (step range, bins, scale, value range). */
AxonHistogramGrid *axon_distribution_build_grid (const AxonDistributionOptions *options,
                                                 const AxonHistogram *const    *hists,
                                                 size_t                         n);

/* The top of the count scale: options->count_max when positive, else the grid's largest
 * bin count (1 for an empty grid). */
double axon_distribution_count_max (const AxonDistributionOptions *options,
                                    const AxonHistogramGrid       *grid);

/* Draws options->view of grid (from axon_distribution_build_grid with the same options). */
void axon_distribution_render_grid (cairo_t                       *cr,
                                    int                            width,
                                    int                            height,
                                    const AxonStyle               *style,
                                    const AxonDistributionOptions *options,
                                    const AxonHistogramGrid       *grid);
/* Builds the grid and draws it. */
void axon_distribution_render (cairo_t                       *cr,
                               int                            width,
                               int                            height,
                               const AxonStyle               *style,
                               const AxonDistributionOptions *options,
                               const AxonHistogram *const    *hists,
                               size_t                         n);

G_END_DECLS
