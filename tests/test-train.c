/* test-train.c: the MLP trainer: gradients, optimisers, recording, reproducibility. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include <gsl/gsl_randist.h>

#include "axon-dataset.h"
#include "axon-mlp.h"
#include "axon-optimizer.h"
#include "axon-registry.h"
#include "axon-run.h"
#include "axon-tensor-histogram.h"
#include "axon-trainer.h"

/* The embedded MNIST, loaded once for the whole program. */
static AxonDataset *mnist_train;
static AxonDataset *mnist_test;

static const AxonActivation *
activation (const char *name)
{
  const AxonActivation *act = axon_activation_lookup (name, NULL, NULL);

  if (act == NULL)
    g_error ("no activation called %s", name);
  return act;
}

/* Gradient check ---------------------------------------------------------------------- */

/* Tolerance of the gradient check: the analytic gradient is float32 (rounding ~1e-7
 * relative per operation, a few dozen operations deep), the numerical one a central
 * difference of the float64 loss with step 1e-6 (truncation ~1e-12, rounding ~1e-10).
 * |analytic - numerical| <= GRAD_ATOL + GRAD_RTOL * |numerical|. */
#define GRAD_ATOL 1e-6
#define GRAD_RTOL 2e-4
#define GRAD_STEP 1e-6

typedef struct
{
  const char *name;
  const char *param; /* "key=value" or NULL */
} GradCase;

static const GradCase grad_cases[] = {
  { "relu", NULL },
  { "gelu", NULL },
  { "tanh", NULL },
  { "prelu", "weight=0.3" },
  { "softplus", "beta=2" },
  { "elu", "alpha=0.7" },
  { "sigmoid", NULL },
  { "swish", NULL },
};

static void
test_gradient_check (gconstpointer data)
{
  const GradCase *c = data;
  const AxonActivation *act = activation (c->name);
  const guint sizes[] = { 7, 6, 5, 4 };
  const guint n = 5;
  AxonParams p;
  g_autoptr (GError) error = NULL;
  AxonMlp *mlp;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  float x[5 * 7];
  guint8 labels[5] = { 0, 3, 1, 2, 3 };
  g_autofree float *analytic = NULL;
  double worst_abs = 0, worst_rel = 0;
  gsize n_nonzero = 0;

  axon_params_init_default (act, &p);
  if (c->param != NULL)
    g_assert_true (axon_params_assign (act, &p, 0, c->param, &error));
  g_assert_no_error (error);
  mlp = axon_mlp_new (sizes, G_N_ELEMENTS (sizes), act, &p, n, &error);
  g_assert_no_error (error);
  gsl_rng_set (rng, 42);
  axon_mlp_init_weights (mlp, AXON_INIT_HE, rng);
  /* Non-zero biases and inputs on both sides of 0, so every path carries gradient. */
  for (guint l = 0; l < mlp->n_layers; l++)
    for (guint o = 0; o < mlp->layers[l].n_out; o++)
      mlp->layers[l].b[o] = (float) (gsl_rng_uniform (rng) - 0.5);
  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    x[i] = (float) (2 * gsl_rng_uniform (rng) - 1);

  axon_mlp_train_batch (mlp, x, labels, n, NULL, NULL);
  analytic = g_memdup2 (mlp->grads, mlp->n_params * sizeof (float));
  for (gsize i = 0; i < mlp->n_params; i++)
    {
      double up = axon_mlp_loss_f64 (mlp, x, labels, n, i, GRAD_STEP);
      double down = axon_mlp_loss_f64 (mlp, x, labels, n, i, -GRAD_STEP);
      double numerical = (up - down) / (2 * GRAD_STEP);
      double excess = fabs (analytic[i] - numerical) - GRAD_RTOL * fabs (numerical);

      n_nonzero += fabs (numerical) > 1e-4;
      worst_abs = MAX (worst_abs, fabs (analytic[i] - numerical));
      if (fabs (numerical) > 1e-4)
        worst_rel = MAX (worst_rel, fabs (analytic[i] - numerical) / fabs (numerical));
      if (excess > GRAD_ATOL)
        g_error ("%s: d loss / d params[%zu]: analytic %.9g, numerical %.9g (tolerance %g "
                 "+ %g relative)", c->name, i, analytic[i], numerical, GRAD_ATOL, GRAD_RTOL);
    }
  g_test_message ("%s: %zu parameters (%zu with |gradient| > 1e-4), largest difference "
                  "%.3g absolute, %.3g relative", c->name, mlp->n_params, n_nonzero, worst_abs,
                  worst_rel);
  /* A check that compared zeros with zeros would prove nothing. */
  g_assert_cmpuint (n_nonzero, >, mlp->n_params / 2);
  if (mlp->learn_prelu)
    for (guint l = 0; l + 1 < mlp->n_layers; l++)
      g_assert_cmpfloat (fabsf (*mlp->layers[l].dprelu), >, 1e-4);
  axon_mlp_free (mlp);
  gsl_rng_free (rng);
}

