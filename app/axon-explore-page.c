/* axon-explore-page.c: the explorer: selection -> plot series, controls, details, state. */
#include "axon-explore-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "axon-param-panel.h"
#include "axon-presets.h"
#include "axon-properties-panel.h"
#include "axon-registry.h"

struct _AxonExplorePage
{
  GtkWidget parent_instance;

  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  AxonActivationPicker *picker;
  AxonPlotView *plot_view;
  GtkWidget *empty_label;
  GtkEntry *x_min_entry;
  GtkEntry *x_max_entry;
  GtkSwitch *y_auto_switch;
  GtkSwitch *saturation_switch;
  GtkSwitch *dead_zone_switch;
  GtkToggleButton *derivative_button;
  GtkDropDown *layout_dropdown;
  AdwComboRow *preset_row;
  AxonParamPanel *param_panel;
  AxonPropertiesPanel *properties_panel;

  int pending_details_width; /* applied once the inner pane knows its size */
  gboolean updating_entries;
  gboolean updating_layout;
  gboolean updating_preset;
};

G_DEFINE_FINAL_TYPE (AxonExplorePage, axon_explore_page, GTK_TYPE_WIDGET)

/* The layouts offered in the drop-down, in its order. */
static const AxonPlotLayout layouts[] = {
  AXON_PLOT_LAYOUT_STACKED,
  AXON_PLOT_LAYOUT_SIDE_BY_SIDE,
  AXON_PLOT_LAYOUT_OVERLAID,
};

/* Framework presets */

/* The "preset" setting's values, in AxonFramework order. */
static const char *const framework_ids[AXON_N_FRAMEWORKS] = {
  [AXON_FRAMEWORK_PYTORCH] = "pytorch",
  [AXON_FRAMEWORK_KERAS2] = "keras2",
  [AXON_FRAMEWORK_KERAS3] = "keras3",
  [AXON_FRAMEWORK_TRIDENT] = "trident",
};

static AxonFramework
selected_framework (AxonExplorePage *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);

  return selected < AXON_N_FRAMEWORKS ? (AxonFramework) selected : AXON_FRAMEWORK_PYTORCH;
}

/* Selection -> plot */

static int
curve_index (AxonExplorePage *self,
             AxonCurve       *curve)
{
  GListModel *selection = axon_activation_picker_get_selection (self->picker);
  guint n = g_list_model_get_n_items (selection);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AxonCurve) item = g_list_model_get_item (selection, i);

      if (item == curve)
        return (int) i;
    }
  return -1;
}

static void
update_focus_index (AxonExplorePage *self)
{
  AxonCurve *focused = axon_activation_picker_get_focused (self->picker);

  axon_plot_view_set_focus (self->plot_view, focused != NULL ? curve_index (self, focused) : -1);
}

static void
on_curve_params_changed (AxonCurve       *curve,
                         GParamSpec      *pspec,
                         AxonExplorePage *self)
{
  int index = curve_index (self, curve);

  if (index >= 0)
    axon_plot_view_set_series_params (self->plot_view, index, axon_curve_get_params (curve));
}

static void
on_curve_visible_changed (AxonCurve       *curve,
                          GParamSpec      *pspec,
                          AxonExplorePage *self)
{
  int index = curve_index (self, curve);

  if (index >= 0)
    axon_plot_view_set_series_visible (self->plot_view, index, axon_curve_get_visible (curve));
}

static void
rebuild_series (AxonExplorePage *self)
{
  GListModel *selection = axon_activation_picker_get_selection (self->picker);
  guint n = g_list_model_get_n_items (selection);
  g_autofree AxonPlotSeries *series = g_new0 (AxonPlotSeries, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AxonCurve) curve = g_list_model_get_item (selection, i);

      axon_plot_series_init (&series[i], axon_curve_get_activation (curve),
                             axon_curve_get_colour (curve));
      series[i].params = *axon_curve_get_params (curve);
      series[i].visible = axon_curve_get_visible (curve);
    }
  axon_plot_view_set_series (self->plot_view, series, n);
  update_focus_index (self);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
on_selection_changed (GListModel      *selection,
                      guint            position,
                      guint            removed,
                      guint            added,
                      AxonExplorePage *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr (AxonCurve) curve = g_list_model_get_item (selection, i);
      AxonParams params;

      /* A new curve starts at the chosen framework's defaults, like the others. */
      axon_framework_get_params (selected_framework (self), axon_curve_get_activation (curve),
                                 &params);
      axon_curve_set_params (curve, &params);
      g_signal_connect_object (curve, "notify::params",
                               G_CALLBACK (on_curve_params_changed), self, 0);
      g_signal_connect_object (curve, "notify::visible",
                               G_CALLBACK (on_curve_visible_changed), self, 0);
    }
  rebuild_series (self);
}

