/* axon-compare.h: the activation comparison, the classic experiment with error bars.
 *
 * For each selected activation and each of n seeds (seed = first_seed, first_seed + 1, …):
 *  1. cost (axon-compare-cost.h): the time of n_cost_evals single float64 evaluations and
 *     the float32 batch throughput over the same inputs;
 *  2. training (axon-trainer.h) for n_steps minibatches with the trainer's defaults, the
 *     seed choosing the initial weights and the minibatch order, recording every
 *     record_every steps into runs_dir/<activation>-seed<seed>/ (a TensorBoard run);
 *  3. the trainer's figures: best and last-10 training accuracy, clean and noisy test
 *     accuracy and their differences to last-10, the zero-gradient ratio per layer and
 *     overall (over every minibatch of the run).
 * Each run appends one row to an AxonCompareTable (axon-compare-table.h).
 *
 * "Accuracy over 100 batches": the test set is cut into AXON_COMPARE_TEST_BATCHES = 100
 * consecutive batches of ceil(n / 100) images (the last one shorter when 100 does not
 * divide n), every test image in exactly one batch: 100 batches of 20 for the embedded
 * 2,000-image test set, of 100 for MNIST's 10,000. The figure is pooled over the batches,
 * correct / n, which is the trainer's whole-test-set accuracy (axon_trainer_run evaluates
 * in chunks, with the same result). No sampling with replacement: every run of every
 * activation is scored on the very same images (and the same noisy copy, whose noise
 * seed is fixed), so the differences between activations carry no test-sampling noise,
 * and the spread across seeds is the spread of training alone.
 *
 * Besides the trainer's tags, each run gets one scalar per table column at the step after
 * the last minibatch, "compare/<key>" (axon_compare_column_info), so a run directory holds
 * every figure of its table row. Event files left in a run directory by an earlier
 * comparison are removed first (only events.out.tfevents.* files), so a repeated
 * comparison does not mix two histories.
 *
 * Runs go one after another in the calling thread; nothing here is global, so a GTask
 * worker can run a comparison while the main loop stays free. Progress comes through a
 * callback in that same thread: copy what you keep. Cancelling the GCancellable stops
 * within a minibatch; the rows of the runs completed until then stay in the table.
 */
#pragma once

#include <gio/gio.h>

#include "axon-compare-table.h"
#include "axon-dataset.h"
#include "axon-trainer.h"

G_BEGIN_DECLS

#define AXON_COMPARE_DEFAULT_ACTIVATIONS "relu,leaky_relu,tanh,sigmoid,selu,swish,mish,gelu,sin"
#define AXON_COMPARE_DEFAULT_SEEDS 3
#define AXON_COMPARE_DEFAULT_COST_EVALS 100000
#define AXON_COMPARE_TEST_BATCHES 100
#define AXON_COMPARE_MAX_SEEDS 1000

typedef struct
{
  char **activations;  /* canonical names, NULL-terminated, no repeats */
  guint n_seeds;       /* 3 */
  guint64 first_seed;  /* 1 */
  guint n_steps;       /* minibatches per run, 1000 */
  guint record_every;  /* 10; 0 records nothing (the run directory only gets the
                        * compare/ scalars) */
  guint batch_size;    /* 64 */
  guint n_sizes;       /* 0: the trainer's default input-128-64-classes */
  guint sizes[AXON_MLP_MAX_LAYERS + 1];
  double noise_level;  /* 0.3 */
  guint n_cost_evals;  /* 100000 */
  char *runs_dir;      /* where the runs go; NULL: nothing is written */
} AxonCompareConfig;

/* The defaults above, with the nine default activations. */
void axon_compare_config_init (AxonCompareConfig *config);
void axon_compare_config_clear (AxonCompareConfig *config);
/* dst gets a deep copy of src (dst is not cleared first). */
void axon_compare_config_copy (const AxonCompareConfig *src,
                               AxonCompareConfig       *dst);

/* Selects the activations of a comma-separated list of names or aliases ("relu, GELU");
 * aliases resolve to canonical names, repeats are dropped. An unknown name fails with a
 * one-line error ("did you mean"), an empty list too; config is unchanged then. */
gboolean axon_compare_config_set_activations (AxonCompareConfig  *config,
                                              const char         *list,
                                              GError            **error);
/* runs_dir (copied; NULL for none). */
void axon_compare_config_set_runs_dir (AxonCompareConfig *config,
                                       const char        *runs_dir);

/* Checks every field: at least one activation, seeds 1..AXON_COMPARE_MAX_SEEDS, steps
 * >= 1, batch 1..65536, cost evaluations >= 1, layer sizes, noise level finite and >= 0.
 * One line naming the bad value. */
gboolean axon_compare_config_validate (const AxonCompareConfig  *config,
                                       GError                  **error);

/* "relu-seed1": the directory name of one run. */
char *axon_compare_run_name (const char *activation,
                             guint64     seed);

typedef enum
{
  AXON_COMPARE_PHASE_COST,     /* measuring the cost figures */
  AXON_COMPARE_PHASE_TRAIN,    /* training: step counts the minibatches done */
  AXON_COMPARE_PHASE_EVAL,     /* evaluating on the clean and noisy test sets */
  AXON_COMPARE_PHASE_RUN_DONE, /* the run's row was just added: row is set */
} AxonComparePhase;

typedef struct
{
  AxonComparePhase phase;
  const char *activation;       /* canonical name (static storage) */
  guint activation_index;       /* 0-based */
  guint n_activations;
  guint seed_index;             /* 0-based */
  guint n_seeds;
  guint64 seed;
  guint run_index;              /* 0-based over all runs */
  guint n_runs;
  guint step;                   /* minibatches done in this run */
  guint n_steps;
  double fraction;              /* of the whole comparison done, 0..1 */
  double elapsed;               /* seconds since the comparison started */
  double remaining;             /* estimated seconds left; negative while unknown */
  const AxonCompareRow *row;    /* RUN_DONE only, borrowed for the call */
} AxonCompareProgress;

typedef void (*AxonCompareProgressFunc) (const AxonCompareProgress *progress,
                                         gpointer                   user_data);

/* seconds (elapsed, remaining) as "1:05" or "1:02:03", rounded to the second, into buffer;
 * unknown instead where seconds is negative, NaN or beyond any real estimate (not yet
 * known). */
void axon_compare_format_duration (double      seconds,
                                   const char *unknown,
                                   char       *buffer,
                                   gsize       size);

/* The weight layers the networks of config have (3 for the default sizes), i.e. what
 * axon_compare_table_new needs. */
guint axon_compare_config_n_layers (const AxonCompareConfig *config);

/* Runs the comparison on train and test (borrowed) and appends a row per run to table
 * (made with axon_compare_config_n_layers layers). progress may be NULL. FALSE with error
 * when a run cannot start (sizes that do not fit the data), a run directory cannot be
 * written, or on cancellation (G_IO_ERROR_CANCELLED); table keeps the completed runs. */
gboolean axon_compare_run (const AxonCompareConfig  *config,
                           const AxonDataset        *train,
                           const AxonDataset        *test,
                           AxonCompareProgressFunc   progress,
                           gpointer                  user_data,
                           GCancellable             *cancellable,
                           AxonCompareTable         *table,
                           GError                  **error);

G_END_DECLS
