/* axon-axis.c: data <-> pixel maps with the degenerate ranges handled up front. */
#include "axon-axis.h"

#include <float.h>
#include <math.h>

/* Ends beyond this are clamped so that max - min stays finite. */
#define AXON_AXIS_LIMIT (DBL_MAX / 4)

static double
clamp_end (double v)
{
  if (v > AXON_AXIS_LIMIT)
    return AXON_AXIS_LIMIT;
  if (v < -AXON_AXIS_LIMIT)
    return -AXON_AXIS_LIMIT;
  return v;
}

bool
axon_axis_normalise_range (double *min,
                           double *max)
{
  double lo = *min, hi = *max;
  bool lo_ok = isfinite (lo), hi_ok = isfinite (hi);

  if (!lo_ok && !hi_ok)
    {
      lo = 0;
      hi = 1;
    }
  else if (!lo_ok)
    {
      hi = clamp_end (hi);
      lo = hi - 1;
    }
  else if (!hi_ok)
    {
      lo = clamp_end (lo);
      hi = lo + 1;
    }

  if (lo > hi)
    {
      double t = lo;
      lo = hi;
      hi = t;
    }
  lo = clamp_end (lo);
  hi = clamp_end (hi);

  /* Equal, or so close that pixels between them would map to the same double. */
  if (hi - lo <= 64 * DBL_EPSILON * fmax (fabs (lo), fabs (hi)))
    {
      double centre = lo / 2 + hi / 2;
      double w = fmax (0.5, 0.1 * fabs (centre));
      lo = clamp_end (centre - w);
      hi = clamp_end (centre + w);
    }

  /* +0 rather than -0, so labels and comparisons never see a negative zero end. */
  lo += 0.0;
  hi += 0.0;

  if (lo == *min && hi == *max && signbit (lo) == signbit (*min)
      && signbit (hi) == signbit (*max))
    return false;
  *min = lo;
  *max = hi;
  return true;
}

AxonAxis
axon_axis_make (double data_min,
                double data_max,
                double view_min,
                double view_max)
{
  AxonAxis axis;

  axon_axis_normalise_range (&data_min, &data_max);
  if (!isfinite (view_min))
    view_min = 0;
  if (!isfinite (view_max))
    view_max = view_min;
  axis.data_min = data_min;
  axis.data_max = data_max;
  axis.view_min = view_min;
  axis.view_max = view_max;
  return axis;
}

double
axon_axis_to_view (const AxonAxis *axis,
                   double          data)
{
  double t;

  if (isnan (data))
    return NAN;
  if (isinf (data))
    {
      double dir = axis->view_max >= axis->view_min ? 1 : -1;
      return data > 0 ? dir * INFINITY : -dir * INFINITY;
    }
  /* Interpolate from the nearer end, so both ends map exactly onto view_min / view_max. */
  t = (data - axis->data_min) / (axis->data_max - axis->data_min);
  if (t <= 0.5)
    return axis->view_min + t * (axis->view_max - axis->view_min);
  return axis->view_max - (1 - t) * (axis->view_max - axis->view_min);
}

double
axon_axis_from_view (const AxonAxis *axis,
                     double          view)
{
  double t;

  if (isnan (view))
    return NAN;
  if (axis->view_max == axis->view_min)
    return axis->data_min;
  t = (view - axis->view_min) / (axis->view_max - axis->view_min);
  if (t <= 0.5)
    return axis->data_min + t * (axis->data_max - axis->data_min);
  return axis->data_max - (1 - t) * (axis->data_max - axis->data_min);
}

double
axon_axis_data_per_pixel (const AxonAxis *axis)
{
  double span = fabs (axis->view_max - axis->view_min);

  if (span == 0)
    return axis->data_max - axis->data_min;
  return (axis->data_max - axis->data_min) / span;
}

AxonAxis
axon_axis_zoom (const AxonAxis *axis,
                double          view,
                double          factor)
{
  double anchor = axon_axis_from_view (axis, view);
  double lo, hi;

  if (!isfinite (factor) || factor <= 0)
    factor = 1;
  if (!isfinite (anchor))
    anchor = axis->data_min / 2 + axis->data_max / 2;
  lo = anchor - (anchor - axis->data_min) / factor;
  hi = anchor + (axis->data_max - anchor) / factor;
  /* At the limit of double resolution zooming in stops, rather than normalise widening
   * the range again (which would look like a sudden zoom out). */
  if (factor > 1
      && (hi - lo <= 1024 * DBL_EPSILON * fmax (fabs (lo), fabs (hi)) || hi - lo < 1e-290))
    return *axis;
  return axon_axis_make (lo, hi, axis->view_min, axis->view_max);
}

AxonAxis
axon_axis_pan (const AxonAxis *axis,
               double          view_delta)
{
  double d, lo, hi;

  if (axis->view_max == axis->view_min || !isfinite (view_delta))
    return *axis;
  /* Dragging the content right by delta pixels moves the range left. */
  d = view_delta * (axis->data_max - axis->data_min) / (axis->view_max - axis->view_min);
  lo = axis->data_min - d;
  hi = axis->data_max - d;
  return axon_axis_make (lo, hi, axis->view_min, axis->view_max);
}
