/* axon-event-writer.c: buffered writing of Event records (see axon-event-writer.h). */
#include "axon-event-writer.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "axon-run.h"
#include "axon-tensorboard.pb-c.h"
#include "axon-tfrecord.h"

/* Buffered bytes that trigger a write without an explicit flush. */
#define FLUSH_THRESHOLD (1u << 20)

struct _AxonEventWriter
{
  char *path;
  FILE *file;
  GByteArray *buffer;
  gboolean closed;
  gboolean failed;
};

static double
now_seconds (void)
{
  return (double) g_get_real_time () / G_USEC_PER_SEC;
}

static void
append_event (AxonEventWriter         *writer,
              const Tensorflow__Event *event)
{
  size_t size = tensorflow__event__get_packed_size (event);
  g_autofree guint8 *bytes = g_malloc (size > 0 ? size : 1);

  tensorflow__event__pack (event, bytes);
  axon_tfrecord_append (writer->buffer, bytes, size);
}

static gboolean
check_writable (AxonEventWriter  *writer,
                GError          **error)
{
  if (writer->closed)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                   _("Event file “%s” is already closed"), writer->path);
      return FALSE;
    }
  if (writer->failed)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO,
                   _("Event file “%s” is not written any more after an earlier write error"),
                   writer->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
axon_event_writer_flush (AxonEventWriter  *writer,
                         GError          **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  if (!check_writable (writer, error))
    return FALSE;
  if (writer->buffer->len > 0
      && fwrite (writer->buffer->data, 1, writer->buffer->len, writer->file)
           != writer->buffer->len)
    {
      int saved = errno;

      writer->failed = TRUE;
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO, _("Cannot write event file “%s”: %s"),
                   writer->path, g_strerror (saved));
      return FALSE;
    }
  g_byte_array_set_size (writer->buffer, 0);
  if (fflush (writer->file) != 0)
    {
      int saved = errno;

      writer->failed = TRUE;
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO, _("Cannot write event file “%s”: %s"),
                   writer->path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
maybe_flush (AxonEventWriter  *writer,
             GError          **error)
{
  if (writer->buffer->len < FLUSH_THRESHOLD)
    return TRUE;
  return axon_event_writer_flush (writer, error);
}

AxonEventWriter *
axon_event_writer_new (const char  *run_dir,
                       GError     **error)
{
  static gint file_counter = 0;
  g_autoptr (AxonEventWriter) writer = NULL;
  Tensorflow__Event event = TENSORFLOW__EVENT__INIT;
  gint64 seconds = g_get_real_time () / G_USEC_PER_SEC;
  int fd = -1;

  g_return_val_if_fail (run_dir != NULL, NULL);
  if (g_mkdir_with_parents (run_dir, 0777) != 0)
    {
      int saved = errno;

      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO,
                   _("Cannot create run directory “%s”: %s"), run_dir, g_strerror (saved));
      return NULL;
    }
  writer = g_new0 (AxonEventWriter, 1);
  writer->buffer = g_byte_array_new ();
  /* The same name scheme as TensorFlow and PyTorch; the counter tells apart writers of one
   * process in one second, O_EXCL never clobbers someone else's file. */
  for (int attempt = 0; attempt < 1000 && fd < 0; attempt++)
    {
      g_autofree char *name =
        g_strdup_printf ("events.out.tfevents.%010" G_GINT64_FORMAT ".%s.%d.%d", seconds,
                         g_get_host_name (), (int) getpid (),
                         g_atomic_int_add (&file_counter, 1));

      g_free (writer->path);
      writer->path = g_build_filename (run_dir, name, NULL);
      fd = g_open (writer->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd < 0 && errno != EEXIST)
        break;
    }
  if (fd < 0 || (writer->file = fdopen (fd, "wb")) == NULL)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      writer->closed = TRUE;
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO,
                   _("Cannot create event file “%s”: %s"), writer->path, g_strerror (saved));
      return NULL;
    }

  event.wall_time = now_seconds ();
  event.step = 0;
  event.what_case = TENSORFLOW__EVENT__WHAT_FILE_VERSION;
  event.file_version = (char *) "brain.Event:2";
  append_event (writer, &event);
  if (!axon_event_writer_flush (writer, error))
    {
      fclose (writer->file);
      writer->file = NULL;
      writer->closed = TRUE;
      return NULL;
    }
  return g_steal_pointer (&writer);
}

const char *
axon_event_writer_get_path (const AxonEventWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);
  return writer->path;
}

