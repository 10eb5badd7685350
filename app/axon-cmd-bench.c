/* axon-cmd-bench.c: `axon bench SUBJECT [OPTION…]`, a dispatcher over benchmark subjects.
 *
 * Each subject is one row of subjects[] and one file of its own; see
 * axon-bench.h for how to add one.
 */
#include "axon-bench.h"
#include "axon-cli.h"

#include <glib/gi18n.h>

static const AxonBenchSubject subjects[] = {
  { "kernels", N_("Float32 activation kernels, forward and forward + derivative, next to "
                  "the copy bandwidth"), axon_bench_kernels },
  { "render", N_("Redraw time of the plot and surface renderers"), axon_bench_render },
  { "train", N_("Seconds of 1000 training minibatches, without and with recording"),
    axon_bench_train },
};

static const AxonBenchSubject *
find_subject (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (subjects); i++)
    if (g_str_equal (subjects[i].name, name))
      return &subjects[i];
  return NULL;
}

/* "kernels, render, train", for messages. */
static char *
subject_names (void)
{
  GString *names = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, subjects[i].name);
    }
  return g_string_free (names, FALSE);
}

int
axon_cmd_bench (int    argc,
                char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) description = NULL;
  g_autofree char *names = NULL;
  const AxonBenchSubject *subject;

  g_set_prgname ("axon bench");
  context = g_option_context_new (_("SUBJECT [OPTION…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Measures how fast one area of Axon runs and prints the "
                                  "figures. Speed is measured here, never by the tests; "
                                  "figures are noisy on a busy machine."));
  description = g_string_new (_("Subjects:"));
  g_string_append_c (description, '\n');
  for (gsize i = 0; i < G_N_ELEMENTS (subjects); i++)
    g_string_append_printf (description, "  %-10s %s\n", subjects[i].name,
                            _(subjects[i].summary));
  g_string_append_printf (description, "\n%s",
                          _("Run “axon bench SUBJECT --help” for the options of each."));
  g_option_context_set_description (context, description->str);
  /* Stop at the subject: everything after it belongs to the subject's own options. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("bench: %s", error->message);

  names = subject_names ();
  if (argc < 2)
    return axon_cli_fail (_("bench: missing SUBJECT, one of: %s (see “axon bench --help”)"),
                          names);

  subject = find_subject (argv[1]);
  if (subject == NULL)
    return axon_cli_fail (_("bench: unknown subject “%s”, expected one of: %s"),
                          argv[1], names);

  return subject->run (argc - 1, argv + 1);
}
