/* test-batch.c: the float32 batch kernels against the float64 path, on every instruction set.
 *
 * - reference: every row of tests/data/activations-reference.tsv through axon_<id>_f32 and
 *   _df32, against the float64 reference rounded to float;
 * - grid: every activation (also those the reference file does not have) against its own
 *   float64 kernel on a grid of x from 1e-30 to 1e30, both signs;
 * - special: +-0, subnormals, +-FLT_MIN, +-FLT_MAX, +-inf, NaN, +-100, +-1e10: the float64
 *   value rounded, NaN for NaN, finite where it is finite, the sign of zeros;
 * - sizes: batches of 0, 1, w-1, w, w+1, 2w+1, 3w-1, 1000 elements (w the vector width of
 *   the instruction set) and in place give the same bits as element-wise calls and write
 *   nothing past n;
 * - sweep: every 64th float in the unsaturated range of sigmoid, tanh and gelu.
 *
 * Each check runs on every instruction set the machine has (axon_batch_set_isa) and
 * compares in ULP with the tier declared per activation in `tolerances` below; a tier may
 * add an absolute floor for values that come out of cancellation near a zero of f or f'
 * (the float64 value there is known to a few ulp of the terms, not of the result). The
 * largest error seen per activation and instruction set is printed with g_test_message.
 */
#include <float.h>
#include <glib.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "axon-activation-kernels.h"
#include "axon-batch.h"
#include "axon-registry.h"

/* ---- tolerance tiers ------------------------------------------------------------ */

#define ULP_EXACT  0
#define ULP_TIGHT  4
#define ULP_MEDIUM 8
#define ULP_LOOSE  16

/* Absolute floors, for cancellation near a root (in units of the float epsilon). */
#define ABS_NONE  0.0
#define ABS_EPS   (1.0 * FLT_EPSILON)

typedef struct
{
  const char *name;
  unsigned f_ulp;
  double f_abs;
  unsigned df_ulp;
  double df_abs;
} Tolerance;

/* Per canonical activation: the bound on f, then on f'. An error passes when it is within
 * the ULP bound or within the absolute floor. */
