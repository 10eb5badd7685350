/* axon-smooth-relu.c: float64 kernels of the smooth rectifiers.
 *
 * gelu, gelu_tanh, swish, hard_swish, mish, softplus, square_plus, hard_mish, tanh_exp,
 * sparse_plus. All of them go to 0 for x -> -inf as x times something tiny: that factor is
 * computed directly (erfc, e^x, sigmoid of a negative number), never as 1 - (nearly 1), so
 * the left tail keeps its digits, and -inf * 0 is answered by its limit.
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

#define SQRT_2_OVER_PI 0x1.9884533d43651p-1     /* sqrt (2/pi) = 0.7978845608028654 */
#define INV_SQRT_2PI 0x1.9884533d43651p-2       /* 1/sqrt (2 pi) = 0.3989422804014327 */
#define GELU_TANH_C 0.044715                    /* Hendrycks & Gimpel's cubic coefficient */

/* 2 Phi (x) = erfc (-x/sqrt 2), accurate also far in the left tail. erfc keeps the tail,
 * where 1 + erf (x/sqrt 2) would cancel to 0 already at x = -8; and since erfc (y) falls
 * like e^(-y^2), the rounding of y = -x/sqrt 2 itself would cost 2 y^2 ulp (1e-13 at
 * x = -30), so the low part yl of y is put back to first order:
 * erfc (yh + yl) = erfc (yh) - yl 2/sqrt(pi) e^(-yh^2). */
#define SQRT1_2_LO -0x1.bdd3413b26456p-55 /* 1/sqrt 2 - M_SQRT1_2 */

static double
two_phi (double x)
{
  double yh = -x * M_SQRT1_2;
  double yl = fma (-x, M_SQRT1_2, -yh) - x * SQRT1_2_LO;

  return erfc (yh) - yl * M_2_SQRTPI * exp (-yh * yh);
}

/* phi (x) sqrt (2 pi) = e^(-x^2/2), with the rounding error of x^2 put back likewise. */
static double
gauss (double x)
{
  double h = x * x;
  double l, e;

  if (h > 1500)
    return 0.0; /* e^-750 underflows; also keeps fma (x, x, -inf) out */
  l = fma (x, x, -h);
  e = exp (-0.5 * h);
  return e - 0.5 * l * e;
}

/* x Phi (x). */
double
axon_gelu_f64 (double            x,
               const AxonParams *p)
{
  if (isinf (x))
    return x > 0 ? x : -0.0;
  return 0.5 * x * two_phi (x);
}

double
axon_gelu_df64 (double            x,
                const AxonParams *p)
{
  if (isinf (x))
    return x > 0 ? 1.0 : 0.0;
  return 0.5 * two_phi (x) + x * INV_SQRT_2PI * gauss (x);
}

/* 0.5 x (1 + tanh u) = x sigma (2u), u = sqrt (2/pi) (x + 0.044715 x^3): the sigmoid form
 * is the same function without the cancellation of 1 + tanh u for x < 0. */
static inline double
gelu_tanh_u (double x)
{
  return SQRT_2_OVER_PI * (x + GELU_TANH_C * x * x * x);
}

double
axon_gelu_tanh_f64 (double            x,
                    const AxonParams *p)
{
  if (x == -INFINITY)
    return -0.0;
  return x * axon_sigmoid (2.0 * gelu_tanh_u (x));
}

double
axon_gelu_tanh_df64 (double            x,
                     const AxonParams *p)
{
  double u, s, sn, du;

  if (isinf (x))
    return x > 0 ? 1.0 : 0.0;
  u = gelu_tanh_u (x);
  s = axon_sigmoid (2.0 * u);
  sn = axon_sigmoid (-2.0 * u);
  if (s == 0.0 || sn == 0.0)
    return s; /* the second term underflows; avoids 0 * huge x^2 */
  du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_TANH_C * x * x);
  return s + 2.0 * x * s * sn * du;
}

/* x sigma (beta x) (Ramachandran et al. 2017; beta = 1 is SiLU). */
double
axon_swish_f64 (double            x,
                const AxonParams *p)
{
  double beta = p->v[0];

  if (isinf (x))
    return (x > 0 || beta == 0) ? x : -0.0;
  return x * axon_sigmoid (beta * x);
}

/* sigma (bx) (1 + bx sigma (-bx)). */
double
axon_swish_df64 (double            x,
                 const AxonParams *p)
{
  double bx = p->v[0] * x;

  if (isinf (x))
    return p->v[0] == 0 ? 0.5 : (x > 0 ? 1.0 : 0.0);
  return axon_sigmoid (bx) * (1.0 + bx * axon_sigmoid (-bx));
}

/* x relu6 (x + 3) / 6 (Howard et al., MobileNetV3). */
double
axon_hard_swish_f64 (double            x,
                     const AxonParams *p)
{
  if (x <= -3)
    return -0.0;
  if (x >= 3)
    return x;
  return x * (x + 3.0) / 6.0;
}

/* As the reference table records PyTorch's hardswish_backward: x/3 + 1/2 on [-3, 3),
 * so -1/2 at -3 and 1 at 3. */
