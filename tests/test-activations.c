/* test-activations.c: the descriptor table and the float64 kernels, checked as data.
 *
 * - reference: every row of tests/data/activations-reference.tsv (PyTorch float64 values);
 * - tails: values computed with mpmath at 700 digits where a naive formula cancels;
 * - derivatives: f' against gsl_deriv_central away from the kinks;
 * - special values: NaN, +-0, +-inf (the limits), +-100, +-1e10;
 * - properties: every declared property checked numerically on a dense grid;
 * - table, kinks and presets: the metadata is consistent.
 *
 * Each check collects its failures, prints the first ones with the call that failed and
 * fails once at the end, so one run shows every broken activation.
 */
#include <float.h>
#include <glib.h>
#include <gsl/gsl_deriv.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "axon-activation-kernels.h"
#include "axon-presets.h"
#include "axon-registry.h"

/* ---- failure collection --------------------------------------------------------- */

typedef struct
{
  unsigned count;
} Failures;

#define MAX_REPORTED 40

static void G_GNUC_PRINTF (2, 3)
fail (Failures   *failures,
      const char *format,
      ...)
{
  va_list args;

  if (failures->count++ < MAX_REPORTED)
    {
      g_autofree char *message = NULL;

      va_start (args, format);
      message = g_strdup_vprintf (format, args);
      va_end (args);
      g_test_message ("%s", message);
    }
}

static void
finish (Failures   *failures,
        const char *what)
{
  if (failures->count > 0)
    g_test_fail_printf ("%u %s failed (first %u listed above)", failures->count, what,
                        MIN (failures->count, MAX_REPORTED));
}

static const AxonActivation *
row (unsigned i)
{
  return axon_activation_get ((AxonActivationId) i);
}

static char *
params_text (const AxonActivation *a,
             const AxonParams     *p)
{
  char *s = axon_params_to_string (a, p);

  if (*s == '\0')
    {
      g_free (s);
      return g_strdup ("-");
    }
  return s;
}

/* |got - want| <= rel |want| + abs, with NaN == NaN and inf == inf of the same sign. */
static gboolean
close_enough (double got,
              double want,
              double rel,
              double abs_floor)
{
  if (isnan (want))
    return isnan (got);
  if (isinf (want))
    return got == want;
  if (!isfinite (got))
    return FALSE;
  return fabs (got - want) <= rel * fabs (want) + abs_floor;
}

/* ---- /axon/activations/table ------------------------------------------------------ */

static void
markup_start (GMarkupParseContext *context,
              const char          *element,
              const char         **names,
              const char         **values,
              gpointer             user_data,
              GError             **error)
{
  static const char *const allowed[] = { "markup", "sup", "sub", "i", "b", "span", NULL };

  if (!g_strv_contains (allowed, element))
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT, "element <%s>",
                 element);
}

/* Pango markup is XML: a stray '<' or '&' makes the formula fail to render. */
static gboolean
markup_is_valid (const char *markup,
                 GError    **error)
{
  static const GMarkupParser parser = { markup_start, NULL, NULL, NULL, NULL };
  g_autofree char *doc = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL,
                                                                         NULL);

  return g_markup_parse_context_parse (context, doc, -1, error)
         && g_markup_parse_context_end_parse (context, error);
}

static void
test_table (void)
{
  Failures failures = { 0 };
  g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (AXON_N_ACTIVATIONS, >=, 45);
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = row (i);
      const char *name = a->name ? a->name : "(null)";
      g_autoptr (GError) error = NULL;

      if (a->name == NULL || (unsigned) a->id != i)
        {
          fail (&failures, "row %u: missing or wrong id (name %s, id %d)", i, name, a->id);
          continue;
        }
      if (!g_hash_table_add (names, (gpointer) a->name))
        fail (&failures, "%s: canonical name used twice", name);
      if (!a->f64 || !a->df64 || !a->f32 || !a->df32)
        fail (&failures, "%s: a function pointer is NULL", name);
      if (!a->source || !*a->source || !a->summary || !*a->summary)
        fail (&failures, "%s: empty source or summary", name);
      if ((unsigned) a->category >= AXON_N_CATEGORIES)
        fail (&failures, "%s: category %d out of range", name, a->category);
      if (!a->formula || !markup_is_valid (a->formula, &error))
        fail (&failures, "%s: formula is not valid markup: %s", name,
              error ? error->message : "NULL");
      g_clear_error (&error);
      if (!a->derivative_formula || !markup_is_valid (a->derivative_formula, &error))
        fail (&failures, "%s: derivative_formula is not valid markup: %s", name,
              error ? error->message : "NULL");
      if (a->n_params > AXON_MAX_PARAMS)
        fail (&failures, "%s: %u params", name, a->n_params);
      for (unsigned j = 0; j < a->n_params && j < AXON_MAX_PARAMS; j++)
        {
          const AxonParamSpec *s = &a->params[j];

          if (!s->name || !*s->name || !s->meaning || !*s->meaning)
            fail (&failures, "%s: param %u has no name or meaning", name, j);
          else if (axon_activation_param_index (a, s->name) != (int) j)
            fail (&failures, "%s: param name %s is not unique", name, s->name);
          if (!(isfinite (s->min) && isfinite (s->max) && s->min < s->max))
            fail (&failures, "%s.%s: bad bounds [%g, %g]", name, s->name, s->min, s->max);
          if (!(s->default_value >= s->min && s->default_value <= s->max))
            fail (&failures, "%s.%s: default %.17g outside [%g, %g]", name, s->name,
                  s->default_value, s->min, s->max);
        }
      {
        AxonParams p;

        axon_params_init_default (a, &p);
        if (!axon_params_validate (a, &p, &error))
          fail (&failures, "%s: defaults do not validate: %s", name, error->message);
      }
    }
  finish (&failures, "table checks");
}

