/* axon-colormap.h: the colour map of counts (viridis) and its legend.
 *
 * Viridis is perceptually uniform (equal steps in count look like equal steps in colour),
 * stays ordered when printed in grey, and reads on light and dark backgrounds alike.
 * Counts map to the colour map's position t in [0, 1] linearly or, for log counts, as
 * log1p (count) / log1p (max), so a zero count is the darkest colour either way.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

#include "axon-style.h"

G_BEGIN_DECLS

/* The colour at t (clamped to [0, 1]); NaN gives transparent. */
void axon_colormap_sample (double    t,
                           AxonRgba *out);

/* Position of a count on the map: 0 for count <= 0, NaN or max_count <= 0; 1 at max. */
double axon_colormap_count_position (double count,
                                     double max_count,
                                     bool   log_count);
/* Inverse of axon_colormap_count_position for t in [0, 1]. */
double axon_colormap_count_from_position (double t,
                                          double max_count,
                                          bool   log_count);

/* Tick values for a count axis [0, max_count]: 1-2-5 ticks, or decades 0, 1, 10, ... for
 * log counts. Returns how many (at least 1, at most max_values) were written. */
size_t axon_colormap_count_ticks (double  max_count,
                                  bool    log_count,
                                  double *values,
                                  size_t  max_values);

/* A vertical colour bar at (x, y), height tall, with count ticks to its right and title
 * above it; the labels need about 5 digits of width beyond the bar (font size wide). */
void axon_colormap_render_legend (cairo_t         *cr,
                                  double           x,
                                  double           y,
                                  double           width,
                                  double           height,
                                  const AxonStyle *style,
                                  double           max_count,
                                  bool             log_count,
                                  const char      *title);

G_END_DECLS
