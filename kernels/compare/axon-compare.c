/* axon-compare.c: the comparison loop: cost, training, recording, one table row per run. */
#include "axon-compare.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "axon-compare-cost.h"
#include "axon-event-writer.h"
#include "axon-registry.h"
#include "axon-train-recorder.h"

#define EVENT_FILE_PREFIX "events.out.tfevents."
/* The trainer's default network: input-128-64-classes, three weight layers. */
#define DEFAULT_N_LAYERS 3

void
axon_compare_config_init (AxonCompareConfig *config)
{
  g_return_if_fail (config != NULL);

  memset (config, 0, sizeof *config);
  config->activations = g_strsplit (AXON_COMPARE_DEFAULT_ACTIVATIONS, ",", -1);
  config->n_seeds = AXON_COMPARE_DEFAULT_SEEDS;
  config->first_seed = 1;
  config->n_steps = 1000;
  config->record_every = 10;
  config->batch_size = 64;
  config->noise_level = 0.3;
  config->n_cost_evals = AXON_COMPARE_DEFAULT_COST_EVALS;
}

void
axon_compare_config_clear (AxonCompareConfig *config)
{
  g_return_if_fail (config != NULL);

  g_clear_pointer (&config->activations, g_strfreev);
  g_clear_pointer (&config->runs_dir, g_free);
}

void
axon_compare_config_copy (const AxonCompareConfig *src,
                          AxonCompareConfig       *dst)
{
  g_return_if_fail (src != NULL && dst != NULL);

  *dst = *src;
  dst->activations = g_strdupv (src->activations);
  dst->runs_dir = g_strdup (src->runs_dir);
}

/* The activation called name (an alias gives its canonical row), or NULL with the
 * registry's one-line error, "did you mean" included. A comparison trains at the
 * defaults, so the parameters are not kept. */
static const AxonActivation *
resolve_name (const char  *name,
              GError     **error)
{
  AxonParams unused;

  return axon_activation_resolve (name, NULL, &unused, NULL, error);
}

gboolean
axon_compare_config_set_activations (AxonCompareConfig  *config,
                                     const char         *list,
                                     GError            **error)
{
  g_auto (GStrv) names = NULL;
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      const AxonActivation *act;
      gboolean repeated = FALSE;

      if (*name == '\0')
        continue;
      act = resolve_name (name, error);
      if (act == NULL)
        return FALSE;
      for (guint k = 0; k < chosen->len; k++)
        repeated |= g_str_equal (g_ptr_array_index (chosen, k), act->name);
      if (!repeated)
        g_ptr_array_add (chosen, (gpointer) act->name);
    }
  if (chosen->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the list of activations “%s” names none"), list);
      return FALSE;
    }

  g_strfreev (config->activations);
  config->activations = g_new0 (char *, chosen->len + 1);
  for (guint k = 0; k < chosen->len; k++)
    config->activations[k] = g_strdup (g_ptr_array_index (chosen, k));
  return TRUE;
}

void
axon_compare_config_set_runs_dir (AxonCompareConfig *config,
                                  const char        *runs_dir)
{
  g_return_if_fail (config != NULL);

  g_free (config->runs_dir);
  config->runs_dir = g_strdup (runs_dir);
}

