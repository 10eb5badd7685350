/* axon-projection.c: rotation matrix from yaw and pitch, perspective divide. */
#include "axon-projection.h"

#include <math.h>

static bool
is_ortho (const AxonProjection *proj)
{
  return !(proj->distance > 0) || !isfinite (proj->distance);
}

void
axon_projection_init (AxonProjection *proj,
                      double          yaw,
                      double          pitch,
                      double          distance,
                      double          scale,
                      double          cx,
                      double          cy)
{
  double a, b, ca, sa, cb, sb;

  g_return_if_fail (proj != NULL);
  if (!isfinite (yaw))
    yaw = 0;
  if (!isfinite (pitch))
    pitch = 0;
  pitch = CLAMP (pitch, -90, 90);
  proj->yaw = yaw;
  proj->pitch = pitch;
  proj->distance = distance;
  proj->scale = scale;
  proj->cx = cx;
  proj->cy = cy;

  a = yaw * G_PI / 180;
  b = pitch * G_PI / 180;
  ca = cos (a);
  sa = sin (a);
  cb = cos (b);
  sb = sin (b);
  /* Yaw: x1 = x ca - y sa, y1 = x sa + y ca, z1 = z.
   * Pitch: u = x1, v = z1 cb + y1 sb, w = y1 cb - z1 sb. */
  proj->m[0][0] = ca;
  proj->m[0][1] = -sa;
  proj->m[0][2] = 0;
  proj->m[1][0] = sa * sb;
  proj->m[1][1] = ca * sb;
  proj->m[1][2] = cb;
  proj->m[2][0] = sa * cb;
  proj->m[2][1] = ca * cb;
  proj->m[2][2] = -sb;
}

void
axon_projection_rotate (const AxonProjection *proj,
                        const double          world[3],
                        double                camera[3])
{
  for (int r = 0; r < 3; r++)
    camera[r] = proj->m[r][0] * world[0] + proj->m[r][1] * world[1] + proj->m[r][2] * world[2];
}

void
axon_projection_unrotate (const AxonProjection *proj,
                          const double          camera[3],
                          double                world[3])
{
  for (int c = 0; c < 3; c++)
    world[c] = proj->m[0][c] * camera[0] + proj->m[1][c] * camera[1] + proj->m[2][c] * camera[2];
}

double
axon_projection_depth (const AxonProjection *proj,
                       double                x,
                       double                y,
                       double                z)
{
  double w = proj->m[2][0] * x + proj->m[2][1] * y + proj->m[2][2] * z;

  return is_ortho (proj) ? w : proj->distance + w;
}

bool
axon_projection_project (const AxonProjection *proj,
                         double                x,
                         double                y,
                         double                z,
                         double               *sx,
                         double               *sy,
                         double               *depth)
{
  const double world[3] = { x, y, z };
  double cam[3], s = 1, d;
  bool ok = true;

  axon_projection_rotate (proj, world, cam);
  if (is_ortho (proj))
    d = cam[2];
  else
    {
      d = proj->distance + cam[2];
      ok = d > 0;
      s = ok ? proj->distance / d : 1;
    }
  if (sx != NULL)
    *sx = proj->cx + proj->scale * cam[0] * s;
  if (sy != NULL)
    *sy = proj->cy - proj->scale * cam[1] * s;
  if (depth != NULL)
    *depth = d;
  return ok;
}

void
axon_projection_unproject (const AxonProjection *proj,
                           double                sx,
                           double                sy,
                           double                depth,
                           double                world[3])
{
  double cam[3], s = 1;

  if (is_ortho (proj))
    cam[2] = depth;
  else
    {
      cam[2] = depth - proj->distance;
      s = proj->distance / depth;
    }
  cam[0] = (sx - proj->cx) / (proj->scale * s);
  cam[1] = -(sy - proj->cy) / (proj->scale * s);
  axon_projection_unrotate (proj, cam, world);
}
