/* test-plot.c: sampling exact at breakpoints, plot geometry, rendered pixels, `axon plot`.
 *
 * No display: everything draws on Cairo image surfaces.
 */
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "axon-plot-render.h"
#include "axon-plot-sample.h"
#include "axon-registry.h"

static const AxonActivation *
get (const char *name)
{
  const AxonActivation *a = axon_activation_lookup (name, NULL, NULL);

  g_assert_nonnull (a);
  return a;
}

static void
sample (const AxonActivation *a,
        const AxonParams     *p,
        gboolean              derivative,
        double                x_min,
        double                x_max,
        size_t                n_steps,
        AxonPolyline         *line)
{
  double kinks[AXON_MAX_KINKS];
  size_t n = axon_plot_kinks (a, p, x_min, x_max, kinks);

  axon_plot_sample (derivative ? a->df64 : a->f64, p, kinks, n, x_min, x_max, n_steps, line);
}

/* Invariants of every polyline: x ascending (ties allowed at kinks), no leading,
 * trailing or doubled break, finite y elsewhere, both ends of the range present. */
static void
check_polyline (const AxonPolyline *line,
                double              x_min,
                double              x_max)
{
  double last_x = -INFINITY;

  g_assert_cmpuint (line->n, >, 0);
  g_assert_false (isnan (line->y[0]));
  g_assert_false (isnan (line->y[line->n - 1]));
  for (size_t i = 0; i < line->n; i++)
    {
      if (isnan (line->y[i]))
        {
          g_assert_false (isnan (line->y[i - 1]));
          continue;
        }
      g_assert_true (isfinite (line->y[i]));
      g_assert_cmpfloat (line->x[i], >=, last_x);
      g_assert_cmpfloat (line->x[i], >=, x_min);
      g_assert_cmpfloat (line->x[i], <=, x_max);
      last_x = line->x[i];
    }
}

/* Index of the point (x, y) exactly, or -1. */
static gssize
find_point (const AxonPolyline *line,
            double              x,
            double              y)
{
  for (size_t i = 0; i < line->n; i++)
    if (line->x[i] == x && line->y[i] == y)
      return (gssize) i;
  return -1;
}

/* Whether the polyline has a point at exactly x with y within rounding of y. */
static gboolean
find_point_near (const AxonPolyline *line,
                 double              x,
                 double              y)
{
  for (size_t i = 0; i < line->n; i++)
    if (line->x[i] == x && fabs (line->y[i] - y) <= 1e-9 * fmax (1, fabs (y)))
      return TRUE;
  return FALSE;
}

static void
test_relu_corner (void)
{
  const AxonActivation *relu = get ("relu");
  AxonParams p;
  AxonPolyline line;

  axon_params_init_default (relu, &p);
  axon_polyline_init (&line);
  /* Ranges and steps where 0 falls between two grid points, zoomed in and out. */
  for (int zoom = -12; zoom <= 6; zoom += 3)
    {
      double s = pow (10, zoom);
      double x_min = -1.037 * s, x_max = 0.971 * s;
      gssize corner;

      sample (relu, &p, FALSE, x_min, x_max, 97, &line);
      check_polyline (&line, x_min, x_max);
      corner = find_point (&line, 0, 0);
      g_assert_cmpint (corner, >, 0);
      g_assert_cmpint (corner, <, (gssize) line.n - 1);
      /* One corner: flat on the left, slope 1 on the right, no break anywhere. */
      for (size_t i = 0; i < line.n; i++)
        {
          g_assert_false (isnan (line.y[i]));
          if (line.x[i] < 0)
            g_assert_cmpfloat (line.y[i], ==, 0);
          else
            g_assert_cmpfloat (line.y[i], ==, line.x[i]);
        }
      /* The neighbours of the corner are off zero: it is the exact point, not smeared. */
      g_assert_cmpfloat (line.x[corner - 1], <, 0);
      g_assert_cmpfloat (line.x[corner + 1], >, 0);
    }
  axon_polyline_clear (&line);
}

/* Breaks between points with x == k, and how many points the polyline has at x == k. */
static void
count_at (const AxonPolyline *line,
          double              k,
          guint              *n_points,
          guint              *n_breaks)
{
  *n_points = *n_breaks = 0;
  for (size_t i = 0; i < line->n; i++)
    {
      if (!isnan (line->y[i]) && line->x[i] == k)
        (*n_points)++;
      if (isnan (line->y[i]) && i > 0 && i + 1 < line->n && line->x[i - 1] == k
          && line->x[i + 1] == k)
        (*n_breaks)++;
    }
}

static void
test_step_jump (void)
{
  const AxonActivation *step = get ("step");
  AxonParams p;
  AxonPolyline line;

  axon_params_init_default (step, &p);
  axon_polyline_init (&line);
  for (int zoom = -12; zoom <= 6; zoom += 3)
    {
      double s = pow (10, zoom);
      double x_min = -2.013 * s, x_max = 1.029 * s;
      gssize left, right;
      guint n_points, n_breaks;

      sample (step, &p, FALSE, x_min, x_max, 211, &line);
      check_polyline (&line, x_min, x_max);
      for (size_t i = 0; i < line.n; i++)
        if (!isnan (line.y[i]))
          {
            /* Nothing strictly inside the jump, and each side at its own level. */
            g_assert_true (line.y[i] == 0 || line.y[i] == 1);
            if (line.x[i] < 0)
              g_assert_cmpfloat (line.y[i], ==, 0);
            if (line.x[i] > 0)
              g_assert_cmpfloat (line.y[i], ==, 1);
          }
      left = find_point (&line, 0, 0);
      right = find_point (&line, 0, 1);
      g_assert_cmpint (left, >=, 0);
      g_assert_cmpint (right, ==, left + 2); /* left limit, break, right limit */
      g_assert_true (isnan (line.y[left + 1]));
      count_at (&line, 0, &n_points, &n_breaks);
      g_assert_cmpuint (n_points, ==, 2);
      g_assert_cmpuint (n_breaks, ==, 1);
    }
  axon_polyline_clear (&line);
}

