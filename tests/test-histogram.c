/* test-histogram.c: the AxonHistogram kernel: lifetime, re-binning, shared edges,
 * statistics and percentile bands. */
#include "axon-histogram-grid.h"
#include "axon-histogram.h"

#include <float.h>
#include <math.h>

static AxonHistogram *
make_hist (size_t        n,
           const double *edges,
           const double *counts)
{
  AxonHistogram *h = axon_histogram_new (n);

  for (size_t i = 0; i <= n; i++)
    h->edges[i] = edges[i];
  for (size_t i = 0; i < n; i++)
    h->counts[i] = counts[i];
  h->min = edges[0];
  h->max = edges[n];
  h->num = axon_histogram_total (h);
  h->sum = NAN;
  h->sum_squares = NAN;
  return h;
}

static void
test_lifetime (void)
{
  g_autoptr (AxonHistogram) h = axon_histogram_new (4);
  g_autoptr (AxonHistogram) c = NULL;

  g_assert_cmpuint (h->n_bins, ==, 4);
  g_assert_true (isnan (h->zero_count));
  for (size_t i = 0; i < 4; i++)
    {
      g_assert_cmpfloat (h->counts[i], ==, 0);
      g_assert_cmpfloat (h->edges[i], <, h->edges[i + 1]);
    }
  h->step = 42;
  h->counts[2] = 7;
  c = axon_histogram_copy (h);
  g_assert_true (c->edges != h->edges && c->counts != h->counts);
  g_assert_cmpint (c->step, ==, 42);
  g_assert_cmpfloat (c->counts[2], ==, 7);
  h->counts[2] = 1; /* deep copy: the copy keeps its own */
  g_assert_cmpfloat (c->counts[2], ==, 7);
  g_assert_null (axon_histogram_copy (NULL));
  axon_histogram_free (NULL);
}

static void
test_rebin_hand (void)
{
  /* Source [0,2) 4, [2,4) 8 onto [0,1) [1,3) [3,4): half of each source bin on each side. */
  const double se[] = { 0, 2, 4 }, sc[] = { 4, 8 };
  const double de[] = { 0, 1, 3, 4 };
  const double want[] = { 2, 2 + 4, 4 };
  g_autoptr (AxonHistogram) src = make_hist (2, se, sc);
  g_autoptr (AxonHistogram) dst = axon_histogram_rebin (src, de, 3);

  for (size_t j = 0; j < 3; j++)
    g_assert_cmpfloat_with_epsilon (dst->counts[j], want[j], 1e-12);

  /* Mass outside the destination goes to the end bins, never lost. */
  {
    const double narrow[] = { 1, 2, 3 };
    g_autoptr (AxonHistogram) d2 = axon_histogram_rebin (src, narrow, 2);

    /* [0,1) of bin 0 (2 counts) joins [1,2) (2 counts); [3,4) (4) joins [2,3) (4). */
    g_assert_cmpfloat_with_epsilon (d2->counts[0], 4, 1e-12);
    g_assert_cmpfloat_with_epsilon (d2->counts[1], 8, 1e-12);
  }
}

static void
test_rebin_zeros (void)
{
  /* [-1, 1) holds 10 values, 6 of them exactly 0: onto [-1, -0.5, 0, 0.5, 1) the 4 others
   * spread evenly, the 6 zeros land in [0, 0.5). Unknown zero_count: all 10 spread. */
  const double se[] = { -1, 1 }, sc[] = { 10 };
  const double de[] = { -1, -0.5, 0, 0.5, 1 };
  const double with_zeros[] = { 1, 1, 7, 1 }, without[] = { 2.5, 2.5, 2.5, 2.5 };
  g_autoptr (AxonHistogram) src = make_hist (1, se, sc);
  g_autoptr (AxonHistogram) a = NULL;
  g_autoptr (AxonHistogram) b = NULL;

  src->zero_count = 6;
  a = axon_histogram_rebin (src, de, 4);
  src->zero_count = NAN;
  b = axon_histogram_rebin (src, de, 4);
  for (size_t j = 0; j < 4; j++)
    {
      g_assert_cmpfloat_with_epsilon (a->counts[j], with_zeros[j], 1e-12);
      g_assert_cmpfloat_with_epsilon (b->counts[j], without[j], 1e-12);
    }
  g_assert_cmpfloat (a->zero_count, ==, 6);
}