static const Tolerance tolerances[] = {
  { "identity", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "step", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "sigmoid", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "hard_sigmoid", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "log_sigmoid", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "tanh", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "hard_tanh", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "relu", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "relu6", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "leaky_relu", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "prelu", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "rrelu", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "elu", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "celu", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "selu", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  /* gelu: 4 ulp down to x = -9; up to 7 in the far left tail (f < 1e-20), where the
   * rational erfcx of axon-batch-smooth.c adds its rounding to that of e^(-x^2/2). */
  { "gelu", ULP_MEDIUM, ABS_NONE, ULP_TIGHT, ABS_EPS },
  { "gelu_tanh", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_EPS },
  { "swish", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_EPS },
  { "hard_swish", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "mish", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_EPS },
  { "softplus", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "softsign", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "sin", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "gaussian", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "tanhshrink", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "softshrink", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "hardshrink", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "lecun_tanh", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "square_plus", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "log_log", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "hard_mish", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "tanh_exp", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_EPS },
  { "exp_tanh", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "squared_relu", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "leaky_relu6", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "bent_identity", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "arctan", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "symmetrical_sigmoid", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "absolute", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "cos", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "sinc", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_EPS },
  { "signum", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "isru", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "isrlu", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "srelu", ULP_TIGHT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "exponential", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "sparse_plus", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "threshold", ULP_EXACT, ABS_NONE, ULP_EXACT, ABS_NONE },
  { "multiquadratic", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
  { "inverse_multiquadratic", ULP_TIGHT, ABS_NONE, ULP_TIGHT, ABS_NONE },
};

static const Tolerance *
tolerance_of (const AxonActivation *a)
{
  for (size_t i = 0; i < G_N_ELEMENTS (tolerances); i++)
    if (strcmp (tolerances[i].name, a->name) == 0)
      return &tolerances[i];
  return NULL;
}

/* ---- ULP distance --------------------------------------------------------------- */

/* Floats on one integer line, -0 and +0 both at 0, so |a - b| counts the floats between. */
static int64_t
ordinal (float f)
{
  int32_t bits;

  memcpy (&bits, &f, sizeof bits);
  return bits < 0 ? (int64_t) INT32_MIN - bits : bits;
}

static float
from_ordinal (int64_t o)
{
  int32_t bits = o < 0 ? (int32_t) ((int64_t) INT32_MIN - o) : (int32_t) o;
  float f;

  memcpy (&f, &bits, sizeof f);
  return f;
}

/* The ULP distance between got and want rounded to float; G_MAXINT64 when only one is NaN. */
static int64_t
ulp_error (float  got,
           double want)
{
  float w = (float) want;

  if (isnan (got) || isnan (w))
    return isnan (got) && isnan (w) ? 0 : G_MAXINT64;
  return ABS (ordinal (got) - ordinal (w));
}

static gboolean
within (float    got,
        double   want,
        unsigned ulp,
        double   abs_floor,
        int64_t *err)
{
  *err = ulp_error (got, want);
  if (*err <= (int64_t) ulp)
    return TRUE;
  return *err != G_MAXINT64 && isfinite (want) && fabs ((double) got - want) <= abs_floor;
}

/* ---- failure collection --------------------------------------------------------- */

/* Errors of f or f' over a set of points: the largest ULP error where the ULP bound
 * decided (or the check failed), and the points that were over the ULP bound but passed
 * through an absolute floor, with their largest absolute error. */
typedef struct
{
  int64_t max_ulp;
  float max_ulp_x;
  unsigned floored;
  double max_floored;
} ErrorStats;

typedef struct
{
  unsigned count;
  ErrorStats f, df;
} Check;

#define MAX_REPORTED 25

static void G_GNUC_PRINTF (2, 3)
fail (Check      *check,
      const char *format,
      ...)
{
  va_list args;

  if (check->count++ < MAX_REPORTED)
    {
      g_autofree char *message = NULL;

      va_start (args, format);
      message = g_strdup_vprintf (format, args);
      va_end (args);
      g_test_message ("%s", message);
    }
}

static void
check_init (Check *check)
{
  memset (check, 0, sizeof *check);
}

static void
finish (Check      *check,
        const char *what)
{
  if (check->count > 0)
    g_test_fail_printf ("%u %s failed (first %u listed above)", check->count, what,
                        MIN (check->count, MAX_REPORTED));
}

static char *
ulp_text (int64_t e)
{
  return e == G_MAXINT64 ? g_strdup ("NaN mismatch") : g_strdup_printf ("%" G_GINT64_FORMAT, e);
}

/* ---- evaluating ----------------------------------------------------------------- */

static float
eval_one (AxonBatchFunc     func,
          float             x,
          const AxonParams *p)
{
  float y = NAN;

  func (1, &x, &y, p);
  return y;
}

/* Every instruction set of this machine, best first. */
static unsigned
isa_list (AxonBatchIsa *isas)
{
  unsigned n = 0;

  for (int i = (int) axon_batch_best_isa (); i >= 0; i--)
    isas[n++] = (AxonBatchIsa) i;
  return n;
}

/* while (isa_loop_next (&loop, &check)) { ... }: the body once per instruction set, best
 * first, with that set selected and a fresh check; the best one is selected again after
 * the last. */
typedef struct
{
  AxonBatchIsa isas[AXON_BATCH_ISA_AVX512 + 1];
  unsigned n, next;
} IsaLoop;

static void
isa_loop_init (IsaLoop *loop)
{
  loop->n = isa_list (loop->isas);
  loop->next = 0;
}

static gboolean
isa_loop_next (IsaLoop *loop,
               Check   *check)
{
  if (loop->next == loop->n)
    {
      axon_batch_set_isa (axon_batch_best_isa ());
      return FALSE;
    }
  check_init (check);
  axon_batch_set_isa (loop->isas[loop->next++]);
  return TRUE;
}

/* The reference file holds PyTorch's float64 results, which where PyTorch's formula
 * cancels (1 - tanh^2, y (1 - y), 1 + erf, ...) are only good to a few double epsilons
 * absolute; test-activations.c compares them the same way. So a reference value below
 * 1e-3 is taken as want +- 4 eps_double max (1, |x|), on top of the ULP bound. The grid
 * test compares with Axon's own float64 kernels, accurate also there, without this. */
#define REF_TINY  1e-3
#define REF_FLOOR (4 * DBL_EPSILON)

static double
reference_floor (double want,
                 float  x)
{
  return fabs (want) < REF_TINY ? REF_FLOOR * fmax (1.0, fabs (x)) : 0.0;
}

static double
ulp_size (double want)
{
  float w = fabsf ((float) want);

  return (double) nextafterf (w, INFINITY) - (double) w;
}

static gboolean
within_reference (float    got,
                  double   want,
                  unsigned ulp,
                  double   abs_floor,
                  double   ref_floor,
                  int64_t *err)
{
  if (within (got, want, ulp, abs_floor, err))
    return TRUE;
  return ref_floor > 0 && *err != G_MAXINT64
         && fabs ((double) got - want) <= ref_floor + ulp * ulp_size (want);
}

static void
note_error (ErrorStats *st,
            float       x,
            float       got,
            double      want,
            unsigned    ulp,
            int64_t     e,
            gboolean    ok)
{
  if (e == G_MAXINT64)
    return;
  if (ok && e > (int64_t) ulp)
    {
      st->floored++;
      st->max_floored = fmax (st->max_floored, fabs ((double) got - want));
    }
  else if (e > st->max_ulp)
    {
      st->max_ulp = e;
      st->max_ulp_x = x;
    }
}

/* Checks one value of the kernel which ("f32", "df32") at x on the current ISA against
 * want within ulp (and abs_floor, and the reference file's floor when reference says want
 * comes from it); notes the error in st. */
static void
check_value (Check                *check,
             const AxonActivation *a,
             const char           *which,
             const char           *params,
             float                 x,
             float                 got,
             double                want,
             unsigned              ulp,
             double                abs_floor,
             gboolean              reference,
             ErrorStats           *st)
{
  double ref_floor = reference ? reference_floor (want, x) : 0.0;
  int64_t e;
  gboolean ok = within_reference (got, want, ulp, abs_floor, ref_floor, &e);

  if (!ok)
    {
      g_autofree char *u = ulp_text (e);

      fail (check, "[%s] axon_%s_%s (x = %.9g; %s) = %.9g, want %.9g (%s ulp > %u)",
            axon_batch_isa_name (axon_batch_get_isa ()), a->name, which, x, params, got, want,
            u, ulp);
    }
  note_error (st, x, got, want, ulp, e, ok);
}

/* Compares f and f' at x on the current ISA against want_f, want_df; notes the errors.
 * reference says the wanted values come from the reference file. */
static void
compare_point (Check                *check,
               const AxonActivation *a,
               const AxonParams     *p,
               const char           *params,
               float                 x,
               double                want_f,
               double                want_df,
               gboolean              reference)
{
  const Tolerance *tol = tolerance_of (a);

  check_value (check, a, "f32", params, x, eval_one (a->f32, x, p), want_f, tol->f_ulp,
               tol->f_abs, reference, &check->f);
  check_value (check, a, "df32", params, x, eval_one (a->df32, x, p), want_df, tol->df_ulp,
               tol->df_abs, reference, &check->df);
}

static char *
stats_text (const ErrorStats *st)
{
  if (st->floored == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " ulp (x = %.9g)", st->max_ulp, st->max_ulp_x);
  return g_strdup_printf ("%" G_GINT64_FORMAT " ulp (x = %.9g), %u more within the absolute "
                          "floor (max |error| %.3g)",
                          st->max_ulp, st->max_ulp_x, st->floored, st->max_floored);
}

static void
report_max (const Check          *check,
            const AxonActivation *a,
            const char           *what)
{
  g_autofree char *f = stats_text (&check->f);
  g_autofree char *df = stats_text (&check->df);

  g_test_message ("%s %s [%s]: max error f %s; f' %s", what, a->name,
                  axon_batch_isa_name (axon_batch_get_isa ()), f, df);
}

/* ---- reference file ------------------------------------------------------------- */

typedef struct
{
  char *params; /* "k=v;k=v" or "-" */
  float x;
  double f, df;
} RefRow;

/* Rows of the reference file per activation id. */
static GPtrArray *reference_rows[AXON_N_ACTIVATIONS];

static void
ref_row_free (gpointer data)
{
  RefRow *r = data;

  g_free (r->params);
  g_free (r);
}

static void
load_reference (void)
{
  g_autofree char *path = g_build_filename (AXON_TEST_DATA, "activations-reference.tsv", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    {
      g_auto (GStrv) cols = NULL;
      const AxonActivation *a;
      RefRow *r;

      if (**l == '#' || **l == '\0')
        continue;
      cols = g_strsplit (*l, "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), ==, 5);
      a = axon_activation_lookup (cols[0], NULL, NULL);
      g_assert_nonnull (a);
      r = g_new0 (RefRow, 1);
      r->params = g_strdup (cols[1]);
      r->x = (float) g_ascii_strtod (cols[2], NULL);
      r->f = g_ascii_strtod (cols[3], NULL);
      r->df = g_ascii_strtod (cols[4], NULL);
      /* The reference x are floats, so the float path sees the same input. */
      g_assert_cmpfloat ((double) r->x, ==, g_ascii_strtod (cols[2], NULL));
      if (reference_rows[a->id] == NULL)
        reference_rows[a->id] = g_ptr_array_new_with_free_func (ref_row_free);
      g_ptr_array_add (reference_rows[a->id], r);
    }
}

/* p = the defaults of a with the "k=v;k=v" assignments applied. */
static void
parse_params (const AxonActivation *a,
              const char           *text,
              AxonParams           *p)
{
  g_auto (GStrv) parts = NULL;

  axon_params_init_default (a, p);
  if (strcmp (text, "-") == 0)
    return;
  parts = g_strsplit (text, ";", -1);
  for (char **s = parts; *s != NULL; s++)
    {
      g_autoptr (GError) error = NULL;

      if (!axon_params_assign (a, p, 0, *s, &error))
        g_error ("%s: %s", a->name, error->message);
    }
}

static void
test_reference (gconstpointer data)
{
  const AxonActivation *a = data;
  GPtrArray *rows = reference_rows[a->id];
  IsaLoop loop;
  Check check;

  if (rows == NULL)
    {
      g_test_skip ("not in the reference file");
      return;
    }
  isa_loop_init (&loop);
  while (isa_loop_next (&loop, &check))
    {
      for (guint i = 0; i < rows->len; i++)
        {
          const RefRow *r = g_ptr_array_index (rows, i);
          AxonParams p;

          parse_params (a, r->params, &p);
          compare_point (&check, a, &p, r->params, r->x, r->f, r->df, TRUE);
        }
      report_max (&check, a, "reference");
      finish (&check, "reference rows");
    }
}

/* ---- grid against the float64 kernels ------------------------------------------- */

/* x from 1e-30 to 1e30 (a few per decade) and every 1/64 on [-32, 32], both signs. */
static GArray *
grid_points (void)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (float));

  for (int i = -30 * 8; i <= 30 * 8; i++)
    {
      float v = (float) pow (10.0, i / 8.0);
      float m = -v;

      g_array_append_val (xs, v);
      g_array_append_val (xs, m);
    }
  for (int i = -32 * 64; i <= 32 * 64; i++)
    {
      float v = (float) i / 64.0f;

      g_array_append_val (xs, v);
    }
  return xs;
}

static void
test_grid (gconstpointer data)
{
  const AxonActivation *a = data;
  g_autoptr (GArray) xs = grid_points ();
  IsaLoop loop;
  Check check;
  AxonParams p;

  axon_params_init_default (a, &p);
  isa_loop_init (&loop);
  while (isa_loop_next (&loop, &check))
    {
      for (guint i = 0; i < xs->len; i++)
        {
          float x = g_array_index (xs, float, i);

          compare_point (&check, a, &p, "defaults", x, a->f64 (x, &p), a->df64 (x, &p),
                         FALSE);
        }
      report_max (&check, a, "grid");
      finish (&check, "grid points");
    }
}

/* ---- special values ------------------------------------------------------------- */

static const float special_values[] = {
  0.0f, -0.0f, 0x1p-149f, -0x1p-149f, 0x1.8p-140f, -0x1.8p-140f, FLT_MIN, -FLT_MIN,
  FLT_MAX, -FLT_MAX, INFINITY, -INFINITY, NAN, -NAN, 100.0f, -100.0f, 1e10f, -1e10f,
  1e-30f, -1e-30f, 88.7f, -88.7f, 103.0f, -103.0f,
};

static void
check_special (Check                *check,
               const AxonActivation *a,
               const char           *which,
               AxonBatchFunc         func,
               AxonScalarFunc        ref,
               const AxonParams     *p,
               unsigned              ulp,
               double                abs_floor)
{
  const char *isa = axon_batch_isa_name (axon_batch_get_isa ());

  for (size_t i = 0; i < G_N_ELEMENTS (special_values); i++)
    {
      float x = special_values[i];
      float got = eval_one (func, x, p);
      double want = ref (x, p);
      float wantf = (float) want;
      int64_t e;

      if (!within (got, want, ulp, abs_floor, &e))
        fail (check, "[%s] axon_%s_%s (%.9g) = %.9g, want %.9g", isa, a->name, which, x, got,
              want);
      else if (wantf == 0 && got == 0 && signbit (wantf) != signbit (got))
        fail (check, "[%s] axon_%s_%s (%.9g) = %.9g, want %.9g (sign of zero)", isa, a->name,
              which, x, got, wantf);
      else if (isfinite (wantf) && !isfinite (got))
        fail (check, "[%s] axon_%s_%s (%.9g) = %.9g, want finite %.9g", isa, a->name, which, x,
              got, want);
    }
}

static void
test_special (gconstpointer data)
{
  const AxonActivation *a = data;
  const Tolerance *tol = tolerance_of (a);
  IsaLoop loop;
  Check check;
  AxonParams p;

  axon_params_init_default (a, &p);
  isa_loop_init (&loop);
  while (isa_loop_next (&loop, &check))
    {
      check_special (&check, a, "f32", a->f32, a->f64, &p, tol->f_ulp, tol->f_abs);
      check_special (&check, a, "df32", a->df32, a->df64, &p, tol->df_ulp, tol->df_abs);
      finish (&check, "special values");
    }
}

/* ---- batch sizes and in place ---------------------------------------------------- */

#define GUARD 8

/* The same float, bit for bit; any NaN equals any NaN (which NaN an operation returns is
 * not specified, and a compiler may order the operands of one expression differently in
 * the main loop and in the tail). */
static gboolean
same_bits (float a,
           float b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b));
}

