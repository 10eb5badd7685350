/* axon-cmd-run.c: `axon run show RUN`, `axon run export RUN ...`: recorded histories. */
#include "axon-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "axon-cli-text.h"
#include "axon-run.h"

static const char *
kind_name (AxonRunTagKind kind)
{
  switch (kind)
    {
    case AXON_RUN_TAG_SCALAR:
      return _("scalar");
    case AXON_RUN_TAG_HISTOGRAM:
      return _("histogram");
    default:
      return "";
    }
}

static const char *
role_name (AxonTagRole role)
{
  switch (role)
    {
    case AXON_TAG_ROLE_WEIGHTS:
      return _("weights");
    case AXON_TAG_ROLE_GRADIENTS:
      return _("gradients");
    default:
      return "";
    }
}

static void
print_warnings (const AxonRun *run,
                FILE          *out,
                const char    *prefix)
{
  for (size_t i = 0; i < axon_run_get_n_warnings (run); i++)
    fprintf (out, "%s%s\n", prefix, axon_run_get_warning (run, i)->message);
}

/* The "N steps" column of a tag, and its first and last step. */
static char *
steps_text (const AxonRun *run,
            const char    *tag,
            gint64        *first,
            gint64        *last)
{
  size_t n = 0;

  axon_run_get_step_range (run, tag, &n, first, last);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%zu step", "%zu steps", n), n);
}

static int
run_show (const AxonRun *run)
{
  g_auto (GStrv) layers = axon_run_dup_layers (run);
  g_auto (GStrv) tags = axon_run_dup_tags (run);
  g_autoptr (GString) line = g_string_new (NULL);
  /* Columns as wide as their widest entry, in display columns (translated words are longer
   * than the English ones, and CJK characters take two columns). */
  int tag_width = 0, kind_width = 0, role_width = 0, steps_width = 0;
  size_t n_warnings = axon_run_get_n_warnings (run);

  for (char **t = tags; *t != NULL; t++)
    {
      gint64 first, last;
      g_autofree char *steps = steps_text (run, *t, &first, &last);

      tag_width = MAX (tag_width, axon_cli_text_width (*t));
      kind_width = MAX (kind_width,
                        axon_cli_text_width (kind_name (axon_run_get_tag_kind (run, *t))));
      role_width = MAX (role_width,
                        axon_cli_text_width (role_name (axon_tag_parse (*t, NULL, NULL))));
      steps_width = MAX (steps_width, axon_cli_text_width (steps));
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "Run %s: %u tag\n", "Run %s: %u tags\n",
                       axon_run_get_n_tags (run)),
          axon_run_get_source (run), axon_run_get_n_tags (run));
  for (char **layer = layers; *layer != NULL; layer++)
    {
      g_auto (GStrv) layer_tags = axon_run_dup_layer_tags (run, *layer, AXON_TAG_ROLE_ANY);

      printf (_("Layer %s\n"), *layer);
      for (char **t = layer_tags; *t != NULL; t++)
        {
          gint64 first = 0, last = 0;
          AxonTagRole role = axon_tag_parse (*t, NULL, NULL);
          g_autofree char *steps = steps_text (run, *t, &first, &last);

          g_string_assign (line, "  ");
          axon_cli_text_append_padded (line, *t, tag_width, AXON_CLI_ALIGN_LEFT);
          g_string_append (line, "  ");
          axon_cli_text_append_padded (line, kind_name (axon_run_get_tag_kind (run, *t)),
                                       kind_width, AXON_CLI_ALIGN_LEFT);
          g_string_append (line, "  ");
          axon_cli_text_append_padded (line, role_name (role), role_width,
                                       AXON_CLI_ALIGN_LEFT);
          g_string_append (line, "  ");
          axon_cli_text_append_padded (line, steps, steps_width, AXON_CLI_ALIGN_RIGHT);
          g_string_append_printf (line, "  %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT "\n",
                                  first, last);
          fputs (line->str, stdout);
        }
    }
  if (n_warnings > 0)
    {
      printf (g_dngettext (GETTEXT_PACKAGE, "%zu warning:\n", "%zu warnings:\n", n_warnings),
              n_warnings);
      print_warnings (run, stdout, "  ");
    }
  return 0;
}

static int
run_export (const AxonRun *run,
            char         **tags,
            const char    *format,
            const char    *output)
{
  g_autoptr (GError) error = NULL;
  gboolean json;
  gboolean ok;

  if (output == NULL)
    return axon_cli_fail (_("run export needs --output FILE"));
  if (format == NULL)
    {
      g_autofree char *lower = g_ascii_strdown (output, -1);

      json = g_str_has_suffix (lower, ".json");
    }
  else if (g_ascii_strcasecmp (format, "json") == 0)
    json = TRUE;
  else if (g_ascii_strcasecmp (format, "csv") == 0)
    json = FALSE;
  else
    return axon_cli_fail (_("Unknown format “%s” (use csv or json)"), format);

  print_warnings (run, stderr, "axon: warning: ");
  if (json)
    ok = axon_run_export_json (run, (const char *const *) tags, output, &error);
  else
    ok = axon_run_export_csv (run, (const char *const *) tags, output, &error);
  if (!ok)
    return axon_cli_fail ("%s", error->message);
  return 0;
}

int
axon_cmd_run (int    argc,
              char **argv)
{
  g_auto (GStrv) tags = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  const GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING_ARRAY, &tags,
      N_("export: a tag to export (repeat for several; default: every tag)"), N_("TAG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("export: csv or json (default: json if FILE ends in .json, else csv)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("export: the file to write (replaced atomically)"), N_("FILE") },
    { NULL }
  };

  g_set_prgname ("axon run");
  context = g_option_context_new (_("show RUN | export RUN --output FILE"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Recorded training histories (TensorBoard runs).\n\n"
      "RUN is a directory of events.out.tfevents.* files or one such file.\n"
      "  show    list the tags grouped by layer: kind, role, number of steps, first..last\n"
      "          step, and any damaged records (what was before them is kept)\n"
      "  export  write the series of the chosen tags as CSV or JSON\n\n"
      "CSV columns: tag,step,wall_time,value for scalars; tag,step,wall_time,min,max,num,sum,\n"
      "sum_squares,zero_count,bin,left,right,count (one row per bin) for histograms."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("%s", error->message);
  if (argc < 2)
    return axon_cli_fail (_("run needs an action: show RUN or export RUN (see axon run --help)"));
  if (!g_str_equal (argv[1], "show") && !g_str_equal (argv[1], "export"))
    return axon_cli_fail (_("Unknown run action “%s” (use show or export)"), argv[1]);
  if (argc < 3)
    return axon_cli_fail (_("run %s needs a RUN directory or event file"), argv[1]);
  if (argc > 3)
    return axon_cli_fail (_("Unexpected argument “%s”"), argv[3]);

  run = axon_run_load (argv[2], &error);
  if (run == NULL)
    return axon_cli_fail ("%s", error->message);
  if (g_str_equal (argv[1], "show"))
    return run_show (run);
  return run_export (run, tags, format, output);
}
