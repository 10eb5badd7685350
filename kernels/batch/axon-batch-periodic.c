/* axon-batch-periodic.c: float32 batch kernels of the periodic and radial activations.
 *
 * sin (SIREN), cos, sinc, gaussian, multiquadratic, inverse_multiquadratic. The argument
 * w0 x of sin and cos is formed and reduced modulo pi/2 in double (fdlibm's two-part
 * pi/2), so a large w0 x does not cost digits; only the polynomial runs in float. Lanes
 * with |w0 x| > 2^20, where that reduction is no longer exact, go to libm one by one.
 */
#include "axon-batch-math.h"

/* pi/2 in two parts, the first with 33 bits so k * PIO2_1 is exact for |k| < 2^20
 * (fdlibm e_rem_pio2.c pio2_1, pio2_1t). */
#define PIO2_1     0x1.921fb544p+0
#define PIO2_1T    0x1.0b4611a626331p-34
#define INV_PIO2   0x1.45f306dc9c883p-1 /* 2/pi */
#define REDUCE_MAX 0x1p20f

/* Cephes sinf.c: sin r = r + r^3 P (r^2), cos r = 1 - r^2/2 + r^4 Q (r^2), |r| <= pi/4. */
static const float sin_poly[] = { -0x1.9943f2p-13f, 0x1.11073cp-7f, -0x1.555546p-3f };
static const float cos_poly[] = { 0x1.99eb9cp-16f, -0x1.6c0c34p-10f, 0x1.55554ap-5f };

/* sin (a) (want_cos = 0) or cos (a), a in double lanes; a = w0 x exactly as the float64
 * kernels form it. The quadrant k mod 4 picks +-sin r or +-cos r. */
AXON_VINLINE AxonVf
sin_or_cos (AxonVd a,
            int    want_cos)
{
  const AxonVd magic = axon_vd (0x1.8p+52);
  AxonVd t = a * axon_vd (INV_PIO2) + magic, k = t - magic;
  AxonVd rd = (a - k * axon_vd (PIO2_1)) - k * axon_vd (PIO2_1T);
  /* k mod 2^32 from the bits of t, in unsigned lanes: where |a| is far beyond 2^52 the
   * difference of the bit patterns leaves int64 (those lanes are libm's, below), and the
   * quadrant needs only the low bits anyway. */
  AxonVu q = __builtin_convertvector ((AxonVul) t - (AxonVul) magic, AxonVu) + (uint32_t) want_cos;
  AxonVf r = axon_vto_float (rd), z = r * r, s, c, y;
  AxonVf af = axon_vabs (axon_vto_float (a));

  /* sin on |r|, then the sign of r, so that sin (-0) = -0 */
  s = axon_vabs (r);
  s = axon_vwithsign (axon_vmla (axon_vpoly (z, sin_poly, G_N_ELEMENTS (sin_poly)) * z, s, s),
                      axon_vsignbit (r));
  c = axon_vmla (axon_vpoly (z, cos_poly, G_N_ELEMENTS (cos_poly)) * z, z,
                 axon_vmla (axon_vf (-0.5f), z, axon_vf (1.0f)));
  y = axon_vsel ((AxonVi) (q & 1) != 0, c, s);
  y = axon_vxorsign (y, (AxonVi) ((q & 2) << 30));
  /* Beyond 2^20 (and at +-inf) the reduction is libm's. NaN fails the test and stays. */
  if (__builtin_expect (axon_vany (af > REDUCE_MAX), 0))
    for (int i = 0; i < AXON_VLEN; i++)
      if (af[i] > REDUCE_MAX)
        y[i] = (float) (want_cos ? cos (a[i]) : sin (a[i]));
  return y;
}

typedef struct
{
  double w0;
  float w0_f;
} FrequencyCtx;

static inline void
frequency_prepare (FrequencyCtx     *c,
                   const AxonParams *p)
{
  c->w0 = p->v[0];
  c->w0_f = (float) p->v[0];
}

