/* axon-cli-number.h: the numbers the headless subcommands read from their options.
 *
 * Whole-string parsers (C locale, '.' decimal point, nothing left over) shared by `axon
 * plot`, `surface`, `train` and `bench`, so "WxH", "A:B" and plain numbers mean the same
 * everywhere. They only say yes or no: each command words its own one-line message, which
 * names the option and the text. Numbers are printed with axon_format_shortest
 * (kernels/activations/axon-number.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A finite number within [lo, hi], the whole of text. */
gboolean axon_cli_parse_double (const char *text,
                                double      lo,
                                double      hi,
                                double     *value);

/* "A:B" with finite A < B ("-5:5", "-1e-3:2"). */
gboolean axon_cli_parse_range (const char *text,
                               double     *lo,
                               double     *hi);

/* "WxH" (or "WXH") of decimal integers, each side within [min_side, max_side]. */
gboolean axon_cli_parse_size (const char *text,
                              int         min_side,
                              int         max_side,
                              int        *width,
                              int        *height);

G_END_DECLS
