/* test-export.c: PNG, SVG, PDF and CSV files through the plot renderer, written atomically. */
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "axon-export.h"
#include "axon-plot-render.h"
#include "axon-registry.h"

typedef struct
{
  char *dir;
  AxonPlotOptions options;
  AxonPlotSeries series[3];
  AxonPlotRenderData data;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  static const char *const names[] = { "relu", "gelu", "step" };
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("axon-export-XXXXXX", &error);
  g_assert_no_error (error);
  axon_plot_options_init (&f->options);
  for (unsigned i = 0; i < G_N_ELEMENTS (names); i++)
    axon_plot_series_init (&f->series[i], axon_activation_lookup (names[i], NULL, NULL), i);
  f->data = (AxonPlotRenderData) { &f->options, f->series, G_N_ELEMENTS (names) };
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr (GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort hands over pointers to the elements. */
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Names in the directory, sorted, joined by spaces: shows leftover temporary files. */
static char *
list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_png (Fixture       *f,
          gconstpointer  user_data)
{
  static const struct
  {
    int width, height;
    double dpi;
    int want_w, want_h;
  } cases[] = {
    { 320, 200, 96, 320, 200 },
    { 320, 200, 192, 640, 400 },
    { 333, 101, 144, 500, 152 }, /* 499.5 and 151.5 round up */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "fig.png", NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *listing = NULL;
      AxonExportOptions o;
      cairo_surface_t *png;

      axon_export_options_init (&o);
      o.format = AXON_EXPORT_PNG;
      o.width = cases[i].width;
      o.height = cases[i].height;
      o.dpi = cases[i].dpi;
      g_assert_true (axon_export_to_file (path, &o, axon_plot_render_func, &f->data, &error));
      g_assert_no_error (error);
      png = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, cases[i].want_w);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, cases[i].want_h);
      cairo_surface_destroy (png);
      listing = list_dir (f->dir);
      g_assert_cmpstr (listing, ==, "fig.png"); /* no temporary file left */
    }
}

/* Transparent PNG: the corner pixel has alpha 0; light: opaque white. */
static void
test_png_background (Fixture       *f,
                     gconstpointer  user_data)
{
  static const struct
  {
    AxonExportBackground background;
    guint32 corner; /* ARGB, premultiplied */
  } cases[] = {
    { AXON_EXPORT_LIGHT, 0xffffffff },
    { AXON_EXPORT_TRANSPARENT, 0x00000000 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, "bg.png", NULL);
      AxonExportOptions o;
      cairo_surface_t *png;
      guint32 corner;

      axon_export_options_init (&o);
      o.width = 200;
      o.height = 150;
      o.background = cases[i].background;
      g_assert_true (axon_export_to_file (path, &o, axon_plot_render_func, &f->data, NULL));
      png = cairo_image_surface_create_from_png (path);
      corner = *(guint32 *) cairo_image_surface_get_data (png);
      /* Cairo writes an opaque image as RGB (no alpha channel): RGB24 when read back. */
      if (cairo_image_surface_get_format (png) == CAIRO_FORMAT_RGB24)
        {
          g_assert_cmphex (cases[i].corner >> 24, ==, 0xff);
          corner |= 0xff000000;
        }
      else
        g_assert_cmpint (cairo_image_surface_get_format (png), ==, CAIRO_FORMAT_ARGB32);
      g_assert_cmphex (corner, ==, cases[i].corner);
      cairo_surface_destroy (png);
    }
}

