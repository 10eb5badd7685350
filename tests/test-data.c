/* test-data.c: the IDX reader, data directories, the embedded MNIST and the noise model. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "axon-dataset.h"
#include "axon-idx.h"
#include "axon-noise.h"

/* An IDX header: magic (0, 0, type, n_dims) then big-endian dims. */
static GByteArray *
idx_header (guint8        type,
            guint         n_dims,
            const guint32 *dims)
{
  GByteArray *a = g_byte_array_new ();
  guint8 magic[4] = { 0, 0, type, (guint8) n_dims };

  g_byte_array_append (a, magic, 4);
  for (guint d = 0; d < n_dims; d++)
    {
      guint32 be = GUINT32_TO_BE (dims[d]);

      g_byte_array_append (a, (const guint8 *) &be, 4);
    }
  return a;
}

/* n images of rows x cols, pixel (i, p) = (i * 7 + p * 3) % 256; labels i % 10. */
static GBytes *
make_images (guint n,
             guint rows,
             guint cols)
{
  guint32 dims[3] = { n, rows, cols };
  GByteArray *a = idx_header (0x08, 3, dims);

  for (guint i = 0; i < n; i++)
    for (guint p = 0; p < rows * cols; p++)
      {
        guint8 v = (guint8) ((i * 7 + p * 3) % 256);

        g_byte_array_append (a, &v, 1);
      }
  return g_byte_array_free_to_bytes (a);
}

static GBytes *
make_labels (guint n)
{
  guint32 dims[1] = { n };
  GByteArray *a = idx_header (0x08, 1, dims);

  for (guint i = 0; i < n; i++)
    {
      guint8 v = (guint8) (i % 10);

      g_byte_array_append (a, &v, 1);
    }
  return g_byte_array_free_to_bytes (a);
}

static GBytes *
gzip_bytes (GBytes *raw)
{
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr (GInputStream) mem = g_memory_input_stream_new_from_bytes (raw);
  g_autoptr (GInputStream) in = g_converter_input_stream_new (mem, G_CONVERTER (z));
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;

  g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* The first n bytes of b (n < size), or b with extra bytes appended (n > size). */
static GBytes *
resize_bytes (GBytes *b,
              gsize   n)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (b, &size);
  guint8 *copy = g_malloc0 (MAX (n, 1));

  memcpy (copy, p, MIN (n, size));
  return g_bytes_new_take (copy, n);
}

static void
write_file (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (handle != NULL && (entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* A directory with a well-formed set: 12 train and 5 test images of 3 x 4. */
static char *
make_dir (gboolean gz)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("axon-test-data-XXXXXX", &error);
  struct
  {
    const char *name;
    GBytes *bytes;
  } files[] = {
    { "train-images-idx3-ubyte", make_images (12, 3, 4) },
    { "train-labels-idx1-ubyte", make_labels (12) },
    { "t10k-images-idx3-ubyte", make_images (5, 3, 4) },
    { "t10k-labels-idx1-ubyte", make_labels (5) },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      if (gz)
        {
          g_autoptr (GBytes) z = gzip_bytes (files[i].bytes);
          g_autofree char *name = g_strconcat (files[i].name, ".gz", NULL);

          write_file (dir, name, z);
        }
      else
        write_file (dir, files[i].name, files[i].bytes);
      g_bytes_unref (files[i].bytes);
    }
  return dir;
}

static void
check_small_set (const AxonDataset *set,
                 guint              n)
{
  g_assert_cmpuint (set->n, ==, n);
  g_assert_cmpuint (set->rows, ==, 3);
  g_assert_cmpuint (set->cols, ==, 4);
  g_assert_cmpuint (set->dim, ==, 12);
  g_assert_cmpuint (set->n_classes, ==, 10);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (set->labels[i], ==, i % 10);
      for (guint p = 0; p < 12; p++)
        g_assert_cmpfloat (axon_dataset_image (set, i)[p], ==,
                           (float) ((i * 7 + p * 3) % 256) / 255.0f);
    }
}

static void
test_good_dir (gconstpointer data)
{
  gboolean gz = GPOINTER_TO_INT (data);
  g_autofree char *dir = make_dir (gz);
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (axon_dataset_load_dir (dir, &train, &test, &error));
  g_assert_no_error (error);
  check_small_set (train, 12);
  check_small_set (test, 5);
  remove_dir (dir);
}

/* Other spellings: "train-images.idx3-ubyte", "test-" for "t10k-", a prefix (EMNIST). */
static void
test_alternative_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axon-test-data-XXXXXX", &error);
  g_autoptr (GBytes) train_images = make_images (12, 3, 4);
  g_autoptr (GBytes) train_labels = make_labels (12);
  g_autoptr (GBytes) test_images = make_images (5, 3, 4);
  g_autoptr (GBytes) test_labels = make_labels (5);
  g_autoptr (GBytes) test_labels_gz = gzip_bytes (test_labels);
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;

  g_assert_no_error (error);
  write_file (dir, "train-images.idx3-ubyte", train_images);
  write_file (dir, "emnist-digits-train-labels-idx1-ubyte", train_labels);
  write_file (dir, "test-images-idx3-ubyte", test_images);
  /* A raw file and its .gz are one candidate, not two. */
  write_file (dir, "x-t10k-labels-idx1-ubyte", test_labels);
  write_file (dir, "x-t10k-labels-idx1-ubyte.gz", test_labels_gz);
  g_assert_true (axon_dataset_load_dir (dir, &train, &test, &error));
  g_assert_no_error (error);
  check_small_set (train, 12);
  check_small_set (test, 5);
  remove_dir (dir);
}

