/* axon-properties-panel.h: the formula, its derivative and the property sheet of a curve.
 *
 * Everything shown comes from the activation's table row: the Pango markup of f and f',
 * and AxonProperties (range, monotonic, continuity, zero-centred, saturating, identity
 * near 0, symmetry, dead zone), which the kernel tests check numerically.
 */
#pragma once

#include <gtk/gtk.h>

#include "axon-curve.h"

G_BEGIN_DECLS

#define AXON_TYPE_PROPERTIES_PANEL (axon_properties_panel_get_type ())
G_DECLARE_FINAL_TYPE (AxonPropertiesPanel, axon_properties_panel, AXON, PROPERTIES_PANEL,
                      GtkWidget)

GtkWidget *axon_properties_panel_new (void);

AxonCurve *axon_properties_panel_get_curve (AxonPropertiesPanel *self);
void axon_properties_panel_set_curve (AxonPropertiesPanel *self,
                                      AxonCurve           *curve);

/* The text shown for one property row, for tests: "range", "monotonic", "continuity",
 * "zero-centred", "saturating", "identity", "symmetry", "dead-zone". NULL if unknown. */
const char *axon_properties_panel_get_value_text (AxonPropertiesPanel *self,
                                                  const char          *key);

G_END_DECLS
