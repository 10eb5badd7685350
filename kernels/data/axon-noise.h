/* axon-noise.h: the noise model of the "accuracy on noisy data" figure.
 *
 * Each pixel independently becomes clamp(x + level * z, 0, 1) with z ~ N(0, 1), drawn from
 * GSL's MT19937 seeded with `seed` (gsl_ran_gaussian_ziggurat), pixel by pixel in image
 * order, so the same seed gives the same noisy set on every machine. "30% noise" is
 * level 0.3: a standard deviation of 30% of the pixel range. Labels are unchanged.
 */
#pragma once

#include "axon-dataset.h"

G_BEGIN_DECLS

#define AXON_NOISE_DEFAULT_LEVEL 0.3
#define AXON_NOISE_DEFAULT_SEED 1234

/* A noisy copy of clean; level >= 0 (0 gives an exact copy). */
AxonDataset *axon_dataset_new_noisy (const AxonDataset *clean,
                                     double             level,
                                     guint64            seed);

G_END_DECLS