/* ---- /axon/activations/reference -------------------------------------------------- */

/* The reference values are PyTorch's own float64 results. Where PyTorch's formula
 * subtracts numbers of order 1 to get a tiny result (1 + erf, 1 - tanh^2, y (1 - y),
 * exp - 1, x - tanh x) the reference itself is only good to about eps absolute, while
 * Axon's value is accurate (checked against mpmath in /axon/activations/tails). Such rows
 * are compared with an absolute floor of 4 eps max (1, |x|), and only where the reference
 * is small (|ref| < 1e-3, below which eps/|ref| exceeds 2e-13); everywhere else the
 * tolerance is relative 1e-12. */
#define REF_REL 1e-12
#define REF_TINY 1e-3
#define REF_FLOOR (4 * DBL_EPSILON)

static double
reference_tolerance (double want,
                     double x)
{
  if (fabs (want) < REF_TINY)
    return REF_REL * fabs (want) + REF_FLOOR * fmax (1.0, fabs (x));
  return REF_REL * fabs (want);
}

static gboolean
parse_double (const char *text,
              double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

static void
test_reference (void)
{
  g_autofree char *path = g_build_filename (AXON_TEST_DATA, "activations-reference.tsv",
                                            NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Failures failures = { 0 };
  unsigned rows = 0, floored = 0;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (unsigned n = 0; lines[n]; n++)
    {
      g_auto (GStrv) cols = NULL;
      const AxonActivation *a;
      AxonParams p;
      unsigned mask;
      double x, f_want, df_want, f_got, df_got;

      if (lines[n][0] == '\0' || lines[n][0] == '#')
        continue;
      cols = g_strsplit (lines[n], "\t", -1);
      if (g_strv_length (cols) != 5 || !parse_double (cols[2], &x)
          || !parse_double (cols[3], &f_want) || !parse_double (cols[4], &df_want))
        {
          fail (&failures, "line %u: malformed: %s", n + 1, lines[n]);
          continue;
        }
      a = axon_activation_lookup (cols[0], NULL, &mask);
      if (a == NULL || strcmp (a->name, cols[0]) != 0)
        {
          fail (&failures, "line %u: %s is not a canonical name", n + 1, cols[0]);
          continue;
        }
      axon_params_init_default (a, &p);
      if (!axon_params_assign_list (a, &p, mask, cols[1], &error)
          || !axon_params_validate (a, &p, &error))
        {
          fail (&failures, "line %u: params %s: %s", n + 1, cols[1], error->message);
          g_clear_error (&error);
          continue;
        }
      g_hash_table_add (seen, (gpointer) a->name);
      rows++;
      f_got = a->f64 (x, &p);
      df_got = a->df64 (x, &p);
      if (fabs (f_want) < REF_TINY && fabs (f_got - f_want) > REF_REL * fabs (f_want))
        floored++;
      if (!(fabs (f_got - f_want) <= reference_tolerance (f_want, x)))
        fail (&failures, "%s (%s) f(%.17g) = %.17g, reference %.17g (rel err %.3g)", a->name,
              cols[1], x, f_got, f_want, fabs (f_got - f_want) / fabs (f_want));
      if (!(fabs (df_got - df_want) <= reference_tolerance (df_want, x)))
        fail (&failures, "%s (%s) f'(%.17g) = %.17g, reference %.17g (rel err %.3g)",
              a->name, cols[1], x, df_got, df_want, fabs (df_got - df_want) / fabs (df_want));
    }
  g_test_message ("%u reference rows, %u activations, %u f values needed the floor", rows,
                  g_hash_table_size (seen), floored);
  g_assert_cmpuint (rows, >, 10000);
  g_assert_cmpuint (g_hash_table_size (seen), >=, 27);
  finish (&failures, "reference rows");
}

/* ---- /axon/activations/tails ------------------------------------------------------ */

/* Values where the textbook formula cancels or overflows, computed with mpmath at 700
 * significant digits (mp.diff for f') and rounded to double. Points where the function is
 * so ill-conditioned that the double rounding of a constant matters are left out
 * (gelu_tanh at -20: the decimal 0.044715 vs its double moves f by 4e-14). Formulas:
 *   x*ncdf(x), x*sigmoid(2*sqrt(2/pi)*(x+0.044715x^3)), x - tanh(x), sin(x)/x, ... */
typedef struct
{
  const char *name;
  const char *params;
  double x, f, df;
} Tail;

static const Tail tails[] = {
  { "sigmoid", "-", -30.0, 9.357622968839299e-14, 9.3576229688384233e-14 },
  { "sigmoid", "-", -700.0, 9.8596765437597709e-305, 9.8596765437597709e-305 },
  { "sigmoid", "-", -745.0, 2.8223507304719371e-324, 2.8223507304719371e-324 },
  { "sigmoid", "-", 30.0, 9.9999999999990642e-1, 9.3576229688384233e-14 },
  { "sigmoid", "-", 40.0, 1.0, 4.248354255291589e-18 },
  { "log_sigmoid", "-", 40.0, -4.248354255291589e-18, 4.248354255291589e-18 },
  { "log_sigmoid", "-", 700.0, -9.8596765437597709e-305, 9.8596765437597709e-305 },
  { "log_sigmoid", "-", -40.0, -4.0e+1, 1.0 },
  { "tanh", "-", 20.0, 9.9999999999999999e-1, 1.6993417021166356e-17 },
  { "tanh", "-", 300.0, 1.0, 1.0601586212017243e-260 },
  { "tanh", "-", 1e-08, 9.9999999999999999e-9, 0.9999999999999999 },
  { "gelu", "-", -8.0, -4.9767684594174273e-15, -3.979607261086796e-14 },
  { "gelu", "-", -30.0, -1.4720141781444561e-196, -4.4160316907084944e-195 },
  { "gelu", "-", -37.0, -2.1184613523340934e-298, -7.8382986694185162e-297 },
  { "gelu", "-", -1e-08, -4.9999999601057721e-9, 0.49999999202115439 },
  { "gelu_tanh", "-", -8.0, -3.1077829375011112e-21, -4.7147845041068416e-20 },
  { "gelu_tanh", "-", -1e-08, -4.9999999601057721e-9, 0.49999999202115439 },
  { "swish", "beta=1", -30.0, -2.8072868906517897e-12, -2.713710660963134e-12 },
  { "swish", "beta=1", -700.0, -6.9017735806318396e-302, -6.8919139040880798e-302 },
  { "swish", "beta=1", 1e-08, 5.0000000250000001e-9, 0.500000005 },
  { "swish", "beta=2", -30.0, -2.6269532288089561e-25, -5.166341349990947e-25 },
  { "mish", "-", -30.0, -2.807286890651921e-12, -2.7137106609633923e-12 },
  { "mish", "-", -700.0, -6.9017735806318396e-302, -6.8919139040880798e-302 },
  { "mish", "-", 1e-08, 6.0000000320000001e-9, 0.6000000064 },
  { "mish", "-", 25.0, 2.5e+1, 1.0 },
  { "softplus", "beta=1;threshold=20", -30.0, 9.3576229688397368e-14, 9.357622968839299e-14 },
  { "softplus", "beta=1;threshold=20", -700.0, 9.8596765437597709e-305, 9.8596765437597709e-305 },
  { "softplus", "beta=1;threshold=20", 19.0, 1.9000000005602796e+1, 0.99999999439720359 },
  { "softplus", "beta=2;threshold=20", -30.0, 4.3782553813482602e-27, 8.7565107626965203e-27 },
  { "elu", "alpha=1", -1e-08, -9.9999999500000004e-9, 0.99999999000000005 },
  { "elu", "alpha=1", -1e-300, -1.0e-300, 1.0 },
  { "celu", "alpha=1", -1e-08, -9.9999999500000004e-9, 0.99999999000000005 },
  { "selu", "-", -1e-08, -1.7580993320568802e-8, 1.7580993232663835 },
  { "tanhshrink", "-", 1e-06, 3.3333333333319995e-19, 9.9999999999933324e-13 },
  { "tanhshrink", "-", 0.001, 3.3333320000005399e-10, 9.9999933333371115e-7 },
  { "tanhshrink", "-", 0.3, 8.6873875484090932e-3, 0.084863038173370791 },
  { "tanhshrink", "-", 0.59, 6.010439247247057e-2, 0.28078935487696947 },
  { "tanhshrink", "-", 0.61, 6.5872901146432514e-2, 0.29607429970679999 },
  { "tanhshrink", "-", -0.5, -3.7882842739990241e-2, 0.21355226703407259 },
  { "sinc", "-", 0.0001, 9.9999999833333333e-1, -3.3333333300000002e-5 },
  { "sinc", "-", 1e-08, 9.9999999999999998e-1, -3.3333333333333334e-9 },
  { "sinc", "-", 0.5, 9.58851077208406e-1, -0.16253703063606657 },
  { "sinc", "-", 0.999, 8.4177203389051192e-1, -0.30092945678572561 },
  { "sinc", "-", 1.001, 8.4116969659166529e-1, -0.30140772399522345 },
  { "sinc", "-", 3.0, 4.7040002686622407e-2, -0.34567749976235595 },
  { "square_plus", "b=4", -10000000000.0, 1.0e-10, 1.0e-20 },
  { "square_plus", "b=4", -100000.0, 9.999999999e-6, 9.999999997e-11 },
  { "square_plus", "b=4", -30.0, 3.3296378372908271e-2, 0.001107421071695522 },
  { "log_log", "-", -30.0, 9.3576229688397368e-14, 9.357622968839299e-14 },
  { "log_log", "-", -700.0, 9.8596765437597709e-305, 9.8596765437597709e-305 },
  { "tanh_exp", "-", -30.0, -2.8072868906520524e-12, -2.7137106609636506e-12 },
  { "tanh_exp", "-", -700.0, -6.9017735806318396e-302, -6.8919139040880798e-302 },
  { "exp_tanh", "-", -30.0, 9.3576229688401746e-14, 9.3576229688401746e-14 },
  { "exp_tanh", "-", 30.0, 1.0, 0 },
  { "exp_tanh", "-", 3.0, 9.9999999999999999e-1, 2.8765222219920437e-16 },
  { "bent_identity", "-", 1e-08, 1.0000000025e-8, 1.000000005 },
  { "bent_identity", "-", -1e-05, -9.9999750000000014e-6, 0.99999500000000025 },
  { "bent_identity", "-", -10000000000.0, -5.0000000005e+9, 0.5 },
  { "isru", "alpha=1", 10000000000.0, 1.0, 1.0e-30 },
  { "isru", "alpha=1", -1e+200, -1.0, 0 },
  { "isrlu", "alpha=1", -1e+200, -1.0, 0 },
  { "isrlu", "alpha=1", -1e-08, -9.9999999999999997e-9, 0.99999999999999985 },
  { "lecun_tanh", "-", 30.0, 1.7159, 1.9439336177746233e-17 },
  { "symmetrical_sigmoid", "-", 60.0, 1.0, 1.7513021525393041e-26 },
  { "inverse_multiquadratic", "c=0;a=1", 1e+150, 1.0e-150, -1.0e-300 },
  { "inverse_multiquadratic", "c=0;a=1", -3.0, 3.1622776601683793e-1, 0.09486832980505138 },
  { "gaussian", "centre=0;width=1", 25.0, 3.6808558548018006e-272, -1.8404279274009003e-270 },
  { "gaussian", "centre=0;width=1", -0.5, 7.7880078307140487e-1, 0.77880078307140487 },
};

#define TAIL_REL 4e-15

static void
test_tails (void)
{
  Failures failures = { 0 };

  for (unsigned i = 0; i < G_N_ELEMENTS (tails); i++)
    {
      const Tail *t = &tails[i];
      const AxonActivation *a = axon_activation_lookup (t->name, NULL, NULL);
      g_autoptr (GError) error = NULL;
      AxonParams p;
      double f, df;

      g_assert_nonnull (a);
      axon_params_init_default (a, &p);
      g_assert_true (axon_params_assign_list (a, &p, 0, t->params, &error));
      f = a->f64 (t->x, &p);
      df = a->df64 (t->x, &p);
      /* DBL_TRUE_MIN-sized floor: a subnormal reference has few significant bits. */
      if (!close_enough (f, t->f, TAIL_REL, 4 * DBL_TRUE_MIN))
        fail (&failures, "%s (%s) f(%.17g) = %.17g, want %.17g (rel err %.3g)", t->name,
              t->params, t->x, f, t->f, fabs (f - t->f) / fabs (t->f));
      if (!close_enough (df, t->df, TAIL_REL, 4 * DBL_TRUE_MIN))
        fail (&failures, "%s (%s) f'(%.17g) = %.17g, want %.17g (rel err %.3g)", t->name,
              t->params, t->x, df, t->df, fabs (df - t->df) / fabs (t->df));
    }
  finish (&failures, "tail values");
}

/* ---- /axon/activations/derivatives ------------------------------------------------ */

typedef struct
{
  const AxonActivation *a;
  const AxonParams *p;
} Closure;

static double
closure_f (double x,
           void  *data)
{
  const Closure *c = data;

  return c->a->f64 (x, c->p);
}

static gboolean
near_kink (const AxonActivation *a,
           const AxonParams     *p,
           double                x,
           double                distance)
{
  double k[AXON_MAX_KINKS];
  size_t n = a->kinks ? a->kinks (p, k) : 0;

  for (size_t i = 0; i < n; i++)
    if (fabs (x - k[i]) <= distance)
      return TRUE;
  return FALSE;
}

static void
check_derivatives (const AxonActivation *a,
                   const AxonParams     *p,
                   Failures             *failures)
{
  Closure c = { a, p };
  gsl_function F = { closure_f, &c };
  g_autofree char *ptext = params_text (a, p);

  for (int i = -48; i <= 48; i++)
    {
      double x = i * 0.125 + 0.0078125; /* off the grid of round numbers kinks sit on */
      double h = 1e-3 * fmax (1.0, fabs (x));
      double numeric, abserr, df;

      if (near_kink (a, p, x, 10 * h))
        continue;
      gsl_deriv_central (&F, x, h, &numeric, &abserr);
      df = a->df64 (x, p);
      if (!(fabs (df - numeric) <= 1e-7 * (1.0 + fabs (df))))
        fail (failures, "%s (%s) f'(%.17g) = %.17g, gsl_deriv_central %.17g (+-%.3g)",
              a->name, ptext, x, df, numeric, abserr);
    }
}

static void
test_derivatives (void)
{
  Failures failures = { 0 };

  gsl_set_error_handler_off ();
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = row (i);
      AxonParams p;

      axon_params_init_default (a, &p);
      check_derivatives (a, &p, &failures);
      /* and at each framework's parameters, where they differ */
      for (unsigned fw = 0; fw < AXON_N_FRAMEWORKS; fw++)
        if (axon_framework_get_params ((AxonFramework) fw, a, &p))
          check_derivatives (a, &p, &failures);
    }
  finish (&failures, "derivative checks");
}

/* ---- /axon/activations/special-values --------------------------------------------- */

/* Limits at -inf and +inf at the default parameters: f(-inf), f'(-inf), f(inf), f'(inf).
 * NaN where there is no limit (sin, cos). */
typedef struct
{
  const char *name;
  double f_minus, df_minus, f_plus, df_plus;
} Limits;

#define INF INFINITY
#define SELU_SCALE 1.0507009873554804934193349852946
#define SELU_ALPHA 1.6732632423543772848170429916717

static const Limits limits[] = {
  { "identity", -INF, 1, INF, 1 },
  { "step", 0, 0, 1, 0 },
  { "sigmoid", 0, 0, 1, 0 },
  { "hard_sigmoid", 0, 0, 1, 0 },
  { "log_sigmoid", -INF, 1, 0, 0 },
  { "tanh", -1, 0, 1, 0 },
  { "hard_tanh", -1, 0, 1, 0 },
  { "relu", 0, 0, INF, 1 },
  { "relu6", 0, 0, 6, 0 },
  { "leaky_relu", -INF, 0.01, INF, 1 },
  { "prelu", -INF, 0.25, INF, 1 },
  { "rrelu", -INF, (1.0 / 8 + 1.0 / 3) / 2, INF, 1 },
  { "elu", -1, 0, INF, 1 },
  { "celu", -1, 0, INF, 1 },
  { "selu", -SELU_SCALE * SELU_ALPHA, 0, INF, SELU_SCALE },
  { "gelu", 0, 0, INF, 1 },
  { "gelu_tanh", 0, 0, INF, 1 },
  { "swish", 0, 0, INF, 1 },
  { "hard_swish", 0, 0, INF, 1 },
  { "mish", 0, 0, INF, 1 },
  { "softplus", 0, 0, INF, 1 },
  { "softsign", -1, 0, 1, 0 },
  { "sin", NAN, NAN, NAN, NAN },
  { "gaussian", 0, 0, 0, 0 },
  { "tanhshrink", -INF, 1, INF, 1 },
  { "softshrink", -INF, 1, INF, 1 },
  { "hardshrink", -INF, 1, INF, 1 },
  { "lecun_tanh", -1.7159, 0, 1.7159, 0 },
  { "square_plus", 0, 0, INF, 1 },
  { "log_log", 0, 0, 1, 0 },
  { "hard_mish", 0, 0, INF, 1 },
  { "tanh_exp", 0, 0, INF, 1 },
  { "exp_tanh", 0, 0, 1, 0 },
  { "squared_relu", 0, 0, INF, INF },
  { "leaky_relu6", -INF, 0.2, 6, 0 },
  { "bent_identity", -INF, 0.5, INF, 1.5 },
  { "arctan", -M_PI_2, 0, M_PI_2, 0 },
  { "symmetrical_sigmoid", -1, 0, 1, 0 },
  { "absolute", INF, -1, INF, 1 },
  { "cos", NAN, NAN, NAN, NAN },
  { "sinc", 0, 0, 0, 0 },
  { "signum", -1, 0, 1, 0 },
  { "isru", -1, 0, 1, 0 },
  { "isrlu", -1, 0, INF, 1 },
  { "srelu", -INF, 0.1, INF, 0.1 },
  { "exponential", 0, 0, INF, INF },
  { "sparse_plus", 0, 0, INF, 1 },
  { "threshold", 0, 0, INF, 1 },
  { "multiquadratic", INF, -1, INF, 1 },
  { "inverse_multiquadratic", 0, 0, 0, 0 },
};

/* Where the true value overflows double, inf is the right answer. */
static gboolean
overflows (const AxonActivation *a,
           double                x)
{
  return (a->id == AXON_ACTIVATION_exponential && x > 709)
         || (a->id == AXON_ACTIVATION_squared_relu && x > 1e154);
}

static void
test_special_values (void)
{
  static const double finite_inputs[] = { 100, -100, 1e10, -1e10, 1e300, -1e300, DBL_MIN,
                                          -DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN };
  Failures failures = { 0 };
  gboolean covered[AXON_N_ACTIVATIONS] = { FALSE };

  for (unsigned i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      const Limits *l = &limits[i];
      const AxonActivation *a = axon_activation_lookup (l->name, NULL, NULL);
      AxonParams p;
      struct
      {
        const char *what;
        double got, want;
      } checks[4];

      g_assert_nonnull (a);
      covered[a->id] = TRUE;
      axon_params_init_default (a, &p);
      checks[0].what = "f(-inf)";
      checks[0].got = a->f64 (-INF, &p);
      checks[0].want = l->f_minus;
      checks[1].what = "f'(-inf)";
      checks[1].got = a->df64 (-INF, &p);
      checks[1].want = l->df_minus;
      checks[2].what = "f(inf)";
      checks[2].got = a->f64 (INF, &p);
      checks[2].want = l->f_plus;
      checks[3].what = "f'(inf)";
      checks[3].got = a->df64 (INF, &p);
      checks[3].want = l->df_plus;
      for (unsigned c = 0; c < 4; c++)
        if (!close_enough (checks[c].got, checks[c].want, 1e-15, 0))
          fail (&failures, "%s %s = %.17g, want %.17g", a->name, checks[c].what,
                checks[c].got, checks[c].want);

      /* Far out the value is finite and close to a finite limit. */
      for (unsigned s = 0; s < 2; s++)
        {
          double x = s ? 1e10 : -1e10;
          double lf = s ? l->f_plus : l->f_minus, ldf = s ? l->df_plus : l->df_minus;
          double f = a->f64 (x, &p), df = a->df64 (x, &p);

          if (isfinite (lf) && !(fabs (f - lf) <= 1e-9 * fmax (1.0, fabs (lf))))
            fail (&failures, "%s f(%g) = %.17g, far from the limit %.17g", a->name, x, f, lf);
          if (isfinite (ldf) && !(fabs (df - ldf) <= 1e-9 * fmax (1.0, fabs (ldf))))
            fail (&failures, "%s f'(%g) = %.17g, far from the limit %.17g", a->name, x, df,
                  ldf);
        }
    }
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    if (!covered[i])
      fail (&failures, "%s has no row in the limits table", row (i)->name);

  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = row (i);
      AxonParams p;

      axon_params_init_default (a, &p);
      if (!isnan (a->f64 (NAN, &p)) || !isnan (a->df64 (NAN, &p)))
        fail (&failures, "%s: f(nan) = %g, f'(nan) = %g, want nan", a->name,
              a->f64 (NAN, &p), a->df64 (NAN, &p));
      if (!isfinite (a->f64 (0.0, &p)) || a->f64 (0.0, &p) != a->f64 (-0.0, &p)
          || a->df64 (0.0, &p) != a->df64 (-0.0, &p))
        fail (&failures, "%s: f(0) = %g, f(-0) = %g, f'(0) = %g, f'(-0) = %g", a->name,
              a->f64 (0.0, &p), a->f64 (-0.0, &p), a->df64 (0.0, &p), a->df64 (-0.0, &p));
      for (unsigned j = 0; j < G_N_ELEMENTS (finite_inputs); j++)
        {
          double x = finite_inputs[j];
          double f = a->f64 (x, &p), df = a->df64 (x, &p);

          if (overflows (a, x))
            continue;
          if (!isfinite (f) || !isfinite (df))
            fail (&failures, "%s: f(%g) = %g, f'(%g) = %g, want finite", a->name, x, f, x,
                  df);
        }
    }
  finish (&failures, "special-value checks");
}

