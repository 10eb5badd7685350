/* axon-cmd-list.c: `axon list`, the catalogue as lines for scripts.
 *
 * One line per canonical activation, in catalogue order: name, a tab, then the parameters
 * at their defaults as key=value joined by commas (shortest text that reads back as the
 * same double); nothing after the tab when the activation has no parameter.
 */
#include "axon-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "axon-registry.h"

int
axon_cmd_list (int    argc,
               char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;

  g_set_prgname ("axon list");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Prints every canonical activation, one per line: its name, "
                                  "a tab, then its parameters at their defaults as "
                                  "key=value,key=value (nothing after the tab when it has "
                                  "none). Aliases are accepted by “axon eval” but not listed."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("list: %s", error->message);
  if (argc > 1)
    return axon_cli_fail (_("list: unexpected argument “%s”"), argv[1]);

  for (int id = 0; id < AXON_N_ACTIVATIONS; id++)
    {
      const AxonActivation *activation = axon_activation_get (id);
      g_autofree char *params = NULL;
      AxonParams defaults;

      axon_params_init_default (activation, &defaults);
      params = axon_params_to_string (activation, &defaults);
      printf ("%s\t%s\n", activation->name, params);
    }
  return 0;
}