/* The float32 loss agrees with the float64 reference, for every activation that trains. */
static void
test_loss_matches_f64 (void)
{
  const char *names[] = { "relu", "leaky_relu", "hard_tanh", "selu", "mish", "sin" };
  const guint sizes[] = { 4, 8, 3 };
  float x[6 * 4];
  guint8 labels[6] = { 0, 1, 2, 2, 1, 0 };
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  for (guint i = 0; i < G_N_ELEMENTS (x); i++)
    x[i] = (float) (4 * gsl_rng_uniform (rng) - 2);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      const AxonActivation *act = activation (names[k]);
      AxonParams p;
      AxonMlp *mlp;
      double loss32, loss64;

      axon_params_init_default (act, &p);
      mlp = axon_mlp_new (sizes, 3, act, &p, 6, NULL);
      axon_mlp_init_weights (mlp, AXON_INIT_GLOROT, rng);
      loss32 = axon_mlp_train_batch (mlp, x, labels, 6, NULL, NULL);
      loss64 = axon_mlp_loss_f64 (mlp, x, labels, 6, G_MAXSIZE, 0);
      if (!(fabs (loss32 - loss64) <= 1e-5 * fabs (loss64)))
        g_error ("%s: float32 loss %.9g, float64 loss %.9g", names[k], loss32, loss64);
      axon_mlp_free (mlp);
    }
  gsl_rng_free (rng);
}

/* A stable softmax: huge logits give a finite loss and gradient. */
static void
test_stable_softmax (void)
{
  const AxonActivation *act = activation ("identity");
  const guint sizes[] = { 1, 3 };
  AxonParams p = { { 0 } };
  AxonMlp *mlp = axon_mlp_new (sizes, 2, act, &p, 1, NULL);
  float x[1] = { 1.0f };
  guint8 label[1] = { 1 };
  guint correct;
  double loss;

  mlp->layers[0].w[0] = 1000.0f;
  mlp->layers[0].w[1] = 990.0f;
  mlp->layers[0].w[2] = -1000.0f;
  loss = axon_mlp_train_batch (mlp, x, label, 1, NULL, &correct);
  g_assert_cmpfloat_with_epsilon (loss, 10.0, 1e-4);
  g_assert_cmpuint (correct, ==, 0);
  for (gsize i = 0; i < mlp->n_params; i++)
    g_assert_true (isfinite (mlp->grads[i]));
  axon_mlp_free (mlp);
}

/* RReLU: random slopes within [lower, upper] in training, the mean slope in evaluation. */
static void
test_rrelu_modes (void)
{
  const AxonActivation *act = activation ("rrelu");
  const guint sizes[] = { 1, 200, 2 };
  AxonParams p;
  AxonMlp *mlp;
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  float x[1] = { 1.0f };
  double lower, upper, lo = INFINITY, hi = -INFINITY;

  axon_params_init_default (act, &p);
  lower = p.v[0];
  upper = p.v[1];
  mlp = axon_mlp_new (sizes, 3, act, &p, 1, NULL);
  for (guint o = 0; o < 200; o++)
    mlp->layers[0].w[o] = -1.0f - o * 0.01f;

  axon_mlp_forward (mlp, x, 1, TRUE, rng);
  for (guint o = 0; o < 200; o++)
    {
      double slope = mlp->layers[0].a[o] / mlp->layers[0].z[o];

      lo = MIN (lo, slope);
      hi = MAX (hi, slope);
    }
  g_assert_cmpfloat (lo, >=, lower - 1e-6);
  g_assert_cmpfloat (hi, <=, upper + 1e-6);
  g_assert_cmpfloat (hi - lo, >, 0.5 * (upper - lower));

  axon_mlp_forward (mlp, x, 1, FALSE, NULL);
  for (guint o = 0; o < 200; o++)
    g_assert_cmpfloat_with_epsilon (mlp->layers[0].a[o] / mlp->layers[0].z[o],
                                    (lower + upper) / 2, 1e-6);
  axon_mlp_free (mlp);
  gsl_rng_free (rng);
}

/* Optimisers --------------------------------------------------------------------------- */

