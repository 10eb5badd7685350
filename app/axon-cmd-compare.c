/* axon-cmd-compare.c: `axon compare`, the activation comparison from the command line.
 *
 * Runs kernels/compare/axon-compare.h (the same code as the Compare page) and writes into
 * --out DIR: results.csv (one row per run), results-stats.csv (mean and std per
 * activation), results.md (the table in Markdown with the settings and the summary),
 * summary.txt, figure.svg and figure.png, and runs/<activation>-seed<k>/ (TensorBoard
 * runs). Progress on stderr. Ctrl-C stops after the current minibatch; the files then hold
 * the runs completed until then.
 */
#include "axon-cli.h"
#include "axon-cli-train-options.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "axon-batch.h"
#include "axon-blas.h"
#include "axon-compare-render.h"
#include "axon-compare-summary.h"
#include "axon-compare.h"
#include "axon-dataset.h"
#include "axon-export.h"
#include "axon-registry.h"

#define REDRAW_INTERVAL_US (100 * 1000)
#define BAR_WIDTH 24
#define FIGURE_WIDTH 1200
#define FIGURE_HEIGHT 800

typedef struct
{
  gboolean tty;
  gboolean quiet;
  gint64 last_draw;
  guint next_quarter; /* non-tty: the step of the next progress line of this run */
  GCancellable *cancellable;
} CompareCli;

static volatile sig_atomic_t interrupted;

static void
on_sigint (int signum)
{
  interrupted = 1;
}

static void
on_progress (const AxonCompareProgress *p,
             gpointer                   user_data)
{
  CompareCli *cli = user_data;
  char left[32], took[32];

  if (interrupted)
    g_cancellable_cancel (cli->cancellable);
  if (cli->quiet)
    return;
  axon_compare_format_duration (p->remaining, "?", left, sizeof left);

  if (p->phase == AXON_COMPARE_PHASE_RUN_DONE)
    {
      const double *v = p->row->values;
      g_autofree char *test = axon_compare_format_value (AXON_COMPARE_TEST_ACCURACY,
                                                         v[AXON_COMPARE_TEST_ACCURACY], NAN,
                                                         FALSE);
      g_autofree char *noisy = axon_compare_format_value (AXON_COMPARE_NOISY_ACCURACY,
                                                          v[AXON_COMPARE_NOISY_ACCURACY], NAN,
                                                          FALSE);

      char seed[24];

      axon_compare_format_duration (p->elapsed, "?", took, sizeof took);
      g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, p->seed);
      if (cli->tty)
        fputs ("\r\033[K", stderr);
      /* TRANSLATORS: one line per finished run: run 3 of 27, the activation, the seed,
       * the clean and noisy test accuracy, the time so far and the time left */
      fprintf (stderr, _("[%u/%u] %s seed %s: clean test %s %%, noisy %s %%; %s elapsed, "
                         "about %s left\n"),
               p->run_index + 1, p->n_runs, p->activation, seed, test, noisy, took, left);
      cli->next_quarter = 0;
      fflush (stderr);
      return;
    }

  if (cli->tty)
    {
      gint64 now = g_get_monotonic_time ();
      char bar[BAR_WIDTH + 1];
      guint filled = (guint) (p->fraction * BAR_WIDTH);

      if (now - cli->last_draw < REDRAW_INTERVAL_US)
        return;
      cli->last_draw = now;
      for (guint i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
      bar[BAR_WIDTH] = '\0';
      fputs ("\r\033[K", stderr);
      /* TRANSLATORS: the progress line: bar, percent, activation, seed i of n, minibatch
       * step of steps, time left */
      fprintf (stderr, _("[%s] %3u%%  %s  seed %u/%u  step %u/%u  about %s left"), bar,
               (guint) (p->fraction * 100), p->activation, p->seed_index + 1, p->n_seeds,
               p->step, p->n_steps, left);
      fflush (stderr);
    }
  else if (p->phase == AXON_COMPARE_PHASE_TRAIN && p->step >= cli->next_quarter
           && p->step < p->n_steps)
    {
      /* For logs: a line at the start of every run and at each quarter of it. */
      fprintf (stderr, _("%s seed %u/%u: step %u/%u, %u%% of the comparison, about %s "
                         "left\n"), p->activation, p->seed_index + 1, p->n_seeds, p->step,
               p->n_steps, (guint) (p->fraction * 100), left);
      cli->next_quarter = p->step + MAX (p->n_steps / 4, 1);
    }
}

