/* axon-distribution-page.c: run, tag and step selection around the distribution views. */
#include "axon-distribution-page.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "axon-export.h"
#include "axon-histogram-render.h"

struct _AxonDistributionPage
{
  GtkWidget parent_instance;

  GtkStack *stack;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkLabel *run_label;
  GtkDropDown *layer_dropdown;
  GtkDropDown *tag_dropdown;
  GtkDropDown *view_dropdown;
  GtkToggleButton *weights_button;
  GtkToggleButton *gradients_button;
  GtkToggleButton *other_button;
  GtkToggleButton *slices_button;
  GtkToggleButton *log_button;
  GtkToggleButton *symlog_button;
  GtkToggleButton *compare_button;
  AxonSurfaceView *main_view;
  AxonSurfaceView *compare_view;
  GtkDrawingArea *hist_area;
  GtkDrawingArea *compare_hist_area;
  GtkAdjustment *step_from_adjustment;
  GtkAdjustment *step_to_adjustment;
  GtkAdjustment *cursor_adjustment;
  GtkLabel *cursor_label;

  GtkStringList *layers;
  GtkStringList *tags;
  AxonRun *run;
  AxonRun *compare_run;
  char *tag;
  char *error;
  GPtrArray *compare_bindings;
  GtkNativeDialog *chooser;
  guint updating; /* > 0 while the page itself moves its controls */
};

G_DEFINE_FINAL_TYPE (AxonDistributionPage, axon_distribution_page, GTK_TYPE_WIDGET)

static void show_tag (AxonDistributionPage *self);

/* Errors: one line at the top; nothing shown is lost. */

static void
show_error (AxonDistributionPage *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
  /* The empty page has no room for the line: show it in the status page. */
  if (self->run == NULL && message != NULL)
    {
      GtkWidget *status = gtk_stack_get_child_by_name (self->stack, "empty");

      adw_status_page_set_description (ADW_STATUS_PAGE (status), message);
    }
}

/* Tags */

static AxonTagRole
current_role (AxonDistributionPage *self)
{
  if (gtk_toggle_button_get_active (self->gradients_button))
    return AXON_TAG_ROLE_GRADIENTS;
  if (gtk_toggle_button_get_active (self->other_button))
    return AXON_TAG_ROLE_OTHER;
  return AXON_TAG_ROLE_WEIGHTS;
}

/* Histogram tags of layer with role, in first-appearance order. */
static GPtrArray *
histogram_tags_of (AxonRun     *run,
                   const char  *layer,
                   AxonTagRole  role)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) tags = NULL;

  if (run == NULL || layer == NULL)
    return out;
  tags = axon_run_dup_layer_tags (run, layer, role);
  for (gsize i = 0; tags != NULL && tags[i] != NULL; i++)
    if (axon_run_get_tag_kind (run, tags[i]) == AXON_RUN_TAG_HISTOGRAM)
      g_ptr_array_add (out, g_strdup (tags[i]));
  return out;
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

static void
select_string (GtkDropDown *dropdown,
               GtkStringList *list,
               const char    *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  if (n > 0)
    gtk_drop_down_set_selected (dropdown, 0);
}

static void
replace_strings (GtkStringList *list,
                 GPtrArray     *strings)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_add (strings, NULL);
  gtk_string_list_splice (list, 0, n, (const char *const *) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
}