gboolean
axon_compare_config_validate (const AxonCompareConfig  *config,
                              GError                  **error)
{
  g_return_val_if_fail (config != NULL, FALSE);

  if (config->activations == NULL || config->activations[0] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("no activation is selected"));
      return FALSE;
    }
  for (guint i = 0; config->activations[i] != NULL; i++)
    if (resolve_name (config->activations[i], error) == NULL)
      return FALSE;
  if (config->n_seeds < 1 || config->n_seeds > AXON_COMPARE_MAX_SEEDS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u seeds: expected 1 to %d"), config->n_seeds, AXON_COMPARE_MAX_SEEDS);
      return FALSE;
    }
  if (config->n_steps < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u minibatches: expected at least 1"), config->n_steps);
      return FALSE;
    }
  if (config->batch_size < 1 || config->batch_size > 65536)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("minibatch size %u: expected 1 to 65536"), config->batch_size);
      return FALSE;
    }
  if (config->n_cost_evals < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u cost evaluations: expected at least 1"), config->n_cost_evals);
      return FALSE;
    }
  if (!isfinite (config->noise_level) || config->noise_level < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("noise level %g: expected a finite number ≥ 0"), config->noise_level);
      return FALSE;
    }
  if (config->n_sizes != 0 && (config->n_sizes < 2 || config->n_sizes > AXON_MLP_MAX_LAYERS + 1))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%u layer sizes: expected 2 to %d"), config->n_sizes,
                   AXON_MLP_MAX_LAYERS + 1);
      return FALSE;
    }
  for (guint i = 0; i < config->n_sizes; i++)
    if (config->sizes[i] < 1)
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                     _("layer size %u is 0"), i + 1);
        return FALSE;
      }
  return TRUE;
}

char *
axon_compare_run_name (const char *activation,
                       guint64     seed)
{
  g_return_val_if_fail (activation != NULL, NULL);
  return g_strdup_printf ("%s-seed%" G_GUINT64_FORMAT, activation, seed);
}

guint
axon_compare_config_n_layers (const AxonCompareConfig *config)
{
  g_return_val_if_fail (config != NULL, DEFAULT_N_LAYERS);
  return config->n_sizes >= 2 ? config->n_sizes - 1 : DEFAULT_N_LAYERS;
}

void
axon_compare_format_duration (double      seconds,
                              const char *unknown,
                              char       *buffer,
                              gsize       size)
{
  guint64 s;

  g_return_if_fail (unknown != NULL && buffer != NULL && size > 0);

  /* Beyond 2^63 s the count would not fit the integer: no estimate, either. */
  if (!(seconds >= 0 && seconds < 0x1p63))
    {
      g_strlcpy (buffer, unknown, size);
      return;
    }
  s = (guint64) (seconds + 0.5);
  if (s >= 3600)
    g_snprintf (buffer, size, "%" G_GUINT64_FORMAT ":%02u:%02u", s / 3600,
                (guint) (s / 60 % 60), (guint) (s % 60));
  else
    g_snprintf (buffer, size, "%u:%02u", (guint) (s / 60), (guint) (s % 60));
}

/* The state of one comparison, on the caller's stack: nothing is shared between two. */
typedef struct
{
  const AxonCompareConfig *config;
  AxonCompareProgressFunc func;
  gpointer user_data;
  AxonCompareProgress progress;
  double start;
  AxonTrainRecorder *recorder; /* of the current run, or NULL */
} Comparison;

static void
report (Comparison       *cmp,
        AxonComparePhase  phase,
        guint             step)
{
  AxonCompareProgress *p = &cmp->progress;
  double done, total;

  p->phase = phase;
  p->step = step;
  /* Minibatches are the unit of work; the cost and evaluation time of the finished runs
   * is inside elapsed, so the estimate includes it from the second run on. */
  done = (double) p->run_index * p->n_steps + step;
  total = (double) p->n_runs * p->n_steps;
  p->fraction = total > 0 ? MIN (done / total, 1.0) : 1.0;
  p->elapsed = g_get_monotonic_time () / (double) G_USEC_PER_SEC - cmp->start;
  p->remaining = done > 0 ? p->elapsed * (total - done) / done : -1;
  if (cmp->func != NULL)
    cmp->func (p, cmp->user_data);
  p->row = NULL;
}

static void
on_train_progress (const AxonTrainProgress *progress,
                   gpointer                 user_data)
{
  report (user_data, AXON_COMPARE_PHASE_TRAIN, progress->step + 1);
}

static gboolean
on_train_record (const AxonTrainRecord *record,
                 gpointer               user_data,
                 GError               **error)
{
  Comparison *cmp = user_data;

  if (cmp->recorder == NULL)
    return TRUE;
  return axon_train_recorder_record (record, cmp->recorder, error);
}

