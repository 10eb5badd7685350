/* axon-run-load.c: reads TensorBoard event files into an AxonRun.
 *
 * Histograms come in two forms:
 *
 * Legacy HistogramProto (PyTorch's add_histogram, TF1, Axon): bucket_limit[i] is the right
 * edge of bucket i; the left edge of bucket 0 is not stored. Writers put an empty bucket
 * first (PyTorch always does; TensorFlow's C++ encoder collapses the leading run of empty
 * buckets into one), so when bucket 0 is empty its right limit is taken as the left edge
 * of the data and bucket 0 itself is dropped: edges = bucket_limit, counts = bucket[1..].
 * No count is lost (the dropped one is 0) and n_bins + 1 == len (bucket_limit), the number
 * of buckets TensorBoard reports. When bucket 0 is not empty, its left edge is min (or,
 * if min is not below the limit, one bucket width below). TensorFlow's outer limits
 * +-DBL_MAX are replaced by max/min (or one neighbouring bucket width). min, max, num,
 * sum and sum_squares are the proto's own fields. (TensorBoard itself draws bucket 0 from
 * min to bucket_limit[0] and ends the last bucket at max.)
 *
 * TF2 tensor form ([k, 3] float64 of left edge, right edge, count; plugin "histograms"):
 * edges[0] = left[0], edges[i + 1] = right[i]. num is the sum of the counts, min and max
 * the outer edges of the non-empty buckets (TF2 builds its buckets from the data's min
 * to its max), and sum / sum_squares, which this form does not store, are estimated from
 * the bucket centres. zero_count is NAN (unknown) for both forms.
 *
 * TensorFlow's buckets are (left, right], AxonHistogram's bins [left, right): the edges
 * and counts are kept as they are; only a value exactly on an edge could be said to
 * change bins, and neither form records where such values were.
 */
#include "axon-run-private.h"

#include <float.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-tensorboard.pb-c.h"
#include "axon-tfrecord.h"

/* Problems inside one file beyond this many are summed up in one warning. */
#define MAX_WARNINGS_PER_FILE 5
/* Elements of a tensor Axon reads (a scalar, or a [k, 3] histogram of k buckets). A
 * value list shorter than the shape is padded (TensorFlow's rule), so without a bound a
 * record of a few bytes could declare [2^31, 3] and ask for tens of gigabytes. */
#define MAX_TENSOR_ELEMENTS (1u << 24)

typedef struct
{
  AxonRun *run;
  const char *base;
  guint n_warnings;
  guint n_suppressed;
} FileCtx;

static void
add_file_warning (FileCtx    *ctx,
                  gint64      offset,
                  const char *reason)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: file name, byte offset, what was wrong there */
  message = g_strdup_printf (_("%s: at byte %lld: %s"), ctx->base, (long long) offset,
                             reason);
  axon_run_add_warning (ctx->run, ctx->base, offset, message);
}

static void file_warn (FileCtx    *ctx,
                       gint64      offset,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

/* A problem that skips one value or record; past a few per file they are only counted. */
static void
file_warn (FileCtx    *ctx,
           gint64      offset,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *reason = NULL;

  if (ctx->n_warnings >= MAX_WARNINGS_PER_FILE)
    {
      ctx->n_suppressed++;
      return;
    }
  ctx->n_warnings++;
  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);
  add_file_warning (ctx, offset, reason);
}

static double
half_to_double (guint16 h)
{
  int exponent = (h >> 10) & 0x1f;
  int mantissa = h & 0x3ff;
  double value;

  if (exponent == 0)
    value = ldexp (mantissa, -24);
  else if (exponent == 31)
    value = mantissa ? NAN : INFINITY;
  else
    value = ldexp (mantissa + 1024, exponent - 25);
  return (h & 0x8000) ? -value : value;
}

/* The values of a tensor as doubles, in row-major order, with TensorFlow's rule that a
 * shorter value list is padded with its last value. NULL (and *reason) when unusable. */