static gboolean
write_text (const char  *dir,
            const char  *name,
            const char  *text,
            GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return axon_export_write_atomically (path, text, strlen (text), error);
}

static char *
describe_settings (const AxonCompareConfig *config,
                   const AxonDataset       *train,
                   const AxonDataset       *test,
                   const char              *layers,
                   int                      threads)
{
  g_autofree char *acts = g_strjoinv (", ", config->activations);
  /* Translators: one item of the settings list below */
  g_autofree char *thread_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d BLAS thread",
                                                               "%d BLAS threads", threads),
                                                  threads);
  guint per_batch = (test->n + AXON_COMPARE_TEST_BATCHES - 1) / AXON_COMPARE_TEST_BATCHES;
  AxonTrainConfig defaults;
  char first[24], last[24];

  /* The comparison trains with the trainer's default optimiser. */
  axon_train_config_init (&defaults, NULL);
  g_snprintf (first, sizeof first, "%" G_GUINT64_FORMAT, config->first_seed);
  g_snprintf (last, sizeof last, "%" G_GUINT64_FORMAT,
              config->first_seed + config->n_seeds - 1);
  return g_strdup_printf (_("Data: %s, %u training and %u test images. Network %s, SGD "
                            "(learning rate %g, momentum %g), minibatches of %u, %u "
                            "minibatches per run, recorded every %u, %s. "
                            "Seeds %s to %s for each of %s. Test accuracy over %u batches "
                            "of %u images (the whole test set once); noisy test: x + "
                            "%g·N(0,1) clipped to [0, 1]. "
                            "Scalar cost: the time of %u float64 evaluations (median of 3 "
                            "loops); batch speed: the float32 kernel (%s) over the same "
                            "inputs (median of 15)."),
                          train->name, train->n, test->n, layers,
                          defaults.optimizer.learning_rate, defaults.optimizer.momentum,
                          config->batch_size, config->n_steps, config->record_every, thread_text,
                          first, last, acts,
                          MIN (AXON_COMPARE_TEST_BATCHES, test->n), per_batch,
                          config->noise_level, config->n_cost_evals,
                          axon_batch_isa_name (axon_batch_get_isa ()));
}

static char *
format_layers (const AxonCompareConfig *config,
               const AxonDataset       *train,
               const AxonDataset       *test)
{
  GString *s = g_string_new (NULL);
  guint classes = MAX (train->n_classes, test->n_classes);

  if (config->n_sizes == 0)
    g_string_printf (s, "%u-128-64-%u", train->dim, MAX (classes, 2u));
  for (guint i = 0; i < config->n_sizes; i++)
    g_string_append_printf (s, i > 0 ? "-%u" : "%u", config->sizes[i]);
  return g_string_free (s, FALSE);
}

