/* test-surface.c: the distribution renderers without a display: projection, depth order,
 * where known histograms land in rendered images, vector SVG export. */
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <sys/wait.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "axon-colormap.h"
#include "axon-distribution-render.h"
#include "axon-heatmap-render.h"
#include "axon-histogram-render.h"
#include "axon-projection.h"
#include "axon-surface-render.h"

static void
test_projection_known (void)
{
  static const struct
  {
    double yaw, pitch, distance;
    double p[3];
    double sx, sy, depth;
  } cases[] = {
    /* Identity: x right, z up, y away from the eye; orthographic depth is y. */
    { 0, 0, 0, { 1, 0, 0 }, 1, 0, 0 },
    { 0, 0, 0, { 0, 0, 1 }, 0, -1, 0 },
    { 0, 0, 0, { 0, 1, 0 }, 0, 0, 1 },
    /* 90 degrees of yaw: +x turns away from the eye, +y to the left. */
    { 90, 0, 0, { 1, 0, 0 }, 0, 0, 1 },
    { 90, 0, 0, { 0, 1, 0 }, -1, 0, 0 },
    { -90, 0, 0, { 1, 0, 0 }, 0, 0, -1 },
    /* Looking straight down: far (+y) is up on screen, z comes towards the eye. */
    { 0, 90, 0, { 0, 1, 0 }, 0, -1, 0 },
    { 0, 90, 0, { 0, 0, 1 }, 0, 0, -1 },
    /* Perspective: the eye at distance 4; a point 1 farther shrinks by 4/5. */
    { 0, 0, 4, { 1, 0, 0 }, 1, 0, 4 },
    { 0, 0, 4, { 1, 1, 0 }, 0.8, 0, 5 },
    { 0, 0, 4, { 1, -2, 1 }, 2, -2, 2 },
  };

  for (size_t i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AxonProjection proj;
      double sx, sy, depth;

      axon_projection_init (&proj, cases[i].yaw, cases[i].pitch, cases[i].distance, 1, 0, 0);
      g_assert_true (axon_projection_project (&proj, cases[i].p[0], cases[i].p[1], cases[i].p[2],
                                              &sx, &sy, &depth));
      if (fabs (sx - cases[i].sx) > 1e-12 || fabs (sy - cases[i].sy) > 1e-12
          || fabs (depth - cases[i].depth) > 1e-12)
        g_error ("case %zu: yaw %g pitch %g d %g: got (%g, %g, %g), want (%g, %g, %g)", i,
                 cases[i].yaw, cases[i].pitch, cases[i].distance, sx, sy, depth, cases[i].sx,
                 cases[i].sy, cases[i].depth);
      g_assert_cmpfloat_with_epsilon (axon_projection_depth (&proj, cases[i].p[0], cases[i].p[1],
                                                             cases[i].p[2]),
                                      depth, 1e-12);
    }

  /* Scale and centre. */
  {
    AxonProjection proj;
    double sx, sy;

    axon_projection_init (&proj, 0, 0, 0, 100, 50, 60);
    axon_projection_project (&proj, 0.5, 0, 0.25, &sx, &sy, NULL);
    g_assert_cmpfloat_with_epsilon (sx, 100, 1e-12);
    g_assert_cmpfloat_with_epsilon (sy, 35, 1e-12);
  }
  /* Behind the eye. */
  {
    AxonProjection proj;

    axon_projection_init (&proj, 0, 0, 2, 1, 0, 0);
    g_assert_false (axon_projection_project (&proj, 0, -3, 0, NULL, NULL, NULL));
  }
}

