/* axon-batch-sigmoid.c: float32 batch kernels of the bounded, S-shaped activations.
 *
 * sigmoid, log_sigmoid, tanh, tanhshrink, softsign, lecun_tanh, arctan,
 * symmetrical_sigmoid, isru, isrlu, log_log, exp_tanh, exponential. As in the float64
 * kernels, derivatives go through sech^2 = 4E / (1 + E)^2 and sigma (x) sigma (-x) =
 * E / (1 + E)^2, never 1 - y^2 or y (1 - y), which cancel in the tails.
 */
#include "axon-batch-math.h"

/* ---- sigmoid, log_sigmoid --------------------------------------------------------- */

AXON_VFN (sigmoid_f, AxonNoCtx)
{
  return axon_vsigmoid (x);
}

AXON_VFN (sigmoid_df, AxonNoCtx)
{
  return axon_vdsigmoid_hl (x, axon_vf (0.0f));
}

AXON_BATCH_ACTIVATION (sigmoid, AxonNoCtx, axon_no_ctx_prepare, sigmoid_f, sigmoid_df)

/* -softplus (-x) = min (x, 0) - log1p (e^-|x|). */
AXON_VFN (log_sigmoid_f, AxonNoCtx)
{
  AxonVf l = axon_vlog1p_unit (axon_vexp (-axon_vabs (x)));

  return axon_vkeepnan (x, axon_vsel (x < 0.0f, x, axon_vf (0.0f)) - l);
}

/* sigma (-x). */
AXON_VFN (log_sigmoid_df, AxonNoCtx)
{
  return axon_vsigmoid (-x);
}

AXON_BATCH_ACTIVATION (log_sigmoid, AxonNoCtx, axon_no_ctx_prepare, log_sigmoid_f,
                       log_sigmoid_df)

/* ---- tanh and its scaled forms ---------------------------------------------------- */

AXON_VFN (tanh_f, AxonNoCtx)
{
  return axon_vtanh (x);
}

AXON_VFN (tanh_df, AxonNoCtx)
{
  return axon_vsech2_hl (x, axon_vf (0.0f), 1.0f);
}

AXON_BATCH_ACTIVATION (tanh, AxonNoCtx, axon_no_ctx_prepare, tanh_f, tanh_df)

/* tanh (x/2); x/2 is exact (or the same rounding into the subnormals as in double). */
AXON_VFN (symmetrical_sigmoid_f, AxonNoCtx)
{
  return axon_vtanh (0.5f * x);
}

AXON_VFN (symmetrical_sigmoid_df, AxonNoCtx)
{
  return axon_vsech2_hl (0.5f * x, axon_vf (0.0f), 0.5f);
}

AXON_BATCH_ACTIVATION (symmetrical_sigmoid, AxonNoCtx, axon_no_ctx_prepare,
                       symmetrical_sigmoid_f, symmetrical_sigmoid_df)

/* LeCun et al., Efficient BackProp (1998): 1.7159 tanh (2x/3), as axon-sigmoid-family.c. */
#define LECUN_A 0x1.b74538ef34d6ap+0 /* 1.7159 */
#define LECUN_B 0x1.5555555555555p-1 /* 2/3 */

/* tanh is well conditioned, so 2x/3 may be rounded to float. */
AXON_VFN (lecun_tanh_f, AxonNoCtx)
{
  return (float) LECUN_A * axon_vtanh (x * (float) LECUN_B);
}

/* sech^2 (u) is not (its error is 2|u| times that of u): u = 2x/3 as a float pair. */
AXON_VFN (lecun_tanh_df, AxonNoCtx)
{
  AxonVf lo, hi = axon_vsplit_double (axon_vto_double (x) * axon_vd (LECUN_B), &lo);

  return axon_vsech2_hl (hi, lo, (float) (LECUN_A * LECUN_B));
}

AXON_BATCH_ACTIVATION (lecun_tanh, AxonNoCtx, axon_no_ctx_prepare, lecun_tanh_f,
                       lecun_tanh_df)

