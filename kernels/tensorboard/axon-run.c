/* axon-run.c: the in-memory run: tags, series ordered by step, warnings, grouping. */
#include "axon-run-private.h"

#include <glib/gi18n.h>
#include <string.h>

typedef struct
{
  char *name;
  AxonRunTagKind kind;
  GArray *scalars;    /* AxonScalarPoint, for SCALAR */
  GPtrArray *hists;   /* AxonHistogram *, owned, for HISTOGRAM */
} RunTag;

struct _AxonRun
{
  gatomicrefcount ref_count;
  char *source;
  GPtrArray *tags;        /* RunTag *, first-appearance order, owned */
  GHashTable *by_name;    /* name -> RunTag * */
  GHashTable *plugins;    /* tag -> plugin name, both owned */
  GArray *warnings;       /* AxonRunWarning */
};

G_DEFINE_QUARK (axon-run-error-quark, axon_run_error)
G_DEFINE_BOXED_TYPE (AxonRun, axon_run, axon_run_ref, axon_run_unref)

static void
run_tag_free (gpointer data)
{
  RunTag *tag = data;

  g_free (tag->name);
  g_clear_pointer (&tag->scalars, g_array_unref);
  g_clear_pointer (&tag->hists, g_ptr_array_unref);
  g_free (tag);
}

static void
warning_clear (gpointer data)
{
  AxonRunWarning *warning = data;

  g_free (warning->file);
  g_free (warning->message);
}

AxonRun *
axon_run_new (void)
{
  AxonRun *run = g_new0 (AxonRun, 1);

  g_atomic_ref_count_init (&run->ref_count);
  run->tags = g_ptr_array_new_with_free_func (run_tag_free);
  run->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  run->plugins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->warnings = g_array_new (FALSE, TRUE, sizeof (AxonRunWarning));
  g_array_set_clear_func (run->warnings, warning_clear);
  return run;
}

AxonRun *
axon_run_ref (AxonRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  g_atomic_ref_count_inc (&run->ref_count);
  return run;
}

void
axon_run_unref (AxonRun *run)
{
  if (run == NULL || !g_atomic_ref_count_dec (&run->ref_count))
    return;
  g_hash_table_unref (run->by_name);
  g_hash_table_unref (run->plugins);
  g_ptr_array_unref (run->tags);
  g_array_unref (run->warnings);
  g_free (run->source);
  g_free (run);
}

static RunTag *
lookup (const AxonRun *run,
        const char    *tag)
{
  g_return_val_if_fail (run != NULL, NULL);
  if (tag == NULL)
    return NULL;
  return g_hash_table_lookup (run->by_name, tag);
}

static RunTag *
ensure_tag (AxonRun         *run,
            const char      *tag,
            AxonRunTagKind   kind,
            GError         **error)
{
  RunTag *entry;

  if (tag == NULL || *tag == '\0')
    {
      g_set_error_literal (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                           _("A tag must not be empty"));
      return NULL;
    }
  entry = lookup (run, tag);
  if (entry != NULL)
    {
      if (entry->kind != kind)
        {
          g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_KIND,
                       kind == AXON_RUN_TAG_SCALAR
                         ? _("Tag “%s” holds histograms, not scalars")
                         : _("Tag “%s” holds scalars, not histograms"),
                       tag);
          return NULL;
        }
      return entry;
    }
  entry = g_new0 (RunTag, 1);
  entry->name = g_strdup (tag);
  entry->kind = kind;
  if (kind == AXON_RUN_TAG_SCALAR)
    entry->scalars = g_array_new (FALSE, FALSE, sizeof (AxonScalarPoint));
  else
    entry->hists = g_ptr_array_new_with_free_func ((GDestroyNotify) axon_histogram_free);
  g_ptr_array_add (run->tags, entry);
  g_hash_table_insert (run->by_name, entry->name, entry);
  return entry;
}

AxonRun *
axon_run_copy (const AxonRun *run)
{
  AxonRun *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (run != NULL, NULL);
  copy = axon_run_new ();
  copy->source = g_strdup (run->source);
  for (guint i = 0; i < run->tags->len; i++)
    {
      const RunTag *src = g_ptr_array_index (run->tags, i);
      RunTag *dst = ensure_tag (copy, src->name, src->kind, NULL);

      if (src->kind == AXON_RUN_TAG_SCALAR)
        g_array_append_vals (dst->scalars, src->scalars->data, src->scalars->len);
      else
        for (guint j = 0; j < src->hists->len; j++)
          g_ptr_array_add (dst->hists, axon_histogram_copy (g_ptr_array_index (src->hists, j)));
    }
  g_hash_table_iter_init (&iter, run->plugins);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->plugins, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < run->warnings->len; i++)
    {
      const AxonRunWarning *w = &g_array_index (run->warnings, AxonRunWarning, i);

      axon_run_add_warning (copy, w->file, w->offset, w->message);
    }
  return copy;
}

