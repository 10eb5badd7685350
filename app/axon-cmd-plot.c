/* axon-cmd-plot.c: `axon plot NAMES [OPTION…] -o FILE`, figures for reports, headless.
 *
 * Draws through axon_plot_render, the function the explorer window draws with, into a
 * PNG, SVG or PDF file (or writes the samples as CSV), chosen by the file's extension.
 * Every usage error is one line on stderr and exit status 2; an existing output file is
 * only ever replaced by a complete new one.
 */
#include "axon-cli.h"
#include "axon-cli-number.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-export.h"
#include "axon-number.h"
#include "axon-plot-render.h"
#include "axon-registry.h"

#define MAX_SERIES 32
#define DEFAULT_CSV_POINTS 201

typedef struct
{
  char *typed; /* as written on the command line */
  const AxonActivation *activation;
  AxonParams params;
  GPtrArray *assignments; /* the KEY=VALUE of -p options that name this series */
  unsigned assigned_mask; /* parameters set with -p */
  char *label;
} SeriesArg;

static void
series_arg_clear (SeriesArg *arg)
{
  g_free (arg->typed);
  g_free (arg->label);
  g_clear_pointer (&arg->assignments, g_ptr_array_unref);
}

/* Hands KEY=VALUE to one series; applied by resolve_series. */
static void
add_assignment (SeriesArg  *arg,
                const char *assignment)
{
  if (arg->assignments == NULL)
    arg->assignments = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (arg->assignments, g_strdup (assignment));
}

/* Looks up the series' name and applies its assignments, with the registry's one-line
 * messages (the same as `axon eval`). */