static void
on_focused_changed (AxonExplorePage *self)
{
  AxonCurve *focused = axon_activation_picker_get_focused (self->picker);

  axon_param_panel_set_curve (self->param_panel, focused);
  axon_properties_panel_set_curve (self->properties_panel, focused);
  update_focus_index (self);
}

static void
on_selection_full (AxonExplorePage *self)
{
  g_autofree char *message =
    g_strdup_printf (ngettext ("At most %d activation can be plotted at once",
                               "At most %d activations can be plotted at once",
                               AXON_PICKER_MAX_SELECTED),
                     AXON_PICKER_MAX_SELECTED);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", message);
}

/* x range entries */

/* A number as typed by a person: spaces around, U+2212 for minus, a decimal comma. */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = NULL;
  GString *s = g_string_new (NULL);
  char *end = NULL;
  double v;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2212)
        g_string_append_c (s, '-');
      else if (c == ',')
        g_string_append_c (s, '.');
      else
        g_string_append_unichar (s, c);
    }
  copy = g_strstrip (g_string_free (s, FALSE));
  if (copy[0] == '\0')
    return FALSE;
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

static void
set_entry_value (AxonExplorePage *self,
                 GtkEntry        *entry,
                 double           value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.6g", value);
  self->updating_entries = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (entry), buffer);
  self->updating_entries = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
sync_entries (AxonExplorePage *self)
{
  set_entry_value (self, self->x_min_entry, axon_plot_view_get_x_min (self->plot_view));
  set_entry_value (self, self->x_max_entry, axon_plot_view_get_x_max (self->plot_view));
}

static void
show_entry_error (GtkEntry   *entry,
                  const char *message)
{
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
  gtk_widget_error_bell (GTK_WIDGET (entry));
}

/* Applies the entry's text to its end of the range. On a bad value the entry turns red, says
 * why, and the plot keeps the range it had. */
static gboolean
apply_range_entry (AxonExplorePage *self,
                   GtkEntry        *entry)
{
  gboolean is_min = entry == self->x_min_entry;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  double other = is_min ? axon_plot_view_get_x_max (self->plot_view)
                        : axon_plot_view_get_x_min (self->plot_view);
  double value;

  if (!parse_number (text, &value))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a finite number"), text);

      show_entry_error (entry, message);
      return FALSE;
    }
  if (is_min ? value >= other : value <= other)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *message = NULL;

      g_ascii_formatd (buffer, sizeof buffer, "%.6g", other);
      message = is_min ? g_strdup_printf (_("The left end must be less than the right end, %s"),
                                          buffer)
                       : g_strdup_printf (_("The right end must be greater than the left end, %s"),
                                          buffer);
      show_entry_error (entry, message);
      return FALSE;
    }
  if (is_min)
    axon_plot_view_set_x_min (self->plot_view, value);
  else
    axon_plot_view_set_x_max (self->plot_view, value);
  /* The view may have clamped the value; show what it uses. */
  sync_entries (self);
  return TRUE;
}

static void
on_range_entry_activate (AxonExplorePage *self,
                         GtkEntry        *entry)
{
  apply_range_entry (self, entry);
}

static void
on_range_entry_changed (GtkEditable     *editable,
                        AxonExplorePage *self)
{
  if (self->updating_entries)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable),
                               GTK_ENTRY (editable) == self->x_min_entry
                                 ? _("Left end of the x range; press Enter to apply")
                                 : _("Right end of the x range; press Enter to apply"));
}

static void
on_range_entry_leave (GtkEventControllerFocus *controller,
                      AxonExplorePage         *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkEntry *entry = GTK_ENTRY (widget);

  if (self->plot_view == NULL) /* the focus leaves while the page is disposed */
    return;
  /* Leaving applies a good value and forgets a bad one. */
  if (!apply_range_entry (self, entry))
    sync_entries (self);
}

/* Layout drop-down <-> plot view */

static void
on_layout_selected (AxonExplorePage *self)
{
  guint selected = gtk_drop_down_get_selected (self->layout_dropdown);

  if (self->updating_layout || selected >= G_N_ELEMENTS (layouts))
    return;
  axon_plot_view_set_layout (self->plot_view, layouts[selected]);
}

