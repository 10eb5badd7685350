/* axon-histogram.c: lifetime of AxonHistogram. */
#include "axon-histogram.h"

#include <math.h>
#include <string.h>

AxonHistogram *
axon_histogram_new (size_t n_bins)
{
  AxonHistogram *hist = g_new0 (AxonHistogram, 1);

  hist->n_bins = n_bins;
  hist->edges = g_new (double, n_bins + 1);
  hist->counts = g_new0 (double, n_bins > 0 ? n_bins : 1);
  for (size_t i = 0; i <= n_bins; i++)
    hist->edges[i] = (double) i;
  hist->zero_count = NAN;
  return hist;
}

void
axon_histogram_free (AxonHistogram *hist)
{
  if (hist == NULL)
    return;
  g_free (hist->edges);
  g_free (hist->counts);
  g_free (hist);
}

AxonHistogram *
axon_histogram_copy (const AxonHistogram *hist)
{
  AxonHistogram *copy;

  if (hist == NULL)
    return NULL;
  copy = g_new (AxonHistogram, 1);
  *copy = *hist;
  copy->edges = g_new (double, hist->n_bins + 1);
  copy->counts = g_new0 (double, hist->n_bins > 0 ? hist->n_bins : 1);
  if (hist->edges != NULL)
    memcpy (copy->edges, hist->edges, (hist->n_bins + 1) * sizeof (double));
  else
    memset (copy->edges, 0, (hist->n_bins + 1) * sizeof (double));
  if (hist->counts != NULL && hist->n_bins > 0)
    memcpy (copy->counts, hist->counts, hist->n_bins * sizeof (double));
  return copy;
}

/* Edges beyond this are TensorFlow's +-DBL_MAX sentinels, not positions. */
#define HUGE_EDGE 1e300

static gboolean
edge_usable (double e)
{
  return isfinite (e) && fabs (e) < HUGE_EDGE;
}

static double
count_at (const AxonHistogram *hist,
          size_t               i)
{
  double c = hist->counts != NULL ? hist->counts[i] : 0;

  /* Negative or NaN counts carry no mass we could place. */
  return isfinite (c) && c > 0 ? c : 0;
}

double
axon_histogram_total (const AxonHistogram *hist)
{
  double total = 0;

  g_return_val_if_fail (hist != NULL, 0);
  for (size_t i = 0; i < hist->n_bins; i++)
    total += count_at (hist, i);
  return total;
}

/* [min, max] if a writer recorded them and they agree with where the counts are; some
 * writers leave min = max = 0 when they did not record the extremes. */
static gboolean
clamp_range (const AxonHistogram *hist,
             double              *lo,
             double              *hi)
{
  size_t first = hist->n_bins, last = 0;
  double first_lo = -INFINITY, last_hi = INFINITY;

  if (!isfinite (hist->min) || !isfinite (hist->max) || hist->min > hist->max)
    return FALSE;
  for (size_t i = 0; i < hist->n_bins; i++)
    if (count_at (hist, i) > 0)
      {
        if (first == hist->n_bins)
          first = i;
        last = i;
      }
  if (first < hist->n_bins && hist->edges != NULL)
    {
      if (edge_usable (hist->edges[first]))
        first_lo = hist->edges[first];
      if (edge_usable (hist->edges[last + 1]))
        last_hi = hist->edges[last + 1];
      if (hist->min > last_hi || hist->max < first_lo)
        return FALSE;
    }
  *lo = hist->min;
  *hi = hist->max;
  return TRUE;
}

