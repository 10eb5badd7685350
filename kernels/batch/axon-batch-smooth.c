/* axon-batch-smooth.c: float32 batch kernels of the smooth rectifiers.
 *
 * gelu, gelu_tanh, swish, mish, softplus, tanh_exp, square_plus, bent_identity. As in the
 * float64 kernels, the factor that goes to 0 for x -> -inf is computed directly (erfc,
 * e^x, sigmoid of a negative number), never as 1 - (nearly 1); arguments of exponentials
 * that are products (beta x, x^2 / 2, the cubic of gelu_tanh) come as float pairs, so their
 * rounding is not multiplied by the size of the exponent; -inf * 0 gives the limit.
 */
#include "axon-batch-math.h"

/* ---- gelu ----------------------------------------------------------------------- */

#define INV_SQRT2_F     0x1.6a09e6p-1f /* 1/sqrt (2) */
#define INV_SQRT_2PI_F  0x1.988454p-2f /* 1/sqrt (2 pi) */

/* Phi (x) = erfc (-x/sqrt 2) / 2 and, in *pdf, phi (x) = e^(-x^2/2) / sqrt (2 pi).
 * z = |x| / sqrt 2. For z < 0.5: Phi = 1/2 + erf (x/sqrt 2) / 2 with Cephes' erf
 * polynomial. Beyond, q = erfc (z) / 2 = e^(-z^2) erfcx (z) / 2 (the fit up to 2.5, Cephes'
 * asymptotic polynomial in 1/z^2 above) and Phi = q for x < 0, 1 - q for x > 0: the left
 * tail is never 1 - (nearly 1). e^(-x^2/2) = m scale takes x^2 as an exact pair.
 * For the far left (gelu_tail) *tail_f and *tail_df get x Phi (x) and Phi (x) + x phi (x) as
 * m times a factor, scaled last: they are subnormal from x = -13 on. */
typedef struct
{
  AxonVf phi, pdf, tail_f, tail_df;
} GeluParts;

AXON_VINLINE void
gelu_parts (AxonVf     x,
            GeluParts *g)
{
  AxonVf ax, axc, z, w, sq_lo, sq, scale, m, e2, small, mid, iz, r, q, big;

  ax = axon_vabs (x);
  axc = axon_vmin_keepnan (ax, 20.0f); /* e^-200 is 0 in float; keeps x^2 finite */
  z = ax * INV_SQRT2_F;
  sq = axon_vtwo_prod (axc, axc, &sq_lo);
  m = axon_vexp_hl_scaled (-0.5f * sq, -0.5f * sq_lo, &scale);
  e2 = m * scale;
  g->pdf = e2 * INV_SQRT_2PI_F;

  w = x * INV_SQRT2_F;
  small = axon_vmla (0.5f * w, axon_vpoly (w * w, axon_erf_small_poly,
                                           G_N_ELEMENTS (axon_erf_small_poly)),
                     axon_vf (0.5f));
  mid = 0.5f * e2 * axon_vpoly (z - 1.5f, axon_erfcx_mid_poly,
                                G_N_ELEMENTS (axon_erfcx_mid_poly));
  iz = INV_SQRT2_F * 2.0f / axc; /* 1/z, from the clamped |x| (0 at inf) */
  r = axon_vpoly (iz * iz, axon_erfcx_tail_poly, G_N_ELEMENTS (axon_erfcx_tail_poly));
  /* x Phi = -m R / sqrt 2; Phi + x phi = m (R / (2z) + x / sqrt (2 pi)) */
  g->tail_f = -INV_SQRT2_F * m * r * scale;
  /* (+ 0: the float64 sum is +0 where both terms vanish) */
  g->tail_df = m * axon_vmla (x, axon_vf (INV_SQRT_2PI_F), 0.5f * r * iz) * scale + 0.0f;
  q = axon_vsel (z < 2.5f, mid, 0.5f * e2 * r * iz);
  big = axon_vsel (x < 0.0f, q, 1.0f - q);
  g->phi = axon_vsel (z < 0.5f, small, big);
}

AXON_VINLINE AxonVi
gelu_tail (AxonVf x)
{
  return x < -2.5f * 0x1.6a09e6p+0f; /* z >= 2.5 on the left */
}

