/* axon-run-export.c: a run's series as CSV or JSON (formats in axon-run.h). */
#include "axon-run-private.h"

#include <glib/gi18n.h>

#include "axon-csv-json.h"

/* Locale-independent, round-trip exact; CSV spells non-finite values, JSON has none. */
static void
append_number (GString  *out,
               double    x,
               gboolean  json)
{
  if (json)
    axon_json_append_double (out, x);
  else
    axon_csv_append_double (out, x);
}

/* The tags to export: the given ones (each must exist) or all. */
static char **
resolve_tags (const AxonRun      *run,
              const char *const  *tags,
              GError            **error)
{
  if (tags == NULL)
    return axon_run_dup_tags (run);
  for (const char *const *t = tags; *t != NULL; t++)
    if (!axon_run_has_tag (run, *t))
      {
        g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_NO_TAG,
                     _("The run has no tag “%s”"), *t);
        return NULL;
      }
  return g_strdupv ((char **) tags);
}

static gboolean
write_atomically (const char  *path,
                  GString     *contents,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents_full (path, contents->str, (gssize) contents->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_IO, _("Cannot write “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
axon_run_export_csv (const AxonRun      *run,
                     const char *const  *tags,
                     const char         *path,
                     GError            **error)
{
  g_auto (GStrv) names = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean any_scalar = FALSE, any_histogram = FALSE;

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  names = resolve_tags (run, tags, error);
  if (names == NULL)
    return FALSE;
  for (char **t = names; *t != NULL; t++)
    {
      if (axon_run_get_tag_kind (run, *t) == AXON_RUN_TAG_SCALAR)
        any_scalar = TRUE;
      else
        any_histogram = TRUE;
    }
  if (any_scalar && any_histogram)
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                   _("Cannot write “%s”: one CSV file holds either scalars or histograms; "
                     "choose the tags of one kind"), path);
      return FALSE;
    }

  if (any_histogram)
    g_string_append (out, "tag,step,wall_time,min,max,num,sum,sum_squares,zero_count,"
                          "bin,left,right,count\n");
  else
    g_string_append (out, "tag,step,wall_time,value\n");
  for (char **t = names; *t != NULL; t++)
    {
      size_t n;

      if (any_scalar)
        {
          const AxonScalarPoint *points = axon_run_get_scalars (run, *t, &n);

          for (size_t i = 0; i < n; i++)
            {
              axon_csv_append_field (out, *t);
              g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", points[i].step);
              append_number (out, points[i].wall_time, FALSE);
              g_string_append_c (out, ',');
              append_number (out, points[i].value, FALSE);
              g_string_append_c (out, '\n');
            }
          continue;
        }
      {
        const AxonHistogram *const *hists = axon_run_get_histograms (run, *t, &n);

        for (size_t i = 0; i < n; i++)
          {
            const AxonHistogram *h = hists[i];
            const double stats[] = { h->min, h->max, h->num, h->sum, h->sum_squares,
                                     h->zero_count };

            for (size_t b = 0; b < h->n_bins; b++)
              {
                axon_csv_append_field (out, *t);
                g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", h->step);
                append_number (out, h->wall_time, FALSE);
                for (gsize s = 0; s < G_N_ELEMENTS (stats); s++)
                  {
                    g_string_append_c (out, ',');
                    append_number (out, stats[s], FALSE);
                  }
                g_string_append_printf (out, ",%zu,", b);
                append_number (out, h->edges[b], FALSE);
                g_string_append_c (out, ',');
                append_number (out, h->edges[b + 1], FALSE);
                g_string_append_c (out, ',');
                append_number (out, h->counts[b], FALSE);
                g_string_append_c (out, '\n');
              }
          }
      }
    }
  return write_atomically (path, out, error);
}

static void
append_json_array (GString      *out,
                   const double *values,
                   size_t        n)
{
  g_string_append_c (out, '[');
  for (size_t i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_number (out, values[i], TRUE);
    }
  g_string_append_c (out, ']');
}

static void
append_json_field (GString    *out,
                   const char *name,
                   double      value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  append_number (out, value, TRUE);
}

gboolean
axon_run_export_json (const AxonRun      *run,
                      const char *const  *tags,
                      const char         *path,
                      GError            **error)
{
  g_auto (GStrv) names = NULL;
  g_autoptr (GString) out = g_string_new ("{\n");
  const AxonRunTagKind kinds[] = { AXON_RUN_TAG_SCALAR, AXON_RUN_TAG_HISTOGRAM };

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  names = resolve_tags (run, tags, error);
  if (names == NULL)
    return FALSE;

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      gboolean first_tag = TRUE;

      g_string_append (out, kinds[k] == AXON_RUN_TAG_SCALAR ? "  \"scalars\": {"
                                                            : "  \"histograms\": {");
      for (char **t = names; *t != NULL; t++)
        {
          size_t n;

          if (axon_run_get_tag_kind (run, *t) != kinds[k])
            continue;
          g_string_append (out, first_tag ? "\n    " : ",\n    ");
          first_tag = FALSE;
          axon_json_append_string (out, *t);
          g_string_append (out, ": [");
          if (kinds[k] == AXON_RUN_TAG_SCALAR)
            {
              const AxonScalarPoint *points = axon_run_get_scalars (run, *t, &n);

              for (size_t i = 0; i < n; i++)
                {
                  g_string_append_printf (out, "%s\n      {\"step\": %" G_GINT64_FORMAT,
                                          i > 0 ? "," : "", points[i].step);
                  append_json_field (out, "wall_time", points[i].wall_time);
                  append_json_field (out, "value", points[i].value);
                  g_string_append_c (out, '}');
                }
            }
          else
            {
              const AxonHistogram *const *hists = axon_run_get_histograms (run, *t, &n);

              for (size_t i = 0; i < n; i++)
                {
                  const AxonHistogram *h = hists[i];

                  g_string_append_printf (out, "%s\n      {\"step\": %" G_GINT64_FORMAT,
                                          i > 0 ? "," : "", h->step);
                  append_json_field (out, "wall_time", h->wall_time);
                  append_json_field (out, "min", h->min);
                  append_json_field (out, "max", h->max);
                  append_json_field (out, "num", h->num);
                  append_json_field (out, "sum", h->sum);
                  append_json_field (out, "sum_squares", h->sum_squares);
                  append_json_field (out, "zero_count", h->zero_count);
                  g_string_append (out, ",\n       \"edges\": ");
                  append_json_array (out, h->edges, h->n_bins + 1);
                  g_string_append (out, ",\n       \"counts\": ");
                  append_json_array (out, h->counts, h->n_bins);
                  g_string_append_c (out, '}');
                }
            }
          g_string_append (out, n > 0 ? "\n    ]" : "]");
        }
      g_string_append (out, first_tag ? "}" : "\n  }");
      g_string_append (out, k == 0 ? ",\n" : "\n");
    }
  g_string_append (out, "}\n");
  return write_atomically (path, out, error);
}