static void
test_optimizers (void)
{
  AxonOptimizerConfig config;
  g_autoptr (AxonOptimizer) sgd = NULL;
  g_autoptr (AxonOptimizer) adam = NULL;
  float p[2] = { 1.0f, -2.0f };
  const float g[2] = { 0.5f, -0.25f };

  axon_optimizer_config_init (&config, AXON_OPTIMIZER_SGD);
  config.learning_rate = 0.1;
  config.momentum = 0.9;
  sgd = axon_optimizer_new (&config, 2);
  axon_optimizer_step (sgd, p, g);
  /* v1 = g: p1 = p0 - lr g */
  g_assert_cmpfloat_with_epsilon (p[0], 1.0 - 0.05, 1e-6);
  axon_optimizer_step (sgd, p, g);
  /* v2 = 0.9 g + g */
  g_assert_cmpfloat_with_epsilon (p[0], 1.0 - 0.05 - 0.1 * 1.9 * 0.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (p[1], -2.0 + 0.025 + 0.1 * 1.9 * 0.25, 1e-6);

  p[0] = 1.0f;
  p[1] = -2.0f;
  axon_optimizer_config_init (&config, AXON_OPTIMIZER_ADAM);
  g_assert_cmpfloat (config.learning_rate, ==, 1e-3);
  adam = axon_optimizer_new (&config, 2);
  axon_optimizer_step (adam, p, g);
  /* First Adam step: m^ = g, s^ = g^2, so each parameter moves by lr against sign (g). */
  g_assert_cmpfloat_with_epsilon (p[0], 1.0 - 1e-3, 1e-6);
  g_assert_cmpfloat_with_epsilon (p[1], -2.0 + 1e-3, 1e-6);
  axon_optimizer_step (adam, p, g);
  g_assert_cmpfloat_with_epsilon (p[0], 1.0 - 2e-3, 1e-6);
}

/* Tensor histograms ------------------------------------------------------------------- */

static void
test_tensor_histogram (void)
{
  const float v[] = { 0, 0, 1, 2, 3, NAN, 3, -INFINITY };
  g_autoptr (AxonHistogram) h = axon_histogram_new (4);
  size_t skipped;

  skipped = axon_tensor_histogram_fill (h, v, G_N_ELEMENTS (v), FALSE, 0, 0);
  g_assert_cmpuint (skipped, ==, 2);
  g_assert_cmpfloat (h->edges[0], ==, 0);
  g_assert_cmpfloat (h->edges[4], ==, 3);
  g_assert_cmpfloat (h->counts[0], ==, 2); /* [0, 0.75) */
  g_assert_cmpfloat (h->counts[1], ==, 1); /* [0.75, 1.5) */
  g_assert_cmpfloat (h->counts[2], ==, 1); /* [1.5, 2.25) */
  g_assert_cmpfloat (h->counts[3], ==, 2); /* [2.25, 3], the maximum included */
  g_assert_cmpfloat (h->num, ==, 6);
  g_assert_cmpfloat (h->min, ==, 0);
  g_assert_cmpfloat (h->max, ==, 3);
  g_assert_cmpfloat (h->sum, ==, 9);
  g_assert_cmpfloat (h->sum_squares, ==, 23);
  g_assert_cmpfloat (h->zero_count, ==, 2);

  /* Fixed edges: out-of-range values land in the outer bins, nothing is dropped. */
  axon_tensor_histogram_fill (h, v, G_N_ELEMENTS (v), TRUE, -1, 1);
  g_assert_cmpfloat (h->edges[0], ==, -1);
  g_assert_cmpfloat (h->edges[2], ==, 0);
  g_assert_cmpfloat (h->counts[0], ==, 0);
  g_assert_cmpfloat (h->counts[2], ==, 2);
  g_assert_cmpfloat (h->counts[3], ==, 4);
  g_assert_cmpfloat (axon_histogram_total (h), ==, 6);
  g_assert_cmpfloat (h->max, ==, 3);

  /* A constant tensor gets a bin range around its value. */
  axon_tensor_histogram_fill (h, v, 2, FALSE, 0, 0);
  g_assert_cmpfloat (h->edges[0], ==, -0.5);
  g_assert_cmpfloat (h->edges[4], ==, 0.5);
  g_assert_cmpfloat (h->counts[2], ==, 2);
}

/* The vectorised all-finite path and the careful one (taken when a NaN is present) agree:
 * same edges, same counts, zeros and extremes; sums to float rounding. */
static void
test_tensor_histogram_paths (void)
{
  const size_t n = 1000 + 37; /* blocks, chunks and a tail */
  g_autofree float *v = g_new (float, n + 1);
  g_autoptr (AxonHistogram) fast = axon_histogram_new (64);
  g_autoptr (AxonHistogram) careful = axon_histogram_new (64);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);

  for (size_t i = 0; i < n; i++)
    v[i] = i % 7 == 0 ? 0.0f : (float) gsl_ran_gaussian_ziggurat (rng, 0.1);
  v[n] = NAN;
  g_assert_cmpuint (axon_tensor_histogram_fill (fast, v, n, FALSE, 0, 0), ==, 0);
  g_assert_cmpuint (axon_tensor_histogram_fill (careful, v, n + 1, FALSE, 0, 0), ==, 1);
  g_assert_cmpmem (fast->edges, 65 * sizeof (double), careful->edges, 65 * sizeof (double));
  g_assert_cmpmem (fast->counts, 64 * sizeof (double), careful->counts, 64 * sizeof (double));
  g_assert_cmpfloat (fast->min, ==, careful->min);
  g_assert_cmpfloat (fast->max, ==, careful->max);
  g_assert_cmpfloat (fast->num, ==, (double) n);
  g_assert_cmpfloat (fast->zero_count, ==, careful->zero_count);
  g_assert_cmpfloat (fast->zero_count, >=, (double) (n / 7));
  /* sqrt (n sum_squares) bounds the sum of magnitudes. */
  g_assert_cmpfloat (fabs (fast->sum - careful->sum), <=,
                     1e-6 * sqrt (n * careful->sum_squares));
  g_assert_cmpfloat (fabs (fast->sum_squares - careful->sum_squares), <=,
                     1e-6 * careful->sum_squares);
  /* The counts are right, not just equal: the extremes' bins are occupied. */
  g_assert_cmpfloat (fast->counts[0], >=, 1);
  g_assert_cmpfloat (fast->counts[63], >=, 1);
  g_assert_cmpfloat (axon_histogram_total (fast), ==, (double) n);
  gsl_rng_free (rng);
}

