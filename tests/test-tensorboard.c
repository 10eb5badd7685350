/* test-tensorboard.c: CRC-32C, TFRecord framing, event files written and read, the
 * fixtures written by PyTorch and TensorFlow 2, damaged files, export, `axon run`. */
#define _GNU_SOURCE /* memmem */
#include <float.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "axon-csv-json.h"
#include "axon-event-writer.h"
#include "axon-run.h"
#include "axon-tfrecord.h"

#define FIXTURES AXON_TEST_DATA "/tensorboard"
#define PYTORCH_RUN FIXTURES "/pytorch-summarywriter"
#define PYTORCH_FILE PYTORCH_RUN "/events.out.tfevents.1795371084.vm.21111.0"
#define TF2_RUN FIXTURES "/tf2-histogram"

/* Helpers ------------------------------------------------------------------------------ */

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("axon-tb-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static guint
count_dir_entries (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
assert_close (double      got,
              double      want,
              const char *what)
{
  double tolerance = 1e-12 * fmax (fabs (want), DBL_MIN);

  if (!(fabs (got - want) <= tolerance))
    g_error ("%s: got %.17g, want %.17g", what, got, want);
}

static gboolean
same_bits (double a,
           double b)
{
  return memcmp (&a, &b, sizeof a) == 0;
}

static void
write_bytes (const char *path,
             const void *data,
             size_t      len)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
}

/* A minimal protobuf encoder, independent of protobuf-c, for hand-made records. */

static void
pb_varint (GByteArray *b,
           guint64     v)
{
  do
    {
      guint8 byte = v & 0x7f;

      v >>= 7;
      if (v)
        byte |= 0x80;
      g_byte_array_append (b, &byte, 1);
    }
  while (v);
}

static void
pb_key (GByteArray *b,
        int         field,
        int         wire)
{
  pb_varint (b, ((guint64) field << 3) | (guint64) wire);
}

static void
pb_raw_double (GByteArray *b,
               double      v)
{
  guint64 bits;

  memcpy (&bits, &v, 8);
  bits = GUINT64_TO_LE (bits);
  g_byte_array_append (b, (const guint8 *) &bits, 8);
}

static void
pb_double (GByteArray *b,
           int         field,
           double      v)
{
  pb_key (b, field, 1);
  pb_raw_double (b, v);
}

static void
pb_float (GByteArray *b,
          int         field,
          float       v)
{
  guint32 bits;

  memcpy (&bits, &v, 4);
  bits = GUINT32_TO_LE (bits);
  pb_key (b, field, 5);
  g_byte_array_append (b, (const guint8 *) &bits, 4);
}

static void
pb_uint (GByteArray *b,
         int         field,
         guint64     v)
{
  pb_key (b, field, 0);
  pb_varint (b, v);
}

static void
pb_bytes (GByteArray *b,
          int         field,
          const void *data,
          size_t      len)
{
  pb_key (b, field, 2);
  pb_varint (b, len);
  g_byte_array_append (b, data, len);
}

static void
pb_string (GByteArray *b,
           int         field,
           const char *s)
{
  pb_bytes (b, field, s, strlen (s));
}

/* Appends sub as a length-delimited field and frees it. */
static void
pb_message (GByteArray *b,
            int         field,
            GByteArray *sub)
{
  pb_bytes (b, field, sub->data, sub->len);
  g_byte_array_unref (sub);
}

static void
pb_packed_doubles (GByteArray   *b,
                   int           field,
                   const double *v,
                   size_t        n)
{
  GByteArray *sub = g_byte_array_new ();

  for (size_t i = 0; i < n; i++)
    pb_raw_double (sub, v[i]);
  pb_message (b, field, sub);
}

static GByteArray *
pb_shape (const gint64 *dims,
          size_t        n)
{
  GByteArray *shape = g_byte_array_new ();

  for (size_t i = 0; i < n; i++)
    {
      GByteArray *dim = g_byte_array_new ();

      pb_uint (dim, 1, (guint64) dims[i]);
      pb_message (shape, 2, dim);
    }
  return shape;
}

static GByteArray *
pb_plugin_metadata (const char *plugin)
{
  GByteArray *metadata = g_byte_array_new ();
  GByteArray *plugin_data = g_byte_array_new ();

  pb_string (plugin_data, 1, plugin);
  pb_message (metadata, 1, plugin_data);
  return metadata;
}

/* Frames Event {wall_time, step, summary {value}} (value is consumed) into out. */
static void
append_summary_event (GByteArray *out,
                      double      wall_time,
                      gint64      step,
                      GByteArray *value)
{
  g_autoptr (GByteArray) event = g_byte_array_new ();
  GByteArray *summary = g_byte_array_new ();

  pb_double (event, 1, wall_time);
  pb_uint (event, 2, (guint64) step);
  pb_message (summary, 1, value);
  pb_message (event, 5, summary);
  axon_tfrecord_append (out, event->data, event->len);
}

static void
append_file_version (GByteArray *out)
{
  g_autoptr (GByteArray) event = g_byte_array_new ();

  pb_double (event, 1, 1.0e9);
  pb_string (event, 3, "brain.Event:2");
  axon_tfrecord_append (out, event->data, event->len);
}

/* Writes out as the only event file of a new temp dir; returns the dir. */
static char *
write_run (GByteArray *out)
{
  char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "events.out.tfevents.1000000000.test.1.0",
                                            NULL);

  write_bytes (path, out->data, out->len);
  return dir;
}

/* CRC-32C ------------------------------------------------------------------------------ */

static void
test_crc32c (void)
{
  /* The standard check value and the iSCSI vectors of RFC 3720, B.4. */
  guint8 zeros[32] = { 0 }, ones[32], up[32], down[32];
  struct
  {
    const void *data;
    size_t len;
    guint32 crc;
  } cases[] = {
    { "123456789", 9, 0xe3069283 },
    { "", 0, 0x00000000 },
    { "a", 1, 0xc1d04330 },
    { zeros, 32, 0x8a9136aa },
    { ones, 32, 0x62a8ab43 },
    { up, 32, 0x46dd794e },
    { down, 32, 0x113fdb5c },
  };

  memset (ones, 0xff, sizeof ones);
  for (int i = 0; i < 32; i++)
    {
      up[i] = (guint8) i;
      down[i] = (guint8) (31 - i);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmphex (axon_crc32c (0, cases[i].data, cases[i].len), ==, cases[i].crc);
      g_assert_cmphex (axon_crc32c_portable (0, cases[i].data, cases[i].len), ==, cases[i].crc);
    }
  /* Chaining is the same as one pass. */
  g_assert_cmphex (axon_crc32c (axon_crc32c (0, "1234", 4), "56789", 5), ==, 0xe3069283);
}

