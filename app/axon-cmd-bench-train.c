/* axon-cmd-bench-train.c: `axon bench train`, the speed of 1000 minibatches.
 *
 * The setting of the classic comparison and of tests/bench/torch_train.py: a 784-128-64-10
 * MLP (the data set's image size and class count at the ends), SGD with momentum 0.9,
 * lr 0.05, minibatches of 64, one BLAS thread. Each repeat trains twice from the same seed,
 * once without recording and once recording every 10 minibatches into TensorBoard event
 * files in a temporary directory (histograms of every layer's weights and gradients plus
 * the scalars, as `axon train --out` writes them); the two runs must give the same numbers,
 * since recording only reads. Repeat i uses seed + i; the seconds reported are the median
 * over the repeats (the minibatch loop only, as the PyTorch peer times it), the accuracy the
 * mean test accuracy over them.
 */
#include "axon-bench.h"
#include "axon-cli.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "axon-bench-harness.h"
#include "axon-blas.h"
#include "axon-dataset.h"
#include "axon-event-writer.h"
#include "axon-train-recorder.h"
#include "axon-trainer.h"

typedef struct
{
  double seconds;
  double cpu_seconds;
  double test_accuracy;
  double last10_accuracy;
  double final_loss;
} BenchRun;

static gboolean
record_cb (const AxonTrainRecord *record,
           gpointer               user_data,
           GError               **error)
{
  return axon_train_recorder_record (record, user_data, error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* One training run; records into a fresh event file under tmp_dir when tmp_dir is set. */
static gboolean
bench_once (const AxonTrainConfig *config,
            const AxonDataset     *train,
            const AxonDataset     *test,
            const char            *tmp_dir,
            BenchRun              *run,
            GError               **error)
{
  g_autoptr (AxonTrainer) trainer = axon_trainer_new (config, train, test, error);
  g_autoptr (AxonEventWriter) writer = NULL;
  g_autoptr (AxonTrainRecorder) recorder = NULL;
  AxonTrainObserver observer = { NULL, record_cb };
  AxonTrainResult result;
  gboolean ok;

  if (trainer == NULL)
    return FALSE;
  if (tmp_dir != NULL)
    {
      writer = axon_event_writer_new (tmp_dir, error);
      if (writer == NULL)
        return FALSE;
      recorder = axon_train_recorder_new (writer, NULL);
    }
  ok = axon_trainer_run (trainer, recorder != NULL ? &observer : NULL, recorder, NULL, &result,
                         error);
  if (ok && recorder != NULL)
    ok = axon_train_recorder_finish (recorder, &result, error)
         && axon_event_writer_close (writer, error);
  run->seconds = result.train_seconds;
  run->cpu_seconds = result.train_cpu_seconds;
  run->test_accuracy = result.test_accuracy;
  run->last10_accuracy = result.last10_accuracy;
  run->final_loss = result.final_loss;
  axon_train_result_clear (&result);
  return ok;
}

int
axon_bench_train (int    argc,
                  char **argv)
{
  g_autofree char *act_name = NULL;
  g_auto (GStrv) assignments = NULL;
  g_autofree char *data_dir = NULL;
  gint steps = 1000, repeats = 3;
  gint64 seed = 1;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "act", 'a', 0, G_OPTION_ARG_STRING, &act_name,
      N_("Activation of the hidden layers (default relu)"), N_("NAME") },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &assignments,
      N_("Set a parameter of the activation (repeat for several)"), N_("KEY=VALUE") },
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("An IDX data set directory (default: the embedded MNIST digits)"), N_("DIR") },
    { "steps", 's', 0, G_OPTION_ARG_INT, &steps,
      N_("Minibatches per run (default 1000)"), N_("N") },
    { "repeats", 'r', 0, G_OPTION_ARG_INT, &repeats,
      N_("Repeats, each with and without recording, seeds SEED, SEED+1, … (default 3)"),
      N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the first repeat (default 1)"), N_("SEED") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print {\"seconds\": …, \"seconds_recording\": …, \"test_accuracy\": …} and a few "
         "more figures as one JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree double *plain = NULL;
  g_autofree double *recording = NULL;
  g_autofree double *plain_cpu = NULL;
  g_autofree double *recording_cpu = NULL;
  AxonTrainConfig config;
  double accuracy = 0, last10 = 0, t_plain, t_recording, c_plain, c_recording;
  gboolean ok;

  g_set_prgname ("axon bench train");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Times 1000 minibatches of 64 on a 784-128-64-10 MLP (SGD, "
                                  "momentum 0.9, lr 0.05, one BLAS thread), without and with "
                                  "recording histories every 10 minibatches into event "
                                  "files, and reports the test accuracy. "
                                  "tests/bench/bench-train puts PyTorch next to it."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("bench train: %s", error->message);
  if (argc > 1)
    return axon_cli_fail (_("bench train: unexpected argument “%s”"), argv[1]);
  if (steps < 1)
    return axon_cli_fail (_("bench train: --steps %d must be at least 1"), steps);
  if (repeats < 1 || repeats > 1000)
    return axon_cli_fail (_("bench train: --repeats %d is out of range (1 to 1000)"), repeats);
  if (seed < 0)
    return axon_cli_fail (_("bench train: --seed must be 0 or more"));

  axon_train_config_init (&config, NULL);
  if (!axon_train_config_set_activation (&config, act_name != NULL ? act_name : "relu",
                                         (const char *const *) assignments, &error))
    return axon_cli_fail ("bench train: %s", error->message);
  axon_optimizer_config_init (&config.optimizer, AXON_OPTIMIZER_SGD);
  config.optimizer.learning_rate = 0.05;
  config.optimizer.momentum = 0.9;
  config.batch_size = 64;
  config.n_steps = (guint) steps;

  if (data_dir != NULL)
    ok = axon_dataset_load_dir (data_dir, &train, &test, &error);
  else
    ok = axon_dataset_load_default (&train, &test, &error);
  if (!ok)
    return axon_cli_fail ("bench train: %s", error->message);

  tmp_dir = g_dir_make_tmp ("axon-bench-train-XXXXXX", &error);
  if (tmp_dir == NULL)
    return axon_cli_fail ("bench train: %s", error->message);

  axon_blas_set_threads (1);
  plain = g_new (double, repeats);
  recording = g_new (double, repeats);
  plain_cpu = g_new (double, repeats);
  recording_cpu = g_new (double, repeats);
  for (gint i = 0; i < repeats && ok; i++)
    {
      BenchRun a, b;

      config.seed = (guint64) seed + (guint64) i;
      /* Alternate the order, so a slow phase of the machine does not always hit one. */
      for (guint k = 0; k < 2 && ok; k++)
        {
          gboolean record = (k + (guint) i) % 2 == 1;

          config.record_every = record ? 10 : 0;
          ok = bench_once (&config, train, test, record ? tmp_dir : NULL, record ? &b : &a,
                           &error);
        }
      if (!ok)
        break;
      if (a.final_loss != b.final_loss || a.test_accuracy != b.test_accuracy)
        g_warning ("bench train: recording changed the run (loss %.9g vs %.9g)",
                   a.final_loss, b.final_loss);
      plain[i] = a.seconds;
      recording[i] = b.seconds;
      plain_cpu[i] = a.cpu_seconds;
      recording_cpu[i] = b.cpu_seconds;
      accuracy += a.test_accuracy / repeats;
      last10 += a.last10_accuracy / repeats;
      if (!json)
        fprintf (stderr, _("repeat %d/%d: %.3f s, %.3f s recording (CPU %.3f s, %.3f s), "
                           "test accuracy %.4f\n"), i + 1, repeats, a.seconds, b.seconds,
                 a.cpu_seconds, b.cpu_seconds, a.test_accuracy);
    }
  remove_tree (tmp_dir);
  if (!ok)
    return axon_cli_fail ("bench train: %s", error->message);

  t_plain = axon_bench_median (plain, (guint) repeats);
  t_recording = axon_bench_median (recording, (guint) repeats);
  c_plain = axon_bench_median (plain_cpu, (guint) repeats);
  c_recording = axon_bench_median (recording_cpu, (guint) repeats);
  if (json)
    printf ("{\"seconds\": %.6f, \"seconds_recording\": %.6f, \"test_accuracy\": %.6f, "
            "\"last10_accuracy\": %.6f, \"recording_overhead\": %.6f, \"cpu_seconds\": %.6f, "
            "\"cpu_seconds_recording\": %.6f, \"activation\": \"%s\", \"steps\": %d, "
            "\"repeats\": %d, \"batch\": %u, \"layers\": \"%u-128-64-%u\"}\n",
            t_plain, t_recording, accuracy, last10, t_recording / t_plain - 1, c_plain,
            c_recording,
            config.activation->name, steps, repeats, config.batch_size, train->dim,
            train->n_classes);
  else
    {
      printf (_("network          %u-128-64-%u, %s, SGD momentum 0.9, lr 0.05, batch 64, "
                "1 thread\n"), train->dim, train->n_classes, config.activation->name);
      printf (_("data             %s: %u training, %u test images\n"), train->name, train->n,
              test->n);
      printf (_("BLAS             %s\n"), axon_blas_describe ());
      printf (_("minibatches      %d per run, median of %d runs\n"), steps, repeats);
      printf (_("seconds          %.3f\n"), t_plain);
      printf (_("with recording   %.3f (%+.1f%%, every 10 minibatches, event files)\n"),
              t_recording, 100 * (t_recording / t_plain - 1));
      printf (_("CPU seconds      %.3f, %.3f recording (%+.1f%%)\n"), c_plain, c_recording,
              100 * (c_recording / c_plain - 1));
      printf (_("test accuracy    %.4f (mean; last-10 training %.4f)\n"), accuracy, last10);
    }
  return 0;
}
