/* axon-trainer.h: training an MLP on a data set, with metrics and recorded histories.
 *
 * The trainer knows nothing of files or windows: it reports through an observer (progress
 * after every minibatch, a record every k minibatches with histograms and scalars) and stops
 * when a GCancellable is cancelled (checked before every minibatch, so within about a
 * millisecond; also between evaluation chunks). A run is reproducible: the same config and
 * data give the same numbers bit for bit (one BLAS thread or a fixed count).
 *
 * Metrics, as the classic activation comparison reports them:
 *  - per minibatch: the mean cross-entropy loss and the accuracy on that minibatch
 *    (training mode);
 *  - best_accuracy: the best minibatch accuracy; last10_accuracy: the mean over the last
 *    10 minibatches;
 *  - test_accuracy on the clean test set and noisy_accuracy on the test set with noise
 *    (axon-noise.h: x + level N(0,1) clipped to [0, 1], level 0.3 by default), both in
 *    evaluation mode, and their differences to last10_accuracy;
 *  - the zero-gradient ratio: the fraction of exactly-zero entries of dL/dz, the gradient
 *    reaching each layer's pre-activations over the minibatch, i.e. how often the
 *    activation's derivative cut the signal off (relu's dead half; ~0 for smooth ones).
 *    Per layer and over all layers, for each minibatch and over the whole run. (Zeros of
 *    the weight gradients themselves are in each gradient histogram's zero_count: those
 *    also count inputs that are 0 across a minibatch, like MNIST's blank border.)
 *
 * Recording happens at minibatch indices 0, k, 2k, ... and at the last one, before the
 * optimiser updates the weights, so the weights and gradients of one record belong
 * together (step 0 holds the initial weights).
 */
#pragma once

#include <gio/gio.h>

#include "axon-dataset.h"
#include "axon-histogram.h"
#include "axon-mlp.h"
#include "axon-optimizer.h"

G_BEGIN_DECLS

typedef enum
{
  AXON_EDGES_PER_STEP, /* each histogram spans its own min..max */
  AXON_EDGES_FIXED,    /* shared by all steps of one tensor (see weight_range) */
} AxonEdges;

typedef struct
{
  /* Layer sizes; n_sizes 0 means input-128-64-classes from the data set. */
  guint n_sizes;
  guint sizes[AXON_MLP_MAX_LAYERS + 1];
  const AxonActivation *activation;
  AxonParams params;
  AxonInit init;
  AxonOptimizerConfig optimizer;
  guint batch_size;     /* 64 */
  guint n_steps;        /* minibatches, 1000 */
  guint record_every;   /* 10; 0 records nothing */
  guint n_bins;         /* 64 */
  AxonEdges edges;
  /* With fixed edges: weights histograms span [-weight_range, weight_range], gradients
   * [-grad_range, grad_range]; a range of 0 is taken from the first record, as 1.5 times
   * the largest magnitude of that tensor then. */
  double weight_range;
  double grad_range;
  guint64 seed;         /* initial weights, minibatch order, rrelu slopes */
  double noise_level;   /* 0.3 */
  guint64 noise_seed;
} AxonTrainConfig;

/* Axon's defaults (see each field) for activation at its default parameters. */
void axon_train_config_init (AxonTrainConfig      *config,
                             const AxonActivation *activation);

/* Sets config's activation from a name or alias (an alias's fixed parameters included)
 * and "KEY=VALUE" assignments (NULL-terminated, may be NULL), then validates. On failure
 * config is unchanged and error holds one line: an unknown name (with a "did you mean"),
 * an unknown, fixed or out-of-range parameter. */
gboolean axon_train_config_set_activation (AxonTrainConfig    *config,
                                           const char         *name,
                                           const char *const  *assignments,
                                           GError            **error);

/* Parses "784,128,64,10" into config's sizes (2 to AXON_MLP_MAX_LAYERS + 1 sizes, each
 * 1..65536). On failure config is unchanged. */
gboolean axon_train_config_set_layers (AxonTrainConfig  *config,
                                       const char       *text,
                                       GError          **error);

typedef struct
{
  guint step;       /* index of the minibatch just done, 0-based */
  guint n_steps;
  double loss;
  double accuracy;
  double zero_grad_ratio; /* over all layers, this minibatch */
} AxonTrainProgress;

typedef struct
{
  guint step;
  double wall_time;
  double loss;
  double accuracy;
  guint n_layers;
  double zero_grad_ratio[AXON_MLP_MAX_LAYERS]; /* this minibatch, per layer */
  double zero_grad_ratio_all;
  gboolean has_prelu;                          /* the activation is prelu */
  float prelu_weight[AXON_MLP_MAX_LAYERS];     /* its learned weight per hidden layer */
  /* Borrowed for the duration of the callback: copy what you keep. */
  const AxonHistogram *weights[AXON_MLP_MAX_LAYERS];
  const AxonHistogram *gradients[AXON_MLP_MAX_LAYERS];
  /* NaN or infinite values left out of the histograms (a diverged run). */
  gsize n_nonfinite;
} AxonTrainRecord;

typedef struct
{
  /* After every minibatch, may be NULL. */
  void (*progress) (const AxonTrainProgress *progress,
                    gpointer                 user_data);
  /* Every record_every minibatches, may be NULL. Returning FALSE (with error set) stops
   * the run with that error: a writer that cannot write. */
  gboolean (*record) (const AxonTrainRecord *record,
                      gpointer               user_data,
                      GError               **error);
} AxonTrainObserver;

typedef struct
{
  guint n_steps_done;
  guint n_records;
  double best_accuracy;
  double last10_accuracy;
  double test_accuracy;
  double noisy_accuracy;
  double test_minus_last10;
  double noisy_minus_last10;
  guint n_layers;
  double zero_grad_ratio[AXON_MLP_MAX_LAYERS]; /* over the whole run */
  double zero_grad_ratio_all;
  double final_loss;
  gboolean diverged;     /* a loss was NaN or infinite */
  double train_seconds;  /* the minibatch loop, recording included (wall clock) */
  double train_cpu_seconds; /* the same, in CPU time of the process: on a busy machine,
                             * steadier than the wall clock */
  double eval_seconds;   /* test and noisy evaluation */
  double *losses;        /* n_steps_done per-minibatch figures; axon_train_result_clear */
  double *accuracies;
} AxonTrainResult;

void axon_train_result_clear (AxonTrainResult *result);

typedef struct _AxonTrainer AxonTrainer;

/* A trainer for config on train (borrowed, must outlive the trainer) and test (borrowed,
 * may be NULL: no test figures). Fails with a one-line error for sizes that do not fit the
 * data (first size != image size, last size < classes) or a bad config value. */
AxonTrainer *axon_trainer_new (const AxonTrainConfig *config,
                               const AxonDataset     *train,
                               const AxonDataset     *test,
                               GError               **error);
void axon_trainer_free (AxonTrainer *trainer);

const AxonTrainConfig *axon_trainer_get_config (AxonTrainer *trainer);
/* The network, for inspection (weights after the run). */
AxonMlp *axon_trainer_get_mlp (AxonTrainer *trainer);

/* Trains config->n_steps minibatches, then evaluates. Fills result (clear it after) even
 * on failure, with what was done. Cancelled: FALSE with G_IO_ERROR_CANCELLED. */
gboolean axon_trainer_run (AxonTrainer             *trainer,
                           const AxonTrainObserver *observer,
                           gpointer                 user_data,
                           GCancellable            *cancellable,
                           AxonTrainResult         *result,
                           GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonTrainer, axon_trainer_free)

G_END_DECLS
