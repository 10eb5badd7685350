/* axon-batch-smooth.c: float32 batch kernels of the smooth rectifiers.
 *
 * gelu, gelu_tanh, swish, mish, softplus, tanh_exp, square_plus, bent_identity. As in the
 * float64 kernels, the factor that goes to 0 for x -> -inf is computed directly (erfc,
 * e^x, sigmoid of a negative number), never as 1 - (nearly 1); arguments of exponentials
 * that are products (beta x, x^2 / 2, the cubic of gelu_tanh) come as float pairs, so their
 * rounding is not multiplied by the size of the exponent; where that factor is tiny and
 * multiplied by x, the power of two of the exponential is applied last, so the result is
 * rounded once also in the subnormals; -inf * 0 gives the limit.
 */
#include "axon-batch-math.h"

/* Where e (from axon_vexp_split) is tiny, y still lacks its power of two: apply it there. */
AXON_VINLINE AxonVf
apply_where (AxonVi   tiny,
             AxonVf   y,
             AxonVexp e)
{
  return axon_vsel (tiny, axon_vexp_apply (y, e), y);
}

/* ---- gelu ----------------------------------------------------------------------- */

#define INV_SQRT2_F    0x1.6a09e6p-1f /* 1/sqrt (2) */
#define INV_SQRT_2PI_F 0x1.988454p-2f /* 1/sqrt (2 pi) */

/* Fit: erfc (z) e^(z^2) = P (z) / Q (z) for 0 <= z <= 10.5, P of degree 5 and Q of degree 6
 * (a rational fit with mpmath at 50 digits, iterated to near minimax, 0.002 units of 2^-24
 * before rounding); all coefficients positive, so Horner's rule stays accurate. */
static const float erfcx_p_half[] = { /* P / 2 */
  0x1.51f61p-8f, 0x1.845408p-5f, 0x1.a2522ep-3f, 0x1.02c108p-1f, 0x1.7131fap-1f, 0x1p-1f,
};
static const float erfcx_q[] = {
  0x1.2b82b8p-6f, 0x1.58252p-3f, 0x1.776ae8p-1f, 0x1.e01274p+0f, 0x1.74a5d6p+1f,
  0x1.4907b8p+1f, 0x1p+0f,
};

/* Phi (x) = erfc (-x/sqrt 2) / 2 through q = erfc (z) / 2 = e^(-z^2) erfcx (z) / 2,
 * z = |x| / sqrt 2: Phi = q for x < 0 and 1 - q for x >= 0, so the left tail is never
 * 1 - (nearly 1). e^(-x^2/2) takes x^2 as an exact pair; on the left the kernels form
 * e.m erfcx (z) / 2 times x and apply the power of two of e last. */
typedef struct
{
  AxonVexp e;     /* e^(-x^2/2) */
  AxonVf axc;     /* |x| clamped to 20, where Phi (-|x|) is 0 already */
  AxonVf half_r;  /* erfcx (z) / 2 */
  AxonVf right;   /* Phi (x) for x >= 0: 1 - q */
  AxonVf pdf;     /* phi (x) = e^(-x^2/2) / sqrt (2 pi) */
} GeluParts;

AXON_VINLINE void
gelu_parts (AxonVf     x,
            GeluParts *g)
{
  /* e^-200 is 0 in float; the clamp keeps x^2 finite and P (z), Q (z) in their range. */
  AxonVf axc = axon_vmin_keepnan (axon_vabs (x), 20.0f);
  AxonVf z = axc * INV_SQRT2_F, sq_lo, sq, e2;

  g->axc = axc;
  sq = axon_vtwo_prod (axc, axc, &sq_lo);
  g->e = axon_vexp_split_ex (-0.5f * sq, -0.5f * sq_lo, 1, 1); /* in [-200, 0] */
  e2 = axon_vexp_value (g->e);
  g->half_r = axon_vpoly (z, erfcx_p_half, G_N_ELEMENTS (erfcx_p_half))
              / axon_vpoly (z, erfcx_q, G_N_ELEMENTS (erfcx_q));
  g->right = 1.0f - e2 * g->half_r;
  g->pdf = e2 * INV_SQRT_2PI_F;
}

/* x Phi (x). On the left x is taken clamped to -20, where Phi is 0 already, so that -inf
 * gives -0 (as the float64 kernel) and not -inf * 0. */
