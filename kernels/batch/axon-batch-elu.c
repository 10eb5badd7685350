/* axon-batch-elu.c: float32 batch kernels of the exponential linear units.
 *
 * elu, celu, selu: linear for x > 0, alpha (e^x - 1) below through expm1, so the negative
 * branch keeps its digits near 0 and -0 stays -0. At x = 0 the derivative is the left
 * branch's, as the float64 kernels (PyTorch's elu_backward). isrlu is in
 * axon-batch-sigmoid.c with isru.
 */
#include "axon-batch-math.h"

typedef struct
{
  float alpha;
  double inv_alpha; /* celu: 1 / alpha */
} AlphaCtx;

static inline void
alpha_prepare (AlphaCtx         *c,
               const AxonParams *p)
{
  c->alpha = (float) p->v[0];
  c->inv_alpha = p->v[0] > 0 ? 1.0 / p->v[0] : 0.0;
}

AXON_VFN (elu_f, AlphaCtx)
{
  return axon_vsel (x > 0.0f, x, c->alpha * axon_vexpm1_neg (x));
}

/* alpha e^x, scaled last so a subnormal e^x is rounded once. */
AXON_VINLINE AxonVf
times_exp (float  k,
           AxonVf x)
{
  AxonVexp e = axon_vexp_split (x, x, 0);

  return axon_vexp_apply (k * e.m, e);
}

AXON_VFN (elu_df, AlphaCtx)
{
  return axon_vsel (x > 0.0f, axon_vf (1.0f), times_exp (c->alpha, x));
}

AXON_BATCH_ACTIVATION (elu, AlphaCtx, alpha_prepare, elu_f, elu_df)

/* alpha expm1 (x / alpha): expm1 of a negative number is well conditioned, so x / alpha
 * may be rounded to float. */
AXON_VFN (celu_f, AlphaCtx)
{
  return axon_vsel (x > 0.0f, x, c->alpha * axon_vexpm1_neg (x / c->alpha));
}

/* exp (x / alpha) is not (its error is |x / alpha| times that of the argument): the
 * quotient as a float pair. */
AXON_VFN (celu_df, AlphaCtx)
{
  AxonVf lo, hi = axon_vsplit_double (axon_vto_double (x) * axon_vd (c->inv_alpha), &lo);

  return axon_vsel (x > 0.0f, axon_vf (1.0f), axon_vexp_hl (hi, lo));
}

AXON_BATCH_ACTIVATION (celu, AlphaCtx, alpha_prepare, celu_f, celu_df)

/* Klambauer et al., Self-Normalizing Neural Networks (2017), as axon-exp-linear.c. */
#define SELU_ALPHA 0x1.ac5afad782cf1p+0 /* 1.6732632423543772848170429916717 */
#define SELU_SCALE 0x1.0cfabd6a91132p+0 /* 1.0507009873554804934193349852946 */

/* scale x in double, so it is the float64 product rounded. */
AXON_VFN (selu_f, AxonNoCtx)
{
  AxonVf pos = axon_vto_float (axon_vto_double (x) * axon_vd (SELU_SCALE));

  return axon_vsel (x > 0.0f, pos, (float) (SELU_SCALE * SELU_ALPHA) * axon_vexpm1_neg (x));
}

AXON_VFN (selu_df, AxonNoCtx)
{
  return axon_vsel (x > 0.0f, axon_vf ((float) SELU_SCALE),
                    times_exp ((float) (SELU_SCALE * SELU_ALPHA), x));
}

AXON_BATCH_ACTIVATION (selu, AxonNoCtx, axon_no_ctx_prepare, selu_f, selu_df)
