/* axon-exp-linear.c: float64 kernels of the exponential linear units.
 *
 * elu, celu, selu, isrlu: linear for x > 0, a saturating curve below. expm1 keeps the
 * negative branch exact near 0. At x = 0 the derivative is the left branch's, as PyTorch's
 * elu_backward (elu'(0) = alpha).
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

/* Klambauer et al., Self-Normalizing Neural Networks (2017), as torch.nn.SELU. */
#define SELU_ALPHA 0x1.ac5afad782cf1p+0 /* 1.6732632423543772848170429916717 */
#define SELU_SCALE 0x1.0cfabd6a91132p+0 /* 1.0507009873554804934193349852946 */

double
axon_elu_f64 (double            x,
              const AxonParams *p)
{
  if (x > 0)
    return x;
  return p->v[0] * expm1 (x);
}

double
axon_elu_df64 (double            x,
               const AxonParams *p)
{
  if (x > 0)
    return 1.0;
  return p->v[0] * exp (x);
}

/* max (0, x) + min (0, alpha (e^(x/alpha) - 1)). */
double
axon_celu_f64 (double            x,
               const AxonParams *p)
{
  if (x > 0)
    return x;
  return p->v[0] * expm1 (x / p->v[0]);
}

double
axon_celu_df64 (double            x,
                const AxonParams *p)
{
  if (x > 0)
    return 1.0;
  return exp (x / p->v[0]);
}

double
axon_selu_f64 (double            x,
               const AxonParams *p)
{
  if (x > 0)
    return SELU_SCALE * x;
  return SELU_SCALE * SELU_ALPHA * expm1 (x);
}

double
axon_selu_df64 (double            x,
                const AxonParams *p)
{
  if (x > 0)
    return SELU_SCALE;
  return SELU_SCALE * SELU_ALPHA * exp (x);
}

/* Carlile et al., ISRLU (2017): x for x >= 0, x / sqrt (1 + alpha x^2) below. */
double
axon_isrlu_f64 (double            x,
                const AxonParams *p)
{
  double sa;

  if (!(x < 0))
    return x;
  sa = sqrt (p->v[0]);
  if (isinf (x))
    return -1.0 / sa;
  return x / hypot (1.0, sa * x);
}

double
axon_isrlu_df64 (double            x,
                 const AxonParams *p)
{
  double h;

  if (isnan (x))
    return x;
  if (x >= 0)
    return 1.0;
  h = hypot (1.0, sqrt (p->v[0]) * x);
  return 1.0 / (h * h * h);
}
