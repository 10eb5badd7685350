/* axon-compare-summary.c: Welch's t-test between activations and the generated summary. */
#include "axon-compare-summary.h"

#include <glib/gi18n.h>
#include <gsl/gsl_cdf.h>
#include <math.h>

gboolean
axon_compare_welch (const AxonCompareStats *a,
                    const AxonCompareStats *b,
                    guint                   column,
                    double                  alpha,
                    AxonCompareTest        *test)
{
  double va, vb;
  guint na, nb;

  g_return_val_if_fail (a != NULL && b != NULL && test != NULL, FALSE);
  g_return_val_if_fail (column < AXON_COMPARE_MAX_COLUMNS, FALSE);
  g_return_val_if_fail (alpha > 0 && alpha < 1, FALSE);

  na = a->n[column];
  nb = b->n[column];
  test->difference = a->mean[column] - b->mean[column];
  test->se = test->t = test->df = test->critical = NAN;
  test->testable = na >= 2 && nb >= 2;
  test->real = FALSE;
  if (!test->testable)
    return FALSE;

  va = a->std[column] * a->std[column] / na;
  vb = b->std[column] * b->std[column] / nb;
  test->se = sqrt (va + vb);
  if (va + vb > 0)
    test->df = (va + vb) * (va + vb) / (va * va / (na - 1) + vb * vb / (nb - 1));
  else
    test->df = na + nb - 2; /* no spread at all: any difference is real */
  test->critical = gsl_cdf_tdist_Qinv (alpha / 2, test->df);
  if (test->se > 0)
    test->t = test->difference / test->se;
  else
    test->t = test->difference == 0 ? 0 : copysign (INFINITY, test->difference);
  test->real = fabs (test->t) > test->critical;
  return test->real;
}

/* "a, b, c" in the user's language. */
static void
append_list (GString   *s,
             GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates the names of a list, e.g. "relu, tanh" */
        g_string_append (s, C_("list separator", ", "));
      g_string_append (s, g_ptr_array_index (items, i));
    }
}

/* " Label: a, b, c." after the sentence before it; nothing for an empty list. */
static void
append_clause (GString    *s,
               const char *label,
               GPtrArray  *items)
{
  if (items->len == 0)
    return;
  g_string_append_c (s, ' ');
  g_string_append (s, label);
  append_list (s, items);
  g_string_append (s, _("."));
}

/* The difference in display units with its sign: "−3.10 pp", "+0.412 ms". */
static char *
format_difference (guint  column,
                   double difference)
{
  AxonCompareColumnInfo info;
  char format[16], number[G_ASCII_DTOSTR_BUF_SIZE];
  double shown;
  int decimals;
  const char *unit;

  axon_compare_column_info (column, &info);
  shown = fabs (difference) * info.scale;
  decimals = info.decimals;
  /* A real but tiny difference keeps two significant digits instead of reading "0.00". */
  if (shown > 0 && shown < 0.5 * pow (10, -decimals))
    decimals = MIN ((int) ceil (-log10 (shown)) + 1, 15);
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (number, sizeof number, format, shown);
  /* A difference of percentages is in percentage points. */
  unit = g_str_equal (info.unit, "%") ? _("pp") : info.unit;
  return g_strdup_printf ("%s%s%s%s", difference < 0 ? "\xe2\x88\x92" : "+", number,
                          *unit != '\0' ? " " : "", unit);
}

static void
summarise_column (GString                *s,
                  const AxonCompareTable *table,
                  guint                   column)
{
  AxonCompareColumnInfo info;
  g_autoptr (GPtrArray) within = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) worse = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) untestable = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *best_value = NULL;
  g_autofree char *heading = NULL;
  const AxonCompareStats *best;
  int best_group;

  axon_compare_column_info (column, &info);
  heading = *info.unit != '\0' ? g_strdup_printf ("%s (%s)", info.title, info.unit)
                               : g_strdup (info.title);
  best_group = axon_compare_table_get_best (table, column);
  if (best_group < 0)
    {
      /* TRANSLATORS: %s is a column heading such as "Clean test (%)" */
      g_string_append_printf (s, _("%s: no finite value."), heading);
      g_string_append_c (s, '\n');
      return;
    }
  best = axon_compare_table_get_stats (table, best_group);
  best_value = axon_compare_format_value (column, best->mean[column], best->std[column],
                                          TRUE);
  /* TRANSLATORS: "Clean test (%): best gelu, 95.12 ± 0.20." */
  g_string_append_printf (s, _("%s: best %s, %s."), heading, best->activation, best_value);

  for (guint g = 0; g < axon_compare_table_get_n_groups (table); g++)
    {
      const AxonCompareStats *other = axon_compare_table_get_stats (table, g);
      AxonCompareTest test;

      if ((int) g == best_group)
        continue;
      if (isnan (other->mean[column]))
        {
          g_ptr_array_add (missing, g_strdup (other->activation));
          continue;
        }
      axon_compare_welch (other, best, column, AXON_COMPARE_ALPHA, &test);
      if (!test.testable)
        g_ptr_array_add (untestable, g_strdup (other->activation));
      else if (test.real)
        {
          g_autofree char *difference = format_difference (column, test.difference);

          g_ptr_array_add (worse, g_strdup_printf ("%s (%s)", other->activation, difference));
        }
      else
        g_ptr_array_add (within, g_strdup (other->activation));
    }

  if (within->len + worse->len + untestable->len + missing->len == 0)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, _("No other activation to compare with."));
    }
  /* TRANSLATORS: followed by a list of activation names and a full stop */
  append_clause (s, _("Within the spread across seeds: "), within);
  /* TRANSLATORS: followed by a list "name (difference)" and a full stop */
  append_clause (s, _("Worse beyond the spread: "), worse);
  /* TRANSLATORS: followed by a list of activation names and a full stop */
  append_clause (s, _("Too few seeds to tell from the spread: "), untestable);
  /* TRANSLATORS: followed by a list of activation names and a full stop */
  append_clause (s, _("No finite value: "), missing);
  g_string_append_c (s, '\n');
}

char *
axon_compare_summary (const AxonCompareTable *table)
{
  GString *s;

  g_return_val_if_fail (table != NULL, NULL);

  s = g_string_new (NULL);
  if (axon_compare_table_get_n_groups (table) == 0)
    {
      g_string_append (s, _("No results yet."));
      g_string_append_c (s, '\n');
      return g_string_free (s, FALSE);
    }
  /* xgettext:no-c-format */
  g_string_append (s, _("A difference is called real when Welch's t-test over the seeds "
                        "rejects equal means at the 5% level (two-sided); each activation "
                        "is compared with the best of each column."));
  g_string_append (s, "\n\n");
  for (guint c = 0; c < AXON_COMPARE_N_FIXED_COLUMNS; c++)
    summarise_column (s, table, c);
  return g_string_free (s, FALSE);
}
