/* axon-mlp.c: the MLP's passes, every matrix product through cblas_sgemm. */
#include "axon-mlp.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <gsl/gsl_cblas.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <string.h>

static gboolean
is_last (const AxonMlp *mlp,
         guint          l)
{
  return l + 1 == mlp->n_layers;
}

AxonMlp *
axon_mlp_new (const guint          *sizes,
              guint                 n_sizes,
              const AxonActivation *activation,
              const AxonParams     *p,
              guint                 batch_cap,
              GError              **error)
{
  AxonMlp *mlp;
  gsize offset = 0, widest = 0;

  g_return_val_if_fail (activation != NULL && p != NULL, NULL);

  if (n_sizes < 2 || n_sizes > AXON_MLP_MAX_LAYERS + 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u layer sizes, expected 2 to %d (input, hidden…, classes)"),
                   n_sizes, AXON_MLP_MAX_LAYERS + 1);
      return NULL;
    }
  for (guint i = 0; i < n_sizes; i++)
    if (sizes[i] == 0 || sizes[i] > 1u << 16)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("layer size %u is out of range (1 to 65536)"), sizes[i]);
        return NULL;
      }

  mlp = g_new0 (AxonMlp, 1);
  mlp->n_layers = n_sizes - 1;
  memcpy (mlp->sizes, sizes, n_sizes * sizeof (guint));
  mlp->activation = activation;
  mlp->act_params = *p;
  mlp->learn_prelu = activation->id == AXON_ACTIVATION_prelu;
  mlp->random_rrelu = activation->id == AXON_ACTIVATION_rrelu;
  mlp->batch_cap = MAX (batch_cap, 1);

  for (guint l = 0; l < mlp->n_layers; l++)
    {
      guint n_in = sizes[l], n_out = sizes[l + 1];

      mlp->n_params += (gsize) n_out * n_in + n_out;
      if (mlp->learn_prelu && !is_last (mlp, l))
        mlp->n_params += 1;
      widest = MAX (widest, n_out);
    }
  mlp->params = g_new0 (float, mlp->n_params);
  mlp->grads = g_new0 (float, mlp->n_params);
  mlp->da = g_new (float, (gsize) mlp->batch_cap * widest);

  for (guint l = 0; l < mlp->n_layers; l++)
    {
      AxonMlpLayer *layer = &mlp->layers[l];
      gsize rows = mlp->batch_cap;

      layer->n_in = sizes[l];
      layer->n_out = sizes[l + 1];
      layer->w = mlp->params + offset;
      layer->dw = mlp->grads + offset;
      offset += (gsize) layer->n_out * layer->n_in;
      layer->b = mlp->params + offset;
      layer->db = mlp->grads + offset;
      offset += layer->n_out;
      if (mlp->learn_prelu && !is_last (mlp, l))
        {
          layer->prelu = mlp->params + offset;
          layer->dprelu = mlp->grads + offset;
          offset += 1;
        }
      layer->z = g_new (float, rows * layer->n_out);
      layer->dz = g_new (float, rows * layer->n_out);
      if (!is_last (mlp, l))
        layer->a = g_new (float, rows * layer->n_out);
      if (!is_last (mlp, l) && mlp->random_rrelu)
        layer->slope = g_new (float, rows * layer->n_out);
    }
  g_assert (offset == mlp->n_params);
  return mlp;
}

void
axon_mlp_free (AxonMlp *mlp)
{
  if (mlp == NULL)
    return;
  for (guint l = 0; l < mlp->n_layers; l++)
    {
      g_free (mlp->layers[l].z);
      g_free (mlp->layers[l].dz);
      g_free (mlp->layers[l].a);
      g_free (mlp->layers[l].slope);
    }
  g_free (mlp->params);
  g_free (mlp->grads);
  g_free (mlp->da);
  g_free (mlp);
}

AxonInit
axon_mlp_resolve_init (const AxonActivation *activation,
                       AxonInit              init)
{
  if (init != AXON_INIT_AUTO)
    return init;
  switch (activation->category)
    {
    case AXON_CATEGORY_RELU:
    case AXON_CATEGORY_EXPONENTIAL_LINEAR:
    case AXON_CATEGORY_SMOOTH_RELU:
      return AXON_INIT_HE;
    default:
      return AXON_INIT_GLOROT;
    }
}

void
axon_mlp_init_weights (AxonMlp  *mlp,
                       AxonInit  init,
                       gsl_rng  *rng)
{
  init = axon_mlp_resolve_init (mlp->activation, init);
  memset (mlp->params, 0, mlp->n_params * sizeof (float));
  for (guint l = 0; l < mlp->n_layers; l++)
    {
      AxonMlpLayer *layer = &mlp->layers[l];
      gsize n = (gsize) layer->n_out * layer->n_in;

      if (init == AXON_INIT_HE)
        {
          double std = sqrt (2.0 / layer->n_in);

          for (gsize i = 0; i < n; i++)
            layer->w[i] = (float) gsl_ran_gaussian_ziggurat (rng, std);
        }
      else
        {
          double a = sqrt (6.0 / (layer->n_in + layer->n_out));

          for (gsize i = 0; i < n; i++)
            layer->w[i] = (float) ((2.0 * gsl_rng_uniform (rng) - 1.0) * a);
        }
      if (layer->prelu != NULL)
        *layer->prelu = (float) mlp->act_params.v[0];
    }
}

