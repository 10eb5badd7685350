/* axon-explore-page.h: the "Explore" page: picker, plot with its controls, details pane.
 *
 * Wires the picker's selection (AxonCurve items) to the plot view's series, the focused
 * curve to the parameter panel and the property sheet, and keeps its state in GSettings.
 */
#pragma once

#include <adwaita.h>

#include "axon-activation-picker.h"
#include "axon-plot-view.h"

G_BEGIN_DECLS

#define AXON_TYPE_EXPLORE_PAGE (axon_explore_page_get_type ())
G_DECLARE_FINAL_TYPE (AxonExplorePage, axon_explore_page, AXON, EXPLORE_PAGE, GtkWidget)

GtkWidget *axon_explore_page_new (void);

AxonPlotView *axon_explore_page_get_plot_view (AxonExplorePage *self);
AxonActivationPicker *axon_explore_page_get_picker (AxonExplorePage *self);

/* Reads and writes the page's keys of the io.github.axonviz.Axon schema: selection with
 * parameters and visibility, focus, x and y ranges, layout, derivative, shading, preset,
 * pane widths. Unknown names and out-of-range values in settings are skipped. */
void axon_explore_page_restore_state (AxonExplorePage *self,
                                      GSettings       *settings);
void axon_explore_page_save_state (AxonExplorePage *self,
                                   GSettings       *settings);

void axon_explore_page_focus_search (AxonExplorePage *self);

/* The series as the plot draws them now, for export. Free with g_free; labels point into the
 * plot view and stay valid until the selection changes. */
AxonPlotSeries *axon_explore_page_dup_series (AxonExplorePage *self,
                                              size_t          *n_series);

G_END_DECLS