void
axon_histogram_effective_edges (const AxonHistogram *hist,
                                double              *out)
{
  size_t n = hist->n_bins;
  double clo = -INFINITY, chi = INFINITY;
  gboolean clamped = clamp_range (hist, &clo, &chi);
  double prev = NAN;

  g_return_if_fail (out != NULL);
  if (hist->edges == NULL)
    {
      /* Malformed; spread evenly over what is known. */
      double a = clamped ? clo : 0, b = clamped ? chi : (double) n;

      for (size_t i = 0; i <= n; i++)
        out[i] = n > 0 ? a + (b - a) * (double) i / (double) n : a;
      return;
    }
  /* Forward pass: fill leading/inner gaps from the left neighbour. */
  for (size_t i = 0; i <= n; i++)
    {
      double e = hist->edges[i];

      if (!edge_usable (e))
        e = (i == 0 || isnan (prev)) ? (clamped ? clo : NAN) : (i == n && clamped ? chi : prev);
      out[i] = e;
      if (!isnan (e))
        prev = e;
    }
  /* Leading edges still unknown take the first known one. */
  prev = NAN;
  for (size_t i = n + 1; i-- > 0;)
    {
      if (isnan (out[i]))
        out[i] = isnan (prev) ? 0 : prev;
      else
        prev = out[i];
    }
  for (size_t i = 0; i <= n; i++)
    {
      if (clamped)
        out[i] = CLAMP (out[i], clo, chi);
      if (i > 0 && out[i] < out[i - 1])
        out[i] = out[i - 1];
    }
}

gboolean
axon_histogram_value_range (const AxonHistogram *hist,
                            double              *lo,
                            double              *hi)
{
  g_autofree double *e = NULL;
  double a = INFINITY, b = -INFINITY;

  g_return_val_if_fail (hist != NULL, FALSE);
  if (axon_histogram_total (hist) <= 0)
    return FALSE;
  if (clamp_range (hist, lo, hi))
    return TRUE;
  e = g_new (double, hist->n_bins + 1);
  axon_histogram_effective_edges (hist, e);
  for (size_t i = 0; i < hist->n_bins; i++)
    if (count_at (hist, i) > 0)
      {
        a = MIN (a, e[i]);
        b = MAX (b, e[i + 1]);
      }
  if (!(a <= b))
    return FALSE;
  *lo = a;
  *hi = b;
  return TRUE;
}

/* The bin of edges[0..n] holding x: the last j with edges[j] <= x, clamped to 0..n-1. */
static size_t
find_bin (const double *edges,
          size_t        n,
          double        x)
{
  size_t a = 0, b = n; /* invariant: answer in [a, b) */

  if (x < edges[0])
    return 0;
  while (b - a > 1)
    {
      size_t mid = a + (b - a) / 2;

      if (edges[mid] <= x)
        a = mid;
      else
        b = mid;
    }
  return a;
}

AxonHistogram *
axon_histogram_rebin (const AxonHistogram *hist,
                      const double        *edges,
                      size_t               n_bins)
{
  AxonHistogram *out;
  g_autofree double *src = NULL;
  double zeros;

  g_return_val_if_fail (hist != NULL, NULL);
  g_return_val_if_fail (edges != NULL && n_bins >= 1, NULL);

  out = axon_histogram_new (n_bins);
  memcpy (out->edges, edges, (n_bins + 1) * sizeof (double));
  out->step = hist->step;
  out->wall_time = hist->wall_time;
  out->min = hist->min;
  out->max = hist->max;
  out->num = hist->num;
  out->sum = hist->sum;
  out->sum_squares = hist->sum_squares;
  out->zero_count = hist->zero_count;

  src = g_new (double, hist->n_bins + 1);
  axon_histogram_effective_edges (hist, src);
  /* Exact zeros are not spread over their bin: they go to the destination bin holding 0. */
  zeros = isfinite (hist->zero_count) && hist->zero_count > 0 ? hist->zero_count : 0;
  for (size_t i = 0; i < hist->n_bins; i++)
    {
      double c = count_at (hist, i), lo = src[i], hi = src[i + 1], w = hi - lo;
      size_t j0, j1;
      double left = 0;

      if (zeros > 0 && lo <= 0 && (0 < hi || (hi == 0 && i + 1 == hist->n_bins)))
        {
          double z = MIN (zeros, c);

          out->counts[find_bin (edges, n_bins, 0)] += z;
          c -= z;
          zeros -= z;
        }
      if (c == 0)
        continue;
      j0 = find_bin (edges, n_bins, lo);
      if (!(w > 0))
        {
          out->counts[j0] += c;
          continue;
        }
      j1 = find_bin (edges, n_bins, hi);
      /* Fractions F(edge) telescope: each right end is the next left end, the first left
       * is 0 and the last right is 1, so the pieces of c add up to c. */
      for (size_t j = j0; j <= j1; j++)
        {
          double right = j == j1 ? 1 : CLAMP ((edges[j + 1] - lo) / w, 0, 1);

          out->counts[j] += c * (right - left);
          left = right;
        }
    }
  return out;
}