static gboolean
write_results (const char              *out,
               const AxonCompareConfig *config,
               const AxonCompareTable  *table,
               const char              *settings,
               int                      width,
               int                      height,
               GError                 **error)
{
  g_autofree char *csv = axon_compare_table_to_csv (table, out);
  g_autofree char *stats = axon_compare_table_to_stats_csv (table);
  g_autofree char *table_md = axon_compare_table_to_markdown (table);
  g_autofree char *summary = axon_compare_summary (table);
  g_autofree char *md = NULL;
  g_autofree char *svg = g_build_filename (out, "figure.svg", NULL);
  g_autofree char *png = g_build_filename (out, "figure.png", NULL);
  AxonCompareRenderOptions render;
  AxonExportOptions options;

  md = g_strdup_printf ("# %s\n\n%s\n\n%s\n## %s\n\n%s", _("Activation comparison"), settings,
                        table_md, _("Summary"), summary);
  if (!write_text (out, "results.csv", csv, error)
      || !write_text (out, "results-stats.csv", stats, error)
      || !write_text (out, "results.md", md, error)
      || !write_text (out, "summary.txt", summary, error))
    return FALSE;

  axon_compare_render_options_init (&render, table);
  render.title = _("Activation comparison: mean ± std over seeds");
  axon_export_options_init (&options);
  options.width = width;
  options.height = height;
  options.format = AXON_EXPORT_SVG;
  if (!axon_export_to_file (svg, &options, axon_compare_render_func, &render, error))
    return FALSE;
  options.format = AXON_EXPORT_PNG;
  return axon_export_to_file (png, &options, axon_compare_render_func, &render, error);
}

