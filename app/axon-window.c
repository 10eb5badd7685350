/* axon-window.c: the main window's lifecycle: pages, state restore and save. */
#include "axon-window-private.h"

#include <glib/gi18n.h>

G_DEFINE_FINAL_TYPE (AxonWindow, axon_window, ADW_TYPE_APPLICATION_WINDOW)

/* The Compare page's run buttons: the run opens in the Distributions page. */
static void
on_compare_open_run (AxonComparePage *page,
                     const char      *path,
                     AxonWindow      *self)
{
  axon_window_open_run (self, path);
}

/* The visible page is kept as it changes, so a crash or a second window starts there too. */
static void
on_visible_page_changed (AxonWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (self->settings != NULL && name != NULL)
    g_settings_set_string (self->settings, "visible-page", name);
}

/* The pages of the main window, in switcher order. Each page is a widget with a name (kept
 * in the "visible-page" setting), a translated title and a symbolic icon. Add new pages
 * here, one block each. */
static void
add_pages (AxonWindow *self)
{
  AdwViewStackPage *page;

  /* Explore: pick activations, plot f and f', parameters and properties. */
  self->explore_page = AXON_EXPLORE_PAGE (axon_explore_page_new ());
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->explore_page),
                                    AXON_WINDOW_PAGE_EXPLORE, _("Explore"));
  adw_view_stack_page_set_icon_name (page, "axon-explore-symbolic");

  /* Distributions: a recorded run's weight and gradient histograms over training. */
  self->distribution_page = AXON_DISTRIBUTION_PAGE (axon_distribution_page_new ());
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->distribution_page),
                                    AXON_WINDOW_PAGE_DISTRIBUTIONS, _("Distributions"));
  adw_view_stack_page_set_icon_name (page, "axon-distributions-symbolic");

  /* Compare: the activation comparison over seeds; its runs open in Distributions. */
  self->compare_page = AXON_COMPARE_PAGE (axon_compare_page_new ());
  page = adw_view_stack_add_titled (self->stack, GTK_WIDGET (self->compare_page),
                                    AXON_WINDOW_PAGE_COMPARE, _("Compare"));
  adw_view_stack_page_set_icon_name (page, "axon-compare-symbolic");
  g_signal_connect_object (self->compare_page, "open-run", G_CALLBACK (on_compare_open_run),
                           self, 0);
}