static void
on_view_layout_changed (AxonExplorePage *self)
{
  AxonPlotLayout layout = axon_plot_view_get_layout (self->plot_view);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (layouts[i] == layout)
      {
        self->updating_layout = TRUE;
        gtk_drop_down_set_selected (self->layout_dropdown, i);
        self->updating_layout = FALSE;
      }
}

static void
update_panel_defaults (AxonExplorePage *self)
{
  AxonCurve *focused = axon_activation_picker_get_focused (self->picker);
  AxonParams defaults;

  if (focused == NULL)
    {
      axon_param_panel_set_defaults (self->param_panel, NULL);
      return;
    }
  axon_framework_get_params (selected_framework (self), axon_curve_get_activation (focused),
                             &defaults);
  axon_param_panel_set_defaults (self->param_panel, &defaults);
}

static void
on_preset_selected (AxonExplorePage *self)
{
  AxonFramework framework = selected_framework (self);
  GListModel *selection = axon_activation_picker_get_selection (self->picker);
  guint n = g_list_model_get_n_items (selection);

  if (self->updating_preset)
    return;
  /* Every chosen curve switches at once, so two libraries can be compared side by side. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AxonCurve) curve = g_list_model_get_item (selection, i);
      AxonParams params;

      axon_framework_get_params (framework, axon_curve_get_activation (curve), &params);
      axon_curve_set_params (curve, &params);
    }
  update_panel_defaults (self);
}

/* Pane widths */

static void
on_inner_max_position (AxonExplorePage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->inner_paned));

  /* The details pane keeps its width when the window grows (resize-end-child is off), so
   * its saved width is applied once, at the first allocation: max-position changes then. */
  if (self->pending_details_width > 0 && width > self->pending_details_width)
    {
      gtk_paned_set_position (self->inner_paned, width - self->pending_details_width);
      self->pending_details_width = 0;
    }
}

/* State */