const char *
axon_run_get_source (const AxonRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  return run->source;
}

void
axon_run_set_source (AxonRun    *run,
                     const char *source)
{
  g_free (run->source);
  run->source = g_strdup (source);
}

/* Index after the last point whose step is <= step: keeps equal steps in arrival order. */
static guint
upper_bound_scalars (GArray *points,
                     gint64  step)
{
  guint lo = 0, hi = points->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (points, AxonScalarPoint, mid).step <= step)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
upper_bound_hists (GPtrArray *hists,
                   gint64     step)
{
  guint lo = 0, hi = hists->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (((const AxonHistogram *) g_ptr_array_index (hists, mid))->step <= step)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
axon_run_add_scalar (AxonRun     *run,
                     const char  *tag,
                     gint64       step,
                     double       wall_time,
                     double       value,
                     GError     **error)
{
  RunTag *entry;
  AxonScalarPoint point = { step, wall_time, value };

  g_return_val_if_fail (run != NULL, FALSE);
  entry = ensure_tag (run, tag, AXON_RUN_TAG_SCALAR, error);
  if (entry == NULL)
    return FALSE;
  if (entry->scalars->len == 0
      || g_array_index (entry->scalars, AxonScalarPoint, entry->scalars->len - 1).step <= step)
    g_array_append_val (entry->scalars, point);
  else
    g_array_insert_val (entry->scalars, upper_bound_scalars (entry->scalars, step), point);
  return TRUE;
}

gboolean
axon_run_take_histogram (AxonRun        *run,
                         const char     *tag,
                         AxonHistogram  *hist,
                         GError        **error)
{
  g_autoptr (AxonHistogram) owned = hist;
  RunTag *entry;
  guint n;

  g_return_val_if_fail (run != NULL, FALSE);
  if (hist == NULL || hist->edges == NULL || (hist->n_bins > 0 && hist->counts == NULL))
    {
      g_set_error (error, AXON_RUN_ERROR, AXON_RUN_ERROR_INVALID,
                   _("Histogram for tag “%s” has no edges or counts"), tag ? tag : "");
      return FALSE;
    }
  entry = ensure_tag (run, tag, AXON_RUN_TAG_HISTOGRAM, error);
  if (entry == NULL)
    return FALSE;
  n = entry->hists->len;
  if (n == 0 || ((const AxonHistogram *) g_ptr_array_index (entry->hists, n - 1))->step
                  <= hist->step)
    g_ptr_array_add (entry->hists, g_steal_pointer (&owned));
  else
    g_ptr_array_insert (entry->hists, (gint) upper_bound_hists (entry->hists, hist->step),
                        g_steal_pointer (&owned));
  return TRUE;
}

gboolean
axon_run_add_histogram (AxonRun              *run,
                        const char           *tag,
                        const AxonHistogram  *hist,
                        GError              **error)
{
  if (hist == NULL)
    return axon_run_take_histogram (run, tag, NULL, error);
  return axon_run_take_histogram (run, tag, axon_histogram_copy (hist), error);
}

void
axon_run_add_warning (AxonRun    *run,
                      const char *file,
                      gint64      offset,
                      const char *message)
{
  AxonRunWarning warning = { g_strdup (file), offset, g_strdup (message) };

  g_return_if_fail (run != NULL);
  g_array_append_val (run->warnings, warning);
}

size_t
axon_run_purge_from_step (AxonRun *run,
                          gint64   step)
{
  size_t dropped = 0;

  for (guint i = 0; i < run->tags->len; i++)
    {
      RunTag *entry = g_ptr_array_index (run->tags, i);

      if (entry->kind == AXON_RUN_TAG_SCALAR)
        {
          guint keep = 0;

          while (keep < entry->scalars->len
                 && g_array_index (entry->scalars, AxonScalarPoint, keep).step < step)
            keep++;
          dropped += entry->scalars->len - keep;
          g_array_set_size (entry->scalars, keep);
        }
      else
        {
          guint keep = 0;

          while (keep < entry->hists->len
                 && ((const AxonHistogram *) g_ptr_array_index (entry->hists, keep))->step
                      < step)
            keep++;
          dropped += entry->hists->len - keep;
          g_ptr_array_set_size (entry->hists, (gint) keep);
        }
    }
  return dropped;
}

const char *
axon_run_get_tag_plugin (const AxonRun *run,
                         const char    *tag)
{
  return g_hash_table_lookup (run->plugins, tag);
}

void
axon_run_set_tag_plugin (AxonRun    *run,
                         const char *tag,
                         const char *plugin)
{
  if (!g_hash_table_contains (run->plugins, tag))
    g_hash_table_insert (run->plugins, g_strdup (tag), g_strdup (plugin));
}

static char **
builder_finish (GStrvBuilder *builder)
{
  char **strv = g_strv_builder_end (builder);

  g_strv_builder_unref (builder);
  return strv;
}

char **
axon_run_dup_tags (const AxonRun *run)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  g_return_val_if_fail (run != NULL, NULL);
  for (guint i = 0; i < run->tags->len; i++)
    g_strv_builder_add (builder, ((const RunTag *) g_ptr_array_index (run->tags, i))->name);
  return builder_finish (builder);
}

