/* axon-ticks.c: 1-2-5 tick steps and locale-independent labels. */
#include "axon-ticks.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "axon-axis.h"

#define MINUS_SIGN "\xe2\x88\x92" /* U+2212 */
#define TIMES_SIGN "\xc3\x97"     /* U+00D7 */

static const char *const superscripts[10] = {
  "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2", "\xc2\xb3", "\xe2\x81\xb4",
  "\xe2\x81\xb5", "\xe2\x81\xb6", "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9",
};
#define SUPERSCRIPT_MINUS "\xe2\x81\xbb" /* U+207B */

/* printf's %f and %e follow LC_NUMERIC; figures must not, so put the '.' back. */
static void
fix_decimal_point (char *s)
{
  for (; *s; s++)
    if (*s == ',')
      *s = '.';
}

/* Copies ascii (digits, '.', leading '-') into out with the typographic minus, dropping
 * the sign of a number that printed as zero ("-0", "-0.00"). */
static void
typeset_mantissa (const char *ascii,
                  GString    *out)
{
  if (ascii[0] == '-')
    {
      if (strspn (ascii + 1, "0.") == strlen (ascii + 1))
        ascii++;
      else
        {
          g_string_append (out, MINUS_SIGN);
          ascii++;
        }
    }
  g_string_append (out, ascii);
}

static void
append_superscript_int (GString *out,
                        int      n)
{
  char digits[16];

  if (n < 0)
    g_string_append (out, SUPERSCRIPT_MINUS);
  g_snprintf (digits, sizeof digits, "%d", abs (n));
  for (const char *d = digits; *d; d++)
    g_string_append (out, superscripts[*d - '0']);
}

static void
format_fixed (double   value,
              int      decimals,
              GString *out)
{
  char buf[400];

  g_snprintf (buf, sizeof buf, "%.*f", CLAMP (decimals, 0, 20), value);
  fix_decimal_point (buf);
  typeset_mantissa (buf, out);
}

static void
copy_out (GString *s,
          char    *buffer,
          size_t   size)
{
  if (size == 0)
    return;
  /* Never cut a UTF-8 sequence in half. */
  if (s->len >= size)
    {
      const char *end = s->str + size - 1;
      const char *cut = g_utf8_find_prev_char (s->str, end + 1);
      g_string_truncate (s, cut && cut <= end ? (gsize) (cut - s->str) : 0);
    }
  memcpy (buffer, s->str, s->len + 1);
}

void
axon_ticks_compute (double     min,
                    double     max,
                    unsigned   max_ticks,
                    AxonTicks *ticks)
{
  static const double mantissas[3] = { 1, 2, 5 };
  double span, step = 0, magnitude_max;
  double first = 0;
  int step_exponent = 0, count = 0;
  bool use_exponent;

  axon_axis_normalise_range (&min, &max);
  max_ticks = CLAMP (max_ticks, 2, AXON_TICKS_MAX);
  span = max - min;
  memset (ticks, 0, sizeof *ticks);

  /* The smallest 1-2-5 step that fits: start one decade below the rough guess. */
  {
    int e0 = (int) floor (log10 (span / max_ticks)) - 1;
    for (int e = e0; e < e0 + 4 && step == 0; e++)
      for (int m = 0; m < 3; m++)
        {
          double s = mantissas[m] * pow (10, e);
          double k0 = ceil (min / s), k1 = floor (max / s);
          if (k1 - k0 + 1 <= max_ticks)
            {
              step = s;
              step_exponent = e;
              first = k0;
              count = (int) (k1 - k0 + 1);
              break;
            }
        }
  }

  if (count < 1 || step == 0)
    {
      /* Cannot happen for a normalised range, but keep the promise of one tick. */
      ticks->n = 1;
      ticks->step = 0;
      ticks->values[0] = min / 2 + max / 2;
    }
  else
    {
      ticks->n = (size_t) count;
      ticks->step = step;
      for (int i = 0; i < count; i++)
        /* k × step from integers, never accumulated, and +0.0 turns -0 into 0. */
        ticks->values[i] = (first + i) * step + 0.0;
    }

  magnitude_max = 0;
  for (size_t i = 0; i < ticks->n; i++)
    magnitude_max = fmax (magnitude_max, fabs (ticks->values[i]));
  use_exponent = magnitude_max >= 1e6 || (step < 1e-4 && magnitude_max < 1e-3);
  if (use_exponent && magnitude_max > 0)
    {
      g_autoptr (GString) m = g_string_new (TIMES_SIGN "10");
      ticks->exponent = (int) floor (log10 (magnitude_max));
      append_superscript_int (m, ticks->exponent);
      copy_out (m, ticks->multiplier, AXON_TICK_LABEL_SIZE);
    }

  for (size_t i = 0; i < ticks->n; i++)
    {
      g_autoptr (GString) s = g_string_new (NULL);
      double v = ticks->values[i];

      if (ticks->exponent != 0)
        format_fixed (v / pow (10, ticks->exponent), MAX (0, ticks->exponent - step_exponent),
                      s);
      else
        format_fixed (v, MAX (0, -step_exponent), s);
      copy_out (s, ticks->labels[i], AXON_TICK_LABEL_SIZE);
    }
}

void
axon_ticks_format_value (double  value,
                         char   *buffer,
                         size_t  size)
{
  g_autoptr (GString) s = g_string_new (NULL);

  if (isnan (value))
    g_string_append (s, "NaN");
  else if (isinf (value))
    g_string_append (s, value > 0 ? "\xe2\x88\x9e" : MINUS_SIGN "\xe2\x88\x9e");
  else if (value == 0)
    g_string_append (s, "0");
  else
    {
      double a = fabs (value);

      if (a >= 1e6 || a < 1e-4)
        {
          char buf[64], *e, *end;
          int exponent;

          g_snprintf (buf, sizeof buf, "%.5e", value);
          fix_decimal_point (buf);
          e = strchr (buf, 'e');
          exponent = atoi (e + 1);
          *e = '\0';
          /* Drop trailing zeros of the mantissa. */
          end = e - 1;
          while (end > buf && *end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
          typeset_mantissa (buf, s);
          g_string_append (s, TIMES_SIGN "10");
          append_superscript_int (s, exponent);
        }
      else
        {
          char buf[64];
          g_snprintf (buf, sizeof buf, "%.6g", value);
          fix_decimal_point (buf);
          typeset_mantissa (buf, s);
        }
    }
  copy_out (s, buffer, size);
}
