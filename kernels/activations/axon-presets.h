/* axon-presets.h: the parameters other frameworks use for the same activation.
 *
 * Axon's defaults are PyTorch's. A preset answers "what would this activation look like with
 * Keras's (or trident's) defaults?", so a class can see why two libraries disagree
 * (leaky_relu's slope, the two hard sigmoids, SIREN's w0).
 */
#pragma once

#include "axon-activation.h"

G_BEGIN_DECLS

typedef enum
{
  AXON_FRAMEWORK_PYTORCH,
  AXON_FRAMEWORK_KERAS2,
  AXON_FRAMEWORK_KERAS3,
  AXON_FRAMEWORK_TRIDENT,
  AXON_N_FRAMEWORKS
} AxonFramework;

/* Translated display name ("PyTorch", "Keras 2", ...). */
const char *axon_framework_get_name (AxonFramework framework);

/* Fills p with the parameters framework uses by default for activation and returns TRUE
 * when they differ from Axon's defaults. Returns FALSE, with p set to Axon's defaults, when
 * the framework uses the same values or has no such activation. */
gboolean axon_framework_get_params (AxonFramework         framework,
                                    const AxonActivation *activation,
                                    AxonParams           *p);

G_END_DECLS
