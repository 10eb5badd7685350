/* axon-mlp.h: a multilayer perceptron in float32, its forward and backward passes.
 *
 * Fully connected layers with one catalogue activation after every hidden layer and
 * softmax cross-entropy on the logits of the last. Weights are stored as PyTorch's
 * nn.Linear does (n_out x n_in, row-major) and every product goes through CBLAS
 * (cblas_sgemm, OpenBLAS). All parameters live in one flat array (params) and their
 * gradients in another of the same layout (grads), so an optimiser is one loop.
 *
 * Activations come from the descriptor table: the row's f32 kernel forward and its df32
 * kernel backward, with the row's parameters. Two are special, as in PyTorch:
 *  - prelu: the weight is learned, one scalar per hidden layer (nn.PReLU ()), initialised
 *    from the "weight" parameter; its gradient is the sum over z < 0 of z * dL/da;
 *  - rrelu: in training, each negative element gets its own slope drawn uniformly from
 *    [lower, upper]; in evaluation the row's kernel (the mean slope) is used.
 */
#pragma once

#include <glib.h>
#include <gsl/gsl_rng.h>

#include "axon-activation.h"

G_BEGIN_DECLS

#define AXON_MLP_MAX_LAYERS 8 /* weight layers, i.e. at most 9 sizes */

typedef enum
{
  AXON_INIT_AUTO,   /* He for the rectifier families, Glorot for the others */
  AXON_INIT_HE,     /* N(0, 2 / fan_in), PyTorch's kaiming_normal_ */
  AXON_INIT_GLOROT, /* U(-a, a), a = sqrt(6 / (fan_in + fan_out)), xavier_uniform_ */
} AxonInit;

typedef struct
{
  guint n_in;
  guint n_out;
  float *w;      /* n_out x n_in, inside AxonMlp.params */
  float *b;      /* n_out */
  float *prelu;  /* the learned PReLU weight of this layer's activation, or NULL */
  float *dw;     /* gradients, same places inside AxonMlp.grads */
  float *db;
  float *dprelu;
  /* Workspace for up to batch_cap rows. */
  float *z;      /* pre-activations */
  float *a;      /* activations (hidden layers); the last layer's logits are z */
  float *dz;     /* dL/dz */
  float *slope;  /* rrelu's training slopes */
  /* Counted by the last backward pass: entries of dz exactly 0, and all entries. */
  gsize zero_dz;
  gsize n_dz;
} AxonMlpLayer;

typedef struct
{
  guint n_layers;
  guint sizes[AXON_MLP_MAX_LAYERS + 1];
  const AxonActivation *activation;
  AxonParams act_params;
  gboolean learn_prelu;
  gboolean random_rrelu;
  guint batch_cap;
  gsize n_params;
  float *params;
  float *grads;
  float *da;     /* scratch: dL/da of a hidden layer */
  AxonMlpLayer layers[AXON_MLP_MAX_LAYERS];
} AxonMlp;

/* An MLP with n_sizes layer sizes (input, hidden..., classes), 2 <= n_sizes <= 9, every
 * size >= 1; activation with params p (validated by the caller). Weights are zero until
 * axon_mlp_init_weights. batch_cap: the most rows one forward pass takes. */
AxonMlp *axon_mlp_new (const guint          *sizes,
                       guint                 n_sizes,
                       const AxonActivation *activation,
                       const AxonParams     *p,
                       guint                 batch_cap,
                       GError              **error);
void axon_mlp_free (AxonMlp *mlp);

/* Draws the weights from rng (biases 0, PReLU weights the "weight" parameter). */
void axon_mlp_init_weights (AxonMlp  *mlp,
                            AxonInit  init,
                            gsl_rng  *rng);

/* The scheme AUTO stands for with this activation. */
AxonInit axon_mlp_resolve_init (const AxonActivation *activation,
                                AxonInit              init);

/* Forward pass over n <= batch_cap rows of x (n x sizes[0]); returns the logits
 * (n x classes, valid until the next pass). training selects rrelu's random slopes, drawn
 * from rng (which may be NULL otherwise). */
const float *axon_mlp_forward (AxonMlp     *mlp,
                               const float *x,
                               guint        n,
                               gboolean     training,
                               gsl_rng     *rng);

/* Forward in training mode, mean softmax cross-entropy against labels, and the gradients
 * of that mean into mlp->grads (overwritten). Returns the loss; *n_correct gets the rows
 * whose largest logit is the label. Also counts each layer's zero_dz / n_dz. */
double axon_mlp_train_batch (AxonMlp      *mlp,
                             const float  *x,
                             const guint8 *labels,
                             guint         n,
                             gsl_rng      *rng,
                             guint        *n_correct);

/* Rows of x (any count, processed in chunks) classified correctly, evaluation mode. */
guint axon_mlp_count_correct (AxonMlp      *mlp,
                              const float  *x,
                              const guint8 *labels,
                              guint         n);

/* The mean cross-entropy of n rows in float64 throughout (the row's f64 activation,
 * evaluation mode), from the current float32 parameters, with params[index] (an index
 * into mlp->params, or G_MAXSIZE for none) taken as params[index] + delta in float64:
 * the reference of gradient checks, free of float32 rounding. */
double axon_mlp_loss_f64 (const AxonMlp *mlp,
                          const float   *x,
                          const guint8  *labels,
                          guint          n,
                          gsize          index,
                          double         delta);

G_END_DECLS