static void
test_signum_point (void)
{
  const AxonActivation *signum = get ("signum");
  AxonParams p;
  AxonPolyline line;
  gssize at;

  axon_params_init_default (signum, &p);
  axon_polyline_init (&line);
  sample (signum, &p, FALSE, -1, 1, 64, &line); /* 0 is a grid point here */
  check_polyline (&line, -1, 1);
  at = find_point (&line, 0, signum->f64 (0, &p));
  g_assert_cmpint (at, >, 1);
  /* Left limit, break, the value itself alone, break, right limit. */
  g_assert_cmpfloat (line.y[at - 2], ==, -1);
  g_assert_true (isnan (line.y[at - 1]));
  g_assert_true (isnan (line.y[at + 1]));
  g_assert_cmpfloat (line.y[at + 2], ==, 1);
  axon_polyline_clear (&line);
}

typedef struct
{
  const char *name;
  const char *params; /* "k=v" assignments separated by ';', or NULL */
} KinkCase;

/* For every activation with kinks: a point at each kink; a jump (of f or f') is a break
 * with the two one-sided limits on either side and nothing in between; a continuous kink
 * is one point with no break. */
static void
test_kinks_table (void)
{
  static const KinkCase cases[] = {
    { "relu", NULL },          { "relu6", NULL },        { "hard_sigmoid", NULL },
    { "hard_sigmoid", "slope=0.2;offset=0.5" },           { "hard_tanh", NULL },
    { "leaky_relu", NULL },    { "prelu", NULL },        { "rrelu", NULL },
    { "elu", "alpha=0.5" },    { "hard_swish", NULL },   { "softshrink", NULL },
    { "hardshrink", NULL },    { "hardshrink", "lambda=1.25" },
    { "step", NULL },          { "signum", NULL },       { "threshold", NULL },
    { "hard_mish", NULL },     { "leaky_relu6", NULL },  { "srelu", NULL },
  };

  for (gsize c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const AxonActivation *a = axon_activation_lookup (cases[c].name, NULL, NULL);
      AxonParams p;
      double kinks[AXON_MAX_KINKS];
      size_t n_kinks;

      if (a == NULL)
        {
          g_test_message ("%s: not in this build's table, skipped", cases[c].name);
          continue;
        }
      axon_params_init_default (a, &p);
      if (cases[c].params != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (cases[c].params, ";", -1);
          for (guint i = 0; parts[i] != NULL; i++)
            g_assert_true (axon_params_assign (a, &p, 0, parts[i], NULL));
        }
      n_kinks = axon_plot_kinks (a, &p, -10, 10, kinks);
      g_assert_cmpuint (n_kinks, >, 0);

      for (int d = 0; d < 2; d++)
        {
          AxonScalarFunc func = d ? a->df64 : a->f64;
          AxonPolyline line;

          axon_polyline_init (&line);
          axon_plot_sample (func, &p, kinks, n_kinks, -10, 10, 173, &line);
          check_polyline (&line, -10, 10);
          for (size_t k = 0; k < n_kinks; k++)
            {
              double x = kinks[k];
              double yl = func (x - axon_plot_kink_offset (x), &p);
              double yr = func (x + axon_plot_kink_offset (x), &p);
              gboolean jump = fabs (yl - yr) > 1e-9 * fmax (1, fmax (fabs (yl), fabs (yr)));
              guint n_points, n_breaks;

              g_test_message ("%s %s at %.17g: %s", a->name, d ? "f'" : "f", x,
                              jump ? "jump" : "corner");
              count_at (&line, x, &n_points, &n_breaks);
              g_assert_cmpuint (n_points, >=, 1);
              if (!jump)
                {
                  g_assert_cmpuint (n_breaks, ==, 0);
                  g_assert_cmpint (find_point (&line, x, func (x, &p)), >=, 0);
                }
              else
                {
                  double lo = fmin (yl, yr), hi = fmax (yl, yr);
                  g_assert_cmpuint (n_breaks, >=, 1);
                  /* The one-sided limits, or the value at the kink where it equals one. */
                  g_assert_true (find_point_near (&line, x, yl));
                  g_assert_true (find_point_near (&line, x, yr));
                  /* Only the value at the kink itself may lie inside the jump. */
                  for (size_t i = 0; i < line.n; i++)
                    if (!isnan (line.y[i]) && line.y[i] > lo && line.y[i] < hi
                        && fabs (line.x[i] - x) < 1e-3)
                      g_assert_cmpfloat (line.y[i], ==, func (x, &p));
                }
            }
          axon_polyline_clear (&line);
        }
    }
}

/* hard_sigmoid's corners come from -offset/slope and (1-offset)/slope, which round: its
 * derivative must still jump there (0 to slope), never ramp across a pixel. */
