/* axon-sigmoid-family.c: float64 kernels of the bounded, S-shaped activations.
 *
 * sigmoid, hard_sigmoid, log_sigmoid, tanh, hard_tanh, softsign, lecun_tanh, arctan,
 * symmetrical_sigmoid, isru, log_log, exp_tanh. Derivatives go through sech^2 and
 * sigmoid (-x) rather than 1 - y^2 or y (1 - y), which cancel to 0 in the tails.
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

double
axon_sigmoid_f64 (double            x,
                  const AxonParams *p)
{
  return axon_sigmoid (x);
}

/* sigma (x) sigma (-x): both factors are accurate, unlike sigma (1 - sigma). */
double
axon_sigmoid_df64 (double            x,
                   const AxonParams *p)
{
  return axon_sigmoid (x) * axon_sigmoid (-x);
}

/* clamp (slope x + offset, 0, 1). */
double
axon_hard_sigmoid_f64 (double            x,
                       const AxonParams *p)
{
  double y = p->v[0] * x + p->v[1];

  if (y <= 0)
    return 0.0;
  if (y >= 1)
    return 1.0;
  return y;
}

/* The slope on the closed interval 0 <= y <= 1: the gradient torch.clamp passes at its
 * bounds, which is what the reference table records at the corners. */
double
axon_hard_sigmoid_df64 (double            x,
                        const AxonParams *p)
{
  double y = p->v[0] * x + p->v[1];

  if (isnan (y))
    return y;
  return (y >= 0 && y <= 1) ? p->v[0] : 0.0;
}

/* -softplus (-x) = min (x, 0) - log1p (e^-|x|). */
double
axon_log_sigmoid_f64 (double            x,
                      const AxonParams *p)
{
  if (isnan (x))
    return x;
  return fmin (x, 0.0) - log1p (exp (-fabs (x)));
}

double
axon_log_sigmoid_df64 (double            x,
                       const AxonParams *p)
{
  return axon_sigmoid (-x);
}

double
axon_tanh_f64 (double            x,
               const AxonParams *p)
{
  return tanh (x);
}

double
axon_tanh_df64 (double            x,
                const AxonParams *p)
{
  return axon_sech2 (x);
}

/* clamp (x, min, max); the gradient is 0 at the bounds, as torch.nn.Hardtanh. */
double
axon_hard_tanh_f64 (double            x,
                    const AxonParams *p)
{
  if (x <= p->v[0])
    return p->v[0];
  if (x >= p->v[1])
    return p->v[1];
  return x;
}

double
axon_hard_tanh_df64 (double            x,
                     const AxonParams *p)
{
  if (isnan (x))
    return x;
  return (x <= p->v[0] || x >= p->v[1]) ? 0.0 : 1.0;
}

double
axon_softsign_f64 (double            x,
                   const AxonParams *p)
{
  if (isinf (x))
    return copysign (1.0, x);
  return x / (1.0 + fabs (x));
}

double
axon_softsign_df64 (double            x,
                    const AxonParams *p)
{
  double d = 1.0 + fabs (x);

  return 1.0 / (d * d);
}

/* LeCun et al., Efficient BackProp (1998): 1.7159 tanh (2x/3). */
#define LECUN_A 0x1.b74538ef34d6ap+0 /* 1.7159 */
#define LECUN_B 0x1.5555555555555p-1 /* 2/3 */

double
axon_lecun_tanh_f64 (double            x,
                     const AxonParams *p)
{
  return LECUN_A * tanh (LECUN_B * x);
}

double
axon_lecun_tanh_df64 (double            x,
                      const AxonParams *p)
{
  return LECUN_A * LECUN_B * axon_sech2 (LECUN_B * x);
}

double
axon_arctan_f64 (double            x,
                 const AxonParams *p)
{
  return atan (x);
}

double
axon_arctan_df64 (double            x,
                  const AxonParams *p)
{
  return 1.0 / (1.0 + x * x);
}

/* 2 sigma (x) - 1 = tanh (x/2), the bipolar sigmoid. */
double
axon_symmetrical_sigmoid_f64 (double            x,
                              const AxonParams *p)
{
  return tanh (0.5 * x);
}

double
axon_symmetrical_sigmoid_df64 (double            x,
                               const AxonParams *p)
{
  return 0.5 * axon_sech2 (0.5 * x);
}

/* x / sqrt (1 + alpha x^2), with hypot so that alpha x^2 never overflows. */
double
axon_isru_f64 (double            x,
               const AxonParams *p)
{
  double sa = sqrt (p->v[0]);

  if (isinf (x))
    return copysign (1.0 / sa, x);
  return x / hypot (1.0, sa * x);
}

double
axon_isru_df64 (double            x,
                const AxonParams *p)
{
  double h = hypot (1.0, sqrt (p->v[0]) * x);

  return 1.0 / (h * h * h);
}

/* 1 - exp (-exp (x)) = -expm1 (-e^x): exact for x << 0 where the value is ~e^x. */
double
axon_log_log_f64 (double            x,
                  const AxonParams *p)
{
  return -expm1 (-exp (x));
}

/* e^x exp (-e^x) = exp (x - e^x). */
double
axon_log_log_df64 (double            x,
                   const AxonParams *p)
{
  if (x == INFINITY)
    return 0.0;
  return exp (x - exp (x));
}

/* tanh (e^x): the gate of TanhExp used as a squashing function. */
double
axon_exp_tanh_f64 (double            x,
                   const AxonParams *p)
{
  return tanh (exp (x));
}

double
axon_exp_tanh_df64 (double            x,
                    const AxonParams *p)
{
  double e;

  if (isnan (x))
    return x;
  /* Beyond 40, e^x sech^2 (e^x) < 1e-300 but e^x alone may overflow. */
  if (x > 40)
    return 0.0;
  e = exp (x);
  return e * axon_sech2 (e);
}