int
axon_cmd_compare (int    argc,
                  char **argv)
{
  g_autofree char *acts = NULL;
  g_auto (AxonCliTrainOptions) shared = AXON_CLI_TRAIN_OPTIONS_INIT;
  g_autofree char *out = NULL;
  gint seeds = AXON_COMPARE_DEFAULT_SEEDS, steps = 1000, record_every = 10, batch = 64;
  gint cost_evals = AXON_COMPARE_DEFAULT_COST_EVALS;
  gint width = FIGURE_WIDTH, height = FIGURE_HEIGHT;
  gint64 first_seed = 1;
  gboolean quiet = FALSE;
  /* Translators: %s is the default list, "relu,leaky_relu,tanh,…" (names, keep them). */
  g_autofree char *acts_help = g_strdup_printf (_("Activations to compare, names or aliases "
                                                  "separated by commas (default %s)"),
                                                AXON_COMPARE_DEFAULT_ACTIVATIONS);
  const GOptionEntry entries[] = {
    { "acts", 'a', 0, G_OPTION_ARG_STRING, &acts, acts_help, N_("NAME,…") },
    { "seeds", 'n', 0, G_OPTION_ARG_INT, &seeds,
      N_("Runs per activation, each with its own seed (default 3; 1 to 1000). Means and "
         "standard deviations are over these runs"), N_("N") },
    { "first-seed", 0, 0, G_OPTION_ARG_INT64, &first_seed,
      N_("Seed of the first run; the others count up from it (default 1)"), N_("SEED") },
    { "steps", 's', 0, G_OPTION_ARG_INT, &steps,
      N_("Minibatches per training run (default 1000)"), N_("N") },
    { "record-every", 'k', 0, G_OPTION_ARG_INT, &record_every,
      N_("Record histograms and scalars every K minibatches and at the last one "
         "(default 10; 0 records only the final figures)"), N_("K") },
    { "batch", 'b', 0, G_OPTION_ARG_INT, &batch,
      N_("Minibatch size (default 64)"), N_("N") },
    axon_cli_train_option_layers (&shared),
    axon_cli_train_option_data (&shared),
    axon_cli_train_option_noise (&shared),
    { "cost-evals", 0, 0, G_OPTION_ARG_INT, &cost_evals,
      N_("Scalar evaluations timed for the cost figure (default 100000)"), N_("N") },
    axon_cli_train_option_threads (&shared, N_("BLAS threads of the training (default 1, so "
                                               "runs are reproducible)")),
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width of figure.svg and figure.png in pixels (default 1200)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height,
      N_("Height of the figure in pixels (default 800)"), N_("PX") },
    { "out", 'O', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Directory for the results (created if needed; required)"), N_("DIR") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("No progress on standard error"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (AxonCompareTable) table = NULL;
  g_autoptr (AxonTrainer) trainer = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *runs_dir = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *layer_text = NULL;
  AxonCompareConfig config;
  AxonTrainConfig probe;
  CompareCli cli = { 0 };
  gboolean ok;
  int status = 0;

  g_set_prgname ("axon compare");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("The classic activation comparison, with error bars: for "
                                  "each activation and each of N seeds, the time of 100,000 "
                                  "scalar evaluations and the float32 batch throughput, then "
                                  "a training run (best and last-10 training accuracy, "
                                  "accuracy on the clean and on the noisy test set and their "
                                  "differences to last-10, the zero-gradient ratio per layer "
                                  "and overall). The table gives mean ± sample standard "
                                  "deviation over the seeds, and a summary says which "
                                  "differences exceed the spread across seeds."));
  g_option_context_set_description (context,
                                    _("Files written into --out DIR:\n"
                                      "  results.csv        one row per run (activation, seed, "
                                      "run_dir, every figure at full precision)\n"
                                      "  results-stats.csv  mean and std per activation\n"
                                      "  results.md         the settings, the table (best of "
                                      "each column in bold) and the summary\n"
                                      "  summary.txt        the summary alone\n"
                                      "  figure.svg/.png    bars with error bars, one panel "
                                      "per metric\n"
                                      "  runs/ACT-seedK/    the TensorBoard run of each "
                                      "training, with every table figure as a compare/… "
                                      "scalar (open them with “axon run show” or in the "
                                      "window)\n"
                                      "Test accuracy is over 100 batches that together hold "
                                      "the whole test set once (20 images each for the "
                                      "embedded 2,000). A difference is called real when "
                                      "Welch's t-test over the seeds rejects equal means at "
                                      "the 5 percent level.\n"
                                      "Progress goes to standard error. Exit status 2 with "
                                      "one line on standard error for a bad option, "
                                      "activation or data set; 1 when the results cannot be "
                                      "written; 130 when interrupted (the files then hold "
                                      "the runs done so far)."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("compare: %s", error->message);
  if (argc > 1)
    return axon_cli_fail (_("compare: unexpected argument “%s” (activations go after "
                            "--acts)"), argv[1]);

  axon_compare_config_init (&config);
  if (acts != NULL && !axon_compare_config_set_activations (&config, acts, &error))
    {
      axon_compare_config_clear (&config);
      return axon_cli_fail ("compare: --acts: %s", error->message);
    }
  if (seeds < 1 || seeds > AXON_COMPARE_MAX_SEEDS)
    status = axon_cli_fail (_("compare: --seeds %d is out of range (1 to %d)"), seeds,
                            AXON_COMPARE_MAX_SEEDS);
  else if (first_seed < 0)
    status = axon_cli_fail (_("compare: --first-seed %lld must be 0 or more"),
                            (long long) first_seed);
  else if (steps < 1)
    status = axon_cli_fail (_("compare: --steps %d must be at least 1"), steps);
  else if (record_every < 0)
    status = axon_cli_fail (_("compare: --record-every %d must be 0 or more"), record_every);
  else if (batch < 1 || batch > 65536)
    status = axon_cli_fail (_("compare: --batch %d is out of range (1 to 65536)"), batch);
  else if (cost_evals < 1)
    status = axon_cli_fail (_("compare: --cost-evals %d must be at least 1"), cost_evals);
  else if (shared.threads < 1 || shared.threads > 1024)
    status = axon_cli_fail (_("compare: --threads %d is out of range (1 to 1024)"),
                            shared.threads);
  else if (!isfinite (shared.noise) || shared.noise < 0)
    status = axon_cli_fail (_("compare: --noise %g must be a finite number ≥ 0"), shared.noise);
  else if (width < 1 || width > AXON_EXPORT_MAX_SIZE || height < 1
           || height > AXON_EXPORT_MAX_SIZE)
    status = axon_cli_fail (_("compare: the figure size %d×%d is out of range (1 to %d)"),
                            width, height, AXON_EXPORT_MAX_SIZE);
  else if (out == NULL)
    status = axon_cli_fail (_("compare: --out DIR is required"));
  if (status != 0)
    {
      axon_compare_config_clear (&config);
      return status;
    }

  config.n_seeds = (guint) seeds;
  config.first_seed = (guint64) first_seed;
  config.n_steps = (guint) steps;
  config.record_every = (guint) record_every;
  config.batch_size = (guint) batch;
  config.n_cost_evals = (guint) cost_evals;
  /* The trainer parses layer lists; borrow a training configuration and keep the sizes
   * and the noise level. */
  axon_train_config_init (&probe, NULL);
  if (!axon_cli_train_options_apply (&shared, &probe, &error))
    {
      axon_compare_config_clear (&config);
      return axon_cli_fail ("compare: %s", error->message);
    }
  config.n_sizes = probe.n_sizes;
  memcpy (config.sizes, probe.sizes, sizeof config.sizes);
  config.noise_level = probe.noise_level;
  runs_dir = g_build_filename (out, "runs", NULL);
  axon_compare_config_set_runs_dir (&config, runs_dir);
  if (!axon_compare_config_validate (&config, &error))
    {
      axon_compare_config_clear (&config);
      return axon_cli_fail ("compare: %s", error->message);
    }

  if (!axon_cli_train_options_load_data (&shared, &train, &test, &error))
    {
      axon_compare_config_clear (&config);
      return axon_cli_fail ("compare: %s", error->message);
    }

  /* Layer sizes that do not fit the data are bad input: the trainer checks them. */
  axon_train_config_init (&probe, axon_activation_lookup (config.activations[0], NULL, NULL));
  probe.n_sizes = config.n_sizes;
  memcpy (probe.sizes, config.sizes, sizeof probe.sizes);
  probe.batch_size = config.batch_size;
  probe.n_steps = 1;
  trainer = axon_trainer_new (&probe, train, test, &error);
  if (trainer == NULL)
    {
      axon_compare_config_clear (&config);
      return axon_cli_fail ("compare: %s", error->message);
    }
  g_clear_pointer (&trainer, axon_trainer_free);

  if (g_mkdir_with_parents (out, 0755) != 0)
    {
      int saved = errno;

      axon_compare_config_clear (&config);
      axon_cli_fail (_("compare: cannot create %s: %s"), out, g_strerror (saved));
      return 1;
    }

  layer_text = format_layers (&config, train, test);
  settings = describe_settings (&config, train, test, layer_text, shared.threads);
  table = axon_compare_table_new (axon_compare_config_n_layers (&config));
  axon_blas_set_threads (shared.threads);
  cli.tty = isatty (STDERR_FILENO);
  cli.quiet = quiet;
  cli.cancellable = cancellable;
  signal (SIGINT, on_sigint);
  ok = axon_compare_run (&config, train, test, on_progress, &cli, cancellable, table, &error);
  signal (SIGINT, SIG_DFL);
  if (cli.tty && !quiet)
    fputs ("\r\033[K", stderr);

  if (!ok)
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_autoptr (GError) write_error = NULL;

      /* Whatever was completed is kept. */
      if (axon_compare_table_get_n_rows (table) > 0)
        write_results (out, &config, table, settings, width, height, &write_error);
      if (cancelled)
        axon_cli_fail (_("compare: interrupted after %u of %u runs; the results so far are "
                         "in %s"), axon_compare_table_get_n_rows (table),
                       g_strv_length (config.activations) * config.n_seeds, out);
      else
        axon_cli_fail ("compare: %s", error->message);
      axon_compare_config_clear (&config);
      return cancelled ? 130 : 1;
    }

  if (!write_results (out, &config, table, settings, width, height, &error))
    {
      axon_cli_fail ("compare: %s", error->message);
      axon_compare_config_clear (&config);
      return 1;
    }
  if (!quiet)
    fprintf (stderr, _("Results in %s (results.md, results.csv, summary.txt, figure.svg, "
                       "figure.png, runs/)\n"), out);
  axon_compare_config_clear (&config);
  return 0;
}
