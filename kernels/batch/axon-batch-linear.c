/* axon-batch-linear.c: float32 batch kernels of the piecewise activations.
 *
 * identity, step, signum, threshold, absolute, relu, relu6, leaky_relu, prelu, rrelu,
 * squared_relu, leaky_relu6, srelu, hard_sigmoid, hard_tanh, softshrink, hardshrink,
 * hard_swish, hard_mish, sparse_plus. They are memory-bound, so each is a compare and a
 * blend or two. Every branch decision is the float64 kernel's own (the double thresholds
 * become the neighbouring floats, see axon_float_down); the values are the float64 ones
 * rounded, or 1 ulp from them.
 */
#include "axon-batch-simd.h"

/* ---- identity, step, signum, absolute ------------------------------------------- */

AXON_VFN (identity_f, AxonNoCtx)
{
  return x;
}

AXON_VFN (identity_df, AxonNoCtx)
{
  return axon_vkeepnan (x, axon_vf (1.0f));
}

AXON_BATCH_ACTIVATION (identity, AxonNoCtx, axon_no_ctx_prepare, identity_f, identity_df)

/* Derivative 0 everywhere but NaN, for step and signum. */
AXON_VFN (flat_df, AxonNoCtx)
{
  return axon_vkeepnan (x, axon_vf (0.0f));
}

/* H(0) = 1, also at -0. */
AXON_VFN (step_f, AxonNoCtx)
{
  return axon_vkeepnan (x, axon_vsel (x < 0.0f, axon_vf (0.0f), axon_vf (1.0f)));
}

AXON_BATCH_ACTIVATION (step, AxonNoCtx, axon_no_ctx_prepare, step_f, flat_df)

/* sign (+-0) = +-0, NaN stays NaN. */
AXON_VFN (signum_f, AxonNoCtx)
{
  return axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vsel (x < 0.0f, axon_vf (-1.0f), x));
}

AXON_BATCH_ACTIVATION (signum, AxonNoCtx, axon_no_ctx_prepare, signum_f, flat_df)

AXON_VFN (absolute_f, AxonNoCtx)
{
  return axon_vabs (x);
}

/* abs'(0) = 0, as torch.abs's backward. */
AXON_VFN (absolute_df, AxonNoCtx)
{
  return axon_vsel (x > 0.0f, axon_vf (1.0f),
                    axon_vsel (x < 0.0f, axon_vf (-1.0f), axon_vkeepnan (x, axon_vf (0.0f))));
}

AXON_BATCH_ACTIVATION (absolute, AxonNoCtx, axon_no_ctx_prepare, absolute_f, absolute_df)

/* ---- threshold ------------------------------------------------------------------ */

typedef struct
{
  float above; /* x > threshold  <=>  x > above */
  float value;
} ThresholdCtx;

static inline void
threshold_prepare (ThresholdCtx     *c,
                   const AxonParams *p)
{
  c->above = axon_float_down (p->v[0]);
  c->value = (float) p->v[1];
}

AXON_VFN (threshold_f, ThresholdCtx)
{
  return axon_vsel (x > c->above, x, axon_vkeepnan (x, axon_vf (c->value)));
}

AXON_VFN (threshold_df, ThresholdCtx)
{
  return axon_vsel (x > c->above, axon_vf (1.0f), axon_vkeepnan (x, axon_vf (0.0f)));
}

AXON_BATCH_ACTIVATION (threshold, ThresholdCtx, threshold_prepare, threshold_f, threshold_df)

/* ---- the rectifiers ------------------------------------------------------------- */

/* relu (-0) = +0 as the float64 kernel; NaN fails x <= 0 and stays. */
AXON_VFN (relu_f, AxonNoCtx)
{
  return axon_vsel (x <= 0.0f, axon_vf (0.0f), x);
}

/* relu'(0) = 0. */
AXON_VFN (relu_df, AxonNoCtx)
{
  return axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vkeepnan (x, axon_vf (0.0f)));
}