static double *
tensor_values (const Tensorflow__TensorProto  *tensor,
               size_t                         *n_out,
               const char                    **reason)
{
  guint64 n_elements = 1;
  size_t n_vals = 0;
  size_t width = 0;
  g_autofree double *values = NULL;
  const ProtobufCBinaryData *content = &tensor->tensor_content;

  if (tensor->tensor_shape != NULL)
    for (size_t i = 0; i < tensor->tensor_shape->n_dim; i++)
      {
        gint64 size = tensor->tensor_shape->dim[i]->size;

        if (size < 0)
          {
            *reason = _("tensor has an invalid shape");
            return NULL;
          }
        if (size > 0 && n_elements > MAX_TENSOR_ELEMENTS / (guint64) size)
          {
            *reason = _("tensor is too large for a scalar or a histogram");
            return NULL;
          }
        n_elements *= (guint64) size;
      }

  switch (tensor->dtype)
    {
    case TENSORFLOW__DATA_TYPE__DT_DOUBLE:
    case TENSORFLOW__DATA_TYPE__DT_INT64:
      width = 8;
      break;
    case TENSORFLOW__DATA_TYPE__DT_FLOAT:
    case TENSORFLOW__DATA_TYPE__DT_INT32:
      width = 4;
      break;
    case TENSORFLOW__DATA_TYPE__DT_HALF:
      width = 2;
      break;
    default:
      *reason = _("tensor has an unsupported data type");
      return NULL;
    }

  values = g_new0 (double, n_elements > 0 ? n_elements : 1);
  if (content->len > 0)
    {
      if (content->len != n_elements * width)
        {
          *reason = _("tensor content does not match its shape");
          return NULL;
        }
      n_vals = n_elements;
      for (size_t i = 0; i < n_vals; i++)
        {
          const guint8 *p = content->data + i * width;

          if (width == 8)
            {
              guint64 bits;

              memcpy (&bits, p, 8);
              bits = GUINT64_FROM_LE (bits);
              if (tensor->dtype == TENSORFLOW__DATA_TYPE__DT_DOUBLE)
                memcpy (&values[i], &bits, 8);
              else
                values[i] = (double) (gint64) bits;
            }
          else if (width == 4)
            {
              guint32 bits;

              memcpy (&bits, p, 4);
              bits = GUINT32_FROM_LE (bits);
              if (tensor->dtype == TENSORFLOW__DATA_TYPE__DT_FLOAT)
                {
                  float f;

                  memcpy (&f, &bits, 4);
                  values[i] = f;
                }
              else
                values[i] = (double) (gint32) bits;
            }
          else
            {
              guint16 bits;

              memcpy (&bits, p, 2);
              values[i] = half_to_double (GUINT16_FROM_LE (bits));
            }
        }
    }
  else
    {
      switch (tensor->dtype)
        {
        case TENSORFLOW__DATA_TYPE__DT_DOUBLE:
          n_vals = tensor->n_double_val;
          break;
        case TENSORFLOW__DATA_TYPE__DT_FLOAT:
          n_vals = tensor->n_float_val;
          break;
        case TENSORFLOW__DATA_TYPE__DT_HALF:
          n_vals = tensor->n_half_val;
          break;
        case TENSORFLOW__DATA_TYPE__DT_INT32:
          n_vals = tensor->n_int_val;
          break;
        default:
          n_vals = tensor->n_int64_val;
          break;
        }
      if (n_vals > n_elements)
        {
          *reason = _("tensor has more values than its shape holds");
          return NULL;
        }
      for (size_t i = 0; i < n_vals; i++)
        switch (tensor->dtype)
          {
          case TENSORFLOW__DATA_TYPE__DT_DOUBLE:
            values[i] = tensor->double_val[i];
            break;
          case TENSORFLOW__DATA_TYPE__DT_FLOAT:
            values[i] = tensor->float_val[i];
            break;
          case TENSORFLOW__DATA_TYPE__DT_HALF:
            values[i] = half_to_double ((guint16) tensor->half_val[i]);
            break;
          case TENSORFLOW__DATA_TYPE__DT_INT32:
            values[i] = tensor->int_val[i];
            break;
          default:
            values[i] = (double) tensor->int64_val[i];
            break;
          }
      for (size_t i = n_vals; n_vals > 0 && i < n_elements; i++)
        values[i] = values[n_vals - 1];
    }
  *n_out = n_elements;
  return g_steal_pointer (&values);
}

static size_t
tensor_rank (const Tensorflow__TensorProto *tensor)
{
  return tensor->tensor_shape ? tensor->tensor_shape->n_dim : 0;
}

