/* axon-cli.c: the table of subcommands and the helpers they share. */
#include "axon-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

static const AxonCommand commands[] = {
  { "help", N_("List the subcommands"), axon_cli_help },
  { "list", N_("Print every activation and its default parameters"), axon_cmd_list },
  { "eval", N_("Evaluate an activation and its derivative at x values read from stdin"),
    axon_cmd_eval },
  { "bench", N_("Measure the speed of kernels, renderers and training"), axon_cmd_bench },
  { "run", N_("Show or export a recorded training history (TensorBoard run)"), axon_cmd_run },
  { "train", N_("Train an MLP on MNIST and record its histories"), axon_cmd_train },
  { "plot", N_("Draw activations and derivatives into a PNG, SVG or PDF file, or CSV"),
    axon_cmd_plot },
  { "surface", N_("Draw a recorded histogram series as a 3D surface, heatmap, ridges or bands"),
    axon_cmd_surface },
  { "compare", N_("Compare activations over seeds, with error bars"), axon_cmd_compare },
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

char *
axon_cli_dup_command_list (void)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n", _("Subcommands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n%s",
                          _("Run “axon SUBCOMMAND --help” for the options of each."));
  return g_string_free (text, FALSE);
}

int
axon_cli_help (int    argc,
               char **argv)
{
  g_autofree char *list = axon_cli_dup_command_list ();

  printf ("%s\n", _("Usage: axon [SUBCOMMAND] [OPTION…]"));
  printf ("%s\n\n", _("Without a subcommand, opens the Axon window."));
  printf ("%s\n", list);
  return 0;
}