/* Tags of the selected layer and role into the tag selector, keeping `want` if there. */
static void
populate_tags (AxonDistributionPage *self,
               const char           *want)
{
  const char *layer = selected_string (self->layer_dropdown);
  g_autoptr (GPtrArray) weights = histogram_tags_of (self->run, layer, AXON_TAG_ROLE_WEIGHTS);
  g_autoptr (GPtrArray) grads = histogram_tags_of (self->run, layer, AXON_TAG_ROLE_GRADIENTS);
  g_autoptr (GPtrArray) other = histogram_tags_of (self->run, layer, AXON_TAG_ROLE_OTHER);
  g_autoptr (GPtrArray) tags = NULL;
  g_autofree char *keep = g_strdup (want);
  AxonTagRole role;

  self->updating++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->weights_button), weights->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gradients_button), grads->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->other_button), other->len > 0);
  /* The tag asked for decides the role; else keep the role if this layer has it. */
  if (keep != NULL)
    {
      if (g_ptr_array_find_with_equal_func (grads, keep, g_str_equal, NULL))
        gtk_toggle_button_set_active (self->gradients_button, TRUE);
      else if (g_ptr_array_find_with_equal_func (other, keep, g_str_equal, NULL))
        gtk_toggle_button_set_active (self->other_button, TRUE);
      else if (g_ptr_array_find_with_equal_func (weights, keep, g_str_equal, NULL))
        gtk_toggle_button_set_active (self->weights_button, TRUE);
    }
  role = current_role (self);
  if ((role == AXON_TAG_ROLE_WEIGHTS && weights->len == 0)
      || (role == AXON_TAG_ROLE_GRADIENTS && grads->len == 0)
      || (role == AXON_TAG_ROLE_OTHER && other->len == 0))
    {
      if (weights->len > 0)
        gtk_toggle_button_set_active (self->weights_button, TRUE);
      else if (grads->len > 0)
        gtk_toggle_button_set_active (self->gradients_button, TRUE);
      else
        gtk_toggle_button_set_active (self->other_button, TRUE);
      role = current_role (self);
    }
  tags = g_ptr_array_ref (role == AXON_TAG_ROLE_WEIGHTS ? weights
                          : role == AXON_TAG_ROLE_GRADIENTS ? grads : other);
  /* Same parameter across roles: weights/0.weight <-> gradients/0.weight. */
  if (keep != NULL && !g_ptr_array_find_with_equal_func (tags, keep, g_str_equal, NULL))
    {
      g_autofree char *layer_k = NULL, *param_k = NULL;

      axon_tag_parse (keep, &layer_k, &param_k);
      g_clear_pointer (&keep, g_free);
      for (guint i = 0; i < tags->len && keep == NULL; i++)
        {
          g_autofree char *l = NULL, *p = NULL;

          axon_tag_parse (tags->pdata[i], &l, &p);
          if (g_strcmp0 (p, param_k) == 0)
            keep = g_strdup (tags->pdata[i]);
        }
    }
  replace_strings (self->tags, tags);
  select_string (self->tag_dropdown, self->tags, keep);
  self->updating--;
  show_tag (self);
}

static void
populate_layers (AxonDistributionPage *self,
                 const char           *want_tag)
{
  g_autoptr (GPtrArray) layers = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) all = self->run ? axon_run_dup_layers (self->run) : NULL;
  g_autofree char *want_layer = NULL;

  for (gsize i = 0; all != NULL && all[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) tags = histogram_tags_of (self->run, all[i], AXON_TAG_ROLE_ANY);

      if (tags->len > 0)
        g_ptr_array_add (layers, g_strdup (all[i]));
    }
  if (want_tag != NULL)
    {
      g_autofree char *param = NULL;

      axon_tag_parse (want_tag, &want_layer, &param);
    }
  self->updating++;
  replace_strings (self->layers, layers);
  select_string (self->layer_dropdown, self->layers, want_layer);
  self->updating--;
  populate_tags (self, want_tag);
}

/* Steps */

static void
configure_adjustment (GtkAdjustment *adj,
                      double         lo,
                      double         hi,
                      double         value,
                      double         step)
{
  gtk_adjustment_configure (adj, CLAMP (value, lo, hi), lo, hi, MAX (1, step),
                            MAX (1, step) * 10, 0);
}

/* The layer's zero-gradient ratio at step (Axon's trainer records "<layer>/zero_grad_ratio",
 * the fraction of dL/dz exactly 0), or NAN when the run has none. */
static double
zero_grad_ratio_at (AxonDistributionPage *self,
                    gint64                step)
{
  g_autofree char *layer = NULL, *param = NULL, *tag = NULL;
  const AxonScalarPoint *points;
  size_t n = 0;
  double value = NAN;

  if (self->run == NULL || self->tag == NULL)
    return NAN;
  axon_tag_parse (self->tag, &layer, &param);
  tag = g_strdup_printf ("%s/zero_grad_ratio", layer);
  points = axon_run_get_scalars (self->run, tag, &n);
  /* The last point at or before step. */
  for (size_t i = 0; i < n && points[i].step <= step; i++)
    value = points[i].value;
  return value;
}

