/* axon-cmd-surface.c: `axon surface RUN --tag TAG [OPTION…] -o FILE`, the distribution
 * views of a recorded run, headless.
 *
 * Loads the run with axon_run_load, draws through axon_distribution_render (the function
 * the window's distribution page draws with) into PNG, SVG or PDF by the output's
 * extension, and exports the tag's histograms as CSV or JSON. Usage errors are one line on
 * stderr and exit status 2; outputs are written atomically.
 */
#include "axon-cli.h"
#include "axon-cli-number.h"
#include "axon-surface-bench.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "axon-bench-harness.h"
#include "axon-distribution-render.h"
#include "axon-export.h"
#include "axon-run.h"

typedef struct
{
  const AxonDistributionOptions *options;
  const AxonHistogramGrid *grid;
} SurfaceFigure;

static void
render_figure (cairo_t         *cr,
               int              width,
               int              height,
               const AxonStyle *style,
               gpointer         user_data)
{
  SurfaceFigure *figure = user_data;

  axon_distribution_render_grid (cr, width, height, style, figure->options, figure->grid);
}

/* A whole decimal step number (no blanks; out of the gint64 range is an error). */
static gboolean
parse_step (const char *text,
            gint64     *step)
{
  return g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, step, NULL);
}

/* "A:B", "A:", ":B" or "A" (one step). */
static gboolean
parse_steps (const char *text,
             gint64     *a,
             gint64     *b)
{
  const char *colon = strchr (text, ':');
  g_autofree char *left = colon ? g_strndup (text, colon - text) : g_strdup (text);
  const char *right = colon ? colon + 1 : NULL;
  gint64 lo = G_MININT64, hi = G_MAXINT64;

  if (*left != '\0' && !parse_step (left, &lo))
    return FALSE;
  if (right == NULL)
    {
      if (*left == '\0')
        return FALSE;
      hi = lo;
    }
  else if (*right != '\0' && !parse_step (right, &hi))
    return FALSE;
  if (lo > hi)
    return FALSE;
  *a = lo;
  *b = hi;
  return TRUE;
}

/* The histogram tags of run, comma-separated, for error messages. */
static char *
histogram_tags (const AxonRun *run)
{
  g_auto (GStrv) tags = axon_run_dup_tags (run);
  GString *list = g_string_new (NULL);

  for (gsize i = 0; tags != NULL && tags[i] != NULL; i++)
    if (axon_run_get_tag_kind (run, tags[i]) == AXON_RUN_TAG_HISTOGRAM)
      g_string_append_printf (list, "%s%s", list->len ? ", " : "", tags[i]);
  if (list->len == 0)
    g_string_append (list, _("(none)"));
  return g_string_free (list, FALSE);
}

