/* test-ticks.c: 1-2-5 ticks and their labels over a table of ranges. */
#include <glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "axon-ticks.h"

#define MINUS "\xe2\x88\x92"

typedef struct
{
  const char *what;
  double min, max;
  unsigned max_ticks;
  double step;              /* expected step */
  size_t n;                 /* expected count */
  const char *first, *last; /* expected first and last labels */
  int exponent;             /* expected common power of ten */
} TickCase;

static const TickCase cases[] = {
  { "unit", 0, 1, 6, 0.2, 6, "0.0", "1.0" },
  { "unit fine", 0, 1, 11, 0.1, 11, "0.0", "1.0" },
  { "symmetric", -5, 5, 11, 1, 11, MINUS "5", "5" },
  { "symmetric coarse", -5, 5, 6, 2, 5, MINUS "4", "4" },
  { "negative", -7.3, -2.1, 6, 1, 5, MINUS "7", MINUS "3" },
  { "offset", 0.13, 0.87, 5, 0.2, 4, "0.2", "0.8" },
  { "tiny span", 0, 1e-9, 6, 2e-10, 6, "0.0", "1.0", -9 },
  { "tiny span around 1", 1, 1 + 1e-9, 6, 2e-10, 6, "1.0000000000", "1.0000000010", 0 },
  { "huge", 0, 1e12, 6, 2e11, 6, "0.0", "1.0", 12 },
  { "huge negative", -3e12, 1e12, 5, 1e12, 5, MINUS "3", "1", 12 },
  { "tiny negative", -4e-7, -1e-7, 4, 1e-7, 4, MINUS "4", MINUS "1", -7 },
  { "just below a million", 0, 5e5, 6, 1e5, 6, "0", "500000" },
  { "min == max", 3, 3, 6, 0.2, 5, "2.6", "3.4" },
  { "zero width at 0", 0, 0, 5, 0.2, 5, MINUS "0.4", "0.4" },
  { "NaN", NAN, NAN, 6, 0.2, 6, "0.0", "1.0" },
  { "NaN and 4", NAN, 4, 6, 0.2, 6, "3.0", "4.0" },
  { "reversed", 5, -5, 11, 1, 11, MINUS "5", "5" },
  { "max_ticks 0 clamps to 2", 0, 10, 0, 10, 2, "0", "10" },
};

static gboolean
is_nice (double step)
{
  double e = floor (log10 (step));
  double m = step / pow (10, e);

  return fabs (m - 1) < 1e-9 || fabs (m - 2) < 1e-9 || fabs (m - 5) < 1e-9
         || fabs (m - 10) < 1e-9;
}

/* "-0", "−0", "−0.0" and the like: a negative zero in print. */
static gboolean
is_negative_zero_label (const char *label)
{
  const char *rest = NULL;

  if (g_str_has_prefix (label, "-"))
    rest = label + 1;
  else if (g_str_has_prefix (label, MINUS))
    rest = label + strlen (MINUS);
  if (rest == NULL || *rest == '\0')
    return FALSE;
  for (; *rest && *rest != '\xc3'; rest++) /* up to a "×10" */
    if (*rest != '0' && *rest != '.')
      return FALSE;
  return TRUE;
}

/* The number a label prints, read back in C syntax. */
static double
parse_label (const char *label)
{
  g_autoptr (GString) ascii = g_string_new (label);

  g_string_replace (ascii, MINUS, "-", 0);
  return g_ascii_strtod (ascii->str, NULL);
}

