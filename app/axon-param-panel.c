/* axon-param-panel.c: one slider + spin button row per parameter, built from the table. */
#include "axon-param-panel.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "axon-registry.h"

/* Ends used for the spin button when a parameter is unbounded. */
#define UNBOUNDED_LIMIT 1e6
/* The slider covers default +- SLIDER_REACH * max (1, |default|) within the bounds: the
 * useful part, at a resolution a mouse can hit; the spin button reaches the rest. */
#define SLIDER_REACH 5.0

typedef struct
{
  AxonParamPanel *panel;
  guint index;
  GtkWidget *row;
  GtkWidget *scale;
  GtkWidget *spin;
  GtkWidget *reset;
  GtkWidget *message; /* why a value was refused, under the slider */
  GtkAdjustment *scale_adjustment;
  GtkAdjustment *spin_adjustment;
} ParamRow;

struct _AxonParamPanel
{
  GtkWidget parent_instance;

  AdwPreferencesGroup *group;
  GtkWidget *empty_row;

  AxonCurve *curve;
  AxonParams defaults;
  gboolean has_defaults;
  ParamRow rows[AXON_MAX_PARAMS];
  guint n_rows;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (AxonParamPanel, axon_param_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CURVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
default_of (AxonParamPanel *self,
            guint           index)
{
  const AxonActivation *activation = axon_curve_get_activation (self->curve);

  return self->has_defaults ? self->defaults.v[index]
                            : activation->params[index].default_value;
}

/* Decimals that resolve about a thousandth of the slider's span. */
static int
digits_for (double span)
{
  double step = span / 1000;
  int digits = step > 0 ? (int) ceil (-log10 (step)) : 2;

  return CLAMP (digits, 1, 6);
}

static void
show_error (ParamRow   *row,
            const char *message)
{
  if (message != NULL)
    gtk_label_set_text (GTK_LABEL (row->message), message);
  gtk_widget_set_visible (row->message, message != NULL);
}

/* Puts the curve's value of row into both adjustments without feeding back. */
static void
sync_row (AxonParamPanel *self,
          ParamRow       *row)
{
  double value = axon_curve_get_params (self->curve)->v[row->index];

  self->updating = TRUE;
  gtk_adjustment_set_value (row->spin_adjustment, value);
  gtk_adjustment_set_value (row->scale_adjustment, value);
  self->updating = FALSE;
  gtk_widget_set_sensitive (row->reset, value != default_of (self, row->index));
}

static void
on_spin_value_changed (GtkAdjustment *adjustment,
                       ParamRow      *row)
{
  AxonParamPanel *self = row->panel;
  const AxonActivation *activation;
  AxonParams candidate;
  g_autoptr (GError) error = NULL;

  if (self->updating || self->curve == NULL)
    return;

  activation = axon_curve_get_activation (self->curve);
  candidate = *axon_curve_get_params (self->curve);
  candidate.v[row->index] = gtk_adjustment_get_value (adjustment);
  if (!axon_params_validate (activation, &candidate, &error))
    {
      /* Keep the curve as it was and say why; the controls go back to its value. */
      show_error (row, error->message);
      sync_row (self, row);
      return;
    }
  for (guint i = 0; i < self->n_rows; i++)
    show_error (&self->rows[i], NULL);
  axon_curve_set_params (self->curve, &candidate);
}

static void
on_scale_value_changed (GtkAdjustment *adjustment,
                        ParamRow      *row)
{
  if (row->panel->updating)
    return;
  /* The spin button is the one source of value changes. */
  gtk_adjustment_set_value (row->spin_adjustment, gtk_adjustment_get_value (adjustment));
}

static void
on_reset_clicked (GtkButton *button,
                  ParamRow  *row)
{
  gtk_adjustment_set_value (row->spin_adjustment, default_of (row->panel, row->index));
}

static void
on_params_changed (AxonCurve      *curve,
                   GParamSpec     *pspec,
                   AxonParamPanel *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    sync_row (self, &self->rows[i]);
}

static void
clear_rows (AxonParamPanel *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    {
      ParamRow *row = &self->rows[i];

      g_signal_handlers_disconnect_by_data (row->spin_adjustment, row);
      g_signal_handlers_disconnect_by_data (row->scale_adjustment, row);
      adw_preferences_group_remove (self->group, row->row);
      *row = (ParamRow) { 0 };
    }
  self->n_rows = 0;
}

static void
build_row (AxonParamPanel      *self,
           ParamRow            *row,
           guint                index,
           const AxonParamSpec *spec)
{
  double def = spec->default_value;
  double lo = isfinite (spec->min) ? spec->min : -UNBOUNDED_LIMIT;
  double hi = isfinite (spec->max) ? spec->max : UNBOUNDED_LIMIT;
  double reach = SLIDER_REACH * fmax (1.0, fabs (def));
  double slider_lo = fmax (lo, def - reach);
  double slider_hi = fmin (hi, def + reach);
  int digits = digits_for (slider_hi - slider_lo);
  double step = pow (10, -digits);
  g_autofree char *reset_tip = NULL;
  g_autofree char *label = NULL;
  GtkWidget *name, *column, *line;

  row->panel = self;
  row->index = index;

  row->scale_adjustment = gtk_adjustment_new (def, slider_lo, slider_hi, step, step * 10, 0);
  row->spin_adjustment = gtk_adjustment_new (def, lo, hi, step, step * 10, 0);

  row->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, row->scale_adjustment);
  gtk_scale_set_draw_value (GTK_SCALE (row->scale), FALSE);
  gtk_range_set_round_digits (GTK_RANGE (row->scale), digits);
  gtk_scale_add_mark (GTK_SCALE (row->scale), def, GTK_POS_BOTTOM, NULL);
  gtk_widget_set_hexpand (row->scale, TRUE);

  row->spin = gtk_spin_button_new (row->spin_adjustment, step, digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (row->spin), TRUE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (row->spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->spin), 5);
  gtk_widget_set_valign (row->spin, GTK_ALIGN_CENTER);

  row->reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_add_css_class (row->reset, "flat");
  gtk_widget_set_valign (row->reset, GTK_ALIGN_CENTER);
  reset_tip = g_strdup_printf (_("Reset to the default (%g)"), def);
  gtk_widget_set_tooltip_text (row->reset, reset_tip);

  /* The name sits above its slider, so the slider gets the row's whole free width (one line
   * of name + slider + spin button does not fit a side pane in presentation mode). The row's
   * own title stays empty for that reason; its accessible name is the parameter's. */
  name = gtk_label_new (spec->name);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "param-name");
  column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (column, TRUE);
  gtk_widget_set_valign (column, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (column), name);
  gtk_box_append (GTK_BOX (column), row->scale);
  row->message = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->message), 0);
  gtk_label_set_wrap (GTK_LABEL (row->message), TRUE);
  gtk_widget_add_css_class (row->message, "error");
  gtk_widget_add_css_class (row->message, "caption");
  gtk_widget_set_margin_bottom (row->message, 6);
  gtk_widget_set_visible (row->message, FALSE);
  gtk_box_append (GTK_BOX (column), row->message);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (line, 12);
  gtk_widget_set_margin_end (line, 6);
  gtk_widget_set_margin_top (line, 6);
  gtk_widget_set_margin_bottom (line, 6);
  gtk_box_append (GTK_BOX (line), column);
  gtk_box_append (GTK_BOX (line), row->spin);
  gtk_box_append (GTK_BOX (line), row->reset);

  /* A plain preferences row: an action row's prefix area would not give the slider the
   * free width. The title is for search and screen readers. */
  row->row = adw_preferences_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), spec->name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), line);
  gtk_widget_set_tooltip_text (row->row, spec->meaning != NULL ? _(spec->meaning) : NULL);
  gtk_widget_add_css_class (row->row, "param-row");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spec->name, -1);

  /* Screen readers name the controls after the parameter. */
  label = g_strdup_printf (_("Value of %s"), spec->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);

  g_signal_connect (row->spin_adjustment, "value-changed",
                    G_CALLBACK (on_spin_value_changed), row);
  g_signal_connect (row->scale_adjustment, "value-changed",
                    G_CALLBACK (on_scale_value_changed), row);
  g_signal_connect (row->reset, "clicked", G_CALLBACK (on_reset_clicked), row);

  adw_preferences_group_add (self->group, row->row);
}

