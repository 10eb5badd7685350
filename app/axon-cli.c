/* axon-cli.c: the table of subcommands and the helpers they share. */
#include "axon-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

static const AxonCommand commands[] = {
  { "help", N_("List the subcommands"), axon_cli_help },
};

const AxonCommand *
axon_cli_find (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

int
axon_cli_fail (const char *format,
               ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* One line, whatever the message held. */
  g_strdelimit (message, "\n\r", ' ');
  fprintf (stderr, "axon: %s\n", message);
  return 2;
}

int
axon_cli_help (int    argc,
               char **argv)
{
  printf ("%s\n", _("Usage: axon [SUBCOMMAND] [OPTION…]"));
  printf ("%s\n\n", _("Without a subcommand, opens the Axon window."));
  printf ("%s\n", _("Subcommands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    printf ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  printf ("\n%s\n", _("Run “axon SUBCOMMAND --help” for the options of each."));
  return 0;
}
