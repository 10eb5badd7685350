/* axon-trainer.c: the minibatch loop, metrics and recording. */
#include "axon-trainer.h"

#include <glib/gi18n.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "axon-noise.h"
#include "axon-registry.h"
#include "axon-tensor-histogram.h"

/* Fixed edges taken from the first record span this many times its largest magnitude. */
#define AUTO_RANGE_FACTOR 1.5
/* Evaluation runs in chunks of this many rows (the workspace is sized for it). */
#define EVAL_ROWS 256

struct _AxonTrainer
{
  AxonTrainConfig config;
  const AxonDataset *train;
  const AxonDataset *test;
  AxonMlp *mlp;
  AxonOptimizer *optimizer;
  gsl_rng *init_rng;
  gsl_rng *batch_rng;
  gsl_rng *act_rng;
  guint *order;       /* a permutation of the training set, consumed batch by batch */
  guint position;
  float *batch_x;
  guint8 *batch_y;
  AxonHistogram *weights[AXON_MLP_MAX_LAYERS];
  AxonHistogram *gradients[AXON_MLP_MAX_LAYERS];
  double weight_range[AXON_MLP_MAX_LAYERS];
  double grad_range[AXON_MLP_MAX_LAYERS];
  gboolean ran;
};

void
axon_train_config_init (AxonTrainConfig      *config,
                        const AxonActivation *activation)
{
  memset (config, 0, sizeof *config);
  config->activation = activation;
  if (activation != NULL)
    axon_params_init_default (activation, &config->params);
  config->init = AXON_INIT_AUTO;
  axon_optimizer_config_init (&config->optimizer, AXON_OPTIMIZER_SGD);
  config->batch_size = 64;
  config->n_steps = 1000;
  config->record_every = 10;
  config->n_bins = 64;
  config->edges = AXON_EDGES_PER_STEP;
  config->seed = 1;
  config->noise_level = AXON_NOISE_DEFAULT_LEVEL;
  config->noise_seed = AXON_NOISE_DEFAULT_SEED;
}

gboolean
axon_train_config_set_activation (AxonTrainConfig    *config,
                                  const char         *name,
                                  const char *const  *assignments,
                                  GError            **error)
{
  AxonParams params;
  const AxonActivation *act = axon_activation_resolve (name, assignments, &params, NULL,
                                                       error);

  if (act == NULL)
    return FALSE;
  config->activation = act;
  config->params = params;
  return TRUE;
}

gboolean
axon_train_config_set_layers (AxonTrainConfig  *config,
                              const char       *text,
                              GError          **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  guint n = g_strv_length (parts);
  guint sizes[AXON_MLP_MAX_LAYERS + 1];

  if (n < 2 || n > AXON_MLP_MAX_LAYERS + 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("layers “%s”: expected 2 to %d sizes separated by commas"), text,
                   AXON_MLP_MAX_LAYERS + 1);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      guint64 v;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, 1u << 16, &v, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("layers “%s”: “%s” is not a size from 1 to 65536"), text,
                       parts[i]);
          return FALSE;
        }
      sizes[i] = (guint) v;
    }
  config->n_sizes = n;
  memcpy (config->sizes, sizes, n * sizeof (guint));
  return TRUE;
}

void
axon_train_result_clear (AxonTrainResult *result)
{
  g_clear_pointer (&result->losses, g_free);
  g_clear_pointer (&result->accuracies, g_free);
}

/* SplitMix64: independent-looking seeds for the separate random streams of one seed, so
 * the minibatch order does not depend on how many numbers initialisation drew. */
