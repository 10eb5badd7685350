/* axon-tensor-histogram.c: two passes, extremes then counts.
 *
 * Recording must cost little next to training (under 5%: `axon bench train` measures it),
 * so both passes are written for the common case, an all-finite tensor: the first in
 * vector registers, the second as a vectorisable bin computation followed by increments
 * into four interleaved copies of the counts (consecutive values often share a bin). A
 * non-finite sum after the first pass reveals a NaN or infinity, and only then the careful
 * per-element path runs. Functions are cloned for AVX2 and picked at load time.
 */
#include "axon-tensor-histogram.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Values summed in float (eight lanes, four sums) before the sums go to double. */
#define BLOCK 128
/* Copies of the counts, so consecutive values in one bin do not wait on each other. */
#define COPIES 4
/* Values whose bins are computed in one go. */
#define CHUNK 512

/* Vector units beyond the x86-64 baseline, picked at load time (GCC function clones). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define AXON_HISTOGRAM_TARGETS __attribute__ ((target_clones ("arch=x86-64-v3", "default")))
#else
#define AXON_HISTOGRAM_TARGETS
#endif

typedef struct
{
  float min;
  float max;
  double sum;
  double sum_squares;
  size_t zeros;
  size_t skipped;
} Moments;

typedef float AxonV8f __attribute__ ((vector_size (32)));
typedef int32_t AxonV8i __attribute__ ((vector_size (32)));

/* Lane-wise a < b ? a : b and a > b ? a : b (a NaN in a leaves b). Macros (GNU statement
 * expressions), not functions: a function passing vectors wider than the baseline ISA
 * draws GCC's ABI note. */
#define V8_MIN(a, b)                                                                       \
  ({                                                                                       \
    AxonV8f a_ = (a), b_ = (b);                                                            \
    AxonV8i m_ = a_ < b_;                                                                  \
    (AxonV8f) ((m_ & (AxonV8i) a_) | (~m_ & (AxonV8i) b_));                                \
  })
#define V8_MAX(a, b)                                                                       \
  ({                                                                                       \
    AxonV8f a_ = (a), b_ = (b);                                                            \
    AxonV8i m_ = a_ > b_;                                                                  \
    (AxonV8f) ((m_ & (AxonV8i) a_) | (~m_ & (AxonV8i) b_));                                \
  })

/* The all-finite pass, in vector registers (GCC vector extensions, lowered to what the
 * clone's ISA has). Sums go through float for one block of BLOCK values, then double. */
AXON_HISTOGRAM_TARGETS static void
moments_fast (const float *v,
              size_t       n,
              Moments     *m)
{
  AxonV8f lo = { INFINITY, INFINITY, INFINITY, INFINITY, INFINITY, INFINITY, INFINITY,
                 INFINITY };
  AxonV8f hi = -lo;
  AxonV8i zeros = { 0 };
  double sum = 0, sum_squares = 0;
  size_t i = 0;

  for (; i + BLOCK <= n; i += BLOCK)
    {
      /* Four independent sums (separate variables, so they stay in registers): the adds'
       * latency, not their throughput, would bound a single one. */
      AxonV8f s0 = { 0 }, s1 = { 0 }, s2 = { 0 }, s3 = { 0 };
      AxonV8f q0 = { 0 }, q1 = { 0 }, q2 = { 0 }, q3 = { 0 };

      for (size_t k = 0; k < BLOCK; k += 32)
        {
          AxonV8f x0, x1, x2, x3, lo01, lo23, hi01, hi23;

          memcpy (&x0, v + i + k, sizeof x0);
          memcpy (&x1, v + i + k + 8, sizeof x1);
          memcpy (&x2, v + i + k + 16, sizeof x2);
          memcpy (&x3, v + i + k + 24, sizeof x3);
          lo01 = V8_MIN (x0, x1);
          lo23 = V8_MIN (x2, x3);
          hi01 = V8_MAX (x0, x1);
          hi23 = V8_MAX (x2, x3);
          lo01 = V8_MIN (lo01, lo23);
          hi01 = V8_MAX (hi01, hi23);
          lo = V8_MIN (lo01, lo);
          hi = V8_MAX (hi01, hi);
          s0 += x0;
          s1 += x1;
          s2 += x2;
          s3 += x3;
          q0 += x0 * x0;
          q1 += x1 * x1;
          q2 += x2 * x2;
          q3 += x3 * x3;
          zeros -= (x0 == 0) + (x1 == 0) + (x2 == 0) + (x3 == 0);
        }
      s0 += s1 + s2 + s3;
      q0 += q1 + q2 + q3;
      for (int k = 0; k < 8; k++)
        {
          sum += s0[k];
          sum_squares += q0[k];
        }
    }
  memset (m, 0, sizeof *m);
  m->min = INFINITY;
  m->max = -INFINITY;
  for (int k = 0; k < 8; k++)
    {
      m->min = MIN (m->min, lo[k]);
      m->max = MAX (m->max, hi[k]);
      m->zeros += (uint32_t) zeros[k];
    }
  for (; i < n; i++)
    {
      float x = v[i];

      m->min = x < m->min ? x : m->min;
      m->max = x > m->max ? x : m->max;
      sum += x;
      sum_squares += (double) x * x;
      m->zeros += x == 0.0f;
    }
  m->sum = sum;
  m->sum_squares = sum_squares;
}

