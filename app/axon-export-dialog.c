/* axon-export-dialog.c: export choices, the file chooser, and the export itself. */
#include "axon-export-dialog.h"

#include <glib/gi18n.h>

#include "axon-export.h"
#include "axon-window.h"

struct _AxonExportDialog
{
  AdwWindow parent_instance;

  AdwComboRow *format_row;
  AdwPreferencesGroup *picture_group;
  AdwPreferencesGroup *csv_group;
  AdwActionRow *dpi_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSpinButton *dpi_spin;
  AdwComboRow *background_row;
  GtkSpinButton *font_scale_spin;
  GtkSwitch *presentation_switch;
  GtkSpinButton *points_spin;
  GtkLabel *error_label;
  GtkWidget *export_button;

  AxonExplorePage *page; /* weak: the page outlives its window's dialogs */
  GSettings *settings;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AxonExportDialog, axon_export_dialog, ADW_TYPE_WINDOW)

static const struct
{
  const char *extension;
  const char *mime_type;
  const char *filter_name;
} formats[] = {
  [AXON_EXPORT_PNG] = { "png", "image/png", N_("PNG images") },
  [AXON_EXPORT_SVG] = { "svg", "image/svg+xml", N_("SVG drawings") },
  [AXON_EXPORT_PDF] = { "pdf", "application/pdf", N_("PDF documents") },
  [AXON_EXPORT_CSV] = { "csv", "text/csv", N_("CSV files") },
};

static AxonExportFormat
selected_format (AxonExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < G_N_ELEMENTS (formats) ? (AxonExportFormat) selected : AXON_EXPORT_PNG;
}

static void
read_options (AxonExportDialog  *self,
              AxonExportOptions *options)
{
  axon_export_options_init (options);
  options->format = selected_format (self);
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->background = (AxonExportBackground) adw_combo_row_get_selected (self->background_row);
  options->font_scale = gtk_spin_button_get_value (self->font_scale_spin);
  options->presentation = gtk_switch_get_active (self->presentation_switch);
}

static void
update_sensitivity (AxonExportDialog *self)
{
  AxonExportFormat format = selected_format (self);
  gboolean picture = format != AXON_EXPORT_CSV;

  gtk_widget_set_visible (GTK_WIDGET (self->picture_group), picture);
  gtk_widget_set_visible (GTK_WIDGET (self->csv_group), !picture);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_row), format == AXON_EXPORT_PNG);
  if (format == AXON_EXPORT_PNG)
    {
      /* What the pixels will be, since the size is in logical pixels. */
      double scale = gtk_spin_button_get_value (self->dpi_spin) / 96.0;
      g_autofree char *pixels = g_strdup_printf (
        _("%d × %d pixels"),
        (int) (gtk_spin_button_get_value_as_int (self->width_spin) * scale + 0.5),
        (int) (gtk_spin_button_get_value_as_int (self->height_spin) * scale + 0.5));

      adw_action_row_set_subtitle (self->dpi_row, pixels);
    }
  else
    adw_action_row_set_subtitle (self->dpi_row, _("PNG only"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
load_settings (AxonExportDialog *self)
{
  if (self->settings == NULL)
    return;
  adw_combo_row_set_selected (self->format_row, g_settings_get_enum (self->settings,
                                                                     "export-format"));
  gtk_spin_button_set_value (self->width_spin, g_settings_get_int (self->settings,
                                                                   "export-width"));
  gtk_spin_button_set_value (self->height_spin, g_settings_get_int (self->settings,
                                                                    "export-height"));
  gtk_spin_button_set_value (self->dpi_spin, g_settings_get_double (self->settings,
                                                                    "export-dpi"));
  adw_combo_row_set_selected (self->background_row,
                              g_settings_get_enum (self->settings, "export-background"));
  gtk_spin_button_set_value (self->font_scale_spin,
                             g_settings_get_double (self->settings, "export-font-scale"));
  /* A figure made in presentation mode is for the same projector. */
  gtk_switch_set_active (self->presentation_switch,
                         g_settings_get_boolean (self->settings, "presentation"));
}

static void
save_settings (AxonExportDialog *self,
               GFile            *folder)
{
  AxonExportOptions options;

  if (self->settings == NULL)
    return;
  read_options (self, &options);
  g_settings_set_enum (self->settings, "export-format", options.format);
  g_settings_set_int (self->settings, "export-width", options.width);
  g_settings_set_int (self->settings, "export-height", options.height);
  g_settings_set_double (self->settings, "export-dpi", options.dpi);
  g_settings_set_enum (self->settings, "export-background", options.background);
  g_settings_set_double (self->settings, "export-font-scale", options.font_scale);
  if (folder != NULL && g_file_peek_path (folder) != NULL)
    g_settings_set_string (self->settings, "export-folder", g_file_peek_path (folder));
}

/* What the render callback needs: the plot as on screen. */
typedef struct
{
  AxonPlotOptions options;
  AxonPlotSeries *series;
  size_t n_series;
} PlotFigure;

static void
render_plot (cairo_t         *cr,
             int              width,
             int              height,
             const AxonStyle *style,
             gpointer         user_data)
{
  PlotFigure *figure = user_data;

  axon_plot_render (cr, width, height, style, &figure->options, figure->series,
                    figure->n_series);
}

gboolean
axon_export_dialog_export_to (AxonExportDialog  *self,
                              const char        *path,
                              GError           **error)
{
  AxonExportOptions options;
  PlotFigure figure;
  g_autofree AxonPlotSeries *series = NULL;
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (AXON_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->page == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED,
                           _("The plot to export is no longer open"));
      return FALSE;
    }

  read_options (self, &options);
  series = axon_explore_page_dup_series (self->page, &figure.n_series);
  figure.series = series;
  axon_plot_view_get_options (axon_explore_page_get_plot_view (self->page), &figure.options);

  if (options.format == AXON_EXPORT_CSV)
    ok = axon_export_csv (path, figure.series, figure.n_series, figure.options.x_min,
                          figure.options.x_max,
                          (size_t) gtk_spin_button_get_value_as_int (self->points_spin),
                          &local_error);
  else
    ok = axon_export_options_validate (&options, &local_error)
         && axon_export_to_file (path, &options, render_plot, &figure, &local_error);

  if (!ok)
    {
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return ok;
}

/* "plot" -> "plot.png" when the name has no extension of the chosen format. */
static char *
with_extension (const char       *path,
                AxonExportFormat  format)
{
  g_autofree char *suffix = g_strconcat (".", formats[format].extension, NULL);
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, suffix))
    return g_strdup (path);
  return g_strconcat (path, suffix, NULL);
}