void
axon_explore_page_restore_state (AxonExplorePage *self,
                                 GSettings       *settings)
{
  g_autoptr (GVariant) selection = NULL;
  g_autofree char *focused_name = NULL;
  g_autofree char *preset_id = NULL;
  GVariantIter iter;
  const char *name;
  GVariant *values;
  gboolean visible;
  double x_min, x_max;

  g_return_if_fail (AXON_IS_EXPLORE_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  /* The preset first: restoring the curves' own values afterwards must win. */
  preset_id = g_settings_get_string (settings, "preset");
  for (guint i = 0; i < AXON_N_FRAMEWORKS; i++)
    if (g_str_equal (framework_ids[i], preset_id))
      {
        self->updating_preset = TRUE;
        adw_combo_row_set_selected (self->preset_row, i);
        self->updating_preset = FALSE;
      }

  axon_activation_picker_clear (self->picker);
  selection = g_settings_get_value (settings, "selection");
  g_variant_iter_init (&iter, selection);
  while (g_variant_iter_loop (&iter, "(&s@adb)", &name, &values, &visible))
    {
      const AxonActivation *activation = axon_activation_lookup (name, NULL, NULL);
      AxonCurve *curve;
      gsize n_values = 0;
      const double *v = g_variant_get_fixed_array (values, &n_values, sizeof (double));

      if (activation == NULL)
        {
          g_warning ("Settings name an unknown activation “%s”; skipped", name);
          continue;
        }
      curve = axon_activation_picker_set_selected (self->picker, activation, TRUE);
      if (curve == NULL)
        continue;
      if (n_values == activation->n_params)
        {
          AxonParams params;

          axon_params_init_default (activation, &params);
          for (gsize i = 0; i < n_values; i++)
            params.v[i] = v[i];
          /* Out-of-range values (a hand-edited key, a narrowed bound) leave the defaults. */
          if (axon_params_validate (activation, &params, NULL))
            axon_curve_set_params (curve, &params);
        }
      axon_curve_set_visible (curve, visible);
    }
  focused_name = g_settings_get_string (settings, "focused");
  {
    const AxonActivation *activation = axon_activation_lookup (focused_name, NULL, NULL);
    AxonCurve *curve = activation != NULL ? axon_activation_picker_find_curve (self->picker,
                                                                              activation)
                                          : NULL;

    if (curve != NULL)
      axon_activation_picker_set_focused (self->picker, curve);
  }
  update_panel_defaults (self);

  x_min = g_settings_get_double (settings, "x-min");
  x_max = g_settings_get_double (settings, "x-max");
  if (isfinite (x_min) && isfinite (x_max) && x_min < x_max)
    axon_plot_view_set_x_range (self->plot_view, x_min, x_max);
  if (g_settings_get_boolean (settings, "y-auto"))
    axon_plot_view_set_y_auto (self->plot_view, TRUE);
  else
    {
      /* Auto-fit off first: switching it off freezes the ranges shown, then ours apply. */
      axon_plot_view_set_y_auto (self->plot_view, FALSE);
      axon_plot_view_set_y_range (self->plot_view, AXON_PLOT_PANE_FUNCTION,
                                  g_settings_get_double (settings, "y-min"),
                                  g_settings_get_double (settings, "y-max"));
      axon_plot_view_set_y_range (self->plot_view, AXON_PLOT_PANE_DERIVATIVE,
                                  g_settings_get_double (settings, "dy-min"),
                                  g_settings_get_double (settings, "dy-max"));
    }
  axon_plot_view_set_layout (self->plot_view, g_settings_get_enum (settings, "layout"));
  axon_plot_view_set_show_derivative (self->plot_view,
                                      g_settings_get_boolean (settings, "show-derivative"));
  axon_plot_view_set_shade_saturation (self->plot_view,
                                       g_settings_get_boolean (settings, "shade-saturation"));
  axon_plot_view_set_shade_dead_zone (self->plot_view,
                                      g_settings_get_boolean (settings, "shade-dead-zone"));

  gtk_paned_set_position (self->outer_paned, g_settings_get_int (settings, "sidebar-width"));
  self->pending_details_width = g_settings_get_int (settings, "details-width");
  on_inner_max_position (self);
}

void
axon_explore_page_save_state (AxonExplorePage *self,
                              GSettings       *settings)
{
  GListModel *selection;
  GVariantBuilder builder;
  AxonCurve *focused;
  double min, max;
  guint n;

  g_return_if_fail (AXON_IS_EXPLORE_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  selection = axon_activation_picker_get_selection (self->picker);
  n = g_list_model_get_n_items (selection);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sadb)"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AxonCurve) curve = g_list_model_get_item (selection, i);
      const AxonActivation *activation = axon_curve_get_activation (curve);
      const AxonParams *params = axon_curve_get_params (curve);
      GVariant *values = g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, params->v,
                                                    activation->n_params, sizeof (double));

      g_variant_builder_add (&builder, "(s@adb)", activation->name, values,
                             axon_curve_get_visible (curve));
    }
  g_settings_set_value (settings, "selection", g_variant_builder_end (&builder));
  focused = axon_activation_picker_get_focused (self->picker);
  g_settings_set_string (settings, "focused",
                         focused != NULL ? axon_curve_get_activation (focused)->name : "");
  g_settings_set_string (settings, "preset", framework_ids[selected_framework (self)]);

  g_settings_set_double (settings, "x-min", axon_plot_view_get_x_min (self->plot_view));
  g_settings_set_double (settings, "x-max", axon_plot_view_get_x_max (self->plot_view));
  g_settings_set_boolean (settings, "y-auto", axon_plot_view_get_y_auto (self->plot_view));
  axon_plot_view_get_y_range (self->plot_view, AXON_PLOT_PANE_FUNCTION, &min, &max);
  g_settings_set_double (settings, "y-min", min);
  g_settings_set_double (settings, "y-max", max);
  axon_plot_view_get_y_range (self->plot_view, AXON_PLOT_PANE_DERIVATIVE, &min, &max);
  g_settings_set_double (settings, "dy-min", min);
  g_settings_set_double (settings, "dy-max", max);
  g_settings_set_enum (settings, "layout", axon_plot_view_get_layout (self->plot_view));
  g_settings_set_boolean (settings, "show-derivative",
                          axon_plot_view_get_show_derivative (self->plot_view));
  g_settings_set_boolean (settings, "shade-saturation",
                          axon_plot_view_get_shade_saturation (self->plot_view));
  g_settings_set_boolean (settings, "shade-dead-zone",
                          axon_plot_view_get_shade_dead_zone (self->plot_view));

  g_settings_set_int (settings, "sidebar-width",
                      MAX (0, gtk_paned_get_position (self->outer_paned)));
  if (self->pending_details_width > 0)
    g_settings_set_int (settings, "details-width", self->pending_details_width);
  else if (gtk_widget_get_width (GTK_WIDGET (self->inner_paned)) > 0)
    g_settings_set_int (settings, "details-width",
                        MAX (0, gtk_widget_get_width (GTK_WIDGET (self->inner_paned))
                                - gtk_paned_get_position (self->inner_paned)));
}

