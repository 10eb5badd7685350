/* axon-relu-family.c: float64 kernels of the piecewise-linear rectifiers.
 *
 * relu, relu6, leaky_relu, prelu, rrelu, squared_relu, leaky_relu6, srelu. At the corners
 * the derivative is the one PyTorch autograd returns: relu'(0) = 0, leaky_relu'(0) = alpha,
 * relu6'(6) = 0. NaN propagates to f and f'.
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

static inline double
leaky (double x,
       double slope)
{
  if (x > 0)
    return x;
  if (slope == 0 && !isnan (x))
    return 0.0; /* not 0 * -inf */
  return slope * x; /* NaN stays NaN, -0 stays -0 */
}

static inline double
leaky_derivative (double x,
                  double slope)
{
  if (isnan (x))
    return x;
  return x > 0 ? 1.0 : slope;
}

double
axon_relu_f64 (double            x,
               const AxonParams *p)
{
  if (x > 0)
    return x;
  return isnan (x) ? x : 0.0;
}

double
axon_relu_df64 (double            x,
                const AxonParams *p)
{
  if (isnan (x))
    return x;
  return x > 0 ? 1.0 : 0.0;
}

/* hardtanh (x, 0, 6): gradient 0 at both corners. */
double
axon_relu6_f64 (double            x,
                const AxonParams *p)
{
  if (x <= 0)
    return 0.0;
  if (x >= 6)
    return 6.0;
  return x;
}

double
axon_relu6_df64 (double            x,
                 const AxonParams *p)
{
  if (isnan (x))
    return x;
  return (x <= 0 || x >= 6) ? 0.0 : 1.0;
}

double
axon_leaky_relu_f64 (double            x,
                     const AxonParams *p)
{
  return leaky (x, p->v[0]);
}

double
axon_leaky_relu_df64 (double            x,
                      const AxonParams *p)
{
  return leaky_derivative (x, p->v[0]);
}

double
axon_prelu_f64 (double            x,
                const AxonParams *p)
{
  return leaky (x, p->v[0]);
}

double
axon_prelu_df64 (double            x,
                 const AxonParams *p)
{
  return leaky_derivative (x, p->v[0]);
}

/* Evaluation mode of torch.nn.RReLU: the fixed slope (lower + upper) / 2. */
double
axon_rrelu_f64 (double            x,
                const AxonParams *p)
{
  return leaky (x, 0.5 * (p->v[0] + p->v[1]));
}

double
axon_rrelu_df64 (double            x,
                 const AxonParams *p)
{
  return leaky_derivative (x, 0.5 * (p->v[0] + p->v[1]));
}

double
axon_squared_relu_f64 (double            x,
                       const AxonParams *p)
{
  if (x > 0)
    return x * x;
  return isnan (x) ? x : 0.0;
}

double
axon_squared_relu_df64 (double            x,
                        const AxonParams *p)
{
  if (x > 0)
    return 2.0 * x;
  return isnan (x) ? x : 0.0;
}

/* min (max (alpha x, x), 6) for 0 <= alpha <= 1. */
double
axon_leaky_relu6_f64 (double            x,
                      const AxonParams *p)
{
  if (x >= 6)
    return 6.0;
  return leaky (x, p->v[0]);
}

double
axon_leaky_relu6_df64 (double            x,
                       const AxonParams *p)
{
  if (x >= 6)
    return 0.0;
  return leaky_derivative (x, p->v[0]);
}

/* S-shaped ReLU (Jin et al. 2016): slope a_left below t_left, identity between the
 * thresholds, slope a_right above t_right. Params: t_left, a_left, t_right, a_right. */
double
axon_srelu_f64 (double            x,
                const AxonParams *p)
{
  double tl = p->v[0], al = p->v[1], tr = p->v[2], ar = p->v[3];

  /* A zero slope gives the threshold itself, also at +-inf (not 0 * inf). */
  if (x > tr)
    return ar == 0 ? tr : tr + ar * (x - tr);
  if (x < tl)
    return al == 0 ? tl : tl + al * (x - tl);
  return x;
}

double
axon_srelu_df64 (double            x,
                 const AxonParams *p)
{
  if (isnan (x))
    return x;
  if (x > p->v[2])
    return p->v[3];
  if (x < p->v[0])
    return p->v[1];
  return 1.0;
}