guint
axon_run_get_n_tags (const AxonRun *run)
{
  g_return_val_if_fail (run != NULL, 0);
  return run->tags->len;
}

gboolean
axon_run_has_tag (const AxonRun *run,
                  const char    *tag)
{
  return lookup (run, tag) != NULL;
}

AxonRunTagKind
axon_run_get_tag_kind (const AxonRun *run,
                       const char    *tag)
{
  const RunTag *entry = lookup (run, tag);

  return entry ? entry->kind : AXON_RUN_TAG_NONE;
}

const AxonScalarPoint *
axon_run_get_scalars (const AxonRun *run,
                      const char    *tag,
                      size_t        *n_points)
{
  const RunTag *entry = lookup (run, tag);

  if (entry == NULL || entry->kind != AXON_RUN_TAG_SCALAR)
    {
      if (n_points)
        *n_points = 0;
      return NULL;
    }
  if (n_points)
    *n_points = entry->scalars->len;
  return (const AxonScalarPoint *) entry->scalars->data;
}

const AxonHistogram *const *
axon_run_get_histograms (const AxonRun *run,
                         const char    *tag,
                         size_t        *n_hists)
{
  const RunTag *entry = lookup (run, tag);

  if (entry == NULL || entry->kind != AXON_RUN_TAG_HISTOGRAM)
    {
      if (n_hists)
        *n_hists = 0;
      return NULL;
    }
  if (n_hists)
    *n_hists = entry->hists->len;
  return (const AxonHistogram *const *) entry->hists->pdata;
}

const AxonHistogram *
axon_run_get_histogram_at (const AxonRun *run,
                           const char    *tag,
                           gint64         step)
{
  const RunTag *entry = lookup (run, tag);
  guint index;

  if (entry == NULL || entry->kind != AXON_RUN_TAG_HISTOGRAM || entry->hists->len == 0)
    return NULL;
  index = upper_bound_hists (entry->hists, step);
  return g_ptr_array_index (entry->hists, index > 0 ? index - 1 : 0);
}

gboolean
axon_run_get_step_range (const AxonRun *run,
                         const char    *tag,
                         size_t        *n_points,
                         gint64        *first_step,
                         gint64        *last_step)
{
  const RunTag *entry = lookup (run, tag);
  size_t n = 0;
  gint64 first = 0, last = 0;

  if (entry != NULL && entry->kind == AXON_RUN_TAG_SCALAR && entry->scalars->len > 0)
    {
      n = entry->scalars->len;
      first = g_array_index (entry->scalars, AxonScalarPoint, 0).step;
      last = g_array_index (entry->scalars, AxonScalarPoint, n - 1).step;
    }
  else if (entry != NULL && entry->kind == AXON_RUN_TAG_HISTOGRAM && entry->hists->len > 0)
    {
      n = entry->hists->len;
      first = ((const AxonHistogram *) g_ptr_array_index (entry->hists, 0))->step;
      last = ((const AxonHistogram *) g_ptr_array_index (entry->hists, n - 1))->step;
    }
  if (n_points)
    *n_points = n;
  if (first_step)
    *first_step = first;
  if (last_step)
    *last_step = last;
  return n > 0;
}

size_t
axon_run_get_n_warnings (const AxonRun *run)
{
  g_return_val_if_fail (run != NULL, 0);
  return run->warnings->len;
}

const AxonRunWarning *
axon_run_get_warning (const AxonRun *run,
                      size_t         index)
{
  g_return_val_if_fail (run != NULL, NULL);
  g_return_val_if_fail (index < run->warnings->len, NULL);
  return &g_array_index (run->warnings, AxonRunWarning, index);
}

/* Grouping. */