static unsigned long
derive_seed (guint64 seed,
             guint64 stream)
{
  guint64 z = seed + (stream + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z ^= z >> 31;
  /* gsl_rng_set takes an unsigned long; MT19937 uses 32 bits of it (0 means 4357). */
  return (unsigned long) (z & 0xffffffffu) | 1u;
}

static gsl_rng *
new_rng (guint64 seed,
         guint64 stream)
{
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  gsl_rng_set (rng, derive_seed (seed, stream));
  return rng;
}

/* CPU seconds of the whole process (all threads: BLAS may run several). */
static double
process_cpu_seconds (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return NAN;
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static gboolean
check_config (const AxonTrainConfig *c,
              const AxonDataset     *train,
              GError               **error)
{
  g_autofree char *message = NULL;

  if (c->activation == NULL)
    message = g_strdup (_("no activation given"));
  else if (c->batch_size == 0 || c->batch_size > 1u << 16)
    message = g_strdup_printf (_("batch size %u is out of range (1 to 65536)"), c->batch_size);
  else if (c->n_steps == 0)
    message = g_strdup (_("the number of steps must be at least 1"));
  else if (c->n_bins == 0 || c->n_bins > 1u << 16)
    message = g_strdup_printf (_("%u histogram bins is out of range (1 to 65536)"), c->n_bins);
  else if (!(c->weight_range >= 0) || !isfinite (c->weight_range))
    message = g_strdup_printf (_("weight range %g must be 0 or positive"), c->weight_range);
  else if (!(c->grad_range >= 0) || !isfinite (c->grad_range))
    message = g_strdup_printf (_("gradient range %g must be 0 or positive"), c->grad_range);
  else if (!(c->noise_level >= 0) || !isfinite (c->noise_level))
    message = g_strdup_printf (_("noise level %g must be 0 or positive"), c->noise_level);
  else if (train->n == 0)
    message = g_strdup_printf (_("%s: the training set is empty"), train->name);
  else
    message = axon_optimizer_config_check (&c->optimizer);

  if (message != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
      return FALSE;
    }
  return axon_params_validate (c->activation, &c->params, error);
}

AxonTrainer *
axon_trainer_new (const AxonTrainConfig *config,
                  const AxonDataset     *train,
                  const AxonDataset     *test,
                  GError               **error)
{
  g_autoptr (AxonTrainer) trainer = NULL;
  AxonTrainConfig *c;
  guint batch;

  g_return_val_if_fail (config != NULL && train != NULL, NULL);

  if (!check_config (config, train, error))
    return NULL;

  trainer = g_new0 (AxonTrainer, 1);
  trainer->config = *config;
  c = &trainer->config;
  trainer->train = train;
  trainer->test = test;

  if (c->n_sizes == 0)
    {
      guint defaults[] = { train->dim, 128, 64, train->n_classes };

      c->n_sizes = G_N_ELEMENTS (defaults);
      memcpy (c->sizes, defaults, sizeof defaults);
    }
  if (c->n_sizes >= 2 && c->sizes[0] != train->dim)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the first layer size is %u but %s has images of %u pixels"),
                   c->sizes[0], train->name, train->dim);
      return NULL;
    }
  if (c->n_sizes >= 2 && c->sizes[c->n_sizes - 1] < train->n_classes)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the last layer size is %u but %s has %u classes"),
                   c->sizes[c->n_sizes - 1], train->name, train->n_classes);
      return NULL;
    }
  if (test != NULL && (test->dim != train->dim || test->n_classes > c->sizes[c->n_sizes - 1]))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s: the test set does not match the training set"), test->name);
      return NULL;
    }

  batch = MIN (c->batch_size, train->n);
  c->batch_size = batch;
  trainer->mlp = axon_mlp_new (c->sizes, c->n_sizes, c->activation, &c->params,
                               MAX (batch, EVAL_ROWS), error);
  if (trainer->mlp == NULL)
    return NULL;
  trainer->optimizer = axon_optimizer_new (&c->optimizer, trainer->mlp->n_params);
  trainer->init_rng = new_rng (c->seed, 0);
  trainer->batch_rng = new_rng (c->seed, 1);
  trainer->act_rng = new_rng (c->seed, 2);
  axon_mlp_init_weights (trainer->mlp, c->init, trainer->init_rng);

  trainer->order = g_new (guint, train->n);
  for (guint i = 0; i < train->n; i++)
    trainer->order[i] = i;
  trainer->position = train->n; /* shuffle before the first batch */
  trainer->batch_x = g_new (float, (gsize) batch * train->dim);
  trainer->batch_y = g_new (guint8, batch);
  for (guint l = 0; l < trainer->mlp->n_layers; l++)
    {
      trainer->weights[l] = axon_histogram_new (c->n_bins);
      trainer->gradients[l] = axon_histogram_new (c->n_bins);
      trainer->weight_range[l] = c->weight_range;
      trainer->grad_range[l] = c->grad_range;
    }
  return g_steal_pointer (&trainer);
}

void
axon_trainer_free (AxonTrainer *trainer)
{
  if (trainer == NULL)
    return;
  for (guint l = 0; l < AXON_MLP_MAX_LAYERS; l++)
    {
      g_clear_pointer (&trainer->weights[l], axon_histogram_free);
      g_clear_pointer (&trainer->gradients[l], axon_histogram_free);
    }
  g_clear_pointer (&trainer->mlp, axon_mlp_free);
  g_clear_pointer (&trainer->optimizer, axon_optimizer_free);
  g_clear_pointer (&trainer->init_rng, gsl_rng_free);
  g_clear_pointer (&trainer->batch_rng, gsl_rng_free);
  g_clear_pointer (&trainer->act_rng, gsl_rng_free);
  g_free (trainer->order);
  g_free (trainer->batch_x);
  g_free (trainer->batch_y);
  g_free (trainer);
}

const AxonTrainConfig *
axon_trainer_get_config (AxonTrainer *trainer)
{
  return &trainer->config;
}

