/* axon-cli-number.h: how the headless subcommands print numbers for scripts. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest text axon_cli_format_shortest writes, with its NUL. */
#define AXON_CLI_NUMBER_BUF_SIZE 40

/* The shortest decimal that reads back as exactly value, in %.17g's notation: fixed for
 * exponents -4 … 16 ("20", "0.01", "0.16666666666666666"), else exponent ("1e+20",
 * "1e-05"); "inf", "-inf", "nan"; "-0" for negative zero. C locale. Returns buffer. */
char *axon_cli_format_shortest (char   buffer[AXON_CLI_NUMBER_BUF_SIZE],
                                double value);

/* The same for a float: the shortest decimal that strtof reads back as value (at most 9
 * significant digits), so 0.1f prints "0.1", not its double expansion. */
char *axon_cli_format_shortest_float (char  buffer[AXON_CLI_NUMBER_BUF_SIZE],
                                      float value);

G_END_DECLS
