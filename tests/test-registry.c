/* test-registry.c: names to activations and "key=value" to parameters.
 *
 * Table-driven: every canonical name and alias in the descriptor table, their case and
 * separator variants, the aliases DESIGN.md promises, "did you mean", every error code of
 * axon_params_assign with its one-line message, validation across parameters, and the
 * to_string / assign round trip.
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "axon-number.h"
#include "axon-registry.h"

/* "leaky_relu" -> "LeakyRelu" (camelCase with a capital first letter). */
static char *
camel_case (const char *snake)
{
  GString *s = g_string_new (NULL);
  gboolean upper = TRUE;

  for (const char *c = snake; *c; c++)
    {
      if (*c == '_' || *c == '-')
        {
          upper = TRUE;
          continue;
        }
      g_string_append_c (s, upper ? g_ascii_toupper (*c) : *c);
      upper = FALSE;
    }
  return g_string_free (s, FALSE);
}

static char *
replace_char (const char *text,
              char        from,
              char        to)
{
  char *s = g_strdup (text);

  for (char *c = s; *c; c++)
    if (*c == from)
      *c = to;
  return s;
}

static void
check_resolves (const char           *name,
                const AxonActivation *want)
{
  unsigned mask = 99;
  const AxonActivation *got = axon_activation_lookup (name, NULL, &mask);

  if (got != want)
    g_test_fail_printf ("axon_activation_lookup (\"%s\") = %s, want %s", name,
                        got ? got->name : "NULL", want->name);
}

static void
test_canonical_names (void)
{
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get ((AxonActivationId) i);
      g_autofree char *upper = g_ascii_strup (a->name, -1);
      g_autofree char *dashed = replace_char (a->name, '_', '-');
      g_autofree char *camel = camel_case (a->name);
      g_autofree char *spaced = replace_char (a->name, '_', ' ');
      unsigned mask = 99;

      g_assert_true (axon_activation_lookup (a->name, NULL, &mask) == a);
      g_assert_cmpuint (mask, ==, 0);
      check_resolves (upper, a);
      check_resolves (dashed, a);
      check_resolves (camel, a);
      check_resolves (spaced, a);
    }
}

/* Every alias resolves to its own row: two rows sharing a name key would fail here. */
static void
test_table_aliases (void)
{
  unsigned n = 0;

  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get ((AxonActivationId) i);

      for (const char *const *alias = a->aliases; alias && *alias; alias++, n++)
        {
          g_autofree char *upper = g_ascii_strup (*alias, -1);
          g_autofree char *dashed = replace_char (*alias, '_', '-');

          check_resolves (*alias, a);
          check_resolves (upper, a);
          check_resolves (dashed, a);
        }
    }
  g_assert_cmpuint (n, >=, 30);
}