double
axon_hard_swish_df64 (double            x,
                      const AxonParams *p)
{
  if (x < -3)
    return 0.0;
  if (x >= 3)
    return 1.0;
  return x / 3.0 + 0.5; /* NaN stays NaN */
}

/* Mish (Misra 2019): x tanh (softplus (x)). With e = e^x and n = e (e + 2),
 * tanh (log (1 + e)) = n / (n + 2); for x > 0 it is written in e^-x so nothing overflows.
 * t is tanh (softplus x), d is 1 - t^2, sg is sigma (x). */
static void
mish_parts (double  x,
            double *t,
            double *d,
            double *sg)
{
  double e, n, q;

  if (x > 0)
    {
      e = exp (-x);
      q = 1.0 + 2.0 * e + 2.0 * e * e;
      *t = (1.0 + 2.0 * e) / q;
      *d = 4.0 * e * e * (1.0 + e) * (1.0 + e) / (q * q);
      *sg = 1.0 / (1.0 + e);
    }
  else
    {
      e = exp (x);
      n = e * (e + 2.0);
      *t = n / (n + 2.0);
      *d = 4.0 * (n + 1.0) / ((n + 2.0) * (n + 2.0));
      *sg = e / (1.0 + e);
    }
}

double
axon_mish_f64 (double            x,
               const AxonParams *p)
{
  double t, d, sg;

  if (isinf (x))
    return x > 0 ? x : -0.0;
  mish_parts (x, &t, &d, &sg);
  return x * t;
}

double
axon_mish_df64 (double            x,
                const AxonParams *p)
{
  double t, d, sg;

  if (isinf (x))
    return x > 0 ? 1.0 : 0.0;
  mish_parts (x, &t, &d, &sg);
  return t + x * sg * d;
}

/* torch.nn.Softplus: log (1 + e^(beta x)) / beta, and x itself once beta x > threshold. */
double
axon_softplus_f64 (double            x,
                   const AxonParams *p)
{
  double beta = p->v[0];

  if (beta * x > p->v[1])
    return x;
  return axon_softplus (beta * x) / beta;
}

double
axon_softplus_df64 (double            x,
                    const AxonParams *p)
{
  double bx = p->v[0] * x;

  if (bx > p->v[1])
    return 1.0;
  return axon_sigmoid (bx);
}

/* Squareplus (So 2021): (x + sqrt (x^2 + b)) / 2. For x < 0 the sum cancels, so it is
 * rewritten as b / (2 (sqrt (x^2 + b) - x)); hypot keeps x^2 from overflowing. */
double
axon_square_plus_f64 (double            x,
                      const AxonParams *p)
{
  double b = p->v[0];
  double h = hypot (x, sqrt (b));

  if (x >= 0)
    return 0.5 * (x + h);
  if (isnan (x))
    return x;
  if (b == 0)
    return 0.0;
  return b / (2.0 * (h - x));
}

double
axon_square_plus_df64 (double            x,
                       const AxonParams *p)
{
  double b = p->v[0];
  double h = hypot (x, sqrt (b));

  if (isnan (x))
    return x;
  if (x == INFINITY)
    return 1.0;
  if (h == 0)
    return 0.5;
  if (x >= 0)
    return 0.5 * (1.0 + x / h);
  if (b == 0)
    return 0.0;
  return b / (2.0 * h * (h - x));
}

/* Hard Mish, x/2 clamp (x + 2, 0, 2), as timm's hard_mish (after Misra's H-Mish notes),
 * whose backward is x + 1 on [-2, 0]. */
double
axon_hard_mish_f64 (double            x,
                    const AxonParams *p)
{
  if (x <= -2)
    return -0.0;
  if (x >= 0)
    return x;
  return 0.5 * x * (x + 2.0);
}

double
axon_hard_mish_df64 (double            x,
                     const AxonParams *p)
{
  if (x < -2)
    return 0.0;
  if (x > 0)
    return 1.0;
  return x + 1.0;
}

/* TanhExp (Liu & Di 2020): x tanh (e^x). */
double
axon_tanh_exp_f64 (double            x,
                   const AxonParams *p)
{
  if (x == -INFINITY)
    return -0.0;
  return x * tanh (exp (x));
}

double
axon_tanh_exp_df64 (double            x,
                    const AxonParams *p)
{
  double e;

  if (isnan (x))
    return x;
  if (x == -INFINITY)
    return 0.0;
  /* Beyond 40, x e^x sech^2 (e^x) < 1e-300 while e^x alone may overflow. */
  if (x > 40)
    return 1.0;
  e = exp (x);
  return tanh (e) + x * e * axon_sech2 (e);
}

/* jax.nn.sparse_plus: 0 for x <= -1, (x + 1)^2 / 4 on (-1, 1), x for x >= 1. */
double
axon_sparse_plus_f64 (double            x,
                      const AxonParams *p)
{
  if (x <= -1)
    return 0.0;
  if (x >= 1)
    return x;
  return 0.25 * (x + 1.0) * (x + 1.0);
}

double
axon_sparse_plus_df64 (double            x,
                       const AxonParams *p)
{
  if (x <= -1)
    return 0.0;
  if (x >= 1)
    return 1.0;
  return 0.5 * (x + 1.0);
}
