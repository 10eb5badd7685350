/* test-compare.c: the activation comparison end to end, its statistics, exports, summary,
 * figure and command line.
 *
 * The end-to-end case is small on purpose (2 activations × 2 seeds × 30 minibatches of a
 * 784-16-10 network): it checks that every column is filled, agrees with the TensorBoard
 * runs on disk, and survives CSV and Markdown export. The statistics and the summary are
 * checked on hand-made rows whose answers are known.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "axon-compare-render.h"
#include "axon-compare-summary.h"
#include "axon-compare.h"
#include "axon-export.h"
#include "axon-registry.h"
#include "axon-run.h"
#include "axon-test-util.h"

#define N_STEPS 30
#define N_SEEDS 2

static guint
count_event_files (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "events.out.tfevents.");
  return n;
}

/* The data sets are loaded once for the whole program. */
static AxonDataset *train_set;
static AxonDataset *test_set;

static void
load_data (void)
{
  g_autoptr (GError) error = NULL;

  if (train_set != NULL)
    return;
  g_assert_true (axon_dataset_load_default (&train_set, &test_set, &error));
  g_assert_no_error (error);
}

static void
small_config (AxonCompareConfig *config,
              const char        *runs_dir)
{
  g_autoptr (GError) error = NULL;

  axon_compare_config_init (config);
  g_assert_true (axon_compare_config_set_activations (config, "relu, Tanh", &error));
  g_assert_no_error (error);
  config->n_seeds = N_SEEDS;
  config->n_steps = N_STEPS;
  config->record_every = 1; /* every minibatch: the run's scalars then cover the run */
  config->n_sizes = 3;
  config->sizes[0] = 784;
  config->sizes[1] = 16;
  config->sizes[2] = 10;
  config->n_cost_evals = 5000;
  axon_compare_config_set_runs_dir (config, runs_dir);
}

typedef struct
{
  guint n_calls;
  guint n_done;
  double last_fraction;
  gboolean fraction_monotonic;
  gboolean saw_remaining;
  guint max_step;
} ProgressLog;

static void
on_progress (const AxonCompareProgress *p,
             gpointer                   user_data)
{
  ProgressLog *log = user_data;

  log->n_calls++;
  if (p->fraction + 1e-12 < log->last_fraction)
    log->fraction_monotonic = FALSE;
  log->last_fraction = p->fraction;
  if (p->remaining >= 0)
    log->saw_remaining = TRUE;
  log->max_step = MAX (log->max_step, p->step);
  g_assert_cmpuint (p->n_runs, ==, 2 * N_SEEDS);
  g_assert_cmpuint (p->run_index, <, p->n_runs);
  g_assert_nonnull (p->activation);
  if (p->phase == AXON_COMPARE_PHASE_RUN_DONE)
    {
      g_assert_nonnull (p->row);
      g_assert_cmpstr (p->row->activation, ==, p->activation);
      g_assert_cmpuint (p->row->seed, ==, p->seed);
      log->n_done++;
    }
  else
    g_assert_null (p->row);
}

/* The value of a compare/ or other scalar tag at its last step. */
static double
last_scalar (AxonRun    *run,
             const char *tag)
{
  size_t n = 0;
  const AxonScalarPoint *points = axon_run_get_scalars (run, tag, &n);

  if (n == 0)
    g_error ("run %s has no scalar %s", axon_run_get_source (run), tag);
  return points[n - 1].value;
}

/* Mean of the values of tag over its recorded steps before `before`. */
static double
mean_scalar (AxonRun    *run,
             const char *tag,
             gint64      before,
             size_t     *count)
{
  size_t n = 0;
  const AxonScalarPoint *points = axon_run_get_scalars (run, tag, &n);
  double sum = 0;

  *count = 0;
  for (size_t i = 0; i < n; i++)
    if (points[i].step < before)
      {
        sum += points[i].value;
        (*count)++;
      }
  return *count > 0 ? sum / *count : NAN;
}

static void
check_run_dir (const AxonCompareRow *row,
               guint                 n_columns)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  gint64 first = -1, last = -1;
  size_t n = 0;
  double mean;

  g_assert_nonnull (row->run_dir);
  g_assert_true (g_file_test (row->run_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_event_files (row->run_dir), ==, 1);
  run = axon_run_load (row->run_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 0);

  /* Every minibatch recorded: steps 0 .. N_STEPS - 1. */
  g_assert_true (axon_run_get_step_range (run, "train/loss", &n, &first, &last));
  g_assert_cmpuint (n, ==, N_STEPS);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, ==, N_STEPS - 1);
  g_assert_true (axon_run_get_step_range (run, "weights/fc1.weight", &n, NULL, NULL));
  g_assert_cmpuint (n, ==, N_STEPS);
  g_assert_true (axon_run_get_step_range (run, "gradients/fc2.weight", &n, NULL, NULL));
  g_assert_cmpuint (n, ==, N_STEPS);

  /* Every table figure is in the run as compare/<key>, bit for bit (doubles). */
  for (guint c = 0; c < n_columns; c++)
    {
      AxonCompareColumnInfo info;
      g_autofree char *tag = NULL;

      axon_compare_column_info (c, &info);
      tag = g_strconcat ("compare/", info.key, NULL);
      g_assert_cmpfloat (last_scalar (run, tag), ==, row->values[c]);
    }
  /* ... and agrees with what the trainer's recorder wrote on its own. */
  g_assert_cmpfloat (last_scalar (run, "test/accuracy"), ==,
                     row->values[AXON_COMPARE_TEST_ACCURACY]);
  g_assert_cmpfloat (last_scalar (run, "test/noisy_accuracy"), ==,
                     row->values[AXON_COMPARE_NOISY_ACCURACY]);
  g_assert_cmpfloat (last_scalar (run, "train/last10_accuracy"), ==,
                     row->values[AXON_COMPARE_LAST10_ACCURACY]);
  g_assert_cmpfloat (last_scalar (run, "train/best_accuracy"), ==,
                     row->values[AXON_COMPARE_BEST_ACCURACY]);
  /* Recorded every minibatch of equal size, the mean of the per-minibatch zero-gradient
   * ratios is the ratio over the run. */
  mean = mean_scalar (run, "train/zero_grad_ratio", N_STEPS, &n);
  g_assert_cmpuint (n, ==, N_STEPS);
  g_assert_cmpfloat_with_epsilon (mean, row->values[AXON_COMPARE_ZERO_GRAD_RATIO], 1e-9);
  for (guint l = 0; l < 2; l++)
    {
      g_autofree char *tag = g_strdup_printf ("fc%u/zero_grad_ratio", l + 1);

      mean = mean_scalar (run, tag, N_STEPS, &n);
      g_assert_cmpuint (n, ==, N_STEPS);
      g_assert_cmpfloat_with_epsilon (mean, row->values[AXON_COMPARE_ZERO_GRAD_LAYER (l)],
                                      1e-9);
    }
}