/* The activation of a hidden layer, in place from z into a. */
static void
activate (AxonMlp      *mlp,
          AxonMlpLayer *layer,
          guint         n,
          gboolean      training,
          gsl_rng      *rng)
{
  gsize count = (gsize) n * layer->n_out;

  if (training && mlp->random_rrelu)
    {
      double lower = mlp->act_params.v[0], width = mlp->act_params.v[1] - lower;

      for (gsize i = 0; i < count; i++)
        {
          float z = layer->z[i];

          if (z >= 0)
            {
              layer->slope[i] = 1.0f;
              layer->a[i] = z;
            }
          else
            {
              float s = (float) (lower + width * gsl_rng_uniform (rng));

              layer->slope[i] = s;
              layer->a[i] = s * z;
            }
        }
      return;
    }
  if (layer->prelu != NULL)
    {
      AxonParams p = mlp->act_params;

      p.v[0] = *layer->prelu;
      mlp->activation->f32 (count, layer->z, layer->a, &p);
      return;
    }
  mlp->activation->f32 (count, layer->z, layer->a, &mlp->act_params);
}

const float *
axon_mlp_forward (AxonMlp     *mlp,
                  const float *x,
                  guint        n,
                  gboolean     training,
                  gsl_rng     *rng)
{
  const float *in = x;

  g_return_val_if_fail (n <= mlp->batch_cap, NULL);

  for (guint l = 0; l < mlp->n_layers; l++)
    {
      AxonMlpLayer *layer = &mlp->layers[l];

      /* z = in W^T + b: the bias rows first, then the product accumulated on them. */
      for (guint r = 0; r < n; r++)
        memcpy (layer->z + (gsize) r * layer->n_out, layer->b, layer->n_out * sizeof (float));
      cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasTrans, (int) n, (int) layer->n_out,
                   (int) layer->n_in, 1.0f, in, (int) layer->n_in, layer->w, (int) layer->n_in,
                   1.0f, layer->z, (int) layer->n_out);
      if (is_last (mlp, l))
        return layer->z;
      activate (mlp, layer, n, training, rng);
      in = layer->a;
    }
  g_assert_not_reached ();
}

/* Softmax cross-entropy of one row of logits (log-sum-exp with the maximum subtracted);
 * writes dL/dz = (softmax - onehot) * scale to dz and returns the loss. */
static double
softmax_xent (const float *z,
              guint        k,
              guint        label,
              float        scale,
              float       *dz,
              gboolean    *correct)
{
  float m = z[0];
  guint arg = 0;
  double sum = 0, loss;

  for (guint j = 1; j < k; j++)
    if (z[j] > m)
      {
        m = z[j];
        arg = j;
      }
  for (guint j = 0; j < k; j++)
    {
      float e = expf (z[j] - m);

      dz[j] = e;
      sum += e;
    }
  loss = log (sum) - ((double) z[label] - m);
  for (guint j = 0; j < k; j++)
    dz[j] = (float) (dz[j] / sum) * scale;
  dz[label] -= scale;
  *correct = arg == label;
  return loss;
}

static gsize
count_zeros (const float *v,
             gsize        n)
{
  gsize zeros = 0;

  for (gsize i = 0; i < n; i++)
    zeros += v[i] == 0.0f;
  return zeros;
}

/* dz of hidden layer `layer` from da = dL/da (mlp->da), and the PReLU weight's gradient. */
static void
activation_backward (AxonMlp      *mlp,
                     AxonMlpLayer *layer,
                     guint         n)
{
  gsize count = (gsize) n * layer->n_out;
  const float *da = mlp->da;

  if (mlp->random_rrelu)
    {
      for (gsize i = 0; i < count; i++)
        layer->dz[i] = da[i] * layer->slope[i];
      return;
    }
  if (layer->prelu != NULL)
    {
      AxonParams p = mlp->act_params;
      double dweight = 0;

      p.v[0] = *layer->prelu;
      mlp->activation->df32 (count, layer->z, layer->dz, &p);
      for (gsize i = 0; i < count; i++)
        {
          if (layer->z[i] < 0)
            dweight += (double) layer->z[i] * da[i];
          layer->dz[i] *= da[i];
        }
      *layer->dprelu = (float) dweight;
      return;
    }
  mlp->activation->df32 (count, layer->z, layer->dz, &mlp->act_params);
  for (gsize i = 0; i < count; i++)
    layer->dz[i] *= da[i];
}