static void
test_design_aliases (void)
{
  static const struct
  {
    const char *alias, *canonical;
    unsigned mask;
    double fixed0;
  } cases[] = {
    { "linear", "identity" },           { "binary_step", "step" },
    { "heaviside", "step" },            { "Heaviside", "step" },
    { "logistic", "sigmoid" },          { "hardsigmoid", "hard_sigmoid" },
    { "HardSigmoid", "hard_sigmoid" },  { "clip", "hard_tanh" },
    { "hardtanh", "hard_tanh" },        { "Hardtanh", "hard_tanh" },
    { "leakyRelu", "leaky_relu" },      { "LeakyRelu", "leaky_relu" },
    { "LeakyReLU", "leaky_relu" },      { "leaky-relu", "leaky_relu" },
    { "silu", "swish", 1, 1.0 },        { "SiLU", "swish", 1, 1.0 },
    { "swish-1", "swish", 1, 1.0 },     { "swish_1", "swish", 1, 1.0 },
    { "swish", "swish" },               { "hardswish", "hard_swish" },
    { "Hardswish", "hard_swish" },      { "softPlus", "softplus" },
    { "Softplus", "softplus" },         { "siren", "sin" },
    { "SIREN", "sin" },                 { "bert_gelu", "gelu_tanh" },
    { "gpt_gelu", "gelu_tanh" },        { "gelu_new", "gelu_tanh" },
    { "GELU", "gelu" },                 { "ReLU", "relu" },
    { "ReLU6", "relu6" },               { "relu-6", "relu6" },
    { "LogSigmoid", "log_sigmoid" },    { "logsigmoid", "log_sigmoid" },
    { "Softsign", "softsign" },         { "Tanhshrink", "tanhshrink" },
    { "Softshrink", "softshrink" },     { "Hardshrink", "hardshrink" },
    { "PReLU", "prelu" },               { "RReLU", "rrelu" },
    { "ELU", "elu" },                   { "CELU", "celu" },
    { "SELU", "selu" },                 { "Mish", "mish" },
    { "Tanh", "tanh" },                 { "Sigmoid", "sigmoid" },
    { "Identity", "identity" },         { "squareplus", "square_plus" },
    { "TanhExp", "tanh_exp" },          { "sparse_plus", "sparse_plus" },
    { "multiquadric", "multiquadratic" },
    { "inverse-multiquadric", "inverse_multiquadratic" },
    { "abs", "absolute" },              { "sign", "signum" },
    { "exp", "exponential" },           { "atan", "arctan" },
    { "cloglog", "log_log" },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AxonParams fixed = { { -7, -7, -7, -7 } };
      unsigned mask = 99;
      const AxonActivation *a = axon_activation_lookup (cases[i].alias, &fixed, &mask);

      if (a == NULL || strcmp (a->name, cases[i].canonical) != 0)
        {
          g_test_fail_printf ("axon_activation_lookup (\"%s\") = %s, want %s", cases[i].alias,
                              a ? a->name : "NULL", cases[i].canonical);
          continue;
        }
      if (mask != cases[i].mask)
        g_test_fail_printf ("axon_activation_lookup (\"%s\"): fixed_mask %u, want %u",
                            cases[i].alias, mask, cases[i].mask);
      if (cases[i].mask && fixed.v[0] != cases[i].fixed0)
        g_test_fail_printf ("axon_activation_lookup (\"%s\"): fixed beta %g, want %g",
                            cases[i].alias, fixed.v[0], cases[i].fixed0);
      if (!cases[i].mask && fixed.v[0] != -7)
        g_test_fail_printf ("axon_activation_lookup (\"%s\") wrote fixed_params",
                            cases[i].alias);
    }
}