static void
test_rounded_kinks (void)
{
  static const char *const params[][2] = {
    { "slope=0.16666666666666666", "offset=0.5" }, /* PyTorch */
    { "slope=0.2", "offset=0.5" },                 /* Keras 2 */
    { "slope=0.3", "offset=0.7" },
  };
  const AxonActivation *hs = get ("hard_sigmoid");

  for (gsize i = 0; i < G_N_ELEMENTS (params); i++)
    for (int zoom = -9; zoom <= 0; zoom += 3)
      {
        AxonParams p;
        AxonPolyline line;
        double kinks[AXON_MAX_KINKS];
        size_t n;
        double slope;

        axon_params_init_default (hs, &p);
        g_assert_true (axon_params_assign (hs, &p, 0, params[i][0], NULL));
        g_assert_true (axon_params_assign (hs, &p, 0, params[i][1], NULL));
        slope = p.v[0];
        n = axon_plot_kinks (hs, &p, -10, 10, kinks);
        g_assert_cmpuint (n, ==, 2);
        axon_polyline_init (&line);
        for (size_t k = 0; k < n; k++)
          {
            /* A window around each corner, zoomed in down to nanometres of x. */
            double w = 2 * pow (10, zoom);
            double kk[1] = { kinks[k] };
            guint breaks = 0;
            axon_plot_sample (hs->df64, &p, kk, 1, kinks[k] - w * 0.513, kinks[k] + w * 0.487,
                              101, &line);
            for (size_t j = 0; j < line.n; j++)
              {
                if (isnan (line.y[j]))
                  {
                    breaks++;
                    continue;
                  }
                g_assert_true (line.y[j] == 0 || fabs (line.y[j] - slope) < 1e-15);
              }
            g_assert_cmpuint (breaks, ==, 1);
          }
        axon_polyline_clear (&line);
      }
}

static double
holey (double            x,
       const AxonParams *p)
{
  if (x > 0.2 && x < 0.3)
    return NAN;
  if (x > 0.6 && x < 0.62)
    return INFINITY;
  if (x > 0.9)
    return -INFINITY;
  return x;
}

static void
test_non_finite_breaks (void)
{
  AxonPolyline line;
  guint breaks = 0;

  axon_polyline_init (&line);
  axon_plot_sample (holey, NULL, NULL, 0, 0, 1, 100, &line);
  for (size_t i = 0; i < line.n; i++)
    {
      if (isnan (line.y[i]))
        {
          breaks++;
          g_assert_true (i > 0 && !isnan (line.y[i - 1]));
          continue;
        }
      g_assert_true (isfinite (line.y[i]));
      g_assert_false ((line.x[i] > 0.2 && line.x[i] < 0.3) || line.x[i] > 0.9);
    }
  /* Two holes in the middle; the -inf tail only ends the line (no trailing break kept
   * would be fine too, but there must be no point in it). */
  g_assert_cmpuint (breaks, >=, 2);
  g_assert_cmpuint (breaks, <=, 3);
  axon_polyline_clear (&line);
}

/* Geometry */

static void
init_series (AxonPlotSeries *s,
             const char     *name,
             unsigned        colour)
{
  axon_plot_series_init (s, get (name), colour);
}

static void
test_geometry (void)
{
  AxonStyle style;
  AxonPlotOptions o;
  AxonPlotSeries s[2];
  AxonPlotGeometry g;

  axon_style_init_light (&style);
  axon_plot_options_init (&o);
  init_series (&s[0], "sigmoid", 0);
  init_series (&s[1], "tanh", 1);

  /* Stacked: f above f', same x placement. */
  o.layout = AXON_PLOT_LAYOUT_STACKED;
  axon_plot_layout (800, 600, &style, &o, s, 2, &g);
  g_assert_cmpuint (g.n_panes, ==, 2);
  g_assert_cmpint (g.panes[0].kind, ==, AXON_PLOT_PANE_FUNCTION);
  g_assert_cmpint (g.panes[1].kind, ==, AXON_PLOT_PANE_DERIVATIVE);
  g_assert_cmpfloat (g.panes[0].y + g.panes[0].height, <, g.panes[1].y);
  g_assert_cmpfloat (g.panes[0].x, ==, g.panes[1].x);
  g_assert_cmpfloat (g.panes[0].width, ==, g.panes[1].width);
  for (unsigned k = 0; k < 2; k++)
    {
      const AxonPlotPane *p = &g.panes[k];
      g_assert_cmpfloat (p->x, >, 0);
      g_assert_cmpfloat (p->y, >, 0);
      g_assert_cmpfloat (p->x + p->width, <, 800);
      g_assert_cmpfloat (p->y + p->height, <, 600);
      g_assert_cmpfloat (p->x_axis.view_min, ==, p->x);
      g_assert_cmpfloat (p->x_axis.view_max, ==, p->x + p->width);
      g_assert_cmpfloat (p->y_axis.view_min, ==, p->y + p->height); /* bottom */
      g_assert_cmpfloat (p->y_axis.view_max, ==, p->y);
      g_assert_cmpfloat (p->x_axis.data_min, ==, -5);
      g_assert_cmpfloat (p->x_axis.data_max, ==, 5);
      g_assert_cmpint (axon_plot_geometry_pane_at (&g, p->x + p->width / 2,
                                                   p->y + p->height / 2), ==, (int) k);
    }
  g_assert_cmpint (axon_plot_geometry_pane_at (&g, 1, 1), ==, -1);
  /* Auto-fit: tanh spans about [-1, 1] on [-5, 5]; the fit holds it with a margin. */
  g_assert_cmpfloat (g.panes[0].y_axis.data_min, <, -0.999);
  g_assert_cmpfloat (g.panes[0].y_axis.data_min, >, -1.2);
  g_assert_cmpfloat (g.panes[0].y_axis.data_max, >, 0.999);
  g_assert_cmpfloat (g.panes[0].y_axis.data_max, <, 1.2);
  /* f' of tanh peaks at 1, sigmoid's at 0.25; 0 stays in view. */
  g_assert_cmpfloat (g.panes[1].y_axis.data_max, >=, 1);
  g_assert_cmpfloat (g.panes[1].y_axis.data_min, <=, 0);

  /* Side by side: f left of f', same height. */
  o.layout = AXON_PLOT_LAYOUT_SIDE_BY_SIDE;
  axon_plot_layout (1000, 500, &style, &o, s, 2, &g);
  g_assert_cmpuint (g.n_panes, ==, 2);
  g_assert_cmpfloat (g.panes[0].x + g.panes[0].width, <, g.panes[1].x);
  g_assert_cmpfloat (g.panes[0].y, ==, g.panes[1].y);
  g_assert_cmpfloat (g.panes[0].height, ==, g.panes[1].height);

  /* Overlaid and function-only: one pane; no derivative, whatever the layout. */
  o.layout = AXON_PLOT_LAYOUT_OVERLAID;
  axon_plot_layout (640, 480, &style, &o, s, 2, &g);
  g_assert_cmpuint (g.n_panes, ==, 1);
  o.layout = AXON_PLOT_LAYOUT_STACKED;
  o.show_derivative = false;
  axon_plot_layout (640, 480, &style, &o, s, 2, &g);
  g_assert_cmpuint (g.n_panes, ==, 1);
  g_assert_cmpint (g.panes[0].kind, ==, AXON_PLOT_PANE_FUNCTION);

  /* Fixed y and a reversed, then a degenerate x range. */
  o.y[AXON_PLOT_PANE_FUNCTION].auto_fit = false;
  o.y[AXON_PLOT_PANE_FUNCTION].min = -0.25;
  o.y[AXON_PLOT_PANE_FUNCTION].max = 2;
  o.x_min = 3;
  o.x_max = -3;
  axon_plot_layout (640, 480, &style, &o, s, 2, &g);
  g_assert_cmpfloat (g.panes[0].y_axis.data_min, ==, -0.25);
  g_assert_cmpfloat (g.panes[0].y_axis.data_max, ==, 2);
  g_assert_cmpfloat (g.panes[0].x_axis.data_min, ==, -3);
  g_assert_cmpfloat (g.panes[0].x_axis.data_max, ==, 3);
  o.x_min = NAN;
  o.x_max = NAN;
  axon_plot_layout (640, 480, &style, &o, s, 2, &g);
  g_assert_cmpfloat (g.panes[0].x_axis.data_min, <, g.panes[0].x_axis.data_max);
}