double
axon_symlog (double x,
             double c)
{
  return copysign (log1p (fabs (x) / c), x);
}

double
axon_symlog_inverse (double y,
                     double c)
{
  return copysign (c * expm1 (fabs (y)), y);
}

double
axon_symlog_auto_constant (double lo,
                           double hi)
{
  double m = MAX (fabs (lo), fabs (hi));

  return isfinite (m) && m > 0 ? m * 1e-3 : 1;
}

double *
axon_histogram_shared_edges (const AxonHistogram *const *hists,
                             size_t                      n,
                             size_t                      n_bins,
                             AxonBinScale                scale,
                             double                      c)
{
  double lo = INFINITY, hi = -INFINITY;

  g_return_val_if_fail (n_bins >= 1, NULL);
  for (size_t k = 0; k < n; k++)
    {
      double a, b;

      if (hists[k] != NULL && axon_histogram_value_range (hists[k], &a, &b))
        {
          lo = MIN (lo, a);
          hi = MAX (hi, b);
        }
    }
  if (!(lo <= hi))
    {
      lo = -1;
      hi = 1;
    }
  return axon_histogram_edges_for_range (lo, hi, n_bins, scale, c);
}

double *
axon_histogram_edges_for_range (double       lo,
                                double       hi,
                                size_t       n_bins,
                                AxonBinScale scale,
                                double       c)
{
  double *edges;

  g_return_val_if_fail (n_bins >= 1, NULL);
  if (!isfinite (lo) || !isfinite (hi))
    {
      lo = isfinite (lo) ? lo : (isfinite (hi) ? hi - 1 : -1);
      hi = isfinite (hi) ? hi : lo + 2;
    }
  if (lo > hi)
    {
      double t = lo;

      lo = hi;
      hi = t;
    }
  if (lo == hi)
    {
      double w = MAX (0.5, fabs (lo) / 2);

      lo -= w;
      hi += w;
    }

  edges = g_new (double, n_bins + 1);
  if (scale == AXON_BIN_SCALE_SYMLOG)
    {
      double tlo, thi;

      if (!(c > 0))
        c = axon_symlog_auto_constant (lo, hi);
      tlo = axon_symlog (lo, c);
      thi = axon_symlog (hi, c);
      for (size_t i = 0; i <= n_bins; i++)
        edges[i] = axon_symlog_inverse (tlo + (thi - tlo) * (double) i / (double) n_bins, c);
    }
  else
    {
      /* lo (1 - t) + hi t rather than lo + (hi - lo) t: hi - lo overflows to infinity for
       * a range like [-DBL_MAX, DBL_MAX] that a damaged file's min and max can give. */
      for (size_t i = 0; i <= n_bins; i++)
        {
          double t = (double) i / (double) n_bins;

          edges[i] = lo * (1 - t) + hi * t;
        }
    }
  /* Exact ends, so every value is inside and rounding never reorders edges. */
  edges[0] = lo;
  edges[n_bins] = hi;
  for (size_t i = 1; i <= n_bins; i++)
    if (edges[i] < edges[i - 1])
      edges[i] = edges[i - 1];
  return edges;
}

static gboolean
moments_present (const AxonHistogram *hist)
{
  if (!isfinite (hist->sum) || !isfinite (hist->sum_squares) || hist->sum_squares < 0)
    return FALSE;
  if (!(hist->num > 0))
    return FALSE;
  /* A writer that did not record the moments leaves both at 0; all-zero values would also
   * have min = max = 0. */
  if (hist->sum == 0 && hist->sum_squares == 0
      && ((isfinite (hist->min) && hist->min != 0) || (isfinite (hist->max) && hist->max != 0)))
    return FALSE;
  return TRUE;
}

