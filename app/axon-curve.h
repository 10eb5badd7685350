/* axon-curve.h: one activation chosen in the explorer: its parameters, colour, visibility.
 *
 * The picker owns a GListModel of these; the plot, the parameter panel and the property
 * sheet all watch the same objects, so a slider move is one notify::params that everyone
 * sees once.
 */
#pragma once

#include <glib-object.h>

#include "axon-activation.h"

G_BEGIN_DECLS

#define AXON_TYPE_PARAMS (axon_params_get_type ())
GType axon_params_get_type (void) G_GNUC_CONST;

#define AXON_TYPE_CURVE (axon_curve_get_type ())
G_DECLARE_FINAL_TYPE (AxonCurve, axon_curve, AXON, CURVE, GObject)

/* A curve at the activation's default parameters. */
AxonCurve *axon_curve_new (const AxonActivation *activation,
                           guint                 colour);

const AxonActivation *axon_curve_get_activation (AxonCurve *self);
const AxonParams *axon_curve_get_params (AxonCurve *self);
/* Notifies "params" once when anything changed. params are not validated here. */
void axon_curve_set_params (AxonCurve        *self,
                            const AxonParams *params);
void axon_curve_set_param (AxonCurve *self,
                           guint      index,
                           double     value);
guint axon_curve_get_colour (AxonCurve *self);
void axon_curve_set_colour (AxonCurve *self,
                            guint      colour);
gboolean axon_curve_get_visible (AxonCurve *self);
void axon_curve_set_visible (AxonCurve *self,
                             gboolean   visible);

G_END_DECLS