/* ---- /axon/activations/properties ------------------------------------------------- */

#define GRID_MIN -20.0
#define GRID_STEP 0.01
#define GRID_N 4001
static const double far_points[] = { -1e6, -1e3, -100, 100, 1e3, 1e6 };

static double
grid_x (int i)
{
  return GRID_MIN + i * GRID_STEP;
}

/* E[f(Z)] for Z ~ N(0, 1), trapezoid rule on [-10, 10]. */
static double
normal_mean (const AxonActivation *a,
             const AxonParams     *p)
{
  const double h = 1e-3;
  double sum = 0;

  for (int i = -10000; i <= 10000; i++)
    {
      double x = i * h;
      double w = (i == -10000 || i == 10000) ? 0.5 : 1.0;

      sum += w * a->f64 (x, p) * exp (-0.5 * x * x);
    }
  return sum * h / sqrt (2 * M_PI);
}

static gboolean
df_small_far_out (const AxonActivation *a,
                  const AxonParams     *p,
                  double                sign,
                  double               *largest)
{
  static const double offsets[] = { 0, 0.5, 1.1, 1.7 };

  *largest = 0;
  for (unsigned i = 0; i < G_N_ELEMENTS (offsets); i++)
    *largest = fmax (*largest, fabs (a->df64 (sign * (1e6 + offsets[i]), p)));
  return *largest <= 1e-4;
}

