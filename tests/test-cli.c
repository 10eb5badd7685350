/* test-cli.c: the `axon list`, `axon eval` and `axon bench` command-line contract.
 *
 * Runs the built binary (env AXON_BINARY) with GSubprocess, feeds stdin, and checks
 * stdout, stderr and the exit status against the descriptor table and the float64
 * reference values in tests/data/activations-reference.tsv; and the benchmark harness
 * (kernels/bench/) that `axon bench` measures with, short of any timing.
 */
#include <float.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "axon-bench-harness.h"
#include "axon-registry.h"
#include "axon-test-util.h"

/* Output lines without the final empty one; every line must end in '\n'. */
static GStrv
split_lines (const char *text)
{
  GStrv lines;
  guint n;

  g_assert_true (*text == '\0' || g_str_has_suffix (text, "\n"));
  if (*text == '\0')
    return g_new0 (char *, 1);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;
  return lines;
}

static double
parse_double (const char *text)
{
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0')
    g_error ("“%s” is not a number", text);
  return value;
}

/* The shortest decimal that reads back as value, in %.17g's notation ("20", "0.01",
 * "1e+20"): how `axon list` must print defaults. */
static char *
shortest (double value)
{
  char buffer[64];
  int digits = 1;

  if (isinf (value))
    return g_strdup (value > 0 ? "inf" : "-inf");
  for (; digits < 17; digits++)
    {
      g_snprintf (buffer, sizeof buffer, "%.*e", digits - 1, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_snprintf (buffer, sizeof buffer, "%.*g", digits, value);
  /* %.Ng switches to exponent notation at exponent N; %.17g would not below 17. */
  if (strchr (buffer, 'e') != NULL && fabs (value) >= 1e-4 && fabs (value) < 1e17)
    {
      int exponent = (int) floor (log10 (fabs (value)));

      g_snprintf (buffer, sizeof buffer, "%.*f", MAX (digits - 1 - exponent, 0), value);
    }
  return g_strdup (buffer);
}

/* list: one line per row, in table order, name<TAB>k=v,... at the defaults. */
static void
test_list (void)
{
  g_auto (AxonTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;
  const char *args[] = { "list", NULL };

  axon_test_run_axon (args, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, AXON_N_ACTIVATIONS);
  g_assert_cmpuint (g_strv_length (lines), >=, 45);

  for (int id = 0; id < AXON_N_ACTIVATIONS; id++)
    {
      const AxonActivation *a = axon_activation_get (id);
      const char *tab = strchr (lines[id], '\t');
      g_autofree char *name = NULL;
      g_auto (GStrv) pairs = NULL;

      g_assert_nonnull (tab);
      name = g_strndup (lines[id], tab - lines[id]);
      g_assert_cmpstr (name, ==, a->name);
      g_assert_null (strchr (tab + 1, '\t'));

      if (a->n_params == 0)
        {
          g_assert_cmpstr (tab + 1, ==, "");
          continue;
        }
      pairs = g_strsplit (tab + 1, ",", -1);
      g_assert_cmpuint (g_strv_length (pairs), ==, a->n_params);
      for (unsigned k = 0; k < a->n_params; k++)
        {
          g_autofree char *expected = NULL;
          g_autofree char *want = shortest (a->params[k].default_value);

          expected = g_strdup_printf ("%s=%s", a->params[k].name, want);
          if (g_strcmp0 (pairs[k], expected) != 0)
            g_error ("axon list, %s: “%s”, expected “%s”", a->name, pairs[k], expected);
        }
    }
}

typedef struct
{
  double x;
  char *x_text;
  double f;
  double df;
} RefRow;

static void
ref_row_clear (gpointer data)
{
  g_free (((RefRow *) data)->x_text);
}

/* Reference rows of (name, params) with |x| <= 8 (farther out the reference rounds some
 * tiny values to 0, which is the kernel tests' business, not the CLI's). */
static GArray *
load_reference (const char *name,
                const char *params)
{
  g_autofree char *path = g_build_filename (AXON_TEST_DATA, "activations-reference.tsv",
                                            NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (RefRow));

  g_array_set_clear_func (rows, ref_row_clear);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      RefRow row;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      if (!g_str_equal (fields[0], name) || !g_str_equal (fields[1], params))
        continue;
      row.x = parse_double (fields[2]);
      if (!(fabs (row.x) <= 8.0))
        continue;
      row.x_text = g_strdup (fields[2]);
      row.f = parse_double (fields[3]);
      row.df = parse_double (fields[4]);
      g_array_append_val (rows, row);
    }
  g_assert_cmpuint (rows->len, >=, 100);
  return rows;
}

typedef struct
{
  const char *typed;      /* what is passed to eval: a name or an alias */
  const char *p[3];       /* -p assignments */
  const char *ref_name;   /* the reference rows to compare with */
  const char *ref_params;
} EvalCase;

static const EvalCase eval_cases[] = {
  { "relu", { NULL }, "relu", "-" },
  { "GELU", { NULL }, "gelu", "-" },
  { "silu", { NULL }, "swish", "beta=1" },
  { "swish", { "beta=2" }, "swish", "beta=2" },
  { "LeakyRelu", { "alpha=0.2" }, "leaky_relu", "alpha=0.20000000000000001" },
  { "hardtanh", { "min=-2", "max=2" }, "hard_tanh", "min=-2;max=2" },
  { "elu", { "alpha=1.1" }, "elu", "alpha=1.1000000000000001" },
  { "logistic", { NULL }, "sigmoid", "-" },
  { "softplus", { "beta=2" }, "softplus", "beta=2;threshold=20" },
};

static void
check_close (const char *what,
             double      got,
             double      want,
             double      rel,
             double      abs_tol)
{
  if (isnan (want) ? !isnan (got) : !(fabs (got - want) <= rel * fabs (want) + abs_tol))
    g_error ("%s: got %.17g, want %.17g", what, got, want);
}

/* Both paths against the float64 references; the f64 path also exactly equal to the
 * in-process scalar function (so nothing is lost in printing), the f32 path exactly equal
 * to the in-process batch kernel over the same block. */
static void
test_eval_reference (gconstpointer data)
{
  gboolean f32 = GPOINTER_TO_INT (data);

  for (gsize c = 0; c < G_N_ELEMENTS (eval_cases); c++)
    {
      const EvalCase *ec = &eval_cases[c];
      g_autoptr (GArray) rows = load_reference (ec->ref_name, ec->ref_params);
      g_autoptr (GPtrArray) args = g_ptr_array_new ();
      g_autoptr (GString) input = g_string_new (NULL);
      g_autofree float *xs = g_new (float, rows->len);
      g_autofree float *ys = g_new (float, rows->len);
      g_autofree float *dys = g_new (float, rows->len);
      g_auto (AxonTestRun) run = { 0 };
      g_auto (GStrv) lines = NULL;
      const AxonActivation *a;
      AxonParams p, fixed;
      unsigned mask = 0;

      a = axon_activation_lookup (ec->typed, &fixed, &mask);
      g_assert_nonnull (a);
      g_assert_cmpstr (a->name, ==, ec->ref_name);
      axon_params_init_default (a, &p);
      for (unsigned k = 0; k < a->n_params; k++)
        if (mask & (1u << k))
          p.v[k] = fixed.v[k];

      g_ptr_array_add (args, (gpointer) "eval");
      g_ptr_array_add (args, (gpointer) ec->typed);
      for (guint k = 0; k < G_N_ELEMENTS (ec->p) && ec->p[k] != NULL; k++)
        {
          g_assert_true (axon_params_assign (a, &p, mask, ec->p[k], NULL));
          g_ptr_array_add (args, (gpointer) "-p");
          g_ptr_array_add (args, (gpointer) ec->p[k]);
        }
      if (f32)
        g_ptr_array_add (args, (gpointer) "--f32");
      g_ptr_array_add (args, NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          const RefRow *row = &g_array_index (rows, RefRow, i);

          /* Blanks around numbers are part of the contract. */
          g_string_append_printf (input, i % 3 == 0 ? " \t%s \r\n" : "%s\n", row->x_text);
          xs[i] = (float) row->x;
        }
      if (f32)
        {
          a->f32 (rows->len, xs, ys, &p);
          a->df32 (rows->len, xs, dys, &p);
        }

      axon_test_run_axon ((const char *const *) args->pdata, input->str, &run);
      if (run.status != 0)
        g_error ("eval %s: status %d, stderr %s", ec->typed, run.status, run.err);
      g_assert_cmpstr (run.err, ==, "");
      lines = split_lines (run.out);
      g_assert_cmpuint (g_strv_length (lines), ==, rows->len);

      for (guint i = 0; i < rows->len; i++)
        {
          const RefRow *row = &g_array_index (rows, RefRow, i);
          g_auto (GStrv) cols = g_strsplit (lines[i], "\t", -1);
          g_autofree char *what = g_strdup_printf ("eval %s%s at %s", ec->typed,
                                                   f32 ? " --f32" : "", row->x_text);
          double x, f, df;

          g_assert_cmpuint (g_strv_length (cols), ==, 3);
          x = parse_double (cols[0]);
          f = parse_double (cols[1]);
          df = parse_double (cols[2]);
          if (!f32)
            {
              g_assert_cmpfloat (x, ==, row->x);
              /* The absolute part: the reference's gelu at x < -3 was computed as
               * 0.5x(1 + erf(x/sqrt 2)) and carries that cancellation (~1e-16 absolute);
               * Axon's kernel is more accurate there. Kernel accuracy is test-activations'
               * business; this test is about the CLI's plumbing (exact equality below). */
              check_close (what, f, row->f, 1e-12, 1e-13);
              check_close (what, df, row->df, 1e-12, 1e-13);
              g_assert_cmpfloat (f, ==, a->f64 (row->x, &p));
              g_assert_cmpfloat (df, ==, a->df64 (row->x, &p));
            }
          else
            {
              /* The printed text reads back as the very float the kernel returned. */
              g_assert_cmpfloat ((float) x, ==, xs[i]);
              g_assert_cmpfloat ((float) f, ==, ys[i]);
              g_assert_cmpfloat ((float) df, ==, dys[i]);
              check_close (what, f, row->f, 1e-5, 1e-12);
              check_close (what, df, row->df, 1e-5, 1e-12);
            }
        }
    }
}

/* Runs `axon eval typed` at a few x and checks the output is the canonical row's f64 at the
 * alias's fixed parameters, to the bit. */
static void
check_eval_name (const char           *typed,
                 const AxonActivation *expected)
{
  static const double xs[] = { -2.5, -0.25, 0.0, 0.75, 3.0 };
  const char *args[] = { "eval", typed, NULL };
  g_auto (AxonTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;
  const AxonActivation *a;
  AxonParams p, fixed;
  unsigned mask = 0;

  a = axon_activation_lookup (typed, &fixed, &mask);
  if (a != expected)
    g_error ("“%s” resolves to %s, expected %s", typed, a != NULL ? a->name : "nothing",
             expected->name);
  axon_params_init_default (a, &p);
  for (unsigned k = 0; k < a->n_params; k++)
    if (mask & (1u << k))
      p.v[k] = fixed.v[k];

  axon_test_run_axon (args, "-2.5\n-0.25\n0\n0.75\n3\n", &run);
  if (run.status != 0)
    g_error ("axon eval %s: status %d: %s", typed, run.status, run.err);
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (xs));
  for (gsize i = 0; i < G_N_ELEMENTS (xs); i++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[i], "\t", -1);
      double f = a->f64 (xs[i], &p), df = a->df64 (xs[i], &p);

      g_assert_cmpuint (g_strv_length (cols), ==, 3);
      g_assert_cmpfloat (parse_double (cols[0]), ==, xs[i]);
      /* NaN never appears at these x for any row; == then fails loudly if it does. */
      if (parse_double (cols[1]) != f || parse_double (cols[2]) != df)
        g_error ("axon eval %s at %g: “%s”, expected %.17g, %.17g", typed, xs[i], lines[i],
                 f, df);
    }
}

/* Every canonical name and every alias of the table, and the spellings DESIGN.md promises
 * (case, '-' for '_', camelCase). */
static void
test_eval_names (void)
{
  static const struct
  {
    const char *typed;
    const char *canonical;
  } spellings[] = {
    { "linear", "identity" },         { "binary_step", "step" },
    { "heaviside", "step" },          { "logistic", "sigmoid" },
    { "hardsigmoid", "hard_sigmoid" }, { "clip", "hard_tanh" },
    { "hardtanh", "hard_tanh" },      { "leakyRelu", "leaky_relu" },
    { "LeakyRelu", "leaky_relu" },    { "leaky-relu", "leaky_relu" },
    { "LEAKY_RELU", "leaky_relu" },   { "silu", "swish" },
    { "hardswish", "hard_swish" },    { "softPlus", "softplus" },
    { "siren", "sin" },               { "bert_gelu", "gelu_tanh" },
    { "gpt_gelu", "gelu_tanh" },      { "GELU", "gelu" },
    { "ReLU", "relu" },               { "Tanh", "tanh" },
  };
  guint n = 0;

  for (int id = 0; id < AXON_N_ACTIVATIONS; id++)
    {
      const AxonActivation *a = axon_activation_get (id);

      check_eval_name (a->name, a);
      n++;
      for (guint k = 0; a->aliases != NULL && a->aliases[k] != NULL; k++, n++)
        check_eval_name (a->aliases[k], a);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      const AxonActivation *want = axon_activation_lookup (spellings[i].canonical, NULL, NULL);

      g_assert_nonnull (want);
      g_assert_cmpstr (want->name, ==, spellings[i].canonical);
      check_eval_name (spellings[i].typed, want);
    }
  g_test_message ("%u names and aliases", n);
}

/* inf, -inf, nan in their spellings; blank lines skipped; both paths. */
static void
test_eval_special (gconstpointer data)
{
  gboolean f32 = GPOINTER_TO_INT (data);
  static const struct
  {
    const char *in;
    const char *x, *f, *df;
  } expected[] = {
    { "inf", "inf", "1", "0" },
    { "-inf", "-inf", "0", "0" },
    { "nan", "nan", "nan", "nan" },
    { "+inf", "inf", "1", "0" },
    { "Infinity", "inf", "1", "0" },
    { "  NaN  ", "nan", "nan", "nan" },
    { "-INF", "-inf", "0", "0" },
    { "-nan", "nan", "nan", "nan" },
    { "0", "0", "0.5", "0.25" },
    { "-0", "-0", "0.5", "0.25" },
  };
  const char *args_f64[] = { "eval", "sigmoid", NULL };
  const char *args_f32[] = { "eval", "sigmoid", "--f32", NULL };
  g_autoptr (GString) input = g_string_new (NULL);
  g_auto (AxonTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_string_append_printf (input, "%s\n%s", expected[i].in, i % 2 ? "\n   \n" : "");
  axon_test_run_axon (f32 ? args_f32 : args_f64, input->str, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *want = g_strdup_printf ("%s\t%s\t%s", expected[i].x, expected[i].f,
                                               expected[i].df);

      if (!g_str_equal (lines[i], want))
        g_error ("eval sigmoid%s “%s”: “%s”, expected “%s”", f32 ? " --f32" : "",
                 expected[i].in, lines[i], want);
    }
}

typedef struct
{
  const char *args[8];
  const char *input;
  const char *needles[3]; /* each must appear in the one stderr line */
  guint stdout_lines;     /* lines printed before the error */
} ErrorCase;

static void
check_error (const char *const *args,
             const char        *input,
             const char *const *needles,
             guint              stdout_lines)
{
  g_auto (AxonTestRun) run = { 0 };
  g_autofree char *cmd = g_strjoinv (" ", (char **) args);
  g_auto (GStrv) out = NULL;

  axon_test_run_axon (args, input, &run);
  if (run.status != 2)
    g_error ("axon %s: status %d, expected 2 (stderr: %s)", cmd, run.status, run.err);
  /* Exactly one line. */
  if (!g_str_has_suffix (run.err, "\n") ||
      strchr (run.err, '\n') != run.err + strlen (run.err) - 1)
    g_error ("axon %s: stderr is not one line: “%s”", cmd, run.err);
  for (guint i = 0; i < 3 && needles[i] != NULL; i++)
    if (strstr (run.err, needles[i]) == NULL)
      g_error ("axon %s: stderr “%s” does not mention “%s”", cmd, run.err, needles[i]);
  out = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (out), ==, stdout_lines);
}

static void
test_errors (void)
{
  static const ErrorCase cases[] = {
    /* names */
    { { "eval", "relux", NULL }, "1\n", { "relux", "did you mean", "relu" }, 0 },
    { { "eval", "GELUU", NULL }, "1\n", { "GELUU", "did you mean", "gelu" }, 0 },
    { { "eval", "zzzqqqxxxwww", NULL }, "1\n", { "zzzqqqxxxwww" }, 0 },
    { { "eval", NULL }, "1\n", { "NAME" }, 0 },
    { { "eval", "relu", "sigmoid", NULL }, "1\n", { "sigmoid" }, 0 },
    { { "eval", "relu", "--bogus", NULL }, "1\n", { "--bogus" }, 0 },
    /* parameters */
    { { "eval", "relu", "-p", "alpha=1", NULL }, "1\n", { "alpha", "relu" }, 0 },
    { { "eval", "elu", "-p", "beta=1", NULL }, "1\n", { "beta", "alpha" }, 0 },
    { { "eval", "softplus", "-p", "gamma=1", NULL }, "1\n", { "gamma", "beta", "threshold" },
      0 },
    { { "eval", "elu", "-p", "alpha=abc", NULL }, "1\n", { "abc", "alpha" }, 0 },
    { { "eval", "elu", "-p", "alpha=nan", NULL }, "1\n", { "nan", "alpha" }, 0 },
    { { "eval", "elu", "-p", "alpha=", NULL }, "1\n", { "alpha" }, 0 },
    { { "eval", "elu", "-p", "alpha", NULL }, "1\n", { "alpha", "KEY=VALUE" }, 0 },
    { { "eval", "silu", "-p", "beta=2", NULL }, "1\n", { "silu", "beta", "swish" }, 0 },
    { { "eval", "rrelu", "-p", "lower=0.3", "-p", "upper=0.2", NULL }, "1\n",
      { "lower", "upper", "0.3" }, 0 },
    /* stdin */
    { { "eval", "relu", NULL }, "1\n2\nfoo\n3\n", { "line 3", "foo" }, 2 },
    { { "eval", "relu", "--f32", NULL }, "1\n\n2\n 1.5x \n3\n", { "line 4", "1.5x" }, 2 },
    { { "eval", "relu", NULL }, "1,5\n", { "line 1", "1,5" }, 0 },
    { { "eval", "relu", NULL }, "0x\n", { "0x" }, 0 },
    /* other subcommands */
    { { "list", "extra", NULL }, NULL, { "extra" }, 0 },
    { { "bench", "nosuchsubject", NULL }, NULL, { "nosuchsubject", "kernels" }, 0 },
    { { "bench", NULL }, NULL, { "kernels" }, 0 },
    { { "bench", "kernels", "--only", "relu,nosuchact", NULL }, NULL, { "nosuchact" }, 0 },
    { { "bench", "kernels", "--size", "0", NULL }, NULL, { "--size", "0" }, 0 },
    { { "bench", "kernels", "--repeats", "0", NULL }, NULL, { "--repeats" }, 0 },
    { { "bench", "kernels", "--isa", "mmx", NULL }, NULL, { "mmx" }, 0 },
    { { "bench", "render", "--size", "640x", NULL }, NULL, { "--size", "640x" }, 0 },
    { { "bench", "render", "--size", "-640x400", NULL }, NULL, { "-640x400" }, 0 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_error (cases[i].args, cases[i].input, cases[i].needles, cases[i].stdout_lines);
}

/* A value outside a parameter's declared range, found in the table: the message names
 * the value and the range. */
static void
test_error_out_of_range (void)
{
  guint checked = 0;

  for (int id = 0; id < AXON_N_ACTIVATIONS && checked < 4; id++)
    {
      const AxonActivation *a = axon_activation_get (id);

      for (unsigned k = 0; k < a->n_params && checked < 4; k++)
        {
          const AxonParamSpec *spec = &a->params[k];
          g_autofree char *assignment = NULL;
          g_autofree char *value = NULL;
          g_autofree char *lo = shortest (spec->min);
          g_autofree char *hi = shortest (spec->max);
          double bad;

          if (isfinite (spec->max))
            bad = spec->max + fabs (spec->max) + 1.0;
          else if (isfinite (spec->min))
            bad = spec->min - fabs (spec->min) - 1.0;
          else
            continue;
          value = shortest (bad);
          assignment = g_strdup_printf ("%s=%s", spec->name, value);
          {
            const char *args[] = { "eval", a->name, "-p", assignment, NULL };
            const char *needles[] = { value, isfinite (spec->max) ? hi : lo, spec->name };

            check_error (args, "1\n", needles, 0);
          }
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 1);
}

/* --help of every subcommand exits 0 and explains each option. */
static void
test_help (void)
{
  static const struct
  {
    const char *args[4];
    const char *needles[6];
  } cases[] = {
    { { "help", NULL }, { "list", "eval", "bench" } },
    { { "list", "--help", NULL }, { "axon list" } },
    { { "eval", "--help", NULL }, { "--param", "KEY=VALUE", "--f32", "nan", "%.17g" } },
    { { "bench", "--help", NULL }, { "SUBJECT", "kernels" } },
    { { "bench", "kernels", "--help", NULL },
      { "--json", "--size", "--repeats", "--warmup", "--only", "--isa" } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (AxonTestRun) run = { 0 };

      axon_test_run_axon (cases[i].args, NULL, &run);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      for (guint k = 0; k < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[k]; k++)
        if (strstr (run.out, cases[i].needles[k]) == NULL)
          g_error ("axon %s --help does not mention “%s”", cases[i].args[0],
                   cases[i].needles[k]);
    }
}

/* Skips blanks after a JSON token. */
static const char *
skip_blanks (const char *s)
{
  while (*s == ' ' || *s == '\n')
    s++;
  return s;
}

/* bench kernels --json on a tiny buffer: one object of the documented shape, positive
 * figures (their size is never asserted), names canonical, aliases resolved. */
static void
test_bench_json (void)
{
  const char *args[] = { "bench", "kernels", "--json", "--size", "1000", "--repeats", "2",
                         "--warmup", "0", "--only", "relu,silu,GELU,relu", NULL };
  static const char *const names[] = { "relu", "swish", "gelu" };
  g_auto (AxonTestRun) run = { 0 };
  const char *s;

  axon_test_run_axon (args, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "}\n"));
  /* One line: the only newline is the last character. */
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);

  s = skip_blanks (run.out);
  g_assert_true (*s == '{');
  s++;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = g_strdup_printf ("\"%s\": {\"fwd\": ", names[i]);
      char *end;
      double fwd, fwdbwd;

      s = skip_blanks (s);
      if (!g_str_has_prefix (s, key))
        g_error ("expected %s at “%s”", key, s);
      s += strlen (key);
      fwd = g_ascii_strtod (s, &end);
      g_assert_true (end != s);
      s = end;
      g_assert_true (g_str_has_prefix (s, ", \"fwdbwd\": "));
      s += strlen (", \"fwdbwd\": ");
      fwdbwd = g_ascii_strtod (s, &end);
      g_assert_true (end != s);
      s = end;
      g_assert_true (g_str_has_prefix (s, "}, "));
      s += 3;
      g_assert_cmpfloat (fwd, >, 0.0);
      g_assert_cmpfloat (fwdbwd, >, 0.0);
    }
  g_assert_true (g_str_has_prefix (s, "\"copy\": "));
  s += strlen ("\"copy\": ");
  {
    char *end;
    double copy = g_ascii_strtod (s, &end);

    g_assert_true (end != s);
    g_assert_cmpfloat (copy, >, 0.0);
    g_assert_cmpstr (end, ==, "}\n");
  }
}

/* The harness `axon bench` measures with: median, input, buffers, call counts. No timing
 * is asserted, only what the figures are computed from. */
static void
test_bench_median (void)
{
  static const struct
  {
    guint n;
    double values[6];
    double median;
  } cases[] = {
    { 1, { 3.0 }, 3.0 },
    { 2, { 4.0, 2.0 }, 3.0 },
    { 3, { 9.0, 1.0, 5.0 }, 5.0 },
    { 4, { 1.0, 100.0, 2.0, 3.0 }, 2.5 },
    { 5, { 7.0, 7.0, 1.0, 1e9, 7.0 }, 7.0 },
    { 6, { 6.0, 5.0, 4.0, 3.0, 2.0, 1.0 }, 3.5 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double values[6];

      memcpy (values, cases[i].values, sizeof values);
      g_assert_cmpfloat (axon_bench_median (values, cases[i].n), ==, cases[i].median);
    }
  g_assert_cmpfloat (axon_bench_melem_per_s (2000000, 0.5), ==, 4.0);
  g_assert_cmpfloat (axon_bench_melem_per_s (1000, 0.0), ==, 0.0);
  g_assert_cmpfloat (axon_bench_melem_per_s (1000, NAN), ==, 0.0);
}

static void
count_call (gpointer user_data)
{
  (*(guint *) user_data)++;
}

static void
test_bench_buffers (void)
{
  const size_t n = 100003;
  float *a = axon_bench_buffer_new (n);
  float *b = axon_bench_buffer_new (n);
  float *empty = axon_bench_buffer_new (0);
  double sum = 0.0;
  gboolean differs = FALSE;
  AxonBenchTiming timing;
  guint calls = 0;

  g_assert_cmpuint ((guintptr) a % AXON_BENCH_ALIGNMENT, ==, 0);
  g_assert_cmpuint ((guintptr) b % AXON_BENCH_ALIGNMENT, ==, 0);
  g_assert_nonnull (empty);
  g_assert_cmpfloat (a[0], ==, 0.0f);
  g_assert_cmpfloat (a[n - 1], ==, 0.0f);

  /* Same seed, same numbers; all in [lo, hi); mean near the middle. */
  axon_bench_fill_uniform (a, n, -8.0f, 8.0f, 7);
  axon_bench_fill_uniform (b, n, -8.0f, 8.0f, 7);
  g_assert_cmpmem (a, n * sizeof (float), b, n * sizeof (float));
  axon_bench_fill_uniform (b, n, -8.0f, 8.0f, 8);
  for (size_t i = 0; i < n; i++)
    {
      g_assert_cmpfloat (a[i], >=, -8.0f);
      g_assert_cmpfloat (a[i], <, 8.0f);
      sum += a[i];
      differs |= a[i] != b[i];
    }
  g_assert_true (differs);
  g_assert_cmpfloat (fabs (sum / n), <, 0.1);

  axon_bench_measure (count_call, &calls, 3, 5, &timing);
  g_assert_cmpuint (calls, ==, 8);
  g_assert_cmpuint (timing.runs, ==, 5);
  g_assert_cmpfloat (timing.min_s, <=, timing.median_s);
  g_assert_cmpfloat (timing.median_s, <=, timing.max_s);

  g_assert_cmpfloat (axon_bench_copy_melem_per_s (b, a, n, 0, 1), >, 0.0);
  g_assert_cmpmem (a, n * sizeof (float), b, n * sizeof (float));

  axon_bench_buffer_free (a);
  axon_bench_buffer_free (b);
  axon_bench_buffer_free (empty);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axon/cli/list", test_list);
  g_test_add_data_func ("/axon/cli/eval/reference-f64", GINT_TO_POINTER (FALSE),
                        test_eval_reference);
  g_test_add_data_func ("/axon/cli/eval/reference-f32", GINT_TO_POINTER (TRUE),
                        test_eval_reference);
  g_test_add_data_func ("/axon/cli/eval/special-f64", GINT_TO_POINTER (FALSE),
                        test_eval_special);
  g_test_add_data_func ("/axon/cli/eval/special-f32", GINT_TO_POINTER (TRUE),
                        test_eval_special);
  g_test_add_func ("/axon/cli/eval/names", test_eval_names);
  g_test_add_func ("/axon/cli/errors", test_errors);
  g_test_add_func ("/axon/cli/errors/out-of-range", test_error_out_of_range);
  g_test_add_func ("/axon/cli/help", test_help);
  g_test_add_func ("/axon/cli/bench/json", test_bench_json);
  g_test_add_func ("/axon/cli/bench/harness-median", test_bench_median);
  g_test_add_func ("/axon/cli/bench/harness-buffers", test_bench_buffers);

  return g_test_run ();
}
