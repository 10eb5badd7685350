/* axon-properties-panel.c: formula labels and the property sheet, filled from the table. */
#include "axon-properties-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "axon-registry.h"

typedef enum
{
  ROW_CATEGORY,
  ROW_RANGE,
  ROW_MONOTONIC,
  ROW_CONTINUITY,
  ROW_ZERO_CENTRED,
  ROW_SATURATING,
  ROW_IDENTITY,
  ROW_SYMMETRY,
  ROW_DEAD_ZONE,
  N_ROWS
} RowKind;

static const struct
{
  const char *key;
  const char *title;
  const char *tooltip;
} row_info[N_ROWS] = {
  [ROW_CATEGORY] = { "category", N_("Family"), NULL },
  [ROW_RANGE] = { "range", N_("Output range"),
                  N_("Infimum and supremum of f over all real x") },
  [ROW_MONOTONIC] = { "monotonic", N_("Monotonic"), N_("f′(x) ≥ 0 everywhere") },
  [ROW_CONTINUITY] = { "continuity", N_("Smoothness"),
                       N_("How many derivatives are continuous") },
  [ROW_ZERO_CENTRED] = { "zero-centred", N_("Zero-centred"),
                         N_("Outputs take both signs, with mean near 0") },
  [ROW_SATURATING] = { "saturating", N_("Saturating"),
                       N_("Where f′(x) tends to 0 as x grows") },
  [ROW_IDENTITY] = { "identity", N_("Identity near 0"), N_("f(0) = 0 and f′(0) = 1") },
  [ROW_SYMMETRY] = { "symmetry", N_("Symmetry"), NULL },
  [ROW_DEAD_ZONE] = { "dead-zone", N_("Dead zone"), N_("f′(x) = 0 for every x < 0") },
};

struct _AxonPropertiesPanel
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *formula_group;
  AdwPreferencesGroup *properties_group;
  GtkLabel *formula_label;
  GtkLabel *derivative_label;
  GtkLabel *source_label;
  GtkWidget *rows[N_ROWS]; /* AdwActionRow: the property as title, its value as subtitle */

  AxonCurve *curve;
};

G_DEFINE_FINAL_TYPE (AxonPropertiesPanel, axon_properties_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CURVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* −∞, ∞, and numbers with a typographic minus, as the plot's tick labels. */
static char *
format_bound (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isinf (value))
    return g_strdup (value < 0 ? "−∞" : "∞");
  if (value == 0)
    return g_strdup ("0");
  g_ascii_formatd (buffer, sizeof buffer, "%.4g", fabs (value));
  return g_strdup_printf ("%s%s", value < 0 ? "−" : "", buffer);
}

static const char *
yes_no (bool value)
{
  return value ? _("Yes") : _("No");
}

static const char *
saturation_text (AxonSaturation saturation)
{
  switch (saturation)
    {
    case AXON_SATURATES_NONE:
      return _("No");
    case AXON_SATURATES_LEFT:
      return _("For x → −∞");
    case AXON_SATURATES_RIGHT:
      return _("For x → +∞");
    case AXON_SATURATES_BOTH:
      return _("Both sides");
    default:
      return "";
    }
}

static const char *
symmetry_text (AxonSymmetry symmetry)
{
  switch (symmetry)
    {
    case AXON_SYMMETRY_ODD:
      return _("Odd: f(−x) = −f(x)");
    case AXON_SYMMETRY_EVEN:
      return _("Even: f(−x) = f(x)");
    case AXON_SYMMETRY_NONE:
    default:
      return _("None");
    }
}

