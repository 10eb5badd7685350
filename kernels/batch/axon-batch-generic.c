/* axon-batch-generic.c: batch float32 kernels that simply loop over the float64 path.
 *
 * A correct but slow stand-in: each activation listed in AXON_GENERIC_BATCH_LIST gets
 * axon_<id>_f32 and axon_<id>_df32 from here until it has a vectorised kernel of its own.
 */
#include "axon-activation-kernels.h"

#define AXON_GENERIC_BATCH(id)                                                          \
  void axon_##id##_f32 (size_t n, const float *x, float *y, const AxonParams *p)        \
  {                                                                                     \
    for (size_t i = 0; i < n; i++)                                                      \
      y[i] = (float) axon_##id##_f64 ((double) x[i], p);                                \
  }                                                                                     \
  void axon_##id##_df32 (size_t n, const float *x, float *dy, const AxonParams *p)      \
  {                                                                                     \
    for (size_t i = 0; i < n; i++)                                                      \
      dy[i] = (float) axon_##id##_df64 ((double) x[i], p);                              \
  }

#define AXON_ACTIVATION(id) AXON_GENERIC_BATCH (id)
#include "axon-activation-list.h"
#undef AXON_ACTIVATION