static void
test_projection_round_trip (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  static const double angles[][2] = {
    { 0, 0 }, { 30, 20 }, { -35, 28 }, { 90, 45 }, { 180, -30 }, { 271, 89 }, { 12.5, 90 },
  };
  static const double distances[] = { 0, 3, 10 };

  for (size_t a = 0; a < G_N_ELEMENTS (angles); a++)
    for (size_t d = 0; d < G_N_ELEMENTS (distances); d++)
      {
        AxonProjection proj;

        axon_projection_init (&proj, angles[a][0], angles[a][1], distances[d], 300, 400, 250);
        /* The rotation is orthonormal. */
        for (int r = 0; r < 3; r++)
          for (int c = 0; c < 3; c++)
            {
              double dot = 0;

              for (int k = 0; k < 3; k++)
                dot += proj.m[r][k] * proj.m[c][k];
              g_assert_cmpfloat_with_epsilon (dot, r == c ? 1 : 0, 1e-12);
            }
        for (int n = 0; n < 20; n++)
          {
            double p[3], cam[3], back[3], sx, sy, depth;

            for (int k = 0; k < 3; k++)
              p[k] = g_rand_double_range (rand, -1, 1);
            axon_projection_rotate (&proj, p, cam);
            axon_projection_unrotate (&proj, cam, back);
            for (int k = 0; k < 3; k++)
              g_assert_cmpfloat_with_epsilon (back[k], p[k], 1e-12);
            g_assert_true (axon_projection_project (&proj, p[0], p[1], p[2], &sx, &sy, &depth));
            axon_projection_unproject (&proj, sx, sy, depth, back);
            for (int k = 0; k < 3; k++)
              g_assert_cmpfloat_with_epsilon (back[k], p[k], 1e-9);
          }
      }
}

/* A series whose peak moves and spreads, with an empty region (floor) on one side. */
static AxonHistogram **
make_series (size_t n_steps,
             size_t n_bins)
{
  AxonHistogram **h = g_new0 (AxonHistogram *, n_steps + 1);

  for (size_t i = 0; i < n_steps; i++)
    {
      double mu = -0.3 + 0.4 * i / MAX (1, n_steps - 1), sigma = 0.08 + 0.1 * i / n_steps;

      h[i] = axon_histogram_new (n_bins);
      h[i]->step = (gint64) (i * 10);
      h[i]->min = -1;
      h[i]->max = 1;
      for (size_t j = 0; j <= n_bins; j++)
        h[i]->edges[j] = -1 + 2.0 * j / n_bins;
      for (size_t j = 0; j < n_bins; j++)
        {
          double x = 0.5 * (h[i]->edges[j] + h[i]->edges[j + 1]);
          double c = 1000 * exp (-0.5 * (x - mu) * (x - mu) / (sigma * sigma));

          h[i]->counts[j] = c > 0.5 ? round (c) : 0;
          h[i]->num += h[i]->counts[j];
        }
      h[i]->sum = NAN;
      h[i]->sum_squares = NAN;
    }
  return h;
}

static void
free_series (AxonHistogram **h)
{
  for (size_t i = 0; h[i] != NULL; i++)
    axon_histogram_free (h[i]);
  g_free (h);
}

