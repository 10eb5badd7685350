/* axon-activation-kernels.h: the four functions every activation provides.
 *
 *   double axon_<id>_f64  (double x, const AxonParams *p);        scalar f(x)
 *   double axon_<id>_df64 (double x, const AxonParams *p);        scalar f'(x)
 *   void   axon_<id>_f32  (size_t n, const float *x, float *y, const AxonParams *p);
 *   void   axon_<id>_df32 (size_t n, const float *x, float *dy, const AxonParams *p);
 *
 * The scalar ones live in kernels/activations/, the batch ones in kernels/batch/.
 * Batch kernels allow x == y and handle any n, including 0.
 */
#pragma once

#include "axon-activation.h"

G_BEGIN_DECLS

#define AXON_ACTIVATION(id)                                                             \
  double axon_##id##_f64 (double x, const AxonParams *p);                              \
  double axon_##id##_df64 (double x, const AxonParams *p);                             \
  void axon_##id##_f32 (size_t n, const float *x, float *y, const AxonParams *p);      \
  void axon_##id##_df32 (size_t n, const float *x, float *dy, const AxonParams *p);
#include "axon-activation-list.h"
#undef AXON_ACTIVATION

G_END_DECLS
