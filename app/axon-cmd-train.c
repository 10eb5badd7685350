/* axon-cmd-train.c: `axon train`, one training run from the command line.
 *
 * Trains the MLP (kernels/train/axon-trainer.h) on the embedded MNIST or an IDX directory,
 * writes the recorded history as a TensorBoard run when --out is given, shows progress on
 * stderr and prints a summary on stdout (or one JSON object with --json). Ctrl-C stops at
 * the next minibatch; what was recorded until then is kept in the run.
 */
#include "axon-cli.h"
#include "axon-cli-number.h"
#include "axon-cli-train-options.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "axon-blas.h"
#include "axon-csv-json.h"
#include "axon-dataset.h"
#include "axon-event-writer.h"
#include "axon-registry.h"
#include "axon-train-recorder.h"
#include "axon-trainer.h"

/* The tty progress bar redraws at most this often (microseconds). */
#define REDRAW_INTERVAL_US (100 * 1000)
#define BAR_WIDTH 30

typedef struct
{
  gboolean tty;
  gboolean quiet;
  gint64 last_draw;
  guint next_line; /* non-tty: the step of the next progress line */
  AxonTrainRecorder *recorder;
  GCancellable *cancellable;
} TrainCli;

static volatile sig_atomic_t interrupted;

static void
on_sigint (int signum)
{
  interrupted = 1;
}

static void
on_progress (const AxonTrainProgress *progress,
             gpointer                 user_data)
{
  TrainCli *cli = user_data;
  guint done = progress->step + 1;

  if (interrupted)
    g_cancellable_cancel (cli->cancellable);
  if (cli->quiet)
    return;

  if (cli->tty)
    {
      gint64 now = g_get_monotonic_time ();
      char bar[BAR_WIDTH + 1];
      guint filled = (guint) ((guint64) done * BAR_WIDTH / progress->n_steps);

      if (now - cli->last_draw < REDRAW_INTERVAL_US && done < progress->n_steps)
        return;
      cli->last_draw = now;
      for (guint i = 0; i < BAR_WIDTH; i++)
        bar[i] = i < filled ? '#' : '.';
      bar[BAR_WIDTH] = '\0';
      /* The carriage return redraws the line in place; it is no part of the message. */
      fputc ('\r', stderr);
      fprintf (stderr, _("[%s] %3u%%  step %u/%u  loss %.4f  accuracy %.3f"), bar,
               (guint) ((guint64) done * 100 / progress->n_steps), done, progress->n_steps,
               progress->loss, progress->accuracy);
      if (done == progress->n_steps)
        fputc ('\n', stderr);
      fflush (stderr);
    }
  else if (done >= cli->next_line || done == progress->n_steps)
    {
      /* About ten lines per run, for logs. */
      fprintf (stderr, _("step %u/%u  loss %.4f  accuracy %.3f\n"), done, progress->n_steps,
               progress->loss, progress->accuracy);
      cli->next_line = done + MAX (progress->n_steps / 10, 1);
    }
}

static gboolean
on_record (const AxonTrainRecord *record,
           gpointer               user_data,
           GError               **error)
{
  TrainCli *cli = user_data;

  if (cli->recorder == NULL)
    return TRUE;
  return axon_train_recorder_record (record, cli->recorder, error);
}

static char *
format_layers (const AxonTrainConfig *config)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < config->n_sizes; i++)
    g_string_append_printf (s, i > 0 ? "-%u" : "%u", config->sizes[i]);
  return g_string_free (s, FALSE);
}

static char *
format_optimizer (const AxonOptimizerConfig *o)
{
  if (o->kind == AXON_OPTIMIZER_ADAM)
    return g_strdup_printf ("adam lr %g betas %g/%g eps %g", o->learning_rate, o->beta1,
                            o->beta2, o->eps);
  return g_strdup_printf ("sgd lr %g momentum %g", o->learning_rate, o->momentum);
}

/* "key": value, (the comma unless last); null for NaN and infinities. */
static void
json_number (GString    *s,
             const char *key,
             double      value,
             gboolean    last)
{
  g_string_append_printf (s, "\"%s\": ", key);
  axon_json_append_double (s, value);
  if (!last)
    g_string_append (s, ", ");
}

static void
json_string (GString    *s,
             const char *key,
             const char *value)
{
  g_string_append_printf (s, "\"%s\": ", key);
  if (value != NULL)
    axon_json_append_string (s, value);
  else
    g_string_append (s, "null");
}

