/* axon-param-panel.h: live parameter rows for the focused curve.
 *
 * One row (an AdwPreferencesRow) per parameter of the table row: a slider over the useful
 * part of the parameter's range and a spin button over all of it, kept in step, a
 * reset-to-default button, and the parameter's meaning as tooltip. Changes go straight to
 * the AxonCurve, so the plot redraws in the same frame. Values breaking a cross-parameter
 * rule (rrelu lower <= upper) are refused with the reason shown under the slider.
 */
#pragma once

#include <gtk/gtk.h>

#include "axon-curve.h"

G_BEGIN_DECLS

#define AXON_TYPE_PARAM_PANEL (axon_param_panel_get_type ())
G_DECLARE_FINAL_TYPE (AxonParamPanel, axon_param_panel, AXON, PARAM_PANEL, GtkWidget)

GtkWidget *axon_param_panel_new (void);

AxonCurve *axon_param_panel_get_curve (AxonParamPanel *self);
void axon_param_panel_set_curve (AxonParamPanel *self,
                                 AxonCurve      *curve);

/* The defaults the reset buttons return to (a framework preset's), or NULL for the table's.
 * Copied. */
void axon_param_panel_set_defaults (AxonParamPanel   *self,
                                    const AxonParams *defaults);

/* The adjustment of parameter index, for tests and keyboard access; NULL if none. */
GtkAdjustment *axon_param_panel_get_adjustment (AxonParamPanel *self,
                                                guint           index);

G_END_DECLS
