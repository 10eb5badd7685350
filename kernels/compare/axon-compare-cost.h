/* axon-compare-cost.h: what one activation costs to evaluate.
 *
 * Two figures per seed of a comparison, over the same n inputs uniform on [-8, 8) drawn
 * with the seed (axon_bench_fill_uniform), so both paths see the very same values:
 *  - scalar: the seed document's loop, the row's float64 function called once per input,
 *    n single calls in a row; the figure is the time of the whole loop in milliseconds.
 *    The results are summed into a volatile, so the compiler can drop none of the calls
 *    (they go through the row's function pointer anyway, so nothing is inlined);
 *  - batch: the row's float32 forward kernel over the same n inputs in one call, in
 *    millions of elements per second.
 * Both follow axon-bench-harness.h: untimed warm-up runs, then timed runs, the median run
 * reported, so one run interrupted by the scheduler does not skew the figure.
 */
#pragma once

#include "axon-activation.h"

G_BEGIN_DECLS

#define AXON_COMPARE_COST_LO (-8.0f)
#define AXON_COMPARE_COST_HI 8.0f

typedef struct
{
  double scalar_ms;     /* median time of n scalar calls, milliseconds */
  double batch_melem_s; /* median batch throughput, millions of elements per second */
} AxonCompareCost;

/* Measures activation at p over n >= 1 inputs drawn with seed. */
void axon_compare_measure_cost (const AxonActivation *activation,
                                const AxonParams     *p,
                                guint                 n,
                                guint64               seed,
                                AxonCompareCost      *cost);

G_END_DECLS
