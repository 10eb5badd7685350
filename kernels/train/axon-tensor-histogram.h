/* axon-tensor-histogram.h: the histogram of a float32 tensor, as the trainer records it.
 *
 * Bins are equal-width. With per-step edges they span the tensor's own [min, max] (a
 * constant tensor gets [v - 0.5, v + 0.5], or +-|v|/2 for large |v|); with fixed edges they
 * span [lo, hi] for every step, so slices of a history line up, and values outside fall
 * into the first or last bin, so no value is dropped: the counts always sum to `num`.
 * min, max, sum and sum_squares are of the values themselves (in float64), zero_count
 * counts values exactly 0. Non-finite values (a diverged run) are left out of everything
 * and counted in the return value instead.
 */
#pragma once

#include <stddef.h>

#include "axon-histogram.h"

G_BEGIN_DECLS

/* Fills hist (whose n_bins >= 1 is kept) from v[0..n). lo < hi when fixed. Returns the
 * number of NaN or infinite values skipped. step and wall_time are left alone. */
size_t axon_tensor_histogram_fill (AxonHistogram *hist,
                                   const float   *v,
                                   size_t         n,
                                   gboolean       fixed,
                                   double         lo,
                                   double         hi);

G_END_DECLS