double
axon_mlp_train_batch (AxonMlp      *mlp,
                      const float  *x,
                      const guint8 *labels,
                      guint         n,
                      gsl_rng      *rng,
                      guint        *n_correct)
{
  AxonMlpLayer *out = &mlp->layers[mlp->n_layers - 1];
  guint k = out->n_out, correct = 0;
  float scale = 1.0f / (float) n;
  double loss = 0;

  axon_mlp_forward (mlp, x, n, TRUE, rng);
  for (guint r = 0; r < n; r++)
    {
      gboolean ok;

      loss += softmax_xent (out->z + (gsize) r * k, k, labels[r], scale,
                            out->dz + (gsize) r * k, &ok);
      correct += ok;
    }

  for (guint l = mlp->n_layers; l-- > 0;)
    {
      AxonMlpLayer *layer = &mlp->layers[l];
      const float *in = l > 0 ? mlp->layers[l - 1].a : x;

      layer->n_dz = (gsize) n * layer->n_out;
      layer->zero_dz = count_zeros (layer->dz, layer->n_dz);

      /* dW = dz^T in; db = the column sums of dz. */
      cblas_sgemm (CblasRowMajor, CblasTrans, CblasNoTrans, (int) layer->n_out,
                   (int) layer->n_in, (int) n, 1.0f, layer->dz, (int) layer->n_out, in,
                   (int) layer->n_in, 0.0f, layer->dw, (int) layer->n_in);
      memset (layer->db, 0, layer->n_out * sizeof (float));
      for (guint r = 0; r < n; r++)
        {
          const float *row = layer->dz + (gsize) r * layer->n_out;

          for (guint j = 0; j < layer->n_out; j++)
            layer->db[j] += row[j];
        }
      if (l == 0)
        break;

      /* dL/da of the layer below = dz W, then through its activation. */
      cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, (int) n, (int) layer->n_in,
                   (int) layer->n_out, 1.0f, layer->dz, (int) layer->n_out, layer->w,
                   (int) layer->n_in, 0.0f, mlp->da, (int) layer->n_in);
      activation_backward (mlp, &mlp->layers[l - 1], n);
    }

  if (n_correct != NULL)
    *n_correct = correct;
  return loss / n;
}

guint
axon_mlp_count_correct (AxonMlp      *mlp,
                        const float  *x,
                        const guint8 *labels,
                        guint         n)
{
  guint k = mlp->sizes[mlp->n_layers], correct = 0;
  guint chunk = mlp->batch_cap;

  for (guint start = 0; start < n; start += chunk)
    {
      guint rows = MIN (chunk, n - start);
      const float *z = axon_mlp_forward (mlp, x + (gsize) start * mlp->sizes[0], rows,
                                         FALSE, NULL);

      for (guint r = 0; r < rows; r++)
        {
          const float *row = z + (gsize) r * k;
          guint arg = 0;

          for (guint j = 1; j < k; j++)
            if (row[j] > row[arg])
              arg = j;
          correct += arg == labels[start + r];
        }
    }
  return correct;
}

double
axon_mlp_loss_f64 (const AxonMlp *mlp,
                   const float   *x,
                   const guint8  *labels,
                   guint          n,
                   gsize          index,
                   double         delta)
{
  guint widest = 0;
  g_autofree double *params = g_new (double, mlp->n_params);
  g_autofree double *in = NULL;
  g_autofree double *out = NULL;
  double total = 0;

  for (gsize i = 0; i < mlp->n_params; i++)
    params[i] = mlp->params[i];
  if (index < mlp->n_params)
    params[index] += delta;
  for (guint l = 0; l <= mlp->n_layers; l++)
    widest = MAX (widest, mlp->sizes[l]);
  in = g_new (double, widest);
  out = g_new (double, widest);

  for (guint r = 0; r < n; r++)
    {
      guint k = mlp->sizes[0];
      double m, sum = 0;

      for (guint j = 0; j < k; j++)
        in[j] = x[(gsize) r * k + j];
      for (guint l = 0; l < mlp->n_layers; l++)
        {
          const AxonMlpLayer *layer = &mlp->layers[l];
          const double *w = params + (layer->w - mlp->params);
          const double *b = params + (layer->b - mlp->params);
          AxonParams p = mlp->act_params;

          if (layer->prelu != NULL)
            p.v[0] = params[layer->prelu - mlp->params];
          for (guint o = 0; o < layer->n_out; o++)
            {
              double z = b[o];

              for (guint i = 0; i < layer->n_in; i++)
                z += w[(gsize) o * layer->n_in + i] * in[i];
              out[o] = is_last (mlp, l) ? z : mlp->activation->f64 (z, &p);
            }
          k = layer->n_out;
          memcpy (in, out, k * sizeof (double));
        }
      m = in[0];
      for (guint j = 1; j < k; j++)
        m = MAX (m, in[j]);
      for (guint j = 0; j < k; j++)
        sum += exp (in[j] - m);
      total += log (sum) - (in[labels[r]] - m);
    }
  return total / n;
}