AXON_VFN (gelu_f, AxonNoCtx)
{
  GeluParts g;
  AxonVf left;

  gelu_parts (x, &g);
  left = axon_vexp_apply (-(g.axc * (g.e.m * g.half_r)), g.e);
  return axon_vsel (x < 0.0f, left, x * g.right);
}

/* Phi (x) + x phi (x) = e^(-x^2/2) (erfcx (z) / 2 + x / sqrt (2 pi)) for x < 0; 1 and 0 at
 * +-inf. (+ 0: the float64 sum is +0 where both terms vanish.) */
AXON_VFN (gelu_df, AxonNoCtx)
{
  GeluParts g;
  AxonVi neg = x < 0.0f;
  AxonVf left, y;

  gelu_parts (x, &g);
  left = axon_vexp_apply (g.e.m * axon_vmla (x, axon_vf (INV_SQRT_2PI_F), g.half_r), g.e);
  y = axon_vsel (neg, left + 0.0f, axon_vmla (x, g.pdf, g.right));
  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f)), y);
}

AXON_BATCH_ACTIVATION (gelu, AxonNoCtx, axon_no_ctx_prepare, gelu_f, gelu_df)

/* ---- the sigmoid gates -------------------------------------------------------------- */

/* s = sigma (v) and sn = sigma (-v) of v = hi + lo from one E = e^-|v|. For v < 0, s is
 * tiny and is multiplied by large numbers before it is finished: s lacks the power of two
 * of E there, which sigmoid_finish applies. */
typedef struct
{
  AxonVexp e;
  AxonVi neg;
  AxonVf s, sn, big_e;
} SigmoidPair;

AXON_VINLINE void
sigmoid_pair (AxonVf       hi,
              AxonVf       lo,
              SigmoidPair *sp)
{
  AxonVi pos;
  AxonVf q;

  sp->e = axon_vexp_neg_abs (hi, lo, &pos);
  sp->neg = ~pos;
  sp->big_e = axon_vexp_value (sp->e);
  q = 1.0f / (1.0f + sp->big_e);
  sp->sn = axon_vsel (pos, sp->big_e * q, q);
  sp->s = axon_vsel (pos, q, sp->e.m * q);
}

AXON_VINLINE AxonVf
sigmoid_finish (const SigmoidPair *sp,
                AxonVf             y)
{
  return apply_where (sp->neg, y, sp->e);
}

/* ---- gelu_tanh ------------------------------------------------------------------- */

#define SQRT_2_OVER_PI 0x1.9884533d43651p-1 /* sqrt (2/pi) = 0.7978845608028654 */
#define GELU_TANH_C    0.044715             /* Hendrycks & Gimpel's cubic coefficient */

/* 2u = 2 sqrt (2/pi) (x + 0.044715 x^3) in double, as a float pair: e^-|2u| is steep. */
AXON_VINLINE AxonVf
gelu_tanh_2u (AxonVf  x,
              AxonVf *lo)
{
  AxonVd xd = axon_vto_double (x);
  AxonVd u = axon_vd (2.0 * SQRT_2_OVER_PI) * (xd + axon_vd (GELU_TANH_C) * xd * xd * xd);

  return axon_vsplit_double (u, lo);
}

/* 0.5 x (1 + tanh u) = x sigma (2u), without the cancellation of 1 + tanh u for x < 0. */
AXON_VFN (gelu_tanh_f, AxonNoCtx)
{
  AxonVf lo, hi = gelu_tanh_2u (x, &lo);
  AxonVf y = axon_vmul_sigmoid_hl (x, hi, lo);

  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* s + 2x s sn u' = s (1 + 2x sn u'), s = sigma (2u), sn = sigma (-2u); s where either
 * sigmoid underflows (the float64 kernel does the same, avoiding 0 * huge x^2). */
AXON_VFN (gelu_tanh_df, AxonNoCtx)
{
  AxonVf lo, hi = gelu_tanh_2u (x, &lo);
  SigmoidPair sp;
  AxonVf du, y, s;

  sigmoid_pair (hi, lo, &sp);
  du = (float) SQRT_2_OVER_PI * axon_vmla (axon_vf ((float) (3.0 * GELU_TANH_C)), x * x,
                                          axon_vf (1.0f));
  y = sigmoid_finish (&sp, sp.s * axon_vmla (2.0f * x * sp.sn, du, axon_vf (1.0f)));
  s = sigmoid_finish (&sp, sp.s);
  y = axon_vsel ((sp.big_e == 0.0f) | (sp.sn == 0.0f), s, y);
  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f)), y);
}