static void
check_properties (const AxonActivation *a,
                  Failures             *failures)
{
  const AxonProperties *pr = &a->properties;
  const char *name = a->name;
  AxonParams p;
  double fmin_seen = INF, fmax_seen = -INF;
  gboolean negative_df = FALSE, negative_side_df = FALSE, odd = TRUE, even = TRUE;
  gboolean decreasing = FALSE;
  double mean, largest;
  double f0, df0;

  axon_params_init_default (a, &p);

  for (int i = 0; i < GRID_N; i++)
    {
      double x = grid_x (i);
      double f = a->f64 (x, &p), df = a->df64 (x, &p);
      double fm = a->f64 (-x, &p);

      fmin_seen = fmin (fmin_seen, f);
      fmax_seen = fmax (fmax_seen, f);
      if (df < 0)
        negative_df = TRUE;
      if (x < 0 && df != 0)
        negative_side_df = TRUE;
      if (fabs (fm + f) > 1e-14 * (1 + fabs (f)))
        odd = FALSE;
      if (fabs (fm - f) > 1e-14 * (1 + fabs (f)))
        even = FALSE;
      if (i > 0)
        {
          double xp = grid_x (i - 1);
          double fp = a->f64 (xp, &p), dfp = a->df64 (xp, &p);

          if (f < fp - 1e-15 * (1 + fabs (fp)))
            decreasing = TRUE;
          /* No jump the continuity class does not allow (steps of 0.01). */
          if (pr->continuity >= AXON_CONTINUITY_C0 && fabs (f - fp) > 0.05 * (1 + fabs (f)))
            fail (failures, "%s: f jumps between %g and %g (%.6g to %.6g) but is declared "
                  "continuous", name, xp, x, fp, f);
          if (pr->continuity >= AXON_CONTINUITY_C1 && fabs (df - dfp) > 0.05 * (1 + fabs (df)))
            fail (failures, "%s: f' jumps between %g and %g (%.6g to %.6g) but is declared "
                  "C1", name, xp, x, dfp, df);
        }
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (far_points); i++)
    {
      double f = a->f64 (far_points[i], &p);

      fmin_seen = fmin (fmin_seen, f);
      fmax_seen = fmax (fmax_seen, f);
    }

  /* monotonic: f' >= 0 everywhere, and f never decreases; and when not declared, it does
   * decrease somewhere on the grid (the flag is not just conservative). */
  if (pr->monotonic && (negative_df || decreasing))
    fail (failures, "%s: declared monotonic but f' < 0 or f decreases on [-20, 20]", name);
  if (!pr->monotonic && !negative_df && !decreasing)
    fail (failures, "%s: declared non-monotonic but f' >= 0 on all of [-20, 20]", name);

  /* range: bounds hold and are attained or approached within 1e-3 */
  if (fmin_seen < pr->range_min - 1e-12 * (1 + fabs (pr->range_min)))
    fail (failures, "%s: f reaches %.17g below range_min %.17g", name, fmin_seen,
          pr->range_min);
  if (fmax_seen > pr->range_max + 1e-12 * (1 + fabs (pr->range_max)))
    fail (failures, "%s: f reaches %.17g above range_max %.17g", name, fmax_seen,
          pr->range_max);
  if (isfinite (pr->range_min) ? fmin_seen > pr->range_min + 1e-3 * (1 + fabs (pr->range_min))
                               : fmin_seen > -1e3)
    fail (failures, "%s: range_min %.17g is not approached (lowest f seen %.17g)", name,
          pr->range_min, fmin_seen);
  if (isfinite (pr->range_max) ? fmax_seen < pr->range_max - 1e-3 * (1 + fabs (pr->range_max))
                               : fmax_seen < 1e3)
    fail (failures, "%s: range_max %.17g is not approached (highest f seen %.17g)", name,
          pr->range_max, fmax_seen);

  /* symmetry */
  if (pr->symmetry == AXON_SYMMETRY_ODD && !odd)
    fail (failures, "%s: declared odd but f(-x) != -f(x)", name);
  if (pr->symmetry == AXON_SYMMETRY_EVEN && !even)
    fail (failures, "%s: declared even but f(-x) != f(x)", name);
  if (pr->symmetry == AXON_SYMMETRY_NONE && (odd || even))
    fail (failures, "%s: declared without symmetry but is %s", name, odd ? "odd" : "even");

  /* identity near zero: f(0) = 0 and f'(0) = 1 */
  f0 = a->f64 (0.0, &p);
  df0 = a->df64 (0.0, &p);
  if (pr->identity_near_zero != (fabs (f0) <= 1e-15 && fabs (df0 - 1) <= 1e-12))
    fail (failures, "%s: identity_near_zero = %d but f(0) = %.17g, f'(0) = %.17g", name,
          pr->identity_near_zero, f0, df0);

  /* dead zone: f' = 0 on all of x < 0 */
  if (pr->dead_zone == negative_side_df)
    fail (failures, "%s: dead_zone = %d but f' %s 0 on the negative grid", name,
          pr->dead_zone, negative_side_df ? "is not always" : "is always");

  /* saturating: |f'| -> 0 far out on that side, and not when undeclared */
  if (!!(pr->saturating & AXON_SATURATES_LEFT) != df_small_far_out (a, &p, -1, &largest))
    fail (failures, "%s: saturates-left = %d but |f'| near -1e6 is %.3g", name,
          !!(pr->saturating & AXON_SATURATES_LEFT), largest);
  if (!!(pr->saturating & AXON_SATURATES_RIGHT) != df_small_far_out (a, &p, 1, &largest))
    fail (failures, "%s: saturates-right = %d but |f'| near 1e6 is %.3g", name,
          !!(pr->saturating & AXON_SATURATES_RIGHT), largest);

  /* zero-centred: takes both signs and E[f(Z)] ~ 0 for standard normal input */
  mean = normal_mean (a, &p);
  if (pr->zero_centred != (fmin_seen < 0 && fmax_seen > 0 && fabs (mean) < 0.05))
    fail (failures, "%s: zero_centred = %d but E[f(Z)] = %.4f on [%.3g, %.3g]", name,
          pr->zero_centred, mean, fmin_seen, fmax_seen);
}

