/* axon-compare-table.h: the results of an activation comparison, and their statistics.
 *
 * One row per run (an activation trained with one seed) holding one value per column:
 * the cost figures, the accuracies, their differences and the zero-gradient ratios
 * (overall, then one column per layer). Rows are grouped by activation in the order the
 * activations first appear; each group has, per column, the mean and the sample standard
 * deviation (n - 1 in the denominator) of the finite values of its seeds, and the best
 * group of each column is the one with the best mean (highest or lowest, by column).
 *
 * Values are stored in their natural units (accuracies and ratios as fractions 0..1,
 * differences as fractions, scalar cost in milliseconds per n evaluations, throughput in
 * millions of elements per second, training in seconds); a column's `scale` turns them
 * into what tables show (percent, percentage points).
 *
 * The table is reference counted and, once filled, read-only: the worker that fills it
 * hands the main loop a reference (or axon_compare_table_copy) and stops touching it.
 */
#pragma once

#include <glib.h>
#include <glib-object.h>

#include "axon-mlp.h"

G_BEGIN_DECLS

#define AXON_COMPARE_TABLE_ERROR (axon_compare_table_error_quark ())

typedef enum
{
  AXON_COMPARE_TABLE_ERROR_PARSE, /* a CSV that is not a comparison table (names the line) */
} AxonCompareTableError;

GQuark axon_compare_table_error_quark (void);

typedef enum
{
  AXON_COMPARE_SCALAR_MS,          /* time of n single float64 evaluations, ms */
  AXON_COMPARE_BATCH_MELEM_S,      /* float32 batch kernel, forward, Melem/s */
  AXON_COMPARE_TRAIN_SECONDS,      /* the minibatch loop, recording included */
  AXON_COMPARE_BEST_ACCURACY,      /* best minibatch accuracy while training */
  AXON_COMPARE_LAST10_ACCURACY,    /* mean accuracy of the last 10 minibatches */
  AXON_COMPARE_TEST_ACCURACY,      /* clean test set, evaluation mode */
  AXON_COMPARE_TEST_MINUS_LAST10,  /* test - last10 */
  AXON_COMPARE_NOISY_ACCURACY,     /* test set with noise */
  AXON_COMPARE_NOISY_MINUS_LAST10, /* noisy - last10 */
  AXON_COMPARE_ZERO_GRAD_RATIO,    /* exactly-zero dL/dz entries, all layers, whole run */
  AXON_COMPARE_N_FIXED_COLUMNS
  /* then one zero-gradient ratio per layer: AXON_COMPARE_ZERO_GRAD_LAYER (l) */
} AxonCompareColumn;

#define AXON_COMPARE_ZERO_GRAD_LAYER(l) (AXON_COMPARE_N_FIXED_COLUMNS + (l))
#define AXON_COMPARE_MAX_COLUMNS (AXON_COMPARE_N_FIXED_COLUMNS + AXON_MLP_MAX_LAYERS)

typedef enum
{
  AXON_COMPARE_HIGHER_IS_BETTER,
  AXON_COMPARE_LOWER_IS_BETTER,
} AxonCompareBetter;

typedef struct
{
  char key[32];    /* CSV heading and run scalar name: "test_accuracy", "zero_grad_fc1" */
  char title[64];  /* translated short heading: "Clean test" */
  char unit[16];   /* translated unit of the shown value: "%", "ms", "pp"; may be "" */
  double scale;    /* shown value = value × scale */
  int decimals;    /* digits after the point when shown */
  AxonCompareBetter better;
} AxonCompareColumnInfo;

/* What column shows and how (column < AXON_COMPARE_MAX_COLUMNS). */
void axon_compare_column_info (guint                  column,
                               AxonCompareColumnInfo *info);

/* The column whose key is key, or -1. */
int axon_compare_column_from_key (const char *key);

/* value × scale with the column's decimals ('.' as decimal point, U+2212 minus, "—" for
 * NaN); with_std appends " ± std" (std scaled too; left out when std is NaN). */
char *axon_compare_format_value (guint  column,
                                 double value,
                                 double std,
                                 gboolean with_std);

