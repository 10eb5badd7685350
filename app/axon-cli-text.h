/* axon-cli-text.h: columns of the headless subcommands' tables, by display width.
 *
 * printf's "%-9s" pads to a count of bytes: a Cyrillic letter takes two bytes and one
 * terminal column, a CJK ideograph three bytes and two columns, so translated tables lose
 * their alignment. These count columns as a terminal draws them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AXON_CLI_ALIGN_LEFT,
  AXON_CLI_ALIGN_RIGHT,
} AxonCliAlign;

/* Terminal columns of UTF-8 text: 2 for a wide (East Asian) character, 0 for combining
 * marks and other zero-width characters, 1 otherwise. NULL is 0. */
int axon_cli_text_width (const char *text);

/* Appends text to out, padded with spaces to at least columns display columns (nothing
 * is cut when text is wider). */
void axon_cli_text_append_padded (GString     *out,
                                  const char  *text,
                                  int          columns,
                                  AxonCliAlign align);

G_END_DECLS