static void
update_cursor_label (AxonDistributionPage *self)
{
  g_autofree char *text = NULL;
  gint64 step = axon_surface_view_get_cursor_step (self->main_view);
  double zero = zero_grad_ratio_at (self, step);

  if (isfinite (zero))
    /* TRANSLATORS: the step under the cursor, and the fraction of the layer's
     * pre-activation gradients dL/dz that are exactly zero at that step */
    text = g_strdup_printf (_("step %" PRId64 " · zero dL/dz %.1f %%"),
                            (int64_t) step, 100 * zero);
  else
    /* TRANSLATORS: the step under the step cursor */
    text = g_strdup_printf (_("step %" PRId64), (int64_t) step);
  gtk_label_set_text (self->cursor_label, text);
}

/* The step adjustments span the recorded steps of the series shown. */
static void
update_step_controls (AxonDistributionPage *self,
                      gboolean              reset_range)
{
  size_t n = 0;
  const gint64 *steps = axon_surface_view_get_steps (self->main_view, &n);
  double lo = 0, hi = 0, inc = 1;
  gint64 cursor;

  if (n > 0)
    {
      lo = (double) steps[0];
      hi = (double) steps[n - 1];
      inc = n > 1 ? MAX (1, floor ((hi - lo) / (n - 1))) : 1;
    }
  self->updating++;
  configure_adjustment (self->step_from_adjustment, lo, hi,
                        reset_range ? lo : gtk_adjustment_get_value (self->step_from_adjustment),
                        inc);
  configure_adjustment (self->step_to_adjustment, lo, hi,
                        reset_range ? hi : gtk_adjustment_get_value (self->step_to_adjustment),
                        inc);
  axon_surface_view_set_step_range (self->main_view,
                                    (gint64) gtk_adjustment_get_value (self->step_from_adjustment),
                                    (gint64) gtk_adjustment_get_value (self->step_to_adjustment));
  cursor = axon_surface_view_get_cursor_step (self->main_view);
  if (n > 0 && (reset_range || cursor < steps[0] || cursor > steps[n - 1]))
    cursor = steps[n - 1];
  configure_adjustment (self->cursor_adjustment, lo, hi, (double) cursor, inc);
  axon_surface_view_set_cursor_step (self->main_view, cursor);
  self->updating--;
  update_cursor_label (self);
}

/* Compare: the same value range and count scale in both views. */
static void
update_shared_scale (AxonDistributionPage *self)
{
  double a0, a1, ac, b0, b1, bc;
  gboolean comparing = gtk_widget_get_visible (GTK_WIDGET (self->compare_view));

  axon_surface_view_set_shared_scale (self->main_view, NAN, NAN, NAN);
  axon_surface_view_set_shared_scale (self->compare_view, NAN, NAN, NAN);
  if (!comparing)
    return;
  if (!axon_surface_view_get_data_scale (self->main_view, &a0, &a1, &ac))
    return;
  if (!axon_surface_view_get_data_scale (self->compare_view, &b0, &b1, &bc))
    return;
  {
    double lo = MIN (a0, b0), hi = MAX (a1, b1), top = MAX (ac, bc);

    axon_surface_view_set_shared_scale (self->main_view, lo, hi, top);
    axon_surface_view_set_shared_scale (self->compare_view, lo, hi, top);
  }
}

static void
show_tag (AxonDistributionPage *self)
{
  const char *tag = selected_string (self->tag_dropdown);
  const AxonHistogram *const *hists = NULL;
  size_t n = 0;
  gboolean same_tag = g_strcmp0 (tag, self->tag) == 0;

  if (self->updating > 0)
    return;
  g_free (self->tag);
  self->tag = g_strdup (tag);
  if (self->run != NULL && tag != NULL)
    hists = axon_run_get_histograms (self->run, tag, &n);
  axon_surface_view_set_histograms (self->main_view, hists, n);
  axon_surface_view_set_title (self->main_view, tag);

  if (self->compare_run != NULL)
    {
      const AxonHistogram *const *other = NULL;
      size_t m = 0;
      g_autofree char *title = NULL;
      const char *source = axon_run_get_source (self->compare_run);
      g_autofree char *base = source ? g_path_get_basename (source) : g_strdup (_("second run"));

      if (tag != NULL)
        other = axon_run_get_histograms (self->compare_run, tag, &m);
      axon_surface_view_set_histograms (self->compare_view, other, m);
      title = g_strdup_printf ("%s — %s", tag ? tag : "", base);
      axon_surface_view_set_title (self->compare_view, title);
      if (tag != NULL && m == 0)
        {
          g_autofree char *msg = g_strdup_printf (_("The second run (%s) has no histogram tag “%s”"),
                                                  base, tag);

          show_error (self, msg);
        }
    }
  update_step_controls (self, !same_tag);
  update_shared_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->hist_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->compare_hist_area));
}

