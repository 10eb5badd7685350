/* axon-activation-table.c: the descriptor table, one row per id of axon-activation-list.h.
 *
 * Rows are data: names, parameters with bounds, the functions, formula markup and the
 * properties at the default parameters (tests/test-activations.c checks every property
 * numerically, so a wrong entry fails a test). Formulas are Pango markup, language-neutral.
 * Sources are marked N_() where they hold prose ("in evaluation mode"); those of names and
 * citations alone ("PyTorch torch.nn.ELU (Clevert et al. 2015)") are the same in every
 * language and are not.
 */
#include <glib/gi18n-lib.h>
#include <math.h>

#include "axon-activation-kernels.h"
#include "axon-registry.h"

/* ---- kinks: where f or f' is not continuous, ascending ---------------------------- */

static size_t
kinks_zero (const AxonParams *p,
            double           *k)
{
  k[0] = 0.0;
  return 1;
}

/* The corner at 0 only exists when the two slopes differ. */
static size_t
kinks_leaky (double  slope,
             double *k)
{
  if (slope == 1.0)
    return 0;
  k[0] = 0.0;
  return 1;
}

static size_t
kinks_two (double  a,
           double  b,
           double *k)
{
  if (a == b)
    {
      k[0] = a;
      return 1;
    }
  k[0] = fmin (a, b);
  k[1] = fmax (a, b);
  return 2;
}

static size_t
kinks_hard_sigmoid (const AxonParams *p,
                    double           *k)
{
  return kinks_two (-p->v[1] / p->v[0], (1.0 - p->v[1]) / p->v[0], k);
}

static size_t
kinks_hard_tanh (const AxonParams *p,
                 double           *k)
{
  return kinks_two (p->v[0], p->v[1], k);
}

static size_t
kinks_relu6 (const AxonParams *p,
             double           *k)
{
  return kinks_two (0.0, 6.0, k);
}

static size_t
kinks_leaky_relu (const AxonParams *p,
                  double           *k)
{
  return kinks_leaky (p->v[0], k);
}

static size_t
kinks_rrelu (const AxonParams *p,
             double           *k)
{
  return kinks_leaky (0.5 * (p->v[0] + p->v[1]), k);
}

/* elu'(0-) = alpha and elu'(0+) = 1. */
static size_t
kinks_elu (const AxonParams *p,
           double           *k)
{
  return kinks_leaky (p->v[0], k);
}

static size_t
kinks_hard_swish (const AxonParams *p,
                  double           *k)
{
  return kinks_two (-3.0, 3.0, k);
}

/* PyTorch's switch to x at beta x = threshold is a small jump in f. */
static size_t
kinks_softplus (const AxonParams *p,
                double           *k)
{
  k[0] = p->v[1] / p->v[0];
  return 1;
}

static size_t
kinks_shrink (const AxonParams *p,
              double           *k)
{
  if (p->v[0] == 0)
    return 0;
  return kinks_two (-p->v[0], p->v[0], k);
}

static size_t
kinks_hard_mish (const AxonParams *p,
                 double           *k)
{
  k[0] = -2.0;
  return 1;
}

static size_t
kinks_square_plus (const AxonParams *p,
                   double           *k)
{
  if (p->v[0] != 0)
    return 0;
  k[0] = 0.0;
  return 1;
}

/* A threshold is a corner only where the slope changes there. */
static size_t
kinks_srelu (const AxonParams *p,
             double           *k)
{
  double tl = p->v[0], al = p->v[1], tr = p->v[2], ar = p->v[3];
  size_t n = 0;

  if (tl == tr)
    {
      if (al == ar)
        return 0;
      k[0] = tl;
      return 1;
    }
  if (al != 1.0)
    k[n++] = tl;
  if (ar != 1.0)
    k[n++] = tr;
  return n;
}

static size_t
kinks_threshold (const AxonParams *p,
                 double           *k)
{
  k[0] = p->v[0];
  return 1;
}

static size_t
kinks_multiquadratic (const AxonParams *p,
                      double           *k)
{
  if (p->v[1] != 0)
    return 0;
  k[0] = p->v[0];
  return 1;
}

/* ---- the table ------------------------------------------------------------------- */

#define FUNCS(id)                                                                       \
  .f64 = axon_##id##_f64, .df64 = axon_##id##_df64, .f32 = axon_##id##_f32,             \
  .df32 = axon_##id##_df32
#define ALIASES(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define PARAM(n, d, lo, hi, m)                                                          \
  {                                                                                     \
    .name = n, .meaning = m, .default_value = d, .min = lo, .max = hi                   \
  }
/* range_min, range_max, monotonic, continuity, zero_centred, saturating,
 * identity_near_zero, symmetry, dead_zone */