static void
set_value (AxonPropertiesPanel *self,
           RowKind              kind,
           const char          *text)
{
  /* Subtitles wrap under the title, so long values stay readable in a narrow pane. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->rows[kind]), escaped);
}

/* Markup from the table is trusted, but a typo in it must not blank the label. */
static void
set_markup_checked (GtkLabel   *label,
                    const char *markup)
{
  if (markup == NULL || markup[0] == '\0')
    {
      gtk_label_set_text (label, "—");
      return;
    }
  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    gtk_label_set_markup (label, markup);
  else
    gtk_label_set_text (label, markup);
}

static void
update (AxonPropertiesPanel *self)
{
  const AxonActivation *activation;
  const AxonProperties *p;
  g_autofree char *lo = NULL, *hi = NULL, *range = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->formula_group), self->curve != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->properties_group), self->curve != NULL);
  if (self->curve == NULL)
    return;

  activation = axon_curve_get_activation (self->curve);
  p = &activation->properties;

  set_markup_checked (self->formula_label, activation->formula);
  set_markup_checked (self->derivative_label, activation->derivative_formula);
  if (activation->source != NULL && activation->source[0] != '\0')
    {
      /* Translators: %s names whose definition is followed, e.g. "PyTorch torch.nn.ELU". */
      g_autofree char *source = g_strdup_printf (_("As defined by %s"),
                                                 _(activation->source));

      gtk_label_set_text (self->source_label, source);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->source_label),
                          activation->source != NULL && activation->source[0] != '\0');

  lo = format_bound (p->range_min);
  hi = format_bound (p->range_max);
  /* Translators: the output range, from the infimum to the supremum: "−1 to 1". */
  range = g_strdup_printf (_("%s to %s"), lo, hi);

  set_value (self, ROW_CATEGORY, axon_category_get_name (activation->category));
  set_value (self, ROW_RANGE, range);
  set_value (self, ROW_MONOTONIC, yes_no (p->monotonic));
  set_value (self, ROW_CONTINUITY, axon_continuity_get_name (p->continuity));
  set_value (self, ROW_ZERO_CENTRED, yes_no (p->zero_centred));
  set_value (self, ROW_SATURATING, saturation_text (p->saturating));
  set_value (self, ROW_IDENTITY, yes_no (p->identity_near_zero));
  set_value (self, ROW_SYMMETRY, symmetry_text (p->symmetry));
  set_value (self, ROW_DEAD_ZONE, yes_no (p->dead_zone));
}

AxonCurve *
axon_properties_panel_get_curve (AxonPropertiesPanel *self)
{
  g_return_val_if_fail (AXON_IS_PROPERTIES_PANEL (self), NULL);
  return self->curve;
}

void
axon_properties_panel_set_curve (AxonPropertiesPanel *self,
                                 AxonCurve           *curve)
{
  g_return_if_fail (AXON_IS_PROPERTIES_PANEL (self));
  g_return_if_fail (curve == NULL || AXON_IS_CURVE (curve));

  if (!g_set_object (&self->curve, curve))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
}

const char *
axon_properties_panel_get_value_text (AxonPropertiesPanel *self,
                                      const char          *key)
{
  g_return_val_if_fail (AXON_IS_PROPERTIES_PANEL (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < N_ROWS; i++)
    if (g_str_equal (row_info[i].key, key))
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->rows[i]));
  return NULL;
}

static void
axon_properties_panel_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AxonPropertiesPanel *self = AXON_PROPERTIES_PANEL (object);

  switch (prop_id)
    {
    case PROP_CURVE:
      g_value_set_object (value, self->curve);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_properties_panel_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AxonPropertiesPanel *self = AXON_PROPERTIES_PANEL (object);

  switch (prop_id)
    {
    case PROP_CURVE:
      axon_properties_panel_set_curve (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_properties_panel_dispose (GObject *object)
{
  AxonPropertiesPanel *self = AXON_PROPERTIES_PANEL (object);

  g_clear_object (&self->curve);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_PROPERTIES_PANEL);
  /* The template's unnamed root is not cleared by dispose_template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (axon_properties_panel_parent_class)->dispose (object);
}

static void
axon_properties_panel_class_init (AxonPropertiesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = axon_properties_panel_get_property;
  object_class->set_property = axon_properties_panel_set_property;
  object_class->dispose = axon_properties_panel_dispose;

  properties[PROP_CURVE] =
    g_param_spec_object ("curve", "Curve", "The curve whose properties are shown",
                         AXON_TYPE_CURVE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/axonviz/Axon/ui/axon-properties-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonPropertiesPanel, formula_group);
  gtk_widget_class_bind_template_child (widget_class, AxonPropertiesPanel, properties_group);
  gtk_widget_class_bind_template_child (widget_class, AxonPropertiesPanel, formula_label);
  gtk_widget_class_bind_template_child (widget_class, AxonPropertiesPanel, derivative_label);
  gtk_widget_class_bind_template_child (widget_class, AxonPropertiesPanel, source_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
axon_properties_panel_init (AxonPropertiesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_ROWS; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(row_info[i].title));
      if (row_info[i].tooltip != NULL)
        gtk_widget_set_tooltip_text (row, _(row_info[i].tooltip));
      gtk_widget_add_css_class (row, "property-row");
      adw_preferences_group_add (self->properties_group, row);
      self->rows[i] = row;
    }
  update (self);
}

GtkWidget *
axon_properties_panel_new (void)
{
  return g_object_new (AXON_TYPE_PROPERTIES_PANEL, NULL);
}
