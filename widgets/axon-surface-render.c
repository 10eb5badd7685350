/* axon-surface-render.c: the 3D distribution surface, painter's algorithm over Cairo. */
#include "axon-surface-render.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "axon-colormap.h"
#include "axon-distribution-private.h"

#define HALF_H (AXON_SURFACE_HEIGHT / 2)
#define DEPTH AXON_SURFACE_DEPTH

/* Radius of the sphere around the box: fitting it (not the box's current outline) keeps the
 * figure the same size while it turns. */
static double
box_radius (void)
{
  return sqrt (1 + DEPTH * DEPTH + HALF_H * HALF_H);
}

void
axon_surface_layout (int                            width,
                     int                            height,
                     const AxonStyle               *style,
                     const AxonDistributionOptions *options,
                     AxonSurfaceLayout             *layout)
{
  double font_px = axon_style_font_px (style);
  double margin = font_px * 1.2;
  double top = margin + (options->title && *options->title ? font_px * 2.0 : 0);
  /* A narrow figure (side by side) cannot spare a legend column: the legend then sits in
   * the top right corner, which the box leaves empty at the usual angles. */
  bool narrow = width < font_px * 70;
  double legend_w = options->legend && !narrow ? font_px * 6.5 : 0;
  double r = box_radius (), dist, scale, zoom;

  memset (layout, 0, sizeof *layout);
  layout->plot_x = margin;
  layout->plot_y = top;
  layout->plot_width = MAX (1, width - 2 * margin - legend_w);
  layout->plot_height = MAX (1, height - top - margin);
  if (options->legend)
    {
      layout->legend_width = font_px * 6.5;
      layout->legend_x = width - margin - layout->legend_width + font_px * 0.5;
      layout->legend_height = MIN (layout->plot_height * (narrow ? 0.3 : 0.6), font_px * 18);
      layout->legend_y = top + font_px * 2.0;
    }

  zoom = isfinite (options->zoom) && options->zoom > 0 ? options->zoom : 1;
  dist = options->perspective > 0 && isfinite (options->perspective) ? options->perspective * r
                                                                      : 0;
  /* Fit the box for every yaw at this pitch: turning about the vertical axis keeps the
   * horizontal extent within the radius of the floor, the vertical extent within that
   * radius times sin (pitch) plus the height times cos (pitch). So dragging the yaw never
   * changes the size; labels get a margin outside. */
  {
    double rxy = sqrt (1 + DEPTH * DEPTH);
    double p = CLAMP (isfinite (options->pitch) ? options->pitch : 0, -90, 90) * G_PI / 180;
    double vext = rxy * fabs (sin (p)) + HALF_H * cos (p);
    double avail_w = MAX (1, layout->plot_width - 5 * font_px);
    double avail_h = MAX (1, layout->plot_height - 5 * font_px);

    scale = zoom * MIN (avail_w / (2 * rxy), avail_h / (2 * vext));
  }
  if (dist > r)
    scale *= (dist - r) / dist; /* the nearest corner is magnified by dist / (dist - r) */
  axon_projection_init (&layout->projection, options->yaw, options->pitch, dist, scale,
                        layout->plot_x + layout->plot_width / 2,
                        layout->plot_y + layout->plot_height / 2);
}

static double
value_x (double position)
{
  return -1 + 2 * position;
}

static double
step_y (const AxonHistogramGrid *grid,
        size_t                   i)
{
  return DEPTH - 2 * DEPTH * axon_dist_step_position (grid, (double) grid->steps[i]);
}

void
axon_surface_vertex (const AxonHistogramGrid       *grid,
                     const AxonDistributionOptions *options,
                     double                         count_max,
                     size_t                         i,
                     size_t                         j,
                     double                         world[3])
{
  double c = axon_histogram_grid_row (grid, i)[j];

  world[0] = value_x ((j + 0.5) / grid->n_bins);
  world[1] = step_y (grid, i);
  world[2] = -HALF_H + AXON_SURFACE_HEIGHT * axon_colormap_count_position (c, count_max,
                                                                           options->log_count);
}

/* Projected vertices of the whole grid, computed once per frame. */
typedef struct
{
  size_t rows, cols;
  double *sx, *sy, *depth, *t; /* t: count position 0..1 */
  double *world;               /* 3 per vertex */
} Mesh;