/* Training ------------------------------------------------------------------------------ */

static void
small_config (AxonTrainConfig *config,
              const char      *name,
              guint            n_steps,
              guint64          seed)
{
  axon_train_config_init (config, activation (name));
  config->n_sizes = 3;
  config->sizes[0] = 784;
  config->sizes[1] = 32;
  config->sizes[2] = 10;
  config->n_steps = n_steps;
  config->batch_size = 32;
  config->record_every = 0;
  config->seed = seed;
  /* The noisy test set costs more than these short runs; test_learns turns it back on. */
  config->noise_level = 0;
}

static void
run_ok (const AxonTrainConfig *config,
        AxonTrainer          **trainer_out,
        AxonTrainResult       *result)
{
  g_autoptr (GError) error = NULL;
  AxonTrainer *trainer = axon_trainer_new (config, mnist_train, mnist_test, &error);

  g_assert_no_error (error);
  g_assert_true (axon_trainer_run (trainer, NULL, NULL, NULL, result, &error));
  g_assert_no_error (error);
  *trainer_out = trainer;
}

static void
test_reproducible (void)
{
  AxonTrainConfig config;
  AxonTrainResult a, b, c;
  g_autoptr (AxonTrainer) ta = NULL;
  g_autoptr (AxonTrainer) tb = NULL;
  g_autoptr (AxonTrainer) tc = NULL;
  AxonMlp *ma, *mb, *mc;
  const char *names[] = { "relu", "rrelu" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      small_config (&config, names[k], 30, 5);
      run_ok (&config, &ta, &a);
      run_ok (&config, &tb, &b);
      config.seed = 6;
      run_ok (&config, &tc, &c);
      ma = axon_trainer_get_mlp (ta);
      mb = axon_trainer_get_mlp (tb);
      mc = axon_trainer_get_mlp (tc);

      g_assert_cmpmem (a.losses, 30 * sizeof (double), b.losses, 30 * sizeof (double));
      g_assert_cmpmem (ma->params, ma->n_params * sizeof (float), mb->params,
                       mb->n_params * sizeof (float));
      g_assert_cmpfloat (a.test_accuracy, ==, b.test_accuracy);
      g_assert_cmpfloat (a.noisy_accuracy, ==, b.noisy_accuracy);
      g_assert_true (memcmp (a.losses, c.losses, 30 * sizeof (double)) != 0);
      g_assert_true (memcmp (ma->params, mc->params, ma->n_params * sizeof (float)) != 0);

      axon_train_result_clear (&a);
      axon_train_result_clear (&b);
      axon_train_result_clear (&c);
      g_clear_pointer (&ta, axon_trainer_free);
      g_clear_pointer (&tb, axon_trainer_free);
      g_clear_pointer (&tc, axon_trainer_free);
    }
}

typedef struct
{
  const char *name;
  AxonOptimizerKind optimizer;
  double min_accuracy;
} LearnCase;