AxonMlp *
axon_trainer_get_mlp (AxonTrainer *trainer)
{
  return trainer->mlp;
}

/* The next minibatch: consecutive rows of a permutation, reshuffled (Fisher-Yates) when
 * fewer than a batch remain, like PyTorch's DataLoader (shuffle=True, drop_last=True). */
static void
next_batch (AxonTrainer *trainer)
{
  const AxonDataset *train = trainer->train;
  guint batch = trainer->config.batch_size;

  if (trainer->position + batch > train->n)
    {
      for (guint i = train->n - 1; i > 0; i--)
        {
          guint j = (guint) gsl_rng_uniform_int (trainer->batch_rng, (unsigned long) i + 1);
          guint t = trainer->order[i];

          trainer->order[i] = trainer->order[j];
          trainer->order[j] = t;
        }
      trainer->position = 0;
    }
  for (guint r = 0; r < batch; r++)
    {
      guint i = trainer->order[trainer->position + r];

      memcpy (trainer->batch_x + (gsize) r * train->dim, axon_dataset_image (train, i),
              train->dim * sizeof (float));
      trainer->batch_y[r] = train->labels[i];
    }
  trainer->position += batch;
}

static float
largest_magnitude (const float *v,
                   gsize        n)
{
  float m = 0;

  for (gsize i = 0; i < n; i++)
    if (isfinite (v[i]))
      m = MAX (m, fabsf (v[i]));
  return m;
}

/* The range of a fixed-edge tensor: configured, or fixed now from its first record. */
static double
fixed_range (double      *range,
             const float *v,
             gsize        n)
{
  if (*range <= 0)
    {
      double m = largest_magnitude (v, n) * AUTO_RANGE_FACTOR;

      *range = m > 0 ? m : 1.0;
    }
  return *range;
}

static gboolean
record (AxonTrainer             *trainer,
        guint                    step,
        double                   loss,
        double                   accuracy,
        const AxonTrainObserver *observer,
        gpointer                 user_data,
        GError                 **error)
{
  const AxonTrainConfig *c = &trainer->config;
  AxonMlp *mlp = trainer->mlp;
  gboolean fixed = c->edges == AXON_EDGES_FIXED;
  AxonTrainRecord rec = { 0 };
  gsize zeros = 0, entries = 0;

  rec.step = step;
  rec.wall_time = (double) g_get_real_time () / G_USEC_PER_SEC;
  rec.loss = loss;
  rec.accuracy = accuracy;
  rec.n_layers = mlp->n_layers;
  rec.has_prelu = mlp->learn_prelu;
  for (guint l = 0; l < mlp->n_layers; l++)
    {
      AxonMlpLayer *layer = &mlp->layers[l];
      gsize n = (gsize) layer->n_out * layer->n_in;
      double wr = fixed ? fixed_range (&trainer->weight_range[l], layer->w, n) : 0;
      double gr = fixed ? fixed_range (&trainer->grad_range[l], layer->dw, n) : 0;

      rec.n_nonfinite += axon_tensor_histogram_fill (trainer->weights[l], layer->w, n,
                                                     fixed, -wr, wr);
      rec.n_nonfinite += axon_tensor_histogram_fill (trainer->gradients[l], layer->dw, n,
                                                     fixed, -gr, gr);
      trainer->weights[l]->step = trainer->gradients[l]->step = step;
      trainer->weights[l]->wall_time = trainer->gradients[l]->wall_time = rec.wall_time;
      rec.weights[l] = trainer->weights[l];
      rec.gradients[l] = trainer->gradients[l];
      rec.zero_grad_ratio[l] = layer->n_dz > 0 ? (double) layer->zero_dz / layer->n_dz : 0;
      rec.prelu_weight[l] = layer->prelu != NULL ? *layer->prelu : 0;
      zeros += layer->zero_dz;
      entries += layer->n_dz;
    }
  rec.zero_grad_ratio_all = entries > 0 ? (double) zeros / entries : 0;
  if (observer == NULL || observer->record == NULL)
    return TRUE;
  return observer->record (&rec, user_data, error);
}

static gboolean
accuracy_on (AxonTrainer       *trainer,
             const AxonDataset *data,
             GCancellable      *cancellable,
             double            *accuracy,
             GError           **error)
{
  guint correct = 0;

  for (guint start = 0; start < data->n; start += EVAL_ROWS)
    {
      guint rows = MIN (EVAL_ROWS, data->n - start);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      correct += axon_mlp_count_correct (trainer->mlp, axon_dataset_image (data, start),
                                         data->labels + start, rows);
    }
  *accuracy = data->n > 0 ? (double) correct / data->n : NAN;
  return TRUE;
}