static void
restore_state (AxonWindow *self)
{
  g_autofree char *visible_page = NULL;

  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  axon_explore_page_restore_state (self->explore_page, self->settings);

  visible_page = g_settings_get_string (self->settings, "visible-page");
  if (adw_view_stack_get_child_by_name (self->stack, visible_page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, visible_page);
}

void
axon_window_save_state (AxonWindow *self)
{
  int width = 0, height = 0;
  const char *visible_page;

  g_return_if_fail (AXON_IS_WINDOW (self));

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  visible_page = adw_view_stack_get_visible_child_name (self->stack);
  if (visible_page != NULL)
    g_settings_set_string (self->settings, "visible-page", visible_page);
  axon_explore_page_save_state (self->explore_page, self->settings);
}

static gboolean
axon_window_close_request (GtkWindow *window)
{
  axon_window_save_state (AXON_WINDOW (window));
  return GTK_WINDOW_CLASS (axon_window_parent_class)->close_request (window);
}

void
axon_window_update_presentation (AxonWindow *self)
{
  gboolean on = self->settings != NULL
                && g_settings_get_boolean (self->settings, "presentation");

  if (on)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
  axon_plot_view_set_presentation (axon_explore_page_get_plot_view (self->explore_page), on);
}

AxonExplorePage *
axon_window_get_explore_page (AxonWindow *self)
{
  g_return_val_if_fail (AXON_IS_WINDOW (self), NULL);
  return self->explore_page;
}

AxonDistributionPage *
axon_window_get_distribution_page (AxonWindow *self)
{
  g_return_val_if_fail (AXON_IS_WINDOW (self), NULL);
  return self->distribution_page;
}

AxonComparePage *
axon_window_get_compare_page (AxonWindow *self)
{
  g_return_val_if_fail (AXON_IS_WINDOW (self), NULL);
  return self->compare_page;
}

gboolean
axon_window_show_page (AxonWindow *self,
                       const char *name)
{
  g_return_val_if_fail (AXON_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (adw_view_stack_get_child_by_name (self->stack, name) == NULL)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->stack, name);
  return TRUE;
}

gboolean
axon_window_open_run (AxonWindow *self,
                      const char *path)
{
  g_return_val_if_fail (AXON_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  axon_window_show_page (self, AXON_WINDOW_PAGE_DISTRIBUTIONS);
  if (!axon_distribution_page_open_run (self->distribution_page, path))
    {
      const char *error = axon_distribution_page_get_error (self->distribution_page);
      g_autofree char *message = NULL;
      g_autofree char *name = g_filename_display_name (path);

      /* The page keeps the line at its top; the toast says it where the eye is. */
      message = error != NULL ? g_strdup (error)
                              : g_strdup_printf (_("Could not open the run “%s”"), name);
      axon_window_add_toast (self, message);
      return FALSE;
    }
  return TRUE;
}

void
axon_window_show_run (AxonWindow *self,
                      AxonRun    *run)
{
  g_return_if_fail (AXON_IS_WINDOW (self));
  g_return_if_fail (run != NULL);

  axon_distribution_page_set_run (self->distribution_page, run);
  axon_window_show_page (self, AXON_WINDOW_PAGE_DISTRIBUTIONS);
}

AdwViewStack *
axon_window_get_stack (AxonWindow *self)
{
  g_return_val_if_fail (AXON_IS_WINDOW (self), NULL);
  return self->stack;
}

void
axon_window_add_toast (AxonWindow *self,
                       const char *message)
{
  AdwToast *toast;

  g_return_if_fail (AXON_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Settings come from the application, which GObject sets only after construction. */
static void
attach_settings (AxonWindow *self,
                 GSettings  *settings)
{
  self->settings = g_object_ref (settings);
  restore_state (self);
  g_signal_connect_object (self->settings, "changed::presentation",
                           G_CALLBACK (axon_window_update_presentation), self,
                           G_CONNECT_SWAPPED);
  axon_window_update_presentation (self);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_page_changed), self, G_CONNECT_SWAPPED);
}

static void
axon_window_dispose (GObject *object)
{
  AxonWindow *self = AXON_WINDOW (object);

  /* Pages leaving the stack must not overwrite the page saved on close. */
  if (self->stack != NULL)
    g_signal_handlers_disconnect_by_func (self->stack, on_visible_page_changed, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), AXON_TYPE_WINDOW);
  G_OBJECT_CLASS (axon_window_parent_class)->dispose (object);
}

static void
axon_window_finalize (GObject *object)
{
  AxonWindow *self = AXON_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (axon_window_parent_class)->finalize (object);
}

static void
axon_window_class_init (AxonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = axon_window_dispose;
  object_class->finalize = axon_window_finalize;
  window_class->close_request = axon_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/axonviz/Axon/ui/axon-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AxonWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AxonWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AxonWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AxonWindow, menu_button);
}

static void
axon_window_init (AxonWindow *self)
{
  g_type_ensure (AXON_TYPE_EXPLORE_PAGE);
  g_type_ensure (AXON_TYPE_DISTRIBUTION_PAGE);
  g_type_ensure (AXON_TYPE_COMPARE_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  add_pages (self);
  axon_window_install_actions (self);
}

AxonWindow *
axon_window_new (AxonApplication *application)
{
  AxonWindow *self;

  g_return_val_if_fail (AXON_IS_APPLICATION (application), NULL);

  self = g_object_new (AXON_TYPE_WINDOW, "application", application, NULL);
  attach_settings (self, axon_application_get_settings (application));
  return self;
}
