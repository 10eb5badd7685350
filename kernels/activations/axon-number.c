/* axon-number.c: shortest round-trip formatting of doubles and floats. */
#include "axon-number.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* strtof in the C locale, so "0.1" reads as 0.1 in every locale; g_ascii_strtod then
 * (float) would round twice. */
static float
ascii_strtof (const char *text)
{
  static gsize c_locale = 0;
  locale_t previous;
  float value;

  if (g_once_init_enter (&c_locale))
    {
      locale_t c = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);

      g_once_init_leave (&c_locale, (gsize) (c != (locale_t) 0 ? c : LC_GLOBAL_LOCALE));
    }
  previous = uselocale ((locale_t) c_locale);
  value = strtof (text, NULL);
  uselocale (previous);
  return value;
}

/* Shortest decimal of value that reads back as itself: at most max_digits significant
 * digits (17 always suffice for a double, 9 for a float); read back as a float when
 * as_float. */
static char *
format_shortest (char     buffer[AXON_NUMBER_BUF_SIZE],
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
                 AXON_NUMBER_BUF_SIZE);
      return buffer;
    }

  /* The fewest significant digits that read back as value. */
  for (digits = 1; digits < max_digits; digits++)
    {
      g_snprintf (format, sizeof format, "%%.%de", digits - 1);
      g_ascii_formatd (buffer, AXON_NUMBER_BUF_SIZE, format, value);
      if (as_float ? ascii_strtof (buffer) == (float) value
                   : g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_snprintf (format, sizeof format, "%%.%de", digits - 1);
  g_ascii_formatd (buffer, AXON_NUMBER_BUF_SIZE, format, value);
  exponent = atoi (strchr (buffer, 'e') + 1);

  /* Then %.17g's choice of notation, so 20 prints "20" and not %.1e's "2e+01". */
  if (exponent >= -4 && exponent < 17)
    g_snprintf (format, sizeof format, "%%.%df", MAX (digits - 1 - exponent, 0));
  else
    g_snprintf (format, sizeof format, "%%.%dg", digits); /* "1e+20", "1.5e-07" */
  g_ascii_formatd (buffer, AXON_NUMBER_BUF_SIZE, format, value);
  return buffer;
}

char *
axon_format_shortest (char   buffer[AXON_NUMBER_BUF_SIZE],
                      double value)
{
  return format_shortest (buffer, value, 17, FALSE);
}

char *
axon_format_shortest_float (char  buffer[AXON_NUMBER_BUF_SIZE],
                            float value)
{
  return format_shortest (buffer, value, 9, TRUE);
}