static gint64
tensor_dim (const Tensorflow__TensorProto *tensor,
            size_t                         i)
{
  return tensor->tensor_shape->dim[i]->size;
}

static gboolean
is_huge (double x)
{
  return !isfinite (x) || fabs (x) >= DBL_MAX;
}

/* See the comment at the top of the file. */
AxonHistogram *
axon_histogram_from_legacy (const double *limits,
                            const double *buckets,
                            size_t        n,
                            double        min,
                            double        max)
{
  AxonHistogram *hist;
  size_t nb;

  if (n == 0)
    {
      hist = axon_histogram_new (0);
      hist->edges[0] = isfinite (min) ? min : 0.0;
      return hist;
    }
  if (n >= 2 && buckets[0] == 0.0)
    {
      nb = n - 1;
      hist = axon_histogram_new (nb);
      memcpy (hist->edges, limits, n * sizeof (double));
      memcpy (hist->counts, buckets + 1, nb * sizeof (double));
    }
  else
    {
      double right = limits[0];
      double left;

      nb = n;
      hist = axon_histogram_new (nb);
      if (isfinite (min) && min < right && !is_huge (min))
        left = min;
      else if (n >= 2 && !is_huge (right) && !is_huge (limits[1]) && limits[1] > right)
        left = right - (limits[1] - right);
      else
        left = right - fmax (fabs (right) * 0x1p-10, 1.0e-12);
      hist->edges[0] = left;
      memcpy (hist->edges + 1, limits, n * sizeof (double));
      memcpy (hist->counts, buckets, nb * sizeof (double));
    }

  /* TensorFlow's outermost limits are -DBL_MAX and DBL_MAX. */
  if (nb >= 1 && is_huge (hist->edges[0]))
    {
      double inner = hist->edges[1];
      double width = (nb >= 2 && !is_huge (hist->edges[2])) ? hist->edges[2] - inner : 1.0;

      hist->edges[0] = (isfinite (min) && !is_huge (min) && min < inner) ? min : inner - width;
    }
  if (nb >= 1 && is_huge (hist->edges[nb]))
    {
      double inner = hist->edges[nb - 1];
      double width = (nb >= 2 && !is_huge (hist->edges[nb - 2])) ? inner - hist->edges[nb - 2]
                                                                  : 1.0;

      hist->edges[nb] = (isfinite (max) && !is_huge (max) && max > inner) ? max : inner + width;
    }
  return hist;
}

static AxonHistogram *
histogram_from_legacy_proto (const Tensorflow__HistogramProto *proto)
{
  size_t n = MIN (proto->n_bucket_limit, proto->n_bucket);
  AxonHistogram *hist = axon_histogram_from_legacy (proto->bucket_limit, proto->bucket, n,
                                                    proto->min, proto->max);

  hist->min = proto->min;
  hist->max = proto->max;
  hist->num = proto->num;
  hist->sum = proto->sum;
  hist->sum_squares = proto->sum_squares;
  return hist;
}

static AxonHistogram *
histogram_from_tensor (const Tensorflow__TensorProto  *tensor,
                       const char                    **reason)
{
  g_autofree double *values = NULL;
  size_t n_values = 0;
  size_t k;
  AxonHistogram *hist;
  gssize first = -1, last = -1;

  if (tensor_rank (tensor) != 2 || tensor_dim (tensor, 1) != 3)
    {
      *reason = _("histogram tensor is not of shape [k, 3]");
      return NULL;
    }
  values = tensor_values (tensor, &n_values, reason);
  if (values == NULL)
    return NULL;
  k = n_values / 3;
  hist = axon_histogram_new (k);
  if (k == 0)
    {
      hist->min = hist->max = NAN;
      hist->edges[0] = 0.0;
      return hist;
    }
  hist->edges[0] = values[0];
  for (size_t i = 0; i < k; i++)
    {
      double count = values[3 * i + 2];
      double centre = 0.5 * (values[3 * i] + values[3 * i + 1]);

      hist->edges[i + 1] = values[3 * i + 1];
      hist->counts[i] = count;
      hist->num += count;
      if (count != 0.0)
        {
          hist->sum += count * centre;
          hist->sum_squares += count * centre * centre;
          if (first < 0)
            first = (gssize) i;
          last = (gssize) i;
        }
    }
  hist->min = first >= 0 ? values[3 * first] : values[0];
  hist->max = last >= 0 ? values[3 * last + 1] : values[3 * (k - 1) + 1];
  return hist;
}

