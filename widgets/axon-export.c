/* axon-export.c: PNG, SVG, PDF and CSV files, written atomically. */
#include "axon-export.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "axon-csv-json.h"
#include "axon-plot-sample.h"

G_DEFINE_QUARK (axon-export-error-quark, axon_export_error)

void
axon_export_options_init (AxonExportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->format = AXON_EXPORT_PNG;
  options->width = 1200;
  options->height = 800;
  options->dpi = 96;
  options->background = AXON_EXPORT_LIGHT;
  options->font_scale = 1;
  options->presentation = false;
}

gboolean
axon_export_background_from_string (const char           *name,
                                    AxonExportBackground *background)
{
  static const char *const names[] = {
    [AXON_EXPORT_LIGHT] = "light",
    [AXON_EXPORT_DARK] = "dark",
    [AXON_EXPORT_TRANSPARENT] = "transparent",
  };

  for (gsize i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      {
        *background = (AxonExportBackground) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
axon_export_format_from_path (const char        *path,
                              AxonExportFormat  *format,
                              GError           **error)
{
  static const struct
  {
    const char *ext;
    AxonExportFormat format;
  } table[] = {
    { ".png", AXON_EXPORT_PNG },
    { ".svg", AXON_EXPORT_SVG },
    { ".pdf", AXON_EXPORT_PDF },
    { ".csv", AXON_EXPORT_CSV },
  };
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  for (gsize i = 0; dot != NULL && i < G_N_ELEMENTS (table); i++)
    if (g_ascii_strcasecmp (dot, table[i].ext) == 0)
      {
        *format = table[i].format;
        return TRUE;
      }
  g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_FORMAT,
               _("Cannot tell the format of “%s”: the name must end in .png, .svg, .pdf "
                 "or .csv"), path);
  return FALSE;
}

gboolean
axon_export_options_validate (const AxonExportOptions  *options,
                              GError                  **error)
{
  double scale = options->dpi / 96.0;

  if (options->width < 1 || options->width > AXON_EXPORT_MAX_SIZE || options->height < 1
      || options->height > AXON_EXPORT_MAX_SIZE)
    {
      g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_SIZE,
                   _("Size %d×%d is out of range: each side must be 1 to %d pixels"),
                   options->width, options->height, AXON_EXPORT_MAX_SIZE);
      return FALSE;
    }
  if (!isfinite (options->dpi) || options->dpi < 24 || options->dpi > 1200)
    {
      g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_SIZE,
                   _("DPI %g is out of range: it must be 24 to 1200"), options->dpi);
      return FALSE;
    }
  if (options->format == AXON_EXPORT_PNG
      && (ceil (options->width * scale) > AXON_EXPORT_MAX_PIXELS
          || ceil (options->height * scale) > AXON_EXPORT_MAX_PIXELS))
    {
      g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_SIZE,
                   _("Size %d×%d at %g dpi is too large: a PNG side may have at most %d "
                     "pixels"), options->width, options->height, options->dpi,
                   AXON_EXPORT_MAX_PIXELS);
      return FALSE;
    }
  if (!isfinite (options->font_scale) || options->font_scale < 0.25
      || options->font_scale > 8)
    {
      g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_SIZE,
                   _("Font scale %g is out of range: it must be 0.25 to 8"),
                   options->font_scale);
      return FALSE;
    }
  return TRUE;
}

void
axon_export_style (const AxonExportOptions *options,
                   AxonStyle               *style)
{
  if (options->background == AXON_EXPORT_DARK)
    axon_style_init_dark (style);
  else
    axon_style_init_light (style);
  if (options->background == AXON_EXPORT_TRANSPARENT)
    style->background.a = 0;
  style->font_scale *= options->font_scale;
  if (options->presentation)
    axon_style_apply_presentation (style);
}

/* Atomic files */

typedef struct
{
  int fd;
  int saved_errno;
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_WRITE,
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
}

