/* axon-activation-picker.c: catalogue rows, search over names and aliases, the selection. */
#include "axon-activation-picker.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "axon-registry.h"
#include "axon-style.h"

typedef struct
{
  const AxonActivation *activation;
  char *key;          /* normalised name, for search */
  char **alias_keys;  /* normalised aliases, NULL-terminated */
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *swatch;
  GtkWidget *eye;
  GtkWidget *alias_label;
  AxonCurve *curve; /* owned by the selection store while selected */
} PickerRow;

struct _AxonActivationPicker
{
  GtkWidget parent_instance;

  GtkSearchEntry *search_entry;
  GtkListBox *list;

  PickerRow rows[AXON_N_ACTIVATIONS];
  GListStore *selection;
  AxonCurve *focused;
  char *search_key; /* normalised search text, "" for none */
  gboolean updating; /* programmatic changes to checks and toggles */
};

G_DEFINE_FINAL_TYPE (AxonActivationPicker, axon_activation_picker, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_FOCUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SELECTION_FULL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "Leaky-ReLU" and "leaky relu" and "leaky_relu" all become "leakyrelu". */
static char *
search_key (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '_' || g_unichar_isspace (c))
        continue;
      g_string_append_unichar (key, g_unichar_tolower (c));
    }
  return g_string_free (key, FALSE);
}

/* NULL when the row does not match; "" when the name matches; else the matching alias. */
static const char *
row_match (AxonActivationPicker *self,
           PickerRow            *row)
{
  if (self->search_key[0] == '\0' || strstr (row->key, self->search_key) != NULL)
    return "";
  for (guint i = 0; row->alias_keys != NULL && row->alias_keys[i] != NULL; i++)
    if (strstr (row->alias_keys[i], self->search_key) != NULL)
      return row->activation->aliases[i];
  return NULL;
}

static PickerRow *
row_of (AxonActivationPicker *self,
        GtkListBoxRow        *list_row)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (list_row), "axon-activation-id"));

  g_assert (id < AXON_N_ACTIVATIONS);
  return &self->rows[id];
}

static gboolean
filter_row (GtkListBoxRow *list_row,
            gpointer       user_data)
{
  AxonActivationPicker *self = user_data;
  PickerRow *row = row_of (self, list_row);
  const char *alias = row_match (self, row);

  if (alias == NULL)
    return FALSE;
  /* Say why a row matched when its own name does not show it ("silu" -> swish). */
  if (alias[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf (_("also called %s"), alias);

      gtk_label_set_text (GTK_LABEL (row->alias_label), text);
    }
  gtk_widget_set_visible (row->alias_label, alias[0] != '\0');
  return TRUE;
}

static int
sort_rows (GtkListBoxRow *a,
           GtkListBoxRow *b,
           gpointer       user_data)
{
  AxonActivationPicker *self = user_data;
  const AxonActivation *x = row_of (self, a)->activation;
  const AxonActivation *y = row_of (self, b)->activation;

  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static void
update_header (GtkListBoxRow *list_row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  AxonActivationPicker *self = user_data;
  AxonCategory category = row_of (self, list_row)->activation->category;
  GtkWidget *header;

  if (before != NULL && row_of (self, before)->activation->category == category)
    {
      gtk_list_box_row_set_header (list_row, NULL);
      return;
    }
  header = gtk_label_new (axon_category_get_name (category));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "picker-header");
  gtk_widget_add_css_class (header, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  axon_category_get_name (category), -1);
  gtk_list_box_row_set_header (list_row, header);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  PickerRow *row = user_data;
  AxonStyle style;
  const AxonRgba *c;
  double r = MIN (width, height) / 2.0;

  if (row->curve == NULL)
    return;
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    axon_style_init_dark (&style);
  else
    axon_style_init_light (&style);
  c = &style.series[axon_curve_get_colour (row->curve) % AXON_STYLE_N_SERIES];
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
  if (axon_curve_get_visible (row->curve))
    {
      cairo_arc (cr, width / 2.0, height / 2.0, r - 1, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      /* A ring: the curve is chosen but hidden. */
      cairo_set_line_width (cr, 2);
      cairo_arc (cr, width / 2.0, height / 2.0, r - 2, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
update_row_state (AxonActivationPicker *self,
                  PickerRow            *row)
{
  gboolean selected = row->curve != NULL;
  gboolean visible = selected && axon_curve_get_visible (row->curve);

  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), selected);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row->eye), visible);
  self->updating = FALSE;
  gtk_widget_set_visible (row->swatch, selected);
  gtk_widget_set_visible (row->eye, selected);
  gtk_button_set_icon_name (GTK_BUTTON (row->eye),
                            visible ? "view-reveal-symbolic" : "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (row->eye, visible ? _("Hide the curve") : _("Show the curve"));
  gtk_widget_queue_draw (row->swatch);
}

static void
on_curve_visible_changed (AxonCurve            *curve,
                          GParamSpec           *pspec,
                          AxonActivationPicker *self)
{
  update_row_state (self, &self->rows[axon_curve_get_activation (curve)->id]);
}

static guint
free_colour (AxonActivationPicker *self)
{
  guint used = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AxonCurve) curve = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      used |= 1u << (axon_curve_get_colour (curve) % AXON_STYLE_N_SERIES);
    }
  for (guint c = 0; c < AXON_STYLE_N_SERIES; c++)
    if (!(used & (1u << c)))
      return c;
  return n % AXON_STYLE_N_SERIES;
}

