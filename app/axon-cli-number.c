/* axon-cli-number.c: shortest round-trip formatting of numbers for `axon list` and `eval`. */
#include "axon-cli-number.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Shortest decimal of value that reads back as itself: at most max_digits significant
 * digits; read back as a float when as_float. */
static char *
format_shortest (char     buffer[AXON_CLI_NUMBER_BUF_SIZE],
                 double   value,
                 int      max_digits,
                 gboolean as_float)
{
  char format[8];
  int digits;
  int exponent;

  if (isnan (value) || isinf (value))
    {
      g_strlcpy (buffer, isnan (value) ? "nan" : value > 0 ? "inf" : "-inf",
                 AXON_CLI_NUMBER_BUF_SIZE);
      return buffer;
    }

  /* The fewest significant digits that read back as value. strtof, not (float) of a
   * double, so the decimal is rounded once; subcommands run with LC_NUMERIC=C. */
  for (digits = 1; digits < max_digits; digits++)
    {
      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      g_ascii_formatd (buffer, AXON_CLI_NUMBER_BUF_SIZE, format, value);
      if (as_float ? strtof (buffer, NULL) == (float) value
                   : g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_snprintf (format, sizeof format, "%%.%de", digits - 1);
  g_ascii_formatd (buffer, AXON_CLI_NUMBER_BUF_SIZE, format, value);
  exponent = atoi (strchr (buffer, 'e') + 1);

  /* Then %.17g's choice of notation, so 20 prints "20" and not %.1g's "2e+01". */
  if (exponent >= -4 && exponent < 17)
    g_snprintf (format, sizeof format, "%%.%df", MAX (digits - 1 - exponent, 0));
  else
    g_snprintf (format, sizeof format, "%%.%dg", digits); /* "1e+20", "1.5e-07" */
  g_ascii_formatd (buffer, AXON_CLI_NUMBER_BUF_SIZE, format, value);
  return buffer;
}

char *
axon_cli_format_shortest (char   buffer[AXON_CLI_NUMBER_BUF_SIZE],
                          double value)
{
  return format_shortest (buffer, value, 17, FALSE);
}

char *
axon_cli_format_shortest_float (char  buffer[AXON_CLI_NUMBER_BUF_SIZE],
                                float value)
{
  return format_shortest (buffer, value, 9, TRUE);
}
