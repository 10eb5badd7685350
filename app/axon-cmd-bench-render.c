/* axon-cmd-bench-render.c: `axon bench render`, milliseconds per frame of the renderers.
 *
 * Each renderer draws the same frame over and over on an ARGB32 image surface of the
 * requested size (what GTK hands a widget's snapshot on the CPU path); the figure is the
 * median frame time over many frames, after warm-up (fonts loaded, caches filled), taken
 * with the shared harness (kernels/bench/axon-bench-harness.h). The plot frame is the
 * explorer's heaviest ordinary one: 8 activations, f and f' stacked, grid and legend.
 *
 * Adding a renderer: one measure function and one row in figures[] below.
 */
#include "axon-bench.h"
#include "axon-cli.h"
#include "axon-cli-number.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "axon-bench-harness.h"
#include "axon-plot-render.h"
#include "axon-registry.h"
#include "axon-surface-bench.h"

#define DEFAULT_WIDTH 1600
#define DEFAULT_HEIGHT 1000
#define DEFAULT_FRAMES 200
#define DEFAULT_WARMUP 10

typedef struct
{
  int width;
  int height;
  guint frames;
  guint warmup;
} RenderConfig;

typedef struct
{
  cairo_t *cr;
  int width;
  int height;
  AxonStyle style;
  AxonPlotOptions options;
  AxonPlotSeries series[8];
  size_t n_series;
} PlotRun;

static void
run_plot_frame (gpointer user_data)
{
  PlotRun *run = user_data;

  axon_plot_render (run->cr, run->width, run->height, &run->style, &run->options,
                    run->series, run->n_series);
  cairo_surface_flush (cairo_get_target (run->cr));
}

/* Median milliseconds per frame of the explorer plot, or a negative value on failure. */
static double
measure_plot (const RenderConfig *config)
{
  static const char *const names[] = {
    "relu", "gelu", "swish", "sigmoid", "tanh", "elu", "softplus", "leaky_relu",
  };
  PlotRun run = { 0 };
  AxonBenchTiming timing;
  cairo_surface_t *surface;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, config->width, config->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return -1;
    }
  run.cr = cairo_create (surface);
  run.width = config->width;
  run.height = config->height;
  axon_style_init_light (&run.style);
  axon_plot_options_init (&run.options);
  run.options.layout = AXON_PLOT_LAYOUT_STACKED;
  run.options.show_derivative = true;
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const AxonActivation *a = axon_activation_lookup (names[i], NULL, NULL);
      if (a == NULL)
        continue;
      axon_plot_series_init (&run.series[run.n_series], a, (unsigned) run.n_series);
      run.n_series++;
    }

  axon_bench_measure (run_plot_frame, &run, config->warmup, config->frames, &timing);
  cairo_destroy (run.cr);
  cairo_surface_destroy (surface);
  return timing.median_s * 1e3;
}

/* The 3D distribution surface (app/axon-cmd-surface.c). */
static double
measure_surface (const RenderConfig *config)
{
  return axon_surface_bench_ms (config->width, config->height, config->warmup, config->frames);
}

typedef struct
{
  const char *key;         /* JSON key */
  const char *description; /* N_() */
  double (*measure) (const RenderConfig *config);
} RenderFigure;

static const RenderFigure figures[] = {
  { "plot_ms", N_("plot, 8 activations with derivatives"), measure_plot },
  { "surface_ms", N_("3D surface, 100 steps × 64 bins, turning"), measure_surface },
};

int
axon_bench_render (int    argc,
                   char **argv)
{
  int width = DEFAULT_WIDTH, height = DEFAULT_HEIGHT, frames = DEFAULT_FRAMES;
  gboolean json = FALSE;
  g_autofree char *size = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  RenderConfig config;
  double results[G_N_ELEMENTS (figures)];
  const GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_STRING, &size,
      N_("Frame size in pixels (default 1600x1000)"), N_("WxH") },
    { "frames", 'n', 0, G_OPTION_ARG_INT, &frames,
      N_("Timed frames per renderer; the median is reported (default 200)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object, e.g. {\"plot_ms\": 2.1}"), NULL },
    { NULL },
  };

  g_set_prgname ("axon bench render");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Milliseconds per frame of the renderers, drawn on an "
                                  "image surface: the median over many frames after "
                                  "warm-up. The plot target is 4 ms at 1600x1000."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("bench render: %s", error->message);
  if (argc > 1)
    return axon_cli_fail (_("bench render: unexpected argument “%s”"), argv[1]);
  if (size != NULL && !axon_cli_parse_size (size, 16, 8192, &width, &height))
    return axon_cli_fail (_("bench render: bad --size “%s”, expected WxH with each side 16 "
                            "to 8192"), size);
  if (frames < 1 || frames > 100000)
    return axon_cli_fail (_("bench render: bad --frames %d, expected 1 to 100000"), frames);

  config = (RenderConfig) { width, height, (guint) frames, DEFAULT_WARMUP };
  for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      results[i] = figures[i].measure (&config);
      if (results[i] < 0)
        return axon_cli_fail (_("bench render: cannot create a %d×%d surface"), width,
                              height);
    }

  if (json)
    {
      printf ("{");
      for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
        {
          char number[G_ASCII_DTOSTR_BUF_SIZE];
          /* JSON wants '.', whatever LC_NUMERIC says. */
          g_ascii_formatd (number, sizeof number, "%.4f", results[i]);
          printf ("%s\"%s\": %s", i > 0 ? ", " : "", figures[i].key, number);
        }
      printf ("}\n");
    }
  else
    {
      printf (_("Median milliseconds per frame at %d×%d, %d frames (noisy on a busy "
                "machine):\n"), width, height, frames);
      for (gsize i = 0; i < G_N_ELEMENTS (figures); i++)
        printf ("  %-12s %8.3f ms  %s\n", figures[i].key, results[i],
                _(figures[i].description));
    }
  return 0;
}
