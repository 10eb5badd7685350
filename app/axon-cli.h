/* axon-cli.h: the headless subcommands of the `axon` binary. They never need a display. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Every subcommand: argv[0] is the subcommand's own name; returns the exit status. */
typedef int (*AxonCommandFunc) (int    argc,
                                char **argv);

typedef struct
{
  const char *name;
  const char *summary; /* N_() */
  AxonCommandFunc run;
} AxonCommand;

/* The subcommand named name, or NULL. */
const AxonCommand *axon_cli_find (const char *name);
/* Prints "axon: message" on stderr as one line; always returns 2, the usage-error status. */
int axon_cli_fail (const char *format,
                   ...) G_GNUC_PRINTF (1, 2);
/* "Subcommands:", one line per subcommand with its summary, and a pointer to their --help;
 * translated, no trailing newline. `axon help` and the window's `axon --help` print it. */
char *axon_cli_dup_command_list (void);
/* `axon help`: lists the subcommands. */
int axon_cli_help (int    argc,
                   char **argv);
/* `axon list`, `axon eval`, `axon bench` (axon-cmd-list.c, axon-cmd-eval.c, axon-cmd-bench.c). */
int axon_cmd_list (int    argc,
                   char **argv);
int axon_cmd_eval (int    argc,
                   char **argv);
int axon_cmd_bench (int    argc,
                    char **argv);
/* `axon run show|export RUN` (axon-cmd-run.c). */
int axon_cmd_run (int    argc,
                  char **argv);
/* `axon train` (axon-cmd-train.c). */
int axon_cmd_train (int    argc,
                    char **argv);
/* `axon plot NAMES … -o FILE` (axon-cmd-plot.c). */
int axon_cmd_plot (int    argc,
                   char **argv);
/* `axon surface RUN --tag TAG … -o FILE` (axon-cmd-surface.c). */
int axon_cmd_surface (int    argc,
                      char **argv);
/* `axon compare --acts … --out DIR` (axon-cmd-compare.c). */
int axon_cmd_compare (int    argc,
                      char **argv);

G_END_DECLS