static void
test_depth_order (void)
{
  AxonHistogram **h = make_series (30, 40);
  static const double angles[][2] = {
    { -35, 28 }, { 0, 0 }, { 30, 60 }, { 90, 10 }, { 135, 45 }, { 200, 80 }, { -120, -20 },
  };

  for (size_t a = 0; a < G_N_ELEMENTS (angles); a++)
    {
      AxonDistributionOptions o;
      AxonSurfaceLayout layout;
      AxonStyle style;
      g_autoptr (AxonHistogramGrid) grid = NULL;
      g_autofree AxonSurfaceQuad *quads = NULL;
      size_t n = 0, floor = 0;
      double count_max;

      axon_style_init_light (&style);
      axon_distribution_options_init (&o);
      o.yaw = angles[a][0];
      o.pitch = angles[a][1];
      o.n_bins = 32;
      grid = axon_distribution_build_grid (&o, (const AxonHistogram *const *) h, 30);
      axon_surface_layout (800, 600, &style, &o, &layout);
      quads = axon_surface_sorted_quads (grid, &o, &layout.projection, &n);
      count_max = axon_distribution_count_max (&o, grid);

      for (size_t i = 0; i + 1 < grid->n_steps; i++)
        for (size_t j = 0; j + 1 < grid->n_bins; j++)
          if (axon_histogram_grid_row (grid, i)[j] == 0 && axon_histogram_grid_row (grid, i)[j + 1] == 0
              && axon_histogram_grid_row (grid, i + 1)[j] == 0
              && axon_histogram_grid_row (grid, i + 1)[j + 1] == 0)
            floor++;
      g_assert_cmpuint (floor, >, 0); /* the series has an empty region on purpose */
      if (o.pitch >= 0)
        g_assert_cmpuint (n, ==, 29 * 31 - floor);
      else
        g_assert_cmpuint (n, ==, 29 * 31);

      for (size_t q = 0; q < n; q++)
        {
          double d = 0;

          /* The key is the mean depth of the quad's corners... */
          for (int c = 0; c < 4; c++)
            {
              double w[3];

              axon_surface_vertex (grid, &o, count_max, quads[q].i + c / 2, quads[q].j + c % 2, w);
              d += axon_projection_depth (&layout.projection, w[0], w[1], w[2]) / 4;
            }
          g_assert_cmpfloat_with_epsilon (quads[q].depth, d, 1e-9);
          /* ...and the order is far to near. */
          if (q + 1 < n)
            g_assert_cmpfloat (quads[q].depth, >=, quads[q + 1].depth);
        }
    }
  free_series (h);
}

static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          AxonRgba        *c)
{
  int ix = (int) floor (x), iy = (int) floor (y);
  const guint8 *data;
  guint32 px;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_true (ix >= 0 && iy >= 0 && ix < cairo_image_surface_get_width (surface)
                 && iy < cairo_image_surface_get_height (surface));
  px = *(const guint32 *) (data + iy * cairo_image_surface_get_stride (surface) + 4 * ix);
  c->a = ((px >> 24) & 0xff) / 255.0;
  c->r = ((px >> 16) & 0xff) / 255.0;
  c->g = ((px >> 8) & 0xff) / 255.0;
  c->b = (px & 0xff) / 255.0;
}

static void
assert_colour (const AxonRgba *got,
               const AxonRgba *want,
               const char     *what)
{
  double tol = 3.0 / 255;

  if (fabs (got->r - want->r) > tol || fabs (got->g - want->g) > tol
      || fabs (got->b - want->b) > tol)
    g_error ("%s: got rgb(%.3f, %.3f, %.3f), want rgb(%.3f, %.3f, %.3f)", what, got->r, got->g,
             got->b, want->r, want->g, want->b);
}

/* Three steps of four bins on [0, 4): all the counts in bin 1 at step 10, bin 3 elsewhere. */
static AxonHistogram **
make_known (void)
{
  AxonHistogram **h = g_new0 (AxonHistogram *, 4);

  for (int i = 0; i < 3; i++)
    {
      h[i] = axon_histogram_new (4);
      h[i]->step = i * 10;
      for (int j = 0; j <= 4; j++)
        h[i]->edges[j] = j;
      h[i]->counts[i == 1 ? 1 : 3] = 10;
      h[i]->num = 10;
      h[i]->min = 0;
      h[i]->max = 4;
      h[i]->sum = NAN;
      h[i]->sum_squares = NAN;
    }
  return h;
}