static void
mesh_build (Mesh                          *mesh,
            const AxonHistogramGrid       *grid,
            const AxonDistributionOptions *options,
            const AxonProjection          *proj)
{
  size_t n = grid->n_steps * grid->n_bins;
  double count_max = axon_distribution_count_max (options, grid);

  mesh->rows = grid->n_steps;
  mesh->cols = grid->n_bins;
  mesh->sx = g_new (double, 4 * n + 3 * n);
  mesh->sy = mesh->sx + n;
  mesh->depth = mesh->sy + n;
  mesh->t = mesh->depth + n;
  mesh->world = mesh->t + n;
  for (size_t i = 0; i < grid->n_steps; i++)
    {
      const double *row = axon_histogram_grid_row (grid, i);
      double y = step_y (grid, i);

      for (size_t j = 0; j < grid->n_bins; j++)
        {
          size_t k = i * grid->n_bins + j;
          double *w = mesh->world + 3 * k;

          mesh->t[k] = axon_colormap_count_position (row[j], count_max, options->log_count);
          w[0] = value_x ((j + 0.5) / grid->n_bins);
          w[1] = y;
          w[2] = -HALF_H + AXON_SURFACE_HEIGHT * mesh->t[k];
          axon_projection_project (proj, w[0], w[1], w[2], &mesh->sx[k], &mesh->sy[k],
                                   &mesh->depth[k]);
        }
    }
}

static void
mesh_clear (Mesh *mesh)
{
  g_clear_pointer (&mesh->sx, g_free);
}

static int
compare_far_first (const void *a,
                   const void *b)
{
  double da = ((const AxonSurfaceQuad *) a)->depth;
  double db = ((const AxonSurfaceQuad *) b)->depth;

  return (da < db) - (da > db);
}

static AxonSurfaceQuad *
sorted_quads (const Mesh                    *mesh,
              const AxonDistributionOptions *options,
              const AxonProjection          *proj,
              size_t                        *n_quads)
{
  size_t rows = mesh->rows, cols = mesh->cols, n = 0;
  AxonSurfaceQuad *quads;
  bool skip_floor = proj->pitch >= 0;

  *n_quads = 0;
  if (rows < 2 || cols < 2)
    return NULL;
  quads = g_new (AxonSurfaceQuad, (rows - 1) * (cols - 1));
  for (size_t i = 0; i + 1 < rows; i++)
    for (size_t j = 0; j + 1 < cols; j++)
      {
        size_t k00 = i * cols + j, k01 = k00 + 1, k10 = k00 + cols, k11 = k10 + 1;

        if (skip_floor && mesh->t[k00] == 0 && mesh->t[k01] == 0 && mesh->t[k10] == 0
            && mesh->t[k11] == 0)
          continue;
        quads[n].depth = 0.25 * (mesh->depth[k00] + mesh->depth[k01] + mesh->depth[k10]
                                 + mesh->depth[k11]);
        quads[n].i = (guint32) i;
        quads[n].j = (guint32) j;
        n++;
      }
  qsort (quads, n, sizeof *quads, compare_far_first);
  *n_quads = n;
  return quads;
}

AxonSurfaceQuad *
axon_surface_sorted_quads (const AxonHistogramGrid       *grid,
                           const AxonDistributionOptions *options,
                           const AxonProjection          *projection,
                           size_t                        *n_quads)
{
  Mesh mesh = { 0 };
  AxonSurfaceQuad *quads;

  g_return_val_if_fail (grid != NULL && options != NULL && projection != NULL, NULL);
  mesh_build (&mesh, grid, options, projection);
  quads = sorted_quads (&mesh, options, projection, n_quads);
  mesh_clear (&mesh);
  return quads;
}

/* A headlight from the upper left, fixed to the camera so the shading reads the same from
 * every angle: camera coordinates (u right, v up, w away), pointing towards the light. */
static const double light[3] = { -0.38, 0.78, -0.50 };