AXON_VINLINE AxonVd
frequency_arg (AxonVf              x,
               const FrequencyCtx *c)
{
  return axon_vd (c->w0) * axon_vto_double (x);
}

AXON_VFN (sin_f, FrequencyCtx)
{
  return sin_or_cos (frequency_arg (x, c), 0);
}

AXON_VFN (sin_df, FrequencyCtx)
{
  return c->w0_f * sin_or_cos (frequency_arg (x, c), 1);
}

AXON_BATCH_ACTIVATION (sin, FrequencyCtx, frequency_prepare, sin_f, sin_df)

AXON_VFN (cos_f, FrequencyCtx)
{
  return sin_or_cos (frequency_arg (x, c), 1);
}

AXON_VFN (cos_df, FrequencyCtx)
{
  return -c->w0_f * sin_or_cos (frequency_arg (x, c), 0);
}

AXON_BATCH_ACTIVATION (cos, FrequencyCtx, frequency_prepare, cos_f, cos_df)

/* ---- sinc ----------------------------------------------------------------------------- */

/* sinc' (x) / x = sum_k (-1)^k 2k x^(2k-2) / (2k+1)!, k = 1..7, as a polynomial in x^2
 * (the float64 kernel's series, rounded; enough for |x| < 1). */
static const float sinc_df_poly[] = {
  -0x1.78af56p-37f, 0x1.08db48p-29f, -0x1.0cfeb6p-22f, 0x1.71de3ap-16f,
  -0x1.381382p-10f, 0x1.111112p-5f, -0x1.555556p-2f,
};

/* Unnormalised: sin (x) / x, 1 at 0 and 0 at +-inf. */
AXON_VFN (sinc_f, AxonNoCtx)
{
  AxonVf y = sin_or_cos (axon_vto_double (x), 0) / x;

  y = axon_vsel (x == 0.0f, axon_vf (1.0f), y);
  return axon_vsel (axon_visinf (x), axon_vf (0.0f), y);
}

/* (cos x - sin (x) / x) / x, and the series below |x| = 1 where that cancels. */
AXON_VFN (sinc_df, AxonNoCtx)
{
  AxonVd xd = axon_vto_double (x);
  AxonVf far = (sin_or_cos (xd, 1) - sin_or_cos (xd, 0) / x) / x;
  AxonVf near = axon_vpoly (x * x, sinc_df_poly, G_N_ELEMENTS (sinc_df_poly)) * x;
  AxonVf y = axon_vsel (axon_vabs (x) < 1.0f, near, far);

  return axon_vsel (axon_visinf (x), axon_vf (0.0f), y);
}

AXON_BATCH_ACTIVATION (sinc, AxonNoCtx, axon_no_ctx_prepare, sinc_f, sinc_df)

/* ---- radial ------------------------------------------------------------------------- */

/* exp (-u^2), u = (x - centre) / width: u^2 in double, as a float pair for the exponent. */
typedef struct
{
  double centre, inv_width;
} GaussianCtx;

static inline void
gaussian_prepare (GaussianCtx      *c,
                  const AxonParams *p)
{
  c->centre = p->v[0];
  c->inv_width = 1.0 / p->v[1];
}

AXON_VINLINE AxonVd
gaussian_u (AxonVf             x,
            const GaussianCtx *c)
{
  return (axon_vto_double (x) - axon_vd (c->centre)) * axon_vd (c->inv_width);
}

AXON_VINLINE AxonVf
gaussian_value (AxonVd u)
{
  AxonVf lo, hi = axon_vsplit_double (-(u * u), &lo);

  return axon_vexp_hl (hi, lo);
}

AXON_VFN (gaussian_f, GaussianCtx)
{
  return gaussian_value (gaussian_u (x, c));
}

