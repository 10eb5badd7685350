/* axon-dataset.h: a labelled image data set (MNIST and relatives) as float32 pixels.
 *
 * Pixels are the IDX bytes divided by 255 (so exactly what PyTorch peers compute from the
 * same files), one image per row of `dim` floats. Labels are 0 .. n_classes - 1.
 */
#pragma once

#include <gio/gio.h>

#include "axon-idx.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;       /* where it came from, for messages: a directory or "embedded MNIST" */
  guint n;          /* images */
  guint rows;
  guint cols;
  guint dim;        /* rows * cols */
  guint n_classes;  /* 1 + the largest label */
  float *images;    /* n * dim values in [0, 1] */
  guint8 *labels;   /* n labels */
} AxonDataset;

/* The standard MNIST file names, without the optional ".gz". */
#define AXON_DATASET_TRAIN_IMAGES "train-images-idx3-ubyte"
#define AXON_DATASET_TRAIN_LABELS "train-labels-idx1-ubyte"
#define AXON_DATASET_TEST_IMAGES "t10k-images-idx3-ubyte"
#define AXON_DATASET_TEST_LABELS "t10k-labels-idx1-ubyte"

/* A data set from parsed IDX images (ubyte, 3 dimensions: count, rows, columns) and labels
 * (ubyte, 1 dimension, the same count). name as in AxonDataset. */
AxonDataset *axon_dataset_new_from_idx (const AxonIdx *images,
                                        const AxonIdx *labels,
                                        const char    *name,
                                        GError       **error);
/* Reads an images file and a labels file (raw or gzip). */
AxonDataset *axon_dataset_load (GFile   *images,
                                GFile   *labels,
                                GError **error);

/* Loads the training and test sets of an IDX directory: for each of the four standard
 * names the raw file or the one with ".gz" (raw preferred when both exist); failing that,
 * the one file whose name contains the standard name (EMNIST's "emnist-digits-train-
 * images-idx3-ubyte"), "train-images.idx3-ubyte" spellings, or "test" for "t10k". Both sets
 * must have the same image size; n_classes is the larger of the two. */
gboolean axon_dataset_load_dir (const char   *dir,
                                AxonDataset **train,
                                AxonDataset **test,
                                GError      **error);

/* The embedded default: 8,000 training and 2,000 test MNIST digits. */
gboolean axon_dataset_load_default (AxonDataset **train,
                                    AxonDataset **test,
                                    GError      **error);

/* A deep copy; name may be NULL to keep the source's. */
AxonDataset *axon_dataset_copy (const AxonDataset *dataset,
                                const char        *name);
void axon_dataset_free (AxonDataset *dataset);

/* Image i, dim floats. */
static inline const float *
axon_dataset_image (const AxonDataset *dataset,
                    guint              i)
{
  return dataset->images + (gsize) i * dataset->dim;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonDataset, axon_dataset_free)

G_END_DECLS