static void
test_rebin_sentinels (void)
{
  /* TensorFlow-style outer buckets at +-DBL_MAX: the values lie in [min, max]. */
  const double se[] = { -DBL_MAX, -1, 0, 1, DBL_MAX }, sc[] = { 2, 3, 5, 6 };
  g_autoptr (AxonHistogram) src = make_hist (4, se, sc);
  double eff[5];
  const double de[] = { -2, -1, 0, 1, 2 };
  g_autoptr (AxonHistogram) dst = NULL;

  src->min = -1.5;
  src->max = 1.5;
  axon_histogram_effective_edges (src, eff);
  g_assert_cmpfloat (eff[0], ==, -1.5);
  g_assert_cmpfloat (eff[4], ==, 1.5);
  dst = axon_histogram_rebin (src, de, 4);
  for (size_t j = 0; j < 4; j++)
    g_assert_cmpfloat_with_epsilon (dst->counts[j], sc[j], 1e-12);

  /* Without min/max, infinite edges collapse onto their finite neighbours. */
  src->min = NAN;
  src->max = NAN;
  src->edges[0] = -INFINITY;
  axon_histogram_effective_edges (src, eff);
  g_assert_cmpfloat (eff[0], ==, -1);
  g_assert_cmpfloat (eff[4], ==, 1);
}

static void
test_rebin_conserves (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240611);

  for (int round = 0; round < 200; round++)
    {
      size_t ns = 1 + g_rand_int_range (rand, 0, 80);
      size_t nd = 1 + g_rand_int_range (rand, 0, 80);
      g_autoptr (AxonHistogram) src = axon_histogram_new (ns);
      g_autoptr (AxonHistogram) dst = NULL;
      g_autofree double *de = g_new (double, nd + 1);
      double x = g_rand_double_range (rand, -5, 5), total, got = 0;

      for (size_t i = 0; i <= ns; i++)
        {
          src->edges[i] = x;
          /* Some zero-width bins on purpose. */
          x += g_rand_int_range (rand, 0, 10) == 0 ? 0 : g_rand_double_range (rand, 1e-9, 1);
        }
      for (size_t i = 0; i < ns; i++)
        src->counts[i] = g_rand_int_range (rand, 0, 4) == 0 ? 0
                                                             : g_rand_double_range (rand, 0, 1e6);
      src->min = src->edges[0];
      src->max = src->edges[ns];
      /* Sometimes exact zeros are known: placed, never created or lost. */
      if (round % 3 == 0)
        src->zero_count = g_rand_double_range (rand, 0, 1e6);
      /* Destination edges may cover only part of the source range. */
      x = g_rand_double_range (rand, -8, 3);
      for (size_t j = 0; j <= nd; j++)
        {
          de[j] = x;
          x += g_rand_double_range (rand, 1e-6, 2);
        }
      dst = axon_histogram_rebin (src, de, nd);
      total = axon_histogram_total (src);
      for (size_t j = 0; j < nd; j++)
        {
          g_assert_cmpfloat (dst->counts[j], >=, 0);
          got += dst->counts[j];
        }
      if (total == 0)
        g_assert_cmpfloat (got, ==, 0);
      else
        g_assert_cmpfloat (fabs (got - total) / total, <=, 1e-9);
    }
}