static const LearnCase learn_cases[] = {
  { "relu", AXON_OPTIMIZER_SGD, 0.75 },
  { "tanh", AXON_OPTIMIZER_ADAM, 0.75 },
  { "prelu", AXON_OPTIMIZER_SGD, 0.75 },
};

/* 200 minibatches reach far better than chance (10%) on the held-out digits. */
static void
test_learns (gconstpointer data)
{
  const LearnCase *c = data;
  AxonTrainConfig config;
  AxonTrainResult result;
  g_autoptr (AxonTrainer) trainer = NULL;
  AxonMlp *mlp;

  small_config (&config, c->name, 200, 1);
  config.noise_level = 0.3;
  axon_optimizer_config_init (&config.optimizer, c->optimizer);
  run_ok (&config, &trainer, &result);
  mlp = axon_trainer_get_mlp (trainer);
  g_test_message ("%s: loss %g -> %g, last-10 %.3f, test %.3f, noisy %.3f", c->name,
                  result.losses[0], result.final_loss, result.last10_accuracy,
                  result.test_accuracy, result.noisy_accuracy);
  g_assert_cmpuint (result.n_steps_done, ==, 200);
  g_assert_false (result.diverged);
  g_assert_cmpfloat (result.final_loss, <, result.losses[0] / 3);
  g_assert_cmpfloat (result.test_accuracy, >, c->min_accuracy);
  g_assert_cmpfloat (result.noisy_accuracy, >, 0.3);
  g_assert_cmpfloat (result.best_accuracy, >=, result.last10_accuracy);
  g_assert_cmpfloat_with_epsilon (result.test_minus_last10,
                                  result.test_accuracy - result.last10_accuracy, 1e-12);
  g_assert_cmpfloat_with_epsilon (result.noisy_minus_last10,
                                  result.noisy_accuracy - result.last10_accuracy, 1e-12);
  if (mlp->learn_prelu)
    g_assert_cmpfloat (*mlp->layers[0].prelu, !=, 0.25f);
  axon_train_result_clear (&result);
}

typedef struct
{
  const char *name;
  double min_hidden; /* bounds on the hidden layer's zero-gradient ratio */
  double max_hidden;
} ZeroCase;

static const ZeroCase zero_cases[] = {
  { "relu", 0.2, 0.95 },
  { "hardshrink", 0.2, 1.0 },
  { "gelu", 0.0, 1e-3 },
  { "tanh", 0.0, 1e-3 },
};

static void
test_zero_grad_ratio (gconstpointer data)
{
  const ZeroCase *c = data;
  AxonTrainConfig config;
  AxonTrainResult result;
  g_autoptr (AxonTrainer) trainer = NULL;

  small_config (&config, c->name, 20, 3);
  run_ok (&config, &trainer, &result);
  g_test_message ("%s: zero-gradient ratio %.4f hidden, %.4f output, %.4f all", c->name,
                  result.zero_grad_ratio[0], result.zero_grad_ratio[1],
                  result.zero_grad_ratio_all);
  g_assert_cmpfloat (result.zero_grad_ratio[0], >=, c->min_hidden);
  g_assert_cmpfloat (result.zero_grad_ratio[0], <=, c->max_hidden);
  g_assert_cmpfloat (result.zero_grad_ratio[1], <, 1e-3);
  g_assert_cmpfloat (result.zero_grad_ratio_all, <=, result.zero_grad_ratio[0]);
  axon_train_result_clear (&result);
}

typedef struct
{
  GArray *steps;
  guint n_layers;
  gsize weights[AXON_MLP_MAX_LAYERS];
  gboolean fixed;
  GPtrArray *first_edges; /* per layer, weights then gradients */
  guint fail_at;          /* step at which record fails, G_MAXUINT for never */
  guint progress_calls;
  GCancellable *cancel;
  guint cancel_after;
} RecordCheck;

static void
check_histogram (const AxonHistogram *h,
                 guint                step,
                 gsize                n)
{
  double total = 0;

  g_assert_cmpint (h->step, ==, step);
  g_assert_cmpuint (h->n_bins, ==, 16);
  g_assert_cmpfloat (h->num, ==, (double) n);
  for (size_t b = 0; b < h->n_bins; b++)
    {
      g_assert_cmpfloat (h->edges[b], <, h->edges[b + 1]);
      total += h->counts[b];
    }
  g_assert_cmpfloat (total, ==, (double) n);
  g_assert_cmpfloat (h->min, <=, h->max);
  g_assert_cmpfloat (h->zero_count, >=, 0);
  g_assert_cmpfloat (h->zero_count, <=, (double) n);
  g_assert_cmpfloat (h->sum_squares, >=, 0);
}

