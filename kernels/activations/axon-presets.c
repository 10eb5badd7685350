/* axon-presets.c: framework defaults that differ from Axon's (= PyTorch's).
 *
 * Only differences are listed; each row cites where the library sets its default. Where a
 * library has both a layer and a function, the layer's default is used, because that is
 * what a model definition normally instantiates.
 */
#include <glib/gi18n-lib.h>

#include "axon-presets.h"
#include "axon-registry.h"

typedef struct
{
  AxonFramework framework;
  AxonActivationId id;
  const char *params; /* assignments as for axon_params_assign_list */
} Preset;

static const Preset presets[] = {
  /* Keras 2 (tf.keras up to 2.15): activations.hard_sigmoid is clip (0.2 x + 0.5, 0, 1);
   * layers.LeakyReLU (alpha=0.3); layers.PReLU (alpha_initializer='zeros'). */
  { AXON_FRAMEWORK_KERAS2, AXON_ACTIVATION_hard_sigmoid, "slope=0.2;offset=0.5" },
  { AXON_FRAMEWORK_KERAS2, AXON_ACTIVATION_leaky_relu, "alpha=0.3" },
  { AXON_FRAMEWORK_KERAS2, AXON_ACTIVATION_prelu, "weight=0" },

  /* Keras 3: activations.hard_sigmoid is x/6 + 1/2 as PyTorch's, so no entry;
   * layers.LeakyReLU (negative_slope=0.3) (the function activations.leaky_relu defaults
   * to 0.2); layers.PReLU (alpha_initializer='Zeros'). */
  { AXON_FRAMEWORK_KERAS3, AXON_ACTIVATION_leaky_relu, "alpha=0.3" },
  { AXON_FRAMEWORK_KERAS3, AXON_ACTIVATION_prelu, "weight=0" },

  /* trident (AllanYiin/trident, PyTorch backend): layers.LeakyRelu (alpha=0.2) and
   * backend leaky_relu (x, slope=0.2); layers.SIREN (w0=30.0). Its hard_sigmoid is
   * relu6 (x + 3) / 6 and LeakyRelu6's slope 0.2, both as Axon's defaults. */
  { AXON_FRAMEWORK_TRIDENT, AXON_ACTIVATION_leaky_relu, "alpha=0.2" },
  { AXON_FRAMEWORK_TRIDENT, AXON_ACTIVATION_sin, "w0=30" },
};

const char *
axon_framework_get_name (AxonFramework framework)
{
  switch (framework)
    {
    case AXON_FRAMEWORK_PYTORCH:
      return _("PyTorch");
    case AXON_FRAMEWORK_KERAS2:
      return _("Keras 2");
    case AXON_FRAMEWORK_KERAS3:
      return _("Keras 3");
    case AXON_FRAMEWORK_TRIDENT:
      return _("trident");
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
axon_framework_get_params (AxonFramework         framework,
                           const AxonActivation *activation,
                           AxonParams           *p)
{
  g_return_val_if_fail ((unsigned) framework < AXON_N_FRAMEWORKS, FALSE);
  g_return_val_if_fail (activation != NULL && p != NULL, FALSE);

  axon_params_init_default (activation, p);
  for (unsigned i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autoptr (GError) error = NULL;

      if (presets[i].framework != framework || presets[i].id != activation->id)
        continue;
      if (!axon_params_assign_list (activation, p, 0, presets[i].params, &error))
        {
          /* The table above is data under test; a bad row must not leave p half-set. */
          g_critical ("preset for %s: %s", activation->name, error->message);
          axon_params_init_default (activation, p);
          return FALSE;
        }
      return TRUE;
    }
  return FALSE;
}
