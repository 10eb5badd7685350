/* axon-csv-json.h: the fields every CSV and JSON file Axon writes is made of.
 *
 * One spelling for every exporter (run histories, plot samples, `axon train --json`,
 * `axon bench`): RFC 4180 CSV fields, JSON string literals, and numbers as %.17g with a
 * '.' whatever the locale, so doubles read back exactly. CSV spells non-finite numbers
 * "nan", "inf", "-inf"; JSON has none of them and writes null.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* text as it is, or in double quotes (quotes doubled) when it holds a comma, a quote, CR
 * or LF. */
void axon_csv_append_field (GString    *out,
                            const char *text);
/* %.17g, or "nan", "inf", "-inf". */
void axon_csv_append_double (GString *out,
                             double   value);

/* A JSON string literal: quotes, backslashes and control characters escaped, bytes that
 * are not UTF-8 replaced by U+FFFD, so the file stays valid JSON whatever a tag or a
 * path holds. */
void axon_json_append_string (GString    *out,
                              const char *text);
/* %.17g, or null for NaN and infinities. */
void axon_json_append_double (GString *out,
                              double   value);

G_END_DECLS
