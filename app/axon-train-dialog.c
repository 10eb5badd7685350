/* axon-train-dialog.c: the choices, the worker thread and what it reports back.
 *
 * Threads: the worker owns everything it creates (data sets, trainer, run, writer) and
 * talks to the main loop only through a Channel, a small reference-counted box whose
 * dialog pointer is read and cleared in the main thread alone. Snapshots are copied
 * values; the finished AxonRun is handed over through the GTask and never touched by the
 * worker again. The GTask returns on cancel, so Stop is immediate for the dialog even while
 * the worker is still reading a large data set; the worker then stops at its next check.
 */
#include "axon-train-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "axon-blas.h"
#include "axon-dataset.h"
#include "axon-event-writer.h"
#include "axon-registry.h"
#include "axon-train-recorder.h"
#include "axon-trainer.h"

/* Debian's dataset-fashion-mnist installs here. */
#define FASHION_MNIST_DIR "/usr/share/datasets/fashion-mnist"
/* Progress snapshots are posted at most this often (microseconds): smooth, not flooding. */
#define SNAPSHOT_INTERVAL_US (50 * 1000)
#define RECORD_EVERY 10

typedef struct
{
  AxonTrainDialog *dialog; /* main thread only; NULL once the dialog stops listening */
} Channel;

/* What a folder chooser was opened for: dir is the folder chosen, NULL if none was. */
typedef void (*FolderChosen) (AxonTrainDialog *self,
                              const char      *dir);

struct _AxonTrainDialog
{
  AdwWindow parent_instance;

  AdwComboRow *activation_row;
  GtkSpinButton *steps_spin;
  GtkSpinButton *seed_spin;
  AdwComboRow *data_row;
  AdwActionRow *output_row;
  GtkWidget *output_clear_button;
  GtkWidget *train_button;
  GtkWidget *settings_group;
  GtkProgressBar *progress_bar;
  GtkLabel *status_label;
  GtkLabel *error_label;
  GtkWidget *result_group;
  AdwActionRow *best_row;
  AdwActionRow *last10_row;
  AdwActionRow *clean_row;
  AdwActionRow *noisy_row;
  AdwActionRow *zero_row;
  AdwActionRow *time_row;

  GtkStringList *data_names;
  GPtrArray *data_dirs;  /* per data_row item but the last ("Other folder…"); NULL: embedded */
  guint data_selected;   /* the last real data set selected, to return to from the chooser */
  gboolean data_updating; /* the list is being changed: selection changes are not choices */
  char *output_dir;
  GtkFileChooserNative *chooser;
  FolderChosen chosen;   /* what chooser answers to */

  Channel *channel;      /* of the running job, or NULL */
  GCancellable *cancellable;
  guint last_step;
  guint n_steps;
  AxonRun *run;
};

G_DEFINE_FINAL_TYPE (AxonTrainDialog, axon_train_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_ACTIVATION,
  PROP_STEPS,
  PROP_SEED,
  PROP_DATA_DIR,
  PROP_OUTPUT_DIR,
  PROP_RUNNING,
  PROP_RUN,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The job and its messages ----------------------------------------------------------------- */

typedef struct
{
  AxonTrainConfig config;
  char *data_dir;
  char *output_dir;
  Channel *channel;
  GMainContext *context;
  gint64 last_post;             /* worker only */
  AxonTrainRecorder *recorder;  /* worker only */
} Job;

typedef enum
{
  PHASE_LOADING,
  PHASE_TRAINING,
  PHASE_EVALUATING,
} Phase;

typedef struct
{
  Channel *channel;
  Phase phase;
  guint step; /* minibatches done */
  guint n_steps;
  double loss;
  double accuracy;
} Snapshot;

typedef struct
{
  AxonRun *run;
  AxonTrainResult result; /* the figures only: losses and accuracies are cleared */
  char *event_file;
} Outcome;

static Channel *
channel_new (AxonTrainDialog *dialog)
{
  Channel *channel = g_atomic_rc_box_new0 (Channel);

  channel->dialog = dialog;
  return channel;
}

static void
channel_release (gpointer channel)
{
  g_atomic_rc_box_release (channel);
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->data_dir);
  g_free (job->output_dir);
  channel_release (job->channel);
  g_main_context_unref (job->context);
  g_free (job);
}

