/* axon-scalar-math.h: small stable building blocks shared by the float64 kernels.
 *
 * Private to kernels/activations/. Each helper is exact to a few ulp over the whole double
 * range, returns the right limit at +-inf and propagates NaN.
 */
#pragma once

#include <math.h>

/* 1 / (1 + e^-x), evaluated on -|x| and mirrored so e^t never overflows. */
static inline double
axon_sigmoid (double x)
{
  double e;

  if (x >= 0)
    return 1.0 / (1.0 + exp (-x));
  e = exp (x);
  return e / (1.0 + e);
}

/* sech^2 x = 1 - tanh^2 x, without the cancellation of 1 - t*t for large |x|. */
static inline double
axon_sech2 (double x)
{
  double e = exp (-2.0 * fabs (x));
  double d = 1.0 + e;
  return 4.0 * e / (d * d);
}

/* log (1 + e^x) = max (x, 0) + log1p (e^-|x|): no overflow, no loss for x << 0. */
static inline double
axon_softplus (double x)
{
  if (isnan (x))
    return x;
  return fmax (x, 0.0) + log1p (exp (-fabs (x)));
}