static void
print_json (const AxonTrainConfig *config,
            const AxonTrainResult *result,
            const char            *event_file)
{
  g_autoptr (GString) s = g_string_new ("{");
  g_autofree char *layers = format_layers (config);
  g_autofree char *act_params = axon_params_to_string (config->activation, &config->params);

  json_string (s, "activation", config->activation->name);
  g_string_append (s, ", ");
  json_string (s, "params", act_params);
  g_string_append (s, ", ");
  json_string (s, "layers", layers);
  g_string_append_printf (s, ", \"steps\": %u, ", result->n_steps_done);
  json_number (s, "best_accuracy", result->best_accuracy, FALSE);
  json_number (s, "last10_accuracy", result->last10_accuracy, FALSE);
  json_number (s, "test_accuracy", result->test_accuracy, FALSE);
  json_number (s, "noisy_accuracy", result->noisy_accuracy, FALSE);
  json_number (s, "test_minus_last10", result->test_minus_last10, FALSE);
  json_number (s, "noisy_minus_last10", result->noisy_minus_last10, FALSE);
  json_number (s, "final_loss", result->final_loss, FALSE);
  g_string_append (s, "\"zero_grad_ratio\": [");
  for (guint l = 0; l < result->n_layers; l++)
    {
      if (l > 0)
        g_string_append (s, ", ");
      axon_json_append_double (s, result->zero_grad_ratio[l]);
    }
  g_string_append (s, "], ");
  json_number (s, "zero_grad_ratio_all", result->zero_grad_ratio_all, FALSE);
  json_number (s, "train_seconds", result->train_seconds, FALSE);
  json_number (s, "eval_seconds", result->eval_seconds, FALSE);
  g_string_append_printf (s, "\"records\": %u, \"diverged\": %s, ", result->n_records,
                          result->diverged ? "true" : "false");
  /* A path may hold any byte; g_strescape's octal escapes would not be JSON. */
  json_string (s, "event_file", event_file);
  g_string_append_c (s, '}');
  printf ("%s\n", s->str);
}

/* %.4f, but "nan" rather than glibc's "-nan" for a NaN of either sign. */
static char *
format_value (double value)
{
  return isnan (value) ? g_strdup ("nan") : g_strdup_printf ("%.4f", value);
}

static void
print_summary (const AxonTrainConfig *config,
               const AxonDataset     *train,
               const AxonDataset     *test,
               const AxonTrainResult *result,
               const char            *event_file)
{
  g_autofree char *layers = format_layers (config);
  g_autofree char *optimizer = format_optimizer (&config->optimizer);
  g_autofree char *act_params = axon_params_to_string (config->activation, &config->params);
  g_autoptr (GString) zero = g_string_new (NULL);
  g_autofree char *first_loss = format_value (result->n_steps_done > 0 ? result->losses[0]
                                                                      : NAN);
  g_autofree char *final_loss = format_value (result->final_loss);

  for (guint l = 0; l < result->n_layers; l++)
    g_string_append_printf (zero, "fc%u %.4f, ", l + 1, result->zero_grad_ratio[l]);
  g_string_append_printf (zero, _("all %.4f"), result->zero_grad_ratio_all);

  printf (_("activation      %s%s%s%s\n"), config->activation->name,
          *act_params != '\0' ? " (" : "", act_params, *act_params != '\0' ? ")" : "");
  printf (_("network         %s, %s, batch %u, seed %" PRIu64 "\n"), layers,
          optimizer, config->batch_size, (uint64_t) config->seed);
  printf (_("data            %s: %u training, %u test images\n"), train->name, train->n,
          test->n);
  printf (_("minibatches     %u, loss %s → %s%s\n"), result->n_steps_done, first_loss,
          final_loss, result->diverged ? _(" (diverged: a loss was not finite)") : "");
  printf (_("best accuracy   %.4f (best minibatch)\n"), result->best_accuracy);
  printf (_("last-10         %.4f (mean of the last 10 minibatches)\n"),
          result->last10_accuracy);
  printf (_("clean test      %.4f (%+.4f against last-10)\n"), result->test_accuracy,
          result->test_minus_last10);
  printf (_("noisy test      %.4f (%+.4f against last-10; x + %g·N(0,1) clipped to [0,1])\n"),
          result->noisy_accuracy, result->noisy_minus_last10, config->noise_level);
  printf (_("zero gradients  %s (fraction of dL/dz exactly 0)\n"), zero->str);
  printf (_("time            %.3f s training, %.3f s evaluation\n"), result->train_seconds,
          result->eval_seconds);
  if (event_file != NULL)
    printf (_("run             %s (%u records)\n"), event_file, result->n_records);
}

