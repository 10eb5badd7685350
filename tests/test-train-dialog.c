/* test-train-dialog.c: the train dialog under a real display (Xvfb in CI).
 *
 * Properties notify once and only on change; a short training in the worker thread
 * delivers progress and then a run with the recorded tags; Stop ends a long training
 * without waiting for it; closing a running dialog is safe. No timing assertions.
 */
#include <adwaita.h>
#include <string.h>

#include "axon-run.h"
#include "axon-test-util.h"
#include "axon-train-dialog.h"

static void
test_properties (void)
{
  AxonTrainDialog *dialog;
  guint activation = 0, steps = 0, seed = 0;

  AXON_TEST_REQUIRE_DISPLAY ();
  dialog = axon_train_dialog_new (NULL);
  g_signal_connect (dialog, "notify::activation", G_CALLBACK (axon_test_count_notify),
                    &activation);
  g_signal_connect (dialog, "notify::steps", G_CALLBACK (axon_test_count_notify), &steps);
  g_signal_connect (dialog, "notify::seed", G_CALLBACK (axon_test_count_notify), &seed);

  g_assert_cmpstr (axon_train_dialog_get_activation (dialog), ==, "relu");
  g_assert_cmpuint (axon_train_dialog_get_steps (dialog), ==, 1000);
  g_assert_null (axon_train_dialog_get_data_dir (dialog));
  g_assert_false (axon_train_dialog_get_running (dialog));

  /* An alias resolves to its canonical row. */
  axon_train_dialog_set_activation (dialog, "SiLU");
  g_assert_cmpstr (axon_train_dialog_get_activation (dialog), ==, "swish");
  g_assert_cmpuint (activation, ==, 1);
  axon_train_dialog_set_activation (dialog, "swish");
  g_assert_cmpuint (activation, ==, 1);

  axon_train_dialog_set_steps (dialog, 250);
  axon_train_dialog_set_steps (dialog, 250);
  g_assert_cmpuint (steps, ==, 1);
  g_assert_cmpuint (axon_train_dialog_get_steps (dialog), ==, 250);
  axon_train_dialog_set_seed (dialog, 7);
  g_assert_cmpuint (seed, ==, 1);
  g_assert_cmpuint (axon_train_dialog_get_seed (dialog), ==, 7);

  axon_train_dialog_set_data_dir (dialog, "/tmp/some-idx-folder");
  g_assert_cmpstr (axon_train_dialog_get_data_dir (dialog), ==, "/tmp/some-idx-folder");
  axon_train_dialog_set_data_dir (dialog, NULL);
  g_assert_null (axon_train_dialog_get_data_dir (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct
{
  gboolean finished;
  gboolean stopped;
  AxonRun *run;
  guint progress_notifies;
} Watch;

static void
on_finished (AxonTrainDialog *dialog,
             AxonRun         *run,
             Watch           *watch)
{
  watch->run = axon_run_ref (run);
  watch->finished = TRUE;
}

static void
on_running (AxonTrainDialog *dialog,
            GParamSpec      *pspec,
            Watch           *watch)
{
  if (!axon_train_dialog_get_running (dialog))
    watch->stopped = TRUE;
}

static void
on_progress (AxonTrainDialog *dialog,
             GParamSpec      *pspec,
             Watch           *watch)
{
  watch->progress_notifies++;
}

static void
test_short_training (void)
{
  AxonTrainDialog *dialog;
  Watch watch = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = axon_test_make_tmp_dir ("axon-test-dialog-XXXXXX");
  g_autoptr (AxonRun) saved = NULL;
  const AxonHistogram *const *hists;
  size_t n_hists;

  AXON_TEST_REQUIRE_DISPLAY ();
  dialog = axon_train_dialog_new (NULL);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &watch);
  g_signal_connect (dialog, "notify::running", G_CALLBACK (on_running), &watch);
  g_signal_connect (dialog, "notify::progress", G_CALLBACK (on_progress), &watch);
  axon_train_dialog_set_activation (dialog, "tanh");
  axon_train_dialog_set_steps (dialog, 30);
  axon_train_dialog_set_output_dir (dialog, out);
  gtk_window_present (GTK_WINDOW (dialog));

  axon_train_dialog_start (dialog);
  g_assert_true (axon_train_dialog_get_running (dialog));
  axon_test_wait_until (axon_test_flag_is_set, &watch.finished, 60);
  g_assert_true (watch.stopped);
  g_assert_false (axon_train_dialog_get_running (dialog));
  g_assert_cmpuint (watch.progress_notifies, >, 0);
  g_assert_cmpfloat (axon_train_dialog_get_progress (dialog), ==, 1.0);

  /* Records at 0, 10, 20 and the last minibatch, 29. */
  g_assert_true (watch.run == axon_train_dialog_get_run (dialog));
  hists = axon_run_get_histograms (watch.run, "weights/fc1.weight", &n_hists);
  g_assert_cmpuint (n_hists, ==, 4);
  g_assert_cmpfloat (axon_histogram_total (hists[0]), ==, 784 * 128);
  g_assert_true (axon_run_has_tag (watch.run, "test/accuracy"));

  /* The same history went to the event file. */
  saved = axon_run_load (out, &error);
  g_assert_no_error (error);
  hists = axon_run_get_histograms (saved, "gradients/fc3.weight", &n_hists);
  g_assert_cmpuint (n_hists, ==, 4);
  g_assert_cmpfloat (axon_histogram_total (hists[3]), ==, 64 * 10);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&watch.run, axon_run_unref);
  axon_test_remove_tree (out);
}

static gboolean
stop_when_training (gpointer data)
{
  AxonTrainDialog *dialog = data;

  if (axon_train_dialog_get_progress (dialog) <= 0)
    return G_SOURCE_CONTINUE;
  axon_train_dialog_stop (dialog);
  return G_SOURCE_REMOVE;
}

static void
test_stop (void)
{
  AxonTrainDialog *dialog;
  Watch watch = { 0 };

  AXON_TEST_REQUIRE_DISPLAY ();
  dialog = axon_train_dialog_new (NULL);
  g_signal_connect (dialog, "finished", G_CALLBACK (on_finished), &watch);
  g_signal_connect (dialog, "notify::running", G_CALLBACK (on_running), &watch);
  axon_train_dialog_set_steps (dialog, 1000000);
  axon_train_dialog_start (dialog);
  g_timeout_add (5, stop_when_training, dialog);
  axon_test_wait_until (axon_test_flag_is_set, &watch.stopped, 60);
  g_assert_false (watch.finished);
  g_assert_null (axon_train_dialog_get_run (dialog));
  g_assert_cmpfloat (axon_train_dialog_get_progress (dialog), <, 1.0);

  /* It can train again after a stop; closing it while running is safe. */
  axon_train_dialog_start (dialog);
  g_assert_true (axon_train_dialog_get_running (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Let the cancelled worker's last messages arrive at a dialog that is gone. */
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  axon_test_init_gui ();

  g_test_add_func ("/axon/train-dialog/properties", test_properties);
  g_test_add_func ("/axon/train-dialog/short-training", test_short_training);
  g_test_add_func ("/axon/train-dialog/stop", test_stop);
  return g_test_run ();
}
