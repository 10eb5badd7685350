/* axon-window-actions.c: the win.* actions. Accelerators are set in the application. */
#include "axon-window-private.h"

#include <glib/gi18n.h>

#include "axon-export-dialog.h"
#include "axon-train-dialog.h"

/* Ctrl+plus and Ctrl+minus zoom by this factor. */
#define ZOOM_STEP 1.5

static void
show_explore (AxonWindow *self)
{
  adw_view_stack_set_visible_child (self->stack, GTK_WIDGET (self->explore_page));
}

static void
export_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AxonWindow *self = user_data;
  AxonExportDialog *dialog;
  const char *page = adw_view_stack_get_visible_child_name (self->stack);

  /* The figure of the page in view: the run's surface, or the activation plot. */
  if (g_strcmp0 (page, AXON_WINDOW_PAGE_DISTRIBUTIONS) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->distribution_page), "distribution.export",
                                  "s", "png");
      return;
    }
  show_explore (self);
  dialog = axon_export_dialog_new (GTK_WINDOW (self), self->explore_page, self->settings);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  AxonWindow *self = user_data;

  show_explore (self);
  axon_explore_page_focus_search (self->explore_page);
}

static void
zoom_in_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  AxonWindow *self = user_data;

  axon_plot_view_zoom (axon_explore_page_get_plot_view (self->explore_page), ZOOM_STEP);
}

static void
zoom_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AxonWindow *self = user_data;

  axon_plot_view_zoom (axon_explore_page_get_plot_view (self->explore_page), 1 / ZOOM_STEP);
}

static void
reset_view_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  AxonWindow *self = user_data;

  axon_plot_view_reset (axon_explore_page_get_plot_view (self->explore_page));
}

static void
open_run_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  AxonWindow *self = user_data;

  axon_window_show_page (self, AXON_WINDOW_PAGE_DISTRIBUTIONS);
  gtk_widget_activate_action (GTK_WIDGET (self->distribution_page), "distribution.open", NULL);
}

/* A training just finished: its run goes to the Distributions page. */
static void
on_train_finished (AxonTrainDialog *dialog,
                   AxonRun         *run,
                   AxonWindow      *self)
{
  if (run != NULL)
    axon_window_show_run (self, run);
}

static void
train_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AxonWindow *self = user_data;
  AxonTrainDialog *dialog = axon_train_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_train_finished), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Lets any widget of the window show a toast: win.toast("message"). */
static void
toast_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  axon_window_add_toast (AXON_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

static const GActionEntry win_entries[] = {
  { "export", export_activated, NULL, NULL, NULL, { 0 } },
  { "search", search_activated, NULL, NULL, NULL, { 0 } },
  { "zoom-in", zoom_in_activated, NULL, NULL, NULL, { 0 } },
  { "zoom-out", zoom_out_activated, NULL, NULL, NULL, { 0 } },
  { "reset-view", reset_view_activated, NULL, NULL, NULL, { 0 } },
  { "train", train_activated, NULL, NULL, NULL, { 0 } },
  { "open-run", open_run_activated, NULL, NULL, NULL, { 0 } },
  { "toast", toast_activated, "s", NULL, NULL, { 0 } },
};

/* Export has nothing to do on the Compare page (it has its own export buttons). */
static void
update_export_enabled (AxonWindow *self)
{
  GAction *export = g_action_map_lookup_action (G_ACTION_MAP (self), "export");
  const char *page = adw_view_stack_get_visible_child_name (self->stack);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (export),
                               g_strcmp0 (page, AXON_WINDOW_PAGE_COMPARE) != 0);
}

void
axon_window_install_actions (AxonWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries),
                                   self);
  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (update_export_enabled), self, G_CONNECT_SWAPPED);
  update_export_enabled (self);
}