static void
test_crc32c_paths_agree (void)
{
  guint8 buf[300];
  guint32 state = 12345;

  for (gsize i = 0; i < sizeof buf; i++)
    {
      state = state * 1103515245u + 12345u;
      buf[i] = (guint8) (state >> 16);
    }
  /* Every alignment and tail length of both code paths. */
  for (size_t offset = 0; offset < 8; offset++)
    for (size_t len = 0; len + offset <= sizeof buf; len += 7)
      g_assert_cmphex (axon_crc32c (0, buf + offset, len), ==,
                       axon_crc32c_portable (0, buf + offset, len));
}

static void
test_mask (void)
{
  const guint32 crcs[] = { 0, 1, 0xe3069283, 0xffffffff, 0x80000000, 0x12345678 };

  /* TensorFlow's formula worked out by hand for the check value. */
  g_assert_cmphex (axon_crc32c_mask (0xe3069283), ==, 0xc78ab0e5);
  g_assert_cmphex (axon_crc32c_mask (0), ==, 0xa282ead8);
  for (gsize i = 0; i < G_N_ELEMENTS (crcs); i++)
    {
      guint32 crc = crcs[i];

      g_assert_cmphex (axon_crc32c_mask (crc), !=, crc);
      g_assert_cmphex (axon_crc32c_mask (axon_crc32c_mask (crc)), !=, crc);
      g_assert_cmphex (axon_crc32c_unmask (axon_crc32c_mask (crc)), ==, crc);
      g_assert_cmphex (axon_crc32c_unmask (axon_crc32c_unmask (axon_crc32c_mask (
                         axon_crc32c_mask (crc)))), ==, crc);
    }
}

/* TFRecord framing --------------------------------------------------------------------- */

static void
test_framing (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autofree char *contents = NULL;
  gsize size;
  size_t offset = 0, len;
  const guint8 *payload;
  guint n_records = 0;

  axon_tfrecord_append (out, "hello", 5);
  axon_tfrecord_append (out, "", 0);
  g_assert_cmpuint (out->len, ==, 16 + 5 + 16);
  g_assert_cmpint (axon_tfrecord_next (out->data, out->len, &offset, &payload, &len), ==,
                   AXON_TFRECORD_OK);
  g_assert_cmpuint (len, ==, 5);
  g_assert_cmpmem (payload, len, "hello", 5);
  g_assert_cmpint (axon_tfrecord_next (out->data, out->len, &offset, &payload, &len), ==,
                   AXON_TFRECORD_OK);
  g_assert_cmpuint (len, ==, 0);
  g_assert_cmpint (axon_tfrecord_next (out->data, out->len, &offset, &payload, &len), ==,
                   AXON_TFRECORD_END);
  g_assert_cmpuint (offset, ==, out->len);

  /* Every record PyTorch wrote passes both CRCs: our CRC is TensorFlow's. */
  g_file_get_contents (PYTORCH_FILE, &contents, &size, NULL);
  g_assert_nonnull (contents);
  offset = 0;
  while (axon_tfrecord_next ((const guint8 *) contents, size, &offset, &payload, &len)
         == AXON_TFRECORD_OK)
    n_records++;
  g_assert_cmpuint (offset, ==, size);
  g_assert_cmpuint (n_records, ==, 55);
}

/* Runs in memory ----------------------------------------------------------------------- */

