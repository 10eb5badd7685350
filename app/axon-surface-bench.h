/* axon-surface-bench.h: the 3D surface's figure for `axon bench render` ("surface_ms"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Median milliseconds to draw the surface view of 100 steps x 64 bins (re-binned from 120
 * recorded bins, grid built once as the view caches it) on a width x height image surface,
 * turning the camera every frame as a drag does; negative if the surface cannot be made. */
double axon_surface_bench_ms (int   width,
                              int   height,
                              guint warmup,
                              guint frames);

G_END_DECLS