static void
rebuild (AxonParamPanel *self)
{
  const AxonActivation *activation;

  clear_rows (self);
  if (self->curve == NULL)
    {
      adw_preferences_group_set_title (self->group, _("Parameters"));
      adw_preferences_group_set_description (self->group,
                                             _("Choose an activation to see its parameters."));
      gtk_widget_set_visible (self->empty_row, FALSE);
      return;
    }

  activation = axon_curve_get_activation (self->curve);
  {
    /* Translators: the group title above the sliders, e.g. "Parameters of elu". */
    g_autofree char *title = g_strdup_printf (_("Parameters of %s"), activation->name);

    adw_preferences_group_set_title (self->group, title);
  }
  adw_preferences_group_set_description (self->group, NULL);
  gtk_widget_set_visible (self->empty_row, activation->n_params == 0);
  for (guint i = 0; i < activation->n_params && i < AXON_MAX_PARAMS; i++)
    build_row (self, &self->rows[i], i, &activation->params[i]);
  self->n_rows = MIN (activation->n_params, AXON_MAX_PARAMS);
  on_params_changed (self->curve, NULL, self);
}

AxonCurve *
axon_param_panel_get_curve (AxonParamPanel *self)
{
  g_return_val_if_fail (AXON_IS_PARAM_PANEL (self), NULL);
  return self->curve;
}