static gboolean
resolve_series (SeriesArg *arg)
{
  g_autoptr (GError) error = NULL;

  if (arg->assignments != NULL)
    g_ptr_array_add (arg->assignments, NULL);
  arg->activation = axon_activation_resolve (arg->typed,
                                             arg->assignments != NULL
                                               ? (const char *const *) arg->assignments->pdata
                                               : NULL,
                                             &arg->params, &arg->assigned_mask, &error);
  if (arg->activation == NULL)
    {
      axon_cli_fail ("plot: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

/* -p NAME.KEY=VALUE (or KEY=VALUE with a single activation): which series it sets. */
static gboolean
route_param (SeriesArg  *args,
             guint       n_args,
             const char *text)
{
  const char *equals = strchr (text, '=');
  const char *dot = NULL;
  g_autofree char *name = NULL;
  const AxonActivation *looked_up;
  gboolean any = FALSE;

  /* The dot that separates NAME from KEY comes before '=' (values may hold dots). */
  for (const char *c = text; *c && (equals == NULL || c < equals); c++)
    if (*c == '.')
      dot = c;
  if (equals == NULL)
    {
      axon_cli_fail (_("plot: -p “%s” is not of the form NAME.KEY=VALUE"), text);
      return FALSE;
    }
  if (dot == NULL)
    {
      if (n_args != 1)
        {
          axon_cli_fail (_("plot: -p “%s” must name its activation (NAME.KEY=VALUE) "
                          "when several are plotted"), text);
          return FALSE;
        }
      add_assignment (&args[0], text);
      return TRUE;
    }

  /* NAME as typed, else any spelling of the same activation. */
  name = g_strndup (text, dot - text);
  for (guint i = 0; i < n_args; i++)
    if (g_ascii_strcasecmp (args[i].typed, name) == 0)
      {
        add_assignment (&args[i], dot + 1);
        any = TRUE;
      }
  if (any)
    return TRUE;
  looked_up = axon_activation_lookup (name, NULL, NULL);
  for (guint i = 0; looked_up != NULL && i < n_args; i++)
    if (args[i].activation == looked_up)
      {
        add_assignment (&args[i], dot + 1);
        any = TRUE;
      }
  if (!any)
    {
      axon_cli_fail (_("plot: -p “%s” names “%s”, which is not among the plotted "
                       "activations"), text, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_range (const char *option,
             const char *text,
             double     *lo,
             double     *hi)
{
  if (axon_cli_parse_range (text, lo, hi))
    return TRUE;
  axon_cli_fail (_("plot: bad %s “%s”: expected A:B with finite numbers A < B, e.g. -5:5"),
                 option, text);
  return FALSE;
}

static gboolean
parse_number (const char *option,
              const char *text,
              double      lo,
              double      hi,
              double     *value)
{
  if (axon_cli_parse_double (text, lo, hi, value))
    return TRUE;
  axon_cli_fail (_("plot: bad %s “%s”: expected a number from %g to %g"), option, text, lo,
                 hi);
  return FALSE;
}

/* "swish (beta=1.5)": the name as typed plus the parameters changed with -p. */
static char *
make_label (const SeriesArg *arg)
{
  GString *label = g_string_new (arg->typed);
  gboolean first = TRUE;

  for (unsigned i = 0; i < arg->activation->n_params; i++)
    {
      char v[AXON_NUMBER_BUF_SIZE];

      if (!(arg->assigned_mask & (1u << i)))
        continue;
      axon_format_shortest (v, arg->params.v[i]);
      g_string_append_printf (label, "%s%s=%s", first ? " (" : ", ",
                              arg->activation->params[i].name, v);
      first = FALSE;
    }
  if (!first)
    g_string_append_c (label, ')');
  return g_string_free (label, FALSE);
}

int
axon_cmd_plot (int    argc,
               char **argv)
{
  g_auto (GStrv) assignments = NULL;
  g_autofree char *range = NULL, *y_range = NULL, *dy_range = NULL, *layout = NULL;
  g_autofree char *size = NULL, *theme = NULL, *output = NULL, *shade = NULL;
  g_autofree char *dpi_text = NULL, *font_scale_text = NULL, *crosshair = NULL;
  g_autofree char *focus = NULL;
  gboolean derivative = FALSE, presentation = FALSE, no_grid = FALSE, no_legend = FALSE;
  gboolean csv_flag = FALSE;
  int csv_points = DEFAULT_CSV_POINTS;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; its extension chooses the format: .png, .svg, .pdf, or .csv "
         "for the sampled values (required)"), N_("FILE") },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &assignments,
      N_("Set a parameter of one activation, e.g. -p swish.beta=1.5 (repeat for several); "
         "with a single activation KEY=VALUE is enough. Names and values are checked as "
         "in “axon eval”"), N_("NAME.KEY=VALUE") },
    { "range", 'r', 0, G_OPTION_ARG_STRING, &range,
      N_("The x range (default -5:5)"), N_("A:B") },
    { "y-range", 0, 0, G_OPTION_ARG_STRING, &y_range,
      N_("Fixed f(x) range instead of fitting the curves"), N_("A:B") },
    { "dy-range", 0, 0, G_OPTION_ARG_STRING, &dy_range,
      N_("Fixed f'(x) range instead of fitting the curves"), N_("A:B") },
    { "derivative", 'd', 0, G_OPTION_ARG_NONE, &derivative,
      N_("Also plot f'(x), in a pane below f(x) unless --layout says otherwise"), NULL },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &layout,
      N_("stacked (f above f'), side-by-side, overlaid (f' dashed in the f pane) or "
         "function (f only; the default without --derivative)"), N_("LAYOUT") },
    { "shade", 0, 0, G_OPTION_ARG_STRING, &shade,
      N_("Shade regions, comma-separated: saturation (|f'| < 0.1), dead-zone (f' = 0), "
         "rrelu (RReLU's band of random slopes)"), N_("LIST") },
    { "focus", 'f', 0, G_OPTION_ARG_STRING, &focus,
      N_("Shade only this activation's regions and draw it on top (default: shade all)"),
      N_("NAME") },
    { "crosshair", 0, 0, G_OPTION_ARG_STRING, &crosshair,
      N_("Draw the crosshair at x with a readout of f(x) and f'(x) for every curve"),
      N_("X") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &size,
      N_("Figure size in logical pixels (1/96 inch; default 1200x800)"), N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &dpi_text,
      N_("PNG resolution: 96 keeps the size in pixels, 192 doubles it (default 96)"),
      N_("N") },
    { "theme", 't', 0, G_OPTION_ARG_STRING, &theme,
      N_("light (default), dark, or transparent (light colours, no background)"),
      N_("THEME") },
    { "presentation", 0, 0, G_OPTION_ARG_NONE, &presentation,
      N_("Classroom style: larger text and thicker lines, high contrast"), NULL },
    { "font-scale", 0, 0, G_OPTION_ARG_STRING, &font_scale_text,
      N_("Multiply the text size by F, 0.25 to 8 (default 1)"), N_("F") },
    { "no-grid", 0, 0, G_OPTION_ARG_NONE, &no_grid, N_("Leave out the grid"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &no_legend, N_("Leave out the legend"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv_flag,
      N_("Write the samples as CSV whatever the extension of FILE"), NULL },
    { "samples", 'n', 0, G_OPTION_ARG_INT, &csv_points,
      N_("CSV: evenly spaced x values, plus every breakpoint in range (default 201)"),
      N_("N") },
    { NULL },
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SeriesArg args[MAX_SERIES] = { { 0 } };
  AxonPlotSeries series[MAX_SERIES];
  guint n_args = 0;
  AxonPlotOptions options;
  AxonExportOptions export;
  AxonPlotRenderData data;
  int status = 2;

  g_set_prgname ("axon plot");
  context = g_option_context_new (_("NAMES"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Draws the activations NAMES (comma-separated names or "
                                  "aliases, as in “axon eval”) and optionally their "
                                  "derivatives into FILE, exactly as the Axon window draws "
                                  "them: breakpoints stay sharp corners or true jumps."));
  g_option_context_set_description (context,
                                    _("Examples:\n"
                                      "  axon plot relu,gelu,swish -o fig.png\n"
                                      "  axon plot gelu,swish -p swish.beta=1.5 --range -5:5 "
                                      "--derivative -o fig.svg\n"
                                      "  axon plot rrelu --shade rrelu,dead-zone "
                                      "--presentation -o class.pdf\n"
                                      "  axon plot hard_sigmoid --range -4:4 -o samples.csv\n"
                                      "\n"
                                      "Sizes are logical pixels: an SVG keeps them as px, a "
                                      "PDF turns them into points (72 per 96 px), a PNG "
                                      "multiplies them by DPI/96. The file is written "
                                      "atomically (a temporary file next to it, then a "
                                      "rename). Exit status 2 with one line on standard "
                                      "error for an unknown name or parameter, a bad value, "
                                      "range or size, an unknown extension, or a file that "
                                      "cannot be written."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("plot: %s", error->message);

  for (int i = 1; i < argc; i++)
    {
      g_auto (GStrv) parts = g_strsplit (argv[i], ",", -1);
      for (guint k = 0; parts[k] != NULL; k++)
        {
          g_strstrip (parts[k]);
          if (parts[k][0] != '\0')
            g_ptr_array_add (names, g_strdup (parts[k]));
        }
    }
  if (names->len == 0)
    return axon_cli_fail (_("plot: missing activation NAMES, e.g. “axon plot relu,gelu -o "
                            "fig.png” (see “axon list”)"));
  if (names->len > MAX_SERIES)
    return axon_cli_fail (_("plot: %u activations is too many, at most %d"), names->len,
                          MAX_SERIES);
  if (output == NULL)
    return axon_cli_fail (_("plot: missing -o FILE (.png, .svg, .pdf or .csv)"));

  axon_plot_options_init (&options);
  axon_export_options_init (&export);

  for (guint i = 0; i < names->len; i++)
    {
      args[i].typed = g_strdup (g_ptr_array_index (names, i));
      n_args++;
      if (!resolve_series (&args[i]))
        goto out;
    }
  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    if (!route_param (args, n_args, assignments[i]))
      goto out;
  for (guint i = 0; i < n_args; i++)
    if (args[i].assignments != NULL && !resolve_series (&args[i]))
      goto out;

  if (range != NULL && !parse_range ("--range", range, &options.x_min, &options.x_max))
    goto out;
  if (y_range != NULL)
    {
      AxonPlotYRange *y = &options.y[AXON_PLOT_PANE_FUNCTION];
      if (!parse_range ("--y-range", y_range, &y->min, &y->max))
        goto out;
      y->auto_fit = false;
    }
  if (dy_range != NULL)
    {
      AxonPlotYRange *y = &options.y[AXON_PLOT_PANE_DERIVATIVE];
      if (!parse_range ("--dy-range", dy_range, &y->min, &y->max))
        goto out;
      y->auto_fit = false;
    }

  options.show_derivative = derivative;
  options.layout = derivative ? AXON_PLOT_LAYOUT_STACKED : AXON_PLOT_LAYOUT_FUNCTION_ONLY;
  if (layout != NULL)
    {
      static const struct
      {
        const char *name;
        AxonPlotLayout layout;
      } layouts[] = {
        { "stacked", AXON_PLOT_LAYOUT_STACKED },
        { "side-by-side", AXON_PLOT_LAYOUT_SIDE_BY_SIDE },
        { "overlaid", AXON_PLOT_LAYOUT_OVERLAID },
        { "function", AXON_PLOT_LAYOUT_FUNCTION_ONLY },
      };
      gboolean found = FALSE;
      for (gsize i = 0; i < G_N_ELEMENTS (layouts) && !found; i++)
        if (g_ascii_strcasecmp (layout, layouts[i].name) == 0)
          {
            options.layout = layouts[i].layout;
            options.show_derivative = layouts[i].layout != AXON_PLOT_LAYOUT_FUNCTION_ONLY;
            found = TRUE;
          }
      if (!found)
        {
          axon_cli_fail (_("plot: unknown --layout “%s”; expected stacked, side-by-side, "
                           "overlaid or function"), layout);
          goto out;
        }
    }
  options.grid = !no_grid;
  options.legend = !no_legend;
  if (shade != NULL)
    {
      g_auto (GStrv) kinds = g_strsplit (shade, ",", -1);
      for (guint i = 0; kinds[i] != NULL; i++)
        {
          g_strstrip (kinds[i]);
          if (g_ascii_strcasecmp (kinds[i], "saturation") == 0)
            options.shade_saturation = true;
          else if (g_ascii_strcasecmp (kinds[i], "dead-zone") == 0)
            options.shade_dead_zone = true;
          else if (g_ascii_strcasecmp (kinds[i], "rrelu") == 0)
            options.shade_rrelu_band = true;
          else
            {
              axon_cli_fail (_("plot: unknown --shade “%s”; expected saturation, dead-zone "
                               "or rrelu"), kinds[i]);
              goto out;
            }
        }
    }
  if (focus != NULL)
    {
      const AxonActivation *looked_up = axon_activation_lookup (focus, NULL, NULL);
      for (guint i = 0; i < n_args && options.focus < 0; i++)
        if (g_ascii_strcasecmp (args[i].typed, focus) == 0)
          options.focus = (int) i;
      for (guint i = 0; i < n_args && options.focus < 0 && looked_up != NULL; i++)
        if (args[i].activation == looked_up)
          options.focus = (int) i;
      if (options.focus < 0)
        {
          axon_cli_fail (_("plot: --focus “%s” is not among the plotted activations"), focus);
          goto out;
        }
    }
  if (crosshair != NULL)
    {
      if (!parse_number ("--crosshair", crosshair, -G_MAXDOUBLE, G_MAXDOUBLE,
                         &options.crosshair_x))
        goto out;
      options.crosshair = true;
    }

  if (size != NULL
      && !axon_cli_parse_size (size, 1, AXON_EXPORT_MAX_SIZE, &export.width, &export.height))
    {
      axon_cli_fail (_("plot: bad --size “%s”: expected WxH in pixels, each 1 to %d, e.g. "
                       "1200x800"), size, AXON_EXPORT_MAX_SIZE);
      goto out;
    }
  if (dpi_text != NULL && !parse_number ("--dpi", dpi_text, 24, 1200, &export.dpi))
    goto out;
  if (font_scale_text != NULL
      && !parse_number ("--font-scale", font_scale_text, 0.25, 8, &export.font_scale))
    goto out;
  export.presentation = presentation;
  if (theme != NULL && !axon_export_background_from_string (theme, &export.background))
    {
      axon_cli_fail (_("plot: unknown --theme “%s”; expected light, dark or transparent"),
                     theme);
      goto out;
    }

  if (csv_flag)
    export.format = AXON_EXPORT_CSV;
  else if (!axon_export_format_from_path (output, &export.format, &error))
    {
      axon_cli_fail ("plot: %s", error->message);
      goto out;
    }

  for (guint i = 0; i < n_args; i++)
    {
      axon_plot_series_init (&series[i], args[i].activation, i);
      series[i].params = args[i].params;
      args[i].label = make_label (&args[i]);
      series[i].label = args[i].label;
    }

  if (export.format == AXON_EXPORT_CSV)
    {
      if (csv_points < 2 || csv_points > 10000000)
        {
          axon_cli_fail (_("plot: bad --samples %d: expected 2 to 10000000"), csv_points);
          goto out;
        }
      if (!axon_export_csv (output, series, n_args, options.x_min, options.x_max,
                            (size_t) csv_points, &error))
        {
          axon_cli_fail ("plot: %s", error->message);
          goto out;
        }
      status = 0;
      goto out;
    }

  data = (AxonPlotRenderData) { &options, series, n_args };
  if (!axon_export_to_file (output, &export, axon_plot_render_func, &data, &error))
    {
      axon_cli_fail ("plot: %s", error->message);
      goto out;
    }
  status = 0;

out:
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    series_arg_clear (&args[i]);
  return status;
}