gboolean
axon_trainer_run (AxonTrainer             *trainer,
                  const AxonTrainObserver *observer,
                  gpointer                 user_data,
                  GCancellable            *cancellable,
                  AxonTrainResult         *result,
                  GError                 **error)
{
  const AxonTrainConfig *c;
  AxonMlp *mlp;
  guint64 zeros[AXON_MLP_MAX_LAYERS] = { 0 }, entries[AXON_MLP_MAX_LAYERS] = { 0 };
  guint64 all_zeros = 0, all_entries = 0;
  double start, start_cpu, t_eval;
  guint n_tail;

  g_return_val_if_fail (trainer != NULL && result != NULL, FALSE);
  g_return_val_if_fail (!trainer->ran, FALSE);
  trainer->ran = TRUE;
  c = &trainer->config;
  mlp = trainer->mlp;

  memset (result, 0, sizeof *result);
  result->n_layers = mlp->n_layers;
  result->losses = g_new0 (double, c->n_steps);
  result->accuracies = g_new0 (double, c->n_steps);
  result->test_accuracy = result->noisy_accuracy = NAN;
  result->test_minus_last10 = result->noisy_minus_last10 = NAN;

  start = g_get_monotonic_time () / (double) G_USEC_PER_SEC;
  start_cpu = process_cpu_seconds ();
  for (guint step = 0; step < c->n_steps; step++)
    {
      AxonTrainProgress progress;
      guint correct;
      double loss, accuracy;
      guint64 step_zeros = 0, step_entries = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      next_batch (trainer);
      loss = axon_mlp_train_batch (mlp, trainer->batch_x, trainer->batch_y, c->batch_size,
                                   trainer->act_rng, &correct);
      accuracy = (double) correct / c->batch_size;
      for (guint l = 0; l < mlp->n_layers; l++)
        {
          zeros[l] += mlp->layers[l].zero_dz;
          entries[l] += mlp->layers[l].n_dz;
          step_zeros += mlp->layers[l].zero_dz;
          step_entries += mlp->layers[l].n_dz;
        }
      all_zeros += step_zeros;
      all_entries += step_entries;
      if (!isfinite (loss))
        result->diverged = TRUE;

      if (c->record_every > 0 && (step % c->record_every == 0 || step + 1 == c->n_steps))
        {
          if (!record (trainer, step, loss, accuracy, observer, user_data, error))
            goto out;
          result->n_records++;
        }

      axon_optimizer_step (trainer->optimizer, mlp->params, mlp->grads);

      result->losses[step] = loss;
      result->accuracies[step] = accuracy;
      result->n_steps_done = step + 1;
      result->best_accuracy = MAX (result->best_accuracy, accuracy);
      result->final_loss = loss;

      if (observer != NULL && observer->progress != NULL)
        {
          progress.step = step;
          progress.n_steps = c->n_steps;
          progress.loss = loss;
          progress.accuracy = accuracy;
          progress.zero_grad_ratio = step_entries > 0 ? (double) step_zeros / step_entries : 0;
          observer->progress (&progress, user_data);
        }
    }
out:
  result->train_seconds = g_get_monotonic_time () / (double) G_USEC_PER_SEC - start;
  result->train_cpu_seconds = process_cpu_seconds () - start_cpu;
  n_tail = MIN (10, result->n_steps_done);
  for (guint i = result->n_steps_done - n_tail; i < result->n_steps_done; i++)
    result->last10_accuracy += result->accuracies[i] / n_tail;
  for (guint l = 0; l < mlp->n_layers; l++)
    result->zero_grad_ratio[l] = entries[l] > 0 ? (double) zeros[l] / entries[l] : 0;
  result->zero_grad_ratio_all = all_entries > 0 ? (double) all_zeros / all_entries : 0;
  if (result->n_steps_done < c->n_steps)
    return FALSE;

  t_eval = g_get_monotonic_time () / (double) G_USEC_PER_SEC;
  if (trainer->test != NULL)
    {
      g_autoptr (AxonDataset) noisy = NULL;

      if (!accuracy_on (trainer, trainer->test, cancellable, &result->test_accuracy, error))
        return FALSE;
      /* Level 0 is the clean set itself. */
      if (c->noise_level == 0)
        result->noisy_accuracy = result->test_accuracy;
      else
        {
          noisy = axon_dataset_new_noisy (trainer->test, c->noise_level, c->noise_seed);
          if (!accuracy_on (trainer, noisy, cancellable, &result->noisy_accuracy, error))
            return FALSE;
        }
      result->test_minus_last10 = result->test_accuracy - result->last10_accuracy;
      result->noisy_minus_last10 = result->noisy_accuracy - result->last10_accuracy;
    }
  result->eval_seconds = g_get_monotonic_time () / (double) G_USEC_PER_SEC - t_eval;
  return TRUE;
}