/* Removes the event files an earlier comparison left in run_dir, and nothing else. */
static gboolean
remove_old_event_files (const char  *run_dir,
                        GError     **error)
{
  g_autoptr (GDir) dir = g_dir_open (run_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, EVENT_FILE_PREFIX))
        continue;
      path = g_build_filename (run_dir, name, NULL);
      if (g_remove (path) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("%s: cannot remove the old event file: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
    }
  return TRUE;
}

static void
fill_values (const AxonCompareCost *cost,
             const AxonTrainResult *result,
             guint                  n_layers,
             double                *values)
{
  values[AXON_COMPARE_SCALAR_MS] = cost->scalar_ms;
  values[AXON_COMPARE_BATCH_MELEM_S] = cost->batch_melem_s;
  values[AXON_COMPARE_TRAIN_SECONDS] = result->train_seconds;
  values[AXON_COMPARE_BEST_ACCURACY] = result->best_accuracy;
  values[AXON_COMPARE_LAST10_ACCURACY] = result->last10_accuracy;
  values[AXON_COMPARE_TEST_ACCURACY] = result->test_accuracy;
  values[AXON_COMPARE_TEST_MINUS_LAST10] = result->test_minus_last10;
  values[AXON_COMPARE_NOISY_ACCURACY] = result->noisy_accuracy;
  values[AXON_COMPARE_NOISY_MINUS_LAST10] = result->noisy_minus_last10;
  values[AXON_COMPARE_ZERO_GRAD_RATIO] = result->zero_grad_ratio_all;
  for (guint l = 0; l < n_layers; l++)
    values[AXON_COMPARE_ZERO_GRAD_LAYER (l)] = result->zero_grad_ratio[l];
}

/* One activation with one seed: cost, training, the row. */
static gboolean
run_one (Comparison           *cmp,
         const AxonActivation *activation,
         guint64               seed,
         const AxonDataset    *train,
         const AxonDataset    *test,
         GCancellable         *cancellable,
         AxonCompareTable     *table,
         GError              **error)
{
  const AxonCompareConfig *config = cmp->config;
  AxonTrainConfig tc;
  g_autoptr (AxonTrainer) trainer = NULL;
  g_autoptr (AxonEventWriter) writer = NULL;
  g_autoptr (AxonTrainRecorder) recorder = NULL;
  g_autofree char *run_dir = NULL;
  AxonTrainObserver observer = { on_train_progress, on_train_record };
  AxonTrainResult result = { 0 };
  AxonCompareCost cost;
  double values[AXON_COMPARE_MAX_COLUMNS];
  guint n_columns = axon_compare_table_get_n_columns (table);
  gboolean ok;

  axon_train_config_init (&tc, NULL);
  if (!axon_train_config_set_activation (&tc, activation->name, NULL, error))
    return FALSE;
  tc.n_sizes = config->n_sizes;
  memcpy (tc.sizes, config->sizes, sizeof tc.sizes);
  tc.batch_size = config->batch_size;
  tc.n_steps = config->n_steps;
  tc.record_every = config->record_every;
  tc.seed = seed;
  tc.noise_level = config->noise_level;
  trainer = axon_trainer_new (&tc, train, test, error);
  if (trainer == NULL)
    return FALSE;
  if (axon_trainer_get_config (trainer)->n_sizes - 1 != axon_compare_table_get_n_layers (table))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the network has %u layers, the table %u"),
                   axon_trainer_get_config (trainer)->n_sizes - 1,
                   axon_compare_table_get_n_layers (table));
      return FALSE;
    }

  report (cmp, AXON_COMPARE_PHASE_COST, 0);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  axon_compare_measure_cost (activation, &tc.params, config->n_cost_evals, seed, &cost);

  if (config->runs_dir != NULL)
    {
      g_autofree char *name = axon_compare_run_name (activation->name, seed);

      run_dir = g_build_filename (config->runs_dir, name, NULL);
      if (g_mkdir_with_parents (run_dir, 0755) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("%s: cannot create the run directory: %s"), run_dir,
                       g_strerror (saved));
          return FALSE;
        }
      if (!remove_old_event_files (run_dir, error))
        return FALSE;
      writer = axon_event_writer_new (run_dir, error);
      if (writer == NULL)
        return FALSE;
      recorder = axon_train_recorder_new (writer, NULL);
    }

  cmp->recorder = recorder;
  report (cmp, AXON_COMPARE_PHASE_TRAIN, 0);
  ok = axon_trainer_run (trainer, &observer, cmp, cancellable, &result, error);
  cmp->recorder = NULL;
  if (!ok)
    {
      axon_train_result_clear (&result);
      return FALSE;
    }
  report (cmp, AXON_COMPARE_PHASE_EVAL, config->n_steps);

  fill_values (&cost, &result, axon_compare_table_get_n_layers (table), values);
  if (writer != NULL)
    {
      ok = axon_train_recorder_finish (recorder, &result, error);
      for (guint c = 0; ok && c < n_columns; c++)
        {
          AxonCompareColumnInfo info;
          g_autofree char *tag = NULL;

          axon_compare_column_info (c, &info);
          tag = g_strconcat ("compare/", info.key, NULL);
          ok = axon_event_writer_add_scalar (writer, tag, result.n_steps_done, 0, values[c],
                                             error);
        }
      ok = ok && axon_event_writer_close (writer, error);
      if (!ok)
        {
          axon_train_result_clear (&result);
          return FALSE;
        }
    }
  axon_train_result_clear (&result);

  axon_compare_table_add_row (table, activation->name, seed, run_dir, values);
  cmp->progress.row = axon_compare_table_get_row (table,
                                                  axon_compare_table_get_n_rows (table) - 1);
  report (cmp, AXON_COMPARE_PHASE_RUN_DONE, config->n_steps);
  return TRUE;
}