static void
test_heatmap_pixels (void)
{
  AxonHistogram **h = make_known ();
  AxonDistributionOptions o;
  AxonStyle style;
  AxonHeatmapLayout layout;
  g_autoptr (AxonHistogramGrid) grid = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 500, 400);
  cairo_t *cr = cairo_create (surface);
  AxonRgba hot, cold, got;

  axon_style_init_light (&style);
  axon_distribution_options_init (&o);
  o.view = AXON_DISTRIBUTION_VIEW_HEATMAP;
  o.n_bins = 4;
  grid = axon_distribution_build_grid (&o, (const AxonHistogram *const *) h, 3);
  g_assert_cmpfloat (grid->value_min, ==, 0);
  g_assert_cmpfloat (grid->value_max, ==, 4);
  axon_distribution_render_grid (cr, 500, 400, &style, &o, grid);
  axon_heatmap_layout (500, 400, &style, &o, grid, &layout);
  axon_colormap_sample (1, &hot);
  axon_colormap_sample (0, &cold);

  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 4; j++)
      {
        double x = axon_axis_to_view (&layout.step_axis, i * 10);
        double y = axon_axis_to_view (&layout.position_axis,
                                      axon_heatmap_value_position (grid, j + 0.5));
        g_autofree char *what = g_strdup_printf ("heatmap step %d bin %d", i * 10, j);

        pixel_at (surface, x, y, &got);
        assert_colour (&got, (j == (i == 1 ? 1 : 3)) ? &hot : &cold, what);
      }
  /* Outside the cells: the background. */
  pixel_at (surface, layout.x - 2, layout.y + layout.height / 2 + 7, &got);
  assert_colour (&got, &style.background, "heatmap margin");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (int i = 0; i < 3; i++)
    axon_histogram_free (h[i]);
  g_free (h);
}

static void
test_histogram_pixels (void)
{
  AxonHistogram **h = make_known ();
  AxonDistributionOptions o;
  AxonStyle style;
  AxonHistogramLayout layout;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, 400);
  cairo_t *cr = cairo_create (surface);
  AxonRgba got, bar;
  double x_in, x_out, y_mid, y_above;

  axon_style_init_dark (&style);
  axon_distribution_options_init (&o);
  o.n_bins = 4;
  /* Step 10: all 10 counts in bin [1, 2). */
  axon_histogram_render (cr, 700, 400, &style, &o, h[1]);
  axon_histogram_layout (700, 400, &style, &o, &layout);
  /* Bars are series[0] at 85 % over the background. */
  bar.r = style.series[0].r * 0.85 + style.background.r * 0.15;
  bar.g = style.series[0].g * 0.85 + style.background.g * 0.15;
  bar.b = style.series[0].b * 0.85 + style.background.b * 0.15;

  x_in = axon_axis_to_view (&layout.position_axis, 1.3 / 4);
  x_out = axon_axis_to_view (&layout.position_axis, 3.3 / 4);
  y_mid = axon_axis_to_view (&layout.count_axis, 0.55);
  y_above = axon_axis_to_view (&layout.count_axis, 1.03);
  pixel_at (surface, x_in, y_mid, &got);
  assert_colour (&got, &bar, "inside the bar of bin 1");
  pixel_at (surface, x_in, y_above, &got);
  assert_colour (&got, &style.background, "above the bar of bin 1");
  pixel_at (surface, x_out, y_mid, &got);
  assert_colour (&got, &style.background, "bin 3 is empty at step 10");

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (int i = 0; i < 3; i++)
    axon_histogram_free (h[i]);
  g_free (h);
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
count_substrings (const char *haystack,
                  const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_svg_vector (void)
{
  AxonHistogram **h = make_series (40, 48);
  static const AxonSurfaceMode modes[] = { AXON_SURFACE_MODE_SHADED, AXON_SURFACE_MODE_SLICES };

  for (size_t m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autoptr (GString) svg = g_string_new (NULL);
      cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_to_string, svg,
                                                                      800, 600);
      cairo_t *cr = cairo_create (surface);
      AxonDistributionOptions o;
      AxonStyle style;
      guint paths;

      axon_style_init_light (&style);
      axon_distribution_options_init (&o);
      o.surface_mode = modes[m];
      o.n_bins = 40;
      o.show_cursor = true;
      o.cursor_step = 200;
      axon_surface_render (cr, 800, 600, &style, &o, (const AxonHistogram *const *) h, 40);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);

      paths = count_substrings (svg->str, "<path");
      /* Shaded: one path per quad not on the floor (hundreds); slices: one per step. */
      g_assert_cmpuint (paths, >, modes[m] == AXON_SURFACE_MODE_SHADED ? 500 : 40);
      g_assert_null (strstr (svg->str, "<image"));
    }
  free_series (h);
}

