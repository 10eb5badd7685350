/* axon-number.h: the shortest decimal of a number that reads back as the same value.
 *
 * One formatter for every place that prints a parameter or a value for people and scripts
 * alike: `axon list`, axon_params_to_string (settings, messages), `axon eval --f32`, plot
 * labels and error messages. C locale ('.'), whatever LC_NUMERIC says.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Longest text the formatters write, with its NUL ("-2.2250738585072014e-308" is 24). */
#define AXON_NUMBER_BUF_SIZE 40

/* The shortest decimal that g_ascii_strtod reads back as exactly value, in %.17g's
 * notation: fixed for decimal exponents -4 to 16 ("20", "0.01", "0.16666666666666666",
 * "10000000000000000"), else exponent ("1e+20", "1e-05"); "inf", "-inf", "nan"; "-0" for
 * negative zero. Returns buffer. */
char *axon_format_shortest (char   buffer[AXON_NUMBER_BUF_SIZE],
                            double value);

/* The same for a float: the shortest decimal that strtof reads back as value (at most 9
 * significant digits), so 0.1f prints "0.1", not its double expansion. */
char *axon_format_shortest_float (char  buffer[AXON_NUMBER_BUF_SIZE],
                                  float value);

G_END_DECLS