/* Signal handlers */

static void
on_layer_selected (AxonDistributionPage *self)
{
  if (self->updating > 0)
    return;
  populate_tags (self, self->tag);
}

static void
on_role_toggled (GtkToggleButton      *button,
                 AxonDistributionPage *self)
{
  if (self->updating > 0 || !gtk_toggle_button_get_active (button))
    return;
  populate_tags (self, self->tag);
}

static void
on_tag_selected (AxonDistributionPage *self)
{
  show_tag (self);
}

static void
on_step_range_changed (AxonDistributionPage *self)
{
  gint64 a, b;

  if (self->updating > 0)
    return;
  a = (gint64) gtk_adjustment_get_value (self->step_from_adjustment);
  b = (gint64) gtk_adjustment_get_value (self->step_to_adjustment);
  axon_surface_view_set_step_range (self->main_view, MIN (a, b), MAX (a, b));
  update_shared_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->hist_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->compare_hist_area));
}

static void
on_cursor_scale_changed (AxonDistributionPage *self)
{
  size_t n = 0;
  const gint64 *steps = axon_surface_view_get_steps (self->main_view, &n);
  double v = gtk_adjustment_get_value (self->cursor_adjustment);
  gint64 best;

  if (self->updating > 0 || n == 0)
    return;
  /* Snap to a recorded step. */
  best = steps[0];
  for (size_t i = 1; i < n; i++)
    if (fabs ((double) steps[i] - v) < fabs ((double) best - v))
      best = steps[i];
  axon_surface_view_set_cursor_step (self->main_view, best);
}

static void
on_view_cursor_changed (AxonDistributionPage *self)
{
  self->updating++;
  gtk_adjustment_set_value (self->cursor_adjustment,
                            (double) axon_surface_view_get_cursor_step (self->main_view));
  self->updating--;
  update_cursor_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->hist_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->compare_hist_area));
}

static void
on_view_scale_changed (AxonDistributionPage *self)
{
  update_shared_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->hist_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->compare_hist_area));
}

static void
on_slices_toggled (AxonDistributionPage *self)
{
  axon_surface_view_set_surface_mode (self->main_view,
                                      gtk_toggle_button_get_active (self->slices_button)
                                        ? AXON_SURFACE_MODE_SLICES : AXON_SURFACE_MODE_SHADED);
}

/* The largest count of the cursor's row in view, or 0. */
static double
cursor_row_max (AxonSurfaceView *view)
{
  const AxonHistogramGrid *grid = axon_surface_view_get_grid (view);
  size_t row;
  double m = 0;

  if (grid->n_steps == 0)
    return 0;
  row = axon_histogram_grid_find_step (grid, axon_surface_view_get_cursor_step (view));
  for (size_t j = 0; j < grid->n_bins; j++)
    m = MAX (m, axon_histogram_grid_row (grid, row)[j]);
  return m;
}