static double
shade_factor (const AxonProjection *proj,
              const double         *p00,
              const double         *p01,
              const double         *p10,
              const double         *p11)
{
  double a[3], b[3], n[3], c[3], len, d;

  for (int k = 0; k < 3; k++)
    {
      a[k] = p11[k] - p00[k];
      b[k] = p01[k] - p10[k];
    }
  n[0] = a[1] * b[2] - a[2] * b[1];
  n[1] = a[2] * b[0] - a[0] * b[2];
  n[2] = a[0] * b[1] - a[1] * b[0];
  axon_projection_rotate (proj, n, c);
  len = sqrt (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
  if (!(len > 0))
    return 1;
  d = (c[0] * light[0] + c[1] * light[1] + c[2] * light[2])
      / (len * sqrt (light[0] * light[0] + light[1] * light[1] + light[2] * light[2]));
  /* Two-sided: the underside seen from below is lit too. */
  return 0.58 + 0.42 * fabs (d);
}

static void
quad_colour (double    t,
             double    shade,
             AxonRgba *c)
{
  axon_colormap_sample (t, c);
  c->r *= shade;
  c->g *= shade;
  c->b *= shade;
}

static void
line_3d (cairo_t              *cr,
         const AxonProjection *proj,
         double                x0,
         double                y0,
         double                z0,
         double                x1,
         double                y1,
         double                z1)
{
  double sx, sy;

  axon_projection_project (proj, x0, y0, z0, &sx, &sy, NULL);
  cairo_move_to (cr, sx, sy);
  axon_projection_project (proj, x1, y1, z1, &sx, &sy, NULL);
  cairo_line_to (cr, sx, sy);
}

static void
poly_3d (cairo_t              *cr,
         const AxonProjection *proj,
         const double          pts[][3],
         int                   n)
{
  for (int k = 0; k < n; k++)
    {
      double sx, sy;

      axon_projection_project (proj, pts[k][0], pts[k][1], pts[k][2], &sx, &sy, NULL);
      if (k == 0)
        cairo_move_to (cr, sx, sy);
      else
        cairo_line_to (cr, sx, sy);
    }
  cairo_close_path (cr);
}

/* PDF, PostScript, SVG: where anti-aliasing is the viewer's business. */
static bool
is_vector_target (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return true;
    default:
      return false;
    }
}

typedef struct
{
  AxonTicks value, step, count;
  double count_pos[AXON_TICKS_MAX];
  double count_max;
  double xb, yb; /* the back walls: x = xb, y = yb (farther from the eye) */
} Axes;

static void
axes_init (Axes                          *axes,
           const AxonHistogramGrid       *grid,
           const AxonDistributionOptions *options,
           const AxonProjection          *proj,
           double                         plot_size,
           double                         font_px)
{
  double values[AXON_TICKS_MAX];
  unsigned max_ticks = (unsigned) CLAMP (plot_size / (font_px * 7), 3, 9);
  size_t n;

  axes->count_max = axon_distribution_count_max (options, grid);
  axon_dist_value_ticks (grid, max_ticks, &axes->value);
  axon_dist_step_ticks (grid, max_ticks, &axes->step);
  n = axon_colormap_count_ticks (axes->count_max, options->log_count, values,
                                 MIN (6, AXON_TICKS_MAX));
  axes->count.n = n;
  axes->count.step = 0;
  for (size_t k = 0; k < n; k++)
    {
      axes->count.values[k] = values[k];
      axes->count_pos[k] = axon_colormap_count_position (values[k], axes->count_max,
                                                         options->log_count);
      axon_ticks_format_value (values[k], axes->count.labels[k], AXON_TICK_LABEL_SIZE);
    }
  axes->xb = axon_projection_depth (proj, 1, 0, 0) > axon_projection_depth (proj, -1, 0, 0)
           ? 1 : -1;
  axes->yb = axon_projection_depth (proj, 0, DEPTH, 0) > axon_projection_depth (proj, 0, -DEPTH, 0)
           ? DEPTH : -DEPTH;
}

static double
tick_x (const AxonHistogramGrid *grid,
        double                   value)
{
  return value_x (axon_dist_value_position (grid, value));
}

static double
tick_y (const AxonHistogramGrid *grid,
        double                   step)
{
  return DEPTH - 2 * DEPTH * axon_dist_step_position (grid, step);
}