/* Pixels */

typedef struct
{
  cairo_surface_t *surface;
  unsigned char *data;
  int stride;
  int width;
  int height;
} Image;

static void
render_image (Image                *img,
              int                   width,
              int                   height,
              const AxonStyle      *style,
              const AxonPlotOptions *o,
              const AxonPlotSeries *s,
              size_t                n)
{
  cairo_t *cr;

  img->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (img->surface);
  axon_plot_render (cr, width, height, style, o, s, n);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (img->surface);
  img->data = cairo_image_surface_get_data (img->surface);
  img->stride = cairo_image_surface_get_stride (img->surface);
  img->width = width;
  img->height = height;
}

/* Un-premultiplied 0..255 channels of pixel (x, y). */
static void
pixel (const Image *img,
       double       x,
       double       y,
       int         *r,
       int         *g,
       int         *b,
       int         *a)
{
  int px = (int) floor (x), py = (int) floor (y);
  guint32 v;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, img->width);
  g_assert_cmpint (py, <, img->height);
  v = *(const guint32 *) (img->data + py * img->stride + px * 4);
  *a = (v >> 24) & 0xff;
  *r = *a ? (int) (((v >> 16) & 0xff) * 255 / *a) : 0;
  *g = *a ? (int) (((v >> 8) & 0xff) * 255 / *a) : 0;
  *b = *a ? (int) ((v & 0xff) * 255 / *a) : 0;
}

static gboolean
pixel_is (const Image    *img,
          double          x,
          double          y,
          const AxonRgba *c,
          int             tolerance)
{
  int r, g, b, a;

  pixel (img, x, y, &r, &g, &b, &a);
  return abs (r - (int) round (c->r * 255)) <= tolerance
         && abs (g - (int) round (c->g * 255)) <= tolerance
         && abs (b - (int) round (c->b * 255)) <= tolerance
         && abs (a - (int) round (c->a * 255)) <= tolerance;
}