static void
moments_careful (const float *v,
                 size_t       n,
                 Moments     *m)
{
  memset (m, 0, sizeof *m);
  m->min = INFINITY;
  m->max = -INFINITY;
  for (size_t i = 0; i < n; i++)
    {
      float x = v[i];

      if (!isfinite (x))
        {
          m->skipped++;
          continue;
        }
      m->min = MIN (m->min, x);
      m->max = MAX (m->max, x);
      m->sum += x;
      m->sum_squares += (double) x * x;
      m->zeros += x == 0.0f;
    }
}

/* The bin of x: clamped into [0, last] (x finite). The comparisons are written as x86's
 * MAXPS/MINPS define them, so the loop in bins_of vectorises without -ffast-math. */
static inline uint32_t
bin_of (float x,
        float lo,
        float scale,
        float last)
{
  float t = (x - lo) * scale;

  t = t > 0 ? t : 0;
  t = t < last ? t : last;
  return (uint32_t) (int32_t) t;
}

/* Bins of CHUNK values into out: a loop of its own, with a constant trip count, so the
 * compiler vectorises it even at -O2's "very cheap" cost model. */
AXON_HISTOGRAM_TARGETS static void
bins_of (const float *restrict v,
         float                 lo,
         float                 scale,
         float                 last,
         uint32_t *restrict    out)
{
  for (size_t i = 0; i < CHUNK; i++)
    out[i] = bin_of (v[i], lo, scale, last);
}

/* Adds the bins of v[0..n) to counts: COPIES = 4 interleaved copies of n_bins, so that
 * consecutive values in one bin (common: weights crowd the middle bins) do not wait on
 * each other's increments. (Counting pairs of values in a 2D table, half the increments,
 * measured slower.) */
static void
count_fast (const float *v,
            size_t       n,
            float        lo,
            float        scale,
            float        last,
            uint32_t    *counts,
            size_t       n_bins)
{
  uint32_t idx[CHUNK];
  float tail[CHUNK];
  uint32_t *c0 = counts, *c1 = counts + n_bins, *c2 = counts + 2 * n_bins;
  uint32_t *c3 = counts + 3 * n_bins;

  for (size_t start = 0; start < n; start += CHUNK)
    {
      size_t len = MIN (CHUNK, n - start);
      const float *src = v + start;

      if (len < CHUNK)
        {
          /* The last, partial chunk: padded, and only len bins counted. */
          memcpy (tail, src, len * sizeof (float));
          for (size_t i = len; i < CHUNK; i++)
            tail[i] = lo;
          src = tail;
        }
      bins_of (src, lo, scale, last, idx);
      if (len < CHUNK)
        for (size_t i = 0; i < len; i++)
          c0[idx[i]]++;
      else
        for (size_t i = 0; i < CHUNK; i += 8)
          {
            c0[idx[i]]++;
            c1[idx[i + 1]]++;
            c2[idx[i + 2]]++;
            c3[idx[i + 3]]++;
            c0[idx[i + 4]]++;
            c1[idx[i + 5]]++;
            c2[idx[i + 6]]++;
            c3[idx[i + 7]]++;
          }
    }
}

size_t
axon_tensor_histogram_fill (AxonHistogram *hist,
                            const float   *v,
                            size_t         n,
                            gboolean       fixed,
                            double         lo,
                            double         hi)
{
  size_t n_bins = hist->n_bins;
  Moments m;
  gboolean careful;
  float lo_f, scale_f, last_f;

  g_return_val_if_fail (n_bins >= 1, 0);

  moments_fast (v, n, &m);
  /* Any NaN or infinity makes the sum (or the sum of squares) non-finite; finite floats
   * cannot overflow either in double. */
  careful = !isfinite (m.sum) || !isfinite (m.sum_squares) || n > UINT32_MAX;
  if (careful)
    moments_careful (v, n, &m);

  if (!fixed)
    {
      if (m.skipped == n)
        lo = -0.5, hi = 0.5;
      else if (m.min < m.max)
        lo = m.min, hi = m.max;
      else
        {
          double half = MAX (0.5, fabs (m.min) / 2);

          lo = m.min - half;
          hi = m.min + half;
        }
    }
  g_return_val_if_fail (lo < hi, m.skipped);

  for (size_t b = 0; b <= n_bins; b++)
    hist->edges[b] = lo + (hi - lo) * ((double) b / n_bins);
  hist->edges[n_bins] = hi;

  lo_f = (float) lo;
  scale_f = (float) (n_bins / (hi - lo));
  /* The largest float below n_bins, so the maximum lands in the last bin. */
  last_f = nextafterf ((float) n_bins, 0.0f);
  if (!careful)
    {
      g_autofree uint32_t *counts = g_new0 (uint32_t, COPIES * n_bins);

      count_fast (v, n, lo_f, scale_f, last_f, counts, n_bins);
      for (size_t b = 0; b < n_bins; b++)
        {
          double c = 0;

          for (int k = 0; k < COPIES; k++)
            c += counts[k * n_bins + b];
          hist->counts[b] = c;
        }
    }
  else
    {
      memset (hist->counts, 0, n_bins * sizeof (double));
      for (size_t i = 0; i < n; i++)
        if (isfinite (v[i]))
          hist->counts[bin_of (v[i], lo_f, scale_f, last_f)] += 1;
    }

  hist->num = (double) (n - m.skipped);
  hist->min = m.skipped == n ? 0 : m.min;
  hist->max = m.skipped == n ? 0 : m.max;
  hist->sum = m.sum;
  hist->sum_squares = m.sum_squares;
  hist->zero_count = (double) m.zeros;
  return m.skipped;
}