gboolean
axon_compare_run (const AxonCompareConfig  *config,
                  const AxonDataset        *train,
                  const AxonDataset        *test,
                  AxonCompareProgressFunc   progress,
                  gpointer                  user_data,
                  GCancellable             *cancellable,
                  AxonCompareTable         *table,
                  GError                  **error)
{
  Comparison cmp = { 0 };
  guint n_activations;

  g_return_val_if_fail (config != NULL && train != NULL && table != NULL, FALSE);

  if (!axon_compare_config_validate (config, error))
    return FALSE;
  if (axon_compare_config_n_layers (config) != axon_compare_table_get_n_layers (table))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the network has %u layers, the table %u"),
                   axon_compare_config_n_layers (config),
                   axon_compare_table_get_n_layers (table));
      return FALSE;
    }

  n_activations = g_strv_length (config->activations);
  cmp.config = config;
  cmp.func = progress;
  cmp.user_data = user_data;
  cmp.start = g_get_monotonic_time () / (double) G_USEC_PER_SEC;
  cmp.progress.n_activations = n_activations;
  cmp.progress.n_seeds = config->n_seeds;
  cmp.progress.n_runs = n_activations * config->n_seeds;
  cmp.progress.n_steps = config->n_steps;

  for (guint a = 0; a < n_activations; a++)
    {
      const AxonActivation *activation = axon_activation_lookup (config->activations[a],
                                                                 NULL, NULL);

      for (guint s = 0; s < config->n_seeds; s++)
        {
          cmp.progress.activation = activation->name;
          cmp.progress.activation_index = a;
          cmp.progress.seed_index = s;
          cmp.progress.seed = config->first_seed + s;
          cmp.progress.run_index = a * config->n_seeds + s;
          if (!run_one (&cmp, activation, config->first_seed + s, train, test, cancellable,
                        table, error))
            return FALSE;
        }
    }
  return TRUE;
}
