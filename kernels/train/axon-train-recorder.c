/* axon-train-recorder.c: records to event files and in-memory runs. */
#include "axon-train-recorder.h"

#include <math.h>

struct _AxonTrainRecorder
{
  AxonEventWriter *writer;
  AxonRun *run;
  gboolean prelu;
  guint n_layers;
  /* Tags per layer, made once: weights, gradients, zero ratio, prelu weight. */
  char *tags[AXON_MLP_MAX_LAYERS][4];
};

char *
axon_train_layer_name (guint layer)
{
  return g_strdup_printf ("fc%u", layer + 1);
}

AxonTrainRecorder *
axon_train_recorder_new (AxonEventWriter *writer,
                         AxonRun         *run)
{
  AxonTrainRecorder *recorder = g_new0 (AxonTrainRecorder, 1);

  recorder->writer = writer;
  recorder->run = run;
  for (guint l = 0; l < AXON_MLP_MAX_LAYERS; l++)
    {
      g_autofree char *name = axon_train_layer_name (l);

      recorder->tags[l][0] = g_strdup_printf ("weights/%s.weight", name);
      recorder->tags[l][1] = g_strdup_printf ("gradients/%s.weight", name);
      recorder->tags[l][2] = g_strdup_printf ("%s/zero_grad_ratio", name);
      recorder->tags[l][3] = g_strdup_printf ("%s/prelu_weight", name);
    }
  return recorder;
}

void
axon_train_recorder_free (AxonTrainRecorder *recorder)
{
  if (recorder == NULL)
    return;
  for (guint l = 0; l < AXON_MLP_MAX_LAYERS; l++)
    for (guint k = 0; k < 4; k++)
      g_free (recorder->tags[l][k]);
  g_free (recorder);
}

static gboolean
scalar (AxonTrainRecorder *recorder,
        const char        *tag,
        gint64             step,
        double             wall_time,
        double             value,
        GError           **error)
{
  if (recorder->writer != NULL
      && !axon_event_writer_add_scalar (recorder->writer, tag, step, wall_time, value, error))
    return FALSE;
  if (recorder->run != NULL
      && !axon_run_add_scalar (recorder->run, tag, step, wall_time, value, error))
    return FALSE;
  return TRUE;
}

static gboolean
histogram (AxonTrainRecorder   *recorder,
           const char          *tag,
           const AxonHistogram *hist,
           GError             **error)
{
  if (recorder->writer != NULL
      && !axon_event_writer_add_histogram (recorder->writer, tag, hist, error))
    return FALSE;
  if (recorder->run != NULL && !axon_run_add_histogram (recorder->run, tag, hist, error))
    return FALSE;
  return TRUE;
}

gboolean
axon_train_recorder_record (const AxonTrainRecord *record,
                            gpointer               user_data,
                            GError               **error)
{
  AxonTrainRecorder *recorder = user_data;
  double t = record->wall_time;
  gint64 step = record->step;

  if (!scalar (recorder, "train/loss", step, t, record->loss, error)
      || !scalar (recorder, "train/accuracy", step, t, record->accuracy, error)
      || !scalar (recorder, "train/zero_grad_ratio", step, t, record->zero_grad_ratio_all,
                  error))
    return FALSE;
  recorder->n_layers = record->n_layers;
  for (guint l = 0; l < record->n_layers; l++)
    {
      if (!histogram (recorder, recorder->tags[l][0], record->weights[l], error)
          || !histogram (recorder, recorder->tags[l][1], record->gradients[l], error)
          || !scalar (recorder, recorder->tags[l][2], step, t, record->zero_grad_ratio[l],
                      error))
        return FALSE;
      /* The last layer has no activation, hence no PReLU weight. */
      if (record->has_prelu && l + 1 < record->n_layers
          && !scalar (recorder, recorder->tags[l][3], step, t, record->prelu_weight[l],
                      error))
        return FALSE;
    }
  return TRUE;
}

gboolean
axon_train_recorder_finish (AxonTrainRecorder     *recorder,
                            const AxonTrainResult *result,
                            GError               **error)
{
  gint64 step = result->n_steps_done;
  double t = (double) g_get_real_time () / G_USEC_PER_SEC;
  struct
  {
    const char *tag;
    double value;
  } summary[] = {
    { "train/best_accuracy", result->best_accuracy },
    { "train/last10_accuracy", result->last10_accuracy },
    { "test/accuracy", result->test_accuracy },
    { "test/noisy_accuracy", result->noisy_accuracy },
    { "test/accuracy_minus_last10", result->test_minus_last10 },
    { "test/noisy_accuracy_minus_last10", result->noisy_minus_last10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (summary); i++)
    if (!isnan (summary[i].value)
        && !scalar (recorder, summary[i].tag, step, t, summary[i].value, error))
      return FALSE;
  if (recorder->writer != NULL && !axon_event_writer_flush (recorder->writer, error))
    return FALSE;
  return TRUE;
}
