/* axon-application.c: the application's lifecycle. */
#include "axon-application-private.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "axon-window.h"

G_DEFINE_FINAL_TYPE (AxonApplication, axon_application, ADW_TYPE_APPLICATION)

/* The installed schema, or, when Axon runs from its build tree (build-aux/quickstart run),
 * the one compiled there. */
static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, AXON_APPLICATION_ID, TRUE);
#ifdef AXON_BUILD_SCHEMA_DIR
  if (schema == NULL
      && g_file_test (AXON_BUILD_SCHEMA_DIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    {
      g_autoptr (GSettingsSchemaSource) local =
        g_settings_schema_source_new_from_directory (AXON_BUILD_SCHEMA_DIR, source, FALSE,
                                                     NULL);

      if (local != NULL)
        schema = g_settings_schema_source_lookup (local, AXON_APPLICATION_ID, FALSE);
    }
#endif
  return schema;
}

static void
update_color_scheme (AxonApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,     /* system: follow the desktop's preference */
    ADW_COLOR_SCHEME_FORCE_LIGHT, /* light */
    ADW_COLOR_SCHEME_FORCE_DARK,  /* dark */
  };
  guint variant = (guint) g_settings_get_enum (self->settings, "style-variant");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (variant, G_N_ELEMENTS (schemes) - 1)]);
}

static void
axon_application_startup (GApplication *app)
{
  AxonApplication *self = AXON_APPLICATION (app);
  g_autoptr (GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (axon_application_parent_class)->startup (app);

  schema = lookup_schema ();
  if (schema == NULL)
    {
      /* Nothing sensible can run without the keys; say what is missing and where. */
      g_printerr ("axon: %s\n",
                  _("The settings schema io.github.axonviz.Axon is not installed; install "
                    "Axon or set GSETTINGS_SCHEMA_DIR to the folder of its compiled schema"));
      exit (EXIT_FAILURE);
    }
  self->settings = g_settings_new_full (schema, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::style-variant",
                           G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);
  update_color_scheme (self);

  axon_application_install_actions (self);
}

static void
axon_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (axon_window_new (AXON_APPLICATION (app)));
  gtk_window_present (window);
}

static void
axon_application_finalize (GObject *object)
{
  AxonApplication *self = AXON_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (axon_application_parent_class)->finalize (object);
}

static void
axon_application_class_init (AxonApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = axon_application_finalize;
  app_class->startup = axon_application_startup;
  app_class->activate = axon_application_activate;
}

static void
axon_application_init (AxonApplication *self)
{
}

GSettings *
axon_application_get_settings (AxonApplication *self)
{
  g_return_val_if_fail (AXON_IS_APPLICATION (self), NULL);
  return self->settings;
}

AxonApplication *
axon_application_new (void)
{
  return g_object_new (AXON_TYPE_APPLICATION,
                       "application-id", AXON_APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/axonviz/Axon",
                       NULL);
}