/* x Phi (x); -0 at -inf, as the float64 kernel. */
AXON_VFN (gelu_f, AxonNoCtx)
{
  GeluParts g;
  AxonVf y;

  gelu_parts (x, &g);
  y = axon_vsel (gelu_tail (x), g.tail_f, x * g.phi);
  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* Phi (x) + x phi (x); 1 and 0 at +-inf. */
AXON_VFN (gelu_df, AxonNoCtx)
{
  GeluParts g;
  AxonVf y;

  gelu_parts (x, &g);
  y = axon_vsel (gelu_tail (x), g.tail_df, axon_vmla (x, g.pdf, g.phi));
  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f)), y);
}

AXON_BATCH_ACTIVATION (gelu, AxonNoCtx, axon_no_ctx_prepare, gelu_f, gelu_df)

/* ---- gelu_tanh ------------------------------------------------------------------- */

#define SQRT_2_OVER_PI 0x1.9884533d43651p-1 /* sqrt (2/pi) = 0.7978845608028654 */
#define GELU_TANH_C    0.044715             /* Hendrycks & Gimpel's cubic coefficient */

/* 2u = 2 sqrt (2/pi) (x + 0.044715 x^3) in double, as a float pair: e^-|2u| is steep. */
AXON_VINLINE AxonVf
gelu_tanh_2u (AxonVf  x,
              AxonVf *lo)
{
  AxonVd xd = axon_vto_double (x);
  AxonVd u = axon_vd (SQRT_2_OVER_PI) * (xd + axon_vd (GELU_TANH_C) * xd * xd * xd);

  return axon_vsplit_double (2.0 * u, lo);
}

/* 0.5 x (1 + tanh u) = x sigma (2u), without the cancellation of 1 + tanh u for x < 0. */
AXON_VFN (gelu_tanh_f, AxonNoCtx)
{
  AxonVf lo, hi = gelu_tanh_2u (x, &lo);
  AxonVf y = axon_vmul_sigmoid_hl (x, hi, lo);

  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* The sigmoids s = sigma (v), sn = sigma (-v) of v = hi + lo from one E = e^-|v| = m scale:
 * returns s / scale' and sets *sn, *scale, where scale' is scale for v < 0 (s is tiny there
 * and is multiplied by large numbers before it is scaled) and 1 otherwise. *e gets E. */
AXON_VINLINE AxonVf
sigmoid_pair (AxonVf  hi,
              AxonVf  lo,
              AxonVf *sn,
              AxonVf *scale,
              AxonVf *e)
{
  AxonVi pos = hi >= 0.0f;
  AxonVf sc, m = axon_vexp_hl_scaled (-axon_vabs (hi), -axon_vxorsign (lo, axon_vsignbit (hi)),
                                      &sc);
  AxonVf q;

  *e = m * sc;
  q = 1.0f / (1.0f + *e);
  *sn = axon_vsel (pos, *e * q, q);
  *scale = axon_vsel (pos, axon_vf (1.0f), sc);
  return axon_vsel (pos, q, m * q);
}

/* s + 2x s sn u' = s (1 + 2x sn u'), s = sigma (2u), sn = sigma (-2u); s where either
 * sigmoid underflows (the float64 kernel does the same, avoiding 0 * huge x^2). */
AXON_VFN (gelu_tanh_df, AxonNoCtx)
{
  AxonVf lo, hi = gelu_tanh_2u (x, &lo);
  AxonVf sn, scale, e, s = sigmoid_pair (hi, lo, &sn, &scale, &e);
  AxonVf du = (float) SQRT_2_OVER_PI * axon_vmla (axon_vf ((float) (3.0 * GELU_TANH_C)),
                                                  x * x, axon_vf (1.0f));
  AxonVf y = s * axon_vmla (2.0f * x * sn, du, axon_vf (1.0f)) * scale;

  y = axon_vsel ((e == 0.0f) | (sn == 0.0f), s * scale, y);
  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f)), y);
}

AXON_BATCH_ACTIVATION (gelu_tanh, AxonNoCtx, axon_no_ctx_prepare, gelu_tanh_f, gelu_tanh_df)

/* ---- swish ------------------------------------------------------------------------ */