AXON_BATCH_ACTIVATION (gelu_tanh, AxonNoCtx, axon_no_ctx_prepare, gelu_tanh_f, gelu_tanh_df)

/* ---- swish ------------------------------------------------------------------------ */

typedef struct
{
  double beta;
  float beta_f;
  int one;  /* beta = 1 (SiLU): beta x is x itself */
  int zero; /* beta = 0: x/2 */
} BetaCtx;

static inline void
beta_prepare (BetaCtx          *c,
              const AxonParams *p)
{
  c->beta = p->v[0];
  c->beta_f = (float) p->v[0];
  c->one = p->v[0] == 1;
  c->zero = p->v[0] == 0;
}

/* beta x as a float pair (exactly x when beta = 1). */
AXON_VINLINE AxonVf
beta_times (AxonVf         x,
            const BetaCtx *c,
            AxonVf        *lo)
{
  if (c->one)
    {
      *lo = axon_vf (0.0f);
      return x;
    }
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
  SigmoidPair sp;
  AxonVf bxc, y, at_inf;

  sigmoid_pair (bx, lo, &sp);
  /* bx may be +-inf in float where beta x is finite; sn is 0 there, and so is the term. */
  bxc = axon_vmin_keepnan (axon_vmax_keepnan (bx, -1e30f), 1e30f);
  y = sigmoid_finish (&sp, sp.s * axon_vmla (bxc, sp.sn, axon_vf (1.0f)));
  at_inf = c->zero ? axon_vf (0.5f) : axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f));
  return axon_vsel (axon_visinf (x), at_inf, y);
}

AXON_BATCH_ACTIVATION (swish, BetaCtx, beta_prepare, swish_f, swish_df)

/* ---- mish --------------------------------------------------------------------------- */

/* Mish (Misra 2019): x tanh (softplus x), written as in axon-smooth-relu.c with E = e^-|x|:
 * for x > 0, t = (1 + 2E) / (1 + 2E + 2E^2), d = 1 - t^2 = 4E^2 (1 + E)^2 / (1 + 2E + 2E^2)^2,
 * sigma = 1 / (1 + E); for x <= 0 with n = E (E + 2), t = n / (n + 2),
 * d = 4 (n + 1) / (n + 2)^2, sigma = E / (1 + E). Nothing overflows and nothing cancels.
 * For x <= 0, t and sigma are tiny with E: they lack its power of two, applied last. */
typedef struct
{
  AxonVexp e;
  AxonVi neg;
  AxonVf t, d, sg;
} MishParts;

AXON_VINLINE void
mish_parts (AxonVf     x,
            MishParts *mp,
            int        want_d)
{
  AxonVf e, n, qp, t_num, t_den;
  AxonVi pos = x > 0.0f;

  mp->e = axon_vexp_split (-axon_vabs (x), x, 0);
  mp->neg = ~pos;
  e = axon_vexp_value (mp->e);
  n = e * (e + 2.0f);
  qp = axon_vmla (2.0f * e, e, 1.0f + 2.0f * e);
  t_num = axon_vsel (pos, 1.0f + 2.0f * e, mp->e.m * (e + 2.0f));
  t_den = axon_vsel (pos, qp, n + 2.0f);
  mp->t = t_num / t_den;
  if (want_d)
    {
      AxonVf ep = e * (1.0f + e);
      AxonVf d_num = axon_vsel (pos, 4.0f * ep * ep, 4.0f * (n + 1.0f));

      mp->d = d_num / (t_den * t_den);
      mp->sg = axon_vsel (pos, axon_vf (1.0f), mp->e.m) / (1.0f + e);
    }
}

AXON_VFN (mish_f, AxonNoCtx)
{
  MishParts mp;
  AxonVf y;

  mish_parts (x, &mp, 0);
  y = apply_where (mp.neg, x * mp.t, mp.e);
  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* t + x sigma (x) (1 - t^2). */
AXON_VFN (mish_df, AxonNoCtx)
{
  MishParts mp;
  AxonVf y;

  mish_parts (x, &mp, 1);
  y = apply_where (mp.neg, axon_vmla (x * mp.sg, mp.d, mp.t), mp.e);
  return axon_vsel (axon_visinf (x), axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vf (0.0f)), y);
}