AxonCurve *
axon_activation_picker_set_selected (AxonActivationPicker *self,
                                     const AxonActivation *activation,
                                     gboolean              selected)
{
  PickerRow *row;

  g_return_val_if_fail (AXON_IS_ACTIVATION_PICKER (self), NULL);
  g_return_val_if_fail (activation != NULL && activation->id < AXON_N_ACTIVATIONS, NULL);

  row = &self->rows[activation->id];
  if (selected && row->curve == NULL)
    {
      if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) >= AXON_PICKER_MAX_SELECTED)
        {
          update_row_state (self, row);
          g_signal_emit (self, signals[SELECTION_FULL], 0);
          return NULL;
        }
      row->curve = axon_curve_new (activation, free_colour (self));
      g_signal_connect_object (row->curve, "notify::visible",
                               G_CALLBACK (on_curve_visible_changed), self, 0);
      update_row_state (self, row);
      g_list_store_append (self->selection, row->curve);
      g_object_unref (row->curve); /* the store holds it */
      if (self->focused == NULL)
        axon_activation_picker_set_focused (self, row->curve);
    }
  else if (!selected && row->curve != NULL)
    {
      g_autoptr (AxonCurve) curve = g_object_ref (row->curve);
      guint position = 0;

      row->curve = NULL;
      g_signal_handlers_disconnect_by_data (curve, self);
      update_row_state (self, row);
      if (self->focused == curve)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
          g_autoptr (AxonCurve) next = NULL;

          /* Focus moves to the most recently chosen curve still shown. */
          for (guint i = n; i-- > 0 && next == NULL;)
            {
              g_autoptr (AxonCurve) item =
                g_list_model_get_item (G_LIST_MODEL (self->selection), i);

              if (item != curve)
                next = g_steal_pointer (&item);
            }
          axon_activation_picker_set_focused (self, next);
        }
      if (g_list_store_find (self->selection, curve, &position))
        g_list_store_remove (self->selection, position);
    }
  return row->curve;
}

AxonCurve *
axon_activation_picker_find_curve (AxonActivationPicker *self,
                                   const AxonActivation *activation)
{
  g_return_val_if_fail (AXON_IS_ACTIVATION_PICKER (self), NULL);
  g_return_val_if_fail (activation != NULL && activation->id < AXON_N_ACTIVATIONS, NULL);

  return self->rows[activation->id].curve;
}

void
axon_activation_picker_clear (AxonActivationPicker *self)
{
  g_return_if_fail (AXON_IS_ACTIVATION_PICKER (self));

  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    if (self->rows[i].curve != NULL)
      axon_activation_picker_set_selected (self, self->rows[i].activation, FALSE);
}

GListModel *
axon_activation_picker_get_selection (AxonActivationPicker *self)
{
  g_return_val_if_fail (AXON_IS_ACTIVATION_PICKER (self), NULL);
  return G_LIST_MODEL (self->selection);
}

AxonCurve *
axon_activation_picker_get_focused (AxonActivationPicker *self)
{
  g_return_val_if_fail (AXON_IS_ACTIVATION_PICKER (self), NULL);
  return self->focused;
}

void
axon_activation_picker_set_focused (AxonActivationPicker *self,
                                    AxonCurve            *curve)
{
  g_return_if_fail (AXON_IS_ACTIVATION_PICKER (self));
  g_return_if_fail (curve == NULL || AXON_IS_CURVE (curve));

  if (curve == self->focused)
    return;
  /* Only a selected curve can be focused. */
  g_return_if_fail (curve == NULL
                    || self->rows[axon_curve_get_activation (curve)->id].curve == curve);

  self->focused = curve; /* the selection store keeps it alive */
  if (curve != NULL)
    gtk_list_box_select_row (self->list,
                             GTK_LIST_BOX_ROW (
                               self->rows[axon_curve_get_activation (curve)->id].row));
  else
    gtk_list_box_unselect_all (self->list);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUSED]);
}