static void
test_run_order (void)
{
  g_autoptr (AxonRun) run = axon_run_new ();
  g_autoptr (GError) error = NULL;
  const AxonScalarPoint *points;
  const gint64 steps[] = { 10, 0, 20, 10, 5 };
  const gint64 sorted[] = { 0, 5, 10, 10, 20 };
  size_t n;
  g_autoptr (AxonHistogram) hist = axon_histogram_new (2);

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    g_assert_true (axon_run_add_scalar (run, "loss", steps[i], 0, (double) i, NULL));
  points = axon_run_get_scalars (run, "loss", &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (sorted));
  for (size_t i = 0; i < n; i++)
    g_assert_cmpint (points[i].step, ==, sorted[i]);
  /* Equal steps keep their arrival order: the first step 10 was value 0, the second 3. */
  g_assert_cmpfloat (points[2].value, ==, 0.0);
  g_assert_cmpfloat (points[3].value, ==, 3.0);

  g_assert_false (axon_run_add_histogram (run, "loss", hist, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_KIND);
  g_clear_error (&error);
  g_assert_false (axon_run_add_scalar (run, "", 0, 0, 1, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_clear_error (&error);

  for (gint64 s = 30; s >= 0; s -= 10)
    {
      hist->step = s;
      g_assert_true (axon_run_add_histogram (run, "weights/fc1", hist, NULL));
    }
  g_assert_cmpint (axon_run_get_histogram_at (run, "weights/fc1", 25)->step, ==, 20);
  g_assert_cmpint (axon_run_get_histogram_at (run, "weights/fc1", -5)->step, ==, 0);
  g_assert_cmpint (axon_run_get_histogram_at (run, "weights/fc1", 99)->step, ==, 30);
  g_assert_null (axon_run_get_histogram_at (run, "loss", 0));
  g_assert_cmpint (axon_run_get_tag_kind (run, "weights/fc1"), ==, AXON_RUN_TAG_HISTOGRAM);
  g_assert_cmpint (axon_run_get_tag_kind (run, "nope"), ==, AXON_RUN_TAG_NONE);
  g_assert_null (axon_run_get_scalars (run, "weights/fc1", &n));
  g_assert_cmpuint (n, ==, 0);

  {
    g_autoptr (AxonRun) copy = axon_run_copy (run);
    g_auto (GStrv) tags = axon_run_dup_tags (copy);
    size_t n_hists;

    g_assert_cmpuint (g_strv_length (tags), ==, 2);
    g_assert_cmpstr (tags[0], ==, "loss");
    axon_run_get_histograms (copy, "weights/fc1", &n_hists);
    g_assert_cmpuint (n_hists, ==, 4);
  }
}

static void
test_tag_parse (void)
{
  const struct
  {
    const char *tag;
    const char *layer;
    const char *param;
    AxonTagRole role;
  } cases[] = {
    { "weights/0.weight", "0", "weight", AXON_TAG_ROLE_WEIGHTS },
    { "gradients/0.bias", "0", "bias", AXON_TAG_ROLE_GRADIENTS },
    { "gradients/fc1", "fc1", NULL, AXON_TAG_ROLE_GRADIENTS },
    { "layer1/weights", "layer1", NULL, AXON_TAG_ROLE_WEIGHTS },
    { "layer1/gradients", "layer1", NULL, AXON_TAG_ROLE_GRADIENTS },
    { "dense_1/kernel_0", "dense_1", "kernel_0", AXON_TAG_ROLE_WEIGHTS },
    { "weights/encoder.fc2.weight", "encoder.fc2", "weight", AXON_TAG_ROLE_WEIGHTS },
    { "fc1.weight.grad", "fc1", "weight", AXON_TAG_ROLE_GRADIENTS },
    { "train/loss", "train", "loss", AXON_TAG_ROLE_OTHER },
    { "fc1/zero_grad_ratio", "fc1", "zero_grad_ratio", AXON_TAG_ROLE_OTHER },
    { "loss", "loss", NULL, AXON_TAG_ROLE_OTHER },
    { "weights", "weights", NULL, AXON_TAG_ROLE_WEIGHTS },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *layer = NULL;
      g_autofree char *param = NULL;
      AxonTagRole role = axon_tag_parse (cases[i].tag, &layer, &param);

      g_test_message ("axon_tag_parse (\"%s\")", cases[i].tag);
      g_assert_cmpstr (layer, ==, cases[i].layer);
      g_assert_cmpstr (param, ==, cases[i].param);
      g_assert_cmpint (role, ==, cases[i].role);
    }
}

/* Round trip --------------------------------------------------------------------------- */

static AxonHistogram *
make_histogram (gint64 step,
                size_t n_bins,
                double seed)
{
  AxonHistogram *hist = axon_histogram_new (n_bins);

  hist->step = step;
  hist->wall_time = 1.7e9 + step * 0.123456789;
  for (size_t i = 0; i <= n_bins; i++)
    hist->edges[i] = -1.0 / 3.0 * seed + (double) i * 0.1 * seed;
  for (size_t i = 0; i < n_bins; i++)
    hist->counts[i] = (double) ((i * 7 + (size_t) step) % 5);
  hist->counts[0] = 0.0; /* an empty first bin must survive too */
  hist->min = hist->edges[0] + 1e-17;
  hist->max = hist->edges[n_bins] - 0.01;
  hist->num = 0;
  for (size_t i = 0; i < n_bins; i++)
    hist->num += hist->counts[i];
  hist->sum = M_PI * seed;
  hist->sum_squares = M_E * seed;
  return hist;
}

static void
assert_same_histogram (const AxonHistogram *got,
                       const AxonHistogram *want)
{
  g_assert_cmpint (got->step, ==, want->step);
  g_assert_true (same_bits (got->wall_time, want->wall_time));
  g_assert_true (same_bits (got->min, want->min));
  g_assert_true (same_bits (got->max, want->max));
  g_assert_true (same_bits (got->num, want->num));
  g_assert_true (same_bits (got->sum, want->sum));
  g_assert_true (same_bits (got->sum_squares, want->sum_squares));
  g_assert_cmpuint (got->n_bins, ==, want->n_bins);
  g_assert_cmpmem (got->edges, (got->n_bins + 1) * sizeof (double), want->edges,
                   (want->n_bins + 1) * sizeof (double));
  g_assert_cmpmem (got->counts, got->n_bins * sizeof (double), want->counts,
                   want->n_bins * sizeof (double));
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *run_dir = g_build_filename (dir, "nested", "run", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonEventWriter) writer = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_autoptr (AxonRun) early = NULL;
  g_autofree char *base = NULL;
  g_autofree char *contents = NULL;
  gsize size;
  const double values[] = { 0.1, 1.0 / 3.0, -0.0, 1e-300, -4.9e-324, 1.7976931348623157e308,
                            NAN, INFINITY, -INFINITY, 2.5 };
  const size_t bins[] = { 1, 3, 64, 555 };
  AxonHistogram *hists[G_N_ELEMENTS (bins)];
  const AxonScalarPoint *points;
  size_t n;

  writer = axon_event_writer_new (run_dir, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (axon_event_writer_get_path (writer));
  g_assert_true (g_str_has_prefix (base, "events.out.tfevents."));
  g_assert_true (g_str_has_suffix (base, ".0") || strchr (base, '.') != NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_assert_true (axon_event_writer_add_scalar (writer, "train/loss", (gint64) i * 10,
                                                   1.7e9 + i / 7.0, values[i], &error));
      g_assert_no_error (error);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bins); i++)
    {
      hists[i] = make_histogram ((gint64) i * 10, bins[i], 1.0 + i);
      g_assert_true (axon_event_writer_add_histogram (writer, "weights/fc1.weight", hists[i],
                                                      &error));
      g_assert_no_error (error);
    }

  /* Buffered: before the flush only the file_version event is on disk. */
  early = axon_run_load (run_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axon_run_get_n_tags (early), ==, 0);
  g_assert_cmpuint (axon_run_get_n_warnings (early), ==, 0);

  g_assert_true (axon_event_writer_close (writer, &error));
  g_assert_no_error (error);
  g_assert_true (axon_event_writer_close (writer, &error)); /* harmless twice */
  g_assert_false (axon_event_writer_add_scalar (writer, "x", 0, 1, 1, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, base));
  g_clear_error (&error);

  /* The first record is the file_version event. */
  {
    g_autofree char *path = g_build_filename (run_dir, base, NULL);
    size_t offset = 0, len;
    const guint8 *payload;

    g_file_get_contents (path, &contents, &size, &error);
    g_assert_no_error (error);
    g_assert_cmpint (axon_tfrecord_next ((const guint8 *) contents, size, &offset, &payload,
                                         &len), ==, AXON_TFRECORD_OK);
    /* memmem, not g_strstr_len: the wall_time double before the string may hold a 0 byte. */
    g_assert_nonnull (memmem (payload, len, "brain.Event:2", strlen ("brain.Event:2")));
  }

  run = axon_run_load (run_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 0);
  g_assert_cmpuint (axon_run_get_n_tags (run), ==, 2);
  points = axon_run_get_scalars (run, "train/loss", &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (values));
  for (size_t i = 0; i < n; i++)
    {
      g_assert_cmpint (points[i].step, ==, (gint64) i * 10);
      g_assert_true (same_bits (points[i].wall_time, 1.7e9 + i / 7.0));
      g_assert_true (same_bits (points[i].value, values[i]));
    }
  {
    const AxonHistogram *const *got = axon_run_get_histograms (run, "weights/fc1.weight", &n);

    g_assert_cmpuint (n, ==, G_N_ELEMENTS (bins));
    for (size_t i = 0; i < n; i++)
      assert_same_histogram (got[i], hists[i]);
  }
  for (gsize i = 0; i < G_N_ELEMENTS (bins); i++)
    axon_histogram_free (hists[i]);
  remove_tree (dir);
}

static void
test_writer_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *below = g_build_filename (file, "run", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonEventWriter) writer = NULL;
  g_autoptr (AxonHistogram) hist = axon_histogram_new (2);
  g_autoptr (AxonHistogram) empty = axon_histogram_new (0);

  /* A run directory below a regular file cannot be created. */
  write_bytes (file, "x", 1);
  g_assert_null (axon_event_writer_new (below, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, below));
  g_clear_error (&error);

  writer = axon_event_writer_new (dir, &error);
  g_assert_no_error (error);
  hist->edges[1] = NAN;
  g_assert_false (axon_event_writer_add_histogram (writer, "h", hist, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_clear_error (&error);
  hist->edges[1] = -5.0; /* descending */
  g_assert_false (axon_event_writer_add_histogram (writer, "h", hist, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (axon_event_writer_add_histogram (writer, "h", empty, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (axon_event_writer_add_scalar (writer, "", 0, 1, 1, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (axon_event_writer_close (writer, &error));
  g_assert_no_error (error);
  remove_tree (dir);
}

static void
test_two_files (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  const AxonScalarPoint *points;
  size_t n;

  /* Two writers in one process and second: distinct files, read in name order. */
  for (int w = 0; w < 2; w++)
    {
      g_autoptr (AxonEventWriter) writer = axon_event_writer_new (dir, &error);

      g_assert_no_error (error);
      g_assert_true (axon_event_writer_add_scalar (writer, "acc", w, 1.0 + w, 0.5 + w, NULL));
    }
  g_assert_cmpuint (count_dir_entries (dir), ==, 2);
  run = axon_run_load (dir, &error);
  g_assert_no_error (error);
  points = axon_run_get_scalars (run, "acc", &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (points[0].value, ==, 0.5);
  g_assert_cmpfloat (points[1].value, ==, 1.5);
  remove_tree (dir);
}

/* The fixtures of real tools ----------------------------------------------------------- */

static JsonObject *
load_expected (JsonParser *parser,
               const char *path)
{
  g_autoptr (GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* Compares run with expected.json; legacy: histograms are HistogramProto (their reported
 * bucket count is len (bucket_limit) == n_bins + 1, see axon-run-load.c), else TF2 tensors
 * ([k, 3]: k == n_bins). */
static void
check_against_expected (const AxonRun *run,
                        const char    *expected_path,
                        gboolean       legacy)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root = load_expected (parser, expected_path);
  JsonObject *histograms = json_object_get_object_member (root, "histograms");
  JsonObject *scalars = json_object_get_object_member (root, "scalars");
  g_autoptr (GList) hist_tags = json_object_get_members (histograms);
  g_autoptr (GList) scalar_tags = json_object_get_members (scalars);

  g_assert_cmpuint (axon_run_get_n_tags (run), ==,
                    g_list_length (hist_tags) + g_list_length (scalar_tags));
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 0);

  for (GList *l = hist_tags; l != NULL; l = l->next)
    {
      const char *tag = l->data;
      JsonArray *series = json_object_get_array_member (histograms, tag);
      size_t n;
      const AxonHistogram *const *hists = axon_run_get_histograms (run, tag, &n);

      g_test_message ("histogram tag %s", tag);
      g_assert_nonnull (hists);
      g_assert_cmpuint (n, ==, json_array_get_length (series));
      for (size_t i = 0; i < n; i++)
        {
          JsonObject *want = json_array_get_object_element (series, (guint) i);
          const AxonHistogram *h = hists[i];
          double total = 0;

          g_assert_cmpint (h->step, ==, json_object_get_int_member (want, "step"));
          assert_close (h->num, json_object_get_double_member (want, "num"), "num");
          assert_close (h->min, json_object_get_double_member (want, "min"), "min");
          assert_close (h->max, json_object_get_double_member (want, "max"), "max");
          if (json_object_has_member (want, "sum"))
            assert_close (h->sum, json_object_get_double_member (want, "sum"), "sum");
          if (json_object_has_member (want, "sum_squares"))
            assert_close (h->sum_squares, json_object_get_double_member (want, "sum_squares"),
                          "sum_squares");
          g_assert_cmpint ((gint64) h->n_bins + (legacy ? 1 : 0), ==,
                           json_object_get_int_member (want, "buckets"));
          /* Counts preserved: they add up to num; edges ascend; the data lies inside. */
          for (size_t b = 0; b < h->n_bins; b++)
            {
              total += h->counts[b];
              g_assert_cmpfloat (h->edges[b + 1], >=, h->edges[b]);
            }
          assert_close (total, h->num, "sum of counts");
          g_assert_cmpfloat (h->edges[0], <=, h->min);
          g_assert_cmpfloat (h->edges[h->n_bins], >=, h->max);
          g_assert_true (isnan (h->zero_count));
        }
    }
  for (GList *l = scalar_tags; l != NULL; l = l->next)
    {
      const char *tag = l->data;
      JsonArray *series = json_object_get_array_member (scalars, tag);
      size_t n;
      const AxonScalarPoint *points = axon_run_get_scalars (run, tag, &n);

      g_assert_nonnull (points);
      g_assert_cmpuint (n, ==, json_array_get_length (series));
      for (size_t i = 0; i < n; i++)
        {
          JsonObject *want = json_array_get_object_element (series, (guint) i);

          g_assert_cmpint (points[i].step, ==, json_object_get_int_member (want, "step"));
          assert_close (points[i].value, json_object_get_double_member (want, "value"),
                        "value");
          g_assert_cmpfloat (points[i].wall_time, >, 1.0e9);
        }
    }
}

static void
test_fixture_pytorch (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = axon_run_load (PYTORCH_RUN, &error);
  g_autoptr (AxonRun) single = NULL;
  g_auto (GStrv) layers = NULL;
  g_auto (GStrv) grads = NULL;

  g_assert_no_error (error);
  check_against_expected (run, FIXTURES "/pytorch-summarywriter.expected.json", TRUE);
  g_assert_cmpstr (axon_run_get_source (run), ==, PYTORCH_RUN);

  /* Layers "0", "2" (the Linear modules of the Sequential) and "train". */
  layers = axon_run_dup_layers (run);
  g_assert_cmpuint (g_strv_length (layers), ==, 3);
  g_assert_true (g_strv_contains ((const char *const *) layers, "0"));
  g_assert_true (g_strv_contains ((const char *const *) layers, "2"));
  grads = axon_run_dup_layer_tags (run, "2", AXON_TAG_ROLE_GRADIENTS);
  g_assert_cmpuint (g_strv_length (grads), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) grads, "gradients/2.weight"));
  g_assert_true (g_strv_contains ((const char *const *) grads, "gradients/2.bias"));

  /* One event file given directly reads the same. */
  single = axon_run_load (PYTORCH_FILE, &error);
  g_assert_no_error (error);
  check_against_expected (single, FIXTURES "/pytorch-summarywriter.expected.json", TRUE);
}

static void
test_fixture_tf2 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = axon_run_load (TF2_RUN, &error);
  const AxonHistogram *const *hists;
  size_t n;

  g_assert_no_error (error);
  check_against_expected (run, FIXTURES "/tf2-histogram.expected.json", FALSE);
  /* TF2 buckets are contiguous and span min..max exactly. */
  hists = axon_run_get_histograms (run, "dense_1/kernel_0", &n);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpfloat (hists[0]->edges[0], ==, hists[0]->min);
  g_assert_cmpfloat (hists[0]->edges[hists[0]->n_bins], ==, hists[0]->max);
}

/* Hand-made records -------------------------------------------------------------------- */

static GByteArray *
legacy_value (const char   *tag,
              const double *limits,
              const double *counts,
              size_t        n,
              gboolean      packed)
{
  GByteArray *value = g_byte_array_new ();
  GByteArray *histo = g_byte_array_new ();
  double num = 0;

  for (size_t i = 0; i < n; i++)
    num += counts[i];
  pb_string (value, 1, tag);
  pb_double (histo, 1, -2.5);
  pb_double (histo, 2, 3.5);
  pb_double (histo, 3, num);
  pb_double (histo, 4, 1.25);
  pb_double (histo, 5, 20.5);
  if (packed)
    {
      pb_packed_doubles (histo, 6, limits, n);
      pb_packed_doubles (histo, 7, counts, n);
    }
  else
    for (size_t i = 0; i < n; i++)
      {
        pb_double (histo, 6, limits[i]);
        pb_double (histo, 7, counts[i]);
      }
  pb_message (value, 5, histo);
  return value;
}

static void
test_hand_made_legacy (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_autofree char *dir = NULL;
  /* PyTorch style: an empty bucket whose limit is the left edge of the data. */
  const double py_limits[] = { -3.0, -1.0, 0.0, 4.0 };
  const double py_counts[] = { 0.0, 2.0, 0.0, 5.0 };
  /* TensorFlow C++ style: nothing empty in front, DBL_MAX as the last limit. */
  const double tf_limits[] = { -1.0, 2.0, DBL_MAX };
  const double tf_counts[] = { 3.0, 1.0, 2.0 };
  const AxonHistogram *const *hists;
  size_t n;

  append_file_version (out);
  append_summary_event (out, 1.0e9, 1, legacy_value ("py", py_limits, py_counts, 4, TRUE));
  append_summary_event (out, 1.0e9, 2, legacy_value ("py", py_limits, py_counts, 4, FALSE));
  append_summary_event (out, 1.0e9, 1, legacy_value ("tf", tf_limits, tf_counts, 3, TRUE));
  dir = write_run (out);
  run = axon_run_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 0);

  hists = axon_run_get_histograms (run, "py", &n);
  g_assert_cmpuint (n, ==, 2);
  for (size_t k = 0; k < n; k++)
    {
      const double edges[] = { -3.0, -1.0, 0.0, 4.0 };
      const double counts[] = { 2.0, 0.0, 5.0 };

      /* Packed and unpacked encodings give the same histogram. */
      g_assert_cmpuint (hists[k]->n_bins, ==, 3);
      g_assert_cmpmem (hists[k]->edges, sizeof edges, edges, sizeof edges);
      g_assert_cmpmem (hists[k]->counts, sizeof counts, counts, sizeof counts);
      g_assert_cmpfloat (hists[k]->min, ==, -2.5);
      g_assert_cmpfloat (hists[k]->max, ==, 3.5);
      g_assert_cmpfloat (hists[k]->num, ==, 7.0);
      g_assert_cmpfloat (hists[k]->sum, ==, 1.25);
      g_assert_cmpfloat (hists[k]->sum_squares, ==, 20.5);
      g_assert_cmpint (hists[k]->step, ==, (gint64) k + 1);
    }

  hists = axon_run_get_histograms (run, "tf", &n);
  g_assert_cmpuint (n, ==, 1);
  {
    /* Left edge = min; DBL_MAX replaced by max. */
    const double edges[] = { -2.5, -1.0, 2.0, 3.5 };
    const double counts[] = { 3.0, 1.0, 2.0 };

    g_assert_cmpuint (hists[0]->n_bins, ==, 3);
    g_assert_cmpmem (hists[0]->edges, sizeof edges, edges, sizeof edges);
    g_assert_cmpmem (hists[0]->counts, sizeof counts, counts, sizeof counts);
  }
  remove_tree (dir);
}

static GByteArray *
tf2_hist_value (const char   *tag,
                const double *triples,
                gint64        k,
                gboolean      with_metadata,
                gboolean      as_content)
{
  GByteArray *value = g_byte_array_new ();
  GByteArray *tensor = g_byte_array_new ();
  const gint64 dims[] = { k, 3 };

  pb_string (value, 1, tag);
  pb_uint (tensor, 1, 2); /* DT_DOUBLE */
  pb_message (tensor, 2, pb_shape (dims, 2));
  if (as_content)
    {
      GByteArray *content = g_byte_array_new ();

      for (gint64 i = 0; i < 3 * k; i++)
        pb_raw_double (content, triples[i]);
      pb_message (tensor, 4, content);
    }
  else
    pb_packed_doubles (tensor, 6, triples, (size_t) (3 * k));
  pb_message (value, 8, tensor);
  if (with_metadata)
    pb_message (value, 9, pb_plugin_metadata ("histograms"));
  return value;
}

static GByteArray *
tf2_scalar_value (const char *tag,
                  int         dtype,
                  double      x,
                  gboolean    with_metadata)
{
  GByteArray *value = g_byte_array_new ();
  GByteArray *tensor = g_byte_array_new ();

  pb_string (value, 1, tag);
  pb_uint (tensor, 1, (guint64) dtype);
  pb_message (tensor, 2, g_byte_array_new ());
  if (dtype == 1)
    pb_float (tensor, 5, (float) x);
  else
    pb_double (tensor, 6, x); /* unpacked repeated double */
  pb_message (value, 8, tensor);
  if (with_metadata)
    pb_message (value, 9, pb_plugin_metadata ("scalars"));
  return value;
}

static void
test_hand_made_tf2 (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_autofree char *dir = NULL;
  const double triples[] = { -1.0, 0.0, 3.0, 0.0, 0.5, 0.0, 0.5, 2.0, 1.0 };
  const double edges[] = { -1.0, 0.0, 0.5, 2.0 };
  const double counts[] = { 3.0, 0.0, 1.0 };
  const AxonHistogram *const *hists;
  const AxonScalarPoint *points;
  size_t n;

  append_file_version (out);
  /* TF2 writes the metadata with the first value of a tag only. */
  append_summary_event (out, 1.0e9, 0, tf2_hist_value ("h", triples, 3, TRUE, TRUE));
  append_summary_event (out, 1.0e9, 1, tf2_hist_value ("h", triples, 3, FALSE, FALSE));
  append_summary_event (out, 1.0e9, 2, tf2_hist_value ("h", triples, 0, FALSE, TRUE));
  append_summary_event (out, 1.0e9, 0, tf2_scalar_value ("f", 1, 0.25, TRUE));
  append_summary_event (out, 1.0e9, 1, tf2_scalar_value ("f", 1, 0.75, FALSE));
  append_summary_event (out, 1.0e9, 0, tf2_scalar_value ("d", 2, 1.0 / 3.0, TRUE));
  dir = write_run (out);
  run = axon_run_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 0);

  hists = axon_run_get_histograms (run, "h", &n);
  g_assert_cmpuint (n, ==, 3);
  for (size_t k = 0; k < 2; k++)
    {
      g_assert_cmpuint (hists[k]->n_bins, ==, 3);
      g_assert_cmpmem (hists[k]->edges, sizeof edges, edges, sizeof edges);
      g_assert_cmpmem (hists[k]->counts, sizeof counts, counts, sizeof counts);
      g_assert_cmpfloat (hists[k]->num, ==, 4.0);
      g_assert_cmpfloat (hists[k]->min, ==, -1.0);
      g_assert_cmpfloat (hists[k]->max, ==, 2.0);
      /* Estimated from the bucket centres: 3 * -0.5 + 1 * 1.25. */
      g_assert_cmpfloat_with_epsilon (hists[k]->sum, -0.25, 1e-15);
      g_assert_cmpfloat_with_epsilon (hists[k]->sum_squares, 3 * 0.25 + 1.5625, 1e-15);
    }
  /* An empty tensor ([0, 3]) is an empty histogram, not an error. */
  g_assert_cmpuint (hists[2]->n_bins, ==, 0);
  g_assert_cmpfloat (hists[2]->num, ==, 0.0);

  points = axon_run_get_scalars (run, "f", &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpfloat (points[0].value, ==, 0.25);
  g_assert_cmpfloat (points[1].value, ==, 0.75);
  points = axon_run_get_scalars (run, "d", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (same_bits (points[0].value, 1.0 / 3.0));
  remove_tree (dir);
}

/* A few bytes declaring a [2^30, 3] tensor (one value, padded by TensorFlow's rule) must
 * be skipped with a warning, not allocated; the records around it still load. */
static void
test_huge_tensor (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_autofree char *dir = NULL;
  const double triples[] = { -1.0, 0.0, 3.0, 0.0, 0.5, 0.0, 0.5, 2.0, 1.0 };
  const double one = 1.0;
  const gint64 dims[] = { (gint64) 1 << 30, 3 };
  GByteArray *value = g_byte_array_new ();
  GByteArray *tensor = g_byte_array_new ();
  const AxonRunWarning *warning;
  size_t n;

  pb_string (value, 1, "huge");
  pb_uint (tensor, 1, 2); /* DT_DOUBLE */
  pb_message (tensor, 2, pb_shape (dims, 2));
  pb_packed_doubles (tensor, 6, &one, 1);
  pb_message (value, 8, tensor);
  pb_message (value, 9, pb_plugin_metadata ("histograms"));

  append_file_version (out);
  append_summary_event (out, 1.0e9, 0, tf2_hist_value ("h", triples, 3, TRUE, TRUE));
  append_summary_event (out, 1.0e9, 0, value);
  append_summary_event (out, 1.0e9, 1, tf2_hist_value ("h", triples, 3, FALSE, FALSE));
  dir = write_run (out);
  run = axon_run_load (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (axon_run_get_tag_kind (run, "huge"), ==, AXON_RUN_TAG_NONE);
  axon_run_get_histograms (run, "h", &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 1);
  warning = axon_run_get_warning (run, 0);
  g_assert_nonnull (strstr (warning->message, "huge"));
  g_assert_nonnull (strstr (warning->message, "too large"));
  g_assert_null (strchr (warning->message, '\n'));
  remove_tree (dir);
}

/* The shared CSV and JSON fields: what a reader gets back is what was written. */
static void
test_csv_json (void)
{
  static const struct
  {
    const char *text;
    const char *csv;
    const char *json_value; /* what a JSON parser reads back */
  } strings[] = {
    { "weights/fc1.weight", "weights/fc1.weight", "weights/fc1.weight" },
    { "a,b", "\"a,b\"", "a,b" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"", "say \"hi\"" },
    { "two\nlines\r", "\"two\nlines\r\"", "two\nlines\r" },
    { "back\\slash\ttab", "back\\slash\ttab", "back\\slash\ttab" },
    { "/tmp/r\xc3\xbcn", "/tmp/r\xc3\xbcn", "/tmp/r\xc3\xbcn" },
    /* Not UTF-8: replaced, so the JSON stays valid. */
    { "bad\xff", "bad\xff", "bad\xef\xbf\xbd" },
  };
  static const struct
  {
    double value;
    const char *csv;
    const char *json;
  } numbers[] = {
    { 0.1, "0.10000000000000001", "0.10000000000000001" },
    { -2, "-2", "-2" },
    { 1e300, "1.0000000000000001e+300", "1.0000000000000001e+300" },
    { NAN, "nan", "null" },
    { INFINITY, "inf", "null" },
    { -INFINITY, "-inf", "null" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr (GString) csv = g_string_new (NULL);
      g_autoptr (GString) json = g_string_new ("[");
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      JsonArray *array;

      axon_csv_append_field (csv, strings[i].text);
      g_assert_cmpstr (csv->str, ==, strings[i].csv);
      axon_json_append_string (json, strings[i].text);
      g_string_append_c (json, ']');
      json_parser_load_from_data (parser, json->str, -1, &error);
      g_assert_no_error (error);
      array = json_node_get_array (json_parser_get_root (parser));
      g_assert_cmpstr (json_array_get_string_element (array, 0), ==, strings[i].json_value);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr (GString) csv = g_string_new (NULL);
      g_autoptr (GString) json = g_string_new (NULL);

      axon_csv_append_double (csv, numbers[i].value);
      axon_json_append_double (json, numbers[i].value);
      g_assert_cmpstr (csv->str, ==, numbers[i].csv);
      g_assert_cmpstr (json->str, ==, numbers[i].json);
    }
}

static void
test_session_restart (void)
{
  g_autoptr (GByteArray) out = g_byte_array_new ();
  g_autoptr (GByteArray) event = g_byte_array_new ();
  GByteArray *session = g_byte_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_autofree char *dir = NULL;
  const AxonScalarPoint *points;
  size_t n;

  append_file_version (out);
  for (int s = 0; s < 4; s++)
    append_summary_event (out, 1.0e9, s, tf2_scalar_value ("x", 2, s, s == 0));
  /* SessionLog START at step 2: TensorBoard drops steps >= 2 recorded before it. */
  pb_double (event, 1, 1.0e9);
  pb_uint (event, 2, 2);
  pb_uint (session, 1, 1);
  pb_message (event, 7, session);
  axon_tfrecord_append (out, event->data, event->len);
  append_summary_event (out, 1.0e9, 2, tf2_scalar_value ("x", 2, 20.0, FALSE));
  dir = write_run (out);
  run = axon_run_load (dir, &error);
  g_assert_no_error (error);
  points = axon_run_get_scalars (run, "x", &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (points[2].value, ==, 20.0);
  g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 1);
  remove_tree (dir);
}

/* Damaged files ------------------------------------------------------------------------ */

typedef enum
{
  CUT_HEADER,      /* cut 5 bytes into the length field */
  CUT_PAYLOAD,     /* cut in the middle of the payload */
  CUT_FOOTER,      /* cut inside the payload CRC */
  FLIP_PAYLOAD,    /* a flipped bit in the payload */
  FLIP_LENGTH,     /* a flipped bit in the length */
  CUT_BOUNDARY,    /* cut exactly between records: a clean (shorter) file */
} Damage;

static void
test_truncated (void)
{
  g_autofree char *contents = NULL;
  gsize size;
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (size_t));
  size_t offset = 0, len;
  const guint8 *payload;
  const Damage damages[] = { CUT_HEADER, CUT_PAYLOAD, CUT_FOOTER, FLIP_PAYLOAD, FLIP_LENGTH,
                             CUT_BOUNDARY };

  g_file_get_contents (PYTORCH_FILE, &contents, &size, NULL);
  g_assert_nonnull (contents);
  do
    g_array_append_val (starts, offset);
  while (axon_tfrecord_next ((const guint8 *) contents, size, &offset, &payload, &len)
         == AXON_TFRECORD_OK);
  g_assert_cmpuint (starts->len, ==, 56); /* 55 records and the end */

  /* Damage record k (1 = the first summary after the file_version event). */
  for (guint k = 1; k < starts->len - 1; k += 9)
    for (gsize d = 0; d < G_N_ELEMENTS (damages); d++)
      {
        g_autofree char *dir = make_temp_dir ();
        g_autofree char *path = g_build_filename (dir, "events.out.tfevents.1.cut", NULL);
        g_autofree guint8 *copy = g_memdup2 (contents, size);
        size_t start = g_array_index (starts, size_t, k);
        size_t end = g_array_index (starts, size_t, k + 1);
        size_t keep = size;
        g_autoptr (GError) error = NULL;
        g_autoptr (AxonRun) run = NULL;
        g_auto (GStrv) tags = NULL;
        size_t points = 0;

        switch (damages[d])
          {
          case CUT_HEADER:
            keep = start + 5;
            break;
          case CUT_PAYLOAD:
            keep = start + 12 + (end - start - 16) / 2;
            break;
          case CUT_FOOTER:
            keep = end - 2;
            break;
          case FLIP_PAYLOAD:
            copy[start + 12 + (end - start - 16) / 3] ^= 0x10;
            break;
          case FLIP_LENGTH:
            copy[start + 1] ^= 0x01;
            break;
          case CUT_BOUNDARY:
            keep = start;
            break;
          }
        write_bytes (path, copy, keep);
        g_test_message ("record %u, damage %d", k, (int) damages[d]);
        run = axon_run_load (dir, &error);
        g_assert_no_error (error);
        /* Each record of this file holds one value: every one before record k is kept. */
        tags = axon_run_dup_tags (run);
        for (char **t = tags; *t != NULL; t++)
          {
            size_t n;

            axon_run_get_step_range (run, *t, &n, NULL, NULL);
            points += n;
          }
        g_assert_cmpuint (points, ==, k - 1);
        if (damages[d] == CUT_BOUNDARY)
          g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 0);
        else
          {
            const AxonRunWarning *w;
            g_autofree char *offset_text = g_strdup_printf ("%zu", start);

            g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 1);
            w = axon_run_get_warning (run, 0);
            g_assert_cmpstr (w->file, ==, "events.out.tfevents.1.cut");
            g_assert_cmpint (w->offset, ==, (gint64) start);
            g_assert_nonnull (strstr (w->message, "events.out.tfevents.1.cut"));
            g_assert_nonnull (strstr (w->message, offset_text));
          }
        remove_tree (dir);
      }
}

static void
test_load_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-run", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_null (axon_run_load (missing, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_null (strchr (error->message, '\n'));
  g_clear_error (&error);

  g_assert_null (axon_run_load (dir, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NO_EVENT_FILES);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  write_bytes (other, "hello", 5);
  g_assert_null (axon_run_load (dir, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NO_EVENT_FILES);
  g_clear_error (&error);

  /* A file of garbage is a run with nothing but a warning, not a crash. */
  {
    g_autofree char *junk = g_build_filename (dir, "events.out.tfevents.2.junk", NULL);
    g_autoptr (AxonRun) run = NULL;

    write_bytes (junk, "this is not a TFRecord file at all", 34);
    run = axon_run_load (dir, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (axon_run_get_n_tags (run), ==, 0);
    g_assert_cmpuint (axon_run_get_n_warnings (run), ==, 1);
    g_assert_cmpint (axon_run_get_warning (run, 0)->offset, ==, 0);
  }
  remove_tree (dir);
}

/* Export ------------------------------------------------------------------------------- */

static void
test_export (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *json_path = g_build_filename (dir, "run.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "loss.csv", NULL);
  g_autofree char *hist_csv = g_build_filename (dir, "hist.csv", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing-dir", "x.csv", NULL);
  g_autofree char *csv = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = axon_run_new ();
  g_autoptr (AxonHistogram) hist = make_histogram (7, 3, 1.0);
  g_autoptr (JsonParser) parser = json_parser_new ();
  const char *loss_only[] = { "loss,\"odd\"", NULL };
  const char *unknown[] = { "nope", NULL };
  g_auto (GStrv) lines = NULL;
  JsonObject *root;

  g_assert_true (axon_run_add_scalar (run, "loss,\"odd\"", 0, 1.5e9, 1.0 / 3.0, NULL));
  g_assert_true (axon_run_add_scalar (run, "loss,\"odd\"", 1, 1.5e9, NAN, NULL));
  g_assert_true (axon_run_add_histogram (run, "weights/fc1", hist, NULL));

  /* JSON: everything, parseable, values exact, NaN as null. */
  g_assert_true (axon_run_export_json (run, NULL, json_path, &error));
  g_assert_no_error (error);
  root = load_expected (parser, json_path);
  {
    JsonArray *loss = json_object_get_array_member (
      json_object_get_object_member (root, "scalars"), "loss,\"odd\"");
    JsonObject *h = json_array_get_object_element (
      json_object_get_array_member (json_object_get_object_member (root, "histograms"),
                                    "weights/fc1"), 0);
    JsonArray *edges = json_object_get_array_member (h, "edges");
    JsonArray *counts = json_object_get_array_member (h, "counts");

    g_assert_cmpuint (json_array_get_length (loss), ==, 2);
    g_assert_true (same_bits (json_object_get_double_member (
                                json_array_get_object_element (loss, 0), "value"), 1.0 / 3.0));
    g_assert_true (json_object_get_null_member (json_array_get_object_element (loss, 1),
                                                "value"));
    g_assert_cmpint (json_object_get_int_member (h, "step"), ==, 7);
    g_assert_true (json_object_get_null_member (h, "zero_count"));
    g_assert_cmpuint (json_array_get_length (edges), ==, 4);
    g_assert_cmpuint (json_array_get_length (counts), ==, 3);
    for (guint i = 0; i < 4; i++)
      g_assert_true (same_bits (json_array_get_double_element (edges, i), hist->edges[i]));
    g_assert_true (same_bits (json_object_get_double_member (h, "sum"), hist->sum));
  }

  /* CSV of one scalar tag: quoted tag, exact values, nan spelled out. */
  g_assert_true (axon_run_export_csv (run, loss_only, csv_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4); /* header, 2 rows, "" after the last \n */
  g_assert_cmpstr (lines[0], ==, "tag,step,wall_time,value");
  g_assert_true (g_str_has_prefix (lines[1], "\"loss,\"\"odd\"\"\",0,1500000000,"));
  g_assert_true (same_bits (g_ascii_strtod (strrchr (lines[1], ',') + 1, NULL), 1.0 / 3.0));
  g_assert_true (g_str_has_suffix (lines[2], ",nan"));
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&csv, g_free);

  /* CSV of histograms: one row per bin. */
  {
    const char *hist_only[] = { "weights/fc1", NULL };

    g_assert_true (axon_run_export_csv (run, hist_only, hist_csv, &error));
    g_assert_no_error (error);
    g_file_get_contents (hist_csv, &csv, NULL, &error);
    lines = g_strsplit (csv, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 + 1);
    g_assert_true (g_str_has_prefix (lines[0], "tag,step,wall_time,min,max,num,"));
    g_assert_true (g_str_has_prefix (lines[3], "weights/fc1,7,"));
    g_assert_nonnull (strstr (lines[3], ",2,")); /* bin index 2 */
  }

  /* Mixed kinds in CSV, unknown tags and unwritable paths are clear errors. */
  g_assert_false (axon_run_export_csv (run, NULL, csv_path, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (axon_run_export_json (run, unknown, json_path, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NO_TAG);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);
  g_assert_false (axon_run_export_json (run, NULL, bad_path, &error));
  g_assert_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO);
  g_assert_nonnull (strstr (error->message, bad_path));
  g_clear_error (&error);

  /* Atomic writes leave no temporary files behind. */
  g_assert_cmpuint (count_dir_entries (dir), ==, 3);
  remove_tree (dir);
}

/* The command line --------------------------------------------------------------------- */

static const char *
axon_binary (void)
{
  const char *binary = g_getenv ("AXON_BINARY");

  if (binary == NULL || !g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("AXON_BINARY is not set to the built axon");
      return NULL;
    }
  return binary;
}

static void
run_axon (const char *const *args,
          char              **out,
          char              **err,
          int                *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) axon_binary ());
  for (const char *const *a = args; *a != NULL; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                status, &error);
  g_assert_no_error (error);
}

static void
test_cli_show (void)
{
  const char *fixtures[] = { PYTORCH_RUN, TF2_RUN };
  const char *expected_tags[] = { "weights/0.weight", "gradients/2.bias", "train/loss",
                                  "dense_1/kernel_0", "epoch_loss" };
  g_autofree char *all = g_strdup ("");

  if (axon_binary () == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      const char *args[] = { "run", "show", fixtures[i], NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr (GError) error = NULL;
      int status;
      char *joined;

      run_axon (args, &out, &err, &status);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_cmpstr (err, ==, "");
      g_assert_nonnull (strstr (out, "histogram"));
      g_assert_nonnull (strstr (out, "0..")); /* step ranges */
      joined = g_strconcat (all, out, NULL);
      g_free (all);
      all = joined;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (expected_tags); i++)
    g_assert_nonnull (strstr (all, expected_tags[i]));
  g_assert_nonnull (strstr (all, "6 steps  0..50"));
}

static void
test_cli_errors (void)
{
  const char *missing[] = { "run", "show", "/nonexistent/axon-run", NULL };
  const char *bad_action[] = { "run", "frobnicate", PYTORCH_RUN, NULL };
  const char *const *cases[] = { missing, bad_action };

  if (axon_binary () == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_autoptr (GError) error = NULL;
      guint n_lines = 0;

      run_axon (cases[i], &out, &err, &status);
      g_assert_false (g_spawn_check_wait_status (status, &error));
      g_assert_error (error, G_SPAWN_EXIT_ERROR, 2);
      g_assert_cmpstr (out, ==, "");
      /* One line, starting "axon: ". */
      for (const char *p = err; *p; p++)
        n_lines += *p == '\n';
      g_assert_cmpuint (n_lines, ==, 1);
      g_assert_true (g_str_has_prefix (err, "axon: "));
      g_assert_true (g_str_has_suffix (err, "\n"));
    }
}

static void
test_cli_export (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;
  int status;

  if (axon_binary () == NULL)
    return;
  dir = make_temp_dir ();
  /* No --format: the extension chooses, in any case. */
  path = g_build_filename (dir, "loss.JSON", NULL);
  {
    const char *args[] = { "run", "export", PYTORCH_RUN, "--tag", "train/loss", "-o", path,
                           NULL };

    run_axon (args, &out, &err, &status);
  }
  g_assert_true (g_spawn_check_wait_status (status, &error));
  root = load_expected (parser, path);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (root, "scalars"), "train/loss")), ==, 6);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (root, "histograms")),
                    ==, 0);
  remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axon/tensorboard/crc32c", test_crc32c);
  g_test_add_func ("/axon/tensorboard/crc32c-paths-agree", test_crc32c_paths_agree);
  g_test_add_func ("/axon/tensorboard/mask", test_mask);
  g_test_add_func ("/axon/tensorboard/framing", test_framing);
  g_test_add_func ("/axon/tensorboard/run-order", test_run_order);
  g_test_add_func ("/axon/tensorboard/tag-parse", test_tag_parse);
  g_test_add_func ("/axon/tensorboard/round-trip", test_round_trip);
  g_test_add_func ("/axon/tensorboard/writer-errors", test_writer_errors);
  g_test_add_func ("/axon/tensorboard/two-files", test_two_files);
  g_test_add_func ("/axon/tensorboard/fixture-pytorch", test_fixture_pytorch);
  g_test_add_func ("/axon/tensorboard/fixture-tf2", test_fixture_tf2);
  g_test_add_func ("/axon/tensorboard/hand-made-legacy", test_hand_made_legacy);
  g_test_add_func ("/axon/tensorboard/hand-made-tf2", test_hand_made_tf2);
  g_test_add_func ("/axon/tensorboard/huge-tensor", test_huge_tensor);
  g_test_add_func ("/axon/tensorboard/csv-json", test_csv_json);
  g_test_add_func ("/axon/tensorboard/session-restart", test_session_restart);
  g_test_add_func ("/axon/tensorboard/truncated", test_truncated);
  g_test_add_func ("/axon/tensorboard/load-errors", test_load_errors);
  g_test_add_func ("/axon/tensorboard/export", test_export);
  g_test_add_func ("/axon/tensorboard/cli-show", test_cli_show);
  g_test_add_func ("/axon/tensorboard/cli-errors", test_cli_errors);
  g_test_add_func ("/axon/tensorboard/cli-export", test_cli_export);
  return g_test_run ();
}