AXON_BATCH_ACTIVATION (relu, AxonNoCtx, axon_no_ctx_prepare, relu_f, relu_df)

AXON_VFN (relu6_f, AxonNoCtx)
{
  return axon_vsel (x <= 0.0f, axon_vf (0.0f), axon_vsel (x >= 6.0f, axon_vf (6.0f), x));
}

/* Gradient 0 at both corners. */
AXON_VFN (relu6_df, AxonNoCtx)
{
  return axon_vsel ((x > 0.0f) & (x < 6.0f), axon_vf (1.0f), axon_vkeepnan (x, axon_vf (0.0f)));
}

AXON_BATCH_ACTIVATION (relu6, AxonNoCtx, axon_no_ctx_prepare, relu6_f, relu6_df)

AXON_VFN (squared_relu_f, AxonNoCtx)
{
  return axon_vsel (x <= 0.0f, axon_vf (0.0f), x * x);
}

AXON_VFN (squared_relu_df, AxonNoCtx)
{
  return axon_vsel (x <= 0.0f, axon_vf (0.0f), x + x);
}

AXON_BATCH_ACTIVATION (squared_relu, AxonNoCtx, axon_no_ctx_prepare, squared_relu_f,
                       squared_relu_df)

/* The negative-side slope of leaky_relu, prelu, rrelu, leaky_relu6, rounded to float: x
 * times it is within 1 ulp of the double product rounded, and as fast as relu. */
typedef struct
{
  float slope_f;
  int zero; /* slope 0: the result is +0, also for -0 and -inf (not 0 * -inf) */
} SlopeCtx;

static inline void
slope_prepare_value (SlopeCtx *c,
                     double    slope)
{
  c->slope_f = (float) slope;
  c->zero = slope == 0;
}

static inline void
slope_prepare (SlopeCtx         *c,
               const AxonParams *p)
{
  slope_prepare_value (c, p->v[0]);
}

/* Evaluation mode of torch.nn.RReLU: the mean slope. */
static inline void
rrelu_prepare (SlopeCtx         *c,
               const AxonParams *p)
{
  slope_prepare_value (c, 0.5 * (p->v[0] + p->v[1]));
}

AXON_VFN (leaky_f, SlopeCtx)
{
  if (c->zero)
    return relu_f (x, NULL);
  return axon_vsel (x > 0.0f, x, x * c->slope_f);
}

/* leaky'(0) = slope. */
AXON_VFN (leaky_df, SlopeCtx)
{
  return axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vkeepnan (x, axon_vf (c->slope_f)));
}

AXON_BATCH_ACTIVATION (leaky_relu, SlopeCtx, slope_prepare, leaky_f, leaky_df)
AXON_BATCH_ACTIVATION (prelu, SlopeCtx, slope_prepare, leaky_f, leaky_df)
AXON_BATCH_ACTIVATION (rrelu, SlopeCtx, rrelu_prepare, leaky_f, leaky_df)

AXON_VFN (leaky_relu6_f, SlopeCtx)
{
  return axon_vsel (x >= 6.0f, axon_vf (6.0f), leaky_f (x, c));
}

AXON_VFN (leaky_relu6_df, SlopeCtx)
{
  return axon_vsel (x >= 6.0f, axon_vf (0.0f), leaky_df (x, c));
}

AXON_BATCH_ACTIVATION (leaky_relu6, SlopeCtx, slope_prepare, leaky_relu6_f, leaky_relu6_df)

/* S-shaped ReLU: params t_left, a_left, t_right, a_right. The branch decisions are the
 * float64 kernel's; the outer pieces t + a (x - t) are evaluated in float (1 ulp each). */
typedef struct
{
  double tl, al, tr, ar;
  float tl_f, al_f, tr_f, ar_f;
  float below; /* x < t_left  <=>  x < below */
  float above; /* x > t_right <=>  x > above */
} SreluCtx;