static void
test_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const TickCase *c = &cases[i];
      AxonTicks t;

      axon_ticks_compute (c->min, c->max, c->max_ticks, &t);
      g_test_message ("%s: n=%zu step=%g first=%s last=%s", c->what, t.n, t.step,
                      t.labels[0], t.labels[t.n - 1]);
      g_assert_cmpuint (t.n, >=, 1);
      g_assert_cmpuint (t.n, <=, MAX (c->max_ticks, 2));
      g_assert_cmpuint (t.n, ==, c->n);
      g_assert_cmpfloat_with_epsilon (t.step, c->step, c->step * 1e-9);
      g_assert_true (is_nice (t.step));
      g_assert_cmpstr (t.labels[0], ==, c->first);
      g_assert_cmpstr (t.labels[t.n - 1], ==, c->last);
      g_assert_cmpint (t.exponent, ==, c->exponent);
      if (c->exponent != 0)
        {
          g_autofree char *want = NULL;
          GString *sup = g_string_new (NULL);
          const char *digits[] = { "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3",
                                   "\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6",
                                   "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9" };
          char num[16];
          g_snprintf (num, sizeof num, "%d", abs (c->exponent));
          if (c->exponent < 0)
            g_string_append (sup, "\xe2\x81\xbb");
          for (const char *d = num; *d; d++)
            g_string_append (sup, digits[*d - '0']);
          want = g_strdup_printf ("\xc3\x97" "10%s", sup->str);
          g_string_free (sup, TRUE);
          g_assert_cmpstr (t.multiplier, ==, want);
        }
      else
        g_assert_cmpstr (t.multiplier, ==, "");
      /* label × 10^exponent gives the value back. */
      for (size_t k = 0; k < t.n; k++)
        g_assert_cmpfloat_with_epsilon (parse_label (t.labels[k]) * pow (10, t.exponent),
                                        t.values[k], t.step * 1e-6);
      for (size_t k = 0; k < t.n; k++)
        {
          g_assert_true (isfinite (t.values[k]));
          g_assert_false (is_negative_zero_label (t.labels[k]));
          g_assert_true (g_utf8_validate (t.labels[k], -1, NULL));
          g_assert_null (strchr (t.labels[k], ','));
          g_assert_null (strchr (t.labels[k], '-')); /* the typographic minus only */
          if (k > 0)
            {
              g_assert_cmpfloat (t.values[k], >, t.values[k - 1]);
              g_assert_cmpfloat_with_epsilon (t.values[k] - t.values[k - 1], t.step,
                                              t.step * 1e-6);
              g_assert_cmpstr (t.labels[k], !=, t.labels[k - 1]);
            }
          if (t.values[k] == 0)
            {
              g_assert_false (signbit (t.values[k]));
              g_assert_true (strspn (t.labels[k], "0.") == strlen (t.labels[k]));
            }
        }
    }
}

/* Every range from a sweep: at least one tick, nice steps, no "-0", monotone labels. */
static void
test_sweep (void)
{
  static const double centres[] = { 0, -1, 1e-7, -3e5, 42, 7e11, -1e-12 };
  static const double spans[] = { 1e-14, 1e-9, 3e-5, 0.7, 1, 10, 4e3, 1e9, 5e15 };

  for (gsize a = 0; a < G_N_ELEMENTS (centres); a++)
    for (gsize b = 0; b < G_N_ELEMENTS (spans); b++)
      for (unsigned m = 2; m <= 12; m += 5)
        {
          double lo = centres[a] - spans[b] * 0.37, hi = centres[a] + spans[b] * 0.63;
          AxonTicks t;

          axon_ticks_compute (lo, hi, m, &t);
          g_assert_cmpuint (t.n, >=, 1);
          g_assert_cmpuint (t.n, <=, m);
          if (t.n > 1)
            g_assert_true (is_nice (t.step));
          for (size_t k = 0; k < t.n; k++)
            {
              g_assert_false (is_negative_zero_label (t.labels[k]));
              g_assert_cmpuint (strlen (t.labels[k]), >, 0);
              if (k > 0)
                g_assert_cmpstr (t.labels[k], !=, t.labels[k - 1]);
            }
        }
}

static void
test_format_value (void)
{
  static const struct
  {
    double v;
    const char *want;
  } values[] = {
    { 0, "0" },
    { -0.0, "0" },
    { 1, "1" },
    { -0.5, MINUS "0.5" },
    { 0.1234567, "0.123457" },
    { 1e-12, "1" "\xc3\x97" "10" "\xe2\x81\xbb\xc2\xb9\xc2\xb2" },
    { -2.5e7, MINUS "2.5" "\xc3\x97" "10" "\xe2\x81\xb7" },
    { NAN, "NaN" },
    { INFINITY, "\xe2\x88\x9e" },
    { -INFINITY, MINUS "\xe2\x88\x9e" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char buf[64];
      axon_ticks_format_value (values[i].v, buf, sizeof buf);
      g_assert_cmpstr (buf, ==, values[i].want);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axon/ticks/table", test_table);
  g_test_add_func ("/axon/ticks/sweep", test_sweep);
  g_test_add_func ("/axon/ticks/format-value", test_format_value);
  return g_test_run ();
}