/* A new temporary file next to path (same file system, so rename is atomic). */
static char *
open_temp (const char  *path,
           int         *fd,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  char *temp = g_build_filename (dir, name, NULL);

  *fd = g_mkstemp_full (temp, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (*fd < 0)
    {
      set_write_error (error, path, errno);
      g_free (temp);
      return NULL;
    }
  return temp;
}

/* Closes fd and renames temp over path, or removes temp when ok is FALSE. */
static gboolean
finish_temp (char        *temp,
             int          fd,
             const char  *path,
             gboolean     ok,
             int          saved_errno,
             GError     **error)
{
  if (ok)
    {
      /* mkstemp makes 0600; give the file the usual permissions under the umask. */
      mode_t mask = umask (0);
      umask (mask);
      fchmod (fd, 0666 & ~mask);
    }
  if (ok && fsync (fd) != 0 && errno != EINVAL)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (ok && g_rename (temp, path) != 0)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    {
      g_unlink (temp);
      set_write_error (error, path, saved_errno != 0 ? saved_errno : EIO);
    }
  g_free (temp);
  return ok;
}

gboolean
axon_export_write_atomically (const char  *path,
                              const void  *contents,
                              gsize        length,
                              GError     **error)
{
  Sink sink = { -1, 0 };
  char *temp = open_temp (path, &sink.fd, error);
  const unsigned char *data = contents;
  gboolean ok = TRUE;

  if (temp == NULL)
    return FALSE;
  while (length > 0 && ok)
    {
      unsigned int chunk = (unsigned int) MIN (length, 1u << 20);
      ok = sink_write (&sink, data, chunk) == CAIRO_STATUS_SUCCESS;
      data += chunk;
      length -= chunk;
    }
  return finish_temp (temp, sink.fd, path, ok, sink.saved_errno, error);
}

gboolean
axon_export_to_file_with_style (const char               *path,
                                const AxonExportOptions  *options,
                                const AxonStyle          *style,
                                AxonRenderFunc            render,
                                gpointer                  user_data,
                                GError                  **error)
{
  Sink sink = { -1, 0 };
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  char *temp;
  cairo_t *cr;
  double scale = 1;
  gboolean ok;

  g_return_val_if_fail (path != NULL && options != NULL && render != NULL, FALSE);

  if (options->format == AXON_EXPORT_CSV)
    {
      g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_FORMAT,
                   _("Cannot write a picture to “%s”: .csv holds samples, not figures"),
                   path);
      return FALSE;
    }
  if (!axon_export_options_validate (options, error))
    return FALSE;
  temp = open_temp (path, &sink.fd, error);
  if (temp == NULL)
    return FALSE;

  switch (options->format)
    {
    case AXON_EXPORT_PNG:
      scale = options->dpi / 96.0;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (options->width * scale),
                                            (int) ceil (options->height * scale));
      break;
    case AXON_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, &sink, options->width,
                                                     options->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case AXON_EXPORT_PDF:
      /* Points: 72 per inch against 96 logical pixels per inch. */
      scale = 72.0 / 96.0;
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink,
                                                     options->width * scale,
                                                     options->height * scale);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Axon");
      break;
    case AXON_EXPORT_CSV:
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  render (cr, options->width, options->height, style, user_data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && options->format == AXON_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  ok = status == CAIRO_STATUS_SUCCESS;
  if (!ok && sink.saved_errno == 0)
    {
      /* A Cairo failure rather than a write failure: say what Cairo said. */
      close (sink.fd);
      g_unlink (temp);
      g_free (temp);
      g_set_error (error, AXON_EXPORT_ERROR, AXON_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return finish_temp (temp, sink.fd, path, ok, sink.saved_errno, error);
}

gboolean
axon_export_to_file (const char               *path,
                     const AxonExportOptions  *options,
                     AxonRenderFunc            render,
                     gpointer                  user_data,
                     GError                  **error)
{
  AxonStyle style;

  axon_export_style (options, &style);
  return axon_export_to_file_with_style (path, options, &style, render, user_data, error);
}

/* CSV */

/* ",value"; +0.0 so a -0 sample prints as "0". */
static void
append_number (GString *s,
               double   v)
{
  g_string_append_c (s, ',');
  axon_csv_append_double (s, v + 0.0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

char *
axon_export_csv_string (const AxonPlotSeries *series,
                        size_t                n_series,
                        double                x_min,
                        double                x_max,
                        size_t                n_points)
{
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  GString *s = g_string_new ("x");

  axon_axis_normalise_range (&x_min, &x_max);
  n_points = MAX (n_points, 2);
  for (size_t i = 0; i < n_points; i++)
    {
      double x = i + 1 == n_points ? x_max
                                   : x_min + (x_max - x_min) * ((double) i / (n_points - 1));
      g_array_append_val (xs, x);
    }
  for (size_t k = 0; k < n_series; k++)
    {
      double kinks[AXON_MAX_KINKS];
      size_t n;
      if (series[k].activation == NULL || !series[k].visible)
        continue;
      n = axon_plot_kinks (series[k].activation, &series[k].params, x_min, x_max, kinks);
      g_array_append_vals (xs, kinks, n);
    }
  g_array_sort (xs, compare_doubles);

  for (size_t k = 0; k < n_series; k++)
    {
      const AxonPlotSeries *p = &series[k];
      const char *label;
      g_autofree char *f = NULL, *df = NULL;
      if (p->activation == NULL || !p->visible)
        continue;
      label = p->label != NULL ? p->label : p->activation->name;
      f = g_strdup_printf ("%s f(x)", label);
      df = g_strdup_printf ("%s f'(x)", label);
      g_string_append_c (s, ',');
      axon_csv_append_field (s, f);
      g_string_append_c (s, ',');
      axon_csv_append_field (s, df);
    }
  g_string_append (s, "\n");

  for (guint i = 0; i < xs->len; i++)
    {
      double x = g_array_index (xs, double, i);

      if (i > 0 && x == g_array_index (xs, double, i - 1))
        continue;
      axon_csv_append_double (s, x + 0.0);
      for (size_t k = 0; k < n_series; k++)
        {
          const AxonPlotSeries *p = &series[k];
          if (p->activation == NULL || !p->visible)
            continue;
          append_number (s, p->activation->f64 (x, &p->params));
          append_number (s, p->activation->df64 != NULL ? p->activation->df64 (x, &p->params)
                                                        : NAN);
        }
      g_string_append (s, "\n");
    }
  return g_string_free (s, FALSE);
}

gboolean
axon_export_csv (const char            *path,
                 const AxonPlotSeries  *series,
                 size_t                 n_series,
                 double                 x_min,
                 double                 x_max,
                 size_t                 n_points,
                 GError               **error)
{
  g_autofree char *text = axon_export_csv_string (series, n_series, x_min, x_max, n_points);

  return axon_export_write_atomically (path, text, strlen (text), error);
}