static void
on_chooser_response (GtkNativeDialog  *chooser,
                     int               response,
                     AxonExportDialog *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *parent;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (file == NULL)
    return;
  if (g_file_peek_path (file) == NULL)
    {
      gtk_label_set_text (self->error_label, _("Choose a folder on this computer"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  path = with_extension (g_file_peek_path (file), selected_format (self));
  folder = g_file_get_parent (file);
  if (!axon_export_dialog_export_to (self, path, &error))
    return;

  save_settings (self, folder);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (AXON_IS_WINDOW (parent))
    {
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

      axon_window_add_toast (AXON_WINDOW (parent), message);
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* "gelu-swish-relu.png" for the curves shown. */
static char *
suggested_name (AxonExportDialog *self)
{
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree AxonPlotSeries *series = NULL;
  size_t n = 0;

  if (self->page != NULL)
    series = axon_explore_page_dup_series (self->page, &n);
  for (size_t i = 0, shown = 0; i < n && shown < 3; i++)
    if (series[i].visible && series[i].activation != NULL)
      {
        if (name->len > 0)
          g_string_append_c (name, '-');
        g_string_append (name, series[i].activation->name);
        shown++;
      }
  if (name->len == 0)
    g_string_append (name, "activations");
  g_string_append_printf (name, ".%s", formats[selected_format (self)].extension);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_export_clicked (AxonExportDialog *self)
{
  AxonExportFormat format = selected_format (self);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_name (self);
  g_autofree char *folder_path = NULL;
  g_autoptr (GFile) folder = NULL;

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Plot"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _(formats[format].filter_name));
  gtk_file_filter_add_mime_type (filter, formats[format].mime_type);
  {
    g_autofree char *pattern = g_strdup_printf ("*.%s", formats[format].extension);

    gtk_file_filter_add_pattern (filter, pattern);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  if (self->settings != NULL)
    folder_path = g_settings_get_string (self->settings, "export-folder");
  if (folder_path == NULL || folder_path[0] == '\0'
      || !g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_free (folder_path);
      folder_path = g_strdup (g_get_user_special_dir (G_USER_DIRECTORY_PICTURES));
    }
  if (folder_path != NULL && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      folder = g_file_new_for_path (folder_path);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
axon_export_dialog_dispose (GObject *object)
{
  AxonExportDialog *self = AXON_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_weak_pointer (&self->page);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (axon_export_dialog_parent_class)->dispose (object);
}

static void
axon_export_dialog_class_init (AxonExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axon_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/axonviz/Axon/ui/axon-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, picture_group);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, background_row);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, font_scale_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, presentation_switch);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, points_spin);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AxonExportDialog, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, update_sensitivity);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
axon_export_dialog_init (AxonExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AxonExportDialog *
axon_export_dialog_new (GtkWindow       *parent,
                        AxonExplorePage *page,
                        GSettings       *settings)
{
  AxonExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AXON_IS_EXPLORE_PAGE (page), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (AXON_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_set_weak_pointer (&self->page, page);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  load_settings (self);
  update_sensitivity (self);
  return self;
}