static void
outcome_free (gpointer data)
{
  Outcome *outcome = data;

  g_clear_pointer (&outcome->run, axon_run_unref);
  g_free (outcome->event_file);
  g_free (outcome);
}

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  channel_release (snapshot->channel);
  g_free (snapshot);
}

static void show_snapshot (AxonTrainDialog *self,
                           const Snapshot  *snapshot);

/* In the main thread. */
static gboolean
deliver_snapshot (gpointer data)
{
  Snapshot *snapshot = data;

  if (snapshot->channel->dialog != NULL)
    show_snapshot (snapshot->channel->dialog, snapshot);
  return G_SOURCE_REMOVE;
}

/* In the worker: a copy of the values goes to the main loop. */
static void
post_snapshot (Job     *job,
               Phase    phase,
               guint    step,
               guint    n_steps,
               double   loss,
               double   accuracy)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->channel = g_atomic_rc_box_acquire (job->channel);
  snapshot->phase = phase;
  snapshot->step = step;
  snapshot->n_steps = n_steps;
  snapshot->loss = loss;
  snapshot->accuracy = accuracy;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_snapshot, snapshot,
                              snapshot_free);
}

static void
on_progress (const AxonTrainProgress *progress,
             gpointer                 user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();
  guint done = progress->step + 1;

  if (now - job->last_post < SNAPSHOT_INTERVAL_US && done < progress->n_steps)
    return;
  job->last_post = now;
  post_snapshot (job, done < progress->n_steps ? PHASE_TRAINING : PHASE_EVALUATING, done,
                 progress->n_steps, progress->loss, progress->accuracy);
}

static gboolean
on_record (const AxonTrainRecord *record,
           gpointer               user_data,
           GError               **error)
{
  Job *job = user_data;

  return axon_train_recorder_record (record, job->recorder, error);
}

