/* axon-cli-text.c: padding by display width. */
#include "axon-cli-text.h"

int
axon_cli_text_width (const char *text)
{
  int width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
axon_cli_text_append_padded (GString     *out,
                             const char  *text,
                             int          columns,
                             AxonCliAlign align)
{
  int pad = MAX (columns - axon_cli_text_width (text), 0);

  if (align == AXON_CLI_ALIGN_RIGHT)
    g_string_append_printf (out, "%*s", pad, "");
  g_string_append (out, text != NULL ? text : "");
  if (align == AXON_CLI_ALIGN_LEFT)
    g_string_append_printf (out, "%*s", pad, "");
}