/* "rgb(0%, 44.705882%, 69.803922%)" or "rgb(0,114,178)" or "#0072b2" to 0..1 channels. */
static gboolean
parse_svg_colour (const char *text,
                  double      rgb[3])
{
  if (text == NULL)
    return FALSE;
  if (g_str_has_prefix (text, "rgb("))
    {
      const char *c = text + 4;
      for (int i = 0; i < 3; i++)
        {
          char *end = NULL;
          double v = g_ascii_strtod (c, &end);
          if (end == c)
            return FALSE;
          rgb[i] = *end == '%' ? v / 100 : v / 255;
          c = end + (*end == '%');
          while (*c == ',' || *c == ' ')
            c++;
        }
      return TRUE;
    }
  if (text[0] == '#' && strlen (text) == 7)
    {
      for (int i = 0; i < 3; i++)
        rgb[i] = g_ascii_xdigit_value (text[1 + 2 * i]) * 16 / 255.0
                 + g_ascii_xdigit_value (text[2 + 2 * i]) / 255.0;
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  const AxonRgba *colours;
  guint n_colours;
  guint counts[8];
  guint n_paths;
  char *root;    /* name of the first element */
  char *width;   /* its width attribute */
} SvgScan;

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

/* Every <path>: the stroked curves have round caps (legend keys and axes butt ones) and
 * the stroke colour of their series. */
static void
svg_start_element (GMarkupParseContext  *context,
                   const char           *element,
                   const char          **names,
                   const char          **values,
                   gpointer              user_data,
                   GError              **error)
{
  SvgScan *scan = user_data;
  const char *stroke, *style, *cap, *d;
  gboolean round_cap;
  double rgb[3];

  if (scan->root == NULL)
    {
      scan->root = g_strdup (element);
      scan->width = g_strdup (attribute (names, values, "width"));
    }
  if (!g_str_equal (element, "path"))
    return;
  scan->n_paths++;
  stroke = attribute (names, values, "stroke");
  style = attribute (names, values, "style");
  cap = attribute (names, values, "stroke-linecap");
  d = attribute (names, values, "d");
  /* Cairo writes either stroke="…" or style="…;stroke:…;…". */
  if (stroke == NULL && style != NULL)
    for (const char *c = style; (c = strstr (c, "stroke:")) != NULL; c++)
      if (c == style || c[-1] == ';' || c[-1] == ' ')
        {
          stroke = c + strlen ("stroke:");
          break;
        }
  round_cap = (style != NULL && strstr (style, "stroke-linecap:round") != NULL)
              || (cap != NULL && g_str_equal (cap, "round"));
  if (!parse_svg_colour (stroke, rgb) || d == NULL || !round_cap)
    return;
  for (guint i = 0; i < scan->n_colours; i++)
    if (fabs (rgb[0] - scan->colours[i].r) < 0.01 && fabs (rgb[1] - scan->colours[i].g) < 0.01
        && fabs (rgb[2] - scan->colours[i].b) < 0.01)
      scan->counts[i]++;
}

static void
test_svg (Fixture       *f,
          gconstpointer  user_data)
{
  static const GMarkupParser parser = { svg_start_element, NULL, NULL, NULL, NULL };
  g_autofree char *path = g_build_filename (f->dir, "fig.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMarkupParseContext) context = NULL;
  AxonExportOptions o;
  AxonStyle style;
  SvgScan scan = { 0 };
  gsize length;

  axon_export_options_init (&o);
  o.format = AXON_EXPORT_SVG;
  o.width = 800;
  o.height = 600;
  f->options.show_derivative = true;
  g_assert_true (axon_export_to_file (path, &o, axon_plot_render_func, &f->data, &error));
  g_assert_no_error (error);

  /* The whole file parses as XML. */
  axon_export_style (&o, &style);
  scan.colours = style.series;
  scan.n_colours = 3;
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (scan.root, ==, "svg");
  g_assert_true (g_str_has_prefix (scan.width, "800"));
  g_test_message ("paths: %u, per series: %u %u %u", scan.n_paths, scan.counts[0],
                  scan.counts[1], scan.counts[2]);
  /* Each series: f in one pane, f' in the other, as stroked vector paths. */
  for (int i = 0; i < 3; i++)
    g_assert_cmpuint (scan.counts[i], >=, 2);
  g_free (scan.root);
  g_free (scan.width);
}

/* Whether needle occurs in the first length bytes of data (which may hold NULs). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "fig.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  AxonExportOptions o;

  axon_export_options_init (&o);
  o.format = AXON_EXPORT_PDF;
  o.presentation = true;
  o.background = AXON_EXPORT_DARK;
  g_assert_true (axon_export_to_file (path, &o, axon_plot_render_func, &f->data, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* 1200 × 800 logical pixels are 900 × 600 points. */
  g_assert_true (contains_bytes (contents, length, "/MediaBox [ 0 0 900 600 ]"));
}

/* A render function that leaves Cairo in an error state. */
static void
broken_render (cairo_t         *cr,
               int              width,
               int              height,
               const AxonStyle *style,
               gpointer         user_data)
{
  cairo_restore (cr); /* without a save: CAIRO_STATUS_INVALID_RESTORE */
}

static void
test_atomic (Fixture       *f,
             gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "keep.png", NULL);
  g_autofree char *as_dir = g_build_filename (f->dir, "a-directory.svg", NULL);
  g_autofree char *contents = NULL, *listing = NULL;
  g_autoptr (GError) error = NULL;
  AxonExportOptions o;
  static const char original[] = "the previous figure";

  axon_export_options_init (&o);
  o.width = 120;
  o.height = 80;

  /* A failing render: error, the existing file keeps its bytes, no temporary file. */
  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  g_assert_false (axon_export_to_file (path, &o, broken_render, NULL, &error));
  g_assert_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "keep.png"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, original);
  g_clear_pointer (&contents, g_free);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "keep.png");
  g_clear_pointer (&listing, g_free);

  /* The rename fails (the target is a directory): error, the directory is untouched, the
   * temporary file is gone. */
  g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
  o.format = AXON_EXPORT_SVG;
  g_assert_false (axon_export_to_file (as_dir, &o, axon_plot_render_func, &f->data, &error));
  g_assert_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "a-directory.svg"));
  g_clear_error (&error);
  g_assert_true (g_file_test (as_dir, G_FILE_TEST_IS_DIR));
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "a-directory.svg keep.png");
  g_clear_pointer (&listing, g_free);

  /* Unwritable places: a missing directory, a file used as a directory. */
  {
    g_autofree char *missing = g_build_filename (f->dir, "no-such-dir", "fig.png", NULL);
    g_autofree char *under_file = g_build_filename (path, "fig.png", NULL);
    const char *targets[] = { missing, under_file };
    for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_assert_false (axon_export_to_file (targets[i], &o, axon_plot_render_func, &f->data,
                                             &error));
        g_assert_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_WRITE);
        g_assert_null (strchr (error->message, '\n'));
        g_clear_error (&error);
      }
  }

  /* And a successful export replaces the old file whole. */
  o.format = AXON_EXPORT_PNG;
  g_assert_true (axon_export_to_file (path, &o, axon_plot_render_func, &f->data, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
  listing = list_dir (f->dir);
  g_assert_cmpstr (listing, ==, "a-directory.svg keep.png");
}

static void
test_options (Fixture       *f,
              gconstpointer  user_data)
{
  static const struct
  {
    const char *path;
    gboolean ok;
    AxonExportFormat format;
  } paths[] = {
    { "a/b/fig.png", TRUE, AXON_EXPORT_PNG }, { "FIG.SVG", TRUE, AXON_EXPORT_SVG },
    { "x.Pdf", TRUE, AXON_EXPORT_PDF },       { "data.csv", TRUE, AXON_EXPORT_CSV },
    { "fig.gif", FALSE, 0 },                  { "png", FALSE, 0 },
    { "dir.png/fig", FALSE, 0 },              { "", FALSE, 0 },
  };
  static const struct
  {
    int width, height;
    double dpi, font_scale;
    gboolean ok;
  } sizes[] = {
    { 1200, 800, 96, 1, TRUE },  { 0, 800, 96, 1, FALSE },    { 1200, -1, 96, 1, FALSE },
    { 20000, 10, 96, 1, FALSE }, { 100, 100, 10, 1, FALSE },  { 100, 100, NAN, 1, FALSE },
    { 100, 100, 96, 0, FALSE },  { 100, 100, 96, 9, FALSE },  { 16000, 16000, 600, 1, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr (GError) error = NULL;
      AxonExportFormat format = 99;
      gboolean ok = axon_export_format_from_path (paths[i].path, &format, &error);
      g_assert_cmpint (ok, ==, paths[i].ok);
      if (ok)
        g_assert_cmpint (format, ==, paths[i].format);
      else
        g_assert_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_FORMAT);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr (GError) error = NULL;
      AxonExportOptions o;
      axon_export_options_init (&o);
      o.width = sizes[i].width;
      o.height = sizes[i].height;
      o.dpi = sizes[i].dpi;
      o.font_scale = sizes[i].font_scale;
      g_assert_cmpint (axon_export_options_validate (&o, &error), ==, sizes[i].ok);
      if (!sizes[i].ok)
        g_assert_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_SIZE);
    }

  /* The style follows the options. */
  {
    AxonExportOptions o;
    AxonStyle light, style;
    axon_style_init_light (&light);
    axon_export_options_init (&o);
    o.background = AXON_EXPORT_TRANSPARENT;
    o.font_scale = 2;
    axon_export_style (&o, &style);
    g_assert_cmpfloat (style.background.a, ==, 0);
    g_assert_cmpfloat (axon_style_font_px (&style), ==, 2 * axon_style_font_px (&light));
    o.presentation = true;
    axon_export_style (&o, &style);
    g_assert_true (style.presentation);
    g_assert_cmpfloat (style.line_width, >, light.line_width);
  }
}