static void
test_shared_edges (void)
{
  const double e1[] = { -1, 0, 1 }, e2[] = { 0, 2, 3 }, c[] = { 1, 1 };
  g_autoptr (AxonHistogram) a = make_hist (2, e1, c);
  g_autoptr (AxonHistogram) b = make_hist (2, e2, c);
  g_autoptr (AxonHistogram) empty = axon_histogram_new (3);
  const AxonHistogram *list[] = { a, NULL, empty, b };
  static const struct
  {
    AxonBinScale scale;
    size_t n;
  } cases[] = {
    { AXON_BIN_SCALE_LINEAR, 1 },
    { AXON_BIN_SCALE_LINEAR, 8 },
    { AXON_BIN_SCALE_SYMLOG, 8 },
    { AXON_BIN_SCALE_SYMLOG, 64 },
  };

  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree double *e = axon_histogram_shared_edges (list, G_N_ELEMENTS (list),
                                                          cases[k].n, cases[k].scale, 0);

      g_assert_cmpfloat (e[0], ==, -1);
      g_assert_cmpfloat (e[cases[k].n], ==, 3);
      for (size_t i = 0; i < cases[k].n; i++)
        g_assert_cmpfloat (e[i], <, e[i + 1]);
      if (cases[k].scale == AXON_BIN_SCALE_LINEAR && cases[k].n == 8)
        g_assert_cmpfloat_with_epsilon (e[4], 1, 1e-12);
      if (cases[k].scale == AXON_BIN_SCALE_SYMLOG && cases[k].n == 64)
        /* Logarithmic: bins near 0 much narrower than at the ends. */
        {
          size_t z = 0;

          while (e[z + 1] <= 0)
            z++;
          g_assert_cmpfloat ((e[z + 1] - e[z]) * 10, <, e[64] - e[63]);
        }
    }

  /* Degenerate: one value only; nothing usable. */
  {
    const double ed[] = { 2, 2 }, cd[] = { 5 };
    g_autoptr (AxonHistogram) d = make_hist (1, ed, cd);
    const AxonHistogram *one[] = { d };
    g_autofree double *e = axon_histogram_shared_edges (one, 1, 4, AXON_BIN_SCALE_LINEAR, 0);
    const AxonHistogram *none[] = { empty };
    g_autofree double *f = axon_histogram_shared_edges (none, 1, 2, AXON_BIN_SCALE_LINEAR, 0);

    g_assert_cmpfloat (e[0], <, 2);
    g_assert_cmpfloat (e[4], >, 2);
    g_assert_cmpfloat (f[0], ==, -1);
    g_assert_cmpfloat (f[2], ==, 1);
  }
}

/* The widest ranges doubles hold: a damaged file's min and max can be +-DBL_MAX. Edges,
 * re-binned counts and quantiles must stay finite and ordered. */
static void
test_extreme_range (void)
{
  const double edges[] = { -DBL_MAX, 0, DBL_MAX }, counts[] = { 3, 1 };
  g_autoptr (AxonHistogram) h = make_hist (2, edges, counts);
  const AxonHistogram *list[] = { h };
  g_autofree double *e = axon_histogram_edges_for_range (-DBL_MAX, DBL_MAX, 8,
                                                         AXON_BIN_SCALE_LINEAR, 0);
  g_autoptr (AxonHistogramGrid) grid = NULL;
  double total = 0;

  for (size_t i = 0; i <= 8; i++)
    {
      g_assert_true (isfinite (e[i]));
      if (i > 0)
        g_assert_cmpfloat (e[i - 1], <, e[i]);
    }
  g_assert_cmpfloat (e[4], ==, 0);

  grid = axon_histogram_grid_new (list, 1, G_MININT64, G_MAXINT64, 4, AXON_BIN_SCALE_LINEAR,
                                  0, NAN, NAN);
  g_assert_cmpuint (grid->n_steps, ==, 1);
  for (size_t i = 0; i <= 4; i++)
    g_assert_true (isfinite (grid->edges[i]));
  for (size_t j = 0; j < 4; j++)
    {
      g_assert_true (isfinite (axon_histogram_grid_row (grid, 0)[j]));
      total += axon_histogram_grid_row (grid, 0)[j];
    }
  g_assert_cmpfloat_with_epsilon (total, 4, 1e-12);
  for (int k = 0; k < AXON_HISTOGRAM_N_BANDS; k++)
    g_assert_true (isfinite (grid->bands[k]));
  g_assert_cmpfloat (axon_histogram_quantile (h, 0.5), <, 0);
}

static void
test_symlog (void)
{
  static const double xs[] = { 0, -0.0, 1e-9, -3e-4, 0.5, -2, 1e6, -1e-300 };
  static const double cs[] = { 1, 1e-3, 7.5 };

  for (size_t i = 0; i < G_N_ELEMENTS (xs); i++)
    for (size_t j = 0; j < G_N_ELEMENTS (cs); j++)
      {
        double y = axon_symlog (xs[i], cs[j]);

        g_assert_cmpfloat (signbit (y), ==, signbit (xs[i]));
        g_assert_cmpfloat_with_epsilon (axon_symlog_inverse (y, cs[j]), xs[i],
                                        1e-12 * MAX (1, fabs (xs[i])));
      }
  g_assert_cmpfloat (axon_symlog_auto_constant (-4, 2), ==, 4e-3);
  g_assert_cmpfloat (axon_symlog_auto_constant (0, 0), ==, 1);
}

