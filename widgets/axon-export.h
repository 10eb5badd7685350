/* axon-export.h: any view to PNG, SVG or PDF, and the plot's samples to CSV.
 *
 * Export calls the view's own render function on an image, SVG or PDF surface, so a file
 * looks like the screen (GOffice's exporter, slope's write_to_png). Sizes are in logical
 * pixels (1/96 inch): PNG multiplies them by dpi / 96, PDF turns them into points, SVG
 * keeps them as px. Files are written atomically: a temporary file in the same directory,
 * renamed over the target only when complete, so a failed export never touches an
 * existing file.
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <stdbool.h>

#include "axon-plot-render.h"
#include "axon-style.h"

G_BEGIN_DECLS

#define AXON_EXPORT_ERROR (axon_export_error_quark ())

typedef enum
{
  AXON_EXPORT_ERROR_FORMAT, /* unknown file extension */
  AXON_EXPORT_ERROR_SIZE,   /* size, DPI or font scale out of range */
  AXON_EXPORT_ERROR_WRITE,  /* the file could not be written */
} AxonExportError;

GQuark axon_export_error_quark (void);

typedef enum
{
  AXON_EXPORT_PNG,
  AXON_EXPORT_SVG,
  AXON_EXPORT_PDF,
  AXON_EXPORT_CSV, /* samples, not a picture: axon_export_csv */
} AxonExportFormat;

typedef enum
{
  AXON_EXPORT_LIGHT,
  AXON_EXPORT_DARK,
  AXON_EXPORT_TRANSPARENT, /* light colours on no background */
} AxonExportBackground;

#define AXON_EXPORT_MAX_SIZE 16384 /* logical pixels per side */
#define AXON_EXPORT_MAX_PIXELS 30000 /* device pixels per side of a PNG (Cairo's limit) */

typedef struct
{
  AxonExportFormat format;
  int width; /* logical pixels, 1..AXON_EXPORT_MAX_SIZE */
  int height;
  double dpi; /* PNG only: device pixels = logical × dpi / 96; 24..1200 */
  AxonExportBackground background;
  double font_scale; /* multiplies the style's font scale; 0.25..8 */
  bool presentation; /* axon_style_apply_presentation */
} AxonExportOptions;

/* A view's render function: axon_<thing>_render with its extra arguments in user_data. */
typedef void (*AxonRenderFunc) (cairo_t         *cr,
                                int              width,
                                int              height,
                                const AxonStyle *style,
                                gpointer         user_data);

/* "light", "dark" or "transparent" (any case), as the --theme of `axon plot` and
 * `axon surface`; FALSE for anything else. */
gboolean axon_export_background_from_string (const char           *name,
                                             AxonExportBackground *background);

/* PNG, 1200 × 800, 96 dpi, light, font scale 1, no presentation. */
void axon_export_options_init (AxonExportOptions *options);

/* The format named by path's extension (.png, .svg, .pdf, .csv; any case). */
gboolean axon_export_format_from_path (const char        *path,
                                       AxonExportFormat  *format,
                                       GError           **error);

/* Checks sizes, DPI and font scale; error names the bad value. */
gboolean axon_export_options_validate (const AxonExportOptions  *options,
                                       GError                  **error);

/* The style an export draws with: light or dark, background cleared for transparent,
 * font scale and presentation applied. */
void axon_export_style (const AxonExportOptions *options,
                        AxonStyle               *style);

/* Renders through render into path, in options->format (PNG, SVG or PDF). */
gboolean axon_export_to_file (const char               *path,
                              const AxonExportOptions  *options,
                              AxonRenderFunc            render,
                              gpointer                  user_data,
                              GError                  **error);

/* Same, with a style of the caller's (the window's colours) instead of axon_export_style;
 * options->background, font_scale and presentation are ignored. */
gboolean axon_export_to_file_with_style (const char               *path,
                                         const AxonExportOptions  *options,
                                         const AxonStyle          *style,
                                         AxonRenderFunc            render,
                                         gpointer                  user_data,
                                         GError                  **error);

/* The samples as CSV text: a header "x,NAME f(x),NAME f'(x),..." then one row per x, the
 * n_points evenly spaced x of [x_min, x_max] merged with every visible series' kinks, values
 * as %.17g with '.' ("nan", "inf", "-inf" spelled out). */
char *axon_export_csv_string (const AxonPlotSeries *series,
                              size_t                n_series,
                              double                x_min,
                              double                x_max,
                              size_t                n_points);

/* axon_export_csv_string written atomically to path. */
gboolean axon_export_csv (const char            *path,
                          const AxonPlotSeries  *series,
                          size_t                 n_series,
                          double                 x_min,
                          double                 x_max,
                          size_t                 n_points,
                          GError               **error);

/* Writes contents atomically (temporary file in the same directory, then rename). */
gboolean axon_export_write_atomically (const char  *path,
                                       const void  *contents,
                                       gsize        length,
                                       GError     **error);

G_END_DECLS
