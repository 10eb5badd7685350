/* axon-compare-summary.h: which differences between activations exceed the spread across
 * seeds, and the generated summary that says so.
 *
 * The test is Welch's two-sided t-test at the 5% level on the seeds of two activations:
 *   t = (mean_a - mean_b) / sqrt (s_a^2 / n_a + s_b^2 / n_b),
 *   degrees of freedom by Welch–Satterthwaite, critical value t_{0.975, df} (GSL).
 * Why Welch and not "more than two standard errors": with 3 seeds a column has 2 to 4
 * degrees of freedom, where the 97.5% quantile of Student's t is 2.8 to 4.3, not 2; the
 * two-standard-error rule would call between one difference in nine (4 degrees of
 * freedom: P(|t| > 2) = 0.116) and one in five (2: 0.184) "real" when the activations do
 * not differ at all. Welch's form does not assume that two activations
 * spread alike (sigmoid's seeds scatter more than relu's). Each activation is compared
 * with the best of the column only, at 5% each, without a correction for the several
 * comparisons: the summary says what stands out, not a proof.
 */
#pragma once

#include "axon-compare-table.h"

G_BEGIN_DECLS

#define AXON_COMPARE_ALPHA 0.05

typedef struct
{
  double difference; /* mean_a - mean_b */
  double se;         /* standard error of the difference */
  double t;          /* difference / se; ±inf when se is 0 and the means differ */
  double df;         /* Welch–Satterthwaite degrees of freedom */
  double critical;   /* t_{1 - alpha/2, df} */
  gboolean testable; /* both have at least 2 finite values */
  gboolean real;     /* testable and |t| > critical */
} AxonCompareTest;

/* Welch's test of column between the groups a and b (alpha: two-sided level, e.g.
 * AXON_COMPARE_ALPHA). Returns test->real. */
gboolean axon_compare_welch (const AxonCompareStats *a,
                             const AxonCompareStats *b,
                             guint                   column,
                             double                  alpha,
                             AxonCompareTest        *test);

/* The summary of table, translated: one paragraph per column (the per-layer zero-gradient
 * columns left out), naming the best activation, those within the spread of it and those
 * worse than it beyond the spread, with the difference. Free with g_free. */
char *axon_compare_summary (const AxonCompareTable *table);

G_END_DECLS
