/* axon-cli-number.c: whole-string parsers of option values. */
#include "axon-cli-number.h"

#include <math.h>
#include <string.h>

gboolean
axon_cli_parse_double (const char *text,
                       double      lo,
                       double      hi,
                       double     *value)
{
  char *end = NULL;
  double v;

  if (text == NULL || *text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v) || v < lo || v > hi)
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
axon_cli_parse_range (const char *text,
                      double     *lo,
                      double     *hi)
{
  g_autofree char *a = NULL;
  const char *colon;
  double l, h;

  if (text == NULL || *text == '\0')
    return FALSE;
  /* The separator is the first ':' after a leading sign ("-5:5"). */
  colon = strchr (text + 1, ':');
  if (colon == NULL)
    return FALSE;
  a = g_strndup (text, colon - text);
  if (!axon_cli_parse_double (a, -G_MAXDOUBLE, G_MAXDOUBLE, &l)
      || !axon_cli_parse_double (colon + 1, -G_MAXDOUBLE, G_MAXDOUBLE, &h) || !(l < h))
    return FALSE;
  *lo = l;
  *hi = h;
  return TRUE;
}

/* A decimal integer, the whole of [text, text + len), within [min, max]. */
static gboolean
parse_side (const char *text,
            gsize       len,
            int         min,
            int         max,
            int        *out)
{
  g_autofree char *copy = g_strndup (text, len);
  guint64 v;

  if (!g_ascii_string_to_unsigned (copy, 10, (guint64) MAX (min, 0), (guint64) MAX (max, 0),
                                   &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

gboolean
axon_cli_parse_size (const char *text,
                     int         min_side,
                     int         max_side,
                     int        *width,
                     int        *height)
{
  const char *x;
  int w, h;

  if (text == NULL)
    return FALSE;
  x = strpbrk (text, "xX");
  if (x == NULL || !parse_side (text, x - text, min_side, max_side, &w)
      || !parse_side (x + 1, strlen (x + 1), min_side, max_side, &h))
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}