static inline void
srelu_prepare (SreluCtx         *c,
               const AxonParams *p)
{
  c->tl = p->v[0];
  c->al = p->v[1];
  c->tr = p->v[2];
  c->ar = p->v[3];
  c->tl_f = (float) c->tl;
  c->al_f = (float) c->al;
  c->tr_f = (float) c->tr;
  c->ar_f = (float) c->ar;
  c->below = axon_float_up (c->tl);
  c->above = axon_float_down (c->tr);
}

AXON_VFN (srelu_f, SreluCtx)
{
  AxonVf right, left;

  /* A zero slope gives the threshold itself, also at +-inf. */
  right = c->ar == 0 ? axon_vf (c->tr_f)
                     : axon_vmla (axon_vf (c->ar_f), x - c->tr_f, axon_vf (c->tr_f));
  left = c->al == 0 ? axon_vf (c->tl_f)
                    : axon_vmla (axon_vf (c->al_f), x - c->tl_f, axon_vf (c->tl_f));
  return axon_vsel (x > c->above, right, axon_vsel (x < c->below, left, x));
}

AXON_VFN (srelu_df, SreluCtx)
{
  return axon_vkeepnan (x, axon_vsel (x > c->above, axon_vf (c->ar_f),
                                 axon_vsel (x < c->below, axon_vf (c->al_f), axon_vf (1.0f))));
}

AXON_BATCH_ACTIVATION (srelu, SreluCtx, srelu_prepare, srelu_f, srelu_df)

/* ---- clamps --------------------------------------------------------------------- */

/* clamp (slope x + offset, 0, 1). The clamp decisions are the float64 kernel's: y (x) is
 * monotonic for slope > 0, so "y <= 0" is "x <= the largest float with y <= 0", found once
 * per call. */
typedef struct
{
  double slope, offset;
  float slope_f, slope_lo, offset_f, offset_lo; /* each double as a float pair */
  float zero_below; /* y <= 0 <=> x <= zero_below */
  float one_above;  /* y >= 1 <=> x >= one_above */
  float in_lo;      /* 0 <= y <= 1 <=> in_lo <= x <= in_hi */
  float in_hi;
} HardSigmoidCtx;

/* Whether y (x) <= 0, y (x) < 1, y (x) < 0, y (x) <= 1, as the float64 kernel computes y. */
static int
hs_le0 (float       x,
        const void *data)
{
  const AxonParams *p = data;

  return p->v[0] * x + p->v[1] <= 0;
}

static int
hs_lt1 (float       x,
        const void *data)
{
  const AxonParams *p = data;

  return p->v[0] * x + p->v[1] < 1;
}

static int
hs_lt0 (float       x,
        const void *data)
{
  const AxonParams *p = data;

  return p->v[0] * x + p->v[1] < 0;
}

static int
hs_le1 (float       x,
        const void *data)
{
  const AxonParams *p = data;

  return p->v[0] * x + p->v[1] <= 1;
}

static inline void
hard_sigmoid_prepare (HardSigmoidCtx   *c,
                      const AxonParams *p)
{
  c->slope = p->v[0];
  c->offset = p->v[1];
  c->slope_f = (float) c->slope;
  c->slope_lo = (float) (c->slope - c->slope_f);
  c->offset_f = (float) c->offset;
  c->offset_lo = (float) (c->offset - c->offset_f);
  /* The registry keeps slope > 0; for others the decisions come from y rounded. */
  if (c->slope > 0)
    {
      c->zero_below = axon_float_last (hs_le0, p);
      c->one_above = nextafterf (axon_float_last (hs_lt1, p), INFINITY);
      c->in_lo = nextafterf (axon_float_last (hs_lt0, p), INFINITY);
      c->in_hi = axon_float_last (hs_le1, p);
    }
  else
    {
      c->zero_below = c->one_above = c->in_lo = c->in_hi = NAN;
    }
}

