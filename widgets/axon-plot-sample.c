/* axon-plot-sample.c: uniform samples plus exact kinks, with true jumps. */
#include "axon-plot-sample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
axon_polyline_init (AxonPolyline *line)
{
  memset (line, 0, sizeof *line);
}

void
axon_polyline_clear (AxonPolyline *line)
{
  g_free (line->x);
  g_free (line->y);
  memset (line, 0, sizeof *line);
}

static void
reserve (AxonPolyline *line,
         size_t        n)
{
  if (n <= line->capacity)
    return;
  line->capacity = MAX (n, 2 * line->capacity);
  line->x = g_renew (double, line->x, line->capacity);
  line->y = g_renew (double, line->y, line->capacity);
}

static void
push_break (AxonPolyline *line)
{
  /* No leading break and no two in a row: both would only cost the renderer time. */
  if (line->n == 0 || isnan (line->y[line->n - 1]))
    return;
  reserve (line, line->n + 1);
  line->x[line->n] = NAN;
  line->y[line->n] = NAN;
  line->n++;
}

static void
push (AxonPolyline *line,
      double        x,
      double        y)
{
  if (!isfinite (y))
    {
      push_break (line);
      return;
    }
  reserve (line, line->n + 1);
  line->x[line->n] = x;
  line->y[line->n] = y;
  line->n++;
}

/* Same value for drawing purposes: continuous functions differ by a few ulps × slope
 * between the one-sided samples, a real jump by far more. */
static gboolean
same_value (double a,
            double b)
{
  if (a == b)
    return TRUE;
  if (!isfinite (a) || !isfinite (b))
    return FALSE;
  return fabs (a - b) <= 1e-9 * fmax (1.0, fmax (fabs (a), fabs (b)));
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

size_t
axon_plot_kinks (const AxonActivation *activation,
                 const AxonParams     *p,
                 double                x_min,
                 double                x_max,
                 double               *kinks)
{
  double raw[AXON_MAX_KINKS];
  size_t n_raw, n = 0;

  if (activation == NULL || activation->kinks == NULL)
    return 0;
  n_raw = MIN (activation->kinks (p, raw), (size_t) AXON_MAX_KINKS);
  qsort (raw, n_raw, sizeof raw[0], compare_doubles);
  for (size_t i = 0; i < n_raw; i++)
    {
      if (!isfinite (raw[i]) || raw[i] < x_min || raw[i] > x_max)
        continue;
      if (n > 0 && kinks[n - 1] == raw[i])
        continue;
      kinks[n++] = raw[i] + 0.0;
    }
  return n;
}

double
axon_plot_kink_offset (double k)
{
  double a = fabs (k);

  return AXON_PLOT_KINK_ULPS * (nextafter (a, INFINITY) - a);
}

static void
sample_kink (AxonScalarFunc    func,
             const AxonParams *p,
             double            k,
             double            x_min,
             double            x_max,
             AxonPolyline     *line)
{
  gboolean has_left = k > x_min, has_right = k < x_max;
  double delta = axon_plot_kink_offset (k);
  double yk = func (k, p);
  double yl = has_left ? func (fmax (k - delta, x_min), p) : yk;
  double yr = has_right ? func (fmin (k + delta, x_max), p) : yk;

  /* A corner (or nothing at all): the exact point, so the corner stays sharp. */
  if (same_value (yl, yk) && same_value (yk, yr))
    {
      push (line, k, yk);
      return;
    }

  /* A jump: end at the left limit, lift the pen, start again at the right limit, so no
   * vertical line bridges it. The value at the kink joins the side it equals, or stands
   * alone as a point (signum(0) = 0). */
  if (has_left && !same_value (yl, yk))
    {
      push (line, k, yl);
      push_break (line);
    }
  push (line, k, yk);
  if (has_right && !same_value (yk, yr))
    {
      push_break (line);
      push (line, k, yr);
    }
}

void
axon_plot_sample (AxonScalarFunc    func,
                  const AxonParams *p,
                  const double     *kinks,
                  size_t            n_kinks,
                  double            x_min,
                  double            x_max,
                  size_t            n_steps,
                  AxonPolyline     *line)
{
  size_t j = 0;
  double span = x_max - x_min;

  line->n = 0;
  n_steps = MAX (n_steps, 1);
  reserve (line, n_steps + 1 + 4 * n_kinks);

  for (size_t i = 0; i <= n_steps; i++)
    {
      /* From the nearer end, so x_max is hit exactly. */
      double x = i == n_steps ? x_max : x_min + span * ((double) i / (double) n_steps);
      gboolean at_kink = FALSE;

      while (j < n_kinks && kinks[j] <= x)
        {
          if (kinks[j] >= x_min)
            sample_kink (func, p, kinks[j], x_min, x_max, line);
          at_kink = at_kink || kinks[j] == x;
          j++;
        }
      if (!at_kink)
        push (line, x, func (x, p));
    }
}

gboolean
axon_polyline_y_extent (const AxonPolyline *line,
                        double             *y_min,
                        double             *y_max)
{
  double lo = INFINITY, hi = -INFINITY;

  for (size_t i = 0; i < line->n; i++)
    {
      double y = line->y[i];
      if (isfinite (y))
        {
          lo = fmin (lo, y);
          hi = fmax (hi, y);
        }
    }
  if (lo > hi)
    return FALSE;
  *y_min = lo;
  *y_max = hi;
  return TRUE;
}
