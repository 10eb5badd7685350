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

static AxonWindow *
ensure_window (AxonApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!AXON_IS_WINDOW (window))
    window = GTK_WINDOW (axon_window_new (self));
  gtk_window_present (window);
  return AXON_WINDOW (window);
}

static void
axon_application_activate (GApplication *app)
{
  ensure_window (AXON_APPLICATION (app));
}

/* `axon RUN_DIR` and `axon --open RUN`: the window on the Distributions page with the run.
 * A bad path is one line on stderr and in the window; the window opens all the same. */
static void
axon_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  AxonWindow *window = ensure_window (AXON_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *message = NULL;

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          message = g_strdup_printf (_("“%s” is not a local folder; runs open from local "
                                       "folders only"), uri);
          axon_window_show_page (window, AXON_WINDOW_PAGE_DISTRIBUTIONS);
          axon_window_add_toast (window, message);
        }
      else if (!axon_window_open_run (window, path))
        {
          const char *error =
            axon_distribution_page_get_error (axon_window_get_distribution_page (window));

          message = g_strdup (error != NULL ? error : path);
        }
      if (message != NULL)
        {
          g_strdelimit (message, "\n\r", ' ');
          g_printerr ("axon: %s\n", message);
        }
    }
}

static int
axon_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  const char *run = NULL;

  if (g_variant_dict_lookup (options, "open", "^&ay", &run))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (run);
      g_autoptr (GError) error = NULL;

      /* Registered here so that a running Axon (the primary instance) gets the run. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("axon: %s\n", error->message);
          return EXIT_FAILURE;
        }
      g_application_open (app, &file, 1, "");
    }
  return -1; /* carry on: activation presents the window */
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
  app_class->open = axon_application_open;
  app_class->handle_local_options = axon_application_handle_local_options;
}

static void
axon_application_init (AxonApplication *self)
{
  /* Translated here, at run time: GApplication's option group has no gettext domain. */
  g_application_add_main_option (G_APPLICATION (self), "open", 'o', G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open the recorded run RUN (a folder of TensorBoard event "
                                   "files) in the Distributions page"),
                                 _("RUN"));
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[RUN…]"));
  g_application_set_option_context_summary (
    G_APPLICATION (self),
    _("Without a subcommand, opens the Axon window.\n"
      "A RUN (a folder of TensorBoard event files) opens in its Distributions page.\n"
      "With a subcommand, runs it without a window: axon SUBCOMMAND [OPTION…]"));
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
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/axonviz/Axon",
                       NULL);
}