typedef enum
{
  DAMAGE_BAD_MAGIC,
  DAMAGE_NOT_IDX_TYPE,
  DAMAGE_TRUNCATED_HEADER,
  DAMAGE_TRUNCATED_DIMS,
  DAMAGE_TRUNCATED_DATA,
  DAMAGE_TRAILING,
  DAMAGE_TRUNCATED_GZIP,
  DAMAGE_COUNT_MISMATCH,
  DAMAGE_WRONG_DIMS,
  DAMAGE_WRONG_TYPE,
  DAMAGE_HUGE_DIMS,
} Damage;

typedef struct
{
  const char *name;
  Damage damage;
  const char *file;   /* which file of the set is damaged */
  AxonDataError code;
  const char *phrase; /* part of the message */
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  { "bad-magic", DAMAGE_BAD_MAGIC, "train-images-idx3-ubyte", AXON_DATA_ERROR_BAD_MAGIC,
    "bad magic" },
  { "bad-type-byte", DAMAGE_NOT_IDX_TYPE, "t10k-labels-idx1-ubyte", AXON_DATA_ERROR_BAD_MAGIC,
    "bad magic" },
  { "truncated-header", DAMAGE_TRUNCATED_HEADER, "train-labels-idx1-ubyte",
    AXON_DATA_ERROR_TRUNCATED, "truncated header" },
  { "truncated-dims", DAMAGE_TRUNCATED_DIMS, "t10k-images-idx3-ubyte",
    AXON_DATA_ERROR_TRUNCATED, "truncated header" },
  { "truncated-data", DAMAGE_TRUNCATED_DATA, "train-images-idx3-ubyte",
    AXON_DATA_ERROR_TRUNCATED, "truncated data" },
  { "trailing-bytes", DAMAGE_TRAILING, "t10k-images-idx3-ubyte", AXON_DATA_ERROR_TRAILING,
    "after the data" },
  { "truncated-gzip", DAMAGE_TRUNCATED_GZIP, "train-images-idx3-ubyte",
    AXON_DATA_ERROR_TRUNCATED, "truncated gzip" },
  { "count-mismatch", DAMAGE_COUNT_MISMATCH, "train-labels-idx1-ubyte",
    AXON_DATA_ERROR_MISMATCH, "11 labels" },
  { "wrong-dims", DAMAGE_WRONG_DIMS, "t10k-images-idx3-ubyte", AXON_DATA_ERROR_BAD_DIMS,
    "3 non-zero dimensions" },
  { "wrong-type", DAMAGE_WRONG_TYPE, "train-images-idx3-ubyte", AXON_DATA_ERROR_BAD_TYPE,
    "unsigned bytes" },
  /* 2^17 x 2^17 x 2^30 elements: a product that wraps a 64-bit count to 0. */
  { "huge-dims", DAMAGE_HUGE_DIMS, "train-images-idx3-ubyte", AXON_DATA_ERROR_BAD_DIMS,
    "too large" },
};