/* Runs func on n inputs (in place or not) and compares with element-wise calls. */
static void
check_batch (Check                *check,
             const AxonActivation *a,
             const char           *which,
             AxonBatchFunc         func,
             const AxonParams     *p,
             const float          *xs,
             size_t                n,
             gboolean              in_place)
{
  const char *isa = axon_batch_isa_name (axon_batch_get_isa ());
  g_autofree float *out = g_new (float, n + GUARD);
  g_autofree float *in = g_new (float, n + GUARD);
  const float guard = 12345.0f;

  for (size_t i = 0; i < n + GUARD; i++)
    {
      in[i] = i < n ? xs[i] : guard;
      out[i] = guard;
    }
  if (in_place)
    func (n, in, in, p);
  else
    func (n, in, out, p);
  for (size_t i = 0; i < n + GUARD; i++)
    {
      float got = in_place ? in[i] : out[i];
      float want = i < n ? eval_one (func, xs[i], p) : guard;

      if (!same_bits (got, want))
        {
          fail (check, "[%s] axon_%s_%s, n = %zu%s: element %zu is %.9g, element-wise %.9g",
                isa, a->name, which, n, in_place ? " in place" : "", i, got, want);
          return;
        }
    }
}

static void
test_sizes (gconstpointer data)
{
  const AxonActivation *a = data;
  IsaLoop loop;
  Check check;
  const size_t n_max = 1000;
  g_autofree float *xs = g_new (float, n_max);
  AxonParams p;

  axon_params_init_default (a, &p);
  /* Values of both signs over a wide range with the special values mixed in, so lanes of
   * one vector take different branches. */
  for (size_t i = 0; i < n_max; i++)
    {
      if (i % 7 == 3)
        xs[i] = special_values[(i / 7) % G_N_ELEMENTS (special_values)];
      else
        xs[i] = (float) ((i % 2 ? -1.0 : 1.0) * pow (10.0, (double) (i % 61) / 10.0 - 3.0));
    }
  isa_loop_init (&loop);
  while (isa_loop_next (&loop, &check))
    {
      size_t w = axon_batch_vector_width (axon_batch_get_isa ());
      const size_t sizes[] = { 0, 1, w - 1, w, w + 1, 2 * w + 1, 3 * w - 1, n_max };

      for (size_t s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int in_place = 0; in_place <= 1; in_place++)
          {
            check_batch (&check, a, "f32", a->f32, &p, xs, sizes[s], in_place);
            check_batch (&check, a, "df32", a->df32, &p, xs, sizes[s], in_place);
          }
      finish (&check, "batch comparisons");
    }
}