/* -2u / width e^-u^2; a signed 0 where the exponential underflows (also at +-inf). */
AXON_VFN (gaussian_df, GaussianCtx)
{
  AxonVd u = gaussian_u (x, c);
  AxonVf lo, hi = axon_vsplit_double (-(u * u), &lo);
  AxonVexp e = axon_vexp_split (hi, lo, 1);
  AxonVf k = axon_vto_float (-2.0 * u * axon_vd (c->inv_width));

  /* k e^-u^2 with the power of two applied last, so a subnormal value is rounded once; a
   * signed 0 where the exponential is 0 (also for infinite k). */
  return axon_vsel (e.m == 0.0f, axon_vwithsign (axon_vf (0.0f), axon_vsignbit (k)),
                    axon_vexp_apply (k * e.m, e));
}

AXON_BATCH_ACTIVATION (gaussian, GaussianCtx, gaussian_prepare, gaussian_f, gaussian_df)

/* h = hypot (x - c, a) (Hardy's multiquadric); x - c in double, rounded once. */
typedef struct
{
  double centre;
  float a2;
} QuadricCtx;

static inline void
quadric_prepare (QuadricCtx       *c,
                 const AxonParams *p)
{
  c->centre = p->v[0];
  c->a2 = (float) (p->v[1] * p->v[1]);
}

AXON_VINLINE AxonVf
quadric_u (AxonVf            x,
           const QuadricCtx *c)
{
  return axon_vto_float (axon_vto_double (x) - axon_vd (c->centre));
}

/* sqrt (u^2 + a^2); beyond 2^60 it is |u| in float (a <= 100) and u^2 would overflow. */
AXON_VINLINE AxonVf
quadric_h (AxonVf            u,
           const QuadricCtx *c)
{
  AxonVf au = axon_vabs (u);

  return axon_vsel (au > 0x1p60f, au, axon_vsqrt (axon_vmla (u, u, axon_vf (c->a2))));
}

AXON_VFN (multiquadratic_f, QuadricCtx)
{
  return quadric_h (quadric_u (x, c), c);
}

/* u / h: +-1 at +-inf, 0 at the corner a = 0, x = c (as abs'(0) = 0). */
AXON_VFN (multiquadratic_df, QuadricCtx)
{
  AxonVf u = quadric_u (x, c), h = quadric_h (u, c);
  AxonVf y = axon_vsel (h == 0.0f, axon_vf (0.0f), u / h);

  return axon_vsel (axon_visinf (u), axon_vwithsign (axon_vf (1.0f), axon_vsignbit (u)), y);
}

AXON_BATCH_ACTIVATION (multiquadratic, QuadricCtx, quadric_prepare, multiquadratic_f,
                       multiquadratic_df)

AXON_VFN (inverse_multiquadratic_f, QuadricCtx)
{
  return 1.0f / quadric_h (quadric_u (x, c), c);
}

/* -u / h^3 = -(u / h^2) / h with h^2 = u^2 + a^2 unrounded by a square root (3 ulp); beyond
 * 2^60, where h^2 would overflow, -(u/h) (1/h)^2. A signed 0 at +-inf. */
AXON_VFN (inverse_multiquadratic_df, QuadricCtx)
{
  AxonVf u = quadric_u (x, c), h2 = axon_vmla (u, u, axon_vf (c->a2));
  AxonVf h = quadric_h (u, c), r = 1.0f / h;
  AxonVf y = axon_vsel (axon_vabs (u) > 0x1p60f, -(u * r) * r * r, -(u / h2) / h);
  AxonVf at_inf = axon_vwithsign (axon_vf (0.0f), ~axon_vsignbit (u) & INT32_MIN);

  return axon_vsel (axon_visinf (u), at_inf, y);
}

AXON_BATCH_ACTIVATION (inverse_multiquadratic, QuadricCtx, quadric_prepare,
                       inverse_multiquadratic_f, inverse_multiquadratic_df)
