/* axon-train-dialog.h: train the MLP from the window, with progress and a cancel.
 *
 * Activation, minibatches, seed and data set (the embedded MNIST, Fashion-MNIST when
 * Debian's dataset-fashion-mnist is installed, or any IDX folder); optionally a folder to
 * save the run to as TensorBoard event files. The work (loading the data, training,
 * evaluating) runs in a GTask worker thread; the main loop only receives immutable
 * snapshots (about 20 a second) and, at the end, the recorded AxonRun, which nothing touches
 * any more. Stop takes effect at once in the dialog and in the worker within one minibatch.
 */
#pragma once

#include <adwaita.h>

#include "axon-run.h"

G_BEGIN_DECLS

#define AXON_TYPE_TRAIN_DIALOG (axon_train_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AxonTrainDialog, axon_train_dialog, AXON, TRAIN_DIALOG, AdwWindow)

/* parent may be NULL. */
AxonTrainDialog *axon_train_dialog_new (GtkWindow *parent);

/* "activation": the canonical name (an alias is accepted and resolved; an unknown name is
 * refused with a warning). */
const char *axon_train_dialog_get_activation (AxonTrainDialog *self);
void axon_train_dialog_set_activation (AxonTrainDialog *self,
                                       const char      *name);
/* "steps": minibatches, 1 to 1,000,000. */
guint axon_train_dialog_get_steps (AxonTrainDialog *self);
void axon_train_dialog_set_steps (AxonTrainDialog *self,
                                  guint            steps);
/* "seed". */
guint axon_train_dialog_get_seed (AxonTrainDialog *self);
void axon_train_dialog_set_seed (AxonTrainDialog *self,
                                 guint            seed);
/* "data-dir": an IDX folder, or NULL for the embedded MNIST. */
const char *axon_train_dialog_get_data_dir (AxonTrainDialog *self);
void axon_train_dialog_set_data_dir (AxonTrainDialog *self,
                                     const char      *dir);
/* "output-dir": where the run is saved as event files, or NULL for not at all. */
const char *axon_train_dialog_get_output_dir (AxonTrainDialog *self);
void axon_train_dialog_set_output_dir (AxonTrainDialog *self,
                                       const char      *dir);

/* Starts training with the current choices, as the Train button does; nothing if running. */
void axon_train_dialog_start (AxonTrainDialog *self);
/* Stops a running training, as the Stop button does. */
void axon_train_dialog_stop (AxonTrainDialog *self);
/* "running". */
gboolean axon_train_dialog_get_running (AxonTrainDialog *self);
/* "run": the history recorded by the last training that finished, or NULL. Also passed to
 * the "finished" signal (AxonRun *run), emitted when a training completes. */
AxonRun *axon_train_dialog_get_run (AxonTrainDialog *self);
/* "progress": the fraction of minibatches done in the last snapshot, 0 to 1. */
double axon_train_dialog_get_progress (AxonTrainDialog *self);

G_END_DECLS