static void
test_pixels_on_curve (void)
{
  AxonStyle style;
  AxonPlotOptions o;
  AxonPlotSeries s[2];
  AxonPlotGeometry g;
  Image img;
  const AxonRgba *blue, *orange;

  axon_style_init_light (&style);
  style.line_width = 3; /* the pixel under the centre line is fully covered */
  axon_plot_options_init (&o);
  o.grid = false;
  o.legend = false;
  o.layout = AXON_PLOT_LAYOUT_STACKED;
  o.x_min = -4;
  o.x_max = 4;
  init_series (&s[0], "identity", 0);
  init_series (&s[1], "relu", 1);
  blue = &style.series[0];
  orange = &style.series[1];

  axon_plot_layout (900, 700, &style, &o, s, 2, &g);
  render_image (&img, 900, 700, &style, &o, s, 2);

  for (double x = -3.7; x <= 3.7; x += 0.35)
    {
      const AxonPlotPane *f = &g.panes[0], *df = &g.panes[1];
      double px = axon_axis_to_view (&f->x_axis, x);
      double ident_y = axon_axis_to_view (&f->y_axis, x);
      double relu_y = axon_axis_to_view (&f->y_axis, x > 0 ? x : 0);
      double dx = axon_axis_to_view (&df->x_axis, x);

      /* relu is drawn after identity, so on x > 0 (where they coincide) it is on top. */
      if (x < -0.3)
        {
          g_assert_true (pixel_is (&img, px, ident_y, blue, 12));
          g_assert_true (pixel_is (&img, px, relu_y, orange, 12));
          /* Between the two lines, well away from both: background. */
          g_assert_true (pixel_is (&img, px, (ident_y + relu_y) / 2, &style.background, 2));
        }
      else if (x > 0.3)
        g_assert_true (pixel_is (&img, px, relu_y, orange, 12));
      /* Away from the curves (a fifth of the pane above and below): background. */
      if (fabs (x) > 0.5)
        {
          double off = f->height / 5;
          double above = fmin (ident_y, relu_y) - off, below = fmax (ident_y, relu_y) + off;
          if (above > f->y + 2)
            g_assert_true (pixel_is (&img, px, above, &style.background, 2));
          if (below < f->y + f->height - 2)
            g_assert_true (pixel_is (&img, px, below, &style.background, 2));
        }
      /* f' pane: relu' is 0 then 1; identity' is 1 (under relu' on x > 0). */
      if (x < -0.3)
        {
          g_assert_true (pixel_is (&img, dx, axon_axis_to_view (&df->y_axis, 1), blue, 12));
          g_assert_true (pixel_is (&img, dx, axon_axis_to_view (&df->y_axis, 0), orange, 12));
        }
      else if (x > 0.3)
        g_assert_true (pixel_is (&img, dx, axon_axis_to_view (&df->y_axis, 1), orange, 12));
    }

  /* The jump of relu' at 0 is not bridged: halfway up, just beside x = 0, background. */
  {
    const AxonPlotPane *df = &g.panes[1];
    double mid = axon_axis_to_view (&df->y_axis, 0.5);
    double x0 = axon_axis_to_view (&df->x_axis, 0);
    g_assert_true (pixel_is (&img, x0 + 4, mid, &style.background, 2));
    g_assert_true (pixel_is (&img, x0 - 5, mid, &style.background, 2));
  }
  cairo_surface_destroy (img.surface);
}

/* Curved lines too: the path Cairo strokes (simplified where nearly straight) stays on
 * the function, at 1x and at 2x device scale (HiDPI, PNG at 192 dpi). */
static void
test_pixels_smooth (void)
{
  static const char *const names[] = { "tanh", "gelu", "sin" };

  for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
    for (int scale = 1; scale <= 2; scale++)
      {
        AxonStyle style;
        AxonPlotOptions o;
        AxonPlotSeries s;
        AxonPlotGeometry g;
        cairo_surface_t *surface;
        cairo_t *cr;
        Image img;

        axon_style_init_light (&style);
        style.line_width = 3;
        axon_plot_options_init (&o);
        o.grid = o.legend = false;
        o.show_derivative = false;
        o.x_min = -3.3;
        o.x_max = 2.9;
        init_series (&s, names[n], 3);
        axon_plot_layout (700, 450, &style, &o, &s, 1, &g);

        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700 * scale, 450 * scale);
        cr = cairo_create (surface);
        cairo_scale (cr, scale, scale);
        axon_plot_render (cr, 700, 450, &style, &o, &s, 1);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        img = (Image) { surface, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface), 700 * scale, 450 * scale };

        for (double x = -3.1; x < 2.8; x += 0.137)
          {
            const AxonPlotPane *p = &g.panes[0];
            double px = axon_axis_to_view (&p->x_axis, x) * scale;
            double py = axon_axis_to_view (&p->y_axis, s.activation->f64 (x, &s.params)) * scale;
            /* Steep parts: the pixel centre is within the 3 px line whatever the slope,
             * since the line's vertical extent only grows with it. */
            g_assert_true (pixel_is (&img, px, py, &style.series[3], 16));
          }
        cairo_surface_destroy (surface);
      }
}

static void
test_pixels_crosshair_and_background (void)
{
  AxonStyle style;
  AxonPlotOptions o;
  AxonPlotSeries s;
  AxonPlotGeometry g;
  Image img;
  int r, gr, b, a;

  axon_style_init_light (&style);
  style.background.a = 0; /* transparent export */
  axon_plot_options_init (&o);
  o.grid = false;
  o.legend = false;
  o.show_derivative = false;
  o.crosshair = true;
  o.crosshair_x = -2.5;
  init_series (&s, "sigmoid", 2);
  axon_plot_layout (600, 400, &style, &o, &s, 1, &g);
  render_image (&img, 600, 400, &style, &o, &s, 1);

  {
    const AxonPlotPane *p = &g.panes[0];
    double cx = axon_axis_to_view (&p->x_axis, -2.5);
    double y_low = p->y + p->height * 0.35; /* sigmoid(-2.5) = 0.076: low in the pane */
    /* The crosshair line: a column of highlight colour (the readout sits at the top). */
    g_assert_true (pixel_is (&img, cx, y_low, &style.highlight, 12));
    /* Transparent away from everything. */
    pixel (&img, axon_axis_to_view (&p->x_axis, 3.5), y_low + 5, &r, &gr, &b, &a);
    g_assert_cmpint (a, ==, 0);
    /* The marker on the curve is drawn in the series' colour. */
    g_assert_true (pixel_is (&img, cx + style.line_width * 1.8,
                             axon_axis_to_view (&p->y_axis, 1 / (1 + exp (2.5))),
                             &style.series[2], 40));
  }
  cairo_surface_destroy (img.surface);
}