/* slope x + offset. With FMA: slope_hi x + offset_hi exactly rounded, then the small rests,
 * so it keeps its digits also where the sum nearly cancels (1 ulp); without, in double as
 * the float64 kernel. */
AXON_VINLINE AxonVf
hard_sigmoid_y (AxonVf                x,
                const HardSigmoidCtx *c)
{
#ifdef __FMA__
  AxonVf y = axon_vmla (x, axon_vf (c->slope_f), axon_vf (c->offset_f));

  return axon_vmla (x, axon_vf (c->slope_lo), y + c->offset_lo);
#else
  return axon_vto_float (axon_vd (c->slope) * axon_vto_double (x) + axon_vd (c->offset));
#endif
}

AXON_VFN (hard_sigmoid_f, HardSigmoidCtx)
{
  AxonVf y = hard_sigmoid_y (x, c);

  if (!(c->slope > 0))
    return axon_vsel (y <= 0.0f, axon_vf (0.0f), axon_vsel (y >= 1.0f, axon_vf (1.0f), y));
  return axon_vsel (x <= c->zero_below, axon_vf (0.0f),
                    axon_vsel (x >= c->one_above, axon_vf (1.0f), y));
}

/* The slope on the closed interval 0 <= y <= 1, as the float64 kernel. */
AXON_VFN (hard_sigmoid_df, HardSigmoidCtx)
{
  AxonVi inside;

  if (!(c->slope > 0))
    {
      AxonVf y = hard_sigmoid_y (x, c);

      inside = (y >= 0.0f) & (y <= 1.0f);
    }
  else
    inside = (x >= c->in_lo) & (x <= c->in_hi);
  return axon_vsel (inside, axon_vf (c->slope_f), axon_vkeepnan (x, axon_vf (0.0f)));
}

AXON_BATCH_ACTIVATION (hard_sigmoid, HardSigmoidCtx, hard_sigmoid_prepare, hard_sigmoid_f,
                       hard_sigmoid_df)

typedef struct
{
  float lo_f, hi_f;
  float at_lo; /* x <= min <=> x <= at_lo */
  float at_hi; /* x >= max <=> x >= at_hi */
} HardTanhCtx;

static inline void
hard_tanh_prepare (HardTanhCtx      *c,
                   const AxonParams *p)
{
  c->lo_f = (float) p->v[0];
  c->hi_f = (float) p->v[1];
  c->at_lo = axon_float_down (p->v[0]);
  c->at_hi = axon_float_up (p->v[1]);
}

AXON_VFN (hard_tanh_f, HardTanhCtx)
{
  return axon_vsel (x <= c->at_lo, axon_vf (c->lo_f),
                    axon_vsel (x >= c->at_hi, axon_vf (c->hi_f), x));
}

/* Gradient 0 at the bounds, as torch.nn.Hardtanh. */
AXON_VFN (hard_tanh_df, HardTanhCtx)
{
  return axon_vsel ((x <= c->at_lo) | (x >= c->at_hi), axon_vf (0.0f),
                    axon_vkeepnan (x, axon_vf (1.0f)));
}

AXON_BATCH_ACTIVATION (hard_tanh, HardTanhCtx, hard_tanh_prepare, hard_tanh_f, hard_tanh_df)

/* ---- shrinks -------------------------------------------------------------------- */

typedef struct
{
  double lambda;
  float lambda_f;
  float above; /* |x| > lambda <=> |x| > above */
  int exact;   /* lambda is a float, so x -+ lambda_f is the double difference rounded */
} ShrinkCtx;

static inline void
shrink_prepare (ShrinkCtx        *c,
                const AxonParams *p)
{
  c->lambda = p->v[0];
  c->lambda_f = (float) c->lambda;
  c->above = axon_float_down (c->lambda);
  c->exact = (double) c->lambda_f == c->lambda;
}

AXON_VFN (hardshrink_f, ShrinkCtx)
{
  return axon_vsel (axon_vabs (x) > c->above, x, axon_vkeepnan (x, axon_vf (0.0f)));
}

