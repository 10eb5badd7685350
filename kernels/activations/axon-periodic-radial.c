/* axon-periodic-radial.c: float64 kernels of the periodic and radial activations.
 *
 * sin (SIREN), cos, sinc, gaussian, multiquadratic, inverse_multiquadratic. At +-inf the
 * periodic ones are NaN (no limit) except sinc, whose limit is 0; the radial ones return
 * their limits.
 */
#include "axon-activation-kernels.h"
#include "axon-scalar-math.h"

/* sin (w0 x), the SIREN layer of Sitzmann et al. (2020). */
double
axon_sin_f64 (double            x,
              const AxonParams *p)
{
  return sin (p->v[0] * x);
}

double
axon_sin_df64 (double            x,
               const AxonParams *p)
{
  return p->v[0] * cos (p->v[0] * x);
}

double
axon_cos_f64 (double            x,
              const AxonParams *p)
{
  return cos (p->v[0] * x);
}

double
axon_cos_df64 (double            x,
               const AxonParams *p)
{
  return -p->v[0] * sin (p->v[0] * x);
}

/* sinc' (x) / x as a polynomial in x^2: sum_k (-1)^k 2k x^(2k-2) / (2k+1)!, k = 1..12.
 * Used for |x| < 1, where (x cos x - sin x) / x^2 loses digits to cancellation. */
static const double sinc_derivative_series[] = {
  -0x1.5555555555555p-2,
  0x1.1111111111111p-5,
  -0x1.3813813813814p-10,
  0x1.71de3a556c734p-16,
  -0x1.0cfeb60f94b0ep-22,
  0x1.08db48ebe51c7p-29,
  -0x1.78af56a4d411bp-37,
  0x1.952c77030ad4ap-45,
  -0x1.5532eaf516982p-53,
  0x1.ce272b49432cep-62,
  -0x1.0132bcd1f4692p-70,
  0x1.dedb34ba18f7dp-80,
};

/* Unnormalised sinc, sin (x) / x with sinc (0) = 1 (numpy's sinc is the normalised one). */
double
axon_sinc_f64 (double            x,
               const AxonParams *p)
{
  if (x == 0)
    return 1.0;
  if (isinf (x))
    return 0.0;
  return sin (x) / x;
}

double
axon_sinc_df64 (double            x,
                const AxonParams *p)
{
  double x2, s;
  int i;

  if (isinf (x))
    return 0.0;
  if (fabs (x) < 1.0)
    {
      x2 = x * x;
      s = 0.0;
      for (i = (int) G_N_ELEMENTS (sinc_derivative_series) - 1; i >= 0; i--)
        s = s * x2 + sinc_derivative_series[i];
      return x * s;
    }
  return (cos (x) - sin (x) / x) / x;
}

/* exp (-((x - centre) / width)^2). */
double
axon_gaussian_f64 (double            x,
                   const AxonParams *p)
{
  double u = (x - p->v[0]) / p->v[1];

  return exp (-u * u);
}

double
axon_gaussian_df64 (double            x,
                    const AxonParams *p)
{
  double u = (x - p->v[0]) / p->v[1];

  if (isinf (u))
    return copysign (0.0, -u);
  return -2.0 * u / p->v[1] * exp (-u * u);
}

/* sqrt ((x - c)^2 + a^2) (Hardy's multiquadric). */
double
axon_multiquadratic_f64 (double            x,
                         const AxonParams *p)
{
  return hypot (x - p->v[0], p->v[1]);
}

double
axon_multiquadratic_df64 (double            x,
                          const AxonParams *p)
{
  double u = x - p->v[0];
  double h = hypot (u, p->v[1]);

  if (isnan (u))
    return u;
  if (isinf (u))
    return copysign (1.0, u);
  if (h == 0)
    return 0.0; /* a = 0 and x = c: the corner of |x - c|, as abs'(0) = 0 */
  return u / h;
}

double
axon_inverse_multiquadratic_f64 (double            x,
                                 const AxonParams *p)
{
  return 1.0 / hypot (x - p->v[0], p->v[1]);
}

/* -(x - c) / h^3, as -(u/h) (1/h)^2 so h^3 does not overflow before the division. */
double
axon_inverse_multiquadratic_df64 (double            x,
                                  const AxonParams *p)
{
  double u = x - p->v[0];
  double h = hypot (u, p->v[1]);
  double r = 1.0 / h;

  if (isinf (u))
    return copysign (0.0, -u);
  return -(u * r) * r * r;
}
