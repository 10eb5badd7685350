/* axon-blas.c: OpenBLAS's own controls (not part of CBLAS, so declared here). */
#include "axon-blas.h"

void openblas_set_num_threads (int num_threads);
int openblas_get_num_threads (void);
char *openblas_get_config (void);

void
axon_blas_set_threads (int n)
{
  openblas_set_num_threads (MAX (n, 1));
}

int
axon_blas_get_threads (void)
{
  return openblas_get_num_threads ();
}

const char *
axon_blas_describe (void)
{
  return openblas_get_config ();
}