static void
test_properties (void)
{
  Failures failures = { 0 };

  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    check_properties (row (i), &failures);
  finish (&failures, "property checks");
}

/* ---- /axon/activations/kinks ------------------------------------------------------ */

static void
check_kinks (const AxonActivation *a,
             const AxonParams     *p,
             Failures             *failures)
{
  g_autofree char *ptext = params_text (a, p);
  double k[AXON_MAX_KINKS + 1];
  size_t n = 0;
  gboolean f_jump = FALSE, df_jump = FALSE;
  AxonContinuity c = a->properties.continuity;

  if (a->kinks)
    n = a->kinks (p, k);
  if (n > AXON_MAX_KINKS)
    {
      fail (failures, "%s (%s): %zu kinks", a->name, ptext, n);
      return;
    }
  for (size_t i = 0; i < n; i++)
    {
      double d = 1e-12 * fmax (1.0, fabs (k[i]));
      double jf = fabs (a->f64 (k[i] + d, p) - a->f64 (k[i] - d, p));
      double jdf = fabs (a->df64 (k[i] + d, p) - a->df64 (k[i] - d, p));

      if (!isfinite (k[i]) || (i > 0 && !(k[i] > k[i - 1])))
        fail (failures, "%s (%s): kinks not finite and strictly ascending at %zu (%g)",
              a->name, ptext, i, k[i]);
      /* A reported kink is real: f or f' jumps there. */
      if (jf <= 1e-10 && jdf <= 1e-10)
        fail (failures, "%s (%s): nothing jumps at the kink %.17g", a->name, ptext, k[i]);
      f_jump |= jf > 1e-6;
      df_jump |= jdf > 1e-6;
    }
  /* The continuity class (declared at the defaults) matches what happens at the kinks. */
  if (c == AXON_CONTINUITY_DISCONTINUOUS && !f_jump)
    fail (failures, "%s: declared discontinuous but f jumps at no kink", a->name);
  if (c >= AXON_CONTINUITY_C0 && f_jump)
    fail (failures, "%s: declared continuous but f jumps at a kink", a->name);
  if (c == AXON_CONTINUITY_C0 && !df_jump)
    fail (failures, "%s: declared C0 but f' jumps at no kink", a->name);
  if (c >= AXON_CONTINUITY_C1 && df_jump)
    fail (failures, "%s: declared C1 or smooth but f' jumps at a kink", a->name);
}

