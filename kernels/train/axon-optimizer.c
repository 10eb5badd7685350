/* axon-optimizer.c: the update rules, in float32 like PyTorch's CPU kernels. */
#include "axon-optimizer.h"

#include <glib/gi18n.h>
#include <math.h>

struct _AxonOptimizer
{
  AxonOptimizerConfig config;
  gsize n;
  gint64 t;
  float *m; /* SGD's velocity, or Adam's first moment */
  float *s; /* Adam's second moment */
};

void
axon_optimizer_config_init (AxonOptimizerConfig *config,
                            AxonOptimizerKind    kind)
{
  config->kind = kind;
  config->learning_rate = kind == AXON_OPTIMIZER_ADAM ? 1e-3 : 0.05;
  config->momentum = 0.9;
  config->beta1 = 0.9;
  config->beta2 = 0.999;
  config->eps = 1e-8;
}

const char *
axon_optimizer_kind_to_string (AxonOptimizerKind kind)
{
  switch (kind)
    {
    case AXON_OPTIMIZER_SGD:
      return "sgd";
    case AXON_OPTIMIZER_ADAM:
      return "adam";
    default:
      return NULL;
    }
}

gboolean
axon_optimizer_kind_from_string (const char        *name,
                                 AxonOptimizerKind *kind)
{
  if (g_ascii_strcasecmp (name, "sgd") == 0)
    *kind = AXON_OPTIMIZER_SGD;
  else if (g_ascii_strcasecmp (name, "adam") == 0)
    *kind = AXON_OPTIMIZER_ADAM;
  else
    return FALSE;
  return TRUE;
}

char *
axon_optimizer_config_check (const AxonOptimizerConfig *c)
{
  if (!(c->learning_rate > 0) || !isfinite (c->learning_rate))
    return g_strdup_printf (_("learning rate %g must be a positive number"), c->learning_rate);
  if (!(c->momentum >= 0 && c->momentum < 1))
    return g_strdup_printf (_("momentum %g must be in [0, 1)"), c->momentum);
  if (!(c->beta1 >= 0 && c->beta1 < 1) || !(c->beta2 >= 0 && c->beta2 < 1))
    return g_strdup_printf (_("Adam betas %g, %g must be in [0, 1)"), c->beta1, c->beta2);
  if (!(c->eps > 0) || !isfinite (c->eps))
    return g_strdup_printf (_("Adam eps %g must be a positive number"), c->eps);
  return NULL;
}

AxonOptimizer *
axon_optimizer_new (const AxonOptimizerConfig *config,
                    gsize                      n_params)
{
  AxonOptimizer *optimizer = g_new0 (AxonOptimizer, 1);

  optimizer->config = *config;
  optimizer->n = n_params;
  optimizer->m = g_new0 (float, MAX (n_params, 1));
  if (config->kind == AXON_OPTIMIZER_ADAM)
    optimizer->s = g_new0 (float, MAX (n_params, 1));
  return optimizer;
}

void
axon_optimizer_free (AxonOptimizer *optimizer)
{
  if (optimizer == NULL)
    return;
  g_free (optimizer->m);
  g_free (optimizer->s);
  g_free (optimizer);
}

void
axon_optimizer_step (AxonOptimizer *optimizer,
                     float         *params_,
                     const float   *grads_)
{
  const AxonOptimizerConfig *c = &optimizer->config;
  float *restrict params = params_;
  const float *restrict grads = grads_;
  float *restrict m = optimizer->m;
  float *restrict s = optimizer->s;
  gsize n = optimizer->n;

  optimizer->t++;
  if (c->kind == AXON_OPTIMIZER_SGD)
    {
      float mu = (float) c->momentum, lr = (float) c->learning_rate;

      for (gsize i = 0; i < n; i++)
        {
          m[i] = mu * m[i] + grads[i];
          params[i] -= lr * m[i];
        }
    }
  else
    {
      float b1 = (float) c->beta1, b2 = (float) c->beta2, eps = (float) c->eps;
      double bc1 = 1.0 - pow (c->beta1, (double) optimizer->t);
      double bc2 = 1.0 - pow (c->beta2, (double) optimizer->t);
      float step = (float) (c->learning_rate / bc1);
      float inv_sqrt_bc2 = (float) (1.0 / sqrt (bc2));

      for (gsize i = 0; i < n; i++)
        {
          float g = grads[i];

          m[i] = b1 * m[i] + (1.0f - b1) * g;
          s[i] = b2 * s[i] + (1.0f - b2) * g * g;
          params[i] -= step * m[i] / (sqrtf (s[i]) * inv_sqrt_bc2 + eps);
        }
    }
}
