/* axon-dataset.c: data sets from IDX files, a directory, or the embedded MNIST. */
#include "axon-dataset.h"

#include <glib/gi18n.h>
#include <string.h>

#include "axon-data-resources.h"

#define RESOURCE_PREFIX "/io/github/axonviz/Axon/data/"

AxonDataset *
axon_dataset_new_from_idx (const AxonIdx *images,
                           const AxonIdx *labels,
                           const char    *name,
                           GError       **error)
{
  g_autoptr (AxonDataset) dataset = NULL;
  const guint8 *pixels, *label_bytes;
  guint max_label = 0;
  float scale[256];

  if (images->type != AXON_IDX_UBYTE)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_TYPE,
                   _("%s: element type 0x%02x, images must be unsigned bytes (0x08)"),
                   images->name, images->type);
      return NULL;
    }
  if (images->n_dims != 3 || images->dims[0] == 0 || images->dims[1] == 0
      || images->dims[2] == 0)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_DIMS,
                   _("%s: expected 3 non-zero dimensions (count, rows, columns), found %u"),
                   images->name, images->n_dims);
      return NULL;
    }
  if (labels->type != AXON_IDX_UBYTE)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_TYPE,
                   _("%s: element type 0x%02x, labels must be unsigned bytes (0x08)"),
                   labels->name, labels->type);
      return NULL;
    }
  if (labels->n_dims != 1)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_DIMS,
                   _("%s: expected 1 dimension (count) for labels, found %u"),
                   labels->name, labels->n_dims);
      return NULL;
    }
  if (labels->dims[0] != images->dims[0])
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_MISMATCH,
                   _("%s: %u labels, but %s has %u images"),
                   labels->name, labels->dims[0], images->name, images->dims[0]);
      return NULL;
    }

  dataset = g_new0 (AxonDataset, 1);
  dataset->name = g_strdup (name);
  dataset->n = images->dims[0];
  dataset->rows = images->dims[1];
  dataset->cols = images->dims[2];
  dataset->dim = dataset->rows * dataset->cols;
  dataset->images = g_new (float, images->n_elements);
  dataset->labels = g_new (guint8, dataset->n);

  /* A table of the 256 quotients: the same floats as dividing, at a fraction of the cost. */
  for (guint b = 0; b < 256; b++)
    scale[b] = (float) b / 255.0f;
  pixels = axon_idx_data (images);
  for (gsize i = 0; i < images->n_elements; i++)
    dataset->images[i] = scale[pixels[i]];
  label_bytes = axon_idx_data (labels);
  memcpy (dataset->labels, label_bytes, dataset->n);
  for (guint i = 0; i < dataset->n; i++)
    max_label = MAX (max_label, label_bytes[i]);
  dataset->n_classes = max_label + 1;
  return g_steal_pointer (&dataset);
}

AxonDataset *
axon_dataset_load (GFile   *images,
                   GFile   *labels,
                   GError **error)
{
  g_autoptr (AxonIdx) image_idx = axon_idx_load (images, error);
  g_autoptr (AxonIdx) label_idx = NULL;
  g_autoptr (GFile) parent = NULL;
  g_autofree char *name = NULL;

  if (image_idx == NULL)
    return NULL;
  label_idx = axon_idx_load (labels, error);
  if (label_idx == NULL)
    return NULL;
  parent = g_file_get_parent (images);
  name = parent != NULL ? g_file_get_parse_name (parent) : g_strdup (image_idx->name);
  return axon_dataset_new_from_idx (image_idx, label_idx, name, error);
}

/* Whether file name `entry` is a spelling of the standard name `base` (see the header). */
static gboolean
name_matches (const char *entry,
              const char *base)
{
  g_autofree char *dotted = g_strdup (base);
  g_autofree char *test = NULL;
  char *idx = strstr (dotted, "-idx");

  if (strstr (entry, base) != NULL)
    return TRUE;
  /* "train-images.idx3-ubyte" */
  if (idx != NULL)
    {
      *idx = '.';
      if (strstr (entry, dotted) != NULL)
        return TRUE;
    }
  if (g_str_has_prefix (base, "t10k-"))
    {
      test = g_strconcat ("test-", base + strlen ("t10k-"), NULL);
      return name_matches (entry, test);
    }
  return FALSE;
}

/* The file in dir for the standard name base; see axon_dataset_load_dir. */
static GFile *
find_file (const char *dir,
           const char *base,
           const char *what,
           GError    **error)
{
  g_autofree char *raw = g_build_filename (dir, base, NULL);
  g_autofree char *gz = g_strconcat (raw, ".gz", NULL);
  g_autoptr (GDir) handle = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  const char *entry;

  if (g_file_test (raw, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (raw);
  if (g_file_test (gz, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (gz);

  handle = g_dir_open (dir, 0, &local);
  if (handle == NULL)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_IO,
                   _("%s: cannot read the data directory: %s"), dir, local->message);
      return NULL;
    }
  /* Distinct names without ".gz": a raw file and its .gz are one candidate. */
  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *stem = NULL;

      if (!name_matches (entry, base))
        continue;
      stem = g_strdup (entry);
      if (g_str_has_suffix (stem, ".gz"))
        stem[strlen (stem) - 3] = '\0';
      if (!g_ptr_array_find_with_equal_func (stems, stem, g_str_equal, NULL))
        g_ptr_array_add (stems, g_steal_pointer (&stem));
    }
  if (stems->len != 1)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_NOT_FOUND,
                   stems->len == 0 ? _("%s: no %s (%s or %s.gz)")
                                   : _("%s: several files could be the %s (%s or %s.gz)"),
                   dir, what, base, base);
      return NULL;
    }
  path = g_build_filename (dir, g_ptr_array_index (stems, 0), NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (path);
  g_free (path);
  path = g_strconcat (dir, G_DIR_SEPARATOR_S, g_ptr_array_index (stems, 0), ".gz", NULL);
  return g_file_new_for_path (path);
}

