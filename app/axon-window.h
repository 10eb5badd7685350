/* axon-window.h: the main window: header bar, page stack, toasts, window state. */
#pragma once

#include <adwaita.h>

#include "axon-application.h"
#include "axon-compare-page.h"
#include "axon-distribution-page.h"
#include "axon-explore-page.h"
#include "axon-run.h"

G_BEGIN_DECLS

#define AXON_TYPE_WINDOW (axon_window_get_type ())
G_DECLARE_FINAL_TYPE (AxonWindow, axon_window, AXON, WINDOW, AdwApplicationWindow)

/* The names of the pages in the stack (and in the "visible-page" setting). */
#define AXON_WINDOW_PAGE_EXPLORE "explore"
#define AXON_WINDOW_PAGE_DISTRIBUTIONS "distributions"
#define AXON_WINDOW_PAGE_COMPARE "compare"

AxonWindow *axon_window_new (AxonApplication *application);

AxonExplorePage *axon_window_get_explore_page (AxonWindow *self);
AxonDistributionPage *axon_window_get_distribution_page (AxonWindow *self);
AxonComparePage *axon_window_get_compare_page (AxonWindow *self);
AdwViewStack *axon_window_get_stack (AxonWindow *self);

/* Shows the page called name (AXON_WINDOW_PAGE_*); FALSE for an unknown name. */
gboolean axon_window_show_page (AxonWindow *self,
                                const char *name);

/* Switches to the Distributions page and opens the run at path there (what `axon --open`,
 * `axon RUN_DIR` and the Compare page's run buttons do). On failure the page shows the
 * error line, a toast repeats it, the run shown before stays, and FALSE is returned. */
gboolean axon_window_open_run (AxonWindow *self,
                               const char *path);
/* Switches to the Distributions page and shows run (a run just trained). */
void axon_window_show_run (AxonWindow *self,
                           AxonRun    *run);

/* A short message at the bottom of the window. */
void axon_window_add_toast (AxonWindow *self,
                            const char *message);

/* Writes the window's and its pages' state to the application's settings (also done when
 * the window closes). */
void axon_window_save_state (AxonWindow *self);

G_END_DECLS