static gboolean
on_record (const AxonTrainRecord *record,
           gpointer               user_data,
           GError               **error)
{
  RecordCheck *check = user_data;

  g_array_append_val (check->steps, record->step);
  g_assert_cmpuint (record->n_layers, ==, check->n_layers);
  for (guint l = 0; l < record->n_layers; l++)
    {
      check_histogram (record->weights[l], record->step, check->weights[l]);
      check_histogram (record->gradients[l], record->step, check->weights[l]);
      g_assert_cmpfloat (record->zero_grad_ratio[l], >=, 0);
      g_assert_cmpfloat (record->zero_grad_ratio[l], <=, 1);
      if (check->fixed)
        {
          const AxonHistogram *hs[2] = { record->weights[l], record->gradients[l] };

          for (guint k = 0; k < 2; k++)
            {
              if (check->first_edges->len < 2 * check->n_layers)
                g_ptr_array_add (check->first_edges, axon_histogram_copy (hs[k]));
              else
                {
                  const AxonHistogram *first = g_ptr_array_index (check->first_edges,
                                                                  2 * l + k);

                  g_assert_cmpmem (first->edges, 17 * sizeof (double), hs[k]->edges,
                                   17 * sizeof (double));
                }
            }
        }
    }
  g_assert_true (isfinite (record->loss));
  if (record->step == check->fail_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full at step %u",
                   record->step);
      return FALSE;
    }
  return TRUE;
}

static void
on_progress (const AxonTrainProgress *progress,
             gpointer                 user_data)
{
  RecordCheck *check = user_data;

  g_assert_cmpuint (progress->step, ==, check->progress_calls);
  check->progress_calls++;
  if (check->cancel != NULL && progress->step == check->cancel_after)
    g_cancellable_cancel (check->cancel);
}

static void
record_check_init (RecordCheck           *check,
                   const AxonTrainConfig *config)
{
  memset (check, 0, sizeof *check);
  check->steps = g_array_new (FALSE, FALSE, sizeof (guint));
  check->first_edges = g_ptr_array_new_with_free_func ((GDestroyNotify) axon_histogram_free);
  check->n_layers = config->n_sizes - 1;
  for (guint l = 0; l < check->n_layers; l++)
    check->weights[l] = (gsize) config->sizes[l] * config->sizes[l + 1];
  check->fixed = config->edges == AXON_EDGES_FIXED;
  check->fail_at = G_MAXUINT;
}

static void
record_check_clear (RecordCheck *check)
{
  g_array_unref (check->steps);
  g_ptr_array_unref (check->first_edges);
  g_clear_object (&check->cancel);
}