static void
test_empty_and_odd (void)
{
  /* No histograms, one step, one bin, NaN counts: draws without crashing or NaN paths. */
  AxonHistogram *one = axon_histogram_new (1);
  AxonHistogram *nan_hist = axon_histogram_new (3);
  const AxonHistogram *lists[][2] = { { one, NULL }, { nan_hist, one } };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 150);
  AxonStyle style;

  one->counts[0] = 5;
  one->min = one->max = 2;
  nan_hist->counts[1] = NAN;
  nan_hist->step = 5;
  axon_style_init_light (&style);
  for (int v = 0; v < AXON_DISTRIBUTION_N_VIEWS; v++)
    for (size_t k = 0; k < 3; k++)
      {
        cairo_t *cr = cairo_create (surface);
        AxonDistributionOptions o;

        axon_distribution_options_init (&o);
        o.view = v;
        o.show_cursor = true;
        o.log_count = k == 1;
        o.value_scale = k == 2 ? AXON_BIN_SCALE_SYMLOG : AXON_BIN_SCALE_LINEAR;
        axon_distribution_render (cr, 200, 150, &style, &o, k == 0 ? NULL : lists[k - 1],
                                  k == 0 ? 0 : 2);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
      }
  cairo_surface_destroy (surface);
  axon_histogram_free (one);
  axon_histogram_free (nan_hist);
}

static void
test_view_names (void)
{
  for (int v = 0; v < AXON_DISTRIBUTION_N_VIEWS; v++)
    {
      AxonDistributionView back;

      g_assert_true (axon_distribution_view_from_string (axon_distribution_view_to_string (v),
                                                         &back));
      g_assert_cmpint (back, ==, v);
    }
  {
    AxonDistributionView back = AXON_DISTRIBUTION_VIEW_SURFACE;

    g_assert_false (axon_distribution_view_from_string ("pie", &back));
    g_assert_true (axon_distribution_view_from_string ("Ridges", &back));
    g_assert_cmpint (back, ==, AXON_DISTRIBUTION_VIEW_RIDGES);
  }
}

