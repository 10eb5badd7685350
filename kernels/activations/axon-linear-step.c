/* axon-linear-step.c: float64 kernels of the linear and step-like activations.
 *
 * identity, step, signum, threshold, absolute, bent_identity, exponential. Derivatives at
 * the jumps follow PyTorch autograd (step and sign have gradient 0, abs'(0) = 0).
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

double
axon_identity_f64 (double            x,
                   const AxonParams *p)
{
  return x;
}

double
axon_identity_df64 (double            x,
                    const AxonParams *p)
{
  return isnan (x) ? x : 1.0;
}

/* Heaviside with H(0) = 1, as torch.heaviside (x, 1). */
double
axon_step_f64 (double            x,
               const AxonParams *p)
{
  if (isnan (x))
    return x;
  return x < 0 ? 0.0 : 1.0;
}

double
axon_step_df64 (double            x,
                const AxonParams *p)
{
  return isnan (x) ? x : 0.0;
}

/* torch.sign: sign (+-0) = +-0. */
double
axon_signum_f64 (double            x,
                 const AxonParams *p)
{
  if (x > 0)
    return 1.0;
  if (x < 0)
    return -1.0;
  return x;
}

double
axon_signum_df64 (double            x,
                  const AxonParams *p)
{
  return isnan (x) ? x : 0.0;
}

/* torch.nn.Threshold: x if x > threshold else value. */
double
axon_threshold_f64 (double            x,
                    const AxonParams *p)
{
  if (isnan (x))
    return x;
  return x > p->v[0] ? x : p->v[1];
}

double
axon_threshold_df64 (double            x,
                     const AxonParams *p)
{
  if (isnan (x))
    return x;
  return x > p->v[0] ? 1.0 : 0.0;
}

double
axon_absolute_f64 (double            x,
                   const AxonParams *p)
{
  return fabs (x);
}

/* sign (x), with abs'(0) = 0 as torch.abs's backward. */
double
axon_absolute_df64 (double            x,
                    const AxonParams *p)
{
  if (x > 0)
    return 1.0;
  if (x < 0)
    return -1.0;
  return isnan (x) ? x : 0.0;
}

/* (sqrt (x^2 + 1) - 1) / 2 + x. Near 0 the difference is rewritten as x^2 / (h + 1) so it
 * keeps its relative accuracy; hypot avoids overflowing x^2. */
double
axon_bent_identity_f64 (double            x,
                        const AxonParams *p)
{
  double h;

  if (isinf (x))
    return x;
  h = hypot (x, 1.0);
  if (fabs (x) <= 1.0)
    return x * x / (2.0 * (h + 1.0)) + x;
  return (h - 1.0) / 2.0 + x;
}

double
axon_bent_identity_df64 (double            x,
                         const AxonParams *p)
{
  if (isinf (x))
    return x > 0 ? 1.5 : 0.5;
  return x / (2.0 * hypot (x, 1.0)) + 1.0;
}

double
axon_exponential_f64 (double            x,
                      const AxonParams *p)
{
  return exp (x);
}

double
axon_exponential_df64 (double            x,
                       const AxonParams *p)
{
  return exp (x);
}