static gboolean
scalar_from_tensor (const Tensorflow__TensorProto  *tensor,
                    double                         *value,
                    const char                    **reason)
{
  g_autofree double *values = NULL;
  size_t n_values = 0;

  values = tensor_values (tensor, &n_values, reason);
  if (values == NULL)
    return FALSE;
  if (n_values != 1)
    {
      *reason = _("scalar tensor does not hold exactly one value");
      return FALSE;
    }
  *value = values[0];
  return TRUE;
}

static void
process_value (FileCtx                        *ctx,
               gint64                          offset,
               const Tensorflow__Event        *event,
               const Tensorflow__Summary__Value *value)
{
  const char *tag = value->tag;
  const char *plugin = NULL;
  const char *reason = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (tag == NULL || *tag == '\0')
    tag = value->node_name;
  if (tag == NULL || *tag == '\0')
    {
      file_warn (ctx, offset, _("a summary value without a tag was skipped"));
      return;
    }
  if (value->metadata != NULL && value->metadata->plugin_data != NULL
      && value->metadata->plugin_data->plugin_name != NULL
      && *value->metadata->plugin_data->plugin_name != '\0')
    {
      plugin = value->metadata->plugin_data->plugin_name;
      axon_run_set_tag_plugin (ctx->run, tag, plugin);
    }
  plugin = axon_run_get_tag_plugin (ctx->run, tag);

  switch (value->value_case)
    {
    case TENSORFLOW__SUMMARY__VALUE__VALUE_SIMPLE_VALUE:
      ok = axon_run_add_scalar (ctx->run, tag, event->step, event->wall_time,
                                (double) value->simple_value, &error);
      break;

    case TENSORFLOW__SUMMARY__VALUE__VALUE_HISTO:
      {
        AxonHistogram *hist = histogram_from_legacy_proto (value->histo);

        hist->step = event->step;
        hist->wall_time = event->wall_time;
        ok = axon_run_take_histogram (ctx->run, tag, hist, &error);
      }
      break;

    case TENSORFLOW__SUMMARY__VALUE__VALUE_TENSOR:
      {
        const Tensorflow__TensorProto *tensor = value->tensor;
        gboolean as_scalar, as_histogram;

        /* Without a plugin (never declared), go by the shape, as a lenient reader. */
        if (plugin != NULL)
          {
            as_scalar = g_str_equal (plugin, "scalars");
            as_histogram = g_str_equal (plugin, "histograms");
          }
        else
          {
            as_scalar = tensor_rank (tensor) == 0;
            as_histogram = tensor_rank (tensor) == 2 && tensor_dim (tensor, 1) == 3;
          }
        if (as_scalar)
          {
            double x;

            if (scalar_from_tensor (tensor, &x, &reason))
              ok = axon_run_add_scalar (ctx->run, tag, event->step, event->wall_time, x, &error);
            else
              file_warn (ctx, offset, _("tag “%s”: %s"), tag, reason);
          }
        else if (as_histogram)
          {
            AxonHistogram *hist = histogram_from_tensor (tensor, &reason);

            if (hist != NULL)
              {
                hist->step = event->step;
                hist->wall_time = event->wall_time;
                ok = axon_run_take_histogram (ctx->run, tag, hist, &error);
              }
            else
              file_warn (ctx, offset, _("tag “%s”: %s"), tag, reason);
          }
        /* Other plugins (images, text, hparams...) are not Axon's business. */
      }
      break;

    default:
      break;
    }
  if (!ok)
    file_warn (ctx, offset, "%s", error->message);
}