static GBytes *
damaged (const MalformedCase *c,
         gboolean             images,
         guint                n)
{
  g_autoptr (GBytes) good = images ? make_images (n, 3, 4) : make_labels (n);
  gsize size = g_bytes_get_size (good);
  guint8 *p;
  GBytes *out;

  switch (c->damage)
    {
    case DAMAGE_BAD_MAGIC:
      out = resize_bytes (good, size);
      p = (guint8 *) g_bytes_get_data (out, NULL);
      p[0] = 0x12;
      p[1] = 0x34;
      return out;
    case DAMAGE_NOT_IDX_TYPE:
      out = resize_bytes (good, size);
      ((guint8 *) g_bytes_get_data (out, NULL))[2] = 0x42;
      return out;
    case DAMAGE_TRUNCATED_HEADER:
      return resize_bytes (good, 3);
    case DAMAGE_TRUNCATED_DIMS:
      return resize_bytes (good, 10);
    case DAMAGE_TRUNCATED_DATA:
      return resize_bytes (good, size - 5);
    case DAMAGE_TRAILING:
      return resize_bytes (good, size + 3);
    case DAMAGE_TRUNCATED_GZIP:
      {
        g_autoptr (GBytes) z = gzip_bytes (good);

        return resize_bytes (z, g_bytes_get_size (z) / 2);
      }
    case DAMAGE_COUNT_MISMATCH:
      return images ? make_images (n, 3, 4) : make_labels (n - 1);
    case DAMAGE_WRONG_DIMS:
      {
        guint32 dims[2] = { n, 12 };
        GByteArray *a = idx_header (0x08, 2, dims);
        guint8 zero = 0;

        for (guint i = 0; i < n * 12; i++)
          g_byte_array_append (a, &zero, 1);
        return g_byte_array_free_to_bytes (a);
      }
    case DAMAGE_WRONG_TYPE:
      {
        guint32 dims[3] = { n, 3, 4 };
        GByteArray *a = idx_header (0x0d, 3, dims);
        guint8 zero = 0;

        for (guint i = 0; i < n * 12 * 4; i++)
          g_byte_array_append (a, &zero, 1);
        return g_byte_array_free_to_bytes (a);
      }
    case DAMAGE_HUGE_DIMS:
      {
        guint32 dims[3] = { 1u << 17, 1u << 17, 1u << 30 };

        return g_byte_array_free_to_bytes (idx_header (0x08, 3, dims));
      }
    default:
      g_assert_not_reached ();
    }
}

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *c = data;
  g_autofree char *dir = make_dir (FALSE);
  g_autofree char *path = g_build_filename (dir, c->file, NULL);
  gboolean images = strstr (c->file, "images") != NULL;
  guint n = g_str_has_prefix (c->file, "train") ? 12 : 5;
  g_autoptr (GBytes) bytes = damaged (c, images, n);
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (GError) error = NULL;

  write_file (dir, c->file, bytes);
  g_assert_false (axon_dataset_load_dir (dir, &train, &test, &error));
  g_assert_error (error, AXON_DATA_ERROR, (gint) c->code);
  g_assert_null (train);
  g_assert_null (test);
  if (strstr (error->message, path) == NULL || strstr (error->message, c->phrase) == NULL)
    g_error ("%s: message “%s” should name %s and say “%s”", c->name, error->message, path,
             c->phrase);
  g_assert_null (strchr (error->message, '\n'));
  remove_dir (dir);
}

static void
test_missing (void)
{
  g_autofree char *dir = make_dir (FALSE);
  g_autofree char *victim = g_build_filename (dir, "t10k-labels-idx1-ubyte", NULL);
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (GError) error = NULL;

  g_remove (victim);
  g_assert_false (axon_dataset_load_dir (dir, &train, &test, &error));
  g_assert_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_nonnull (strstr (error->message, "t10k-labels-idx1-ubyte"));
  g_clear_error (&error);

  g_assert_false (axon_dataset_load_dir (victim, &train, &test, &error));
  g_assert_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, victim));
  remove_dir (dir);
}