/* Mean and sample std of column over the rows of activation, by hand. */
static void
hand_stats (const AxonCompareTable *table,
            const char             *activation,
            guint                   column,
            double                 *mean,
            double                 *std)
{
  double sum = 0, squares = 0;
  guint n = 0;

  for (guint i = 0; i < axon_compare_table_get_n_rows (table); i++)
    {
      const AxonCompareRow *row = axon_compare_table_get_row (table, i);

      if (g_str_equal (row->activation, activation) && isfinite (row->values[column]))
        {
          sum += row->values[column];
          n++;
        }
    }
  *mean = sum / n;
  for (guint i = 0; i < axon_compare_table_get_n_rows (table); i++)
    {
      const AxonCompareRow *row = axon_compare_table_get_row (table, i);

      if (g_str_equal (row->activation, activation) && isfinite (row->values[column]))
        squares += (row->values[column] - *mean) * (row->values[column] - *mean);
    }
  *std = n > 1 ? sqrt (squares / (n - 1)) : NAN;
}

/* A number as the Markdown cells print it: U+2212 for the minus sign. */
static double
parse_display_number (const char *text)
{
  g_autofree char *plain = NULL;
  GString *s = g_string_new (NULL);
  char *end = NULL;
  double v;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "\xe2\x88\x92"))
        {
          g_string_append_c (s, '-');
          p += 2;
        }
      else if (*p != '*')
        g_string_append_c (s, *p);
    }
  plain = g_string_free (s, FALSE);
  g_strstrip (plain);
  v = g_ascii_strtod (plain, &end);
  g_assert_true (end != plain && *end == '\0');
  return v;
}

/* Parses the Markdown table back and checks each cell against the statistics. */
static void
check_markdown (const AxonCompareTable *table)
{
  g_autofree char *md = axon_compare_table_to_markdown (table);
  g_auto (GStrv) lines = g_strsplit (md, "\n", -1);
  guint n_columns = axon_compare_table_get_n_columns (table), n_rows = 0;

  g_assert_true (g_str_has_prefix (lines[0], "| Activation | Seeds | Scalar cost (ms) |"));
  g_assert_true (g_str_has_prefix (lines[1], "|---|---:|"));
  for (guint i = 2; lines[i] != NULL && g_str_has_prefix (lines[i], "| "); i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], " | ", -1);
      g_autofree char *name = g_strdup (cells[0] + 2);
      int group;
      const AxonCompareStats *st;

      g_assert_cmpuint (g_strv_length (cells), ==, 2 + n_columns);
      group = axon_compare_table_find_group (table, name);
      g_assert_cmpint (group, >=, 0);
      st = axon_compare_table_get_stats (table, group);
      g_assert_cmpuint (atoi (cells[1]), ==, st->n_runs);
      for (guint c = 0; c < n_columns; c++)
        {
          AxonCompareColumnInfo info;
          char *cell = cells[2 + c];
          g_auto (GStrv) parts = NULL;
          double half_ulp;
          gboolean bold = g_str_has_prefix (cell, "**");

          axon_compare_column_info (c, &info);
          if (c + 1 == n_columns)
            *strrchr (cell, '|') = '\0'; /* the row's closing bar */
          parts = g_strsplit (cell, " \xc2\xb1 ", 2);
          g_assert_cmpuint (g_strv_length (parts), ==, 2);
          half_ulp = 0.5 * pow (10, -info.decimals) + 1e-9;
          g_assert_cmpfloat_with_epsilon (parse_display_number (parts[0]),
                                          st->mean[c] * info.scale, half_ulp);
          g_assert_cmpfloat_with_epsilon (parse_display_number (parts[1]),
                                          st->std[c] * info.scale, half_ulp);
          g_assert_cmpint (bold, ==, axon_compare_table_is_best (table, group, c));
        }
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, axon_compare_table_get_n_groups (table));
}

