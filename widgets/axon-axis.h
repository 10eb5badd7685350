/* axon-axis.h: the map between data values and pixels along one axis.
 *
 * A plain value type: data -> axis map -> pixels. to_view and from_view are exact inverses
 * (up to rounding) for every axis axon_axis_make returns, because make normalises the data
 * range first: degenerate, reversed or non-finite ranges never reach the arithmetic.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

G_BEGIN_DECLS

typedef struct
{
  double data_min; /* finite, data_min < data_max (see axon_axis_normalise_range) */
  double data_max;
  double view_min; /* pixel where data_min lands (the bottom edge for a y axis) */
  double view_max; /* pixel where data_max lands */
} AxonAxis;

/* Turns any pair into a usable range, so that every caller treats the odd cases alike:
 * - NaN or +-inf at one end: that end is taken as missing;
 * - one end missing: a unit range next to the other end; both missing: [0, 1];
 * - reversed: swapped;
 * - min == max (or closer than the doubles can resolve): widened to
 *   [v - w, v + w], w = max (0.5, 0.1 |v|), so a constant curve sits mid-pane;
 * - ends beyond +-DBL_MAX / 4 are clamped so the span stays finite.
 * Returns true when the range was changed. */
bool axon_axis_normalise_range (double *min,
                                double *max);

/* The axis mapping [data_min, data_max] (normalised) onto [view_min, view_max]. A view span
 * of 0 (a zero-size widget) is allowed: from_view then returns data_min. */
AxonAxis axon_axis_make (double data_min,
                         double data_max,
                         double view_min,
                         double view_max);

/* Pixel of a data value; NaN stays NaN, +-inf gives +-inf in the view direction. */
double axon_axis_to_view (const AxonAxis *axis,
                          double          data);
/* Data value of a pixel. */
double axon_axis_from_view (const AxonAxis *axis,
                            double          view);

/* Data units per pixel (positive). */
double axon_axis_data_per_pixel (const AxonAxis *axis);

/* Zoom by factor (> 1 zooms in) keeping the data value under the pixel at view fixed, and
 * pan by a pixel distance; both return a new normalised axis with the same view span.
 * Zooming in stops (returns the axis unchanged) where doubles can no longer resolve the
 * pixels. */
AxonAxis axon_axis_zoom (const AxonAxis *axis,
                         double          view,
                         double          factor);
AxonAxis axon_axis_pan (const AxonAxis *axis,
                        double          view_delta);

G_END_DECLS
