/* axon-csv-json.c: CSV fields, JSON literals, round-trip numbers. */
#include "axon-csv-json.h"

#include <math.h>
#include <string.h>

void
axon_csv_append_field (GString    *out,
                       const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_finite (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.17g", value));
}

void
axon_csv_append_double (GString *out,
                        double   value)
{
  if (isnan (value))
    g_string_append (out, "nan");
  else if (isinf (value))
    g_string_append (out, value > 0 ? "inf" : "-inf");
  else
    append_finite (out, value);
}

void
axon_json_append_string (GString    *out,
                         const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  g_string_append_c (out, '"');
  for (const guchar *p = (const guchar *) valid; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) *p);
        }
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, (char) *p);
    }
  g_string_append_c (out, '"');
}

void
axon_json_append_double (GString *out,
                         double   value)
{
  if (isfinite (value))
    append_finite (out, value);
  else
    g_string_append (out, "null");
}