static void
test_stats (void)
{
  /* Values 1,1,2,2,2,3 with moments recorded. */
  const double e[] = { 0.5, 1.5, 2.5, 3.5 }, c[] = { 2, 3, 1 };
  g_autoptr (AxonHistogram) h = make_hist (3, e, c);
  AxonHistogramStats st;
  double mean = 11.0 / 6, var = (2 * 1 + 3 * 4 + 9) / 6.0 - mean * mean;

  h->min = 1;
  h->max = 3;
  h->sum = 11;
  h->sum_squares = 23;
  h->zero_count = 0;
  axon_histogram_stats (h, &st);
  g_assert_true (st.from_moments);
  g_assert_cmpfloat_with_epsilon (st.mean, mean, 1e-12);
  g_assert_cmpfloat_with_epsilon (st.std, sqrt (var), 1e-12);
  g_assert_cmpfloat (st.zero_ratio, ==, 0);
  g_assert_false (st.zero_ratio_estimated);
  g_assert_cmpfloat (st.min, ==, 1);
  g_assert_cmpfloat (st.max, ==, 3);
  g_assert_cmpfloat (st.num, ==, 6);

  /* Missing moments (0, 0 with a non-zero max): from the bins, clamped to [min, max]:
   * midpoints 1.25, 2, 2.75. */
  h->sum = 0;
  h->sum_squares = 0;
  axon_histogram_stats (h, &st);
  g_assert_false (st.from_moments);
  g_assert_cmpfloat_with_epsilon (st.mean, (2 * 1.25 + 3 * 2 + 2.75) / 6, 1e-12);

  /* Zero ratio from TensorFlow's narrow [0, 1e-12) bucket. */
  {
    const double ez[] = { -1, -1e-12, 0, 1e-12, 1 }, cz[] = { 3, 1, 4, 2 };
    g_autoptr (AxonHistogram) z = make_hist (4, ez, cz);

    axon_histogram_stats (z, &st);
    g_assert_true (st.zero_ratio_estimated);
    g_assert_cmpfloat_with_epsilon (st.zero_ratio, 0.4, 1e-12);
    /* Wide bins: unknown. */
    z->edges[1] = -0.5;
    z->edges[3] = 0.5;
    axon_histogram_stats (z, &st);
    g_assert_true (isnan (st.zero_ratio));
  }
  /* Empty. */
  {
    g_autoptr (AxonHistogram) empty = axon_histogram_new (2);

    axon_histogram_stats (empty, &st);
    g_assert_true (isnan (st.mean));
    g_assert_true (isnan (st.zero_ratio));
  }
}

static void
test_bands (void)
{
  /* Ten unit bins on [0, 10), one count each: the quantile is linear, q(p) = 10 p. */
  double e[11], c[10];
  g_autoptr (AxonHistogram) h = NULL;
  double bands[AXON_HISTOGRAM_N_BANDS];
  static const double want[AXON_HISTOGRAM_N_BANDS] = {
    0, 0.668, 1.587, 3.085, 5, 6.915, 8.413, 9.332, 10,
  };

  for (int i = 0; i <= 10; i++)
    e[i] = i;
  for (int i = 0; i < 10; i++)
    c[i] = 1;
  h = make_hist (10, e, c);
  axon_histogram_bands (h, bands);
  for (int k = 0; k < AXON_HISTOGRAM_N_BANDS; k++)
    g_assert_cmpfloat_with_epsilon (bands[k], want[k], 1e-9);

  /* Empty leading/trailing bins: 0 % and 100 % are the occupied extremes. */
  h->counts[0] = 0;
  h->counts[9] = 0;
  h->min = NAN;
  h->max = NAN;
  g_assert_cmpfloat (axon_histogram_quantile (h, 0), ==, 1);
  g_assert_cmpfloat (axon_histogram_quantile (h, 1), ==, 9);
  g_assert_cmpfloat_with_epsilon (axon_histogram_quantile (h, 0.5), 5, 1e-12);
  g_assert_true (isnan (axon_histogram_quantile (h, NAN)));
}