static void
train_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (AxonTrainer) trainer = NULL;
  g_autoptr (AxonEventWriter) writer = NULL;
  g_autoptr (AxonTrainRecorder) recorder = NULL;
  g_autoptr (AxonRun) run = axon_run_new ();
  AxonTrainObserver observer = { on_progress, on_record };
  AxonTrainResult result;
  Outcome *outcome;
  gboolean ok;

  post_snapshot (job, PHASE_LOADING, 0, job->config.n_steps, NAN, NAN);
  if (job->data_dir != NULL)
    ok = axon_dataset_load_dir (job->data_dir, &train, &test, &error);
  else
    ok = axon_dataset_load_default (&train, &test, &error);
  if (!ok || g_task_return_error_if_cancelled (task))
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  trainer = axon_trainer_new (&job->config, train, test, &error);
  if (trainer == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->output_dir != NULL)
    {
      writer = axon_event_writer_new (job->output_dir, &error);
      if (writer == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  recorder = axon_train_recorder_new (writer, run);
  job->recorder = recorder;

  /* One BLAS thread leaves the other cores to the interface (and makes the run the same as
   * `axon train`'s). */
  axon_blas_set_threads (1);
  ok = axon_trainer_run (trainer, &observer, job, cancellable, &result, &error);
  ok = ok && axon_train_recorder_finish (recorder, &result, &error);
  job->recorder = NULL;
  if (writer != NULL)
    {
      g_autoptr (GError) close_error = NULL;

      if (!axon_event_writer_close (writer, &close_error) && ok)
        {
          ok = FALSE;
          g_propagate_error (&error, g_steal_pointer (&close_error));
        }
    }
  axon_train_result_clear (&result);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  outcome = g_new0 (Outcome, 1);
  outcome->run = g_steal_pointer (&run);
  outcome->result = result;
  if (writer != NULL)
    outcome->event_file = g_strdup (axon_event_writer_get_path (writer));
  g_task_return_pointer (task, outcome, outcome_free);
}

/* The dialog -------------------------------------------------------------------------------- */

static void
set_running (AxonTrainDialog *self,
             gboolean         running)
{
  gtk_button_set_label (GTK_BUTTON (self->train_button), running ? _("_Stop") : _("_Train"));
  if (running)
    {
      gtk_widget_remove_css_class (self->train_button, "suggested-action");
      gtk_widget_add_css_class (self->train_button, "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->train_button, "destructive-action");
      gtk_widget_add_css_class (self->train_button, "suggested-action");
    }
  gtk_widget_set_sensitive (self->settings_group, !running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_error (AxonTrainDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
show_snapshot (AxonTrainDialog *self,
               const Snapshot  *snapshot)
{
  g_autofree char *text = NULL;
  double fraction = snapshot->n_steps > 0 ? (double) snapshot->step / snapshot->n_steps : 0;

  self->last_step = snapshot->step;
  self->n_steps = snapshot->n_steps;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  switch (snapshot->phase)
    {
    case PHASE_LOADING:
      gtk_progress_bar_set_text (self->progress_bar, _("Loading the data…"));
      gtk_label_set_text (self->status_label, "");
      return;
    case PHASE_TRAINING:
      text = g_strdup_printf (_("Minibatch %u of %u"), snapshot->step, snapshot->n_steps);
      break;
    case PHASE_EVALUATING:
      text = g_strdup_printf (_("Evaluating on the test set…"));
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_progress_bar_set_text (self->progress_bar, text);
  g_free (text);
  text = g_strdup_printf (_("Loss %.4f, minibatch accuracy %.3f"), snapshot->loss,
                          snapshot->accuracy);
  gtk_label_set_text (self->status_label, text);
}

static void
set_row_value (AdwActionRow *row,
               const char   *format,
               ...) G_GNUC_PRINTF (2, 3);

static void
set_row_value (AdwActionRow *row,
               const char   *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  adw_action_row_set_subtitle (row, text);
}

static void
show_outcome (AxonTrainDialog *self,
              const Outcome   *outcome)
{
  const AxonTrainResult *r = &outcome->result;
  g_autoptr (GString) zero = g_string_new (NULL);

  set_row_value (self->best_row, "%.4f", r->best_accuracy);
  set_row_value (self->last10_row, "%.4f", r->last10_accuracy);
  set_row_value (self->clean_row, _("%.4f (%+.4f against the last 10)"), r->test_accuracy,
                 r->test_minus_last10);
  set_row_value (self->noisy_row, _("%.4f (%+.4f against the last 10)"), r->noisy_accuracy,
                 r->noisy_minus_last10);
  for (guint l = 0; l < r->n_layers; l++)
    g_string_append_printf (zero, "fc%u %.3f · ", l + 1, r->zero_grad_ratio[l]);
  g_string_append_printf (zero, _("all %.3f"), r->zero_grad_ratio_all);
  adw_action_row_set_subtitle (self->zero_row, zero->str);
  if (outcome->event_file != NULL)
    set_row_value (self->time_row, _("%.2f s training, %.2f s evaluation; saved as %s"),
                   r->train_seconds, r->eval_seconds, outcome->event_file);
  else
    set_row_value (self->time_row, _("%.2f s training, %.2f s evaluation"), r->train_seconds,
                   r->eval_seconds);
  gtk_widget_set_visible (self->result_group, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 1);
  gtk_progress_bar_set_text (self->progress_bar,
                             r->diverged ? _("Done, but the loss diverged") : _("Done"));
  gtk_label_set_text (self->status_label, "");
}

/* Lets go of the job: its late snapshots and its result are ignored from now on. */
static void
forget_job (AxonTrainDialog *self)
{
  if (self->channel != NULL)
    {
      self->channel->dialog = NULL;
      g_clear_pointer (&self->channel, channel_release);
    }
  g_clear_object (&self->cancellable);
}

static void
finish_job (AxonTrainDialog *self)
{
  forget_job (self);
  set_running (self, FALSE);
}

static void
on_task_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Channel *channel = user_data;
  AxonTrainDialog *self = channel->dialog;
  g_autoptr (GError) error = NULL;
  Outcome *outcome;

  if (self == NULL || self->channel != channel)
    {
      channel_release (channel);
      return;
    }
  channel_release (channel);

  outcome = g_task_propagate_pointer (G_TASK (result), &error);
  finish_job (self);
  if (outcome == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *text = g_strdup_printf (_("Stopped after %u of %u minibatches"),
                                                   self->last_step, self->n_steps);

          gtk_progress_bar_set_text (self->progress_bar, text);
        }
      else
        {
          gtk_progress_bar_set_text (self->progress_bar, _("Failed"));
          show_error (self, error->message);
        }
      return;
    }

  g_clear_pointer (&self->run, axon_run_unref);
  self->run = axon_run_ref (outcome->run);
  show_outcome (self, outcome);
  outcome_free (outcome);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUN]);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, self->run);
}

void
axon_train_dialog_start (AxonTrainDialog *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  Job *job;

  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));

  if (self->channel != NULL)
    return;

  job = g_new0 (Job, 1);
  axon_train_config_init (&job->config, NULL);
  if (!axon_train_config_set_activation (&job->config,
                                         axon_train_dialog_get_activation (self), NULL,
                                         &error))
    {
      show_error (self, error->message);
      g_free (job);
      return;
    }
  job->config.n_steps = axon_train_dialog_get_steps (self);
  job->config.seed = axon_train_dialog_get_seed (self);
  job->config.record_every = RECORD_EVERY;
  job->data_dir = g_strdup (axon_train_dialog_get_data_dir (self));
  job->output_dir = g_strdup (self->output_dir);
  job->context = g_main_context_ref_thread_default ();

  self->channel = channel_new (self);
  job->channel = g_atomic_rc_box_acquire (self->channel);
  self->cancellable = g_cancellable_new ();
  self->last_step = 0;
  self->n_steps = job->config.n_steps;

  show_error (self, NULL);
  gtk_widget_set_visible (self->result_group, FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));

  task = g_task_new (NULL, self->cancellable, on_task_done,
                     g_atomic_rc_box_acquire (self->channel));
  g_task_set_source_tag (task, axon_train_dialog_start);
  g_task_set_name (task, "axon-train");
  g_task_set_task_data (task, job, job_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, train_worker);
  set_running (self, TRUE);
}

