/* axon-cmd-eval.c: `axon eval NAME [-p KEY=VALUE]… [--f32]`, values for scripts and tests.
 *
 * Reads x values from stdin, one per line, and prints x<TAB>f(x)<TAB>f'(x) per value.
 * Default: the scalar float64 path, printed with %.17g. With --f32: x is rounded to float
 * and goes through the batch float32 kernels, in blocks, and all three columns are printed
 * as the shortest decimal that reads back as the same float. NaN always prints as "nan".
 * Blank lines are skipped. Every usage error is one line on stderr and exit status 2;
 * what was computed before a bad input line is printed before the error.
 */
#include "axon-cli.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "axon-number.h"
#include "axon-registry.h"

/* Values evaluated per call of a float32 kernel with --f32. */
#define F32_BLOCK 4096

typedef struct
{
  const AxonActivation *activation;
  AxonParams params;
  float x[F32_BLOCK];
  float y[F32_BLOCK];
  float dy[F32_BLOCK];
  size_t n;
} F32Block;

/* "inf", "-inf", "nan" (never "-nan": a NaN's sign means nothing here), or %.17g. */
static void
print_f64 (double value)
{
  if (isnan (value))
    fputs ("nan", stdout);
  else
    printf ("%.17g", value);
}

/* The shortest decimal that reads back as the same float; "nan", "inf", "-inf". */
static void
print_f32 (float value)
{
  char buffer[AXON_NUMBER_BUF_SIZE];

  fputs (axon_format_shortest_float (buffer, value), stdout);
}

static void
flush_f32_block (F32Block *block)
{
  if (block->n == 0)
    return;
  block->activation->f32 (block->n, block->x, block->y, &block->params);
  block->activation->df32 (block->n, block->x, block->dy, &block->params);
  for (size_t i = 0; i < block->n; i++)
    {
      print_f32 (block->x[i]);
      putchar ('\t');
      print_f32 (block->y[i]);
      putchar ('\t');
      print_f32 (block->dy[i]);
      putchar ('\n');
    }
  block->n = 0;
}

/* Parses one stripped, non-empty input line; FALSE when it is not a number. */
static gboolean
parse_x (const char *text,
         double     *x)
{
  char *end = NULL;

  /* g_ascii_strtod reads decimal and hex floats and, in any case, inf, infinity and nan,
   * with an optional sign, whatever the locale. Magnitudes beyond double round to +-inf
   * or 0 as strtod does. */
  *x = g_ascii_strtod (text, &end);
  return end != text && *end == '\0';
}

int
axon_cmd_eval (int    argc,
               char **argv)
{
  g_auto (GStrv) assignments = NULL;
  gboolean f32 = FALSE;
  const GOptionEntry entries[] = {
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &assignments,
      N_("Set a parameter (repeat for several), e.g. -p alpha=0.2; unset ones keep their "
         "default (see “axon list”); the value must be a number within the parameter's "
         "range"), N_("KEY=VALUE") },
    { "f32", 0, 0, G_OPTION_ARG_NONE, &f32,
      N_("Round x to float32 and evaluate through the batch float32 kernels (used for "
         "training and benchmarks) instead of the float64 scalar path"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree F32Block *block = NULL;
  g_autofree char *line = NULL;
  size_t line_size = 0;
  guint64 line_number = 0;
  const AxonActivation *activation;
  const char *name;
  AxonParams params;

  g_set_prgname ("axon eval");
  context = g_option_context_new (_("NAME"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Evaluates the activation NAME (a canonical name from "
                                  "“axon list” or an alias such as silu or GELU, in any case) "
                                  "and its derivative at the x values read from standard "
                                  "input, one per line."));
  g_option_context_set_description (context,
                                    _("Input: one number per line (decimal or hex, or inf, "
                                      "-inf, +inf, infinity, nan in any case); blanks around "
                                      "it are ignored and blank lines are skipped.\n"
                                      "Output: one line per number, x<TAB>f(x)<TAB>f'(x). "
                                      "Float64 path: each printed with %.17g. With --f32: x "
                                      "is first rounded to float, and all three are printed "
                                      "as the shortest decimal that reads back as the same "
                                      "float. NaN prints as “nan”, infinities as “inf” and "
                                      "“-inf”.\n"
                                      "Exit status 2 with one line on standard error for an "
                                      "unknown name, an unknown, fixed or out-of-range "
                                      "parameter, or an input line that is not a number; "
                                      "the values before that line are printed first."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("eval: %s", error->message);
  if (argc < 2)
    return axon_cli_fail (_("eval: missing activation NAME (see “axon list”)"));
  if (argc > 2)
    return axon_cli_fail (_("eval: unexpected argument “%s” after NAME “%s”"), argv[2],
                          argv[1]);
  name = argv[1];

  activation = axon_activation_resolve (name, (const char *const *) assignments, &params,
                                        NULL, &error);
  if (activation == NULL)
    return axon_cli_fail ("eval: %s", error->message);

  if (f32)
    {
      if (activation->f32 == NULL || activation->df32 == NULL)
        return axon_cli_fail (_("eval: %s has no float32 kernel"), activation->name);
      block = g_new0 (F32Block, 1);
      block->activation = activation;
      block->params = params;
    }

  while (getline (&line, &line_size, stdin) >= 0)
    {
      const char *text;
      double x;

      line_number++;
      text = g_strstrip (line);
      if (*text == '\0')
        continue;

      if (!parse_x (text, &x))
        {
          if (block != NULL)
            flush_f32_block (block);
          fflush (stdout);
          return axon_cli_fail (_("eval: line %" PRIu64 ": “%s” is not a number"),
                                (uint64_t) line_number, text);
        }

      if (block != NULL)
        {
          block->x[block->n++] = (float) x;
          if (block->n == F32_BLOCK)
            flush_f32_block (block);
        }
      else
        {
          print_f64 (x);
          putchar ('\t');
          print_f64 (activation->f64 (x, &params));
          putchar ('\t');
          print_f64 (activation->df64 (x, &params));
          putchar ('\n');
        }
    }

  if (block != NULL)
    flush_f32_block (block);
  if (ferror (stdin))
    {
      fflush (stdout);
      return axon_cli_fail (_("eval: cannot read standard input: %s"), g_strerror (errno));
    }
  if (fflush (stdout) != 0 || ferror (stdout))
    return axon_cli_fail (_("eval: cannot write standard output: %s"), g_strerror (errno));
  return 0;
}