/* Fit: (x - tanh x) / x^3 as a polynomial in x^2 for |x| <= 1; 2 ulp. */
static const float tanhshrink_poly[] = {
  -0x1.2b7582p-13f, 0x1.e42e3p-11f, -0x1.a45278p-9f, 0x1.1d02d6p-7f,
  -0x1.65a7c4p-6f, 0x1.ba117cp-5f, -0x1.1110f2p-3f, 0x1.555556p-2f,
};

/* x - tanh x. Below |x| = 1 the polynomial; above, x - tanh x = (x - 1) + 2E / (1 + E) with
 * E = e^-2|x|: two positive terms, and x - 1 is exact up to 2, so nothing cancels. */
AXON_VFN (tanhshrink_f, AxonNoCtx)
{
  AxonVf ax = axon_vabs (x), z = x * x, small, e, large;

  small = axon_vpoly (z, tanhshrink_poly, G_N_ELEMENTS (tanhshrink_poly)) * z * x;
  e = axon_vexp (-2.0f * ax);
  large = axon_vwithsign ((ax - 1.0f) + 2.0f * e / (1.0f + e), axon_vsignbit (x));
  return axon_vsel (ax < 1.0f, small, large);
}

/* 1 - sech^2 x = tanh^2 x. */
AXON_VFN (tanhshrink_df, AxonNoCtx)
{
  AxonVf t = axon_vtanh (x);

  return t * t;
}

AXON_BATCH_ACTIVATION (tanhshrink, AxonNoCtx, axon_no_ctx_prepare, tanhshrink_f,
                       tanhshrink_df)

/* ---- algebraic ones --------------------------------------------------------------- */

/* x / (1 + |x|), +-1 at +-inf. */
AXON_VFN (softsign_f, AxonNoCtx)
{
  AxonVf y = x / (1.0f + axon_vabs (x));

  return axon_vsel (axon_visinf (x), axon_vwithsign (axon_vf (1.0f), axon_vsignbit (x)), y);
}

/* 1 / (1 + |x|)^2 as a square of the reciprocal, which does not overflow. */
AXON_VFN (softsign_df, AxonNoCtx)
{
  AxonVf r = 1.0f / (1.0f + axon_vabs (x));

  return r * r;
}

AXON_BATCH_ACTIVATION (softsign, AxonNoCtx, axon_no_ctx_prepare, softsign_f, softsign_df)

AXON_VFN (arctan_f, AxonNoCtx)
{
  return axon_vatan (x);
}

/* 1 / (1 + x^2); beyond 2^32 that is (1/x)^2, which keeps its digits where x^2 would
 * overflow. */
AXON_VFN (arctan_df, AxonNoCtx)
{
  AxonVf r = 1.0f / x;

  return axon_vsel (axon_vabs (x) > 0x1p32f, r * r, 1.0f / (1.0f + x * x));
}

AXON_BATCH_ACTIVATION (arctan, AxonNoCtx, axon_no_ctx_prepare, arctan_f, arctan_df)

/* x / sqrt (1 + alpha x^2) = x / hypot (1, t), t = sqrt (alpha) x. */
typedef struct
{
  float sa;     /* sqrt (alpha) */
  float inv_sa; /* 1 / sqrt (alpha): the limit at +-inf (inf for alpha = 0) */
} IsruCtx;

static inline void
isru_prepare (IsruCtx          *c,
              const AxonParams *p)
{
  double sa = sqrt (p->v[0]);

  c->sa = (float) sa;
  c->inv_sa = (float) (1.0 / sa);
}

/* 1 / hypot (1, t). For |t| >= 2^31, hypot (1, t) is |t| in float and t^2 would overflow
 * further out, so the reciprocal is 1 / |t| there. */
AXON_VINLINE AxonVf
isru_rh (AxonVf        x,
         const IsruCtx *c)
{
  AxonVf t = x * c->sa;

  return axon_vsel (axon_vabs (t) >= 0x1p31f, 1.0f / axon_vabs (t),
                    1.0f / axon_vsqrt (1.0f + t * t));
}