void
axon_train_dialog_stop (AxonTrainDialog *self)
{
  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));

  if (self->cancellable == NULL)
    return;
  gtk_progress_bar_set_text (self->progress_bar, _("Stopping…"));
  g_cancellable_cancel (self->cancellable);
}

gboolean
axon_train_dialog_get_running (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), FALSE);
  return self->channel != NULL;
}

AxonRun *
axon_train_dialog_get_run (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), NULL);
  return self->run;
}

double
axon_train_dialog_get_progress (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), 0);
  return gtk_progress_bar_get_fraction (self->progress_bar);
}

static void
on_train_clicked (AxonTrainDialog *self)
{
  if (self->channel != NULL)
    axon_train_dialog_stop (self);
  else
    axon_train_dialog_start (self);
}

/* Choices ---------------------------------------------------------------------------------- */

const char *
axon_train_dialog_get_activation (AxonTrainDialog *self)
{
  guint selected;

  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), NULL);
  selected = adw_combo_row_get_selected (self->activation_row);
  if (selected >= AXON_N_ACTIVATIONS)
    selected = AXON_ACTIVATION_relu;
  return axon_activation_get ((AxonActivationId) selected)->name;
}

void
axon_train_dialog_set_activation (AxonTrainDialog *self,
                                  const char      *name)
{
  const AxonActivation *act;

  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));
  g_return_if_fail (name != NULL);

  act = axon_activation_lookup (name, NULL, NULL);
  if (act == NULL)
    {
      g_warning ("AxonTrainDialog: unknown activation “%s”", name);
      return;
    }
  /* The row's notify::selected handler notifies "activation". */
  adw_combo_row_set_selected (self->activation_row, act->id);
}

static void
on_activation_selected (AxonTrainDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVATION]);
}

guint
axon_train_dialog_get_steps (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), 0);
  return (guint) gtk_spin_button_get_value_as_int (self->steps_spin);
}

void
axon_train_dialog_set_steps (AxonTrainDialog *self,
                             guint            steps)
{
  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));
  gtk_spin_button_set_value (self->steps_spin, CLAMP (steps, 1, 1000000));
}

static void
on_steps_changed (AxonTrainDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
}

guint
axon_train_dialog_get_seed (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), 0);
  return (guint) gtk_spin_button_get_value (self->seed_spin);
}

void
axon_train_dialog_set_seed (AxonTrainDialog *self,
                            guint            seed)
{
  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));
  gtk_spin_button_set_value (self->seed_spin, MIN (seed, (guint) G_MAXINT32));
}

static void
on_seed_changed (AxonTrainDialog *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
}

/* The data set list: data_dirs[i] for item i, then "Other folder…". */
static guint
other_folder_index (AxonTrainDialog *self)
{
  return self->data_dirs->len;
}

