/* axon-activation-list.h: every canonical activation, in catalogue order.
 *
 * An X-macro list: define AXON_ACTIVATION(id) and include this file. Adding an activation
 * is one line here, one row in axon-activation-table.c and its functions. The comment on
 * each line is the parameter order (AxonParams.v[0], v[1], ...) with defaults.
 * No include guard, on purpose.
 */
AXON_ACTIVATION (identity)            /* - */
AXON_ACTIVATION (step)                /* - */
AXON_ACTIVATION (sigmoid)             /* - */
AXON_ACTIVATION (hard_sigmoid)        /* slope 1/6, offset 0.5 */
AXON_ACTIVATION (log_sigmoid)         /* - */
AXON_ACTIVATION (tanh)                /* - */
AXON_ACTIVATION (hard_tanh)           /* min -1, max 1 */
AXON_ACTIVATION (relu)                /* - */
AXON_ACTIVATION (relu6)               /* - */
AXON_ACTIVATION (leaky_relu)          /* alpha 0.01 */
AXON_ACTIVATION (prelu)               /* weight 0.25 */
AXON_ACTIVATION (rrelu)               /* lower 1/8, upper 1/3 (evaluation mode: mean slope) */
AXON_ACTIVATION (elu)                 /* alpha 1 */
AXON_ACTIVATION (celu)                /* alpha 1 */
AXON_ACTIVATION (selu)                /* - */
AXON_ACTIVATION (gelu)                /* - */
AXON_ACTIVATION (gelu_tanh)           /* - */
AXON_ACTIVATION (swish)               /* beta 1 */
AXON_ACTIVATION (hard_swish)          /* - */
AXON_ACTIVATION (mish)                /* - */
AXON_ACTIVATION (softplus)            /* beta 1, threshold 20 */
AXON_ACTIVATION (softsign)            /* - */
AXON_ACTIVATION (sin)                 /* w0 1 */
AXON_ACTIVATION (gaussian)            /* centre 0, width 1: exp(-((x-centre)/width)^2) */
AXON_ACTIVATION (tanhshrink)          /* - */
AXON_ACTIVATION (softshrink)          /* lambda 0.5 */
AXON_ACTIVATION (hardshrink)          /* lambda 0.5 */
AXON_ACTIVATION (lecun_tanh)          /* - : 1.7159 tanh(2x/3) */
AXON_ACTIVATION (square_plus)         /* b 4: (x + sqrt(x^2 + b)) / 2 */
AXON_ACTIVATION (log_log)             /* - : 1 - exp(-exp(x)) */
AXON_ACTIVATION (hard_mish)           /* - : x/2 * clamp(x + 2, 0, 2) */
AXON_ACTIVATION (tanh_exp)            /* - : x tanh(e^x) */
AXON_ACTIVATION (exp_tanh)            /* - : see the table row for the definition followed */
AXON_ACTIVATION (squared_relu)        /* - : max(0, x)^2 */
AXON_ACTIVATION (leaky_relu6)         /* alpha 0.2: min(max(alpha x, x), 6) */
AXON_ACTIVATION (bent_identity)       /* - : (sqrt(x^2 + 1) - 1)/2 + x */
AXON_ACTIVATION (arctan)              /* - : atan(x) */
AXON_ACTIVATION (symmetrical_sigmoid) /* - : see the table row */
AXON_ACTIVATION (absolute)            /* - : |x| */
AXON_ACTIVATION (cos)                 /* w0 1: cos(w0 x) */
AXON_ACTIVATION (sinc)                /* - : sin(x)/x, 1 at 0 */
AXON_ACTIVATION (signum)              /* - : -1, 0, 1 */
AXON_ACTIVATION (isru)                /* alpha 1: x / sqrt(1 + alpha x^2) */
AXON_ACTIVATION (isrlu)               /* alpha 1: x for x >= 0, else isru */
AXON_ACTIVATION (srelu)               /* t_left, a_left, t_right, a_right: see the table row */
AXON_ACTIVATION (exponential)         /* - : e^x */
AXON_ACTIVATION (sparse_plus)         /* - : JAX sparse_plus */
AXON_ACTIVATION (threshold)           /* threshold, value: x if x > threshold else value */
AXON_ACTIVATION (multiquadratic)      /* c 0, a 1: sqrt((x - c)^2 + a^2) */
AXON_ACTIVATION (inverse_multiquadratic) /* c 0, a 1: 1 / sqrt((x - c)^2 + a^2) */