static void
test_csv (Fixture       *f,
          gconstpointer  user_data)
{
  g_autofree char *text = NULL;
  g_autofree char *path = g_build_filename (f->dir, "samples.csv", NULL);
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint n_lines;
  AxonPlotSeries s[2];
  static char label[] = "relu, \"plain\"";

  axon_plot_series_init (&s[0], axon_activation_lookup ("relu", NULL, NULL), 0);
  axon_plot_series_init (&s[1], axon_activation_lookup ("hardshrink", NULL, NULL), 1);
  s[0].label = label; /* needs quoting */

  /* [-1, 1] in 4 steps: -1, -0.5, 0, 0.5, 1; hardshrink's kinks ±0.5 are on the grid and
   * relu's 0 too, so nothing is doubled. */
  text = axon_export_csv_string (s, 2, -1, 1, 5);
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, 7); /* header, 5 rows, the empty tail after the last \n */
  g_assert_cmpstr (lines[0], ==,
                   "x,\"relu, \"\"plain\"\" f(x)\",\"relu, \"\"plain\"\" f'(x)\","
                   "hardshrink f(x),hardshrink f'(x)");
  g_assert_cmpstr (lines[1], ==, "-1,0,0,-1,1");
  g_assert_cmpstr (lines[3], ==, "0,0,0,0,0");
  g_assert_cmpstr (lines[5], ==, "1,1,1,1,1");
  g_assert_cmpstr (lines[6], ==, "");
  g_clear_pointer (&text, g_free);

  /* Off-grid kinks are added; an invisible series is left out; ±inf spelled out. */
  s[1].visible = false;
  text = axon_export_csv_string (s, 2, -0.3, 0.9, 3);
  g_assert_true (g_str_has_prefix (text, "x,\"relu"));
  g_assert_null (strstr (text, "hardshrink"));
  g_assert_nonnull (strstr (text, "\n0,0,0\n"));
  g_clear_pointer (&text, g_free);
  {
    AxonPlotSeries e;
    axon_plot_series_init (&e, axon_activation_lookup ("exponential", NULL, NULL), 0);
    text = axon_export_csv_string (&e, 1, 700, 800, 2);
    g_assert_nonnull (strstr (text, "\n800,inf,inf\n"));
  }

  g_assert_true (axon_export_csv (path, s, 1, -1, 1, 11, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *listing = list_dir (f->dir);
    g_assert_cmpstr (listing, ==, "samples.csv");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/axon/export/png", test_png);
  ADD ("/axon/export/png-background", test_png_background);
  ADD ("/axon/export/svg", test_svg);
  ADD ("/axon/export/pdf", test_pdf);
  ADD ("/axon/export/atomic", test_atomic);
  ADD ("/axon/export/options", test_options);
  ADD ("/axon/export/csv", test_csv);
#undef ADD
  return g_test_run ();
}