AXON_BATCH_ACTIVATION (mish, AxonNoCtx, axon_no_ctx_prepare, mish_f, mish_df)

/* ---- softplus --------------------------------------------------------------------- */

/* torch.nn.Softplus: log (1 + e^(beta x)) / beta, and x once beta x > threshold. That
 * decision is the float64 kernel's: beta x is monotonic in x, so "beta x > threshold" is
 * "x > the last float where it is not", found once per call. */
typedef struct
{
  BetaCtx beta;
  float inv_beta;
  float linear_above;
} SoftplusCtx;

static int
softplus_not_linear (float       x,
                     const void *data)
{
  const AxonParams *p = data;

  return !(p->v[0] * x > p->v[1]);
}

static inline void
softplus_prepare (SoftplusCtx      *c,
                  const AxonParams *p)
{
  beta_prepare (&c->beta, p);
  c->inv_beta = (float) (1.0 / p->v[0]);
  /* The registry keeps beta > 0, so the predicate is monotonic. */
  c->linear_above = p->v[0] > 0 ? axon_float_last (softplus_not_linear, p) : -INFINITY;
}

/* max (z, 0) + log1p (e^-|z|) with z = beta x as a pair (e^-|z| is steep), over beta. */
AXON_VFN (softplus_f, SoftplusCtx)
{
  AxonVf lo, z = beta_times (x, &c->beta, &lo), e, y;
  AxonVi pos;
  AxonVexp ex = axon_vexp_neg_abs (z, lo, &pos);

  e = axon_vexp_value (ex);
  y = (axon_vsel (pos, z, axon_vf (0.0f)) + axon_vlog1p_unit (e)) * c->inv_beta;
  /* Below z = -20, log1p (e^z) is e^z to 1e-9: divided by beta before it is scaled. */
  y = axon_vsel (z < -20.0f, axon_vexp_apply (ex.m * c->inv_beta, ex), y);
  return axon_vsel (x > c->linear_above, x, axon_vkeepnan (x, y));
}

AXON_VFN (softplus_df, SoftplusCtx)
{
  AxonVf lo, z = beta_times (x, &c->beta, &lo);

  return axon_vsel (x > c->linear_above, axon_vf (1.0f), axon_vsigmoid_hl (z, lo));
}

AXON_BATCH_ACTIVATION (softplus, SoftplusCtx, softplus_prepare, softplus_f, softplus_df)

/* ---- tanh_exp ----------------------------------------------------------------------- */

/* TanhExp (Liu & Di 2020): x tanh (e^x); tanh is well conditioned, e^x in float will do.
 * Below x = -20, tanh (e^x) is e^x to 1e-18, so x e^x is formed before the power of two. */
AXON_VFN (tanh_exp_f, AxonNoCtx)
{
  AxonVexp e = axon_vexp_split (x, x, 0);
  AxonVi tiny = x < -20.0f;
  AxonVf y = x * axon_vsel (tiny, e.m, axon_vtanh (axon_vexp_value (e)));

  y = apply_where (tiny, y, e);
  return axon_vsel (x == -INFINITY, axon_vf (-0.0f), y);
}

/* tanh (e^x) + x e^x sech^2 (e^x), tanh and sech^2 from one exp; the second term is small
 * wherever sech^2 (e^x) is steep, so e^x need not be a pair. Below -20 it is e^x (1 + x).
 * 1 beyond 40 and 0 at -inf, as the float64 kernel. */
AXON_VFN (tanh_exp_df, AxonNoCtx)
{
  AxonVexp e = axon_vexp_split (axon_vmin_keepnan (x, 40.0f), x, 0);
  AxonVi tiny = x < -20.0f;
  AxonVf ex = axon_vexp_value (e), s2, t = axon_vtanh_sech2 (ex, &s2);
  AxonVf y = axon_vsel (tiny, e.m * (1.0f + x), axon_vmla (x * ex, s2, t));

  y = apply_where (tiny, y, e) + 0.0f; /* +0 as tanh 0 + (-0) */
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