void
axon_param_panel_set_curve (AxonParamPanel *self,
                            AxonCurve      *curve)
{
  g_return_if_fail (AXON_IS_PARAM_PANEL (self));
  g_return_if_fail (curve == NULL || AXON_IS_CURVE (curve));

  if (curve == self->curve)
    return;
  if (self->curve != NULL)
    g_signal_handlers_disconnect_by_data (self->curve, self);
  g_set_object (&self->curve, curve);
  if (curve != NULL)
    g_signal_connect_object (curve, "notify::params", G_CALLBACK (on_params_changed), self, 0);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURVE]);
}

void
axon_param_panel_set_defaults (AxonParamPanel   *self,
                               const AxonParams *defaults)
{
  g_return_if_fail (AXON_IS_PARAM_PANEL (self));

  self->has_defaults = defaults != NULL;
  if (defaults != NULL)
    self->defaults = *defaults;
  if (self->curve != NULL)
    on_params_changed (self->curve, NULL, self);
}

GtkAdjustment *
axon_param_panel_get_adjustment (AxonParamPanel *self,
                                 guint           index)
{
  g_return_val_if_fail (AXON_IS_PARAM_PANEL (self), NULL);

  if (index >= self->n_rows)
    return NULL;
  return self->rows[index].spin_adjustment;
}

static void
axon_param_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AxonParamPanel *self = AXON_PARAM_PANEL (object);

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
axon_param_panel_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AxonParamPanel *self = AXON_PARAM_PANEL (object);

  switch (prop_id)
    {
    case PROP_CURVE:
      axon_param_panel_set_curve (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_param_panel_dispose (GObject *object)
{
  AxonParamPanel *self = AXON_PARAM_PANEL (object);

  if (self->curve != NULL)
    g_signal_handlers_disconnect_by_data (self->curve, self);
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_signal_handlers_disconnect_by_data (self->rows[i].spin_adjustment, &self->rows[i]);
      g_signal_handlers_disconnect_by_data (self->rows[i].scale_adjustment, &self->rows[i]);
    }
  self->n_rows = 0;
  g_clear_object (&self->curve);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_PARAM_PANEL);
  /* The template's unnamed root is not cleared by dispose_template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (axon_param_panel_parent_class)->dispose (object);
}

static void
axon_param_panel_class_init (AxonParamPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = axon_param_panel_get_property;
  object_class->set_property = axon_param_panel_set_property;
  object_class->dispose = axon_param_panel_dispose;

  properties[PROP_CURVE] =
    g_param_spec_object ("curve", "Curve", "The curve whose parameters are shown",
                         AXON_TYPE_CURVE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/axonviz/Axon/ui/axon-param-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonParamPanel, group);
  gtk_widget_class_bind_template_child (widget_class, AxonParamPanel, empty_row);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
axon_param_panel_init (AxonParamPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild (self);
}

GtkWidget *
axon_param_panel_new (void)
{
  return g_object_new (AXON_TYPE_PARAM_PANEL, NULL);
}