static gboolean
check_pair (AxonDataset *train,
            AxonDataset *test,
            GError     **error)
{
  if (train->rows != test->rows || train->cols != test->cols)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_BAD_DIMS,
                   _("%s: training images are %ux%u but test images are %ux%u"),
                   train->name, train->rows, train->cols, test->rows, test->cols);
      return FALSE;
    }
  train->n_classes = test->n_classes = MAX (train->n_classes, test->n_classes);
  return TRUE;
}

gboolean
axon_dataset_load_dir (const char   *dir,
                       AxonDataset **train,
                       AxonDataset **test,
                       GError      **error)
{
  g_autoptr (GFile) train_images = NULL;
  g_autoptr (GFile) train_labels = NULL;
  g_autoptr (GFile) test_images = NULL;
  g_autoptr (GFile) test_labels = NULL;
  g_autoptr (AxonDataset) train_set = NULL;
  g_autoptr (AxonDataset) test_set = NULL;

  g_return_val_if_fail (dir != NULL && train != NULL && test != NULL, FALSE);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_NOT_FOUND,
                   _("%s: not a directory"), dir);
      return FALSE;
    }
  if ((train_images = find_file (dir, AXON_DATASET_TRAIN_IMAGES, _("training images"),
                                 error)) == NULL
      || (train_labels = find_file (dir, AXON_DATASET_TRAIN_LABELS, _("training labels"),
                                    error)) == NULL
      || (test_images = find_file (dir, AXON_DATASET_TEST_IMAGES, _("test images"),
                                   error)) == NULL
      || (test_labels = find_file (dir, AXON_DATASET_TEST_LABELS, _("test labels"),
                                   error)) == NULL)
    return FALSE;
  train_set = axon_dataset_load (train_images, train_labels, error);
  if (train_set == NULL)
    return FALSE;
  test_set = axon_dataset_load (test_images, test_labels, error);
  if (test_set == NULL || !check_pair (train_set, test_set, error))
    return FALSE;
  *train = g_steal_pointer (&train_set);
  *test = g_steal_pointer (&test_set);
  return TRUE;
}

static AxonIdx *
load_resource (const char *base,
               GError    **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, base, ".gz", NULL);
  g_autofree char *name = g_strconcat ("resource://", path, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  static gsize registered = 0;

  /* Manual registration: the static library's objects have no constructor to rely on. */
  if (g_once_init_enter (&registered))
    {
      axon_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  bytes = g_resource_lookup_data (axon_data_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local);
  if (bytes == NULL)
    {
      g_set_error (error, AXON_DATA_ERROR, AXON_DATA_ERROR_NOT_FOUND, "%s: %s",
                   name, local->message);
      return NULL;
    }
  return axon_idx_parse (bytes, name, error);
}

gboolean
axon_dataset_load_default (AxonDataset **train,
                           AxonDataset **test,
                           GError      **error)
{
  g_autoptr (AxonIdx) train_images = NULL;
  g_autoptr (AxonIdx) train_labels = NULL;
  g_autoptr (AxonIdx) test_images = NULL;
  g_autoptr (AxonIdx) test_labels = NULL;
  g_autoptr (AxonDataset) train_set = NULL;
  g_autoptr (AxonDataset) test_set = NULL;

  if ((train_images = load_resource (AXON_DATASET_TRAIN_IMAGES, error)) == NULL
      || (train_labels = load_resource (AXON_DATASET_TRAIN_LABELS, error)) == NULL
      || (test_images = load_resource (AXON_DATASET_TEST_IMAGES, error)) == NULL
      || (test_labels = load_resource (AXON_DATASET_TEST_LABELS, error)) == NULL)
    return FALSE;
  train_set = axon_dataset_new_from_idx (train_images, train_labels, _("embedded MNIST"),
                                         error);
  if (train_set == NULL)
    return FALSE;
  test_set = axon_dataset_new_from_idx (test_images, test_labels, _("embedded MNIST"), error);
  if (test_set == NULL || !check_pair (train_set, test_set, error))
    return FALSE;
  *train = g_steal_pointer (&train_set);
  *test = g_steal_pointer (&test_set);
  return TRUE;
}

AxonDataset *
axon_dataset_copy (const AxonDataset *dataset,
                   const char        *name)
{
  AxonDataset *copy = g_new (AxonDataset, 1);

  *copy = *dataset;
  copy->name = g_strdup (name != NULL ? name : dataset->name);
  copy->images = g_memdup2 (dataset->images, (gsize) dataset->n * dataset->dim * sizeof (float));
  copy->labels = g_memdup2 (dataset->labels, dataset->n);
  return copy;
}

void
axon_dataset_free (AxonDataset *dataset)
{
  if (dataset == NULL)
    return;
  g_free (dataset->name);
  g_free (dataset->images);
  g_free (dataset->labels);
  g_free (dataset);
}