static void
process_event (FileCtx      *ctx,
               gint64        offset,
               const guint8 *payload,
               size_t        len)
{
  Tensorflow__Event *event = tensorflow__event__unpack (NULL, len, payload);

  if (event == NULL)
    {
      file_warn (ctx, offset, _("the record is not a valid Event message; skipped"));
      return;
    }
  if (event->what_case == TENSORFLOW__EVENT__WHAT_SUMMARY && event->summary != NULL)
    {
      for (size_t i = 0; i < event->summary->n_value; i++)
        process_value (ctx, offset, event, event->summary->value[i]);
    }
  else if (event->what_case == TENSORFLOW__EVENT__WHAT_SESSION_LOG
           && event->session_log != NULL
           && event->session_log->status == TENSORFLOW__SESSION_LOG__SESSION_STATUS__START)
    {
      /* As TensorBoard: a restart discards what was recorded from that step on. */
      size_t dropped = axon_run_purge_from_step (ctx->run, event->step);

      if (dropped > 0)
        file_warn (ctx, offset,
                   g_dngettext (GETTEXT_PACKAGE,
                                "the run restarted at step %lld; %zu earlier point of "
                                "later steps was discarded",
                                "the run restarted at step %lld; %zu earlier points of "
                                "later steps were discarded",
                                dropped),
                   (long long) event->step, dropped);
    }
  tensorflow__event__free_unpacked (event, NULL);
}

gboolean
axon_run_load_file (AxonRun     *run,
                    const char  *path,
                    GError     **error)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *base = NULL;
  const guint8 *data;
  size_t size, offset = 0;
  FileCtx ctx = { run, NULL, 0, 0 };

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, AXON_RUN_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? AXON_RUN_ERROR_NOT_FOUND : AXON_RUN_ERROR_IO,
                   _("Cannot read event file “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  base = g_path_get_basename (path);
  ctx.base = base;
  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);

  for (;;)
    {
      const guint8 *payload;
      size_t len;
      size_t at = offset;
      AxonTfrecordStatus status = axon_tfrecord_next (data, size, &offset, &payload, &len);

      if (status == AXON_TFRECORD_END)
        break;
      if (status != AXON_TFRECORD_OK)
        {
          /* Framing is lost: nothing after this point can be trusted. Always reported. */
          g_autofree char *reason =
            g_strdup_printf (_("%s; the rest of the file (%zu bytes) was not read"),
                             axon_tfrecord_status_to_string (status), size - at);

          add_file_warning (&ctx, (gint64) at, reason);
          break;
        }
      process_event (&ctx, (gint64) at, payload, len);
    }
  if (ctx.n_suppressed > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u more problem not listed",
                                      "%s: %u more problems not listed", ctx.n_suppressed),
                         base, ctx.n_suppressed);

      axon_run_add_warning (run, base, -1, message);
    }
  return TRUE;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

AxonRun *
axon_run_load (const char  *dir_or_file,
               GError     **error)
{
  g_autoptr (AxonRun) run = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GError) first_error = NULL;
  const char *name;
  guint n_loaded = 0;

  g_return_val_if_fail (dir_or_file != NULL, NULL);
  if (!g_file_test (dir_or_file, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NOT_FOUND,
                   _("Run “%s” not found: no such file or directory"), dir_or_file);
      return NULL;
    }
  run = axon_run_new ();
  axon_run_set_source (run, dir_or_file);
  if (!g_file_test (dir_or_file, G_FILE_TEST_IS_DIR))
    {
      if (!axon_run_load_file (run, dir_or_file, error))
        return NULL;
      return g_steal_pointer (&run);
    }

  dir = g_dir_open (dir_or_file, 0, &local_error);
  if (dir == NULL)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO,
                   _("Cannot open run directory “%s”: %s"), dir_or_file, local_error->message);
      return NULL;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      /* TensorBoard's own test: "tfevents" anywhere in the name. */
      if (strstr (name, "tfevents") == NULL)
        continue;
      path = g_build_filename (dir_or_file, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  if (names->len == 0)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NO_EVENT_FILES,
                   _("No TensorBoard event file (events.out.tfevents.*) in “%s”"), dir_or_file);
      return NULL;
    }
  /* File names carry the creation time, so name order is time order, as for TensorBoard. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_or_file, g_ptr_array_index (names, i), NULL);
      g_autoptr (GError) file_error = NULL;

      if (axon_run_load_file (run, path, &file_error))
        n_loaded++;
      else
        {
          axon_run_add_warning (run, g_ptr_array_index (names, i), 0, file_error->message);
          if (first_error == NULL)
            first_error = g_steal_pointer (&file_error);
        }
    }
  if (n_loaded == 0)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return NULL;
    }
  return g_steal_pointer (&run);
}