/* ---- dense sweeps ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  float lo, hi; /* where the function is not saturated */
  unsigned f_ulp, df_ulp;
} Sweep;

static const Sweep sweeps[] = {
  { "sigmoid", -100.0f, 20.0f, ULP_TIGHT, ULP_TIGHT },
  { "tanh", -10.0f, 10.0f, ULP_TIGHT, ULP_TIGHT },
  { "gelu", -14.0f, 10.0f, ULP_MEDIUM, ULP_TIGHT },
};

#define SWEEP_STRIDE 64
#define SWEEP_CHUNK  4096

static void
test_sweep (gconstpointer data)
{
  const Sweep *sw = data;
  const AxonActivation *a = axon_activation_lookup (sw->name, NULL, NULL);
  const Tolerance *tol = tolerance_of (a);
  AxonBatchIsa isas[AXON_BATCH_ISA_AVX512 + 1];
  unsigned n_isas = isa_list (isas);
  ErrorStats st_f[3], st_df[3];
  unsigned over_f[3] = { 0 }, over_df[3] = { 0 };
  float xs[SWEEP_CHUNK], f[SWEEP_CHUNK], df[SWEEP_CHUNK];
  double want_f[SWEEP_CHUNK], want_df[SWEEP_CHUNK];
  int64_t o = ordinal (sw->lo), end = ordinal (sw->hi);
  unsigned long points = 0;
  AxonParams p;

  memset (st_f, 0, sizeof st_f);
  memset (st_df, 0, sizeof st_df);
  axon_params_init_default (a, &p);
  while (o <= end)
    {
      size_t n = 0;

      for (; n < SWEEP_CHUNK && o <= end; n++, o += SWEEP_STRIDE)
        {
          xs[n] = from_ordinal (o);
          want_f[n] = a->f64 (xs[n], &p);
          want_df[n] = a->df64 (xs[n], &p);
        }
      points += n;
      for (unsigned k = 0; k < n_isas; k++)
        {
          axon_batch_set_isa (isas[k]);
          a->f32 (n, xs, f, &p);
          a->df32 (n, xs, df, &p);
          for (size_t i = 0; i < n; i++)
            {
              int64_t e;
              gboolean ok;

              ok = within (f[i], want_f[i], sw->f_ulp, tol->f_abs, &e);
              over_f[k] += !ok;
              note_error (&st_f[k], xs[i], f[i], want_f[i], sw->f_ulp, e, ok);
              ok = within (df[i], want_df[i], sw->df_ulp, tol->df_abs, &e);
              over_df[k] += !ok;
              note_error (&st_df[k], xs[i], df[i], want_df[i], sw->df_ulp, e, ok);
            }
        }
    }
  for (unsigned k = 0; k < n_isas; k++)
    {
      g_autofree char *tf = stats_text (&st_f[k]);
      g_autofree char *tdf = stats_text (&st_df[k]);

      g_test_message ("sweep %s [%s], %lu floats in [%g, %g]: max error f %s; f' %s",
                      sw->name, axon_batch_isa_name (isas[k]), points, sw->lo, sw->hi, tf, tdf);
      if (over_f[k] > 0 || over_df[k] > 0)
        g_test_fail_printf ("sweep %s [%s]: %u values of f over %u ulp, %u of f' over %u ulp",
                            sw->name, axon_batch_isa_name (isas[k]), over_f[k], sw->f_ulp,
                            over_df[k], sw->df_ulp);
    }
  axon_batch_set_isa (axon_batch_best_isa ());
}

