/* axon-ticks.h: "nice" axis ticks (1-2-5 steps) and their labels.
 *
 * One pure function. Labels are the same in every language on purpose: a figure travels
 * between reports, so numbers use '.' as decimal point whatever the locale, U+2212 as the
 * minus sign (typographic, as in print), and never "-0". When the values are very large or
 * very small (largest |tick| >= 1e6, or < 1e-3 with a step below 1e-4) the labels are the
 * mantissas of one common power of ten, given in `multiplier` ("×10⁻⁹") for the axis
 * caption, the way publication plots do it.
 */
#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

#define AXON_TICKS_MAX 24
#define AXON_TICK_LABEL_SIZE 48

typedef struct
{
  size_t n;     /* 1 <= n <= AXON_TICKS_MAX */
  double step;  /* m × 10^e with m in {1, 2, 5}; 0 only when n == 1 */
  double values[AXON_TICKS_MAX]; /* ascending, inside [min, max] of the normalised range */
  char labels[AXON_TICKS_MAX][AXON_TICK_LABEL_SIZE]; /* UTF-8 */
  int exponent; /* value = label × 10^exponent; 0 when labels are the values */
  char multiplier[AXON_TICK_LABEL_SIZE]; /* "×10⁻⁹", or "" when exponent == 0 */
} AxonTicks;

/* Ticks on [min, max] (normalised with axon_axis_normalise_range first, so NaN, inf and
 * min == max are fine): the smallest 1-2-5 step giving at most max_ticks ticks (clamped
 * to 2..AXON_TICKS_MAX). Always at least one tick. */
void axon_ticks_compute (double     min,
                         double     max,
                         unsigned   max_ticks,
                         AxonTicks *ticks);

/* A readout value (crosshair, legend) in the labels' notation: 6 significant digits,
 * trailing zeros dropped, "0" for ±0, "NaN", "∞", "−∞". */
void axon_ticks_format_value (double  value,
                              char   *buffer,
                              size_t  size);

G_END_DECLS
