/* axon-blas.h: the BLAS behind GSL's CBLAS interface (OpenBLAS, linked first).
 *
 * The trainer's products are cblas_sgemm calls through gsl/gsl_cblas.h; they resolve to
 * OpenBLAS because it comes before libgslcblas on the link line. OpenBLAS starts one thread
 * per core; benchmarks and reproducible runs fix the count here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Threads OpenBLAS uses from now on (>= 1). */
void axon_blas_set_threads (int n);
int axon_blas_get_threads (void);
/* "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Zen MAX_THREADS=64", for benchmark reports. */
const char *axon_blas_describe (void);

G_END_DECLS
