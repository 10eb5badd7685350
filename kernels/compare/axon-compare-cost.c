/* axon-compare-cost.c: the scalar loop and the batch throughput of one activation. */
#include "axon-compare-cost.h"

#include "axon-bench-harness.h"

#define SCALAR_WARMUP 1
#define SCALAR_REPEATS 3
#define BATCH_WARMUP 3
#define BATCH_REPEATS 15

typedef struct
{
  const AxonActivation *activation;
  const AxonParams *p;
  guint n;
  const double *x64;
  const float *x32;
  float *y32;
  /* Where the results go so no call can be dropped; per measurement, not global, so two
   * comparisons in two threads never share it. */
  volatile double sink;
} CostRun;

static void
run_scalar (gpointer user_data)
{
  CostRun *run = user_data;
  AxonScalarFunc f = run->activation->f64;
  double sum = 0;

  for (guint i = 0; i < run->n; i++)
    sum += f (run->x64[i], run->p);
  run->sink = sum;
}

static void
run_batch (gpointer user_data)
{
  CostRun *run = user_data;

  run->activation->f32 (run->n, run->x32, run->y32, run->p);
  /* Reading the first, middle and last outputs keeps the call observable. */
  run->sink = run->y32[0] + run->y32[run->n / 2] + run->y32[run->n - 1];
}

void
axon_compare_measure_cost (const AxonActivation *activation,
                           const AxonParams     *p,
                           guint                 n,
                           guint64               seed,
                           AxonCompareCost      *cost)
{
  CostRun run = { 0 };
  AxonBenchTiming timing;
  float *x32, *y32;
  double *x64;

  g_return_if_fail (activation != NULL && p != NULL && cost != NULL);
  g_return_if_fail (n >= 1);

  x32 = axon_bench_buffer_new (n);
  y32 = axon_bench_buffer_new (n);
  x64 = g_new (double, n);
  /* Mix the seed into 32 bits; xorshift replaces a zero state itself. */
  axon_bench_fill_uniform (x32, n, AXON_COMPARE_COST_LO, AXON_COMPARE_COST_HI,
                           (guint32) (seed ^ (seed >> 32)) * 2654435761u + 1u);
  for (guint i = 0; i < n; i++)
    x64[i] = x32[i];

  run.activation = activation;
  run.p = p;
  run.n = n;
  run.x64 = x64;
  run.x32 = x32;
  run.y32 = y32;

  axon_bench_measure (run_scalar, &run, SCALAR_WARMUP, SCALAR_REPEATS, &timing);
  cost->scalar_ms = timing.median_s * 1e3;
  axon_bench_measure (run_batch, &run, BATCH_WARMUP, BATCH_REPEATS, &timing);
  cost->batch_melem_s = axon_bench_melem_per_s (n, timing.median_s);

  g_free (x64);
  axon_bench_buffer_free (y32);
  axon_bench_buffer_free (x32);
}