static void
draw_step_histogram (GtkDrawingArea *area,
                     cairo_t        *cr,
                     int             width,
                     int             height,
                     gpointer        user_data)
{
  AxonDistributionPage *self = AXON_DISTRIBUTION_PAGE (user_data);
  AxonSurfaceView *view = area == self->hist_area ? self->main_view : self->compare_view;
  const AxonHistogramGrid *grid = axon_surface_view_get_grid (view);
  AxonDistributionOptions o;
  AxonStyle style;
  size_t row;
  double top = cursor_row_max (view);

  axon_surface_view_get_options (view, &o);
  axon_surface_view_get_style (view, &style);
  /* Scaled to the step itself (readable at every step); the same for both runs. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->compare_view)))
    top = MAX (cursor_row_max (self->main_view), cursor_row_max (self->compare_view));
  o.count_max = top > 0 ? top : NAN;
  o.title = NULL;
  row = grid->n_steps > 0 ? axon_histogram_grid_find_step (grid, o.cursor_step) : G_MAXSIZE;
  axon_histogram_render_grid (cr, width, height, &style, &o, grid, row);
}

/* Compare */

static const char *const shared_properties[] = {
  "view", "surface-mode", "yaw", "pitch", "zoom", "log-count", "symlog", "n-bins",
  "step-min", "step-max", "cursor-step", "show-cursor",
};

static void
set_comparing (AxonDistributionPage *self,
               gboolean              comparing)
{
  comparing = comparing && self->compare_run != NULL;
  g_ptr_array_set_size (self->compare_bindings, 0);
  if (comparing)
    for (gsize i = 0; i < G_N_ELEMENTS (shared_properties); i++)
      g_ptr_array_add (self->compare_bindings,
                       g_object_ref (g_object_bind_property (self->main_view, shared_properties[i],
                                                             self->compare_view,
                                                             shared_properties[i],
                                                             G_BINDING_BIDIRECTIONAL
                                                               | G_BINDING_SYNC_CREATE)));
  gtk_widget_set_visible (GTK_WIDGET (self->compare_view), comparing);
  gtk_widget_set_visible (GTK_WIDGET (self->compare_hist_area), comparing);
  self->updating++;
  gtk_toggle_button_set_active (self->compare_button, comparing);
  self->updating--;
  show_tag (self);
}

static void
unbind_and_unref (gpointer data)
{
  g_binding_unbind (data);
  g_object_unref (data);
}

/* File choosers */

typedef void (*ChosenFunc) (AxonDistributionPage *self,
                            GFile                *file,
                            const char           *format);

typedef struct
{
  AxonDistributionPage *self;
  ChosenFunc func;
  char *format;
} ChooserData;

static void
chooser_data_free (gpointer data)
{
  ChooserData *cd = data;

  g_free (cd->format);
  g_free (cd);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     ChooserData     *cd)
{
  AxonDistributionPage *self = cd->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        cd->func (self, file, cd->format);
    }
  else if (cd->func != NULL && cd->format != NULL && g_str_equal (cd->format, "compare"))
    set_comparing (self, self->compare_run != NULL);
  if (self->chooser == dialog)
    g_clear_object (&self->chooser);
}

static void
run_chooser (AxonDistributionPage *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name,
             ChosenFunc            func,
             const char           *format)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  ChooserData *cd = g_new0 (ChooserData, 1);

  cd->self = self;
  cd->func = func;
  cd->format = g_strdup (format);
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response), cd,
                         (GClosureNotify) (void (*) (void)) chooser_data_free, 0);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_chosen (AxonDistributionPage *self,
             GFile                *file,
             const char           *format)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      show_error (self, _("Only local directories can be opened as runs"));
      return;
    }
  if (g_strcmp0 (format, "compare") == 0)
    axon_distribution_page_open_compare_run (self, path);
  else
    axon_distribution_page_open_run (self, path);
}

static void
export_chosen (AxonDistributionPage *self,
               GFile                *file,
               const char           *format)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;

  if (path == NULL || !axon_distribution_page_export (self, path, &error))
    show_error (self, error ? error->message : _("Only local files can be written"));
  else
    show_error (self, NULL);
}

static void
on_compare_toggled (AxonDistributionPage *self)
{
  if (self->updating > 0)
    return;
  if (!gtk_toggle_button_get_active (self->compare_button))
    {
      set_comparing (self, FALSE);
      return;
    }
  if (self->compare_run != NULL)
    {
      set_comparing (self, TRUE);
      return;
    }
  run_chooser (self, _("Open a Run to Compare"), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
               _("_Open"), NULL, open_chosen, "compare");
}

/* Actions */

