/* axon-shrink.c: float64 kernels of the shrinkage activations.
 *
 * tanhshrink, softshrink, hardshrink. At +-lambda the shrinks have value 0 and gradient 0,
 * as torch.nn.Softshrink / Hardshrink.
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

/* (x - tanh x) / x^3 as a polynomial in x^2, from the Maclaurin series of tanh
 * (coefficients -2^2n (2^2n - 1) B_2n / (2n)!, n = 2..21, rounded from 50 digits).
 * Below |x| = 0.6 the terms fall by 0.146 each, so 20 of them reach double precision,
 * while x - tanh x computed directly would lose up to all of its digits. */
static const double tanhshrink_series[] = {
  0x1.5555555555555p-2,
  -0x1.1111111111111p-3,
  0x1.ba1ba1ba1ba1cp-5,
  -0x1.664f4882c10fap-6,
  0x1.226e355e6c23dp-7,
  -0x1.d6d3d0e157de0p-9,
  0x1.7da36452b75e3p-10,
  -0x1.3558248036744p-11,
  0x1.f57d7734d1664p-13,
  -0x1.967e18afcafadp-14,
  0x1.497d8eea25259p-15,
  -0x1.0b132d39a6050p-16,
  0x1.b0f72d3ee24e9p-18,
  -0x1.5ef2da474e5b7p-19,
  0x1.1c77df95c1c0dp-20,
  -0x1.cd299de4ae6bbp-22,
  0x1.75cde6563fed9p-23,
  -0x1.2efe8db3aff1fp-24,
  0x1.eb3229047434cp-26,
  -0x1.8e25ff9327e2cp-27,
};

double
axon_tanhshrink_f64 (double            x,
                     const AxonParams *p)
{
  double x2, s;
  int i;

  if (!(fabs (x) < 0.6))
    return x - tanh (x); /* also +-inf and NaN */
  x2 = x * x;
  s = 0.0;
  for (i = (int) G_N_ELEMENTS (tanhshrink_series) - 1; i >= 0; i--)
    s = s * x2 + tanhshrink_series[i];
  return x * x2 * s;
}

/* 1 - sech^2 x = tanh^2 x, which keeps its digits near 0. */
double
axon_tanhshrink_df64 (double            x,
                      const AxonParams *p)
{
  double t = tanh (x);

  return t * t;
}

double
axon_softshrink_f64 (double            x,
                     const AxonParams *p)
{
  double lambda = p->v[0];

  if (x > lambda)
    return x - lambda;
  if (x < -lambda)
    return x + lambda;
  return isnan (x) ? x : 0.0;
}

double
axon_softshrink_df64 (double            x,
                      const AxonParams *p)
{
  if (isnan (x))
    return x;
  return fabs (x) > p->v[0] ? 1.0 : 0.0;
}

double
axon_hardshrink_f64 (double            x,
                     const AxonParams *p)
{
  if (isnan (x))
    return x;
  return fabs (x) > p->v[0] ? x : 0.0;
}

double
axon_hardshrink_df64 (double            x,
                      const AxonParams *p)
{
  if (isnan (x))
    return x;
  return fabs (x) > p->v[0] ? 1.0 : 0.0;
}