static guint
add_data_dir (AxonTrainDialog *self,
              const char      *label,
              const char      *dir)
{
  guint index = other_folder_index (self);
  const char *names[] = { label, NULL };

  self->data_updating = TRUE;
  g_ptr_array_add (self->data_dirs, g_strdup (dir));
  gtk_string_list_splice (self->data_names, index, 0, names);
  self->data_updating = FALSE;
  return index;
}

static guint
find_data_dir (AxonTrainDialog *self,
               const char      *dir)
{
  for (guint i = 0; i < self->data_dirs->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->data_dirs, i), dir) == 0)
      return i;
  return G_MAXUINT;
}

const char *
axon_train_dialog_get_data_dir (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), NULL);
  if (self->data_selected >= self->data_dirs->len)
    return NULL;
  return g_ptr_array_index (self->data_dirs, self->data_selected);
}

void
axon_train_dialog_set_data_dir (AxonTrainDialog *self,
                                const char      *dir)
{
  guint index;

  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));

  index = find_data_dir (self, dir);
  if (index == G_MAXUINT)
    {
      g_autofree char *base = g_path_get_basename (dir);
      g_autofree char *label = g_strdup_printf (_("Folder “%s”"), base);

      index = add_data_dir (self, label, dir);
    }
  adw_combo_row_set_selected (self->data_row, index);
}

static void
on_folder_response (AxonTrainDialog *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autoptr (GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  self->chosen (self, folder != NULL ? g_file_peek_path (folder) : NULL);
}

static void
choose_folder (AxonTrainDialog *self,
               const char      *title,
               FolderChosen     chosen)
{
  if (self->chooser != NULL)
    return;
  self->chosen = chosen;
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_folder_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
data_chosen (AxonTrainDialog *self,
             const char      *dir)
{
  if (dir != NULL)
    axon_train_dialog_set_data_dir (self, dir);
  else
    adw_combo_row_set_selected (self->data_row, self->data_selected);
}

static void
on_data_selected (AxonTrainDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->data_row);

  if (selected == GTK_INVALID_LIST_POSITION || self->data_updating)
    return;
  if (selected == other_folder_index (self))
    {
      choose_folder (self, _("IDX Data Set Folder"), data_chosen);
      return;
    }
  if (selected == self->data_selected)
    return;
  self->data_selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_DIR]);
}

const char *
axon_train_dialog_get_output_dir (AxonTrainDialog *self)
{
  g_return_val_if_fail (AXON_IS_TRAIN_DIALOG (self), NULL);
  return self->output_dir;
}

void
axon_train_dialog_set_output_dir (AxonTrainDialog *self,
                                  const char      *dir)
{
  g_return_if_fail (AXON_IS_TRAIN_DIALOG (self));

  if (g_strcmp0 (self->output_dir, dir) == 0)
    return;
  g_free (self->output_dir);
  self->output_dir = g_strdup (dir);
  adw_action_row_set_subtitle (self->output_row,
                               dir != NULL ? dir : _("Not saved: the run stays in memory"));
  gtk_widget_set_visible (self->output_clear_button, dir != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OUTPUT_DIR]);
}

static void
output_chosen (AxonTrainDialog *self,
               const char      *dir)
{
  if (dir != NULL)
    axon_train_dialog_set_output_dir (self, dir);
}

static void
on_output_clicked (AxonTrainDialog *self)
{
  choose_folder (self, _("Folder for the Run"), output_chosen);
}

static void
on_output_clear_clicked (AxonTrainDialog *self)
{
  axon_train_dialog_set_output_dir (self, NULL);
}

/* GObject ---------------------------------------------------------------------------------- */

AxonTrainDialog *
axon_train_dialog_new (GtkWindow *parent)
{
  return g_object_new (AXON_TYPE_TRAIN_DIALOG, "transient-for", parent, NULL);
}