/* Public */

AxonPlotView *
axon_explore_page_get_plot_view (AxonExplorePage *self)
{
  g_return_val_if_fail (AXON_IS_EXPLORE_PAGE (self), NULL);
  return self->plot_view;
}

AxonActivationPicker *
axon_explore_page_get_picker (AxonExplorePage *self)
{
  g_return_val_if_fail (AXON_IS_EXPLORE_PAGE (self), NULL);
  return self->picker;
}

void
axon_explore_page_focus_search (AxonExplorePage *self)
{
  g_return_if_fail (AXON_IS_EXPLORE_PAGE (self));
  axon_activation_picker_focus_search (self->picker);
}

AxonPlotSeries *
axon_explore_page_dup_series (AxonExplorePage *self,
                              size_t          *n_series)
{
  size_t n;
  AxonPlotSeries *series;

  g_return_val_if_fail (AXON_IS_EXPLORE_PAGE (self), NULL);
  g_return_val_if_fail (n_series != NULL, NULL);

  n = axon_plot_view_get_n_series (self->plot_view);
  series = g_new0 (AxonPlotSeries, MAX (n, 1));
  for (size_t i = 0; i < n; i++)
    series[i] = *axon_plot_view_get_series (self->plot_view, i);
  *n_series = n;
  return series;
}

/* GObject */

static void
axon_explore_page_dispose (GObject *object)
{
  AxonExplorePage *self = AXON_EXPLORE_PAGE (object);

  if (self->picker != NULL)
    g_signal_handlers_disconnect_by_data (axon_activation_picker_get_selection (self->picker),
                                          self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_EXPLORE_PAGE);
  /* The template's unnamed root is not cleared by dispose_template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (axon_explore_page_parent_class)->dispose (object);
}

static void
axon_explore_page_class_init (AxonExplorePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axon_explore_page_dispose;

  g_type_ensure (AXON_TYPE_ACTIVATION_PICKER);
  g_type_ensure (AXON_TYPE_PLOT_VIEW);
  g_type_ensure (AXON_TYPE_PARAM_PANEL);
  g_type_ensure (AXON_TYPE_PROPERTIES_PANEL);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/axonviz/Axon/ui/axon-explore-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, picker);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, plot_view);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, x_min_entry);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, x_max_entry);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, y_auto_switch);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, saturation_switch);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, dead_zone_switch);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, derivative_button);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, layout_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, preset_row);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, param_panel);
  gtk_widget_class_bind_template_child (widget_class, AxonExplorePage, properties_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_range_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_range_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_layout_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_inner_max_position);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_full);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
axon_explore_page_init (AxonExplorePage *self)
{
  g_autoptr (GtkStringList) presets = gtk_string_list_new (NULL);
  GtkEntry *entries[] = { NULL, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < AXON_N_FRAMEWORKS; i++)
    gtk_string_list_append (presets, axon_framework_get_name (i));
  self->updating_preset = TRUE;
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (presets));
  self->updating_preset = FALSE;

  g_signal_connect_object (axon_activation_picker_get_selection (self->picker), "items-changed",
                           G_CALLBACK (on_selection_changed), self, 0);
  g_signal_connect_object (self->picker, "notify::focused",
                           G_CALLBACK (on_focused_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->picker, "notify::focused",
                           G_CALLBACK (update_panel_defaults), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->plot_view, "y-auto", self->y_auto_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->plot_view, "shade-saturation", self->saturation_switch,
                          "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->plot_view, "shade-dead-zone", self->dead_zone_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->plot_view, "show-derivative", self->derivative_button,
                          "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The layout only matters with two curves per activation. */
  g_object_bind_property (self->plot_view, "show-derivative", self->layout_dropdown,
                          "sensitive", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->plot_view, "notify::layout",
                           G_CALLBACK (on_view_layout_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plot_view, "notify::x-min",
                           G_CALLBACK (sync_entries), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plot_view, "notify::x-max",
                           G_CALLBACK (sync_entries), self, G_CONNECT_SWAPPED);
  on_view_layout_changed (self);
  sync_entries (self);

  entries[0] = self->x_min_entry;
  entries[1] = self->x_max_entry;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_range_entry_leave), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), focus);
    }
  rebuild_series (self);
}

GtkWidget *
axon_explore_page_new (void)
{
  return g_object_new (AXON_TYPE_EXPLORE_PAGE, NULL);
}
