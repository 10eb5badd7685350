/* axon-plot-sample.h: turning f or f' into a polyline that is exact at breakpoints.
 *
 * Evenly spaced samples (the renderer asks for about one per 1.5 pixels) plus every kink
 * the activation row reports inside the range, evaluated exactly there and on both sides
 * (a few ulps off). A continuous kink (relu at 0) becomes one exact corner point; a jump
 * (step, signum, threshold, and f' of every kink) lifts the pen: the polyline ends at the
 * left limit and starts again at the right limit at the same x, with nothing in between —
 * the textbook look, and true at any zoom (see AXON_PLOT_KINK_ULPS). A value at the kink
 * that matches neither side (signum(0) = 0) is kept as an isolated point. NaN and +-inf
 * lift the pen as well.
 */
#pragma once

#include <glib.h>
#include <stddef.h>

#include "axon-activation.h"

G_BEGIN_DECLS

typedef struct
{
  size_t n;
  size_t capacity;
  double *x;
  double *y; /* NaN: a break, the pen lifts between the neighbours (its x is meaningless) */
} AxonPolyline;

void axon_polyline_init (AxonPolyline *line);
/* Frees the arrays; the polyline can be used again after init. */
void axon_polyline_clear (AxonPolyline *line);

/* The row's kinks at p that lie in [x_min, x_max], ascending, duplicates and non-finite
 * values dropped. Returns the count (<= AXON_MAX_KINKS); 0 for a row without kinks(). */
size_t axon_plot_kinks (const AxonActivation *activation,
                        const AxonParams     *p,
                        double                x_min,
                        double                x_max,
                        double               *kinks);

/* The one-sided limits at a kink k are taken at k -/+ axon_plot_kink_offset (k), this many
 * ulps away: kinks computed from parameters carry a little rounding (hard_sigmoid's
 * -offset/slope lands an ulp off the point where the function switches), and a jump must
 * still be seen as one. Invisible at any zoom a double can show. */
#define AXON_PLOT_KINK_ULPS 64

double axon_plot_kink_offset (double k);

/* Replaces line's content by func over [x_min, x_max]: n_steps + 1 evenly spaced samples
 * (both ends exact) merged with the kinks (ascending, inside the range, as from
 * axon_plot_kinks). n_steps is clamped to at least 1. */
void axon_plot_sample (AxonScalarFunc    func,
                       const AxonParams *p,
                       const double     *kinks,
                       size_t            n_kinks,
                       double            x_min,
                       double            x_max,
                       size_t            n_steps,
                       AxonPolyline     *line);

/* The finite y extent of line; returns FALSE when it has no finite point. */
gboolean axon_polyline_y_extent (const AxonPolyline *line,
                                 double             *y_min,
                                 double             *y_max);

G_END_DECLS