#define PROPS(lo, hi, mono, cont, zc, sat, id0, sym, dead)                              \
  {                                                                                     \
    lo, hi, mono, AXON_CONTINUITY_##cont, zc, AXON_SATURATES_##sat, id0,                \
      AXON_SYMMETRY_##sym, dead                                                         \
  }
#define ROW(id_) [AXON_ACTIVATION_##id_] = { .id = AXON_ACTIVATION_##id_, .name = #id_, FUNCS (id_)

#define INF INFINITY

/* Names differing from the canonical one only in case, '-' or '_' ("hardsigmoid",
 * "LeakyReLU") need no alias: the registry compares names by a normalised key. */

/* The SELU constants of axon-exp-linear.c, for the range. */
#define SELU_MIN (-0x1.0cfabd6a91132p+0 * 0x1.ac5afad782cf1p+0)

static const AxonActivation activations[AXON_N_ACTIVATIONS] = {
  ROW (identity),
    .aliases = ALIASES ("linear"),
    .category = AXON_CATEGORY_LINEAR,
    .source = "torch.nn.Identity, Keras activations.linear",
    .summary = N_("Passes its input through unchanged"),
    .formula = "x",
    .derivative_formula = "1",
    .properties = PROPS (-INF, INF, true, SMOOTH, true, NONE, true, ODD, false),
  },
  ROW (step),
    .aliases = ALIASES ("binary_step", "heaviside", "unit_step"),
    .category = AXON_CATEGORY_STEP,
    .source = N_("Heaviside step as torch.heaviside (x, 1): H(0) = 1, gradient 0"),
    .summary = N_("Jumps from 0 to 1 at the origin"),
    .kinks = kinks_zero,
    .formula = "0 (x &lt; 0);  1 (x ≥ 0)",
    .derivative_formula = "0",
    .properties = PROPS (0, 1, true, DISCONTINUOUS, false, BOTH, false, NONE, true),
  },
  ROW (sigmoid),
    .aliases = ALIASES ("logistic", "sigm"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = "PyTorch torch.nn.Sigmoid",
    .summary = N_("The logistic function, squashing to (0, 1)"),
    .formula = "σ(x) = 1 / (1 + e<sup>−x</sup>)",
    .derivative_formula = "σ(x) · σ(−x)",
    .properties = PROPS (0, 1, true, SMOOTH, false, BOTH, false, NONE, false),
  },
  ROW (hard_sigmoid),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("PyTorch torch.nn.Hardsigmoid (slope 1/6, offset 1/2); Keras 2 uses slope 0.2"),
    .summary = N_("A piecewise-linear sigmoid"),
    .n_params = 2,
    .params = {
      PARAM ("slope", 1.0 / 6.0, 1e-3, 10, N_("Slope of the linear part")),
      PARAM ("offset", 0.5, -10, 10, N_("Value at x = 0 before clamping")),
    },
    .kinks = kinks_hard_sigmoid,
    .formula = "min(max(slope · x + offset, 0), 1)",
    .derivative_formula = "slope (0 ≤ slope · x + offset ≤ 1);  0 otherwise",
    .properties = PROPS (0, 1, true, C0, false, BOTH, false, NONE, false),
  },
  ROW (log_sigmoid),
    .category = AXON_CATEGORY_SIGMOID,
    .source = "PyTorch torch.nn.LogSigmoid",
    .summary = N_("Logarithm of the sigmoid, −softplus(−x)"),
    .formula = "log σ(x) = −log(1 + e<sup>−x</sup>)",
    .derivative_formula = "σ(−x)",
    .properties = PROPS (-INF, 0, true, SMOOTH, false, RIGHT, false, NONE, false),
  },
  ROW (tanh),
    .aliases = ALIASES ("hyperbolic_tangent"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = "PyTorch torch.nn.Tanh",
    .summary = N_("Hyperbolic tangent, squashing to (−1, 1)"),
    .formula = "tanh x = (e<sup>x</sup> − e<sup>−x</sup>) / (e<sup>x</sup> + e<sup>−x</sup>)",
    .derivative_formula = "1 − tanh<sup>2</sup> x = sech<sup>2</sup> x",
    .properties = PROPS (-1, 1, true, SMOOTH, true, BOTH, true, ODD, false),
  },
  ROW (hard_tanh),
    .aliases = ALIASES ("clip", "clamp"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("PyTorch torch.nn.Hardtanh (gradient 0 at the bounds)"),
    .summary = N_("Identity clipped to [min, max]"),
    .n_params = 2,
    .params = {
      PARAM ("min", -1, -100, 100, N_("Lower clipping value")),
      PARAM ("max", 1, -100, 100, N_("Upper clipping value")),
    },
    .kinks = kinks_hard_tanh,
    .formula = "min(max(x, min), max)",
    .derivative_formula = "1 (min &lt; x &lt; max);  0 otherwise",
    .properties = PROPS (-1, 1, true, C0, true, BOTH, true, ODD, false),
  },
  ROW (relu),
    .aliases = ALIASES ("rectifier", "rectified_linear"),
    .category = AXON_CATEGORY_RELU,
    .source = "PyTorch torch.nn.ReLU (relu'(0) = 0)",
    .summary = N_("Rectified linear unit, max(0, x)"),
    .kinks = kinks_zero,
    .formula = "max(0, x)",
    .derivative_formula = "1 (x &gt; 0);  0 (x ≤ 0)",
    .properties = PROPS (0, INF, true, C0, false, LEFT, false, NONE, true),
  },
  ROW (relu6),
    .category = AXON_CATEGORY_RELU,
    .source = "PyTorch torch.nn.ReLU6 (Krizhevsky 2010)",
    .summary = N_("ReLU capped at 6"),
    .kinks = kinks_relu6,
    .formula = "min(max(0, x), 6)",
    .derivative_formula = "1 (0 &lt; x &lt; 6);  0 otherwise",
    .properties = PROPS (0, 6, true, C0, false, BOTH, false, NONE, true),
  },
  ROW (leaky_relu),
    .aliases = ALIASES ("lrelu"),
    .category = AXON_CATEGORY_RELU,
    .source = "PyTorch torch.nn.LeakyReLU (Maas et al. 2013)",
    .summary = N_("ReLU with a small slope for negative inputs"),
    .n_params = 1,
    .params = {
      PARAM ("alpha", 0.01, 0, 1, N_("Slope for negative inputs")),
    },
    .kinks = kinks_leaky_relu,
    .formula = "x (x &gt; 0);  αx (x ≤ 0)",
    .derivative_formula = "1 (x &gt; 0);  α (x ≤ 0)",
    .properties = PROPS (-INF, INF, true, C0, false, NONE, false, NONE, false),
  },
  ROW (prelu),
    .aliases = ALIASES ("parametric_relu"),
    .category = AXON_CATEGORY_RELU,
    .source = N_("PyTorch torch.nn.PReLU with one shared weight (He et al. 2015)"),
    .summary = N_("Leaky ReLU whose negative slope is a learned weight"),
    .n_params = 1,
    .params = {
      PARAM ("weight", 0.25, -1, 1, N_("Learned slope for negative inputs")),
    },
    .kinks = kinks_leaky_relu,
    .formula = "x (x &gt; 0);  w·x (x ≤ 0)",
    .derivative_formula = "1 (x &gt; 0);  w (x ≤ 0)",
    .properties = PROPS (-INF, INF, true, C0, false, NONE, false, NONE, false),
  },
  ROW (rrelu),
    .aliases = ALIASES ("randomized_relu"),
    .category = AXON_CATEGORY_RELU,
    .source = N_("PyTorch torch.nn.RReLU in evaluation mode (Xu et al. 2015)"),
    .summary = N_("Leaky ReLU with a random slope in training, the mean slope here"),
    .n_params = 2,
    .params = {
      PARAM ("lower", 1.0 / 8.0, 0, 1, N_("Lower bound of the random slope")),
      PARAM ("upper", 1.0 / 3.0, 0, 1, N_("Upper bound of the random slope")),
    },
    .kinks = kinks_rrelu,
    .formula = "x (x &gt; 0);  (l + u)/2 · x (x ≤ 0)",
    .derivative_formula = "1 (x &gt; 0);  (l + u)/2 (x ≤ 0)",
    .properties = PROPS (-INF, INF, true, C0, false, NONE, false, NONE, false),
  },
  ROW (elu),
    .category = AXON_CATEGORY_EXPONENTIAL_LINEAR,
    .source = "PyTorch torch.nn.ELU (Clevert et al. 2015)",
    .summary = N_("Exponential linear unit"),
    .n_params = 1,
    .params = {
      PARAM ("alpha", 1, 0, 10, N_("Negative saturation value −α")),
    },
    .kinks = kinks_elu,
    .formula = "x (x &gt; 0);  α(e<sup>x</sup> − 1) (x ≤ 0)",
    .derivative_formula = "1 (x &gt; 0);  α e<sup>x</sup> (x ≤ 0)",
    .properties = PROPS (-1, INF, true, C1, false, LEFT, true, NONE, false),
  },
  ROW (celu),
    .category = AXON_CATEGORY_EXPONENTIAL_LINEAR,
    .source = "PyTorch torch.nn.CELU (Barron 2017)",
    .summary = N_("Continuously differentiable ELU"),
    .n_params = 1,
    .params = {
      PARAM ("alpha", 1, 0.01, 10, N_("Negative saturation value and scale")),
    },
    .formula = "max(0, x) + min(0, α(e<sup>x/α</sup> − 1))",
    .derivative_formula = "1 (x &gt; 0);  e<sup>x/α</sup> (x ≤ 0)",
    .properties = PROPS (-1, INF, true, C1, false, LEFT, true, NONE, false),
  },
  ROW (selu),
    .category = AXON_CATEGORY_EXPONENTIAL_LINEAR,
    .source = "PyTorch torch.nn.SELU (Klambauer et al. 2017)",
    .summary = N_("Scaled ELU that keeps activations normalised"),
    .kinks = kinks_zero,
    .formula = "λ · (x (x &gt; 0);  α(e<sup>x</sup> − 1) (x ≤ 0)),  "
               "α ≈ 1.6733, λ ≈ 1.0507",
    .derivative_formula = "λ (x &gt; 0);  λα e<sup>x</sup> (x ≤ 0)",
    .properties = PROPS (SELU_MIN, INF, true, C0, true, LEFT, false, NONE, false),
  },
  ROW (gelu),
    .aliases = ALIASES ("gelu_erf", "gelu_exact"),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = N_("PyTorch torch.nn.GELU (Hendrycks & Gimpel 2016), erf form"),
    .summary = N_("Gaussian error linear unit, x times the normal CDF"),
    .formula = "x · Φ(x) = x/2 · (1 + erf(x/√2))",
    .derivative_formula = "Φ(x) + x · φ(x),  φ(x) = e<sup>−x²/2</sup>/√(2π)",
    /* minimum -0.16997120747990366 at x = -0.75179 (mpmath) */
    .properties = PROPS (-0x1.5c19dd4b1a3fbp-3, INF, false, SMOOTH, false, LEFT, false, NONE,
                         false),
  },
  ROW (gelu_tanh),
    .aliases = ALIASES ("bert_gelu", "gpt_gelu", "gelu_new", "gelu_approx",
                        "gelu_pytorch_tanh", "approximate_gelu"),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = N_("PyTorch torch.nn.GELU(approximate='tanh'); the GELU of BERT and GPT-2"),
    .summary = N_("The tanh approximation of GELU"),
    .formula = "x/2 · (1 + tanh(√(2/π) (x + 0.044715 x<sup>3</sup>)))",
    .derivative_formula = "½(1 + tanh u) + ½x (1 − tanh<sup>2</sup> u) · "
                          "√(2/π)(1 + 0.134145 x<sup>2</sup>),  "
                          "u = √(2/π)(x + 0.044715 x<sup>3</sup>)",
    /* minimum -0.17004075057125406 at x = -0.75246 (mpmath) */
    .properties = PROPS (-0x1.5c3e533586d1ap-3, INF, false, SMOOTH, false, LEFT, false, NONE,
                         false),
  },
  ROW (swish),
    .aliases = ALIASES ("silu", "swish_1"),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = N_("Ramachandran et al. 2017, Searching for Activation Functions; "
                 "β = 1 is torch.nn.SiLU"),
    .summary = N_("x times a sigmoid gate; SiLU when β = 1"),
    .n_params = 1,
    .params = {
      PARAM ("beta", 1, 0, 10, N_("Sharpness of the sigmoid gate")),
    },
    .formula = "x · σ(βx)",
    .derivative_formula = "σ(βx) (1 + βx · σ(−βx))",
    /* minimum -0.2784645427610738 at x = -1.27846 (mpmath) */
    .properties = PROPS (-0x1.1d25cf210482ep-2, INF, false, SMOOTH, false, LEFT, false, NONE,
                         false),
  },
  ROW (hard_swish),
    .aliases = ALIASES ("h_swish"),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = "PyTorch torch.nn.Hardswish (Howard et al. 2019, MobileNetV3)",
    .summary = N_("Piecewise-quadratic swish"),
    .kinks = kinks_hard_swish,
    .formula = "x · min(max(x + 3, 0), 6) / 6",
    .derivative_formula = "0 (x &lt; −3);  x/3 + ½ (−3 ≤ x &lt; 3);  1 (x ≥ 3)",
    .properties = PROPS (-0.375, INF, false, C0, false, LEFT, false, NONE, false),
  },
  ROW (mish),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = "PyTorch torch.nn.Mish (Misra 2019)",
    .summary = N_("x times tanh of softplus"),
    .formula = "x · tanh(log(1 + e<sup>x</sup>))",
    .derivative_formula = "tanh(softplus x) + x · σ(x) · sech<sup>2</sup>(softplus x)",
    /* minimum -0.30884341301725043 at x = -1.19243 (mpmath) */
    .properties = PROPS (-0x1.3c417299f9f85p-2, INF, false, SMOOTH, false, LEFT, false, NONE,
                         false),
  },
  ROW (softplus),
    .aliases = ALIASES ("smooth_relu"),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = N_("PyTorch torch.nn.Softplus (linear once βx > threshold)"),
    .summary = N_("A smooth ReLU, log(1 + e^x)"),
    .n_params = 2,
    .params = {
      PARAM ("beta", 1, 0.01, 100, N_("Sharpness; larger is closer to ReLU")),
      PARAM ("threshold", 20, 0, 1000, N_("Above β·x = threshold the output is x")),
    },
    .kinks = kinks_softplus,
    .formula = "log(1 + e<sup>βx</sup>) / β;  x (βx &gt; threshold)",
    .derivative_formula = "σ(βx);  1 (βx &gt; threshold)",
    .properties = PROPS (0, INF, true, SMOOTH, false, LEFT, false, NONE, false),
  },
  ROW (softsign),
    .category = AXON_CATEGORY_SIGMOID,
    .source = "PyTorch torch.nn.Softsign",
    .summary = N_("x / (1 + |x|), a slowly saturating sigmoid"),
    .formula = "x / (1 + |x|)",
    .derivative_formula = "1 / (1 + |x|)<sup>2</sup>",
    .properties = PROPS (-1, 1, true, C1, true, BOTH, true, ODD, false),
  },
  ROW (sin),
    .aliases = ALIASES ("siren", "sine"),
    .category = AXON_CATEGORY_PERIODIC,
    .source = N_("SIREN, Sitzmann et al. 2020: sin(ω₀x), ω₀ = 30 in their first layer"),
    .summary = N_("Sine with a frequency factor, as in SIREN"),
    .n_params = 1,
    .params = {
      PARAM ("w0", 1, 0.01, 100, N_("Frequency factor ω₀")),
    },
    .formula = "sin(ω<sub>0</sub> x)",
    .derivative_formula = "ω<sub>0</sub> cos(ω<sub>0</sub> x)",
    .properties = PROPS (-1, 1, false, SMOOTH, true, NONE, true, ODD, false),
  },
  ROW (gaussian),
    .aliases = ALIASES ("gauss", "gaussian_rbf"),
    .category = AXON_CATEGORY_RADIAL,
    .source = N_("Gaussian radial basis function"),
    .summary = N_("A bell curve around a centre"),
    .n_params = 2,
    .params = {
      PARAM ("centre", 0, -100, 100, N_("Position of the peak")),
      PARAM ("width", 1, 1e-3, 100, N_("Distance at which the value falls to 1/e")),
    },
    .formula = "e<sup>−((x − c)/w)²</sup>",
    .derivative_formula = "−2(x − c)/w<sup>2</sup> · e<sup>−((x − c)/w)²</sup>",
    .properties = PROPS (0, 1, false, SMOOTH, false, BOTH, false, EVEN, false),
  },
  ROW (tanhshrink),
    .category = AXON_CATEGORY_SHRINK,
    .source = "PyTorch torch.nn.Tanhshrink",
    .summary = N_("x − tanh x"),
    .formula = "x − tanh x",
    .derivative_formula = "tanh<sup>2</sup> x",
    .properties = PROPS (-INF, INF, true, SMOOTH, true, NONE, false, ODD, false),
  },
  ROW (softshrink),
    .aliases = ALIASES ("soft_threshold"),
    .category = AXON_CATEGORY_SHRINK,
    .source = "PyTorch torch.nn.Softshrink",
    .summary = N_("Moves values towards 0 by λ, zero inside [−λ, λ]"),
    .n_params = 1,
    .params = {
      PARAM ("lambda", 0.5, 0, 100, N_("Half-width of the zero band")),
    },
    .kinks = kinks_shrink,
    .formula = "x − λ (x &gt; λ);  x + λ (x &lt; −λ);  0 otherwise",
    .derivative_formula = "1 (|x| &gt; λ);  0 otherwise",
    .properties = PROPS (-INF, INF, true, C0, true, NONE, false, ODD, false),
  },
  ROW (hardshrink),
    .aliases = ALIASES ("hard_threshold"),
    .category = AXON_CATEGORY_SHRINK,
    .source = "PyTorch torch.nn.Hardshrink",
    .summary = N_("Zeroes values inside [−λ, λ]"),
    .n_params = 1,
    .params = {
      PARAM ("lambda", 0.5, 0, 100, N_("Half-width of the zero band")),
    },
    .kinks = kinks_shrink,
    .formula = "x (|x| &gt; λ);  0 otherwise",
    .derivative_formula = "1 (|x| &gt; λ);  0 otherwise",
    .properties = PROPS (-INF, INF, true, DISCONTINUOUS, true, NONE, false, ODD, false),
  },
  ROW (lecun_tanh),
    .aliases = ALIASES ("scaled_tanh"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = "LeCun et al. 1998, Efficient BackProp: 1.7159 tanh(2x/3)",
    .summary = N_("Scaled tanh with f(±1) ≈ ±1"),
    .formula = "1.7159 · tanh(2x/3)",
    .derivative_formula = "1.1439 · sech<sup>2</sup>(2x/3)",
    .properties = PROPS (-1.7159, 1.7159, true, SMOOTH, true, BOTH, false, ODD, false),
  },
  ROW (square_plus),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = "So 2021, Squareplus; jax.nn.squareplus (b = 4)",
    .summary = N_("An algebraic softplus, (x + √(x² + b))/2"),
    .n_params = 1,
    .params = {
      PARAM ("b", 4, 0, 100, N_("Curvature near 0; b = 0 is ReLU")),
    },
    .kinks = kinks_square_plus,
    .formula = "(x + √(x<sup>2</sup> + b)) / 2",
    .derivative_formula = "(1 + x / √(x<sup>2</sup> + b)) / 2",
    .properties = PROPS (0, INF, true, SMOOTH, false, LEFT, false, NONE, false),
  },
  ROW (log_log),
    .aliases = ALIASES ("cloglog", "complementary_log_log"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("Complementary log-log, 1 − exp(−exp x) (Gomes et al. 2011)"),
    .summary = N_("An asymmetric sigmoid, the Gumbel CDF mirrored"),
    .formula = "1 − e<sup>−e<sup>x</sup></sup>",
    .derivative_formula = "e<sup>x − e<sup>x</sup></sup>",
    .properties = PROPS (0, 1, true, SMOOTH, false, BOTH, false, NONE, false),
  },
  ROW (hard_mish),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = N_("timm hard_mish (after Misra's H-Mish notes): x/2 · clamp(x + 2, 0, 2)"),
    .summary = N_("Piecewise-quadratic Mish"),
    .kinks = kinks_hard_mish,
    .formula = "x/2 · min(max(x + 2, 0), 2)",
    .derivative_formula = "0 (x &lt; −2);  x + 1 (−2 ≤ x ≤ 0);  1 (x &gt; 0)",
    .properties = PROPS (-0.5, INF, false, C0, false, LEFT, true, NONE, false),
  },
  ROW (tanh_exp),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = "Liu & Di 2020, TanhExp: x tanh(e^x)",
    .summary = N_("x times tanh of e^x"),
    .formula = "x · tanh(e<sup>x</sup>)",
    .derivative_formula = "tanh(e<sup>x</sup>) + x e<sup>x</sup> sech<sup>2</sup>(e<sup>x</sup>)",
    /* minimum -0.35328577784821125 at x = -1.07886 (mpmath) */
    .properties = PROPS (-0x1.69c3bf37fffd0p-2, INF, false, SMOOTH, false, LEFT, false, NONE,
                         false),
  },
  ROW (exp_tanh),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("tanh(e^x): the gate of TanhExp (Liu & Di 2020) as a squashing function"),
    .summary = N_("tanh of e^x, a one-sided sigmoid"),
    .formula = "tanh(e<sup>x</sup>)",
    .derivative_formula = "e<sup>x</sup> sech<sup>2</sup>(e<sup>x</sup>)",
    .properties = PROPS (0, 1, true, SMOOTH, false, BOTH, false, NONE, false),
  },
  ROW (squared_relu),
    .aliases = ALIASES ("relu_squared", "relu2", "relu_square"),
    .category = AXON_CATEGORY_RELU,
    .source = "So et al. 2021, Primer: max(0, x)²",
    .summary = N_("The square of ReLU"),
    .formula = "max(0, x)<sup>2</sup>",
    .derivative_formula = "2 max(0, x)",
    .properties = PROPS (0, INF, true, C1, false, LEFT, false, NONE, true),
  },
  ROW (leaky_relu6),
    .category = AXON_CATEGORY_RELU,
    .source = N_("TensorLayer tl.act.leaky_relu6 (α = 0.2), also trident's: min(max(αx, x), 6)"),
    .summary = N_("Leaky ReLU capped at 6"),
    .n_params = 1,
    .params = {
      PARAM ("alpha", 0.2, 0, 1, N_("Slope for negative inputs")),
    },
    .kinks = kinks_relu6,
    .formula = "min(max(αx, x), 6)",
    .derivative_formula = "α (x ≤ 0);  1 (0 &lt; x &lt; 6);  0 (x ≥ 6)",
    .properties = PROPS (-INF, 6, true, C0, false, RIGHT, false, NONE, false),
  },
  ROW (bent_identity),
    .category = AXON_CATEGORY_LINEAR,
    .source = N_("Bent identity, (√(x² + 1) − 1)/2 + x"),
    .summary = N_("Identity bent upwards, slope ½ to 3/2"),
    .formula = "(√(x<sup>2</sup> + 1) − 1)/2 + x",
    .derivative_formula = "x / (2√(x<sup>2</sup> + 1)) + 1",
    .properties = PROPS (-INF, INF, true, SMOOTH, false, NONE, true, NONE, false),
  },
  ROW (arctan),
    .aliases = ALIASES ("atan"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("Inverse tangent, atan x"),
    .summary = N_("Inverse tangent, squashing to (−π/2, π/2)"),
    .formula = "arctan x",
    .derivative_formula = "1 / (1 + x<sup>2</sup>)",
    .properties = PROPS (-M_PI_2, M_PI_2, true, SMOOTH, true, BOTH, true, ODD, false),
  },
  ROW (symmetrical_sigmoid),
    .aliases = ALIASES ("bipolar_sigmoid", "symmetric_sigmoid"),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("Bipolar (symmetrical) sigmoid, 2σ(x) − 1 = tanh(x/2)"),
    .summary = N_("The sigmoid stretched to (−1, 1)"),
    .formula = "2σ(x) − 1 = tanh(x/2)",
    .derivative_formula = "½ sech<sup>2</sup>(x/2)",
    .properties = PROPS (-1, 1, true, SMOOTH, true, BOTH, false, ODD, false),
  },
  ROW (absolute),
    .aliases = ALIASES ("abs"),
    .category = AXON_CATEGORY_LINEAR,
    .source = N_("Absolute value as torch.abs (gradient 0 at 0)"),
    .summary = N_("Absolute value"),
    .kinks = kinks_zero,
    .formula = "|x|",
    .derivative_formula = "sign x",
    .properties = PROPS (0, INF, false, C0, false, NONE, false, EVEN, false),
  },
  ROW (cos),
    .aliases = ALIASES ("cosine"),
    .category = AXON_CATEGORY_PERIODIC,
    .source = N_("cos(ω₀x), the cosine counterpart of SIREN (Sitzmann et al. 2020)"),
    .summary = N_("Cosine with a frequency factor"),
    .n_params = 1,
    .params = {
      PARAM ("w0", 1, 0.01, 100, N_("Frequency factor ω₀")),
    },
    .formula = "cos(ω<sub>0</sub> x)",
    .derivative_formula = "−ω<sub>0</sub> sin(ω<sub>0</sub> x)",
    .properties = PROPS (-1, 1, false, SMOOTH, false, NONE, false, EVEN, false),
  },
  ROW (sinc),
    .category = AXON_CATEGORY_PERIODIC,
    .source = N_("Unnormalised sinc, sin(x)/x with sinc(0) = 1"),
    .summary = N_("sin(x)/x, a decaying wave"),
    .formula = "sin(x) / x;  1 (x = 0)",
    .derivative_formula = "(x cos x − sin x) / x<sup>2</sup>;  0 (x = 0)",
    /* minimum -0.21723362821122166 at x = 4.49341 (mpmath) */
    .properties = PROPS (-0x1.bce4fc0611a76p-3, 1, false, SMOOTH, false, BOTH, false, EVEN,
                         false),
  },
  ROW (signum),
    .aliases = ALIASES ("sign", "sgn"),
    .category = AXON_CATEGORY_STEP,
    .source = N_("torch.sign: −1, 0, 1 with gradient 0"),
    .summary = N_("The sign of x"),
    .kinks = kinks_zero,
    .formula = "−1 (x &lt; 0);  0 (x = 0);  1 (x &gt; 0)",
    .derivative_formula = "0",
    .properties = PROPS (-1, 1, true, DISCONTINUOUS, true, BOTH, false, ODD, true),
  },
  ROW (isru),
    .category = AXON_CATEGORY_SIGMOID,
    .source = N_("Carlile et al. 2017, inverse square root unit (ISRU)"),
    .summary = N_("An algebraic sigmoid, x/√(1 + αx²)"),
    .n_params = 1,
    .params = {
      PARAM ("alpha", 1, 0, 100, N_("The output lies in (−1/√α, 1/√α)")),
    },
    .formula = "x / √(1 + αx<sup>2</sup>)",
    .derivative_formula = "(1 + αx<sup>2</sup>)<sup>−3/2</sup>",
    .properties = PROPS (-1, 1, true, SMOOTH, true, BOTH, true, ODD, false),
  },
  ROW (isrlu),
    .category = AXON_CATEGORY_EXPONENTIAL_LINEAR,
    .source = N_("Carlile et al. 2017, inverse square root linear unit (ISRLU)"),
    .summary = N_("ELU-like, with an inverse square root for x < 0"),
    .n_params = 1,
    .params = {
      PARAM ("alpha", 1, 0, 100, N_("Negative saturation value −1/√α")),
    },
    .formula = "x (x ≥ 0);  x / √(1 + αx<sup>2</sup>) (x &lt; 0)",
    .derivative_formula = "1 (x ≥ 0);  (1 + αx<sup>2</sup>)<sup>−3/2</sup> (x &lt; 0)",
    .properties = PROPS (-1, INF, true, C1, false, LEFT, true, NONE, false),
  },
  ROW (srelu),
    .aliases = ALIASES ("s_shaped_relu"),
    .category = AXON_CATEGORY_RELU,
    .source = N_("Jin et al. 2016, S-shaped ReLU (Keras-contrib SReLU), fixed thresholds"),
    .summary = N_("Identity between two thresholds, other slopes outside"),
    .n_params = 4,
    .params = {
      PARAM ("t_left", -1, -100, 100, N_("Left threshold")),
      PARAM ("a_left", 0.1, -10, 10, N_("Slope left of the left threshold")),
      PARAM ("t_right", 1, -100, 100, N_("Right threshold")),
      PARAM ("a_right", 0.1, -10, 10, N_("Slope right of the right threshold")),
    },
    .kinks = kinks_srelu,
    .formula = "t<sub>l</sub> + a<sub>l</sub>(x − t<sub>l</sub>) (x &lt; t<sub>l</sub>);  "
               "x;  t<sub>r</sub> + a<sub>r</sub>(x − t<sub>r</sub>) (x &gt; t<sub>r</sub>)",
    .derivative_formula = "a<sub>l</sub> (x &lt; t<sub>l</sub>);  1;  "
                          "a<sub>r</sub> (x &gt; t<sub>r</sub>)",
    .properties = PROPS (-INF, INF, true, C0, true, NONE, true, ODD, false),
  },
  ROW (exponential),
    .aliases = ALIASES ("exp"),
    .category = AXON_CATEGORY_EXPONENTIAL,
    .source = "Keras activations.exponential",
    .summary = N_("The exponential function"),
    .formula = "e<sup>x</sup>",
    .derivative_formula = "e<sup>x</sup>",
    .properties = PROPS (0, INF, true, SMOOTH, false, LEFT, false, NONE, false),
  },
  ROW (sparse_plus),
    .category = AXON_CATEGORY_SMOOTH_RELU,
    .source = "JAX jax.nn.sparse_plus",
    .summary = N_("Softplus made of a parabola between two lines"),
    .formula = "0 (x ≤ −1);  (x + 1)<sup>2</sup>/4 (−1 &lt; x &lt; 1);  x (x ≥ 1)",
    .derivative_formula = "0 (x ≤ −1);  (x + 1)/2 (−1 &lt; x &lt; 1);  1 (x ≥ 1)",
    .properties = PROPS (0, INF, true, C1, false, LEFT, false, NONE, false),
  },
  ROW (threshold),
    .category = AXON_CATEGORY_STEP,
    .source = "PyTorch torch.nn.Threshold",
    .summary = N_("x above a threshold, a fixed value below"),
    .n_params = 2,
    .params = {
      PARAM ("threshold", 0.5, -100, 100, N_("Inputs at or below it are replaced")),
      PARAM ("value", 0, -100, 100, N_("The replacement value")),
    },
    .kinks = kinks_threshold,
    .formula = "x (x &gt; threshold);  value otherwise",
    .derivative_formula = "1 (x &gt; threshold);  0 otherwise",
    .properties = PROPS (0, INF, true, DISCONTINUOUS, false, LEFT, false, NONE, true),
  },
  ROW (multiquadratic),
    .aliases = ALIASES ("multiquadric"),
    .category = AXON_CATEGORY_RADIAL,
    .source = N_("Hardy's multiquadric radial basis function"),
    .summary = N_("Distance to a centre, smoothed by a"),
    .n_params = 2,
    .params = {
      PARAM ("c", 0, -100, 100, N_("Centre")),
      PARAM ("a", 1, 0, 100, N_("Smoothing; the value at the centre")),
    },
    .kinks = kinks_multiquadratic,
    .formula = "√((x − c)<sup>2</sup> + a<sup>2</sup>)",
    .derivative_formula = "(x − c) / √((x − c)<sup>2</sup> + a<sup>2</sup>)",
    .properties = PROPS (1, INF, false, SMOOTH, false, NONE, false, EVEN, false),
  },
  ROW (inverse_multiquadratic),
    .aliases = ALIASES ("inverse_multiquadric"),
    .category = AXON_CATEGORY_RADIAL,
    .source = N_("Inverse multiquadric radial basis function"),
    .summary = N_("A heavy-tailed bump around a centre"),
    .n_params = 2,
    .params = {
      PARAM ("c", 0, -100, 100, N_("Centre")),
      PARAM ("a", 1, 1e-3, 100, N_("Width; the peak value is 1/a")),
    },
    .formula = "1 / √((x − c)<sup>2</sup> + a<sup>2</sup>)",
    .derivative_formula = "−(x − c) / ((x − c)<sup>2</sup> + a<sup>2</sup>)<sup>3/2</sup>",
    .properties = PROPS (0, 1, false, SMOOTH, false, BOTH, false, EVEN, false),
  },
};

const AxonActivation *
axon_activation_get (AxonActivationId id)
{
  g_return_val_if_fail ((unsigned) id < AXON_N_ACTIVATIONS, NULL);

  return &activations[id];
}