/* Back walls and floor with their grid lines: everything behind the surface. */
static void
draw_walls (cairo_t                 *cr,
            const AxonStyle         *style,
            const AxonProjection    *proj,
            const AxonHistogramGrid *grid,
            const Axes              *axes)
{
  const double floor_pts[4][3] = {
    { -1, -DEPTH, -HALF_H }, { 1, -DEPTH, -HALF_H }, { 1, DEPTH, -HALF_H }, { -1, DEPTH, -HALF_H },
  };
  const double xwall[4][3] = {
    { axes->xb, -DEPTH, -HALF_H }, { axes->xb, DEPTH, -HALF_H },
    { axes->xb, DEPTH, HALF_H }, { axes->xb, -DEPTH, HALF_H },
  };
  const double ywall[4][3] = {
    { -1, axes->yb, -HALF_H }, { 1, axes->yb, -HALF_H },
    { 1, axes->yb, HALF_H }, { -1, axes->yb, HALF_H },
  };

  AxonRgba wall = style->shade;

  /* Pre-blended over an opaque background: an opaque fill is much cheaper to composite. */
  if (style->background.a >= 1)
    {
      double a = style->shade.a;

      wall.r = style->background.r * (1 - a) + style->shade.r * a;
      wall.g = style->background.g * (1 - a) + style->shade.g * a;
      wall.b = style->background.b * (1 - a) + style->shade.b * a;
      wall.a = 1;
    }
  cairo_save (cr);
  axon_dist_set_source (cr, &wall);
  poly_3d (cr, proj, xwall, 4);
  poly_3d (cr, proj, ywall, 4);
  if (proj->pitch >= 0)
    poly_3d (cr, proj, floor_pts, 4);
  cairo_fill (cr);

  cairo_set_line_width (cr, 1);
  /* The faint grid, opaque over the opaque walls and without anti-aliasing: a long thin
   * anti-aliased stroke is the costliest thing Cairo draws here, and at a tenth of the
   * contrast the steps of an aliased line do not show. */
  if (wall.a >= 1 && !is_vector_target (cr))
    {
      AxonRgba g = style->grid;

      g.r = wall.r * (1 - g.a) + g.r * g.a;
      g.g = wall.g * (1 - g.a) + g.g * g.a;
      g.b = wall.b * (1 - g.a) + g.b * g.a;
      g.a = 1;
      axon_dist_set_source (cr, &g);
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
    }
  else
    axon_dist_set_source (cr, &style->grid);
  for (size_t k = 0; k < axes->count.n; k++)
    {
      double z = -HALF_H + AXON_SURFACE_HEIGHT * axes->count_pos[k];

      line_3d (cr, proj, axes->xb, -DEPTH, z, axes->xb, DEPTH, z);
      line_3d (cr, proj, -1, axes->yb, z, 1, axes->yb, z);
    }
  for (size_t k = 0; k < axes->value.n; k++)
    {
      double x = tick_x (grid, axes->value.values[k]);

      line_3d (cr, proj, x, -DEPTH, -HALF_H, x, DEPTH, -HALF_H);
      line_3d (cr, proj, x, axes->yb, -HALF_H, x, axes->yb, HALF_H);
    }
  for (size_t k = 0; k < axes->step.n; k++)
    {
      double y = tick_y (grid, axes->step.values[k]);

      line_3d (cr, proj, -1, y, -HALF_H, 1, y, -HALF_H);
      line_3d (cr, proj, axes->xb, y, -HALF_H, axes->xb, y, HALF_H);
    }
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  /* The back edges of the box. */
  axon_dist_set_source (cr, &style->muted);
  cairo_set_line_width (cr, 0.8);
  poly_3d (cr, proj, xwall, 4);
  poly_3d (cr, proj, ywall, 4);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Draws text centred on the projection of a world point. */
static void
label_3d (AxonDistText         *text,
          cairo_t              *cr,
          const AxonProjection *proj,
          const char           *str,
          double                x,
          double                y,
          double                z,
          double                xalign,
          const AxonRgba       *colour)
{
  double sx, sy;

  axon_projection_project (proj, x, y, z, &sx, &sy, NULL);
  axon_dist_text_draw (text, cr, str, sx, sy, xalign, 0.5, colour);
}

/* Horizontal alignment for a label placed in screen direction dx from its anchor: text to
 * the right of the anchor starts there, text to the left ends there. */
static double
align_for (double dx,
           double dy)
{
  double len = hypot (dx, dy);

  if (!(len > 0))
    return 0.5;
  return CLAMP (0.5 - 0.5 * dx / len * 1.6, 0, 1);
}

static void
draw_front_axes (cairo_t                       *cr,
                 const AxonStyle               *style,
                 const AxonDistributionOptions *options,
                 const AxonProjection          *proj,
                 const AxonHistogramGrid       *grid,
                 const Axes                    *axes)
{
  AxonDistText text;
  double yf = -axes->yb, xf = -axes->xb;
  double oy = yf > 0 ? 1 : -1, ox = xf > 0 ? 1 : -1; /* outward */
  double gap = 0.07, tick = 0.035;
  double ax, ay, bx, by, cx0, cy0, cx1, cy1, zx, zy;
  char caption[128];
  double zcx, zcy; /* the vertical count edge: the side corner farther left or right */

  axon_dist_text_init (&text, cr, style, 0.82);
  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  axon_dist_set_source (cr, &style->foreground);
  /* Value axis along the front floor edge y = yf, step axis along x = xf. */
  line_3d (cr, proj, -1, yf, -HALF_H, 1, yf, -HALF_H);
  line_3d (cr, proj, xf, -DEPTH, -HALF_H, xf, DEPTH, -HALF_H);
  for (size_t k = 0; k < axes->value.n; k++)
    {
      double x = tick_x (grid, axes->value.values[k]);

      line_3d (cr, proj, x, yf, -HALF_H, x, yf + oy * tick, -HALF_H);
    }
  for (size_t k = 0; k < axes->step.n; k++)
    {
      double y = tick_y (grid, axes->step.values[k]);

      line_3d (cr, proj, xf, y, -HALF_H, xf + ox * tick, y, -HALF_H);
    }
  /* Count axis on the vertical edge at a side corner of the silhouette. */
  axon_projection_project (proj, axes->xb, yf, 0, &cx0, &cy0, NULL);
  axon_projection_project (proj, xf, axes->yb, 0, &cx1, &cy1, NULL);
  if (cx0 <= cx1)
    {
      zcx = axes->xb;
      zcy = yf;
    }
  else
    {
      zcx = xf;
      zcy = axes->yb;
    }
  line_3d (cr, proj, zcx, zcy, -HALF_H, zcx, zcy, HALF_H);
  cairo_stroke (cr);

  /* Labels: the direction from an edge point to its label decides the alignment. */
  axon_projection_project (proj, 0, yf, -HALF_H, &ax, &ay, NULL);
  axon_projection_project (proj, 0, yf + oy, -HALF_H, &bx, &by, NULL);
  for (size_t k = 0; k < axes->value.n; k++)
    label_3d (&text, cr, proj, axes->value.labels[k], tick_x (grid, axes->value.values[k]),
              yf + oy * gap * 1.4, -HALF_H, align_for (bx - ax, by - ay), &style->foreground);
  axon_dist_value_caption (options, caption, sizeof caption);
  axon_dist_text_set_bold (&text, true);
  label_3d (&text, cr, proj, caption, 0, yf + oy * gap * 4.2, -HALF_H,
            align_for (bx - ax, by - ay), &style->muted);
  axon_dist_text_set_bold (&text, false);

  axon_projection_project (proj, xf, 0, -HALF_H, &ax, &ay, NULL);
  axon_projection_project (proj, xf + ox, 0, -HALF_H, &bx, &by, NULL);
  for (size_t k = 0; k < axes->step.n; k++)
    label_3d (&text, cr, proj, axes->step.labels[k], xf + ox * gap * 1.4,
              tick_y (grid, axes->step.values[k]), -HALF_H, align_for (bx - ax, by - ay),
              &style->foreground);
  axon_dist_text_set_bold (&text, true);
  label_3d (&text, cr, proj, _("step"), xf + ox * gap * 4.2, 0, -HALF_H,
            align_for (bx - ax, by - ay), &style->muted);
  axon_dist_text_set_bold (&text, false);

  /* Count labels beside the vertical edge, away from the box centre on screen. */
  axon_projection_project (proj, zcx, zcy, 0, &zx, &zy, NULL);
  {
    double dir = zx < proj->cx ? -1 : 1;

    for (size_t k = 0; k < axes->count.n; k++)
      {
        double z = -HALF_H + AXON_SURFACE_HEIGHT * axes->count_pos[k], sx, sy;

        axon_projection_project (proj, zcx, zcy, z, &sx, &sy, NULL);
        cairo_move_to (cr, sx, sy);
        cairo_line_to (cr, sx + dir * 4, sy);
        axon_dist_text_draw (&text, cr, axes->count.labels[k], sx + dir * 6, sy,
                             dir < 0 ? 1 : 0, 0.5, &style->foreground);
      }
    axon_dist_set_source (cr, &style->foreground);
    cairo_stroke (cr);
    {
      double sx, sy;

      axon_projection_project (proj, zcx, zcy, HALF_H, &sx, &sy, NULL);
      axon_dist_text_set_bold (&text, true);
      axon_dist_text_draw (&text, cr, options->log_count ? _("count (log)") : _("count"),
                           sx, sy - text.font_px * 0.9, 0.5, 1, &style->muted);
    }
  }
  cairo_restore (cr);
  axon_dist_text_clear (&text);
}

typedef struct
{
  double depth;
  guint32 j;
} CursorSegment;

static int
compare_segments (const void *a,
                  const void *b)
{
  double da = ((const CursorSegment *) a)->depth, db = ((const CursorSegment *) b)->depth;

  return (da < db) - (da > db);
}

static void
draw_cursor_segment (cairo_t         *cr,
                     const Mesh      *mesh,
                     const AxonStyle *style,
                     size_t           row,
                     size_t           j)
{
  size_t k = row * mesh->cols + j;

  cairo_move_to (cr, mesh->sx[k], mesh->sy[k]);
  cairo_line_to (cr, mesh->sx[k + 1], mesh->sy[k + 1]);
  axon_dist_set_source (cr, &style->highlight);
  cairo_set_line_width (cr, MAX (2.5, style->line_width * 1.4));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
}

static void
draw_shaded (cairo_t                       *cr,
             const AxonStyle               *style,
             const AxonDistributionOptions *options,
             const AxonProjection          *proj,
             const AxonHistogramGrid       *grid,
             const Mesh                    *mesh)
{
  size_t n_quads = 0, cols = mesh->cols;
  g_autofree AxonSurfaceQuad *quads = sorted_quads (mesh, options, proj, &n_quads);
  g_autofree CursorSegment *segs = NULL;
  size_t n_segs = 0, s = 0;
  size_t cursor = options->show_cursor ? axon_histogram_grid_find_step (grid,
                                                                        options->cursor_step)
                                       : G_MAXSIZE;
  /* Mesh lines along every k-th step give the surface its shape, like ridges; strokes
   * cost twice a fill, so about a dozen rows. */
  size_t every = MAX (1, (mesh->rows + 11) / 12);
  AxonRgba line = style->background;
  bool raster;
  double grow;
  g_autofree double *qdepth = NULL;

  line.a = style->background.r + style->background.g + style->background.b > 1.5 ? 0.4 : 0.6;
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (proj->pitch >= 0)
    {
      /* The floor in the colour of a zero count stands for every flat quad on it (sorted
       * out, as nothing is below the floor seen from above); one anti-aliased polygon, so
       * the edge of the surface is smooth and nothing shows between it and the quads. */
      AxonRgba c;
      const double o[3] = { 0, 0, 0 };
      const double ex[3] = { 1, 0, 0 }, ey[3] = { 0, 1, 0 }, exy[3] = { 1, 1, 0 };
      const double floor_pts[4][3] = {
        { -1, -DEPTH, -HALF_H }, { 1, -DEPTH, -HALF_H }, { 1, DEPTH, -HALF_H },
        { -1, DEPTH, -HALF_H },
      };

      quad_colour (0, shade_factor (proj, o, ex, ey, exy), &c);
      axon_dist_set_source (cr, &c);
      poly_3d (cr, proj, floor_pts, 4);
      cairo_fill (cr);
    }

  if (cursor < mesh->rows && cols >= 2)
    {
      segs = g_new (CursorSegment, cols - 1);
      for (size_t j = 0; j + 1 < cols; j++)
        {
          size_t k = cursor * cols + j;

          /* Just nearer than the nearer of the two quads sharing this edge. */
          double d = 0.5 * (mesh->depth[k] + mesh->depth[k + 1]);
          double near = d;

          if (cursor > 0)
            near = MIN (near, 0.25 * (mesh->depth[k] + mesh->depth[k + 1] + mesh->depth[k - cols]
                                      + mesh->depth[k + 1 - cols]));
          if (cursor + 1 < mesh->rows)
            near = MIN (near, 0.25 * (mesh->depth[k] + mesh->depth[k + 1] + mesh->depth[k + cols]
                                      + mesh->depth[k + 1 + cols]));
          segs[n_segs].depth = near - 1e-9;
          segs[n_segs].j = (guint32) j;
          n_segs++;
        }
      qsort (segs, n_segs, sizeof *segs, compare_segments);
    }

  /* On raster targets, quads are filled without anti-aliasing: 7x cheaper in Cairo's image
   * backend, and adjacent quads then tile exactly (no seams where the background shows
   * through); the anti-aliased mesh lines and the small size of the quads keep edges
   * smooth. Vector targets keep their own rendering, with quads grown by a fraction of a
   * pixel so viewers do not show hairline seams either. */
  raster = !is_vector_target (cr);
  grow = raster ? 0.2 : 0.35;
  /* Depth of every quad by position; floor quads were drawn first (infinitely far). */
  qdepth = g_new (double, MAX (1, (mesh->rows - 1) * (cols - 1)));
  for (size_t k = 0; k < (mesh->rows - 1) * (cols - 1); k++)
    qdepth[k] = INFINITY;
  for (size_t q = 0; q < n_quads; q++)
    qdepth[quads[q].i * (cols - 1) + quads[q].j] = quads[q].depth;
  cairo_set_line_width (cr, 0.8);
  for (size_t q = 0; q < n_quads; q++)
    {
      const AxonSurfaceQuad *quad = &quads[q];
      size_t k[4] = { quad->i * cols + quad->j, quad->i * cols + quad->j + 1,
                      (quad->i + 1) * cols + quad->j + 1, (quad->i + 1) * cols + quad->j };
      AxonRgba c, lc;
      double t = 0.25 * (mesh->t[k[0]] + mesh->t[k[1]] + mesh->t[k[2]] + mesh->t[k[3]]);
      double mx = 0.25 * (mesh->sx[k[0]] + mesh->sx[k[1]] + mesh->sx[k[2]] + mesh->sx[k[3]]);
      double my = 0.25 * (mesh->sy[k[0]] + mesh->sy[k[1]] + mesh->sy[k[2]] + mesh->sy[k[3]]);

      while (s < n_segs && segs[s].depth >= quad->depth)
        draw_cursor_segment (cr, mesh, style, cursor, segs[s++].j);

      quad_colour (t, shade_factor (proj, mesh->world + 3 * k[0], mesh->world + 3 * k[1],
                                    mesh->world + 3 * k[3], mesh->world + 3 * k[2]), &c);
      for (int e = 0; e < 4; e++)
        {
          double dx = mesh->sx[k[e]] - mx, dy = mesh->sy[k[e]] - my;
          double len = hypot (dx, dy), f = len > 0 ? grow / len : 0;

          if (e == 0)
            cairo_move_to (cr, mesh->sx[k[e]] + dx * f, mesh->sy[k[e]] + dy * f);
          else
            cairo_line_to (cr, mesh->sx[k[e]] + dx * f, mesh->sy[k[e]] + dy * f);
        }
      cairo_close_path (cr);
      axon_dist_set_source (cr, &c);
      if (raster)
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_fill (cr);
      if (raster)
        cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
      /* A mesh line lies on the edge two quads share: draw it with the one drawn later
       * (the nearer), or that one would cover half of it. */
      for (int side = 0; side < 2; side++)
        {
          size_t r = quad->i + side; /* the row of this edge */
          size_t other = side == 0 ? r - 1 : r;   /* the other quad's row */
          double od;

          if (!(r % every == 0 || r + 1 == mesh->rows))
            continue;
          od = (side == 0 && r == 0) || (side == 1 && r + 1 == mesh->rows)
             ? INFINITY : qdepth[other * (cols - 1) + quad->j];
          if (!(quad->depth < od || (quad->depth == od && side == 1)))
            continue;
          cairo_move_to (cr, mesh->sx[r * cols + quad->j], mesh->sy[r * cols + quad->j]);
          cairo_line_to (cr, mesh->sx[r * cols + quad->j + 1], mesh->sy[r * cols + quad->j + 1]);
          /* Opaque, blended with the quad's colour here: overlapping translucent strokes
           * would leave dots at every joint. */
          lc.r = c.r + (line.r - c.r) * line.a;
          lc.g = c.g + (line.g - c.g) * line.a;
          lc.b = c.b + (line.b - c.b) * line.a;
          lc.a = 1;
          axon_dist_set_source (cr, &lc);
          if (raster)
            cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
          cairo_stroke (cr);
          if (raster)
            cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);
        }
    }
  while (s < n_segs)
    draw_cursor_segment (cr, mesh, style, cursor, segs[s++].j);
  cairo_restore (cr);
}