static void
test_recording (gconstpointer data)
{
  AxonEdges edges = GPOINTER_TO_INT (data);
  const AxonTrainObserver observer = { on_progress, on_record };
  const guint expected[] = { 0, 10, 20, 24 };
  AxonTrainConfig config;
  AxonTrainResult result;
  RecordCheck check;
  g_autoptr (AxonTrainer) trainer = NULL;
  g_autoptr (GError) error = NULL;

  small_config (&config, "relu", 25, 2);
  config.n_sizes = 4;
  config.sizes[2] = 16;
  config.sizes[3] = 10;
  config.record_every = 10;
  config.n_bins = 16;
  config.edges = edges;
  record_check_init (&check, &config);
  trainer = axon_trainer_new (&config, mnist_train, mnist_test, &error);
  g_assert_no_error (error);
  g_assert_true (axon_trainer_run (trainer, &observer, &check, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.progress_calls, ==, 25);
  g_assert_cmpuint (result.n_records, ==, G_N_ELEMENTS (expected));
  g_assert_cmpmem (check.steps->data, check.steps->len * sizeof (guint), expected,
                   sizeof expected);
  axon_train_result_clear (&result);
  record_check_clear (&check);
}

/* A cancel stops before the next minibatch; a record that fails stops the run. */
static void
test_stop (void)
{
  const AxonTrainObserver observer = { on_progress, on_record };
  AxonTrainConfig config;
  AxonTrainResult result;
  RecordCheck check;
  g_autoptr (AxonTrainer) trainer = NULL;
  g_autoptr (AxonTrainer) trainer2 = NULL;
  g_autoptr (GError) error = NULL;

  small_config (&config, "relu", 1000, 2);
  config.record_every = 5;
  config.n_bins = 16;
  record_check_init (&check, &config);
  check.cancel = g_cancellable_new ();
  check.cancel_after = 7;
  trainer = axon_trainer_new (&config, mnist_train, mnist_test, &error);
  g_assert_false (axon_trainer_run (trainer, &observer, &check, check.cancel, &result,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (result.n_steps_done, ==, 8);
  g_assert_cmpuint (check.progress_calls, ==, 8);
  g_assert_true (isnan (result.test_accuracy));
  axon_train_result_clear (&result);
  record_check_clear (&check);
  g_clear_error (&error);

  record_check_init (&check, &config);
  check.fail_at = 15;
  trainer2 = axon_trainer_new (&config, mnist_train, mnist_test, &error);
  g_assert_false (axon_trainer_run (trainer2, &observer, &check, NULL, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (result.n_steps_done, ==, 15);
  g_assert_cmpuint (check.steps->len, ==, 4);
  axon_train_result_clear (&result);
  record_check_clear (&check);
}

typedef struct
{
  const char *name;
  guint n_sizes;
  guint sizes[4];
  const char *phrase;
} BadConfigCase;

static const BadConfigCase bad_configs[] = {
  { "first-size", 3, { 100, 16, 10 }, "first layer size is 100" },
  { "last-size", 3, { 784, 16, 5 }, "last layer size is 5" },
  { "one-size", 1, { 784 }, "1 layer sizes" },
  { "zero-size", 3, { 784, 0, 10 }, "layer size 0" },
};

static void
test_bad_config (gconstpointer data)
{
  const BadConfigCase *c = data;
  AxonTrainConfig config;
  g_autoptr (GError) error = NULL;
  AxonTrainer *trainer;

  small_config (&config, "relu", 10, 1);
  config.n_sizes = c->n_sizes;
  memcpy (config.sizes, c->sizes, sizeof c->sizes);
  trainer = axon_trainer_new (&config, mnist_train, mnist_test, &error);
  g_assert_null (trainer);
  g_assert_nonnull (error);
  if (strstr (error->message, c->phrase) == NULL)
    g_error ("%s: message “%s” lacks “%s”", c->name, error->message, c->phrase);
}

/* The command line ------------------------------------------------------------------------ */

/* Runs `axon ARGS…`; returns the exit status, stdout and stderr. */
static int
run_axon (const char *const *args,
          char              **out,
          char              **err)
{
  const char *binary = g_getenv ("AXON_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status;

  if (binary == NULL)
    {
      g_test_skip ("AXON_BINARY is not set");
      return -1;
    }
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_tiny_run (void)
{
  g_autoptr (GError) error = NULL;
  /* Not ASCII: the JSON must carry the path as UTF-8, not g_strescape's octal. */
  g_autofree char *dir = g_dir_make_tmp ("axon-test-train-\xc3\xbc-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *event_file = NULL;
  const char *args[] = { "train", "--act", "leaky-relu", "-p", "alpha=0.1", "--steps", "20",
                         "--layers", "784,16,10", "--record-every", "5", "--bins", "8",
                         "--seed", "3", "--json", "--quiet", "--out", dir, NULL };
  g_autoptr (AxonRun) run = NULL;
  const AxonHistogram *const *hists;
  size_t n_hists;
  int status;

  g_assert_no_error (error);
  status = run_axon (args, &out, &err);
  if (status < 0)
    return;
  if (status != 0)
    g_error ("axon train failed (%d): %s", status, err);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "\"activation\": \"leaky_relu\""));
  g_assert_nonnull (strstr (out, "\"params\": \"alpha=0.1\""));
  g_assert_nonnull (strstr (out, "\"steps\": 20"));
  g_assert_nonnull (strstr (out, "\"records\": 5"));
  event_file = g_strdup_printf ("\"event_file\": \"%s/events.out.tfevents.", dir);
  g_assert_nonnull (strstr (out, event_file));

  /* Steps 0, 5, 10, 15 and the last, 19; every histogram counts all 784 x 16 weights. */
  run = axon_run_load (dir, &error);
  g_assert_no_error (error);
  hists = axon_run_get_histograms (run, "weights/fc1.weight", &n_hists);
  g_assert_cmpuint (n_hists, ==, 5);
  g_assert_cmpint (hists[4]->step, ==, 19);
  for (size_t i = 0; i < n_hists; i++)
    {
      g_assert_cmpuint (hists[i]->n_bins, ==, 8);
      g_assert_cmpfloat (axon_histogram_total (hists[i]), ==, 784 * 16);
    }
  hists = axon_run_get_histograms (run, "gradients/fc2.weight", &n_hists);
  g_assert_cmpuint (n_hists, ==, 5);
  g_assert_cmpfloat (axon_histogram_total (hists[0]), ==, 16 * 10);
  g_assert_true (axon_run_has_tag (run, "train/loss"));
  g_assert_true (axon_run_has_tag (run, "fc1/zero_grad_ratio"));
  g_assert_true (axon_run_has_tag (run, "test/noisy_accuracy"));

  {
    g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
    const char *entry;

    while ((entry = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, entry, NULL);

        g_remove (path);
      }
    g_rmdir (dir);
  }
}

typedef struct
{
  const char *name;
  const char *args[8];
  const char *phrase; /* in the one-line message */
} CliErrorCase;

static const CliErrorCase cli_errors[] = {
  { "unknown-act", { "--act", "relux" }, "relux" },
  { "unknown-param", { "--act", "elu", "-p", "beta=2" }, "beta" },
  { "bad-param-value", { "--act", "elu", "-p", "alpha=nope" }, "nope" },
  { "bad-data-dir", { "--data", "/nonexistent/axon-data" }, "/nonexistent/axon-data" },
  { "bad-layers", { "--layers", "784,x,10" }, "784,x,10" },
  { "layers-mismatch", { "--layers", "100,10" }, "100" },
  { "bad-optimizer", { "--optimizer", "rmsprop" }, "rmsprop" },
  { "bad-steps", { "--steps", "0" }, "--steps" },
};

static void
test_cli_error (gconstpointer data)
{
  const CliErrorCase *c = data;
  const char *args[12] = { "train", "--quiet", "--steps", "2" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n = 4;
  int status;

  for (guint i = 0; c->args[i] != NULL; i++)
    args[n++] = c->args[i];
  status = run_axon (args, &out, &err);
  if (status < 0)
    return;
  g_assert_cmpint (status, ==, 2);
  g_assert_true (g_str_has_prefix (err, "axon: train: "));
  /* Exactly one line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  if (strstr (err, c->phrase) == NULL)
    g_error ("%s: “%s” should mention “%s”", c->name, err, c->phrase);
}

/* A malformed file in the data directory: exit 2, one line naming the file. */
static void
test_cli_malformed_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axon-test-train-XXXXXX", &error);
  const char *names[] = { "train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                          "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte" };
  const char *args[] = { "train", "--quiet", "--data", dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_file_set_contents (path, "\x12\x34\x08\x01\x00\x00\x00\x00", 8, &error);
      g_assert_no_error (error);
    }
  status = run_axon (args, &out, &err);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
  if (status < 0)
    return;
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "train-images-idx3-ubyte"));
  g_assert_nonnull (strstr (err, "bad magic"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!axon_dataset_load_default (&mnist_train, &mnist_test, &error))
    g_error ("embedded MNIST: %s", error->message);

  for (guint i = 0; i < G_N_ELEMENTS (grad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/train/gradient-check/%s",
                                               grad_cases[i].name);

      g_test_add_data_func (path, &grad_cases[i], test_gradient_check);
    }
  g_test_add_func ("/axon/train/loss-f32-vs-f64", test_loss_matches_f64);
  g_test_add_func ("/axon/train/stable-softmax", test_stable_softmax);
  g_test_add_func ("/axon/train/rrelu-modes", test_rrelu_modes);
  g_test_add_func ("/axon/train/optimizers", test_optimizers);
  g_test_add_func ("/axon/train/tensor-histogram", test_tensor_histogram);
  g_test_add_func ("/axon/train/tensor-histogram-paths", test_tensor_histogram_paths);
  g_test_add_func ("/axon/train/reproducible", test_reproducible);
  for (guint i = 0; i < G_N_ELEMENTS (learn_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/train/learns/%s", learn_cases[i].name);

      g_test_add_data_func (path, &learn_cases[i], test_learns);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zero_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/train/zero-grad-ratio/%s",
                                               zero_cases[i].name);

      g_test_add_data_func (path, &zero_cases[i], test_zero_grad_ratio);
    }
  g_test_add_data_func ("/axon/train/recording/per-step", GINT_TO_POINTER (AXON_EDGES_PER_STEP),
                        test_recording);
  g_test_add_data_func ("/axon/train/recording/fixed", GINT_TO_POINTER (AXON_EDGES_FIXED),
                        test_recording);
  g_test_add_func ("/axon/train/stop", test_stop);
  for (guint i = 0; i < G_N_ELEMENTS (bad_configs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/train/bad-config/%s",
                                               bad_configs[i].name);

      g_test_add_data_func (path, &bad_configs[i], test_bad_config);
    }

  g_test_add_func ("/axon/train/cli/tiny-run", test_cli_tiny_run);
  g_test_add_func ("/axon/train/cli/malformed-data", test_cli_malformed_data);
  for (guint i = 0; i < G_N_ELEMENTS (cli_errors); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/train/cli/error/%s", cli_errors[i].name);

      g_test_add_data_func (path, &cli_errors[i], test_cli_error);
    }

  status = g_test_run ();
  axon_dataset_free (mnist_train);
  axon_dataset_free (mnist_test);
  return status;
}