int
axon_cmd_surface (int    argc,
                  char **argv)
{
  g_autofree char *tag = NULL, *view_name = NULL, *steps = NULL, *size = NULL;
  g_autofree char *theme = NULL, *output = NULL, *csv = NULL, *json = NULL, *mode = NULL;
  g_autofree char *yaw_text = NULL, *pitch_text = NULL, *cursor_text = NULL;
  g_autofree char *title = NULL;
  gboolean log_count = FALSE, symlog = FALSE, list_tags = FALSE, no_legend = FALSE;
  int bins = 64;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_autoptr (AxonHistogramGrid) grid = NULL;
  AxonDistributionOptions options;
  AxonExportOptions export;
  const AxonHistogram *const *hists;
  size_t n_hists = 0;
  const GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag,
      N_("Histogram tag to draw, e.g. weights/0.weight (needed when the run has several)"),
      N_("TAG") },
    { "view", 'v', 0, G_OPTION_ARG_STRING, &view_name,
      N_("surface (3D, default), heatmap (step × value), ridges (TensorBoard offset), "
         "overlay (TensorBoard overlay) or bands (percentiles over steps)"),
      N_("VIEW") },
    { "mode", 'm', 0, G_OPTION_ARG_STRING, &mode,
      N_("Surface drawing: shaded (default) or slices (one filled slice per step)"),
      N_("MODE") },
    { "steps", 0, 0, G_OPTION_ARG_STRING, &steps,
      N_("Show only steps A to B (inclusive); A: or :B leave one end open"), N_("A:B") },
    { "cursor", 0, 0, G_OPTION_ARG_STRING, &cursor_text,
      N_("Highlight the recorded step nearest to STEP"), N_("STEP") },
    { "yaw", 0, 0, G_OPTION_ARG_STRING, &yaw_text,
      N_("Surface camera: turn about the vertical axis, degrees (default -35)"), N_("D") },
    { "pitch", 0, 0, G_OPTION_ARG_STRING, &pitch_text,
      N_("Surface camera: elevation, degrees from -90 to 90 (default 28)"), N_("D") },
    { "log", 'l', 0, G_OPTION_ARG_NONE, &log_count,
      N_("Logarithmic counts (log(1 + count)), to see small counts next to large ones"), NULL },
    { "symlog", 0, 0, G_OPTION_ARG_NONE, &symlog,
      N_("Symmetric-log value axis: linear near 0, logarithmic beyond (for gradients)"),
      NULL },
    { "bins", 'b', 0, G_OPTION_ARG_INT, &bins,
      N_("Shared bins the histograms are re-binned onto, counts conserved (default 64)"),
      N_("N") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size,
      N_("Figure size in pixels (default 1600x1000)"), N_("WxH") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("light (default), dark or transparent"), N_("THEME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("Title above the figure (default: the tag)"), N_("TEXT") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend,
      N_("Leave out the colour-map legend"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the figure to FILE; .png, .svg or .pdf"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Write the tag's histograms as CSV (tag,step,wall_time,min,max,num,sum,"
         "sum_squares,zero_count,bin,left,right,count)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json,
      N_("Write the tag's histograms as JSON ({\"histograms\": {tag: [{step, edges, "
         "counts, …}]}})"), N_("FILE") },
    { "list-tags", 0, 0, G_OPTION_ARG_NONE, &list_tags,
      N_("Print the run's histogram tags, one per line, and exit"), NULL },
    { NULL },
  };

  g_set_prgname ("axon surface");
  context = g_option_context_new (_("RUN"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _("Draw how a recorded tensor's histogram spreads over training: RUN is a directory "
      "of TensorBoard event files (Axon's, PyTorch's SummaryWriter, TensorFlow 2) or one "
      "event file. Histograms of different steps are re-binned onto shared edges without "
      "losing counts."));
  g_option_context_set_description (
    context,
    _("Examples:\n"
      "  axon surface runs/relu --tag gradients/0.weight --log -o grad.svg\n"
      "  axon surface runs/relu --tag weights/0.weight --view bands --steps 0:500 -o w.pdf\n"
      "  axon surface runs/relu --tag weights/0.weight --json w.json"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("surface: %s", error->message);
  if (argc < 2)
    return axon_cli_fail (_("surface: missing RUN (a directory of event files); see "
                            "“axon surface --help”"));
  if (argc > 2)
    return axon_cli_fail (_("surface: unexpected argument “%s”"), argv[2]);

  axon_distribution_options_init (&options);
  axon_export_options_init (&export);
  export.width = 1600;
  export.height = 1000;
  if (view_name != NULL && !axon_distribution_view_from_string (view_name, &options.view))
    return axon_cli_fail (_("surface: unknown --view “%s”; expected surface, heatmap, ridges, "
                            "overlay or bands"), view_name);
  if (mode != NULL)
    {
      if (g_ascii_strcasecmp (mode, "shaded") == 0)
        options.surface_mode = AXON_SURFACE_MODE_SHADED;
      else if (g_ascii_strcasecmp (mode, "slices") == 0)
        options.surface_mode = AXON_SURFACE_MODE_SLICES;
      else
        return axon_cli_fail (_("surface: unknown --mode “%s”; expected shaded or slices"), mode);
    }
  if (steps != NULL && !parse_steps (steps, &options.step_min, &options.step_max))
    return axon_cli_fail (_("surface: bad --steps “%s”; expected A:B with A <= B, A: or :B"),
                          steps);
  if (cursor_text != NULL)
    {
      if (!parse_step (cursor_text, &options.cursor_step))
        return axon_cli_fail (_("surface: bad --cursor “%s”; expected a step number"),
                              cursor_text);
      options.show_cursor = true;
    }
  if (yaw_text != NULL && !axon_cli_parse_double (yaw_text, -3600, 3600, &options.yaw))
    return axon_cli_fail (_("surface: bad --yaw “%s”; expected degrees"), yaw_text);
  if (pitch_text != NULL && !axon_cli_parse_double (pitch_text, -90, 90, &options.pitch))
    return axon_cli_fail (_("surface: bad --pitch “%s”; expected degrees from -90 to 90"),
                          pitch_text);
  if (bins < 1 || bins > 4096)
    return axon_cli_fail (_("surface: bad --bins %d; expected 1 to 4096"), bins);
  options.n_bins = (size_t) bins;
  options.log_count = log_count;
  options.value_scale = symlog ? AXON_BIN_SCALE_SYMLOG : AXON_BIN_SCALE_LINEAR;
  options.legend = !no_legend;
  if (size != NULL
      && !axon_cli_parse_size (size, 16, AXON_EXPORT_MAX_SIZE, &export.width, &export.height))
    return axon_cli_fail (_("surface: bad --size “%s”; expected WxH, each side 16 to %d"),
                          size, AXON_EXPORT_MAX_SIZE);
  if (theme != NULL && !axon_export_background_from_string (theme, &export.background))
    return axon_cli_fail (_("surface: unknown --theme “%s”; expected light, dark or "
                            "transparent"), theme);
  if (output != NULL && !axon_export_format_from_path (output, &export.format, &error))
    return axon_cli_fail ("surface: %s", error->message);
  if (output != NULL && export.format == AXON_EXPORT_CSV)
    return axon_cli_fail (_("surface: -o “%s”: a figure is .png, .svg or .pdf; use --csv "
                            "for the data"), output);
  if (output == NULL && csv == NULL && json == NULL && !list_tags)
    return axon_cli_fail (_("surface: nothing to do; give -o FILE, --csv FILE, --json FILE "
                            "or --list-tags"));

  run = axon_run_load (argv[1], &error);
  if (run == NULL)
    return axon_cli_fail ("surface: %s", error->message);
  for (size_t i = 0; i < axon_run_get_n_warnings (run); i++)
    fprintf (stderr, "axon: %s\n", axon_run_get_warning (run, i)->message);

  if (list_tags)
    {
      g_auto (GStrv) tags = axon_run_dup_tags (run);

      for (gsize i = 0; tags != NULL && tags[i] != NULL; i++)
        if (axon_run_get_tag_kind (run, tags[i]) == AXON_RUN_TAG_HISTOGRAM)
          printf ("%s\n", tags[i]);
      return 0;
    }

  if (tag == NULL)
    {
      g_auto (GStrv) tags = axon_run_dup_tags (run);
      const char *only = NULL;
      guint n = 0;

      for (gsize i = 0; tags != NULL && tags[i] != NULL; i++)
        if (axon_run_get_tag_kind (run, tags[i]) == AXON_RUN_TAG_HISTOGRAM)
          {
            only = tags[i];
            n++;
          }
      if (n != 1)
        {
          g_autofree char *list = histogram_tags (run);

          return axon_cli_fail (_("surface: %s has %u histogram tags; choose one with --tag: "
                                  "%s"), argv[1], n, list);
        }
      tag = g_strdup (only);
    }
  if (axon_run_get_tag_kind (run, tag) != AXON_RUN_TAG_HISTOGRAM)
    {
      g_autofree char *list = histogram_tags (run);

      return axon_cli_fail (_("surface: %s has no histogram tag “%s”; its histogram tags: %s"),
                            argv[1], tag, list);
    }
  hists = axon_run_get_histograms (run, tag, &n_hists);

  if (csv != NULL || json != NULL)
    {
      const char *const tags[] = { tag, NULL };

      if (csv != NULL && !axon_run_export_csv (run, tags, csv, &error))
        return axon_cli_fail ("surface: %s", error->message);
      if (json != NULL && !axon_run_export_json (run, tags, json, &error))
        return axon_cli_fail ("surface: %s", error->message);
    }

  if (output != NULL)
    {
      SurfaceFigure figure;

      options.title = title != NULL ? title : tag;
      grid = axon_distribution_build_grid (&options, hists, n_hists);
      if (grid->n_steps == 0)
        return axon_cli_fail (_("surface: tag “%s” has no histogram in steps %s"), tag,
                              steps ? steps : _("(all)"));
      figure.options = &options;
      figure.grid = grid;
      if (!axon_export_to_file (output, &export, render_figure, &figure, &error))
        return axon_cli_fail ("surface: %s", error->message);
    }
  return 0;
}

/* The benchmark series: 100 steps of a spreading, drifting bell with a growing spike at
 * zero (like gradients through ReLUs), recorded with 120 bins so the 64-bin surface
 * re-bins them. */
typedef struct
{
  cairo_t *cr;
  int width, height;
  AxonStyle style;
  AxonDistributionOptions options;
  AxonHistogramGrid *grid;
  guint frame;
} SurfaceBench;

static void
surface_bench_frame (gpointer user_data)
{
  SurfaceBench *bench = user_data;

  /* Turning, as while dragging: a different projection every frame. */
  bench->options.yaw = -35 + (bench->frame++ % 90);
  axon_distribution_render_grid (bench->cr, bench->width, bench->height, &bench->style,
                                 &bench->options, bench->grid);
  cairo_surface_flush (cairo_get_target (bench->cr));
}

double
axon_surface_bench_ms (int   width,
                       int   height,
                       guint warmup,
                       guint frames)
{
  const size_t n_steps = 100, n_src = 120;
  g_autoptr (GPtrArray) hists = g_ptr_array_new_with_free_func ((GDestroyNotify) axon_histogram_free);
  SurfaceBench bench = { 0 };
  cairo_surface_t *surface;
  AxonBenchTiming timing;

  for (size_t i = 0; i < n_steps; i++)
    {
      AxonHistogram *h = axon_histogram_new (n_src);
      double f = (double) i / (n_steps - 1);
      double mu = 0.1 * sin (3 * f), sigma = 0.05 + 0.2 * f, zero = 0.15 * f;

      h->step = (gint64) i * 10;
      h->min = -1.2;
      h->max = 1.2;
      for (size_t j = 0; j <= n_src; j++)
        h->edges[j] = -1.2 + 2.4 * j / n_src;
      for (size_t j = 0; j < n_src; j++)
        {
          double a = h->edges[j], b = h->edges[j + 1];
          double p = 0.5 * (erf ((b - mu) / (sigma * G_SQRT2)) - erf ((a - mu) / (sigma * G_SQRT2)));

          h->counts[j] = round (p * 10000 * (1 - zero)) + (a <= 0 && 0 < b ? 10000 * zero : 0);
          h->num += h->counts[j];
        }
      h->sum = NAN;
      h->sum_squares = NAN;
      g_ptr_array_add (hists, h);
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return -1;
    }
  bench.cr = cairo_create (surface);
  bench.width = width;
  bench.height = height;
  axon_style_init_light (&bench.style);
  axon_distribution_options_init (&bench.options);
  bench.options.n_bins = 64;
  bench.options.show_cursor = true;
  bench.options.cursor_step = 500;
  bench.options.title = "weights/0.weight";
  bench.grid = axon_distribution_build_grid (&bench.options,
                                             (const AxonHistogram *const *) hists->pdata,
                                             hists->len);
  axon_bench_measure (surface_bench_frame, &bench, warmup, frames, &timing);
  axon_histogram_grid_free (bench.grid);
  cairo_destroy (bench.cr);
  cairo_surface_destroy (surface);
  return timing.median_s * 1e3;
}