static void
test_grid (void)
{
  /* Steps out of order, different edges per step, one outside the step range. */
  const double e0[] = { 0, 1, 2 }, c0[] = { 3, 1 };
  const double e1[] = { -2, 0, 2, 4 }, c1[] = { 2, 2, 6 };
  const double e2[] = { 0, 10 }, c2[] = { 7 };
  g_autoptr (AxonHistogram) a = make_hist (2, e0, c0);
  g_autoptr (AxonHistogram) b = make_hist (3, e1, c1);
  g_autoptr (AxonHistogram) c = make_hist (1, e2, c2);
  const AxonHistogram *list[] = { b, NULL, c, a };
  g_autoptr (AxonHistogramGrid) grid = NULL;
  g_autoptr (AxonHistogramGrid) fixed = NULL;

  a->step = 5;
  b->step = 1;
  c->step = 100;
  grid = axon_histogram_grid_new (list, G_N_ELEMENTS (list), 0, 50, 12, AXON_BIN_SCALE_LINEAR,
                                  0, NAN, NAN);
  g_assert_cmpuint (grid->n_steps, ==, 2);
  g_assert_cmpint (grid->steps[0], ==, 1);
  g_assert_cmpint (grid->steps[1], ==, 5);
  /* Union of the kept histograms' ranges only (step 100 is out of range). */
  g_assert_cmpfloat (grid->value_min, ==, -2);
  g_assert_cmpfloat (grid->value_max, ==, 4);
  for (size_t i = 0; i < 2; i++)
    {
      double total = 0;

      for (size_t j = 0; j < 12; j++)
        {
          total += axon_histogram_grid_row (grid, i)[j];
          g_assert_cmpfloat (axon_histogram_grid_row (grid, i)[j], <=, grid->max_count);
        }
      g_assert_cmpfloat_with_epsilon (total, i == 0 ? 10 : 4, 1e-9);
      g_assert_cmpfloat (grid->stats[i].num, ==, i == 0 ? 10 : 4);
    }
  /* Bins of 0.5: [2, 4) with 6 and [0, 1) with 3 spread to 1.5 per bin. */
  g_assert_cmpfloat_with_epsilon (grid->max_count, 1.5, 1e-9);
  g_assert_cmpuint (axon_histogram_grid_find_step (grid, 4), ==, 1);
  g_assert_cmpuint (axon_histogram_grid_find_step (grid, -100), ==, 0);
  g_assert_cmpuint (axon_histogram_grid_find_step (grid, G_MAXINT64), ==, 1);

  /* A shared range given from outside (compare two runs): used as is. */
  fixed = axon_histogram_grid_new (list, G_N_ELEMENTS (list), G_MININT64, G_MAXINT64, 5,
                                   AXON_BIN_SCALE_SYMLOG, 0.1, -20, 20);
  g_assert_cmpuint (fixed->n_steps, ==, 3);
  g_assert_cmpfloat (fixed->edges[0], ==, -20);
  g_assert_cmpfloat (fixed->edges[5], ==, 20);
  g_assert_cmpfloat (fixed->symlog_c, ==, 0.1);
  g_assert_cmpfloat_with_epsilon (fixed->edges[2] + fixed->edges[3], 0, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axon/histogram/lifetime", test_lifetime);
  g_test_add_func ("/axon/histogram/rebin-hand", test_rebin_hand);
  g_test_add_func ("/axon/histogram/rebin-zeros", test_rebin_zeros);
  g_test_add_func ("/axon/histogram/rebin-sentinels", test_rebin_sentinels);
  g_test_add_func ("/axon/histogram/rebin-conserves", test_rebin_conserves);
  g_test_add_func ("/axon/histogram/shared-edges", test_shared_edges);
  g_test_add_func ("/axon/histogram/extreme-range", test_extreme_range);
  g_test_add_func ("/axon/histogram/symlog", test_symlog);
  g_test_add_func ("/axon/histogram/stats", test_stats);
  g_test_add_func ("/axon/histogram/bands", test_bands);
  g_test_add_func ("/axon/histogram/grid", test_grid);
  return g_test_run ();
}