static void
action_open (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  run_chooser (AXON_DISTRIBUTION_PAGE (widget), _("Open a Run"),
               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Open"), NULL, open_chosen, NULL);
}

static void
action_export (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AxonDistributionPage *self = AXON_DISTRIBUTION_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autofree char *base = NULL, *suggested = NULL;

  if (self->tag == NULL)
    {
      show_error (self, _("Nothing to export: open a run with histograms first"));
      return;
    }
  base = g_strdup (self->tag);
  g_strdelimit (base, "/\\:", '-');
  suggested = g_strdup_printf ("%s.%s", base, format);
  run_chooser (self, _("Export"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), suggested,
               export_chosen, format);
}

static void
action_reset_camera (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  axon_surface_view_reset_camera (AXON_DISTRIBUTION_PAGE (widget)->main_view);
}

static void
action_dismiss_error (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  show_error (AXON_DISTRIBUTION_PAGE (widget), NULL);
}

/* Drag and drop of a run directory. */
static gboolean
on_drop (GtkDropTarget        *target,
         const GValue         *value,
         double                x,
         double                y,
         AxonDistributionPage *self)
{
  GFile *file;
  g_autofree char *path = NULL;

  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  file = g_value_get_object (value);
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    return FALSE;
  return axon_distribution_page_open_run (self, path);
}

/* Export */

typedef struct
{
  AxonDistributionPage *self;
  int half_width;
} ExportFigure;

static void
render_export (cairo_t         *cr,
               int              width,
               int              height,
               const AxonStyle *style,
               gpointer         user_data)
{
  ExportFigure *fig = user_data;
  AxonDistributionPage *self = fig->self;
  AxonDistributionOptions o;
  gboolean comparing = gtk_widget_get_visible (GTK_WIDGET (self->compare_view));
  int w = comparing ? width / 2 : width;

  axon_surface_view_get_options (self->main_view, &o);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, w, height);
  cairo_clip (cr);
  axon_distribution_render_grid (cr, w, height, style, &o,
                                 axon_surface_view_get_grid (self->main_view));
  cairo_restore (cr);
  if (comparing)
    {
      axon_surface_view_get_options (self->compare_view, &o);
      cairo_save (cr);
      cairo_translate (cr, w, 0);
      cairo_rectangle (cr, 0, 0, width - w, height);
      cairo_clip (cr);
      axon_distribution_render_grid (cr, width - w, height, style, &o,
                                     axon_surface_view_get_grid (self->compare_view));
      cairo_restore (cr);
    }
}

gboolean
axon_distribution_page_export (AxonDistributionPage  *self,
                               const char            *path,
                               GError               **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (self->run == NULL || self->tag == NULL)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NO_TAG,
                   _("Nothing to export: no histogram tag is shown"));
      return FALSE;
    }
  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".json") || g_str_has_suffix (lower, ".csv"))
    {
      const char *const tags[] = { self->tag, NULL };

      return g_str_has_suffix (lower, ".json")
               ? axon_run_export_json (self->run, tags, path, error)
               : axon_run_export_csv (self->run, tags, path, error);
    }
  {
    AxonExportOptions options;
    AxonStyle style;
    ExportFigure fig = { self, 0 };
    int w = gtk_widget_get_width (GTK_WIDGET (self->main_view));
    int h = gtk_widget_get_height (GTK_WIDGET (self->main_view));
    gboolean comparing = gtk_widget_get_visible (GTK_WIDGET (self->compare_view));

    axon_export_options_init (&options);
    if (!axon_export_format_from_path (path, &options.format, error))
      return FALSE;
    /* The size on screen (a figure like the one seen), or a report-sized default. */
    options.width = w > 16 ? w * (comparing ? 2 : 1) : (comparing ? 2400 : 1600);
    options.height = h > 16 ? h : 1000;
    axon_surface_view_get_style (self->main_view, &style);
    return axon_export_to_file_with_style (path, &options, &style, render_export, &fig, error);
  }
}

/* Public API */

GtkWidget *
axon_distribution_page_new (void)
{
  return g_object_new (AXON_TYPE_DISTRIBUTION_PAGE, NULL);
}

/* The first loading problem of run, and how many more. With none, whatever set_run said
 * ("no histograms") stays. */
static void
report_warnings (AxonDistributionPage *self,
                 AxonRun              *run)
{
  size_t n = axon_run_get_n_warnings (run);

  if (n == 0)
    return;
  if (n == 1)
    show_error (self, axon_run_get_warning (run, 0)->message);
  else
    {
      g_autofree char *msg =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %zu more problem)",
                                      "%s (and %zu more problems)", n - 1),
                         axon_run_get_warning (run, 0)->message, n - 1);

      show_error (self, msg);
    }
}

