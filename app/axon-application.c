/* axon-application.c: the application's lifecycle. */
#include "axon-application.h"

#include <glib/gi18n.h>

struct _AxonApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (AxonApplication, axon_application, ADW_TYPE_APPLICATION)

static void
axon_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Axon"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Explore neural-network activation functions"));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), status);
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
      gtk_window_set_title (window, _("Axon"));
      gtk_window_set_default_size (window, 1100, 720);
    }
  gtk_window_present (window);
}

static void
axon_application_class_init (AxonApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = axon_application_activate;
}

static void
axon_application_init (AxonApplication *self)
{
}

AxonApplication *
axon_application_new (void)
{
  return g_object_new (AXON_TYPE_APPLICATION,
                       "application-id", AXON_APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