/* Runs `axon surface ARGS...`; returns the exit status, stderr in *err. */
static int
run_axon (const char *const *args,
          char              **err)
{
  const char *binary = g_getenv ("AXON_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer) binary);
  g_ptr_array_add (argv, (gpointer) "surface");
  for (size_t i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *png = NULL, *svg = NULL, *pdf = NULL, *json = NULL, *csv = NULL;
  const char *run = AXON_TEST_DATA "/tensorboard/pytorch-summarywriter";
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_getenv ("AXON_BINARY") == NULL)
    {
      g_test_skip ("AXON_BINARY not set");
      return;
    }
  dir = g_dir_make_tmp ("axon-surface-cli-XXXXXX", NULL);
  png = g_build_filename (dir, "w.png", NULL);
  svg = g_build_filename (dir, "g.svg", NULL);
  pdf = g_build_filename (dir, "b.pdf", NULL);
  json = g_build_filename (dir, "w.json", NULL);
  csv = g_build_filename (dir, "w.csv", NULL);

  {
    const char *const args[] = { run, "--tag", "weights/0.weight", "--size", "640x400", "-o",
                                 png, "--json", json, "--csv", csv, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_axon (args, &err), ==, 0);
    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpint (memcmp (contents, "\x89PNG", 4), ==, 0);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"weights/0.weight\""));
    g_assert_null (strstr (contents, "\"gradients/0.weight\"")); /* only the tag asked for */
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "tag,step,"));
    g_clear_pointer (&contents, g_free);
  }
  {
    const char *const args[] = { run, "--tag", "gradients/0.weight", "--log", "--symlog",
                                 "--theme", "dark", "--yaw", "20", "--pitch", "40", "--steps",
                                 "10:40", "--cursor", "20", "-o", svg, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_axon (args, &err), ==, 0);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_cmpuint (count_substrings (contents, "<path"), >, 100);
    g_assert_null (strstr (contents, "<image"));
    g_clear_pointer (&contents, g_free);
  }
  {
    const char *const args[] = { run, "--tag", "weights/2.bias", "--view", "bands", "-o", pdf,
                                 NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_axon (args, &err), ==, 0);
    g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    g_clear_pointer (&contents, g_free);
  }
  /* Usage errors: exit 2, one line naming what was wrong; no file written. */
  {
    static const struct
    {
      const char *args[8];
      const char *needle;
    } bad[] = {
      { { "--tag", "nope", "-o", "X", NULL }, "nope" },
      { { "-o", "X", NULL }, "--tag" },
      { { "--tag", "weights/0.weight", "--view", "pie", "-o", "X", NULL }, "pie" },
      { { "--tag", "weights/0.weight", "--steps", "9:1", "-o", "X", NULL }, "9:1" },
      { { "--tag", "weights/0.weight", "--pitch", "95", "-o", "X", NULL }, "95" },
      { { "--tag", "weights/0.weight", "-o", "fig.bmp", NULL }, "bmp" },
      { { "--tag", "weights/0.weight", "--size", "640x", "-o", "X", NULL }, "640x" },
      { { "--tag", "weights/0.weight", "--size", "8x400", "-o", "X", NULL }, "8x400" },
      { { "--tag", "weights/0.weight", "--theme", "blue", "-o", "X", NULL }, "blue" },
      { { "--tag", "weights/0.weight", "--yaw", "nan", "-o", "X", NULL }, "nan" },
      /* Beyond gint64: an error, not a silently clamped step. */
      { { "--tag", "weights/0.weight", "--steps", "99999999999999999999:", "-o", "X", NULL },
        "99999999999999999999" },
      { { "--tag", "weights/0.weight", "--cursor", "1e3", "-o", "X", NULL }, "1e3" },
    };

    for (size_t i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        const char *args[10] = { run };
        g_autofree char *err = NULL;
        g_autofree char *target = g_build_filename (dir, "never.png", NULL);
        size_t k;

        for (k = 0; bad[i].args[k] != NULL; k++)
          args[k + 1] = g_str_equal (bad[i].args[k], "X") ? target : bad[i].args[k];
        args[k + 1] = NULL;
        g_assert_cmpint (run_axon (args, &err), ==, 2);
        g_assert_nonnull (strstr (err, bad[i].needle));
        g_assert_cmpint (strchr (err, '\n') - err, ==, (int) strlen (err) - 1);
        g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      }
  }
  {
    const char *const args[] = { "/nonexistent/run", "--tag", "x", "-o", png, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (run_axon (args, &err), ==, 2);
    g_assert_nonnull (strstr (err, "/nonexistent/run"));
  }

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_unlink (json);
  g_unlink (csv);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axon/surface/projection-known", test_projection_known);
  g_test_add_func ("/axon/surface/projection-round-trip", test_projection_round_trip);
  g_test_add_func ("/axon/surface/depth-order", test_depth_order);
  g_test_add_func ("/axon/surface/heatmap-pixels", test_heatmap_pixels);
  g_test_add_func ("/axon/surface/histogram-pixels", test_histogram_pixels);
  g_test_add_func ("/axon/surface/svg-vector", test_svg_vector);
  g_test_add_func ("/axon/surface/empty-and-odd", test_empty_and_odd);
  g_test_add_func ("/axon/surface/view-names", test_view_names);
  g_test_add_func ("/axon/surface/cli", test_cli);
  return g_test_run ();
}
