/* axon-projection.h: the 3D camera of the distribution surface, a pure value type.
 *
 * World coordinates: x to the right, y away from the viewer (into the screen at yaw 0),
 * z up. The camera turns the world by `yaw` about the vertical z axis (counter-clockwise
 * seen from above), then tilts by `pitch` about the screen's horizontal axis (positive:
 * looking down from above). Camera coordinates: u right, v up, w away from the eye, with
 * the eye at w = -distance looking along +w; depth = distance + w, so a larger depth is
 * farther. Perspective divides by depth / distance (points at w = 0 keep their size);
 * distance <= 0 or infinite means orthographic (depth is then w).
 *
 * Screen: sx = cx + scale * u * s, sy = cy - scale * v * s, s the perspective factor.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>

G_BEGIN_DECLS

typedef struct
{
  double yaw;      /* degrees */
  double pitch;    /* degrees, clamped to [-90, 90] */
  double distance; /* eye distance in world units; <= 0 or inf: orthographic */
  double scale;    /* pixels per world unit at w = 0 */
  double cx;       /* screen position of the world origin */
  double cy;
  double m[3][3];  /* rows: u, v, w in world coordinates */
} AxonProjection;

void axon_projection_init (AxonProjection *proj,
                           double          yaw,
                           double          pitch,
                           double          distance,
                           double          scale,
                           double          cx,
                           double          cy);

/* World -> camera (u, v, w); a pure rotation. */
void axon_projection_rotate (const AxonProjection *proj,
                             const double          world[3],
                             double                camera[3]);
/* Camera -> world; the transpose, the exact inverse of rotate. */
void axon_projection_unrotate (const AxonProjection *proj,
                               const double          camera[3],
                               double                world[3]);

/* World point -> screen point and depth (larger is farther). Returns false when the point
 * is at or behind the eye (then sx, sy are not meaningful). */
bool axon_projection_project (const AxonProjection *proj,
                              double                x,
                              double                y,
                              double                z,
                              double               *sx,
                              double               *sy,
                              double               *depth);
/* The world point that projects to (sx, sy) at the given depth: the inverse of project. */
void axon_projection_unproject (const AxonProjection *proj,
                                double                sx,
                                double                sy,
                                double                depth,
                                double                world[3]);

/* Depth only (cheaper; for sorting). */
double axon_projection_depth (const AxonProjection *proj,
                              double                x,
                              double                y,
                              double                z);

G_END_DECLS