typedef struct
{
  double beta;
  int zero; /* beta = 0: x/2 */
} BetaCtx;

static inline void
beta_prepare (BetaCtx          *c,
              const AxonParams *p)
{
  c->beta = p->v[0];
  c->zero = p->v[0] == 0;
}

/* beta x as a float pair. */
AXON_VINLINE AxonVf
beta_times (AxonVf         x,
            const BetaCtx *c,
            AxonVf        *lo)
{
  return axon_vsplit_double (axon_vto_double (x) * axon_vd (c->beta), lo);
}

/* x sigma (beta x); at -inf -0 (x for beta = 0), as the float64 kernel. */
AXON_VFN (swish_f, BetaCtx)
{
  AxonVf lo, bx = beta_times (x, c, &lo);
  AxonVf y = axon_vmul_sigmoid_hl (x, bx, lo);

  if (c->zero)
    return y;
  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* sigma (bx) (1 + bx sigma (-bx)), both sigmoids from one e^-|bx|. */
AXON_VFN (swish_df, BetaCtx)
{
  AxonVf lo, bx = beta_times (x, c, &lo);
  AxonVf sn, scale, e, s = sigmoid_pair (bx, lo, &sn, &scale, &e);
  /* bx may be +-inf in float where beta x is finite; sn is 0 there, and so is the term. */
  AxonVf bxc = axon_vmin_keepnan (axon_vmax_keepnan (bx, -1e30f), 1e30f);
  AxonVf y = s * axon_vmla (bxc, sn, axon_vf (1.0f)) * scale;
  AxonVf at_inf = c->zero ? axon_vf (0.5f)
                          : axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f));

  return axon_vsel (axon_visinf (x), at_inf, y);
}

AXON_BATCH_ACTIVATION (swish, BetaCtx, beta_prepare, swish_f, swish_df)

/* ---- mish --------------------------------------------------------------------------- */

/* Mish (Misra 2019): x tanh (softplus x), written as in axon-smooth-relu.c with E = e^-|x|:
 * for x > 0, t = (1 + 2E) / (1 + 2E + 2E^2), d = 1 - t^2 = 4E^2 (1 + E)^2 / (1 + 2E + 2E^2)^2,
 * sigma = 1 / (1 + E); for x <= 0 with n = E (E + 2), t = n / (n + 2),
 * d = 4 (n + 1) / (n + 2)^2, sigma = E / (1 + E). Nothing overflows and nothing cancels.
 * For x <= 0, t and sigma are tiny with E: they come divided by scale (E = m scale), which
 * the kernels apply last. */
typedef struct
{
  AxonVf t, d, sg, scale;
} MishParts;

AXON_VINLINE void
mish_parts (AxonVf     x,
            MishParts *mp,
            int        want_d)
{
  AxonVf sc, m = axon_vexp_hl_scaled (-axon_vabs (x), axon_vf (0.0f), &sc);
  AxonVf e = m * sc;
  AxonVi pos = x > 0.0f;
  AxonVf n = e * (e + 2.0f);
  AxonVf qp = axon_vmla (2.0f * e, e, 1.0f + 2.0f * e);
  AxonVf t_num = axon_vsel (pos, 1.0f + 2.0f * e, m * (e + 2.0f));
  AxonVf t_den = axon_vsel (pos, qp, n + 2.0f);

  mp->t = t_num / t_den;
  mp->scale = axon_vsel (pos, axon_vf (1.0f), sc);
  if (want_d)
    {
      AxonVf ep = e * (1.0f + e);
      AxonVf d_num = axon_vsel (pos, 4.0f * ep * ep, 4.0f * (n + 1.0f));

      mp->d = d_num / (t_den * t_den);
      mp->sg = axon_vsel (pos, axon_vf (1.0f), m) / (1.0f + e);
    }
}

AXON_VFN (mish_f, AxonNoCtx)
{
  MishParts mp;
  AxonVf y;

  mish_parts (x, &mp, 0);
  y = x * mp.t * mp.scale;
  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* t + x sigma (x) (1 - t^2). */
AXON_VFN (mish_df, AxonNoCtx)
{
  MishParts mp;
  AxonVf y;

  mish_parts (x, &mp, 1);
  y = axon_vmla (x * mp.sg, mp.d, mp.t) * mp.scale;
  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f)), y);
}