static void
test_kinks (void)
{
  /* Non-default parameter sets that move, add or remove kinks. */
  static const struct
  {
    const char *name, *params;
  } variants[] = {
    { "hard_sigmoid", "slope=0.2;offset=0.5" }, { "hard_tanh", "min=-2;max=0.5" },
    { "elu", "alpha=1.1" },                     { "softplus", "beta=2;threshold=1" },
    { "softshrink", "lambda=0" },               { "hardshrink", "lambda=2" },
    { "srelu", "t_left=0;t_right=0" },          { "square_plus", "b=0" },
    { "multiquadratic", "c=1;a=0" },            { "threshold", "threshold=-1;value=2" },
    { "leaky_relu", "alpha=1" },
  };
  Failures failures = { 0 };

  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = row (i);
      AxonParams p;

      axon_params_init_default (a, &p);
      check_kinks (a, &p, &failures);
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      const AxonActivation *a = axon_activation_lookup (variants[i].name, NULL, NULL);
      g_autoptr (GError) error = NULL;
      AxonParams p;
      double k[AXON_MAX_KINKS];
      size_t n;

      axon_params_init_default (a, &p);
      g_assert_true (axon_params_assign_list (a, &p, 0, variants[i].params, &error));
      n = a->kinks ? a->kinks (&p, k) : 0;
      for (size_t j = 0; j < n; j++)
        {
          double d = 1e-12 * fmax (1.0, fabs (k[j]));

          if (!(j == 0 || k[j] > k[j - 1]))
            fail (&failures, "%s (%s): kinks not ascending", a->name, variants[i].params);
          if (fabs (a->f64 (k[j] + d, &p) - a->f64 (k[j] - d, &p)) <= 1e-10
              && fabs (a->df64 (k[j] + d, &p) - a->df64 (k[j] - d, &p)) <= 1e-10)
            fail (&failures, "%s (%s): nothing jumps at the kink %.17g", a->name,
                  variants[i].params, k[j]);
        }
      /* and where one is not reported, nothing jumps on a fine grid around 0 */
      for (int s = -400; s < 400; s++)
        {
          double x0 = s * 0.01 + 0.001, x1 = x0 + 0.01;

          if (near_kink (a, &p, x0, 0.011))
            continue;
          if (fabs (a->df64 (x1, &p) - a->df64 (x0, &p)) > 0.05 * (1 + fabs (a->df64 (x0, &p)))
              || fabs (a->f64 (x1, &p) - a->f64 (x0, &p)) > 0.05 * (1 + fabs (a->f64 (x0, &p))))
            {
              fail (&failures, "%s (%s): unreported jump between %g and %g", a->name,
                    variants[i].params, x0, x1);
              break;
            }
        }
    }
  finish (&failures, "kink checks");
}