typedef struct
{
  double depth;
  size_t i;
} Slice;

static int
compare_slices (const void *a,
                const void *b)
{
  double da = ((const Slice *) a)->depth, db = ((const Slice *) b)->depth;

  return (da < db) - (da > db);
}

static void
draw_slices (cairo_t                       *cr,
             const AxonStyle               *style,
             const AxonDistributionOptions *options,
             const AxonProjection          *proj,
             const AxonHistogramGrid       *grid,
             const Mesh                    *mesh)
{
  g_autofree Slice *slices = g_new (Slice, MAX (mesh->rows, 1));
  size_t cols = mesh->cols;
  size_t cursor = options->show_cursor ? axon_histogram_grid_find_step (grid,
                                                                        options->cursor_step)
                                       : G_MAXSIZE;
  AxonRgba edge = style->foreground;

  edge.a = 0.75;
  for (size_t i = 0; i < mesh->rows; i++)
    {
      slices[i].i = i;
      slices[i].depth = axon_projection_depth (proj, 0, step_y (grid, i), 0);
    }
  qsort (slices, mesh->rows, sizeof *slices, compare_slices);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (size_t s = 0; s < mesh->rows; s++)
    {
      size_t i = slices[s].i;
      double y = step_y (grid, i), x0 = value_x (0.5 / cols), x1 = value_x (1 - 0.5 / cols);
      double bx, by, tx, ty, gx0, gy0, gx1, gy1;
      cairo_pattern_t *gradient;
      const int n_stops = 8;

      /* The slice is a vertical plane: colour by height with a gradient along the
       * projected vertical, so one slice is one vector path. */
      axon_projection_project (proj, 0, y, -HALF_H, &gx0, &gy0, NULL);
      axon_projection_project (proj, 0, y, HALF_H, &gx1, &gy1, NULL);
      gradient = cairo_pattern_create_linear (gx0, gy0, gx1, gy1);
      for (int k = 0; k <= n_stops; k++)
        {
          AxonRgba c;
          double t = (double) k / n_stops;

          axon_colormap_sample (t, &c);
          cairo_pattern_add_color_stop_rgba (gradient, t, c.r, c.g, c.b, 0.92);
        }

      axon_projection_project (proj, x0, y, -HALF_H, &bx, &by, NULL);
      cairo_move_to (cr, bx, by);
      for (size_t j = 0; j < cols; j++)
        cairo_line_to (cr, mesh->sx[i * cols + j], mesh->sy[i * cols + j]);
      axon_projection_project (proj, x1, y, -HALF_H, &tx, &ty, NULL);
      cairo_line_to (cr, tx, ty);
      cairo_close_path (cr);
      cairo_set_source (cr, gradient);
      cairo_pattern_destroy (gradient);
      cairo_fill (cr);

      for (size_t j = 0; j < cols; j++)
        {
          if (j == 0)
            cairo_move_to (cr, mesh->sx[i * cols + j], mesh->sy[i * cols + j]);
          else
            cairo_line_to (cr, mesh->sx[i * cols + j], mesh->sy[i * cols + j]);
        }
      if (i == cursor)
        {
          axon_dist_set_source (cr, &style->highlight);
          cairo_set_line_width (cr, MAX (2.5, style->line_width * 1.4));
        }
      else
        {
          axon_dist_set_source (cr, &edge);
          cairo_set_line_width (cr, 0.9);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
axon_surface_render_grid (cairo_t                       *cr,
                          int                            width,
                          int                            height,
                          const AxonStyle               *style,
                          const AxonDistributionOptions *options,
                          const AxonHistogramGrid       *grid)
{
  AxonSurfaceLayout layout;
  Axes axes;
  Mesh mesh = { 0 };

  g_return_if_fail (cr != NULL && style != NULL && options != NULL && grid != NULL);
  cairo_save (cr);
  axon_dist_paint_background (cr, width, height, style);
  axon_surface_layout (width, height, style, options, &layout);

  if (options->title != NULL && *options->title != '\0')
    {
      AxonDistText text;

      axon_dist_text_init (&text, cr, style, 1.05);
      axon_dist_text_set_bold (&text, true);
      axon_dist_text_draw (&text, cr, options->title, axon_style_font_px (style) * 1.2,
                           axon_style_font_px (style) * 0.9, 0, 0, &style->foreground);
      axon_dist_text_clear (&text);
    }
  if (grid->n_steps == 0)
    {
      axon_dist_draw_empty (cr, width, height, style, NULL);
      cairo_restore (cr);
      return;
    }

  axes_init (&axes, grid, options, &layout.projection,
             MIN (layout.plot_width, layout.plot_height), axon_style_font_px (style));
  draw_walls (cr, style, &layout.projection, grid, &axes);
  mesh_build (&mesh, grid, options, &layout.projection);
  /* One step has no quads: show it as a slice. */
  if (options->surface_mode == AXON_SURFACE_MODE_SLICES || grid->n_steps < 2
      || grid->n_bins < 2)
    draw_slices (cr, style, options, &layout.projection, grid, &mesh);
  else
    draw_shaded (cr, style, options, &layout.projection, grid, &mesh);
  mesh_clear (&mesh);
  draw_front_axes (cr, style, options, &layout.projection, grid, &axes);

  if (options->show_cursor)
    {
      AxonDistText text;
      char label[96];
      size_t c = axon_histogram_grid_find_step (grid, options->cursor_step);

      axon_dist_text_init (&text, cr, style, 0.9);
      /* TRANSLATORS: the step under the step cursor */
      g_snprintf (label, sizeof label, _("step %" PRId64), (int64_t) grid->steps[c]);
      axon_dist_text_draw (&text, cr, label, layout.plot_x, layout.plot_y, 0, 0,
                           &style->highlight);
      axon_dist_text_clear (&text);
    }
  if (options->legend)
    axon_colormap_render_legend (cr, layout.legend_x, layout.legend_y, layout.legend_width,
                                 layout.legend_height, style, axes.count_max, options->log_count,
                                 options->log_count ? _("count (log)") : _("count"));
  cairo_restore (cr);
}

void
axon_surface_render (cairo_t                       *cr,
                     int                            width,
                     int                            height,
                     const AxonStyle               *style,
                     const AxonDistributionOptions *options,
                     const AxonHistogram *const    *hists,
                     size_t                         n)
{
  g_autoptr (AxonHistogramGrid) grid = axon_distribution_build_grid (options, hists, n);

  axon_surface_render_grid (cr, width, height, style, options, grid);
}