void
axon_histogram_stats (const AxonHistogram *hist,
                      AxonHistogramStats  *stats)
{
  g_autofree double *e = NULL;
  double total, lo = NAN, hi = NAN;

  g_return_if_fail (hist != NULL && stats != NULL);
  total = axon_histogram_total (hist);
  stats->num = isfinite (hist->num) && hist->num > 0 ? hist->num : total;
  if (!axon_histogram_value_range (hist, &lo, &hi) && isfinite (hist->min)
      && isfinite (hist->max) && hist->min <= hist->max && stats->num > 0)
    {
      lo = hist->min;
      hi = hist->max;
    }
  stats->min = lo;
  stats->max = hi;
  stats->from_moments = moments_present (hist);
  stats->zero_ratio_estimated = FALSE;

  if (stats->from_moments)
    {
      double mean = hist->sum / hist->num;
      /* Cancellation can make the difference slightly negative. */
      double var = MAX (0, hist->sum_squares / hist->num - mean * mean);

      stats->mean = mean;
      stats->std = sqrt (var);
    }
  else if (total > 0)
    {
      double s = 0, ss = 0, mean;

      e = g_new (double, hist->n_bins + 1);
      axon_histogram_effective_edges (hist, e);
      for (size_t i = 0; i < hist->n_bins; i++)
        s += count_at (hist, i) * 0.5 * (e[i] + e[i + 1]);
      mean = s / total;
      for (size_t i = 0; i < hist->n_bins; i++)
        {
          double d = 0.5 * (e[i] + e[i + 1]) - mean;

          ss += count_at (hist, i) * d * d;
        }
      stats->mean = mean;
      stats->std = sqrt (ss / total);
    }
  else
    {
      stats->mean = NAN;
      stats->std = NAN;
    }

  stats->zero_ratio = NAN;
  if (isfinite (hist->zero_count) && hist->zero_count >= 0 && stats->num > 0)
    stats->zero_ratio = MIN (1, hist->zero_count / stats->num);
  else if (total > 0 && lo == 0 && hi == 0)
    {
      stats->zero_ratio = 1;
      stats->zero_ratio_estimated = TRUE;
    }
  else if (total > 0 && isfinite (lo) && isfinite (hi))
    {
      double narrow = 1e-6 * hi - 1e-6 * lo; /* finite even for [-DBL_MAX, DBL_MAX] */

      if (e == NULL)
        {
          e = g_new (double, hist->n_bins + 1);
          axon_histogram_effective_edges (hist, e);
        }
      /* [0, w) holds the zeros in TensorFlow's and numpy's half-open bins. */
      for (size_t i = 0; i < hist->n_bins; i++)
        if (e[i] <= 0 && 0 < e[i + 1] && e[i + 1] - e[i] <= narrow)
          {
            stats->zero_ratio = count_at (hist, i) / total;
            stats->zero_ratio_estimated = TRUE;
            break;
          }
    }
}

double
axon_histogram_quantile (const AxonHistogram *hist,
                         double               p)
{
  g_autofree double *e = NULL;
  double total, target, cum = 0;
  size_t first = hist->n_bins, last = 0;

  g_return_val_if_fail (hist != NULL, NAN);
  total = axon_histogram_total (hist);
  if (!(total > 0) || isnan (p))
    return NAN;
  e = g_new (double, hist->n_bins + 1);
  axon_histogram_effective_edges (hist, e);
  for (size_t i = 0; i < hist->n_bins; i++)
    if (count_at (hist, i) > 0)
      {
        if (first == hist->n_bins)
          first = i;
        last = i;
      }
  if (p <= 0)
    return e[first];
  if (p >= 1)
    return e[last + 1];
  target = p * total;
  for (size_t i = first; i <= last; i++)
    {
      double c = count_at (hist, i);

      if (c > 0 && cum + c >= target)
        {
          double f = CLAMP ((target - cum) / c, 0, 1);

          return e[i] * (1 - f) + e[i + 1] * f;
        }
      cum += c;
    }
  return e[last + 1];
}

const double axon_histogram_band_points[AXON_HISTOGRAM_N_BANDS] = {
  0, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 1,
};

void
axon_histogram_bands (const AxonHistogram *hist,
                      double               values[AXON_HISTOGRAM_N_BANDS])
{
  for (int k = 0; k < AXON_HISTOGRAM_N_BANDS; k++)
    values[k] = axon_histogram_quantile (hist, axon_histogram_band_points[k]);
}