static void
test_embedded (void)
{
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (GError) error = NULL;
  const AxonDataset *sets[2];

  g_assert_true (axon_dataset_load_default (&train, &test, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (train->n, ==, 8000);
  g_assert_cmpuint (test->n, ==, 2000);
  sets[0] = train;
  sets[1] = test;
  for (guint s = 0; s < 2; s++)
    {
      const AxonDataset *set = sets[s];
      guint per_class[10] = { 0 };
      gsize n = (gsize) set->n * set->dim;
      double mean = 0;
      gsize ones = 0;

      g_assert_cmpuint (set->rows, ==, 28);
      g_assert_cmpuint (set->cols, ==, 28);
      g_assert_cmpuint (set->n_classes, ==, 10);
      for (guint i = 0; i < set->n; i++)
        {
          g_assert_cmpuint (set->labels[i], <, 10);
          per_class[set->labels[i]]++;
        }
      /* MNIST's digits each make up 9 to 11.3% of it. */
      for (guint d = 0; d < 10; d++)
        {
          g_assert_cmpfloat ((double) per_class[d] / set->n, >, 0.08);
          g_assert_cmpfloat ((double) per_class[d] / set->n, <, 0.125);
        }
      for (gsize i = 0; i < n; i++)
        {
          g_assert_cmpfloat (set->images[i], >=, 0.0f);
          g_assert_cmpfloat (set->images[i], <=, 1.0f);
          mean += set->images[i];
          ones += set->images[i] == 1.0f;
        }
      /* MNIST's mean pixel is 0.1307. */
      mean /= n;
      g_assert_cmpfloat (fabs (mean - 0.1307), <, 0.01);
      g_assert_cmpuint (ones, >, 0);
    }
}

static void
test_noise (void)
{
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  g_autoptr (AxonDataset) a = NULL;
  g_autoptr (AxonDataset) b = NULL;
  g_autoptr (AxonDataset) c = NULL;
  g_autoptr (AxonDataset) zero = NULL;
  g_autoptr (GError) error = NULL;
  gsize n, differ = 0, interior = 0;
  double sq = 0;

  g_assert_true (axon_dataset_load_default (&train, &test, &error));
  n = (gsize) test->n * test->dim;
  a = axon_dataset_new_noisy (test, 0.3, 7);
  b = axon_dataset_new_noisy (test, 0.3, 7);
  c = axon_dataset_new_noisy (test, 0.3, 8);
  zero = axon_dataset_new_noisy (test, 0.0, 7);

  g_assert_cmpmem (a->images, n * sizeof (float), b->images, n * sizeof (float));
  g_assert_cmpmem (zero->images, n * sizeof (float), test->images, n * sizeof (float));
  g_assert_cmpmem (a->labels, test->n, test->labels, test->n);
  for (gsize i = 0; i < n; i++)
    {
      g_assert_cmpfloat (a->images[i], >=, 0.0f);
      g_assert_cmpfloat (a->images[i], <=, 1.0f);
      differ += a->images[i] != c->images[i];
      /* Where neither bound clipped, the noise is the plain Gaussian. */
      if (a->images[i] > 0 && a->images[i] < 1)
        {
          double d = a->images[i] - test->images[i];

          sq += d * d;
          interior++;
        }
    }
  g_assert_cmpuint (differ, >, n / 2);
  /* The unclipped part of N(0, 0.3^2) has a standard deviation below 0.3 but near it. */
  g_assert_cmpfloat (sqrt (sq / interior), >, 0.2);
  g_assert_cmpfloat (sqrt (sq / interior), <, 0.3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/axon/data/idx-raw", GINT_TO_POINTER (FALSE), test_good_dir);
  g_test_add_data_func ("/axon/data/idx-gzip", GINT_TO_POINTER (TRUE), test_good_dir);
  g_test_add_func ("/axon/data/alternative-names", test_alternative_names);
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/axon/data/malformed/%s",
                                               malformed_cases[i].name);

      g_test_add_data_func (path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/axon/data/missing", test_missing);
  g_test_add_func ("/axon/data/embedded", test_embedded);
  g_test_add_func ("/axon/data/noise", test_noise);
  return g_test_run ();
}