static void
axon_train_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AxonTrainDialog *self = AXON_TRAIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACTIVATION:
      g_value_set_string (value, axon_train_dialog_get_activation (self));
      break;
    case PROP_STEPS:
      g_value_set_uint (value, axon_train_dialog_get_steps (self));
      break;
    case PROP_SEED:
      g_value_set_uint (value, axon_train_dialog_get_seed (self));
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, axon_train_dialog_get_data_dir (self));
      break;
    case PROP_OUTPUT_DIR:
      g_value_set_string (value, self->output_dir);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, axon_train_dialog_get_running (self));
      break;
    case PROP_RUN:
      g_value_set_boxed (value, self->run);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, axon_train_dialog_get_progress (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_train_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AxonTrainDialog *self = AXON_TRAIN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_ACTIVATION:
      axon_train_dialog_set_activation (self, g_value_get_string (value));
      break;
    case PROP_STEPS:
      axon_train_dialog_set_steps (self, g_value_get_uint (value));
      break;
    case PROP_SEED:
      axon_train_dialog_set_seed (self, g_value_get_uint (value));
      break;
    case PROP_DATA_DIR:
      axon_train_dialog_set_data_dir (self, g_value_get_string (value));
      break;
    case PROP_OUTPUT_DIR:
      axon_train_dialog_set_output_dir (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_train_dialog_dispose (GObject *object)
{
  AxonTrainDialog *self = AXON_TRAIN_DIALOG (object);

  /* A closed dialog stops its training: nobody would see the result. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  forget_job (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_TRAIN_DIALOG);
  G_OBJECT_CLASS (axon_train_dialog_parent_class)->dispose (object);
}

static void
axon_train_dialog_finalize (GObject *object)
{
  AxonTrainDialog *self = AXON_TRAIN_DIALOG (object);

  g_clear_pointer (&self->data_dirs, g_ptr_array_unref);
  g_clear_pointer (&self->run, axon_run_unref);
  g_free (self->output_dir);
  G_OBJECT_CLASS (axon_train_dialog_parent_class)->finalize (object);
}

static void
axon_train_dialog_class_init (AxonTrainDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = axon_train_dialog_get_property;
  object_class->set_property = axon_train_dialog_set_property;
  object_class->dispose = axon_train_dialog_dispose;
  object_class->finalize = axon_train_dialog_finalize;

  properties[PROP_ACTIVATION] =
    g_param_spec_string ("activation", NULL, NULL, "relu", flags);
  properties[PROP_STEPS] = g_param_spec_uint ("steps", NULL, NULL, 1, 1000000, 1000, flags);
  properties[PROP_SEED] = g_param_spec_uint ("seed", NULL, NULL, 0, G_MAXINT32, 1, flags);
  properties[PROP_DATA_DIR] = g_param_spec_string ("data-dir", NULL, NULL, NULL, flags);
  properties[PROP_OUTPUT_DIR] = g_param_spec_string ("output-dir", NULL, NULL, NULL, flags);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE, ro);
  properties[PROP_RUN] = g_param_spec_boxed ("run", NULL, NULL, AXON_TYPE_RUN, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, AXON_TYPE_RUN | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/axonviz/Axon/ui/axon-train-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, activation_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, steps_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, data_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, output_clear_button);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, train_button);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, settings_group);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, result_group);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, best_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, last10_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, clean_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, noisy_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, zero_row);
  gtk_widget_class_bind_template_child (widget_class, AxonTrainDialog, time_row);
  gtk_widget_class_bind_template_callback (widget_class, on_train_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_activation_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_steps_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_seed_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_data_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_output_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_output_clear_clicked);
}

static void
axon_train_dialog_init (AxonTrainDialog *self)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Rows in table order, so a row's position is its AxonActivationId. */
  for (guint id = 0; id < AXON_N_ACTIVATIONS; id++)
    gtk_string_list_append (names, axon_activation_get ((AxonActivationId) id)->name);
  adw_combo_row_set_model (self->activation_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->activation_row, AXON_ACTIVATION_relu);

  self->data_dirs = g_ptr_array_new_with_free_func (g_free);
  self->data_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->data_names, _("Other folder…"));
  add_data_dir (self, _("MNIST digits"), NULL);
  if (g_file_test (FASHION_MNIST_DIR, G_FILE_TEST_IS_DIR))
    add_data_dir (self, _("Fashion-MNIST"), FASHION_MNIST_DIR);
  adw_combo_row_set_model (self->data_row, G_LIST_MODEL (self->data_names));
  g_object_unref (self->data_names); /* the row holds it */
  self->data_selected = 0;
  adw_combo_row_set_selected (self->data_row, 0);

  adw_action_row_set_subtitle (self->output_row, _("Not saved: the run stays in memory"));
  gtk_widget_set_visible (self->output_clear_button, FALSE);
}
