/* axon-batch-dispatch.c: choosing the instruction set of the batch kernels at run time. */
#include "axon-batch-simd.h"

#include <stdlib.h>
#include <string.h>

int axon_batch_isa_current = -1;

AxonBatchIsa
axon_batch_best_isa (void)
{
#if AXON_BATCH_HAVE_X86_VARIANTS
  __builtin_cpu_init ();
  if (__builtin_cpu_supports ("x86-64-v4"))
    return AXON_BATCH_ISA_AVX512;
  if (__builtin_cpu_supports ("x86-64-v3"))
    return AXON_BATCH_ISA_AVX2;
#endif
  return AXON_BATCH_ISA_GENERIC;
}

AxonBatchIsa
axon_batch_set_isa (AxonBatchIsa isa)
{
  AxonBatchIsa best = axon_batch_best_isa ();

  if ((int) isa < 0 || isa > best)
    isa = best;
  __atomic_store_n (&axon_batch_isa_current, (int) isa, __ATOMIC_RELAXED);
  return isa;
}

int
axon_batch_isa_init (void)
{
  const char *env = getenv ("AXON_BATCH_ISA");
  AxonBatchIsa isa = axon_batch_best_isa ();

  /* Only ever lowers the level: asking for AVX-512 on an AVX2 machine gives AVX2. */
  if (env != NULL && strcmp (env, "generic") == 0)
    isa = AXON_BATCH_ISA_GENERIC;
  else if (env != NULL && strcmp (env, "avx2") == 0 && isa > AXON_BATCH_ISA_AVX2)
    isa = AXON_BATCH_ISA_AVX2;
  return (int) axon_batch_set_isa (isa);
}

AxonBatchIsa
axon_batch_get_isa (void)
{
  return (AxonBatchIsa) axon_batch_active_isa ();
}

unsigned
axon_batch_vector_width (AxonBatchIsa isa)
{
  switch (isa)
    {
    case AXON_BATCH_ISA_AVX512:
      return 16;
    case AXON_BATCH_ISA_AVX2:
      return 8;
    case AXON_BATCH_ISA_GENERIC:
    default:
      return 4;
    }
}

const char *
axon_batch_isa_name (AxonBatchIsa isa)
{
  switch (isa)
    {
    case AXON_BATCH_ISA_AVX512:
      return "avx512";
    case AXON_BATCH_ISA_AVX2:
      return "avx2";
    case AXON_BATCH_ISA_GENERIC:
    default:
      return "generic";
    }
}