AXON_BATCH_ACTIVATION (mish, AxonNoCtx, axon_no_ctx_prepare, mish_f, mish_df)

/* ---- softplus --------------------------------------------------------------------- */

/* torch.nn.Softplus: log (1 + e^(beta x)) / beta, and x once beta x > threshold. That
 * decision is the float64 kernel's: beta x is monotonic in x, so "beta x > threshold" is
 * "x > the last float where it is not", found once per call. */
typedef struct
{
  double beta;
  float inv_beta;
  float linear_above;
} SoftplusCtx;

static inline int
softplus_linear (double beta,
                 double threshold,
                 float  x)
{
  return beta * x > threshold;
}

/* The float bit pattern ordinal o as a float (negative floats below the positive ones). */
static inline float
float_of_ordinal (int64_t o)
{
  int32_t bits = o < 0 ? (int32_t) (INT32_MIN - o) : (int32_t) o;
  float x;

  memcpy (&x, &bits, sizeof x);
  return x;
}

static inline void
softplus_prepare (SoftplusCtx      *c,
                  const AxonParams *p)
{
  double beta = p->v[0], threshold = p->v[1];
  int64_t lo = -(int64_t) 0x7f800000, hi = 0x7f800000;

  c->beta = beta;
  c->inv_beta = (float) (1.0 / beta);
  /* The registry keeps beta > 0. Bisect for the last float that is not linear. */
  if (!(beta > 0) || softplus_linear (beta, threshold, -INFINITY))
    {
      c->linear_above = -INFINITY;
      return;
    }
  if (!softplus_linear (beta, threshold, INFINITY))
    {
      c->linear_above = INFINITY;
      return;
    }
  while (hi - lo > 1)
    {
      int64_t mid = lo + (hi - lo) / 2;

      if (softplus_linear (beta, threshold, float_of_ordinal (mid)))
        hi = mid;
      else
        lo = mid;
    }
  c->linear_above = float_of_ordinal (lo);
}

/* max (z, 0) + log1p (e^-|z|) with z = beta x as a pair (e^-|z| is steep), over beta. */
AXON_VFN (softplus_f, SoftplusCtx)
{
  AxonVf lo, z = axon_vsplit_double (axon_vto_double (x) * axon_vd (c->beta), &lo);
  AxonVf scale, m = axon_vexp_hl_scaled (-axon_vabs (z), -axon_vxorsign (lo, axon_vsignbit (z)),
                                         &scale);
  AxonVf e = m * scale;
  AxonVf y = (axon_vsel (z > 0.0f, z, axon_vf (0.0f)) + axon_vlog1p_unit (e)) * c->inv_beta;

  /* Below z = -20, log1p (e^z) is e^z to 1e-9: divided by beta before it is scaled. */
  y = axon_vsel (z < -20.0f, m * c->inv_beta * scale, y);

  return axon_vsel (x > c->linear_above, x, axon_vkeepnan (x, y));
}

AXON_VFN (softplus_df, SoftplusCtx)
{
  AxonVf lo, z = axon_vsplit_double (axon_vto_double (x) * axon_vd (c->beta), &lo);

  return axon_vsel (x > c->linear_above, axon_vf (1.0f), axon_vsigmoid_hl (z, lo));
}

AXON_BATCH_ACTIVATION (softplus, SoftplusCtx, softplus_prepare, softplus_f, softplus_df)

/* ---- tanh_exp ----------------------------------------------------------------------- */

/* TanhExp (Liu & Di 2020): x tanh (e^x); tanh is well conditioned, e^x in float will do.
 * Below x = -20, tanh (e^x) is e^x to 1e-18, so x e^x is formed before the scale. */