gboolean
axon_distribution_page_open_run (AxonDistributionPage *self,
                                 const char           *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;

  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  run = axon_run_load (path, &error);
  if (run == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  axon_distribution_page_set_run (self, run);
  report_warnings (self, run);
  return TRUE;
}

void
axon_distribution_page_set_run (AxonDistributionPage *self,
                                AxonRun              *run)
{
  g_autofree char *keep = NULL;

  g_return_if_fail (AXON_IS_DISTRIBUTION_PAGE (self));
  keep = g_strdup (self->tag);
  if (run != NULL)
    axon_run_ref (run);
  g_clear_pointer (&self->run, axon_run_unref);
  self->run = run;
  show_error (self, NULL);
  if (run != NULL)
    {
      const char *source = axon_run_get_source (run);
      g_autofree char *base = source ? g_path_get_basename (source) : NULL;

      gtk_label_set_text (self->run_label, base ? base : _("Run just trained"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->run_label), source);
      gtk_stack_set_visible_child_name (self->stack, "run");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
  /* Keep looking at the same tag when the new run has it (a retrained network). */
  g_clear_pointer (&self->tag, g_free);
  populate_layers (self, keep);
  if (run != NULL && self->tag == NULL)
    show_error (self, _("This run has no histograms (only scalars)"));
}

AxonRun *
axon_distribution_page_get_run (AxonDistributionPage *self)
{
  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), NULL);
  return self->run;
}

gboolean
axon_distribution_page_open_compare_run (AxonDistributionPage *self,
                                         const char           *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;

  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), FALSE);
  run = axon_run_load (path, &error);
  if (run == NULL)
    {
      show_error (self, error->message);
      set_comparing (self, self->compare_run != NULL);
      return FALSE;
    }
  axon_distribution_page_set_compare_run (self, run);
  report_warnings (self, run);
  return TRUE;
}

void
axon_distribution_page_set_compare_run (AxonDistributionPage *self,
                                        AxonRun              *run)
{
  g_return_if_fail (AXON_IS_DISTRIBUTION_PAGE (self));
  if (run != NULL)
    axon_run_ref (run);
  g_clear_pointer (&self->compare_run, axon_run_unref);
  self->compare_run = run;
  show_error (self, NULL);
  set_comparing (self, run != NULL);
}

char **
axon_distribution_page_dup_tags (AxonDistributionPage *self)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  guint n_layers;

  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), NULL);
  n_layers = g_list_model_get_n_items (G_LIST_MODEL (self->layers));
  for (guint i = 0; i < n_layers; i++)
    {
      const char *layer = gtk_string_list_get_string (self->layers, i);
      static const AxonTagRole roles[] = {
        AXON_TAG_ROLE_WEIGHTS, AXON_TAG_ROLE_GRADIENTS, AXON_TAG_ROLE_OTHER,
      };

      for (gsize r = 0; r < G_N_ELEMENTS (roles); r++)
        {
          g_autoptr (GPtrArray) tags = histogram_tags_of (self->run, layer, roles[r]);

          for (guint k = 0; k < tags->len; k++)
            g_strv_builder_add (builder, tags->pdata[k]);
        }
    }
  {
    char **out = g_strv_builder_end (builder);

    g_strv_builder_unref (builder);
    return out;
  }
}

const char *
axon_distribution_page_get_tag (AxonDistributionPage *self)
{
  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), NULL);
  return self->tag;
}

gboolean
axon_distribution_page_set_tag (AxonDistributionPage *self,
                                const char           *tag)
{
  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), FALSE);
  if (self->run == NULL || tag == NULL
      || axon_run_get_tag_kind (self->run, tag) != AXON_RUN_TAG_HISTOGRAM)
    return FALSE;
  populate_layers (self, tag);
  return g_strcmp0 (self->tag, tag) == 0;
}

AxonSurfaceView *
axon_distribution_page_get_view (AxonDistributionPage *self)
{
  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), NULL);
  return self->main_view;
}

AxonSurfaceView *
axon_distribution_page_get_compare_view (AxonDistributionPage *self)
{
  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), NULL);
  return self->compare_view;
}

const char *
axon_distribution_page_get_error (AxonDistributionPage *self)
{
  g_return_val_if_fail (AXON_IS_DISTRIBUTION_PAGE (self), NULL);
  return self->error;
}

/* GObject */

