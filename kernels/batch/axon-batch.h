/* axon-batch.h: which instruction set the float32 batch kernels run on.
 *
 * Every axon_<id>_f32 / axon_<id>_df32 exists in three builds of the same source: AVX-512
 * (x86-64-v4), AVX2 + FMA (x86-64-v3) and a portable one (SSE2 on x86-64, 4-lane GCC
 * vectors elsewhere). The best one the CPU supports is chosen on the first call; the environment
 * variable AXON_BATCH_ISA=generic|avx2|avx512 or axon_batch_set_isa () lowers it, so tests
 * can check that all builds agree and benchmarks can compare them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  AXON_BATCH_ISA_GENERIC = 0, /* vector extensions lowered to SSE2 (or scalar) */
  AXON_BATCH_ISA_AVX2 = 1,    /* x86-64-v3: AVX2, FMA */
  AXON_BATCH_ISA_AVX512 = 2,  /* x86-64-v4: AVX-512 F/BW/DQ/VL */
} AxonBatchIsa;

/* The best instruction set this CPU (and this build) supports. */
AxonBatchIsa axon_batch_best_isa (void);

/* The instruction set the kernels use now. */
AxonBatchIsa axon_batch_get_isa (void);

/* Uses isa from now on, or the best supported one if isa is not; returns the one set. */
AxonBatchIsa axon_batch_set_isa (AxonBatchIsa isa);

/* "avx512", "avx2", "generic". */
const char *axon_batch_isa_name (AxonBatchIsa isa);

/* Elements per vector in the main loop of isa's kernels (16, 8, 4); the tail after it goes
 * through the same vector code, zero-padded. */
unsigned axon_batch_vector_width (AxonBatchIsa isa);

G_END_DECLS
