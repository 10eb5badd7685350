/* axon-activation-picker.h: the sidebar: the whole catalogue, searchable, multi-select.
 *
 * Rows are grouped by category. The search matches canonical names and aliases ("silu"
 * finds swish). Each selected activation becomes an AxonCurve in the selection model with
 * its own colour and a visibility toggle; clicking a row focuses it (the details pane
 * follows "focused").
 */
#pragma once

#include <gtk/gtk.h>

#include "axon-curve.h"

G_BEGIN_DECLS

/* One colour per curve from the colour-blind-safe palette, so at most this many at once. */
#define AXON_PICKER_MAX_SELECTED 8

#define AXON_TYPE_ACTIVATION_PICKER (axon_activation_picker_get_type ())
G_DECLARE_FINAL_TYPE (AxonActivationPicker, axon_activation_picker, AXON, ACTIVATION_PICKER,
                      GtkWidget)

GtkWidget *axon_activation_picker_new (void);

/* The selected activations as AxonCurve items, in the order they were selected. */
GListModel *axon_activation_picker_get_selection (AxonActivationPicker *self);

/* Selects (adding a curve at default parameters) or deselects activation. Returns the curve
 * when selected, NULL when deselected or when the selection is full. */
AxonCurve *axon_activation_picker_set_selected (AxonActivationPicker *self,
                                                const AxonActivation *activation,
                                                gboolean              selected);
AxonCurve *axon_activation_picker_find_curve (AxonActivationPicker *self,
                                              const AxonActivation *activation);
void axon_activation_picker_clear (AxonActivationPicker *self);

AxonCurve *axon_activation_picker_get_focused (AxonActivationPicker *self);
void axon_activation_picker_set_focused (AxonActivationPicker *self,
                                         AxonCurve            *curve);

const char *axon_activation_picker_get_search_text (AxonActivationPicker *self);
/* Filters the list at once (no search delay). */
void axon_activation_picker_set_search_text (AxonActivationPicker *self,
                                             const char           *text);
/* Whether the search lets activation's row through. */
gboolean axon_activation_picker_is_shown (AxonActivationPicker *self,
                                          const AxonActivation *activation);
void axon_activation_picker_focus_search (AxonActivationPicker *self);

G_END_DECLS
