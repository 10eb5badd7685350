/* axon-bench-harness.h: timing loops for `axon bench` and the Compare page.
 *
 * How every Axon benchmark measures, so their figures can be compared with each other and
 * with the PyTorch peer scripts in tests/bench/ (which follow the same method):
 *
 *  - buffers are 64-byte aligned and "pinned": allocated and faulted in once, before any
 *    timing, then reused by every run, so no run pays for page faults;
 *  - the function under test runs `warmup` times untimed (caches, branch predictors, CPU
 *    clock ramp-up), then `repeats` times, each run timed on its own with the monotonic
 *    clock (nanoseconds);
 *  - the figure reported is the median run, which ignores the odd run interrupted by the
 *    scheduler (the machine is shared), not the mean;
 *  - memory bandwidth is measured the same way, as a plain memcpy of the same buffers in
 *    the same process, so a kernel can be read as a fraction of what the memory allows.
 *
 * No GTK here, and no timing assertions anywhere: figures are printed, never tested.
 */
#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

/* Alignment of every benchmark buffer: one cache line, and enough for AVX-512 loads. */
#define AXON_BENCH_ALIGNMENT 64

/* Seconds on the monotonic clock, with nanosecond resolution. */
double axon_bench_now (void);

/* n floats, AXON_BENCH_ALIGNMENT-aligned and every page already written (zeros), so the
 * first timed run does not fault pages in. n may be 0. Free with axon_bench_buffer_free. */
float *axon_bench_buffer_new (size_t n);
void axon_bench_buffer_free (float *buffer);

/* Fills x[0..n) with a fixed pseudo-random sequence uniform on [lo, hi), the same for a
 * given seed on every machine. */
void axon_bench_fill_uniform (float   *x,
                              size_t   n,
                              float    lo,
                              float    hi,
                              guint32  seed);

/* One run of the code under test. */
typedef void (*AxonBenchFunc) (gpointer user_data);

typedef struct
{
  guint runs;      /* timed runs */
  double median_s; /* median time of one run, seconds */
  double min_s;
  double max_s;
} AxonBenchTiming;

/* Runs func warmup times untimed, then repeats (>= 1) times timed, and writes the timing
 * of one run to timing. */
void axon_bench_measure (AxonBenchFunc    func,
                         gpointer         user_data,
                         guint            warmup,
                         guint            repeats,
                         AxonBenchTiming *timing);

/* Median of values[0..n) (n >= 1); sorts values in place. For even n, the mean of the two
 * middle values. */
double axon_bench_median (double *values,
                          guint   n);

/* Millions of elements per second for n elements processed in seconds; 0 when seconds is
 * not positive. */
double axon_bench_melem_per_s (size_t n,
                               double seconds);

/* The copy bandwidth peer: times memcpy (dst, src, n floats) like axon_bench_measure and
 * returns millions of floats copied per second. */
double axon_bench_copy_melem_per_s (float       *dst,
                                    const float *src,
                                    size_t       n,
                                    guint        warmup,
                                    guint        repeats);

/* Reads a buffer so the compiler cannot drop the work that wrote it. */
void axon_bench_consume (const float *buffer,
                         size_t       n);

G_END_DECLS