static void
check_csv_round_trip (const AxonCompareTable *table,
                      const char             *base_dir)
{
  g_autofree char *csv = axon_compare_table_to_csv (table, base_dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonCompareTable) back = axon_compare_table_new_from_csv (csv, base_dir, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (axon_compare_table_get_n_layers (back), ==,
                    axon_compare_table_get_n_layers (table));
  g_assert_cmpuint (axon_compare_table_get_n_rows (back), ==,
                    axon_compare_table_get_n_rows (table));
  for (guint i = 0; i < axon_compare_table_get_n_rows (table); i++)
    {
      const AxonCompareRow *a = axon_compare_table_get_row (table, i);
      const AxonCompareRow *b = axon_compare_table_get_row (back, i);

      g_assert_cmpstr (a->activation, ==, b->activation);
      g_assert_cmpuint (a->seed, ==, b->seed);
      g_assert_cmpstr (a->run_dir, ==, b->run_dir);
      for (guint c = 0; c < axon_compare_table_get_n_columns (table); c++)
        if (isnan (a->values[c]))
          g_assert_true (isnan (b->values[c]));
        else
          g_assert_cmpfloat (a->values[c], ==, b->values[c]);
    }
}

static void
test_end_to_end (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonCompareTable) table = NULL;
  g_autofree char *dir = axon_test_make_tmp_dir ("axon-compare-XXXXXX");
  g_autofree char *runs = NULL;
  AxonCompareConfig config;
  ProgressLog log = { 0, 0, 0, TRUE, FALSE, 0 };
  guint n_columns;

  load_data ();
  runs = g_build_filename (dir, "runs", NULL);
  small_config (&config, runs);
  g_assert_cmpstr (config.activations[0], ==, "relu");
  g_assert_cmpstr (config.activations[1], ==, "tanh");
  g_assert_cmpuint (axon_compare_config_n_layers (&config), ==, 2);

  table = axon_compare_table_new (axon_compare_config_n_layers (&config));
  g_assert_true (axon_compare_run (&config, train_set, test_set, on_progress, &log, NULL,
                                   table, &error));
  g_assert_no_error (error);

  /* Progress: every run reported done once, the fraction never goes back, steps seen. */
  g_assert_cmpuint (log.n_done, ==, 2 * N_SEEDS);
  g_assert_true (log.fraction_monotonic);
  g_assert_cmpfloat (log.last_fraction, ==, 1.0);
  g_assert_true (log.saw_remaining);
  g_assert_cmpuint (log.max_step, ==, N_STEPS);
  g_assert_cmpuint (log.n_calls, >=, 2 * N_SEEDS * N_STEPS);

  /* Every column of every row is filled, finite and in its range. */
  n_columns = axon_compare_table_get_n_columns (table);
  g_assert_cmpuint (n_columns, ==, AXON_COMPARE_N_FIXED_COLUMNS + 2);
  g_assert_cmpuint (axon_compare_table_get_n_rows (table), ==, 2 * N_SEEDS);
  g_assert_cmpuint (axon_compare_table_get_n_groups (table), ==, 2);
  for (guint i = 0; i < axon_compare_table_get_n_rows (table); i++)
    {
      const AxonCompareRow *row = axon_compare_table_get_row (table, i);
      g_autofree char *name = axon_compare_run_name (row->activation, row->seed);
      g_autofree char *expected_dir = g_build_filename (runs, name, NULL);

      g_assert_cmpstr (row->activation, ==, i < N_SEEDS ? "relu" : "tanh");
      g_assert_cmpuint (row->seed, ==, 1 + i % N_SEEDS);
      g_assert_cmpstr (row->run_dir, ==, expected_dir);
      for (guint c = 0; c < n_columns; c++)
        g_assert_true (isfinite (row->values[c]));
      g_assert_cmpfloat (row->values[AXON_COMPARE_SCALAR_MS], >, 0);
      g_assert_cmpfloat (row->values[AXON_COMPARE_BATCH_MELEM_S], >, 0);
      g_assert_cmpfloat (row->values[AXON_COMPARE_TRAIN_SECONDS], >, 0);
      for (guint c = AXON_COMPARE_BEST_ACCURACY; c < n_columns; c++)
        if (c != AXON_COMPARE_TEST_MINUS_LAST10 && c != AXON_COMPARE_NOISY_MINUS_LAST10)
          {
            g_assert_cmpfloat (row->values[c], >=, 0);
            g_assert_cmpfloat (row->values[c], <=, 1);
          }
      /* 30 minibatches of a small net learn something: far above chance (10%). */
      g_assert_cmpfloat (row->values[AXON_COMPARE_TEST_ACCURACY], >, 0.3);
      g_assert_cmpfloat (row->values[AXON_COMPARE_BEST_ACCURACY], >=,
                         row->values[AXON_COMPARE_LAST10_ACCURACY]);
      g_assert_cmpfloat (row->values[AXON_COMPARE_TEST_MINUS_LAST10], ==,
                         row->values[AXON_COMPARE_TEST_ACCURACY]
                           - row->values[AXON_COMPARE_LAST10_ACCURACY]);
      g_assert_cmpfloat (row->values[AXON_COMPARE_NOISY_MINUS_LAST10], ==,
                         row->values[AXON_COMPARE_NOISY_ACCURACY]
                           - row->values[AXON_COMPARE_LAST10_ACCURACY]);
      check_run_dir (row, n_columns);
    }
  /* relu cuts gradients off where z < 0; tanh never does exactly. */
  {
    const guint fc1 = AXON_COMPARE_ZERO_GRAD_LAYER (0);

    g_assert_cmpfloat (axon_compare_table_get_row (table, 0)->values[fc1], >, 0.2);
    g_assert_cmpfloat (axon_compare_table_get_row (table, N_SEEDS)->values[fc1], <, 0.01);
  }

  /* The statistics are those computed by hand. */
  for (guint g = 0; g < 2; g++)
    {
      const AxonCompareStats *st = axon_compare_table_get_stats (table, g);

      g_assert_cmpuint (st->n_runs, ==, N_SEEDS);
      for (guint c = 0; c < n_columns; c++)
        {
          double mean, std;

          hand_stats (table, st->activation, c, &mean, &std);
          g_assert_cmpuint (st->n[c], ==, N_SEEDS);
          g_assert_cmpfloat_with_epsilon (st->mean[c], mean, 1e-12 * MAX (1, fabs (mean)));
          g_assert_cmpfloat_with_epsilon (st->std[c], std, 1e-12 * MAX (1, fabs (mean)));
        }
    }

  check_csv_round_trip (table, dir);
  check_markdown (table);

  /* The same comparison again into the same place: the old event files go, the new run
   * gives the very same figures (apart from the timings). */
  {
    g_autoptr (AxonCompareTable) again = axon_compare_table_new (2);
    const AxonCompareRow *a, *b;

    g_free (config.activations[1]);
    config.activations[1] = NULL;
    config.n_seeds = 1;
    g_assert_true (axon_compare_run (&config, train_set, test_set, NULL, NULL, NULL, again,
                                     &error));
    g_assert_no_error (error);
    a = axon_compare_table_get_row (table, 0);
    b = axon_compare_table_get_row (again, 0);
    g_assert_cmpuint (axon_compare_table_get_n_rows (again), ==, 1);
    g_assert_cmpuint (count_event_files (b->run_dir), ==, 1);
    for (guint c = AXON_COMPARE_BEST_ACCURACY; c < n_columns; c++)
      g_assert_cmpfloat (a->values[c], ==, b->values[c]);
    check_run_dir (b, n_columns);
  }

  axon_compare_config_clear (&config);
  axon_test_remove_tree (dir);
}

