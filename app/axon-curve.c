/* axon-curve.c: a selected activation as an observable object. */
#include "axon-curve.h"

#include <string.h>

#include "axon-registry.h"

struct _AxonCurve
{
  GObject parent_instance;

  const AxonActivation *activation;
  AxonParams params;
  guint colour;
  gboolean visible;
};

G_DEFINE_FINAL_TYPE (AxonCurve, axon_curve, G_TYPE_OBJECT)

static AxonParams *
params_copy (const AxonParams *params)
{
  return g_memdup2 (params, sizeof *params);
}

G_DEFINE_BOXED_TYPE (AxonParams, axon_params, params_copy, g_free)

enum
{
  PROP_0,
  PROP_ACTIVATION,
  PROP_PARAMS,
  PROP_COLOUR,
  PROP_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
axon_curve_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AxonCurve *self = AXON_CURVE (object);

  switch (prop_id)
    {
    case PROP_ACTIVATION:
      g_value_set_pointer (value, (gpointer) self->activation);
      break;
    case PROP_PARAMS:
      g_value_set_boxed (value, &self->params);
      break;
    case PROP_COLOUR:
      g_value_set_uint (value, self->colour);
      break;
    case PROP_VISIBLE:
      g_value_set_boolean (value, self->visible);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_curve_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AxonCurve *self = AXON_CURVE (object);

  switch (prop_id)
    {
    case PROP_ACTIVATION:
      self->activation = g_value_get_pointer (value);
      g_assert (self->activation != NULL);
      axon_params_init_default (self->activation, &self->params);
      break;
    case PROP_PARAMS:
      if (g_value_get_boxed (value) != NULL)
        axon_curve_set_params (self, g_value_get_boxed (value));
      break;
    case PROP_COLOUR:
      axon_curve_set_colour (self, g_value_get_uint (value));
      break;
    case PROP_VISIBLE:
      axon_curve_set_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_curve_class_init (AxonCurveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = axon_curve_get_property;
  object_class->set_property = axon_curve_set_property;

  properties[PROP_ACTIVATION] =
    g_param_spec_pointer ("activation", "Activation", "The row of the activation table",
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARAMS] =
    g_param_spec_boxed ("params", "Parameters", "Parameter values", AXON_TYPE_PARAMS,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_uint ("colour", "Colour", "Index into the style's series colours",
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBLE] =
    g_param_spec_boolean ("visible", "Visible", "Whether the curve is drawn", TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
axon_curve_init (AxonCurve *self)
{
  self->visible = TRUE;
}

AxonCurve *
axon_curve_new (const AxonActivation *activation,
                guint                 colour)
{
  g_return_val_if_fail (activation != NULL, NULL);

  return g_object_new (AXON_TYPE_CURVE, "activation", activation, "colour", colour, NULL);
}

const AxonActivation *
axon_curve_get_activation (AxonCurve *self)
{
  g_return_val_if_fail (AXON_IS_CURVE (self), NULL);
  return self->activation;
}

const AxonParams *
axon_curve_get_params (AxonCurve *self)
{
  g_return_val_if_fail (AXON_IS_CURVE (self), NULL);
  return &self->params;
}

void
axon_curve_set_params (AxonCurve        *self,
                       const AxonParams *params)
{
  AxonParams p;

  g_return_if_fail (AXON_IS_CURVE (self));
  g_return_if_fail (params != NULL);

  /* Slots past n_params stay 0, so comparing whole structs is meaningful. */
  memset (&p, 0, sizeof p);
  for (unsigned i = 0; i < self->activation->n_params; i++)
    p.v[i] = params->v[i];
  if (memcmp (&p, &self->params, sizeof p) == 0)
    return;
  self->params = p;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARAMS]);
}

void
axon_curve_set_param (AxonCurve *self,
                      guint      index,
                      double     value)
{
  AxonParams p;

  g_return_if_fail (AXON_IS_CURVE (self));
  g_return_if_fail (index < self->activation->n_params);

  p = self->params;
  p.v[index] = value;
  axon_curve_set_params (self, &p);
}

guint
axon_curve_get_colour (AxonCurve *self)
{
  g_return_val_if_fail (AXON_IS_CURVE (self), 0);
  return self->colour;
}

void
axon_curve_set_colour (AxonCurve *self,
                       guint      colour)
{
  g_return_if_fail (AXON_IS_CURVE (self));

  if (colour == self->colour)
    return;
  self->colour = colour;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

gboolean
axon_curve_get_visible (AxonCurve *self)
{
  g_return_val_if_fail (AXON_IS_CURVE (self), FALSE);
  return self->visible;
}

void
axon_curve_set_visible (AxonCurve *self,
                        gboolean   visible)
{
  g_return_if_fail (AXON_IS_CURVE (self));

  if (self->visible == !!visible)
    return;
  self->visible = !!visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE]);
}
