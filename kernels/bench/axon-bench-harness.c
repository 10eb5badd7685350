/* axon-bench-harness.c: monotonic timing, warm-up, median of runs, pinned buffers. */
#include "axon-bench-harness.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

double
axon_bench_now (void)
{
  struct timespec ts;

  /* CLOCK_MONOTONIC: not affected by wall-clock changes; nanoseconds, where
   * g_get_monotonic_time only has microseconds (a fast 1M-element kernel takes ~100 µs). */
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (double) ts.tv_sec + 1e-9 * (double) ts.tv_nsec;
}

float *
axon_bench_buffer_new (size_t n)
{
  float *buffer;

  /* At least one element, so n = 0 still gives a pointer that can be freed. */
  buffer = g_aligned_alloc (MAX (n, 1), sizeof (float), AXON_BENCH_ALIGNMENT);
  /* Writing every byte faults every page in now, outside any timed region. */
  memset (buffer, 0, MAX (n, 1) * sizeof (float));
  return buffer;
}

void
axon_bench_buffer_free (float *buffer)
{
  g_aligned_free (buffer);
}

void
axon_bench_fill_uniform (float   *x,
                         size_t   n,
                         float    lo,
                         float    hi,
                         guint32  seed)
{
  /* xorshift32 (Marsaglia 2003): tiny, portable and the same everywhere; the state must
   * not be 0. */
  guint32 s = seed != 0 ? seed : 0x9e3779b9u;
  double span = (double) hi - (double) lo;

  for (size_t i = 0; i < n; i++)
    {
      double u;

      s ^= s << 13;
      s ^= s >> 17;
      s ^= s << 5;
      u = (double) (s >> 8) * 0x1p-24; /* 24 random bits: uniform on [0, 1) */
      x[i] = (float) ((double) lo + span * u);
      /* Rounding to float can land on hi itself; keep the interval half-open. */
      if (x[i] >= hi)
        x[i] = lo;
    }
}

/* Written by axon_bench_consume, never read: volatile, so the write cannot be dropped. */
static volatile float bench_sink;

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

double
axon_bench_median (double *values,
                   guint   n)
{
  g_return_val_if_fail (values != NULL && n >= 1, 0.0);

  qsort (values, n, sizeof (double), compare_doubles);
  if (n % 2 == 1)
    return values[n / 2];
  return 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

void
axon_bench_measure (AxonBenchFunc    func,
                    gpointer         user_data,
                    guint            warmup,
                    guint            repeats,
                    AxonBenchTiming *timing)
{
  g_autofree double *times = NULL;

  g_return_if_fail (func != NULL && timing != NULL);

  repeats = MAX (repeats, 1);
  times = g_new (double, repeats);

  for (guint i = 0; i < warmup; i++)
    func (user_data);

  for (guint i = 0; i < repeats; i++)
    {
      double start = axon_bench_now ();

      func (user_data);
      times[i] = axon_bench_now () - start;
    }

  timing->runs = repeats;
  timing->median_s = axon_bench_median (times, repeats);
  /* Sorted by the median. */
  timing->min_s = times[0];
  timing->max_s = times[repeats - 1];
}

double
axon_bench_melem_per_s (size_t n,
                        double seconds)
{
  if (!(seconds > 0.0))
    return 0.0;
  return (double) n / seconds * 1e-6;
}

typedef struct
{
  float *dst;
  const float *src;
  size_t n;
} CopyRun;

static void
copy_run (gpointer user_data)
{
  CopyRun *run = user_data;

  memcpy (run->dst, run->src, run->n * sizeof (float));
  axon_bench_consume (run->dst, run->n);
}

double
axon_bench_copy_melem_per_s (float       *dst,
                             const float *src,
                             size_t       n,
                             guint        warmup,
                             guint        repeats)
{
  CopyRun run = { dst, src, n };
  AxonBenchTiming timing;

  axon_bench_measure (copy_run, &run, warmup, repeats, &timing);
  return axon_bench_melem_per_s (n, timing.median_s);
}

void
axon_bench_consume (const float *buffer,
                    size_t       n)
{
  /* A volatile store of the last element: the stores before it must have happened. */
  if (n > 0)
    bench_sink = buffer[n - 1];
}
