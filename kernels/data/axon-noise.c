/* axon-noise.c: additive Gaussian pixel noise, clipped to the pixel range. */
#include "axon-noise.h"

#include <glib/gi18n.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <gsl/gsl_rng.h>

AxonDataset *
axon_dataset_new_noisy (const AxonDataset *clean,
                        double             level,
                        guint64            seed)
{
  g_autofree char *name = g_strdup_printf (_("%s, noise %g"), clean->name, level);
  AxonDataset *noisy = axon_dataset_copy (clean, name);
  gsize n = (gsize) clean->n * clean->dim;
  gsl_rng *rng;

  g_return_val_if_fail (level >= 0 && isfinite (level), noisy);
  if (level == 0)
    return noisy;

  rng = gsl_rng_alloc (gsl_rng_mt19937);
  gsl_rng_set (rng, (unsigned long) seed);
  for (gsize i = 0; i < n; i++)
    {
      double x = noisy->images[i] + level * gsl_ran_gaussian_ziggurat (rng, 1.0);

      noisy->images[i] = (float) CLAMP (x, 0.0, 1.0);
    }
  gsl_rng_free (rng);
  return noisy;
}