AXON_VFN (isru_f, IsruCtx)
{
  AxonVf y = x * isru_rh (x, c);

  /* Where |t| is huge (or x infinite), the value is +-1/sqrt (alpha) itself. */
  return axon_vsel (axon_vabs (x * c->sa) >= 0x1p31f,
                    axon_vwithsign (axon_vf (c->inv_sa), axon_vsignbit (x)), y);
}

AXON_VFN (isru_df, IsruCtx)
{
  AxonVf r = isru_rh (x, c);

  return r * r * r;
}

AXON_BATCH_ACTIVATION (isru, IsruCtx, isru_prepare, isru_f, isru_df)

/* x for x >= 0 (and NaN), isru below. */
AXON_VFN (isrlu_f, IsruCtx)
{
  return axon_vsel (x < 0.0f, isru_f (x, c), x);
}

AXON_VFN (isrlu_df, IsruCtx)
{
  return axon_vsel (x < 0.0f, isru_df (x, c), axon_vkeepnan (x, axon_vf (1.0f)));
}

AXON_BATCH_ACTIVATION (isrlu, IsruCtx, isru_prepare, isrlu_f, isrlu_df)

/* ---- double exponentials ---------------------------------------------------------- */

/* 1 - exp (-e^x) = -expm1 (-e^x), which is about e^x for x << 0. */
AXON_VFN (log_log_f, AxonNoCtx)
{
  return -axon_vexpm1_neg (-axon_vexp (x));
}

/* exp (x - e^x): the exponent in double, since an error of e^x in the exponent is an
 * error of e^x ulp in the result. Beyond x = 5 the value underflows (and +inf gives 0). */
AXON_VFN (log_log_df, AxonNoCtx)
{
  AxonVf xc = axon_vmin_keepnan (axon_vmax_keepnan (x, -200.0f), 6.0f);
  AxonVd xd = axon_vto_double (xc);
  AxonVd w = xd - axon_vexp_double (xd);
  AxonVf lo, hi = axon_vsplit_double (w, &lo);

  return axon_vexp_hl (hi, lo);
}

AXON_BATCH_ACTIVATION (log_log, AxonNoCtx, axon_no_ctx_prepare, log_log_f, log_log_df)

/* tanh (e^x): tanh is well conditioned, e^x in float will do. */
AXON_VFN (exp_tanh_f, AxonNoCtx)
{
  return axon_vtanh (axon_vexp (x));
}

/* e^x sech^2 (e^x) = 4 exp (x - 2e^x) / (1 + E)^2, E = exp (-2e^x): folding e^x into the
 * exponent keeps the digits where the value is subnormal, and x - 2e^x is taken in double
 * (an error of e^x in it is an error of 2e^x ulp). Beyond 40 the value underflows. */
AXON_VFN (exp_tanh_df, AxonNoCtx)
{
  AxonVf xc = axon_vmin_keepnan (axon_vmax_keepnan (x, -110.0f), 40.0f);
  AxonVd xd = axon_vto_double (xc), e = axon_vexp_double (xd);
  AxonVf e_lo, e_hi = axon_vsplit_double (e, &e_lo);
  AxonVf w_lo, w_hi = axon_vsplit_double (xd - 2.0 * e, &w_lo);
  AxonVf d = 1.0f + axon_vexp_hl (-2.0f * e_hi, -2.0f * e_lo);
  AxonVexp ew = axon_vexp_split (w_hi, w_lo, 1);
  AxonVf y = axon_vexp_apply (4.0f * ew.m / (d * d), ew);

  return axon_vsel (x > 40.0f, axon_vf (0.0f), y);
}

AXON_BATCH_ACTIVATION (exp_tanh, AxonNoCtx, axon_no_ctx_prepare, exp_tanh_f, exp_tanh_df)

AXON_VFN (exponential_f, AxonNoCtx)
{
  return axon_vexp (x);
}

AXON_BATCH_ACTIVATION (exponential, AxonNoCtx, axon_no_ctx_prepare, exponential_f,
                       exponential_f)