/* ---- /axon/activations/presets ---------------------------------------------------- */

static void
test_presets (void)
{
  static const struct
  {
    AxonFramework framework;
    const char *name, *expect; /* expect NULL: same as the default */
  } cases[] = {
    { AXON_FRAMEWORK_PYTORCH, "leaky_relu", NULL },
    { AXON_FRAMEWORK_PYTORCH, "hard_sigmoid", NULL },
    { AXON_FRAMEWORK_KERAS2, "hard_sigmoid", "slope=0.2,offset=0.5" },
    { AXON_FRAMEWORK_KERAS3, "hard_sigmoid", NULL },
    { AXON_FRAMEWORK_TRIDENT, "hard_sigmoid", NULL },
    { AXON_FRAMEWORK_KERAS2, "leaky_relu", "alpha=0.3" },
    { AXON_FRAMEWORK_KERAS3, "leaky_relu", "alpha=0.3" },
    { AXON_FRAMEWORK_TRIDENT, "leaky_relu", "alpha=0.2" },
    { AXON_FRAMEWORK_TRIDENT, "sin", "w0=30" },
    { AXON_FRAMEWORK_KERAS3, "relu", NULL },
  };
  Failures failures = { 0 };

  for (unsigned fw = 0; fw < AXON_N_FRAMEWORKS; fw++)
    {
      const char *display = axon_framework_get_name ((AxonFramework) fw);

      g_assert_nonnull (display);
      g_assert_cmpstr (display, !=, "");
      for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
        {
          const AxonActivation *a = row (i);
          g_autoptr (GError) error = NULL;
          AxonParams p, d;
          gboolean differs;

          axon_params_init_default (a, &d);
          differs = axon_framework_get_params ((AxonFramework) fw, a, &p);
          if (differs == (memcmp (&p, &d, sizeof p) == 0))
            fail (&failures, "%s/%s: returned %d but params %s the defaults", display,
                  a->name, differs, differs ? "equal" : "differ from");
          if (!axon_params_validate (a, &p, &error))
            fail (&failures, "%s/%s: %s", display, a->name, error->message);
          if (fw == AXON_FRAMEWORK_PYTORCH && differs)
            fail (&failures, "PyTorch/%s differs from Axon's defaults", a->name);
        }
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const AxonActivation *a = axon_activation_lookup (cases[i].name, NULL, NULL);
      AxonParams p;
      gboolean differs = axon_framework_get_params (cases[i].framework, a, &p);
      g_autofree char *got = axon_params_to_string (a, &p);

      if (differs != (cases[i].expect != NULL)
          || (cases[i].expect && strcmp (got, cases[i].expect) != 0))
        fail (&failures, "axon_framework_get_params (%s, %s) = %d, %s; want %s",
              axon_framework_get_name (cases[i].framework), cases[i].name, differs, got,
              cases[i].expect ? cases[i].expect : "FALSE");
    }
  finish (&failures, "preset checks");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axon/activations/table", test_table);
  g_test_add_func ("/axon/activations/reference", test_reference);
  g_test_add_func ("/axon/activations/tails", test_tails);
  g_test_add_func ("/axon/activations/derivatives", test_derivatives);
  g_test_add_func ("/axon/activations/special-values", test_special_values);
  g_test_add_func ("/axon/activations/properties", test_properties);
  g_test_add_func ("/axon/activations/kinks", test_kinks);
  g_test_add_func ("/axon/activations/presets", test_presets);

  return g_test_run ();
}
