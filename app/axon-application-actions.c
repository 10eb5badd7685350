/* axon-application-actions.c: app.* actions and every accelerator. */
#include "axon-application-private.h"

#include <glib/gi18n.h>

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing (rather than destroying) lets each window save its state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_application_quit (G_APPLICATION (app));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Axon developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Axon"),
                        "application-icon", AXON_APPLICATION_ID,
                        "version", AXON_VERSION,
                        "comments", _("Explore neural-network activation functions: their "
                                      "shapes, derivatives, parameters and properties."),
                        "developer-name", _("The Axon developers"),
                        "developers", developers,
                        "website", "https://github.com/axonviz/axon",
                        "issue-url", "https://github.com/axonviz/axon/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Axon developers",
                        /* Translators: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_activated, NULL, NULL, NULL, { 0 } },
  { "about", about_activated, NULL, NULL, NULL, { 0 } },
};

static const struct
{
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.presentation", { "F5", "<Control><Shift>p", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.train", { "<Control>t", NULL } },
  { "win.open-run", { "<Control>o", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.reset-view", { "<Control>0", "<Control>KP_0", NULL } },
};

void
axon_application_install_actions (AxonApplication *self)
{
  g_autoptr (GAction) presentation = NULL;
  g_autoptr (GAction) style_variant = NULL;

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries),
                                   self);
  /* Stateful actions straight from the keys: menus, toggles and settings stay in step. */
  presentation = g_settings_create_action (self->settings, "presentation");
  g_action_map_add_action (G_ACTION_MAP (self), presentation);
  style_variant = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (self), style_variant);

  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}