static AxonTagRole
role_of_word (const char *word)
{
  static const char *const weights[] = { "weights", "weight", "parameters", "params" };
  static const char *const gradients[] = { "gradients", "gradient", "grads", "grad" };

  for (gsize i = 0; i < G_N_ELEMENTS (weights); i++)
    if (g_ascii_strcasecmp (word, weights[i]) == 0)
      return AXON_TAG_ROLE_WEIGHTS;
  for (gsize i = 0; i < G_N_ELEMENTS (gradients); i++)
    if (g_ascii_strcasecmp (word, gradients[i]) == 0)
      return AXON_TAG_ROLE_GRADIENTS;
  return AXON_TAG_ROLE_OTHER;
}

/* Strips a ".grad" / "_grad" suffix ("fc1.weight.grad"); TRUE if there was one. */
static gboolean
strip_grad_suffix (char *component)
{
  size_t len = strlen (component);

  if (len > 5 && (g_str_has_suffix (component, ".grad") || g_str_has_suffix (component, "_grad")))
    {
      component[len - 5] = '\0';
      return TRUE;
    }
  return FALSE;
}

AxonTagRole
axon_tag_parse (const char  *tag,
                char       **layer,
                char       **param)
{
  g_auto (GStrv) split = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  AxonTagRole role = AXON_TAG_ROLE_OTHER;
  g_autofree char *out_layer = NULL;
  g_autofree char *out_param = NULL;

  g_return_val_if_fail (tag != NULL, AXON_TAG_ROLE_OTHER);
  split = g_strsplit (tag, "/", -1);
  for (char **p = split; *p != NULL; p++)
    {
      if (**p == '\0')
        continue;
      if (role == AXON_TAG_ROLE_OTHER && role_of_word (*p) != AXON_TAG_ROLE_OTHER)
        role = role_of_word (*p);
      else
        g_ptr_array_add (parts, *p);
    }
  if (parts->len > 0 && role == AXON_TAG_ROLE_OTHER
      && strip_grad_suffix (g_ptr_array_index (parts, parts->len - 1)))
    role = AXON_TAG_ROLE_GRADIENTS;

  if (parts->len == 0)
    out_layer = g_strdup (tag);
  else if (parts->len == 1)
    {
      const char *only = g_ptr_array_index (parts, 0);
      const char *dot = strrchr (only, '.');

      if (dot != NULL && dot != only && dot[1] != '\0')
        {
          out_layer = g_strndup (only, dot - only);
          out_param = g_strdup (dot + 1);
        }
      else
        out_layer = g_strdup (only);
    }
  else
    {
      out_param = g_strdup (g_ptr_array_index (parts, parts->len - 1));
      g_ptr_array_set_size (parts, parts->len - 1);
      g_ptr_array_add (parts, NULL);
      out_layer = g_strjoinv ("/", (char **) parts->pdata);
    }

  if (role == AXON_TAG_ROLE_OTHER && out_param != NULL
      && (g_str_has_prefix (out_param, "weight") || g_str_has_prefix (out_param, "kernel")
          || g_str_has_prefix (out_param, "bias")))
    role = AXON_TAG_ROLE_WEIGHTS;

  if (layer)
    *layer = g_steal_pointer (&out_layer);
  if (param)
    *param = g_steal_pointer (&out_param);
  return role;
}

char **
axon_run_dup_layers (const AxonRun *run)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GStrvBuilder *builder = g_strv_builder_new ();

  g_return_val_if_fail (run != NULL, NULL);
  for (guint i = 0; i < run->tags->len; i++)
    {
      char *layer = NULL;

      axon_tag_parse (((const RunTag *) g_ptr_array_index (run->tags, i))->name, &layer, NULL);
      if (g_hash_table_contains (seen, layer))
        g_free (layer);
      else
        {
          g_strv_builder_add (builder, layer);
          g_hash_table_add (seen, layer);
        }
    }
  return builder_finish (builder);
}

char **
axon_run_dup_layer_tags (const AxonRun *run,
                         const char    *layer,
                         AxonTagRole    role)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  g_return_val_if_fail (run != NULL, NULL);
  g_return_val_if_fail (layer != NULL, NULL);
  for (guint i = 0; i < run->tags->len; i++)
    {
      const char *name = ((const RunTag *) g_ptr_array_index (run->tags, i))->name;
      g_autofree char *tag_layer = NULL;
      AxonTagRole tag_role = axon_tag_parse (name, &tag_layer, NULL);

      if (g_str_equal (tag_layer, layer) && (role == AXON_TAG_ROLE_ANY || role == tag_role))
        g_strv_builder_add (builder, name);
    }
  return builder_finish (builder);
}