const char *
axon_activation_picker_get_search_text (AxonActivationPicker *self)
{
  g_return_val_if_fail (AXON_IS_ACTIVATION_PICKER (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

static void
apply_search (AxonActivationPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *key = search_key (text);

  if (g_strcmp0 (key, self->search_key) == 0)
    return;
  g_free (self->search_key);
  self->search_key = g_steal_pointer (&key);
  gtk_list_box_invalidate_filter (self->list);
  gtk_list_box_invalidate_headers (self->list);
}

void
axon_activation_picker_set_search_text (AxonActivationPicker *self,
                                        const char           *text)
{
  g_return_if_fail (AXON_IS_ACTIVATION_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  apply_search (self);
}

gboolean
axon_activation_picker_is_shown (AxonActivationPicker *self,
                                 const AxonActivation *activation)
{
  g_return_val_if_fail (AXON_IS_ACTIVATION_PICKER (self), FALSE);
  g_return_val_if_fail (activation != NULL && activation->id < AXON_N_ACTIVATIONS, FALSE);

  return row_match (self, &self->rows[activation->id]) != NULL;
}

void
axon_activation_picker_focus_search (AxonActivationPicker *self)
{
  g_return_if_fail (AXON_IS_ACTIVATION_PICKER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Signal handlers */

static void
on_check_toggled (GtkCheckButton       *check,
                  AxonActivationPicker *self)
{
  guint id;
  AxonCurve *curve;

  if (self->updating)
    return;
  id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "axon-activation-id"));
  curve = axon_activation_picker_set_selected (self, self->rows[id].activation,
                                               gtk_check_button_get_active (check));
  if (curve != NULL)
    axon_activation_picker_set_focused (self, curve);
}

static void
on_eye_toggled (GtkToggleButton      *button,
                AxonActivationPicker *self)
{
  guint id;

  if (self->updating)
    return;
  id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "axon-activation-id"));
  if (self->rows[id].curve != NULL)
    axon_curve_set_visible (self->rows[id].curve, gtk_toggle_button_get_active (button));
}

static void
on_row_activated (GtkListBox           *list,
                  GtkListBoxRow        *list_row,
                  AxonActivationPicker *self)
{
  PickerRow *row = row_of (self, list_row);
  AxonCurve *curve = row->curve;

  /* A click on an unchosen row chooses it; on a chosen one, it only moves the focus. */
  if (curve == NULL)
    curve = axon_activation_picker_set_selected (self, row->activation, TRUE);
  if (curve != NULL)
    axon_activation_picker_set_focused (self, curve);
  else if (self->focused != NULL)
    gtk_list_box_select_row (list, GTK_LIST_BOX_ROW (
                               self->rows[axon_curve_get_activation (self->focused)->id].row));
}

static void
on_search_changed (GtkSearchEntry       *entry,
                   AxonActivationPicker *self)
{
  apply_search (self);
}

static void
on_search_stop (GtkSearchEntry       *entry,
                AxonActivationPicker *self)
{
  axon_activation_picker_set_search_text (self, "");
}

/* Enter in the search entry chooses the first match, so typing a name is enough. */
static void
on_search_activate (GtkSearchEntry       *entry,
                    AxonActivationPicker *self)
{
  PickerRow *best = NULL;

  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      PickerRow *row = &self->rows[i];

      if (row_match (self, row) == NULL)
        continue;
      if (best == NULL || row->activation->category < best->activation->category)
        best = row;
      if (g_strcmp0 (row->key, self->search_key) == 0)
        {
          best = row; /* an exact name wins */
          break;
        }
    }
  if (best != NULL)
    on_row_activated (self->list, GTK_LIST_BOX_ROW (best->row), self);
}

static void
on_dark_changed (AxonActivationPicker *self)
{
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    gtk_widget_queue_draw (self->rows[i].swatch);
}

static void
build_row (AxonActivationPicker *self,
           PickerRow            *row,
           const AxonActivation *activation)
{
  GtkWidget *box, *text, *name, *summary;
  gpointer id = GUINT_TO_POINTER (activation->id);
  guint n_aliases = activation->aliases != NULL ? g_strv_length ((char **) activation->aliases)
                                                : 0;

  row->activation = activation;
  row->key = search_key (activation->name);
  row->alias_keys = g_new0 (char *, n_aliases + 1);
  for (guint i = 0; i < n_aliases; i++)
    row->alias_keys[i] = search_key (activation->aliases[i]);

  row->check = gtk_check_button_new ();
  gtk_widget_set_valign (row->check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  activation->name, -1);
  gtk_widget_set_tooltip_text (row->check, _("Plot this activation"));
  g_object_set_data (G_OBJECT (row->check), "axon-activation-id", id);
  g_signal_connect (row->check, "toggled", G_CALLBACK (on_check_toggled), self);

  row->swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (row->swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (row->swatch), 14);
  gtk_widget_set_valign (row->swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (row->swatch), draw_swatch, row, NULL);
  gtk_widget_set_visible (row->swatch, FALSE);

  name = gtk_label_new (activation->name);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "picker-name");
  summary = gtk_label_new (activation->summary != NULL ? _(activation->summary) : "");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");
  row->alias_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->alias_label), 0);
  gtk_widget_add_css_class (row->alias_label, "caption");
  gtk_widget_add_css_class (row->alias_label, "accent");
  gtk_widget_set_visible (row->alias_label, FALSE);
  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), summary);
  gtk_box_append (GTK_BOX (text), row->alias_label);

  row->eye = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (row->eye), "view-reveal-symbolic");
  gtk_widget_add_css_class (row->eye, "flat");
  gtk_widget_add_css_class (row->eye, "circular");
  gtk_widget_set_valign (row->eye, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (row->eye, FALSE);
  g_object_set_data (G_OBJECT (row->eye), "axon-activation-id", id);
  g_signal_connect (row->eye, "toggled", G_CALLBACK (on_eye_toggled), self);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), row->check);
  gtk_box_append (GTK_BOX (box), row->swatch);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), row->eye);

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  if (activation->source != NULL && activation->source[0] != '\0')
    gtk_widget_set_tooltip_text (row->row, _(activation->source));
  g_object_set_data (G_OBJECT (row->row), "axon-activation-id", id);
  gtk_list_box_append (self->list, row->row);
}

