/* axon-compare-page.h: the "Compare" page: the activation comparison in the window.
 *
 * A self-contained widget. Choose activations, seeds and minibatches, press Run: the
 * comparison (kernels/compare/axon-compare.h, the code `axon compare` runs) goes to a GTask
 * worker thread; progress (activation, seed, step, time left) reaches the main loop as
 * immutable snapshots through g_main_context_invoke, a few times a second, so the window
 * stays smooth, and the table fills in run by run. Cancel stops within a minibatch and
 * keeps the finished runs.
 *
 * Results: a sortable table (GtkColumnView over a GtkSortListModel: mean ± std per
 * activation, the best of each column in bold with a star), the summary figure
 * (axon-compare-render.h), the generated summary, export to CSV, Markdown, PNG, SVG and
 * PDF, and one row per run whose button emits "open-run" with the run directory, for the
 * window to show in its distribution view.
 *
 * Runs go under runs-dir (default: $XDG_DATA_HOME/axon/compare/<date-time>/runs).
 */
#pragma once

#include <adwaita.h>

#include "axon-compare-table.h"

G_BEGIN_DECLS

#define AXON_TYPE_COMPARE_PAGE (axon_compare_page_get_type ())
G_DECLARE_FINAL_TYPE (AxonComparePage, axon_compare_page, AXON, COMPARE_PAGE, GtkWidget)

typedef enum
{
  AXON_COMPARE_EXPORT_CSV,      /* one row per run (axon_compare_table_to_csv) */
  AXON_COMPARE_EXPORT_MARKDOWN, /* the table and the summary */
  AXON_COMPARE_EXPORT_PNG,      /* the figure */
  AXON_COMPARE_EXPORT_SVG,
  AXON_COMPARE_EXPORT_PDF,
} AxonCompareExport;

GtkWidget *axon_compare_page_new (void);

/* The activations ticked, canonical names (g_strfreev). */
char **axon_compare_page_dup_activations (AxonComparePage *self);
/* Ticks exactly the activations of a comma-separated list of names or aliases; FALSE
 * (nothing changed) for an unknown name. */
gboolean axon_compare_page_set_activations (AxonComparePage  *self,
                                            const char       *list,
                                            GError          **error);

guint axon_compare_page_get_seeds (AxonComparePage *self);
void axon_compare_page_set_seeds (AxonComparePage *self,
                                  guint            seeds);
guint axon_compare_page_get_steps (AxonComparePage *self);
void axon_compare_page_set_steps (AxonComparePage *self,
                                  guint            steps);
/* Where runs go; NULL: a new dated directory under $XDG_DATA_HOME/axon/compare. */
const char *axon_compare_page_get_runs_dir (AxonComparePage *self);
void axon_compare_page_set_runs_dir (AxonComparePage *self,
                                     const char      *runs_dir);
/* An IDX data set directory; NULL: the embedded MNIST. */
const char *axon_compare_page_get_data_dir (AxonComparePage *self);
void axon_compare_page_set_data_dir (AxonComparePage *self,
                                     const char      *data_dir);

/* Starts the comparison with the current choices (FALSE and error when nothing is ticked
 * or one is already running). */
gboolean axon_compare_page_start (AxonComparePage  *self,
                                  GError          **error);
void axon_compare_page_cancel (AxonComparePage *self);
gboolean axon_compare_page_get_running (AxonComparePage *self);

/* The results shown (NULL before the first run finishes); a snapshot that stays valid
 * until the next one replaces it. */
AxonCompareTable *axon_compare_page_get_table (AxonComparePage *self);
/* The table's rows as the column view shows them, sorted (items: one per activation). */
GListModel *axon_compare_page_get_model (AxonComparePage *self);
/* The line under the progress bar: "relu · seed 2 of 3 · step 540 of 1000 · …". */
const char *axon_compare_page_get_progress_text (AxonComparePage *self);

/* Writes the results in kind to path, atomically. */
gboolean axon_compare_page_export (AxonComparePage    *self,
                                   AxonCompareExport   kind,
                                   const char         *path,
                                   GError            **error);

/* Emits "open-run" with the run directory of the run-th row of the table. */
void axon_compare_page_open_run (AxonComparePage *self,
                                 guint            run);

G_END_DECLS