int
axon_cmd_train (int    argc,
                char **argv)
{
  g_autofree char *act_name = NULL;
  g_auto (GStrv) assignments = NULL;
  g_auto (AxonCliTrainOptions) shared = AXON_CLI_TRAIN_OPTIONS_INIT;
  g_autofree char *optimizer = NULL;
  g_autofree char *edges = NULL;
  g_autofree char *out = NULL;
  gint steps = 1000, record_every = 10, bins = 64, batch = 64;
  g_autofree char *lr_text = NULL;
  g_autofree char *momentum_text = NULL;
  gdouble weight_range = 0, grad_range = 0;
  gint64 seed = 1;
  gboolean json = FALSE, quiet = FALSE;
  const GOptionEntry entries[] = {
    { "act", 'a', 0, G_OPTION_ARG_STRING, &act_name,
      N_("Activation of the hidden layers: a name or alias from “axon list” (default relu)"),
      N_("NAME") },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &assignments,
      N_("Set a parameter of the activation (repeat for several), e.g. -p alpha=0.2; for "
         "prelu, weight is the initial value of the learned weight"), N_("KEY=VALUE") },
    { "steps", 's', 0, G_OPTION_ARG_INT, &steps,
      N_("Minibatches to train (default 1000)"), N_("N") },
    { "record-every", 'k', 0, G_OPTION_ARG_INT, &record_every,
      N_("Record histograms and scalars every K minibatches and at the last one "
         "(default 10; 0 records nothing)"), N_("K") },
    { "bins", 0, 0, G_OPTION_ARG_INT, &bins,
      N_("Bins of each recorded histogram (default 64)"), N_("N") },
    { "edges", 0, 0, G_OPTION_ARG_STRING, &edges,
      N_("Histogram bin edges: per-step (each record spans its own min..max, default) or "
         "fixed (shared by all records of a tensor, so slices line up; values outside go "
         "to the outer bins)"), N_("per-step|fixed") },
    { "weight-range", 0, 0, G_OPTION_ARG_DOUBLE, &weight_range,
      N_("With --edges fixed: weight histograms span [-R, R] (default 0: 1.5 times the "
         "largest weight at the first record)"), N_("R") },
    { "grad-range", 0, 0, G_OPTION_ARG_DOUBLE, &grad_range,
      N_("With --edges fixed: gradient histograms span [-R, R] (default 0: from the first "
         "record)"), N_("R") },
    { "optimizer", 'o', 0, G_OPTION_ARG_STRING, &optimizer,
      N_("sgd (with momentum, default) or adam"), N_("sgd|adam") },
    { "lr", 0, 0, G_OPTION_ARG_STRING, &lr_text,
      N_("Learning rate (default 0.05 for sgd, 0.001 for adam)"), N_("RATE") },
    { "momentum", 'm', 0, G_OPTION_ARG_STRING, &momentum_text,
      N_("SGD momentum (default 0.9)"), N_("M") },
    { "batch", 'b', 0, G_OPTION_ARG_INT, &batch,
      N_("Minibatch size (default 64)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the initial weights, the minibatch order and rrelu's slopes (default 1); "
         "the same seed gives the same run"), N_("SEED") },
    axon_cli_train_option_layers (&shared),
    axon_cli_train_option_data (&shared),
    axon_cli_train_option_noise (&shared),
    axon_cli_train_option_threads (&shared, N_("BLAS threads (default 1)")),
    { "out", 'O', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write the run as TensorBoard event files into directory RUN (created if needed)"),
      N_("RUN") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the summary as one JSON object"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("No progress on standard error"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (AxonTrainer) trainer = NULL;
  g_autoptr (AxonEventWriter) writer = NULL;
  g_autoptr (AxonTrainRecorder) recorder = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *event_file = NULL;
  AxonTrainConfig config;
  AxonOptimizerKind kind = AXON_OPTIMIZER_SGD;
  AxonTrainResult result = { 0 };
  TrainCli cli = { 0 };
  AxonTrainObserver observer = { on_progress, on_record };
  gboolean ok;

  g_set_prgname ("axon train");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Trains a small MLP (softmax cross-entropy) on MNIST-style "
                                  "digits with the chosen activation, records the weights' "
                                  "and gradients' histograms every K minibatches, and prints "
                                  "best and last-10 training accuracy, clean and noisy test "
                                  "accuracy and the zero-gradient ratio per layer."));
  g_option_context_set_description (context,
                                    _("Progress goes to standard error (a bar on a terminal, "
                                      "otherwise about ten lines); the summary to standard "
                                      "output. The run written with --out holds the "
                                      "histograms weights/fcN.weight and gradients/fcN.weight "
                                      "and the scalars train/loss, train/accuracy, "
                                      "train/zero_grad_ratio, fcN/zero_grad_ratio and the "
                                      "final test figures; “axon run show RUN” lists them.\n"
                                      "The zero-gradient ratio is the fraction of entries of "
                                      "dL/dz (the gradient at each layer's pre-activations) "
                                      "that are exactly 0.\n"
                                      "Exit status 2 with one line on standard error for a "
                                      "bad option, activation, parameter or data set; 1 when "
                                      "the run cannot be written; 130 when interrupted."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("train: %s", error->message);
  if (argc > 1)
    return axon_cli_fail (_("train: unexpected argument “%s” (the activation goes after "
                            "--act)"), argv[1]);

  axon_train_config_init (&config, NULL);
  if (!axon_train_config_set_activation (&config, act_name != NULL ? act_name : "relu",
                                         (const char *const *) assignments, &error))
    return axon_cli_fail ("train: %s", error->message);
  if (optimizer != NULL && !axon_optimizer_kind_from_string (optimizer, &kind))
    return axon_cli_fail (_("train: unknown optimizer “%s”, expected sgd or adam"), optimizer);
  axon_optimizer_config_init (&config.optimizer, kind);
  /* Any finite number here; the optimiser's own check then says whether it is in range. */
  if (lr_text != NULL
      && !axon_cli_parse_double (lr_text, -G_MAXDOUBLE, G_MAXDOUBLE,
                                 &config.optimizer.learning_rate))
    return axon_cli_fail (_("train: --lr “%s” is not a number"), lr_text);
  if (momentum_text != NULL
      && !axon_cli_parse_double (momentum_text, -G_MAXDOUBLE, G_MAXDOUBLE,
                                 &config.optimizer.momentum))
    return axon_cli_fail (_("train: --momentum “%s” is not a number"), momentum_text);
  if (steps < 1)
    return axon_cli_fail (_("train: --steps %d must be at least 1"), steps);
  if (record_every < 0)
    return axon_cli_fail (_("train: --record-every %d must be 0 or more"), record_every);
  if (bins < 1 || bins > 65536)
    return axon_cli_fail (_("train: --bins %d is out of range (1 to 65536)"), bins);
  if (batch < 1 || batch > 65536)
    return axon_cli_fail (_("train: --batch %d is out of range (1 to 65536)"), batch);
  if (shared.threads < 1 || shared.threads > 1024)
    return axon_cli_fail (_("train: --threads %d is out of range (1 to 1024)"),
                          shared.threads);
  if (seed < 0)
    return axon_cli_fail (_("train: --seed %" PRId64 " must be 0 or more"), (int64_t) seed);
  config.n_steps = (guint) steps;
  config.record_every = (guint) record_every;
  config.n_bins = (guint) bins;
  config.batch_size = (guint) batch;
  config.seed = (guint64) seed;
  config.weight_range = weight_range;
  config.grad_range = grad_range;
  if (edges == NULL || g_str_equal (edges, "per-step"))
    config.edges = AXON_EDGES_PER_STEP;
  else if (g_str_equal (edges, "fixed"))
    config.edges = AXON_EDGES_FIXED;
  else
    return axon_cli_fail (_("train: unknown --edges “%s”, expected per-step or fixed"), edges);
  if (!axon_cli_train_options_apply (&shared, &config, &error))
    return axon_cli_fail ("train: %s", error->message);

  if (!axon_cli_train_options_load_data (&shared, &train, &test, &error))
    return axon_cli_fail ("train: %s", error->message);

  trainer = axon_trainer_new (&config, train, test, &error);
  if (trainer == NULL)
    return axon_cli_fail ("train: %s", error->message);
  config = *axon_trainer_get_config (trainer);

  if (out != NULL)
    {
      writer = axon_event_writer_new (out, &error);
      if (writer == NULL)
        {
          axon_cli_fail ("train: %s", error->message);
          return 1;
        }
      event_file = g_strdup (axon_event_writer_get_path (writer));
      recorder = axon_train_recorder_new (writer, NULL);
    }

  axon_blas_set_threads (shared.threads);
  cli.tty = isatty (STDERR_FILENO);
  cli.quiet = quiet;
  cli.recorder = recorder;
  cli.cancellable = cancellable;
  signal (SIGINT, on_sigint);
  ok = axon_trainer_run (trainer, &observer, &cli, cancellable, &result, &error);
  signal (SIGINT, SIG_DFL);

  if (ok && recorder != NULL)
    ok = axon_train_recorder_finish (recorder, &result, &error);
  if (writer != NULL)
    {
      g_autoptr (GError) close_error = NULL;

      if (!axon_event_writer_close (writer, &close_error) && ok)
        {
          ok = FALSE;
          g_propagate_error (&error, g_steal_pointer (&close_error));
        }
    }
  if (!ok)
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      if (cli.tty && !quiet)
        fputc ('\n', stderr);
      if (cancelled)
        axon_cli_fail (_("train: interrupted after %u minibatches%s%s"), result.n_steps_done,
                       event_file != NULL ? _("; recorded so far: ") : "",
                       event_file != NULL ? event_file : "");
      else
        axon_cli_fail ("train: %s", error->message);
      axon_train_result_clear (&result);
      return cancelled ? 130 : 1;
    }

  if (json)
    print_json (&config, &result, event_file);
  else
    print_summary (&config, train, test, &result, event_file);
  axon_train_result_clear (&result);
  return 0;
}
