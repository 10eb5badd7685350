/* axon-train-recorder.h: turns the trainer's records into a TensorBoard run.
 *
 * The trainer reports through AxonTrainObserver and knows no files; this adapter writes
 * each record to an event file (AxonEventWriter) and/or adds it to an in-memory AxonRun.
 * Tags, in the conventions axon-run.h groups by (layers are named fc1, fc2, ...):
 *   histograms  weights/fcN.weight, gradients/fcN.weight
 *   scalars     train/loss, train/accuracy, train/zero_grad_ratio (all layers),
 *               fcN/zero_grad_ratio, fcN/prelu_weight (prelu only), every record;
 *               and at the step after the last minibatch: train/best_accuracy,
 *               train/last10_accuracy, test/accuracy, test/noisy_accuracy,
 *               test/accuracy_minus_last10, test/noisy_accuracy_minus_last10.
 */
#pragma once

#include "axon-event-writer.h"
#include "axon-run.h"
#include "axon-trainer.h"

G_BEGIN_DECLS

typedef struct _AxonTrainRecorder AxonTrainRecorder;

/* Either may be NULL; both are borrowed and must outlive the recorder. */
AxonTrainRecorder *axon_train_recorder_new (AxonEventWriter *writer,
                                            AxonRun         *run);
void axon_train_recorder_free (AxonTrainRecorder *recorder);

/* An AxonTrainObserver.record callback; user_data is the recorder. */
gboolean axon_train_recorder_record (const AxonTrainRecord *record,
                                     gpointer               user_data,
                                     GError               **error);

/* Writes the run's summary scalars at step result->n_steps_done and flushes the writer. */
gboolean axon_train_recorder_finish (AxonTrainRecorder     *recorder,
                                     const AxonTrainResult *result,
                                     GError               **error);

/* "fc1" for layer 0: the layer names of the tags. Free with g_free. */
char *axon_train_layer_name (guint layer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonTrainRecorder, axon_train_recorder_free)

G_END_DECLS