/* ---- table -------------------------------------------------------------------------- */

static void
test_table (void)
{
  /* Every activation has a tolerance tier and float32 kernels. */
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get ((AxonActivationId) i);

      g_assert_nonnull (tolerance_of (a));
      g_assert_nonnull (a->f32);
      g_assert_nonnull (a->df32);
    }
  g_assert_cmpuint (G_N_ELEMENTS (tolerances), ==, AXON_N_ACTIVATIONS);
  g_test_message ("best instruction set: %s", axon_batch_isa_name (axon_batch_best_isa ()));
  g_assert_cmpint (axon_batch_set_isa (AXON_BATCH_ISA_GENERIC), ==, AXON_BATCH_ISA_GENERIC);
  g_assert_cmpint (axon_batch_get_isa (), ==, AXON_BATCH_ISA_GENERIC);
  g_assert_cmpint (axon_batch_set_isa (axon_batch_best_isa ()), ==, axon_batch_best_isa ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  load_reference ();

  g_test_add_func ("/axon/batch/table", test_table);
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get ((AxonActivationId) i);
      g_autofree char *ref = g_strdup_printf ("/axon/batch/reference/%s", a->name);
      g_autofree char *grid = g_strdup_printf ("/axon/batch/grid/%s", a->name);
      g_autofree char *special = g_strdup_printf ("/axon/batch/special/%s", a->name);
      g_autofree char *sizes = g_strdup_printf ("/axon/batch/sizes/%s", a->name);

      if (tolerance_of (a) == NULL)
        continue; /* test_table reports it */
      g_test_add_data_func (ref, a, test_reference);
      g_test_add_data_func (grid, a, test_grid);
      g_test_add_data_func (special, a, test_special);
      g_test_add_data_func (sizes, a, test_sizes);
    }
  for (size_t i = 0; i < G_N_ELEMENTS (sweeps); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/batch/sweep/%s", sweeps[i].name);

      g_test_add_data_func (path, &sweeps[i], test_sweep);
    }
  return g_test_run ();
}