AXON_VFN (tanh_exp_f, AxonNoCtx)
{
  AxonVf scale, m = axon_vexp_hl_scaled (x, axon_vf (0.0f), &scale);
  AxonVf y = axon_vsel (x < -20.0f, x * m * scale, x * axon_vtanh (m * scale));

  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* tanh (e^x) + x e^x sech^2 (e^x); the second term is small wherever sech^2 (e^x) is
 * steep, so e^x need not be a pair. Below -20 it is e^x (1 + x). 1 beyond 40 and 0 at
 * -inf, as the float64 kernel. */
AXON_VFN (tanh_exp_df, AxonNoCtx)
{
  AxonVf xc = axon_vmin_keepnan (x, 40.0f);
  AxonVf scale, m = axon_vexp_hl_scaled (xc, axon_vf (0.0f), &scale);
  AxonVf e = m * scale;
  AxonVf y = axon_vmla (x * e, axon_vsech2_hl (e, axon_vf (0.0f), 1.0f), axon_vtanh (e));

  y = axon_vsel (x < -20.0f, m * (1.0f + x) * scale + 0.0f, y); /* +0 as tanh 0 + (-0) */
  y = axon_vsel (x > 40.0f, axon_vf (1.0f), y);
  return axon_vsel (x == -INFINITY, axon_vf (0.0f), y);
}

AXON_BATCH_ACTIVATION (tanh_exp, AxonNoCtx, axon_no_ctx_prepare, tanh_exp_f, tanh_exp_df)

/* ---- square roots --------------------------------------------------------------------- */

/* sqrt (x^2 + a2) without overflow: beyond 2^60 it is |x| in float (a2 <= 1e4). */
AXON_VINLINE AxonVf
hypot_small (AxonVf x,
             float  a2)
{
  AxonVf ax = axon_vabs (x);

  return axon_vsel (ax > 0x1p60f, ax, axon_vsqrt (axon_vmla (x, x, axon_vf (a2))));
}

/* Squareplus (So 2021): (x + h) / 2, h = sqrt (x^2 + b); for x < 0 that cancels, so it is
 * (b/2) / (h + |x|) there, as the float64 kernel. */
typedef struct
{
  float b;
} SquarePlusCtx;

static inline void
square_plus_prepare (SquarePlusCtx    *c,
                     const AxonParams *p)
{
  c->b = (float) p->v[0];
}

AXON_VFN (square_plus_f, SquarePlusCtx)
{
  AxonVf h = hypot_small (x, c->b);

  /* Halved before adding, so neither sum overflows near FLT_MAX. */
  return axon_vsel (x >= 0.0f, axon_vmla (axon_vf (0.5f), x, 0.5f * h),
                    (0.25f * c->b) / axon_vmla (axon_vf (0.5f), axon_vabs (x), 0.5f * h));
}

/* (1 + x/h) / 2, and (b/2) / (h (h + |x|)) for x < 0; 1 at +inf, 1/2 where h = 0. */
AXON_VFN (square_plus_df, SquarePlusCtx)
{
  AxonVf h = hypot_small (x, c->b);
  AxonVf pos = 0.5f * (1.0f + x / h);
  AxonVf neg = ((0.25f * c->b) / h) / axon_vmla (axon_vf (0.5f), axon_vabs (x), 0.5f * h);
  AxonVf y = axon_vsel (x >= 0.0f, pos, neg);

  y = axon_vsel (h == 0.0f, axon_vf (0.5f), y);
  return axon_vsel (x == INFINITY, axon_vf (1.0f), axon_vkeepnan (x, y));
}

AXON_BATCH_ACTIVATION (square_plus, SquarePlusCtx, square_plus_prepare, square_plus_f,
                       square_plus_df)

/* (sqrt (x^2 + 1) - 1) / 2 + x; for |x| <= 1 the difference is x^2 / (2 (h + 1)), which
 * keeps its digits near 0. */
AXON_VFN (bent_identity_f, AxonNoCtx)
{
  AxonVf h = hypot_small (x, 1.0f);
  AxonVf near = x * x / (2.0f * (h + 1.0f)) + x;
  AxonVf far = (h - 1.0f) * 0.5f + x;
  AxonVf y = axon_vsel (axon_vabs (x) <= 1.0f, near, far);

  return axon_vsel (axon_visinf (x), x, y);
}

AXON_VFN (bent_identity_df, AxonNoCtx)
{
  AxonVf y = axon_vmla (axon_vf (0.5f), x / hypot_small (x, 1.0f), axon_vf (1.0f));

  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.5f), axon_vf (0.5f)), y);
}

AXON_BATCH_ACTIVATION (bent_identity, AxonNoCtx, axon_no_ctx_prepare, bent_identity_f,
                       bent_identity_df)
