/* axon-optimizer.h: SGD with momentum and Adam over one flat float32 parameter array.
 *
 * Both follow PyTorch's torch.optim exactly (no weight decay, no dampening, no Nesterov):
 *   SGD:  v = momentum v + g;  p -= lr v
 *   Adam: m = b1 m + (1 - b1) g;  s = b2 s + (1 - b2) g^2;
 *         p -= lr / (1 - b1^t) * m / (sqrt (s) / sqrt (1 - b2^t) + eps)
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AXON_OPTIMIZER_SGD,
  AXON_OPTIMIZER_ADAM,
} AxonOptimizerKind;

typedef struct
{
  AxonOptimizerKind kind;
  double learning_rate;
  double momentum; /* SGD */
  double beta1;    /* Adam */
  double beta2;
  double eps;
} AxonOptimizerConfig;

/* PyTorch's defaults for kind, except SGD's lr 0.05 and momentum 0.9 (Axon's benchmark
 * setting; PyTorch has no default lr for SGD). Adam: lr 1e-3, betas 0.9/0.999, eps 1e-8. */
void axon_optimizer_config_init (AxonOptimizerConfig *config,
                                 AxonOptimizerKind    kind);

/* "sgd" / "adam", or NULL for an unknown kind. */
const char *axon_optimizer_kind_to_string (AxonOptimizerKind kind);
gboolean axon_optimizer_kind_from_string (const char        *name,
                                          AxonOptimizerKind *kind);

/* One line naming the bad value, or NULL (free the result). */
char *axon_optimizer_config_check (const AxonOptimizerConfig *config);

typedef struct _AxonOptimizer AxonOptimizer;

AxonOptimizer *axon_optimizer_new (const AxonOptimizerConfig *config,
                                   gsize                      n_params);
void axon_optimizer_free (AxonOptimizer *optimizer);
/* One update of params from grads (both n_params floats). */
void axon_optimizer_step (AxonOptimizer *optimizer,
                          float         *params,
                          const float   *grads);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonOptimizer, axon_optimizer_free)

G_END_DECLS