typedef struct
{
  char *activation; /* canonical name */
  guint64 seed;
  char *run_dir;    /* the TensorBoard run, or NULL when the run was not recorded */
  double values[AXON_COMPARE_MAX_COLUMNS];
} AxonCompareRow;

typedef struct
{
  const char *activation;
  guint n_runs;
  guint n[AXON_COMPARE_MAX_COLUMNS];       /* finite values per column */
  double mean[AXON_COMPARE_MAX_COLUMNS];   /* NaN when n is 0 */
  double std[AXON_COMPARE_MAX_COLUMNS];    /* sample standard deviation; NaN when n < 2 */
  double min[AXON_COMPARE_MAX_COLUMNS];
  double max[AXON_COMPARE_MAX_COLUMNS];
} AxonCompareStats;

typedef struct _AxonCompareTable AxonCompareTable;

GType axon_compare_table_get_type (void) G_GNUC_CONST;
#define AXON_TYPE_COMPARE_TABLE (axon_compare_table_get_type ())

/* An empty table for networks of n_layers weight layers (1..AXON_MLP_MAX_LAYERS). */
AxonCompareTable *axon_compare_table_new (guint n_layers);
AxonCompareTable *axon_compare_table_ref (AxonCompareTable *table);
void axon_compare_table_unref (AxonCompareTable *table);
AxonCompareTable *axon_compare_table_copy (const AxonCompareTable *table);

guint axon_compare_table_get_n_layers (const AxonCompareTable *table);
/* AXON_COMPARE_N_FIXED_COLUMNS + n_layers. */
guint axon_compare_table_get_n_columns (const AxonCompareTable *table);

/* Appends a row (values: get_n_columns entries, copied). */
void axon_compare_table_add_row (AxonCompareTable *table,
                                 const char       *activation,
                                 guint64           seed,
                                 const char       *run_dir,
                                 const double     *values);
guint axon_compare_table_get_n_rows (const AxonCompareTable *table);
const AxonCompareRow *axon_compare_table_get_row (const AxonCompareTable *table,
                                                  guint                   index);

/* Groups, one per activation, in first-appearance order. */
guint axon_compare_table_get_n_groups (const AxonCompareTable *table);
const AxonCompareStats *axon_compare_table_get_stats (const AxonCompareTable *table,
                                                      guint                   group);
/* The group of activation, or -1. */
int axon_compare_table_find_group (const AxonCompareTable *table,
                                   const char             *activation);
/* The group with the best mean of column (the first of equal ones), or -1 when no group
 * has a finite mean. */
int axon_compare_table_get_best (const AxonCompareTable *table,
                                 guint                   column);
/* Whether group's mean equals the best mean of column. */
gboolean axon_compare_table_is_best (const AxonCompareTable *table,
                                     guint                   group,
                                     guint                   column);

/* CSV (RFC 4180, '.' decimal point): the heading
 *   activation,seed,run_dir,<key of every column>
 * then one line per run, values as %.17g so they read back bit for bit ("nan", "inf",
 * "-inf" spelled out). run_dir is written relative to base_dir when inside it (base_dir
 * may be NULL), so a results directory can be moved. */
char *axon_compare_table_to_csv (const AxonCompareTable *table,
                                 const char             *base_dir);
/* Reads what to_csv wrote back into a new table; relative run_dir values are resolved
 * against base_dir (may be NULL: kept as written). Columns are found by key, in any order;
 * the layer count is that of the zero_grad_fcN columns. Fails with one line naming the
 * line and the problem. */
AxonCompareTable *axon_compare_table_new_from_csv (const char  *text,
                                                   const char  *base_dir,
                                                   GError     **error);
/* The statistics as CSV: activation,runs, then <key>_mean,<key>_std for every column. */
char *axon_compare_table_to_stats_csv (const AxonCompareTable *table);

/* A Markdown table: one row per activation, one column per metric showing
 * "mean ± std" in display units, the best mean of each column in bold, and a legend line
 * under it. */
char *axon_compare_table_to_markdown (const AxonCompareTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonCompareTable, axon_compare_table_unref)

G_END_DECLS
