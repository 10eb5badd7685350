/* axon-main.c: the `axon` entry point: a headless subcommand, or the window. */
#include <glib/gi18n.h>
#include <locale.h>

#include "axon-application.h"
#include "axon-cli.h"

int
main (int    argc,
      char **argv)
{
  const AxonCommand *command;
  /* AXON_LOCALEDIR: the build tree's po/, for tests and uninstalled runs. */
  const char *localedir = g_getenv ("AXON_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands run before GTK is touched, so they work without a display. */
  if (argc > 1 && (command = axon_cli_find (argv[1])) != NULL)
    {
      /* Numbers on stdin/stdout are C-locale, whatever the user's language. */
      setlocale (LC_NUMERIC, "C");
      return command->run (argc - 1, argv + 1);
    }

  {
    g_autoptr (AxonApplication) app = axon_application_new ();
    g_autofree char *commands = axon_cli_dup_command_list ();

    /* `axon --help` lists the subcommands as well as the window's options. */
    g_application_set_option_context_description (G_APPLICATION (app), commands);
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