/* GObject */

static void
axon_activation_picker_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AxonActivationPicker *self = AXON_ACTIVATION_PICKER (object);

  switch (prop_id)
    {
    case PROP_FOCUSED:
      g_value_set_object (value, self->focused);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_activation_picker_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AxonActivationPicker *self = AXON_ACTIVATION_PICKER (object);

  switch (prop_id)
    {
    case PROP_FOCUSED:
      axon_activation_picker_set_focused (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_activation_picker_dispose (GObject *object)
{
  AxonActivationPicker *self = AXON_ACTIVATION_PICKER (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      if (self->rows[i].curve != NULL)
        g_signal_handlers_disconnect_by_data (self->rows[i].curve, self);
      self->rows[i].curve = NULL;
    }
  self->focused = NULL;
  if (self->selection != NULL)
    g_list_store_remove_all (self->selection);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_ACTIVATION_PICKER);
  /* The template's unnamed root is not cleared by dispose_template. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (axon_activation_picker_parent_class)->dispose (object);
}

static void
axon_activation_picker_finalize (GObject *object)
{
  AxonActivationPicker *self = AXON_ACTIVATION_PICKER (object);

  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      g_free (self->rows[i].key);
      g_strfreev (self->rows[i].alias_keys);
    }
  g_free (self->search_key);
  G_OBJECT_CLASS (axon_activation_picker_parent_class)->finalize (object);
}

static void
axon_activation_picker_class_init (AxonActivationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = axon_activation_picker_get_property;
  object_class->set_property = axon_activation_picker_set_property;
  object_class->dispose = axon_activation_picker_dispose;
  object_class->finalize = axon_activation_picker_finalize;

  properties[PROP_FOCUSED] =
    g_param_spec_object ("focused", "Focused", "The curve whose details are shown",
                         AXON_TYPE_CURVE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a selection is refused because every colour is taken. */
  signals[SELECTION_FULL] = g_signal_new ("selection-full", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/axonviz/Axon/ui/axon-activation-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonActivationPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AxonActivationPicker, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "activationpicker");
}

static void
axon_activation_picker_init (AxonActivationPicker *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = g_list_store_new (AXON_TYPE_CURVE);
  self->search_key = g_strdup ("");
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    build_row (self, &self->rows[i], axon_activation_get (i));

  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_list_box_set_sort_func (self->list, sort_rows, self, NULL);
  gtk_list_box_set_header_func (self->list, update_header, self, NULL);

  placeholder = gtk_label_new (_("No activation of that name"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_list_box_set_placeholder (self->list, placeholder);

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
axon_activation_picker_new (void)
{
  return g_object_new (AXON_TYPE_ACTIVATION_PICKER, NULL);
}