static gboolean
boxes_meet (const AxonPlotBox *a,
            const AxonPlotBox *b)
{
  return a->width > 0 && b->width > 0 && a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The crosshair readout never covers the legend: every layout, normal and presentation
 * style, few and many curves, small and large figures, the line swept across the range.
 * The legend stays visible wherever a place for both exists, which is nearly always. */
static void
test_overlays_apart (void)
{
  static const AxonPlotLayout layouts[] = {
    AXON_PLOT_LAYOUT_STACKED,
    AXON_PLOT_LAYOUT_SIDE_BY_SIDE,
    AXON_PLOT_LAYOUT_OVERLAID,
    AXON_PLOT_LAYOUT_FUNCTION_ONLY,
  };
  static const int sizes[][2] = { { 1600, 1000 }, { 1000, 640 }, { 640, 420 } };
  static const char *const names[] = { "gelu",  "swish", "relu",       "tanh",
                                       "sigmoid", "elu", "leaky_relu", "mish" };
  static const size_t counts[] = { 1, 3, 8 };
  guint cases = 0, moved = 0, hidden = 0, outside = 0, merged = 0;

  for (gsize l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (int presentation = 0; presentation <= 1; presentation++)
      for (gsize z = 0; z < G_N_ELEMENTS (sizes); z++)
        for (gsize c = 0; c < G_N_ELEMENTS (counts); c++)
          {
            AxonStyle style;
            AxonPlotOptions o;
            AxonPlotSeries s[G_N_ELEMENTS (names)];
            AxonPlotGeometry g;
            AxonPlotBox resting;
            int w = sizes[z][0], h = sizes[z][1];

            axon_style_init_light (&style);
            if (presentation)
              axon_style_apply_presentation (&style);
            axon_plot_options_init (&o);
            o.layout = layouts[l];
            o.shade_saturation = TRUE;
            for (size_t i = 0; i < counts[c]; i++)
              init_series (&s[i], names[i], (unsigned) i);

            /* No crosshair: the legend is drawn, and no readout. */
            axon_plot_layout (w, h, &style, &o, s, counts[c], &g);
            g_assert_cmpfloat (g.legend.width, >, 0);
            g_assert_cmpuint (g.n_readouts, ==, 0);
            resting = g.legend;

            o.crosshair = TRUE;
            for (int step = 0; step <= 24; step++)
              {
                gboolean split = layouts[l] == AXON_PLOT_LAYOUT_SIDE_BY_SIDE;

                o.crosshair_x = -5 + 10.0 * step / 24;
                axon_plot_layout (w, h, &style, &o, s, counts[c], &g);
                cases++;
                if (g_test_verbose ())
                  g_test_message ("layout %d, presentation %d, %dx%d, %zu curves, x = %g",
                                  (int) layouts[l], presentation, w, h, counts[c],
                                  o.crosshair_x);
                /* Side by side, each pane reads out its own values (merged into one
                 * box when two do not fit apart). */
                g_assert_cmpuint (g.n_readouts, >=, 1);
                g_assert_cmpuint (g.n_readouts, <=, split ? 2 : 1);
                merged += split && g.n_readouts == 1;
                for (unsigned i = 0; i < g.n_readouts; i++)
                  {
                    const AxonPlotBox *r = &g.readouts[i];

                    g_assert_cmpfloat (r->width, >, 0);
                    g_assert_cmpfloat (r->height, >, 0);
                    /* Inside the figure. */
                    g_assert_cmpfloat (r->x, >=, 0);
                    g_assert_cmpfloat (r->y, >=, 0);
                    g_assert_cmpfloat (r->x + r->width, <=, w);
                    g_assert_cmpfloat (r->y + r->height, <=, h);
                    /* Apart from the legend, wherever the legend went, and each other. */
                    g_assert_false (boxes_meet (&g.legend, r));
                    for (unsigned j = 0; j < i; j++)
                      g_assert_false (boxes_meet (&g.readouts[j], r));
                    /* In its own pane when it fits there beside the legend. */
                    if (split && g.n_readouts == 2 && r->width < g.panes[i].width - 2
                        && r->height + resting.height + 40 < g.panes[i].height
                        && (r->x < g.panes[i].x
                            || r->x + r->width > g.panes[i].x + g.panes[i].width))
                      {
                        g_test_message ("readout %u outside its pane: presentation %d, "
                                        "%dx%d, %zu curves, x = %g", i, presentation, w, h,
                                        counts[c], o.crosshair_x);
                        outside++;
                      }
                  }
                if (g.legend.width == 0)
                  hidden++;
                else if (g.legend.x != resting.x || g.legend.y != resting.y)
                  moved++;
              }
            /* At the usual window size the legend never has to go. */
            if (z == 0 && counts[c] <= 3)
              {
                for (int step = 0; step <= 24; step++)
                  {
                    o.crosshair_x = -5 + 10.0 * step / 24;
                    axon_plot_layout (w, h, &style, &o, s, counts[c], &g);
                    g_assert_cmpfloat (g.legend.width, >, 0);
                  }
              }
          }
  g_test_message ("%u placements: legend moved in %u, hidden in %u; side by side, "
                  "readouts merged in %u, %u out of their pane", cases, moved, hidden,
                  merged, outside);
  g_assert_cmpuint (outside, ==, 0);
  /* The readout does run into the legend's corner: the test sees the moves happen. */
  g_assert_cmpuint (moved, >, 0);
}

/* The same boxes are what render draws: the legend's background covers the grid inside
 * its box, and the readout's frame is in the highlight colour. */
static void
test_overlays_drawn (void)
{
  AxonStyle style;
  AxonPlotOptions o;
  AxonPlotSeries s[3];
  AxonPlotGeometry g;
  Image img;

  axon_style_init_light (&style);
  axon_style_apply_presentation (&style);
  axon_plot_options_init (&o);
  o.layout = AXON_PLOT_LAYOUT_SIDE_BY_SIDE;
  o.crosshair = TRUE;
  init_series (&s[0], "gelu", 0);
  init_series (&s[1], "swish", 1);
  init_series (&s[2], "relu", 2);
  for (int step = 0; step <= 8; step++)
    {
      o.crosshair_x = -4.5 + step * 1.125;
      axon_plot_layout (1000, 640, &style, &o, s, 3, &g);
      render_image (&img, 1000, 640, &style, &o, s, 3);
      /* Each readout's top edge, a little in from its corner. */
      g_assert_cmpuint (g.n_readouts, ==, 2);
      for (unsigned i = 0; i < g.n_readouts; i++)
        g_assert_true (pixel_is (&img, g.readouts[i].x + g.readouts[i].width / 2,
                                 g.readouts[i].y + 0.5, &style.highlight, 40));
      if (g.legend.width > 0)
        {
          /* The legend's frame is not the readout's: nothing highlighted on it. */
          g_assert_false (pixel_is (&img, g.legend.x + g.legend.width / 2, g.legend.y + 0.5,
                                    &style.highlight, 40));
        }
      cairo_surface_destroy (img.surface);
    }
}

/* HiDPI: GTK records the plot at scale 1 and replays the recording at the monitor's
 * scale, so only options.scale tells the renderer to sample per device pixel. A sine a
 * few dozen pixels per period shows the difference at its peaks: sampled per logical
 * pixel and a half, chords cut the peaks by more than half the line; per device pixel
 * they stay inside it. */
static int
count_missed_peaks (double scale,
                    int   *n_peaks)
{
  const int width = 800, height = 500, device = 2;
  AxonStyle style;
  AxonPlotOptions o;
  AxonPlotSeries s;
  AxonPlotGeometry g;
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *recording, *surface;
  cairo_t *cr;
  Image img;
  int missed = 0;
  const AxonPlotPane *p;
  double w0 = 2 * G_PI;

  axon_style_init_light (&style);
  style.line_width = 2;
  axon_plot_options_init (&o);
  o.grid = o.legend = false;
  o.show_derivative = false;
  o.x_min = -10;
  o.x_max = 10;
  o.y[AXON_PLOT_PANE_FUNCTION].auto_fit = false;
  o.y[AXON_PLOT_PANE_FUNCTION].min = -1.05;
  o.y[AXON_PLOT_PANE_FUNCTION].max = 1.05;
  o.scale = scale;
  init_series (&s, "sin", 4);
  s.params.v[0] = w0;
  axon_plot_layout (width, height, &style, &o, &s, 1, &g);
  p = &g.panes[0];

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  axon_plot_render (cr, width, height, &style, &o, &s, 1);
  cairo_destroy (cr);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * device, height * device);
  cr = cairo_create (surface);
  cairo_scale (cr, device, device);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  img = (Image) { surface, cairo_image_surface_get_data (surface),
                  cairo_image_surface_get_stride (surface), width * device, height * device };

  /* Peaks and troughs of sin (w0 x): x = (pi/2 + k pi) / w0. */
  *n_peaks = 0;
  for (int k = -40; k <= 40; k++)
    {
      double x = (G_PI / 2 + k * G_PI) / w0;
      double px, py;

      if (x < o.x_min + 0.2 || x > o.x_max - 0.2)
        continue;
      px = axon_axis_to_view (&p->x_axis, x) * device;
      py = axon_axis_to_view (&p->y_axis, sin (w0 * x)) * device;
      (*n_peaks)++;
      missed += !pixel_is (&img, px, py, &style.series[4], 24);
    }
  cairo_surface_destroy (surface);
  cairo_surface_destroy (recording);
  return missed;
}

static void
test_pixels_hidpi (void)
{
  int n_peaks = 0, missed;

  /* Per device pixel: every peak is on the line. */
  missed = count_missed_peaks (2, &n_peaks);
  g_assert_cmpint (n_peaks, >, 30);
  g_assert_cmpint (missed, ==, 0);
  /* Per logical pixel, as before: some peaks fall off it (what the scale is there for). */
  missed = count_missed_peaks (1, &n_peaks);
  g_test_message ("scale 1: %d of %d peaks off the line", missed, n_peaks);
  g_assert_cmpint (missed, >, 0);
}

/* Odd sizes and inputs never crash or leave Cairo in an error state. */
static void
test_degenerate (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 3, 200 }, { 200, 3 }, { 40, 30 }, { 4000, 60 } };
  AxonStyle style;
  AxonPlotOptions o;
  AxonPlotSeries s[3];

  axon_style_init_dark (&style);
  axon_style_apply_presentation (&style);
  init_series (&s[0], "exponential", 0);
  init_series (&s[1], "step", 1);
  init_series (&s[2], "rrelu", 2);
  s[1].visible = false;

  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int layout = 0; layout < 4; layout++)
      {
        Image img;
        axon_plot_options_init (&o);
        o.layout = layout;
        o.x_min = i % 2 ? -800 : NAN; /* exp overflows to inf far right */
        o.x_max = 800;
        o.shade_saturation = o.shade_dead_zone = o.shade_rrelu_band = true;
        o.crosshair = true;
        o.crosshair_x = 1;
        render_image (&img, sizes[i][0], sizes[i][1], &style, &o, s, 3);
        cairo_surface_destroy (img.surface);
        render_image (&img, sizes[i][0], sizes[i][1], &style, &o, s, 0);
        cairo_surface_destroy (img.surface);
      }
}