static gboolean
check_tag (AxonEventWriter  *writer,
           const char       *tag,
           GError          **error)
{
  if (tag == NULL || *tag == '\0')
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                   _("Event file “%s”: a tag must not be empty"), writer->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
axon_event_writer_add_scalar (AxonEventWriter  *writer,
                              const char       *tag,
                              gint64            step,
                              double            wall_time,
                              double            value,
                              GError          **error)
{
  Tensorflow__Event event = TENSORFLOW__EVENT__INIT;
  Tensorflow__Summary summary = TENSORFLOW__SUMMARY__INIT;
  Tensorflow__Summary__Value entry = TENSORFLOW__SUMMARY__VALUE__INIT;
  Tensorflow__Summary__Value *entries[1] = { &entry };
  Tensorflow__SummaryMetadata metadata = TENSORFLOW__SUMMARY_METADATA__INIT;
  Tensorflow__SummaryMetadata__PluginData plugin = TENSORFLOW__SUMMARY_METADATA__PLUGIN_DATA__INIT;
  Tensorflow__TensorProto tensor = TENSORFLOW__TENSOR_PROTO__INIT;
  Tensorflow__TensorShapeProto shape = TENSORFLOW__TENSOR_SHAPE_PROTO__INIT;

  g_return_val_if_fail (writer != NULL, FALSE);
  if (!check_writable (writer, error) || !check_tag (writer, tag, error))
    return FALSE;

  /* A rank-0 DT_DOUBLE tensor of the "scalars" plugin keeps all 64 bits. */
  plugin.plugin_name = (char *) "scalars";
  metadata.plugin_data = &plugin;
  metadata.data_class = TENSORFLOW__DATA_CLASS__DATA_CLASS_SCALAR;
  tensor.dtype = TENSORFLOW__DATA_TYPE__DT_DOUBLE;
  tensor.tensor_shape = &shape;
  tensor.n_double_val = 1;
  tensor.double_val = &value;
  entry.tag = (char *) tag;
  entry.metadata = &metadata;
  entry.value_case = TENSORFLOW__SUMMARY__VALUE__VALUE_TENSOR;
  entry.tensor = &tensor;
  summary.n_value = 1;
  summary.value = entries;
  event.wall_time = (wall_time == 0.0 || isnan (wall_time)) ? now_seconds () : wall_time;
  event.step = step;
  event.what_case = TENSORFLOW__EVENT__WHAT_SUMMARY;
  event.summary = &summary;
  append_event (writer, &event);
  return maybe_flush (writer, error);
}

gboolean
axon_event_writer_add_histogram (AxonEventWriter      *writer,
                                 const char           *tag,
                                 const AxonHistogram  *hist,
                                 GError              **error)
{
  Tensorflow__Event event = TENSORFLOW__EVENT__INIT;
  Tensorflow__Summary summary = TENSORFLOW__SUMMARY__INIT;
  Tensorflow__Summary__Value entry = TENSORFLOW__SUMMARY__VALUE__INIT;
  Tensorflow__Summary__Value *entries[1] = { &entry };
  Tensorflow__HistogramProto proto = TENSORFLOW__HISTOGRAM_PROTO__INIT;
  g_autofree double *limits = NULL;
  g_autofree double *buckets = NULL;
  size_t n;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (hist != NULL, FALSE);
  if (!check_writable (writer, error) || !check_tag (writer, tag, error))
    return FALSE;
  if (hist->n_bins == 0 || hist->edges == NULL || hist->counts == NULL)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                   _("Event file “%s”: histogram “%s” at step %lld has no bins"),
                   writer->path, tag, (long long) hist->step);
      return FALSE;
    }
  for (size_t i = 0; i <= hist->n_bins; i++)
    if (!isfinite (hist->edges[i]) || (i > 0 && !(hist->edges[i] >= hist->edges[i - 1])))
      {
        g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                     _("Event file “%s”: histogram “%s” at step %lld has a non-finite or "
                       "descending edge %g"),
                     writer->path, tag, (long long) hist->step, hist->edges[i]);
        return FALSE;
      }

  /* Right-edge limits; the empty bucket in front carries edges[0] (see the header). */
  n = hist->n_bins + 1;
  limits = g_new (double, n);
  buckets = g_new (double, n);
  limits[0] = hist->edges[0];
  buckets[0] = 0.0;
  memcpy (limits + 1, hist->edges + 1, hist->n_bins * sizeof (double));
  memcpy (buckets + 1, hist->counts, hist->n_bins * sizeof (double));
  proto.min = hist->min;
  proto.max = hist->max;
  proto.num = hist->num;
  proto.sum = hist->sum;
  proto.sum_squares = hist->sum_squares;
  proto.n_bucket_limit = n;
  proto.bucket_limit = limits;
  proto.n_bucket = n;
  proto.bucket = buckets;
  entry.tag = (char *) tag;
  entry.value_case = TENSORFLOW__SUMMARY__VALUE__VALUE_HISTO;
  entry.histo = &proto;
  summary.n_value = 1;
  summary.value = entries;
  event.wall_time = (hist->wall_time == 0.0 || isnan (hist->wall_time)) ? now_seconds ()
                                                                         : hist->wall_time;
  event.step = hist->step;
  event.what_case = TENSORFLOW__EVENT__WHAT_SUMMARY;
  event.summary = &summary;
  append_event (writer, &event);
  return maybe_flush (writer, error);
}

gboolean
axon_event_writer_close (AxonEventWriter  *writer,
                         GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (writer != NULL, FALSE);
  if (writer->closed)
    return TRUE;
  ok = writer->failed ? TRUE : axon_event_writer_flush (writer, error);
  if (writer->failed && ok)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO,
                   _("Event file “%s” is incomplete after an earlier write error"),
                   writer->path);
      ok = FALSE;
    }
  if (fclose (writer->file) != 0 && ok)
    {
      int saved = errno;

      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO, _("Cannot close event file “%s”: %s"),
                   writer->path, g_strerror (saved));
      ok = FALSE;
    }
  writer->file = NULL;
  writer->closed = TRUE;
  return ok;
}

void
axon_event_writer_free (AxonEventWriter *writer)
{
  g_autoptr (GError) error = NULL;

  if (writer == NULL)
    return;
  if (!writer->closed && !axon_event_writer_close (writer, &error))
    g_warning ("%s", error->message);
  g_byte_array_unref (writer->buffer);
  g_free (writer->path);
  g_free (writer);
}
