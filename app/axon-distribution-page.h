/* axon-distribution-page.h: the "Distributions" page: how a run's weights and gradients
 * spread over training.
 *
 * A self-contained widget: open a run (a directory of TensorBoard event files, by file
 * chooser, drag and drop, or axon_distribution_page_open_run), or show one just trained
 * (set_run). Tags are grouped by layer with a weights / gradients selector; the view is a
 * 3D surface, heatmap, ridges, overlay or percentile bands (AxonSurfaceView); a step range
 * and a step cursor whose 2D histogram (min, max, mean, std, zero ratio) is drawn beside;
 * log counts and a symmetric-log value axis; a second run side by side with the same
 * camera and the same value and count scales; export of the figure (PNG, SVG, PDF, through
 * the same render function) and of the histograms (CSV, JSON). Problems are one line at the
 * top of the page; what was shown before stays.
 */
#pragma once

#include <adwaita.h>

#include "axon-run.h"
#include "axon-surface-view.h"

G_BEGIN_DECLS

#define AXON_TYPE_DISTRIBUTION_PAGE (axon_distribution_page_get_type ())
G_DECLARE_FINAL_TYPE (AxonDistributionPage, axon_distribution_page, AXON, DISTRIBUTION_PAGE,
                      GtkWidget)

GtkWidget *axon_distribution_page_new (void);

/* Loads the run at path (directory or event file) and shows it. On failure the error is
 * shown in the page (axon_distribution_page_get_error), the run shown before stays, and
 * FALSE is returned. Load warnings (a truncated file) are shown but the run opens. */
gboolean axon_distribution_page_open_run (AxonDistributionPage *self,
                                          const char           *path);
/* Shows run (a reference is taken; NULL closes). For a run just trained in the window. */
void axon_distribution_page_set_run (AxonDistributionPage *self,
                                     AxonRun              *run);
AxonRun *axon_distribution_page_get_run (AxonDistributionPage *self);

/* The second run, side by side with the first (NULL: no comparison). */
gboolean axon_distribution_page_open_compare_run (AxonDistributionPage *self,
                                                  const char           *path);
void axon_distribution_page_set_compare_run (AxonDistributionPage *self,
                                             AxonRun              *run);

/* The histogram tags the selectors offer, layer by layer (weights, gradients, others);
 * NULL-terminated, g_strfreev. */
char **axon_distribution_page_dup_tags (AxonDistributionPage *self);
/* The tag shown (NULL when none); selecting one moves the layer and role selectors. */
const char *axon_distribution_page_get_tag (AxonDistributionPage *self);
gboolean axon_distribution_page_set_tag (AxonDistributionPage *self,
                                         const char           *tag);

AxonSurfaceView *axon_distribution_page_get_view (AxonDistributionPage *self);
AxonSurfaceView *axon_distribution_page_get_compare_view (AxonDistributionPage *self);

/* The line shown at the top of the page, or NULL. */
const char *axon_distribution_page_get_error (AxonDistributionPage *self);

/* Writes the figure (.png, .svg, .pdf: both runs when comparing) at the view's size, or
 * the shown tag's histograms (.csv, .json), atomically. */
gboolean axon_distribution_page_export (AxonDistributionPage  *self,
                                        const char            *path,
                                        GError               **error);

G_END_DECLS