/* `axon plot` */

static char *
run_axon (const char *const *args,
          int                *status,
          char              **err)
{
  const char *binary = g_getenv ("AXON_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, err, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  return out;
}

static void
test_cli (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *svg = NULL, *png = NULL, *csv = NULL, *bad = NULL;
  struct
  {
    const char *args[12];
    const char *needle; /* in the error line */
  } errors[] = {
    { { "plot", "nosuchthing", "-o", NULL }, "nosuchthing" },
    { { "plot", "relu,gelu", "-p", "gelu.alpha=2", "-o", NULL }, "alpha" },
    { { "plot", "swish", "-p", "swish.beta=abc", "-o", NULL }, "abc" },
    { { "plot", "swish", "-p", "beta", "-o", NULL }, "KEY=VALUE" },
    { { "plot", "relu,gelu", "-p", "beta=2", "-o", NULL }, "beta=2" },
    { { "plot", "relu", "-p", "tanh.x=1", "-o", NULL }, "tanh" },
    { { "plot", "relu", "--range", "5:1", "-o", NULL }, "5:1" },
    { { "plot", "relu", "--range", "nan:1", "-o", NULL }, "nan:1" },
    { { "plot", "relu", "--range", "abc", "-o", NULL }, "abc" },
    { { "plot", "relu", "--size", "0x10", "-o", NULL }, "0x10" },
    { { "plot", "relu", "--layout", "diagonal", "-o", NULL }, "diagonal" },
    { { "plot", "relu", "--theme", "pink", "-o", NULL }, "pink" },
    { { "plot", "relu", "--dpi", "5", "-o", NULL }, "5" },
    { { "plot", "relu", "-o", NULL }, ".gif" }, /* the bad extension */
    { { "plot", "-o", NULL }, "NAMES" },
    { { "plot", "relu", "--focus", "gelu", "-o", NULL }, "gelu" },
    { { "plot", "relu", "--shade", "glitter", "-o", NULL }, "glitter" },
  };
  int status;

  dir = g_dir_make_tmp ("axon-plot-XXXXXX", &error);
  g_assert_no_error (error);
  svg = g_build_filename (dir, "fig.svg", NULL);
  png = g_build_filename (dir, "fig.png", NULL);
  csv = g_build_filename (dir, "fig.csv", NULL);
  bad = g_build_filename (dir, "fig.gif", NULL);

  {
    const char *args[] = { "plot", "gelu,swish", "-p", "swish.beta=1.5", "--range", "-5:5",
                           "--derivative", "--size", "640x480", "-o", svg, NULL };
    g_autofree char *out = NULL, *err = NULL, *contents = NULL;
    out = run_axon (args, &status, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "<?xml"));
    g_assert_nonnull (strstr (contents, "<path"));
    g_assert_nonnull (strstr (contents, "width=\"640"));
  }
  {
    const char *args[] = { "plot", "relu", "--theme", "dark", "--presentation", "--dpi",
                           "192", "--size", "300x200", "-o", png, NULL };
    g_autofree char *out = NULL, *err = NULL;
    cairo_surface_t *surface;
    out = run_axon (args, &status, &err);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpint (status, ==, 0);
    surface = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 600);
    g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 400);
    cairo_surface_destroy (surface);
  }
  {
    const char *args[] = { "plot", "relu,step", "--range", "-1:1", "-n", "5", "-o", csv,
                           NULL };
    g_autofree char *out = NULL, *err = NULL, *contents = NULL;
    out = run_axon (args, &status, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "x,relu f(x),relu f'(x),step f(x),step f'(x)\n"));
    g_assert_nonnull (strstr (contents, "\n0,0,0,1,0\n")); /* the kink, once */
  }

  for (gsize i = 0; i < G_N_ELEMENTS (errors); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      guint k = 0;
      while (errors[i].args[k] != NULL)
        k++;
      errors[i].args[k] = g_str_equal (errors[i].needle, ".gif") ? bad : svg;
      g_remove (svg);
      g_remove (bad);
      out = run_axon (errors[i].args, &status, &err);
      g_test_message ("%s -> %s", errors[i].args[1], err);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "axon: plot: "));
      g_assert_true (g_str_has_suffix (err, "\n"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1); /* one line */
      g_assert_nonnull (strstr (err, errors[i].needle));
      g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
    }

  {
    const char *args[] = { "plot", "--help", NULL };
    g_autofree char *out = NULL, *err = NULL;
    out = run_axon (args, &status, &err);
    g_assert_cmpint (status, ==, 0);
    for (const char *o = "--range\0--derivative\0--layout\0--size\0--dpi\0--theme\0"
                         "--presentation\0--font-scale\0--param\0--output\0--csv\0"
                         "--shade\0--focus\0--crosshair\0";
         *o; o += strlen (o) + 1)
      g_assert_nonnull (strstr (out, o));
  }

  g_remove (png);
  g_remove (csv);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axon/plot/sample/relu-corner", test_relu_corner);
  g_test_add_func ("/axon/plot/sample/step-jump", test_step_jump);
  g_test_add_func ("/axon/plot/sample/signum-point", test_signum_point);
  g_test_add_func ("/axon/plot/sample/kinks-table", test_kinks_table);
  g_test_add_func ("/axon/plot/sample/rounded-kinks", test_rounded_kinks);
  g_test_add_func ("/axon/plot/sample/non-finite", test_non_finite_breaks);
  g_test_add_func ("/axon/plot/geometry", test_geometry);
  g_test_add_func ("/axon/plot/pixels/curves", test_pixels_on_curve);
  g_test_add_func ("/axon/plot/pixels/smooth", test_pixels_smooth);
  g_test_add_func ("/axon/plot/pixels/crosshair-transparent",
                   test_pixels_crosshair_and_background);
  g_test_add_func ("/axon/plot/pixels/hidpi", test_pixels_hidpi);
  g_test_add_func ("/axon/plot/overlays/apart", test_overlays_apart);
  g_test_add_func ("/axon/plot/overlays/drawn", test_overlays_drawn);
  g_test_add_func ("/axon/plot/degenerate", test_degenerate);
  g_test_add_func ("/axon/plot/cli", test_cli);
  return g_test_run ();
}