static void
axon_distribution_page_dispose (GObject *object)
{
  AxonDistributionPage *self = AXON_DISTRIBUTION_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->compare_bindings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_DISTRIBUTION_PAGE);
  G_OBJECT_CLASS (axon_distribution_page_parent_class)->dispose (object);
}

static void
axon_distribution_page_finalize (GObject *object)
{
  AxonDistributionPage *self = AXON_DISTRIBUTION_PAGE (object);

  g_clear_pointer (&self->run, axon_run_unref);
  g_clear_pointer (&self->compare_run, axon_run_unref);
  g_clear_object (&self->layers);
  g_clear_object (&self->tags);
  g_free (self->tag);
  g_free (self->error);
  G_OBJECT_CLASS (axon_distribution_page_parent_class)->finalize (object);
}

static void
axon_distribution_page_class_init (AxonDistributionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = axon_distribution_page_dispose;
  object_class->finalize = axon_distribution_page_finalize;

  g_type_ensure (AXON_TYPE_SURFACE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/axonviz/Axon/ui/axon-distribution-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, run_label);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, layer_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, weights_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, gradients_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, other_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, slices_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, symlog_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, main_view);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, compare_view);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, hist_area);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, compare_hist_area);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, step_from_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, step_to_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, cursor_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AxonDistributionPage, cursor_label);

  gtk_widget_class_install_action (widget_class, "distribution.open", NULL, action_open);
  gtk_widget_class_install_action (widget_class, "distribution.export", "s", action_export);
  gtk_widget_class_install_action (widget_class, "distribution.reset-camera", NULL,
                                   action_reset_camera);
  gtk_widget_class_install_action (widget_class, "distribution.dismiss-error", NULL,
                                   action_dismiss_error);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "axon-distribution-page");
}

static void
axon_distribution_page_init (AxonDistributionPage *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->compare_bindings = g_ptr_array_new_with_free_func (unbind_and_unref);
  self->layers = gtk_string_list_new (NULL);
  self->tags = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->layer_dropdown, G_LIST_MODEL (self->layers));
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));

  g_signal_connect_swapped (self->layer_dropdown, "notify::selected",
                            G_CALLBACK (on_layer_selected), self);
  g_signal_connect_swapped (self->tag_dropdown, "notify::selected",
                            G_CALLBACK (on_tag_selected), self);
  g_signal_connect (self->weights_button, "toggled", G_CALLBACK (on_role_toggled), self);
  g_signal_connect (self->gradients_button, "toggled", G_CALLBACK (on_role_toggled), self);
  g_signal_connect (self->other_button, "toggled", G_CALLBACK (on_role_toggled), self);
  g_signal_connect_swapped (self->slices_button, "toggled", G_CALLBACK (on_slices_toggled), self);
  g_signal_connect_swapped (self->compare_button, "toggled", G_CALLBACK (on_compare_toggled),
                            self);
  g_signal_connect_swapped (self->step_from_adjustment, "value-changed",
                            G_CALLBACK (on_step_range_changed), self);
  g_signal_connect_swapped (self->step_to_adjustment, "value-changed",
                            G_CALLBACK (on_step_range_changed), self);
  g_signal_connect_swapped (self->cursor_adjustment, "value-changed",
                            G_CALLBACK (on_cursor_scale_changed), self);
  g_signal_connect_swapped (self->main_view, "notify::cursor-step",
                            G_CALLBACK (on_view_cursor_changed), self);
  g_signal_connect_swapped (self->main_view, "notify::symlog", G_CALLBACK (on_view_scale_changed),
                            self);
  g_signal_connect_swapped (self->main_view, "notify::log-count",
                            G_CALLBACK (on_view_scale_changed), self);
  g_signal_connect_swapped (self->main_view, "notify::n-bins", G_CALLBACK (on_view_scale_changed),
                            self);

  g_object_bind_property (self->log_button, "active", self->main_view, "log-count",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->symlog_button, "active", self->main_view, "symlog",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->view_dropdown, "selected", self->main_view, "view",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  gtk_drawing_area_set_draw_func (self->hist_area, draw_step_histogram, self, NULL);
  gtk_drawing_area_set_draw_func (self->compare_hist_area, draw_step_histogram, self, NULL);

  drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_cursor_label (self);
}