static void
test_cancel (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonCompareTable) table = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AxonCompareConfig config;

  load_data ();
  small_config (&config, NULL);
  table = axon_compare_table_new (2);
  g_cancellable_cancel (cancellable);
  g_assert_false (axon_compare_run (&config, train_set, test_set, NULL, NULL, cancellable,
                                    table, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (axon_compare_table_get_n_rows (table), ==, 0);
  axon_compare_config_clear (&config);
}

/* Hand-made rows: activation, then values of three seeds for the test-accuracy column
 * (the other columns get fixed values). */
static AxonCompareTable *
made_table (const char *const *names,
            const double      (*values)[3],
            guint              n)
{
  AxonCompareTable *table = axon_compare_table_new (1);

  for (guint a = 0; a < n; a++)
    for (guint s = 0; s < 3; s++)
      {
        double row[AXON_COMPARE_MAX_COLUMNS];

        for (guint c = 0; c < AXON_COMPARE_MAX_COLUMNS; c++)
          row[c] = 0.5 + 0.01 * c;
        row[AXON_COMPARE_TEST_ACCURACY] = values[a][s];
        axon_compare_table_add_row (table, names[a], s + 1, NULL, row);
      }
  return table;
}

static void
test_stats (void)
{
  static const char *const names[] = { "relu", "gelu" };
  static const double values[][3] = { { 0.90, 0.91, 0.95 }, { 0.80, NAN, 0.82 } };
  g_autoptr (AxonCompareTable) table = made_table (names, values, 2);
  const AxonCompareStats *relu, *gelu;
  const guint c = AXON_COMPARE_TEST_ACCURACY;

  g_assert_cmpuint (axon_compare_table_get_n_groups (table), ==, 2);
  relu = axon_compare_table_get_stats (table, 0);
  gelu = axon_compare_table_get_stats (table, 1);
  g_assert_cmpstr (relu->activation, ==, "relu");
  /* mean 0.92, deviations -0.02 -0.01 0.03: sum of squares 0.0014, / 2, sqrt. */
  g_assert_cmpfloat_with_epsilon (relu->mean[c], 0.92, 1e-15);
  g_assert_cmpfloat_with_epsilon (relu->std[c], sqrt (0.0014 / 2), 1e-15);
  g_assert_cmpfloat (relu->min[c], ==, 0.90);
  g_assert_cmpfloat (relu->max[c], ==, 0.95);
  /* NaN is left out and counted out. */
  g_assert_cmpuint (gelu->n_runs, ==, 3);
  g_assert_cmpuint (gelu->n[c], ==, 2);
  g_assert_cmpfloat_with_epsilon (gelu->mean[c], 0.81, 1e-15);
  g_assert_cmpfloat_with_epsilon (gelu->std[c], sqrt (0.0002), 1e-15);
  g_assert_cmpint (axon_compare_table_get_best (table, c), ==, 0);
  g_assert_true (axon_compare_table_is_best (table, 0, c));
  g_assert_false (axon_compare_table_is_best (table, 1, c));
  /* Lower is better for the costs: both groups have the same value there, both best. */
  g_assert_true (axon_compare_table_is_best (table, 0, AXON_COMPARE_SCALAR_MS));
  g_assert_true (axon_compare_table_is_best (table, 1, AXON_COMPARE_SCALAR_MS));
}

static void
test_best_direction (void)
{
  g_autoptr (AxonCompareTable) table = axon_compare_table_new (1);
  double a[AXON_COMPARE_MAX_COLUMNS], b[AXON_COMPARE_MAX_COLUMNS];

  for (guint c = 0; c < AXON_COMPARE_MAX_COLUMNS; c++)
    {
      a[c] = 1;
      b[c] = 2;
    }
  axon_compare_table_add_row (table, "a", 1, NULL, a);
  axon_compare_table_add_row (table, "b", 1, NULL, b);
  for (guint c = 0; c < axon_compare_table_get_n_columns (table); c++)
    {
      AxonCompareColumnInfo info;

      axon_compare_column_info (c, &info);
      g_assert_cmpint (axon_compare_table_get_best (table, c), ==,
                       info.better == AXON_COMPARE_HIGHER_IS_BETTER ? 1 : 0);
    }
  /* The costs, training time and zero-gradient ratios are better low. */
  g_assert_cmpint (axon_compare_table_get_best (table, AXON_COMPARE_SCALAR_MS), ==, 0);
  g_assert_cmpint (axon_compare_table_get_best (table, AXON_COMPARE_BATCH_MELEM_S), ==, 1);
  g_assert_cmpint (axon_compare_table_get_best (table, AXON_COMPARE_ZERO_GRAD_RATIO), ==, 0);
  g_assert_cmpint (axon_compare_table_get_best (table, AXON_COMPARE_TEST_ACCURACY), ==, 1);
  /* One seed each: no spread. */
  g_assert_true (isnan (axon_compare_table_get_stats (table, 0)->std[0]));
}

/* Welch's test and the summary, on rows whose answer is known. */
static void
test_summary (void)
{
  /* best: 0.91 ± 0.01; far: 0.80 ± 0.01 (t = 13.5); near: 0.905 ± 0.01 (t = 0.61);
   * edge: 2.5 standard errors below best, real by the 2-SE rule but not by Welch's test
   * at 4 degrees of freedom (critical 2.776). */
  static const char *const names[] = { "best", "far", "near", "edge" };
  const double se = sqrt (2 * 0.0001 / 3);
  const double values[][3] = {
    { 0.90, 0.91, 0.92 },
    { 0.79, 0.80, 0.81 },
    { 0.895, 0.905, 0.915 },
    { 0.90 - 2.5 * se, 0.91 - 2.5 * se, 0.92 - 2.5 * se },
  };
  g_autoptr (AxonCompareTable) table = made_table (names, values, 4);
  const guint c = AXON_COMPARE_TEST_ACCURACY;
  const AxonCompareStats *best = axon_compare_table_get_stats (table, 0);
  g_autofree char *summary = NULL;
  g_auto (GStrv) lines = NULL;
  const char *line = NULL;
  AxonCompareTest test;

  g_assert_true (axon_compare_welch (axon_compare_table_get_stats (table, 1), best, c,
                                     AXON_COMPARE_ALPHA, &test));
  g_assert_true (test.testable);
  g_assert_cmpfloat_with_epsilon (test.difference, -0.11, 1e-12);
  g_assert_cmpfloat_with_epsilon (test.se, se, 1e-12);
  g_assert_cmpfloat_with_epsilon (test.df, 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (test.critical, 2.7764451051977987, 1e-9);
  g_assert_cmpfloat_with_epsilon (test.t, -0.11 / se, 1e-9);

  g_assert_false (axon_compare_welch (axon_compare_table_get_stats (table, 2), best, c,
                                      AXON_COMPARE_ALPHA, &test));
  g_assert_true (test.testable);
  g_assert_false (axon_compare_welch (axon_compare_table_get_stats (table, 3), best, c,
                                      AXON_COMPARE_ALPHA, &test));
  g_assert_cmpfloat (fabs (test.difference), >, 2 * test.se);
  g_assert_cmpfloat_with_epsilon (test.t, -2.5, 1e-9);

  /* Unequal spreads: Welch–Satterthwaite degrees of freedom, by hand. */
  {
    static const char *const two[] = { "a", "b" };
    const double v2[][3] = { { 1, 2, 3 }, { 10, 10.5, 11 } };
    g_autoptr (AxonCompareTable) t2 = made_table (two, v2, 2);
    double va = 1.0 / 3, vb = 0.25 / 3;

    axon_compare_welch (axon_compare_table_get_stats (t2, 0),
                        axon_compare_table_get_stats (t2, 1), c, AXON_COMPARE_ALPHA, &test);
    g_assert_cmpfloat_with_epsilon (test.df,
                                    (va + vb) * (va + vb) / (va * va / 2 + vb * vb / 2), 1e-12);
    g_assert_true (test.real);
  }

  /* The summary (untranslated: LC_ALL=C) names far as worse and the others as within. */
  summary = axon_compare_summary (table);
  g_assert_nonnull (strstr (summary, "Welch"));
  lines = g_strsplit (summary, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Clean test (%):"))
      line = lines[i];
  g_assert_nonnull (line);
  g_assert_nonnull (strstr (line, "best best, 91.00 \xc2\xb1 1.00."));
  g_assert_nonnull (strstr (line, "Within the spread across seeds: near, edge."));
  g_assert_nonnull (strstr (line, "Worse beyond the spread: far (\xe2\x88\x92" "11.00 pp)."));
  /* A column where every group has the same values: nothing is called real. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Scalar cost (ms):"))
      {
        g_assert_null (strstr (lines[i], "Worse"));
        g_assert_nonnull (strstr (lines[i], "Within the spread across seeds: far, near, edge."));
      }
}

static void
test_summary_one_seed (void)
{
  g_autoptr (AxonCompareTable) table = axon_compare_table_new (1);
  double a[AXON_COMPARE_MAX_COLUMNS] = { 0 }, b[AXON_COMPARE_MAX_COLUMNS] = { 0 };
  g_autofree char *summary = NULL;

  a[AXON_COMPARE_TEST_ACCURACY] = 0.9;
  b[AXON_COMPARE_TEST_ACCURACY] = 0.5;
  axon_compare_table_add_row (table, "a", 1, NULL, a);
  axon_compare_table_add_row (table, "b", 1, NULL, b);
  summary = axon_compare_summary (table);
  g_assert_nonnull (strstr (summary, "Clean test (%): best a, 90.00. Too few seeds to tell "
                                     "from the spread: b."));
  g_assert_null (strstr (summary, "Worse"));
}

static void
test_csv_errors (void)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "", "line 1: empty" },
    { "activation,seed,run_dir,scalar_ms\r\n", "no zero_grad_fcN column" },
    { "activation,seed,bogus,zero_grad_fc1\r\n", "unknown or repeated column “bogus”" },
    { "activation,seed,zero_grad_fc1\r\n", "the column “scalar_ms” is missing" },
    { "activation,run_dir\r\n", "lacks the “activation” or “seed” column" },
  };
  g_autoptr (AxonCompareTable) table = axon_compare_table_new (2);
  double v[AXON_COMPARE_MAX_COLUMNS];
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AxonCompareTable) t = axon_compare_table_new_from_csv (cases[i].csv, NULL,
                                                                          &error);

      g_assert_null (t);
      g_assert_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
    }

  /* A valid table, then damaged lines: the message names the line. */
  for (guint c = 0; c < AXON_COMPARE_MAX_COLUMNS; c++)
    v[c] = c * 0.25;
  v[1] = NAN;
  v[2] = -INFINITY;
  axon_compare_table_add_row (table, "relu", 1, "/x/runs/relu, \"odd\"", v);
  axon_compare_table_add_row (table, "gelu", 7, NULL, v);
  csv = axon_compare_table_to_csv (table, NULL);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AxonCompareTable) back = axon_compare_table_new_from_csv (csv, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (axon_compare_table_get_row (back, 0)->run_dir, ==, "/x/runs/relu, \"odd\"");
    g_assert_null (axon_compare_table_get_row (back, 1)->run_dir);
    g_assert_cmpuint (axon_compare_table_get_row (back, 1)->seed, ==, 7);
    g_assert_true (isnan (axon_compare_table_get_row (back, 0)->values[1]));
    g_assert_cmpfloat (axon_compare_table_get_row (back, 0)->values[2], ==, -INFINITY);
    g_assert_cmpfloat (axon_compare_table_get_row (back, 1)->values[11], ==, 11 * 0.25);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *bad = g_strconcat (csv, "tanh,1,,0.1\r\n", NULL);
    g_autoptr (AxonCompareTable) back = axon_compare_table_new_from_csv (bad, NULL, &error);

    g_assert_null (back);
    g_assert_nonnull (strstr (error->message, "line 4: 4 fields"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_autofree char *bad = g_strconcat (csv, "tanh,x", strstr (csv, "gelu,7") + 6, NULL);
    g_autoptr (AxonCompareTable) back = axon_compare_table_new_from_csv (bad, NULL, &error);

    g_assert_null (back);
    g_assert_nonnull (strstr (error->message, "line 4: the seed “x”"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GString) bad = g_string_new (csv);
    g_autoptr (AxonCompareTable) back = NULL;

    g_string_append (bad, "tanh,2,");
    for (guint c = 0; c < axon_compare_table_get_n_columns (table); c++)
      g_string_append (bad, c == 4 ? ",0.5x" : ",1");
    g_string_append (bad, "\r\n");
    back = axon_compare_table_new_from_csv (bad->str, NULL, &error);
    g_assert_null (back);
    g_assert_nonnull (strstr (error->message,
                              "line 4: “0.5x” in column “last10_accuracy” is not a "
                              "number"));
  }
}

static void
test_config (void)
{
  static const struct
  {
    const char *list;
    const char *expected; /* joined by ',' or NULL for an error */
  } cases[] = {
    { "relu,gelu", "relu,gelu" },
    { " ReLU , leaky-relu,relu, SiLU ", "relu,leaky_relu,swish" },
    { "logistic,,tanh", "sigmoid,tanh" },
    { "relu,nosuch", NULL },
    { "", NULL },
    { " , ", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      AxonCompareConfig config;
      gboolean ok;

      axon_compare_config_init (&config);
      ok = axon_compare_config_set_activations (&config, cases[i].list, &error);
      if (cases[i].expected != NULL)
        {
          g_autofree char *joined = NULL;

          g_assert_no_error (error);
          g_assert_true (ok);
          joined = g_strjoinv (",", config.activations);
          g_assert_cmpstr (joined, ==, cases[i].expected);
        }
      else
        {
          g_autofree char *joined = g_strjoinv (",", config.activations);

          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_null (strchr (error->message, '\n'));
          /* Unchanged on failure: still the defaults. */
          g_assert_cmpstr (joined, ==, AXON_COMPARE_DEFAULT_ACTIVATIONS);
        }
      axon_compare_config_clear (&config);
    }

  {
    g_autoptr (GError) error = NULL;
    AxonCompareConfig config;

    axon_compare_config_init (&config);
    g_assert_cmpuint (g_strv_length (config.activations), ==, 9);
    g_assert_cmpuint (config.n_seeds, ==, 3);
    g_assert_cmpuint (config.n_steps, ==, 1000);
    g_assert_cmpuint (config.record_every, ==, 10);
    g_assert_cmpuint (config.n_cost_evals, ==, 100000);
    g_assert_true (axon_compare_config_validate (&config, &error));
    config.n_seeds = 0;
    g_assert_false (axon_compare_config_validate (&config, &error));
    g_assert_nonnull (strstr (error->message, "0 seeds"));
    g_clear_error (&error);
    /* A name set directly, not through set_activations, gets the registry's message. */
    config.n_seeds = 3;
    g_strfreev (config.activations);
    config.activations = g_strsplit ("relu,relux", ",", -1);
    g_assert_false (axon_compare_config_validate (&config, &error));
    g_assert_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_UNKNOWN_NAME);
    g_assert_nonnull (strstr (error->message, "“relux”; did you mean “relu”?"));
    axon_compare_config_clear (&config);
  }
  {
    g_autofree char *name = axon_compare_run_name ("leaky_relu", 3);

    g_assert_cmpstr (name, ==, "leaky_relu-seed3");
  }
}

static void
test_format (void)
{
  static const struct
  {
    guint column;
    double value, std;
    gboolean with_std;
    const char *expected;
  } cases[] = {
    { AXON_COMPARE_TEST_ACCURACY, 0.94351, 0.0021, TRUE, "94.35 \xc2\xb1 0.21" },
    { AXON_COMPARE_TEST_MINUS_LAST10, -0.0203, 0.0124, TRUE, "\xe2\x88\x92" "2.03 \xc2\xb1 1.24" },
    { AXON_COMPARE_TEST_MINUS_LAST10, -0.000001, NAN, TRUE, "0.00" },
    { AXON_COMPARE_SCALAR_MS, 0.6504, NAN, TRUE, "0.650" },
    { AXON_COMPARE_BATCH_MELEM_S, 22321.4, 1896.6, TRUE, "22321 \xc2\xb1 1897" },
    { AXON_COMPARE_SCALAR_MS, NAN, 1, TRUE, "\xe2\x80\x94" },
    { AXON_COMPARE_SCALAR_MS, INFINITY, 1, FALSE, "\xe2\x88\x9e" },
    { AXON_COMPARE_ZERO_GRAD_LAYER (1), 0.5, 0.1, FALSE, "50.00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = axon_compare_format_value (cases[i].column, cases[i].value,
                                                      cases[i].std, cases[i].with_std);

      g_assert_cmpstr (s, ==, cases[i].expected);
    }
  g_assert_cmpint (axon_compare_column_from_key ("zero_grad_fc2"), ==,
                   AXON_COMPARE_ZERO_GRAD_LAYER (1));
  g_assert_cmpint (axon_compare_column_from_key ("noisy_accuracy"), ==,
                   AXON_COMPARE_NOISY_ACCURACY);
  g_assert_cmpint (axon_compare_column_from_key ("zero_grad_fc0"), ==, -1);
  g_assert_cmpint (axon_compare_column_from_key ("zero_grad_fc9"), ==, -1);
  g_assert_cmpint (axon_compare_column_from_key ("nope"), ==, -1);
}

static void
test_format_duration (void)
{
  static const struct
  {
    double seconds;
    const char *expected;
  } cases[] = {
    { 0, "0:00" },
    { 59.4, "0:59" },
    { 59.5, "1:00" },
    { 3599.4, "59:59" },
    { 3599.5, "1:00:00" },
    { 3725, "1:02:05" },
    { 360000, "100:00:00" },
    { -1, "?" },
    { NAN, "?" },
    { INFINITY, "?" },
    { 1e300, "?" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char buffer[32];

      axon_compare_format_duration (cases[i].seconds, "?", buffer, sizeof buffer);
      if (!g_str_equal (buffer, cases[i].expected))
        g_error ("axon_compare_format_duration (%g) = “%s”, want “%s”", cases[i].seconds,
                 buffer, cases[i].expected);
    }
}

/* SVG paths filled with one of the series colours, in document order: their bounding
 * boxes. Cairo writes a filled rectangle as <path style="…fill:rgb(r%,g%,b%)…" d="M x y
 * L …">. */
typedef struct
{
  guint colour;
  double x0, y0, x1, y1;
} Bar;

static gboolean
parse_fill (const char *style,
            double     *rgb)
{
  const char *p = strstr (style, "fill:rgb(");

  if (p == NULL)
    return FALSE;
  p += strlen ("fill:rgb(");
  for (int k = 0; k < 3; k++)
    {
      char *end;

      rgb[k] = g_ascii_strtod (p, &end) / 100;
      if (end == p || *end != '%')
        return FALSE;
      p = end + 2; /* "%," */
    }
  return TRUE;
}

static void
collect_bars (xmlNode         *node,
              const AxonStyle *style,
              guint            n_colours,
              GArray          *bars)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, BAD_CAST "path") == 0)
        {
          g_autofree char *css = (char *) xmlGetProp (node, BAD_CAST "style");
          g_autofree char *d = (char *) xmlGetProp (node, BAD_CAST "d");
          double rgb[3];

          if (css != NULL && d != NULL && parse_fill (css, rgb))
            for (guint k = 0; k < n_colours; k++)
              {
                AxonRgba fill;
                Bar bar = { k, INFINITY, INFINITY, -INFINITY, -INFINITY };
                g_auto (GStrv) tokens = NULL;
                double coords[2];
                guint n = 0;

                axon_compare_group_colour (style, k, &fill, NULL, NULL);
                if (fabs (fill.r - rgb[0]) > 0.005 || fabs (fill.g - rgb[1]) > 0.005
                    || fabs (fill.b - rgb[2]) > 0.005)
                  continue;
                tokens = g_strsplit_set (d, " ,", -1);
                for (guint t = 0; tokens[t] != NULL; t++)
                  {
                    char *end;
                    double v = g_ascii_strtod (tokens[t], &end);

                    if (end == tokens[t] || *end != '\0')
                      continue;
                    coords[n++ % 2] = v;
                    if (n % 2 == 0)
                      {
                        bar.x0 = MIN (bar.x0, coords[0]);
                        bar.x1 = MAX (bar.x1, coords[0]);
                        bar.y0 = MIN (bar.y0, coords[1]);
                        bar.y1 = MAX (bar.y1, coords[1]);
                      }
                  }
                g_assert_cmpuint (n, >=, 8); /* four corners at least */
                g_array_append_val (bars, bar);
                break;
              }
        }
      collect_bars (node->children, style, n_colours, bars);
    }
}

static void
test_render_svg (void)
{
  static const char *const names[] = { "relu", "tanh", "gelu" };
  const double values[][3] = { { 0.90, 0.91, 0.92 }, { 0.79, 0.80, 0.81 }, { 0.5, 0.6, 0.7 } };
  g_autoptr (AxonCompareTable) table = made_table (names, values, 3);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = axon_test_make_tmp_dir ("axon-compare-svg-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "figure.svg", NULL);
  g_autoptr (GArray) bars = g_array_new (FALSE, FALSE, sizeof (Bar));
  AxonCompareRenderOptions render;
  AxonExportOptions options;
  AxonStyle style;
  xmlDoc *doc;
  guint n_groups = 3;
  double h[3];

  /* Distinct scalar costs (ms), so bar heights can be checked: 1, 2, 4. */
  {
    g_autoptr (AxonCompareTable) t = axon_compare_table_new (1);
    const double cost[] = { 1, 2, 4 };

    for (guint i = 0; i < axon_compare_table_get_n_rows (table); i++)
      {
        const AxonCompareRow *row = axon_compare_table_get_row (table, i);
        double v[AXON_COMPARE_MAX_COLUMNS];

        memcpy (v, row->values, sizeof v);
        v[AXON_COMPARE_SCALAR_MS] = cost[i / 3];
        axon_compare_table_add_row (t, row->activation, row->seed, NULL, v);
      }
    g_clear_pointer (&table, axon_compare_table_unref);
    table = g_steal_pointer (&t);
  }

  axon_compare_render_options_init (&render, table);
  render.title = "Comparison";
  axon_export_options_init (&options);
  options.format = AXON_EXPORT_SVG;
  options.width = 900;
  options.height = 600;
  axon_export_style (&options, &style);
  g_assert_true (axon_export_to_file (path, &options, axon_compare_render_func, &render,
                                      &error));
  g_assert_no_error (error);

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  collect_bars (xmlDocGetRootElement (doc), &style, n_groups, bars);
  xmlFreeDoc (doc);

  /* A legend swatch per activation, then a bar per activation in each panel. */
  g_assert_cmpuint (bars->len, ==, n_groups * (1 + render.n_panels));
  for (guint i = 0; i < bars->len; i++)
    g_assert_cmpuint (g_array_index (bars, Bar, i).colour, ==, i % n_groups);
  /* The first panel is the scalar cost, from 0: heights in proportion 1 : 2 : 4. */
  g_assert_cmpuint (render.panels[0], ==, AXON_COMPARE_SCALAR_MS);
  for (guint g = 0; g < n_groups; g++)
    {
      const Bar *bar = &g_array_index (bars, Bar, n_groups + g);

      h[g] = bar->y1 - bar->y0;
      g_assert_cmpfloat (h[g], >, 1);
    }
  g_assert_cmpfloat_with_epsilon (h[1] / h[0], 2, 0.02);
  g_assert_cmpfloat_with_epsilon (h[2] / h[0], 4, 0.04);
  /* Bars of one panel share their baseline and go left to right. */
  for (guint g = 1; g < n_groups; g++)
    {
      const Bar *a = &g_array_index (bars, Bar, n_groups + g - 1);
      const Bar *b = &g_array_index (bars, Bar, n_groups + g);

      g_assert_cmpfloat_with_epsilon (a->y1, b->y1, 0.01);
      g_assert_cmpfloat (a->x1, <, b->x0);
    }

  g_remove (path);
  g_rmdir (dir);
}

static void
test_render_empty (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (AxonCompareTable) table = axon_compare_table_new (2);
  AxonCompareRenderOptions render;
  AxonStyle style;

  /* No table, an empty one and a tiny size: a message, no crash. */
  axon_style_init_light (&style);
  axon_compare_render_options_init (&render, NULL);
  axon_compare_render (cr, 200, 100, &style, &render);
  render.table = table;
  axon_compare_render (cr, 200, 100, &style, &render);
  axon_compare_render (cr, 3, 3, &style, &render);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The command line. */

static void
test_cli (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = axon_test_make_tmp_dir ("axon-compare-cli-XXXXXX");
  g_autofree char *out = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr (AxonCompareTable) table = NULL;
  g_auto (AxonTestRun) cli = { 0 };
  static const char *const files[] = {
    "results.csv", "results-stats.csv", "results.md", "summary.txt", "figure.svg",
    "figure.png", "runs/relu-seed1", "runs/relu-seed2", "runs/tanh-seed1", "runs/tanh-seed2",
  };

  out = g_build_filename (dir, "out", NULL);
  {
    const char *args[] = { "compare", "--acts", "relu,tanh", "--seeds", "2", "--steps", "20",
                           "--layers", "784,16,10", "--cost-evals", "2000", "--width", "600",
                           "--height", "400", "--out", out, NULL };

    axon_test_run_axon (args, NULL, &cli);
  }
  if (cli.status != 0)
    g_error ("axon compare failed (%d): %s", cli.status, cli.err);
  g_assert_nonnull (strstr (cli.err, "[4/4] tanh seed 2: clean test"));
  g_assert_nonnull (strstr (cli.err, "relu seed 1/2: step 0/20"));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (out, files[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was not written", path);
    }

  csv_path = g_build_filename (out, "results.csv", NULL);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  /* Run directories are written relative to DIR, and read back inside it. */
  g_assert_nonnull (strstr (csv, "\r\nrelu,1,runs/relu-seed1,"));
  table = axon_compare_table_new_from_csv (csv, out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axon_compare_table_get_n_rows (table), ==, 4);
  g_assert_cmpuint (axon_compare_table_get_n_layers (table), ==, 2);
  for (guint i = 0; i < 4; i++)
    {
      const AxonCompareRow *row = axon_compare_table_get_row (table, i);
      g_autoptr (AxonRun) run = axon_run_load (row->run_dir, &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (last_scalar (run, "compare/test_accuracy"), ==,
                         row->values[AXON_COMPARE_TEST_ACCURACY]);
      /* Recorded at 0, 10 and the last minibatch, 19. */
      {
        size_t n;
        gint64 first, last;

        g_assert_true (axon_run_get_step_range (run, "train/loss", &n, &first, &last));
        g_assert_cmpuint (n, ==, 3);
        g_assert_cmpint (last, ==, 19);
      }
    }
  {
    g_autofree char *md_path = g_build_filename (out, "results.md", NULL);
    g_autofree char *md = NULL;

    g_assert_true (g_file_get_contents (md_path, &md, NULL, &error));
    g_assert_nonnull (strstr (md, "| Activation | Seeds |"));
    g_assert_nonnull (strstr (md, "Test accuracy over 100 batches of 20 images"));
    g_assert_nonnull (strstr (md, "## Summary"));
  }

  /* Bad input: exit 2 and one line on stderr that names the problem. */
  {
    static const struct
    {
      const char *option;
      const char *value;
      const char *message;
    } bad[] = {
      { "--acts", "relu,nosuch", "unknown activation “nosuch”" },
      { "--seeds", "0", "--seeds 0" },
      { "--data", "/nonexistent/axon-data", "/nonexistent/axon-data" },
      { "--layers", "100,10", "" },
      { "--steps", "0", "--steps 0" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto (AxonTestRun) b = { 0 };
        const char *args[] = { "compare", bad[i].option, bad[i].value, "--steps", "1",
                               "--out", out, NULL };

        if (g_str_equal (bad[i].option, "--steps"))
          args[3] = NULL;
        axon_test_run_axon (args, NULL, &b);
        if (b.status != 2 || !g_str_has_suffix (b.err, "\n")
            || strchr (b.err, '\n') != b.err + strlen (b.err) - 1
            || strstr (b.err, bad[i].message) == NULL)
          g_error ("%s %s: status %d, stderr “%s”", bad[i].option, bad[i].value, b.status,
                   b.err);
      }
  }
  {
    g_auto (AxonTestRun) b = { 0 };
    const char *args[] = { "compare", "--acts", "relu", NULL };

    axon_test_run_axon (args, NULL, &b);
    g_assert_cmpint (b.status, ==, 2);
    g_assert_nonnull (strstr (b.err, "--out DIR is required"));
  }
  {
    g_auto (AxonTestRun) b = { 0 };
    const char *args[] = { "compare", "--help", NULL };

    axon_test_run_axon (args, NULL, &b);
    g_assert_cmpint (b.status, ==, 0);
    for (const char *const *o = (const char *const[]) { "--acts", "--seeds", "--steps",
                                                        "--record-every", "--data", "--out",
                                                        "--layers", "--cost-evals", NULL };
         *o != NULL; o++)
      g_assert_nonnull (strstr (b.out, *o));
  }

  axon_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axon/compare/end-to-end", test_end_to_end);
  g_test_add_func ("/axon/compare/cancel", test_cancel);
  g_test_add_func ("/axon/compare/stats", test_stats);
  g_test_add_func ("/axon/compare/best-direction", test_best_direction);
  g_test_add_func ("/axon/compare/summary", test_summary);
  g_test_add_func ("/axon/compare/summary-one-seed", test_summary_one_seed);
  g_test_add_func ("/axon/compare/csv-errors", test_csv_errors);
  g_test_add_func ("/axon/compare/config", test_config);
  g_test_add_func ("/axon/compare/format", test_format);
  g_test_add_func ("/axon/compare/format-duration", test_format_duration);
  g_test_add_func ("/axon/compare/render-svg", test_render_svg);
  g_test_add_func ("/axon/compare/render-empty", test_render_empty);
  g_test_add_func ("/axon/compare/cli", test_cli);
  status = g_test_run ();
  axon_dataset_free (train_set);
  axon_dataset_free (test_set);
  return status;
}