/* Value and gradient 0 at +-lambda, as torch.nn.Softshrink / Hardshrink. */
AXON_VFN (shrink_df, ShrinkCtx)
{
  return axon_vsel (axon_vabs (x) > c->above, axon_vf (1.0f), axon_vkeepnan (x, axon_vf (0.0f)));
}

AXON_BATCH_ACTIVATION (hardshrink, ShrinkCtx, shrink_prepare, hardshrink_f, shrink_df)

AXON_VFN (softshrink_f, ShrinkCtx)
{
  AxonVf minus, plus;

  if (c->exact)
    {
      minus = x - c->lambda_f;
      plus = x + c->lambda_f;
    }
  else
    {
      AxonVd xd = axon_vto_double (x);

      minus = axon_vto_float (xd - axon_vd (c->lambda));
      plus = axon_vto_float (xd + axon_vd (c->lambda));
    }
  return axon_vsel (x > c->above, minus,
                    axon_vsel (x < -c->above, plus, axon_vkeepnan (x, axon_vf (0.0f))));
}

AXON_BATCH_ACTIVATION (softshrink, ShrinkCtx, shrink_prepare, softshrink_f, shrink_df)

/* ---- piecewise quadratic -------------------------------------------------------- */

/* x relu6 (x + 3) / 6: -0 below -3 as the float64 kernel. */
AXON_VFN (hard_swish_f, AxonNoCtx)
{
  AxonVf mid = x * (x + 3.0f) * 0x1.555556p-3f; /* 1/6 */

  return axon_vsel (x <= -3.0f, axon_vf (-0.0f), axon_vsel (x >= 3.0f, x, mid));
}

/* PyTorch's hardswish_backward: x/3 + 1/2 on [-3, 3), so -1/2 at -3 and 1 at 3. */
AXON_VFN (hard_swish_df, AxonNoCtx)
{
  /* (x + 3/2) / 3, so the zero at -3/2 is exact (x/3 + 1/2 with a rounded 1/3 is not). */
  AxonVf mid = (x + 1.5f) * 0x1.555556p-2f;

  return axon_vsel (x < -3.0f, axon_vf (0.0f), axon_vsel (x >= 3.0f, axon_vf (1.0f), mid));
}

AXON_BATCH_ACTIVATION (hard_swish, AxonNoCtx, axon_no_ctx_prepare, hard_swish_f, hard_swish_df)

/* x/2 clamp (x + 2, 0, 2). */
AXON_VFN (hard_mish_f, AxonNoCtx)
{
  AxonVf mid = 0.5f * x * (x + 2.0f);

  return axon_vsel (x <= -2.0f, axon_vf (-0.0f), axon_vsel (x >= 0.0f, x, mid));
}

AXON_VFN (hard_mish_df, AxonNoCtx)
{
  return axon_vsel (x < -2.0f, axon_vf (0.0f), axon_vsel (x > 0.0f, axon_vf (1.0f), x + 1.0f));
}

AXON_BATCH_ACTIVATION (hard_mish, AxonNoCtx, axon_no_ctx_prepare, hard_mish_f, hard_mish_df)

/* jax.nn.sparse_plus. */
AXON_VFN (sparse_plus_f, AxonNoCtx)
{
  AxonVf u = x + 1.0f;

  return axon_vsel (x <= -1.0f, axon_vf (0.0f), axon_vsel (x >= 1.0f, x, 0.25f * u * u));
}

AXON_VFN (sparse_plus_df, AxonNoCtx)
{
  return axon_vsel (x <= -1.0f, axon_vf (0.0f),
                    axon_vsel (x >= 1.0f, axon_vf (1.0f), 0.5f * (x + 1.0f)));
}

AXON_BATCH_ACTIVATION (sparse_plus, AxonNoCtx, axon_no_ctx_prepare, sparse_plus_f,
                       sparse_plus_df)