static void
test_unknown_names (void)
{
  static const char *const names[] = { "nosuch", "", "---", "_", "relu7x", "sigmoidd_x",
                                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                                        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" };

  for (unsigned i = 0; i < G_N_ELEMENTS (names); i++)
    {
      unsigned mask = 99;

      if (axon_activation_lookup (names[i], NULL, &mask) != NULL)
        g_test_fail_printf ("axon_activation_lookup (\"%s\") found something", names[i]);
      g_assert_cmpuint (mask, ==, 0);
    }
}

static void
test_suggest (void)
{
  static const struct
  {
    const char *typed, *want; /* want NULL: no suggestion */
  } cases[] = {
    { "sigmod", "sigmoid" },   { "gleu", "gelu" },         { "relu66", "relu6" },
    { "softplu", "softplus" }, { "tahn", "tanh" },         { "swsh", "swish" },
    { "hardswich", "hard_swish" }, { "leaky", "leaky_relu" }, { "Mishh", "mish" },
    { "hard-sigmoud", "hard_sigmoid" }, { "selu", "selu" },
    { "xyzzy", NULL },         { "qqqqqqqqqqqq", NULL },   { "", NULL },
    { "convolution", NULL },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *got = axon_activation_suggest (cases[i].typed);

      if (g_strcmp0 (got, cases[i].want) != 0)
        g_test_fail_printf ("axon_activation_suggest (\"%s\") = %s, want %s", cases[i].typed,
                            got ? got : "NULL", cases[i].want ? cases[i].want : "NULL");
      /* a suggestion must itself be a name that resolves */
      if (got && axon_activation_lookup (got, NULL, NULL) == NULL)
        g_test_fail_printf ("suggestion %s for %s does not resolve", got, cases[i].typed);
    }
}

static void
test_assign (void)
{
  static const struct
  {
    const char *name;
    const char *assignment;
    int code; /* -1: success */
    double value; /* expected value of the param on success */
    const char *needles; /* '|'-separated substrings the message must contain */
  } cases[] = {
    { "leaky_relu", "alpha=0.2", -1, 0.2, NULL },
    { "leaky_relu", " alpha = 0.25 ", -1, 0.25, NULL },
    { "leaky_relu", "ALPHA=0.3", -1, 0.3, NULL },
    { "leaky_relu", "alpha=1e-3", -1, 1e-3, NULL },
    { "leaky_relu", "alpha=0", -1, 0, NULL },
    { "leaky_relu", "alpha=1", -1, 1, NULL },
    { "hard_sigmoid", "slope=1/5", -1, 0.2, NULL },
    { "srelu", "t-left=-2", -1, -2, NULL },
    { "leaky_relu", "beta=0.2", AXON_REGISTRY_ERROR_UNKNOWN_PARAM, 0, "leaky_relu|beta|alpha" },
    { "relu", "alpha=0.2", AXON_REGISTRY_ERROR_UNKNOWN_PARAM, 0, "relu|alpha|none" },
    { "elu", "alpha=nan", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha|nan" },
    { "elu", "alpha=NaN", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha" },
    { "elu", "alpha=inf", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha|inf" },
    { "elu", "alpha=-inf", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha|-inf" },
    { "elu", "alpha=1e400", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha" },
    { "leaky_relu", "alpha=2", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "leaky_relu|alpha|2|[0, 1]" },
    { "leaky_relu", "alpha=-0.5", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "alpha|-0.5|[0, 1]" },
    { "softplus", "beta=0", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "softplus|beta|[0.01, 100]" },
    { "elu", "alpha=abc", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha|abc|not a number" },
    { "elu", "alpha=1x", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha|1x" },
    { "elu", "alpha=", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha" },
    { "elu", "alpha=1/0", AXON_REGISTRY_ERROR_BAD_VALUE, 0, "elu|alpha" },
    { "elu", "alpha", AXON_REGISTRY_ERROR_SYNTAX, 0, "elu|alpha|KEY=VALUE" },
    { "elu", "=1", AXON_REGISTRY_ERROR_SYNTAX, 0, "elu|=1" },
    { "elu", "", AXON_REGISTRY_ERROR_SYNTAX, 0, "elu" },
    { "silu", "beta=2", AXON_REGISTRY_ERROR_FIXED_PARAM, 0, "swish|beta|1" },
    { "silu", "beta=1", AXON_REGISTRY_ERROR_FIXED_PARAM, 0, "beta" },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      unsigned mask = 0;
      AxonParams fixed = { { 0 } };
      const AxonActivation *a = axon_activation_lookup (cases[i].name, &fixed, &mask);
      AxonParams p, before;
      gboolean ok;
      int index;

      g_assert_nonnull (a);
      axon_params_init_default (a, &p);
      for (unsigned j = 0; j < a->n_params; j++)
        if (mask & (1u << j))
          p.v[j] = fixed.v[j];
      before = p;
      ok = axon_params_assign (a, &p, mask, cases[i].assignment, &error);

      if (cases[i].code < 0)
        {
          g_autofree char *key = g_strstrip (g_strndup (cases[i].assignment,
                                                        strcspn (cases[i].assignment, "=")));

          if (!ok)
            {
              g_test_fail_printf ("axon_params_assign (%s, \"%s\") failed: %s", a->name,
                                  cases[i].assignment, error->message);
              continue;
            }
          index = axon_activation_param_index (a, key);
          g_assert_cmpint (index, >=, 0);
          if (p.v[index] != cases[i].value)
            g_test_fail_printf ("axon_params_assign (%s, \"%s\") set %.17g, want %.17g",
                                a->name, cases[i].assignment, p.v[index], cases[i].value);
          continue;
        }

      if (ok || error == NULL)
        {
          g_test_fail_printf ("axon_params_assign (%s, \"%s\") succeeded, want error %d",
                              a->name, cases[i].assignment, cases[i].code);
          continue;
        }
      if (!g_error_matches (error, AXON_REGISTRY_ERROR, cases[i].code))
        g_test_fail_printf ("axon_params_assign (%s, \"%s\"): error code %d (%s), want %d",
                            a->name, cases[i].assignment, error->code, error->message,
                            cases[i].code);
      if (memcmp (&p, &before, sizeof p) != 0)
        g_test_fail_printf ("axon_params_assign (%s, \"%s\") changed p on failure", a->name,
                            cases[i].assignment);
      if (strchr (error->message, '\n') != NULL)
        g_test_fail_printf ("axon_params_assign (%s, \"%s\"): message is not one line: %s",
                            a->name, cases[i].assignment, error->message);
      {
        g_auto (GStrv) needles = g_strsplit (cases[i].needles, "|", -1);

        for (char **n = needles; *n; n++)
          if (strstr (error->message, *n) == NULL)
            g_test_fail_printf ("axon_params_assign (%s, \"%s\"): message \"%s\" lacks \"%s\"",
                                a->name, cases[i].assignment, error->message, *n);
      }
    }
}

static void
test_assign_list (void)
{
  const AxonActivation *a = axon_activation_lookup ("rrelu", NULL, NULL);
  g_autoptr (GError) error = NULL;
  AxonParams p, before;

  axon_params_init_default (a, &p);
  g_assert_true (axon_params_assign_list (a, &p, 0, "lower=0.1;upper=0.3", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (p.v[0], ==, 0.1);
  g_assert_cmpfloat (p.v[1], ==, 0.3);
  g_assert_true (axon_params_assign_list (a, &p, 0, "upper=0.5,lower=0.2", &error));
  g_assert_cmpfloat (p.v[0], ==, 0.2);
  g_assert_cmpfloat (p.v[1], ==, 0.5);
  g_assert_true (axon_params_assign_list (a, &p, 0, "-", &error));
  g_assert_true (axon_params_assign_list (a, &p, 0, "", &error));
  g_assert_cmpfloat (p.v[0], ==, 0.2);

  /* all or nothing */
  before = p;
  g_assert_false (axon_params_assign_list (a, &p, 0, "lower=0.15;middle=3", &error));
  g_assert_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_UNKNOWN_PARAM);
  g_assert_true (memcmp (&p, &before, sizeof p) == 0);
}

static void
test_validate (void)
{
  static const struct
  {
    const char *name, *params;
    gboolean valid;
    const char *needle;
  } cases[] = {
    { "hard_tanh", "min=-2;max=2", TRUE, NULL },
    { "hard_tanh", "min=1;max=-1", FALSE, "hard_tanh" },
    { "hard_tanh", "min=1;max=1", FALSE, "min" },
    { "rrelu", "lower=0.2;upper=0.2", TRUE, NULL },
    { "rrelu", "lower=0.5;upper=0.2", FALSE, "lower" },
    { "srelu", "t_left=1;t_right=-1", FALSE, "t_left" },
    { "srelu", "t_left=-1;t_right=2", TRUE, NULL },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const AxonActivation *a = axon_activation_lookup (cases[i].name, NULL, NULL);
      g_autoptr (GError) error = NULL;
      AxonParams p;
      gboolean ok;

      axon_params_init_default (a, &p);
      g_assert_true (axon_params_assign_list (a, &p, 0, cases[i].params, &error));
      ok = axon_params_validate (a, &p, &error);
      if (ok != cases[i].valid)
        g_test_fail_printf ("axon_params_validate (%s, %s) = %d, want %d", cases[i].name,
                            cases[i].params, ok, cases[i].valid);
      if (!ok && (error == NULL || strstr (error->message, cases[i].needle) == NULL
                  || !g_error_matches (error, AXON_REGISTRY_ERROR,
                                       AXON_REGISTRY_ERROR_BAD_VALUE)))
        g_test_fail_printf ("axon_params_validate (%s, %s): message %s lacks %s",
                            cases[i].name, cases[i].params, error ? error->message : "NULL",
                            cases[i].needle);
    }

  /* out-of-range values set directly, NaN included */
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get ((AxonActivationId) i);

      for (unsigned j = 0; j < a->n_params; j++)
        {
          static const double bad[] = { NAN, INFINITY, -INFINITY };
          AxonParams p;

          for (unsigned k = 0; k < G_N_ELEMENTS (bad) + 2; k++)
            {
              g_autoptr (GError) error = NULL;

              axon_params_init_default (a, &p);
              p.v[j] = k < G_N_ELEMENTS (bad) ? bad[k]
                       : k == G_N_ELEMENTS (bad) ? a->params[j].max + 1
                                                 : a->params[j].min - 1;
              if (axon_params_validate (a, &p, &error))
                g_test_fail_printf ("axon_params_validate (%s, %s=%g) accepted it", a->name,
                                    a->params[j].name, p.v[j]);
            }
        }
    }
}

static void
test_to_string (void)
{
  static const struct
  {
    const char *name, *want;
  } cases[] = {
    { "relu", "" },
    { "leaky_relu", "alpha=0.01" },
    { "hard_sigmoid", "slope=0.16666666666666666,offset=0.5" },
    { "softplus", "beta=1,threshold=20" },
    { "rrelu", "lower=0.125,upper=0.3333333333333333" }, /* shortest round trip */
    { "srelu", "t_left=-1,a_left=0.1,t_right=1,a_right=0.1" },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const AxonActivation *a = axon_activation_lookup (cases[i].name, NULL, NULL);
      AxonParams p;
      g_autofree char *s = NULL;

      axon_params_init_default (a, &p);
      s = axon_params_to_string (a, &p);
      if (strcmp (s, cases[i].want) != 0)
        g_test_fail_printf ("axon_params_to_string (%s) = \"%s\", want \"%s\"", cases[i].name,
                            s, cases[i].want);
    }

  /* Round trip, bit for bit, at the defaults and at values spread over each range. */
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get ((AxonActivationId) i);

      for (unsigned step = 0; step <= 7; step++)
        {
          g_autoptr (GError) error = NULL;
          g_autofree char *s = NULL;
          AxonParams p, q;

          axon_params_init_default (a, &p);
          if (step > 0)
            for (unsigned j = 0; j < a->n_params; j++)
              p.v[j] = a->params[j].min
                       + (a->params[j].max - a->params[j].min) * (step * 0.1372 + j * 0.01);
          s = axon_params_to_string (a, &p);
          memset (&q, 0, sizeof q);
          if (!axon_params_assign_list (a, &q, 0, s, &error))
            g_test_fail_printf ("%s: \"%s\" does not parse back: %s", a->name, s,
                                error->message);
          else if (memcmp (&p, &q, sizeof p) != 0)
            g_test_fail_printf ("%s: \"%s\" does not round-trip", a->name, s);
        }
    }
}

static void
test_param_index (void)
{
  const AxonActivation *a = axon_activation_lookup ("softplus", NULL, NULL);

  g_assert_cmpint (axon_activation_param_index (a, "beta"), ==, 0);
  g_assert_cmpint (axon_activation_param_index (a, "Threshold"), ==, 1);
  g_assert_cmpint (axon_activation_param_index (a, "alpha"), ==, -1);
  g_assert_cmpint (axon_activation_param_index (a, ""), ==, -1);
  g_assert_cmpint (axon_activation_param_index (axon_activation_lookup ("relu", NULL, NULL),
                                                "beta"), ==, -1);
}

/* The one shortest-number formatter: %.17g's notation with the fewest digits that read
 * back exactly. */
static void
test_format_shortest (void)
{
  static const struct
  {
    double value;
    const char *want;
  } doubles[] = {
    { 20, "20" }, /* not %.1g's "2e+01" (softplus threshold) */
    { 30, "30" },
    { 100, "100" },
    { 0.5, "0.5" },
    { 0.01, "0.01" },
    { 1.0 / 6.0, "0.16666666666666666" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 0.0001, "0.0001" },
    { 1e-5, "1e-05" },
    { 1.5e-7, "1.5e-07" },
    { 1e16, "10000000000000000" },
    { 1e17, "1e+17" },
    { 1e20, "1e+20" },
    { 123456789012345678.0, "1.2345678901234568e+17" },
    { -2.5, "-2.5" },
    { 0.0, "0" },
    { -0.0, "-0" },
    { 5e-324, "5e-324" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { INFINITY, "inf" },
    { -INFINITY, "-inf" },
    { NAN, "nan" },
  };
  static const struct
  {
    float value;
    const char *want;
  } floats[] = {
    { 0.1f, "0.1" },
    { 1.0f / 3.0f, "0.33333334" },
    { 20.0f, "20" },
    { 16777216.0f, "16777216" },
    { 3.4028235e38f, "3.4028235e+38" },
    { 1e-45f, "1e-45" },
    { -0.0f, "-0" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (doubles); i++)
    {
      char buffer[AXON_NUMBER_BUF_SIZE];

      axon_format_shortest (buffer, doubles[i].value);
      if (strcmp (buffer, doubles[i].want) != 0)
        g_test_fail_printf ("axon_format_shortest (%.17g) = \"%s\", want \"%s\"",
                            doubles[i].value, buffer, doubles[i].want);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (floats); i++)
    {
      char buffer[AXON_NUMBER_BUF_SIZE];

      axon_format_shortest_float (buffer, floats[i].value);
      if (strcmp (buffer, floats[i].want) != 0)
        g_test_fail_printf ("axon_format_shortest_float (%.9g) = \"%s\", want \"%s\"",
                            (double) floats[i].value, buffer, floats[i].want);
    }

  /* Round trip of values spread over many decades. */
  for (int e = -300; e <= 300; e += 7)
    {
      double v = 1.2345678901234567 * pow (10, e);
      char buffer[AXON_NUMBER_BUF_SIZE];

      axon_format_shortest (buffer, v);
      if (g_ascii_strtod (buffer, NULL) != v)
        g_test_fail_printf ("axon_format_shortest (%.17g) = \"%s\" does not read back", v,
                            buffer);
    }
}

/* Name and assignments to a row and parameters, with the commands' one-line messages. */
static void
test_resolve (void)
{
  static const struct
  {
    const char *name;
    const char *assignments[3];
    const char *canonical; /* NULL: must fail */
    const char *params;    /* axon_params_to_string on success */
    unsigned assigned;
    int code;              /* on failure */
    const char *needles[3];
  } cases[] = {
    { "relu", { NULL }, "relu", "", 0, 0, { NULL } },
    { "LeakyReLU", { "alpha=0.2" }, "leaky_relu", "alpha=0.2", 1, 0, { NULL } },
    { "silu", { NULL }, "swish", "beta=1", 0, 0, { NULL } },
    { "softplus", { "threshold=10", "beta=2" }, "softplus", "beta=2,threshold=10", 3, 0,
      { NULL } },
    { "relux", { NULL }, NULL, NULL, 0, AXON_REGISTRY_ERROR_UNKNOWN_NAME,
      { "relux", "did you mean", "relu" } },
    { "zzzqqqxxxwww", { NULL }, NULL, NULL, 0, AXON_REGISTRY_ERROR_UNKNOWN_NAME,
      { "zzzqqqxxxwww" } },
    { "silu", { "beta=2" }, NULL, NULL, 0, AXON_REGISTRY_ERROR_FIXED_PARAM,
      { "silu", "beta", "swish" } },
    { "elu", { "gamma=1" }, NULL, NULL, 0, AXON_REGISTRY_ERROR_UNKNOWN_PARAM,
      { "gamma", "alpha" } },
    { "elu", { "alpha" }, NULL, NULL, 0, AXON_REGISTRY_ERROR_SYNTAX, { "alpha" } },
    { "elu", { "alpha=99" }, NULL, NULL, 0, AXON_REGISTRY_ERROR_BAD_VALUE,
      { "alpha", "99", "10" } },
    { "rrelu", { "lower=0.3", "upper=0.2" }, NULL, NULL, 0, AXON_REGISTRY_ERROR_BAD_VALUE,
      { "lower", "0.3", "0.2" } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      AxonParams p = { { 42, 42, 42, 42 } }, before = p;
      unsigned assigned = 99;
      const AxonActivation *a = axon_activation_resolve (cases[i].name, cases[i].assignments,
                                                         &p, &assigned, &error);

      if (cases[i].canonical != NULL)
        {
          g_autofree char *text = NULL;

          if (a == NULL)
            {
              g_test_fail_printf ("resolve (%s) failed: %s", cases[i].name, error->message);
              continue;
            }
          text = axon_params_to_string (a, &p);
          if (strcmp (a->name, cases[i].canonical) != 0 || strcmp (text, cases[i].params) != 0
              || assigned != cases[i].assigned)
            g_test_fail_printf ("resolve (%s) = %s (%s), assigned %#x; want %s (%s), %#x",
                                cases[i].name, a->name, text, assigned, cases[i].canonical,
                                cases[i].params, cases[i].assigned);
          continue;
        }
      if (a != NULL || !g_error_matches (error, AXON_REGISTRY_ERROR, cases[i].code))
        {
          g_test_fail_printf ("resolve (%s, %s): want error %d, got %s", cases[i].name,
                              cases[i].assignments[0], cases[i].code,
                              error ? error->message : "success");
          continue;
        }
      if (memcmp (&p, &before, sizeof p) != 0 || assigned != 99)
        g_test_fail_printf ("resolve (%s, %s) changed its outputs on failure", cases[i].name,
                            cases[i].assignments[0]);
      if (strchr (error->message, '\n') != NULL)
        g_test_fail_printf ("resolve (%s): message is not one line: %s", cases[i].name,
                            error->message);
      for (guint k = 0; k < 3 && cases[i].needles[k] != NULL; k++)
        if (strstr (error->message, cases[i].needles[k]) == NULL)
          g_test_fail_printf ("resolve (%s): message \"%s\" lacks \"%s\"", cases[i].name,
                              error->message, cases[i].needles[k]);
    }
}

static void
test_names (void)
{
  /* The wording of the picker's group headers, which the properties panel repeats. */
  static const struct
  {
    AxonCategory category;
    const char *name;
  } expected[] = {
    { AXON_CATEGORY_STEP, "Steps" },
    { AXON_CATEGORY_SIGMOID, "Sigmoid and tanh" },
    { AXON_CATEGORY_RELU, "Rectifiers" },
    { AXON_CATEGORY_EXPONENTIAL_LINEAR, "Exponential linear units" },
    { AXON_CATEGORY_SMOOTH_RELU, "Smooth rectifiers" },
    { AXON_CATEGORY_SHRINK, "Shrinkage" },
  };

  for (unsigned c = 0; c < AXON_N_CATEGORIES; c++)
    {
      const char *name = axon_category_get_name ((AxonCategory) c);

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
      for (unsigned d = 0; d < c; d++)
        g_assert_cmpstr (name, !=, axon_category_get_name ((AxonCategory) d));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (axon_category_get_name (expected[i].category), ==, expected[i].name);
  for (unsigned c = AXON_CONTINUITY_DISCONTINUOUS; c <= AXON_CONTINUITY_SMOOTH; c++)
    g_assert_nonnull (axon_continuity_get_name ((AxonContinuity) c));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axon/registry/canonical-names", test_canonical_names);
  g_test_add_func ("/axon/registry/table-aliases", test_table_aliases);
  g_test_add_func ("/axon/registry/design-aliases", test_design_aliases);
  g_test_add_func ("/axon/registry/unknown-names", test_unknown_names);
  g_test_add_func ("/axon/registry/suggest", test_suggest);
  g_test_add_func ("/axon/registry/assign", test_assign);
  g_test_add_func ("/axon/registry/assign-list", test_assign_list);
  g_test_add_func ("/axon/registry/validate", test_validate);
  g_test_add_func ("/axon/registry/to-string", test_to_string);
  g_test_add_func ("/axon/registry/param-index", test_param_index);
  g_test_add_func ("/axon/registry/names", test_names);
  g_test_add_func ("/axon/registry/format-shortest", test_format_shortest);
  g_test_add_func ("/axon/registry/resolve", test_resolve);

  return g_test_run ();
}
