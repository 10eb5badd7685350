/* axon-registry.c: names to rows, and "key=value" to parameters.
 *
 * Names compare by a key: ASCII letters folded to lower case, digits kept, everything else
 * ('-', '_', spaces, dots) dropped, so "LeakyReLU", "leaky-relu" and "leaky_relu" are the
 * same name. The test checks that no two activations share a key.
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "axon-registry.h"
#include "axon-number.h"

G_DEFINE_QUARK (axon-registry-error-quark, axon_registry_error)

/* Aliases that also pin parameters of their target. */
typedef struct
{
  const char *alias;
  AxonActivationId id;
  unsigned mask;
  double v[AXON_MAX_PARAMS];
} FixedAlias;

static const FixedAlias fixed_aliases[] = {
  { "silu", AXON_ACTIVATION_swish, 1u << 0, { 1.0 } },
  { "swish_1", AXON_ACTIVATION_swish, 1u << 0, { 1.0 } },
};

#define KEY_MAX 64

/* Writes the comparison key of name into key (at most KEY_MAX - 1 characters); FALSE when
 * name is too long or empty of letters and digits. */
static gboolean
name_key (const char *name,
          char        key[KEY_MAX])
{
  size_t n = 0;

  for (; *name; name++)
    {
      if (!g_ascii_isalnum (*name))
        continue;
      if (n + 1 >= KEY_MAX)
        return FALSE;
      key[n++] = g_ascii_tolower (*name);
    }
  key[n] = '\0';
  return n > 0;
}

static gboolean
name_matches (const char *candidate,
              const char *key)
{
  char ckey[KEY_MAX];

  return name_key (candidate, ckey) && strcmp (ckey, key) == 0;
}

const AxonActivation *
axon_activation_lookup (const char *name,
                        AxonParams *fixed_params,
                        unsigned   *fixed_mask)
{
  char key[KEY_MAX];
  unsigned i;

  g_return_val_if_fail (name != NULL, NULL);

  if (fixed_mask)
    *fixed_mask = 0;
  if (!name_key (name, key))
    return NULL;

  /* Fixing aliases first: "silu" is also listed among swish's aliases for display. */
  for (i = 0; i < G_N_ELEMENTS (fixed_aliases); i++)
    if (name_matches (fixed_aliases[i].alias, key))
      {
        const AxonActivation *a = axon_activation_get (fixed_aliases[i].id);

        if (fixed_params)
          {
            for (unsigned j = 0; j < a->n_params; j++)
              if (fixed_aliases[i].mask & (1u << j))
                fixed_params->v[j] = fixed_aliases[i].v[j];
          }
        if (fixed_mask)
          *fixed_mask = fixed_aliases[i].mask;
        return a;
      }

  for (i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get (i);

      if (name_matches (a->name, key))
        return a;
      for (const char *const *alias = a->aliases; alias && *alias; alias++)
        if (name_matches (*alias, key))
          return a;
    }
  return NULL;
}

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
static unsigned
edit_distance (const char *a,
               const char *b)
{
  size_t la = strlen (a), lb = strlen (b);
  unsigned d[KEY_MAX + 1][KEY_MAX + 1];

  for (size_t i = 0; i <= la; i++)
    d[i][0] = i;
  for (size_t j = 0; j <= lb; j++)
    d[0][j] = j;
  for (size_t i = 1; i <= la; i++)
    for (size_t j = 1; j <= lb; j++)
      {
        unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
        unsigned best = MIN (d[i - 1][j] + 1, d[i][j - 1] + 1);

        best = MIN (best, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          best = MIN (best, d[i - 2][j - 2] + 1);
        d[i][j] = best;
      }
  return d[la][lb];
}

static void
consider (const char  *candidate,
          const char  *key,
          const char **best,
          unsigned    *best_distance)
{
  char ckey[KEY_MAX];
  unsigned dist;

  if (!name_key (candidate, ckey))
    return;
  dist = edit_distance (key, ckey);
  /* A typed prefix of a long name ("leaky" for leaky_relu) also counts as close. */
  if (strlen (key) >= 4 && g_str_has_prefix (ckey, key))
    dist = MIN (dist, 1u);
  if (dist < *best_distance)
    {
      *best = candidate;
      *best_distance = dist;
    }
}

const char *
axon_activation_suggest (const char *name)
{
  char key[KEY_MAX];
  const char *best = NULL;
  unsigned best_distance = G_MAXUINT;
  size_t len;
  unsigned limit;

  g_return_val_if_fail (name != NULL, NULL);

  if (!name_key (name, key))
    return NULL;
  for (unsigned i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *a = axon_activation_get (i);

      consider (a->name, key, &best, &best_distance);
      for (const char *const *alias = a->aliases; alias && *alias; alias++)
        consider (*alias, key, &best, &best_distance);
    }

  /* Allow about one typo per three letters, at most three. */
  len = strlen (key);
  limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
  return best_distance <= limit ? best : NULL;
}

void
axon_params_init_default (const AxonActivation *activation,
                          AxonParams           *p)
{
  g_return_if_fail (activation != NULL && p != NULL);

  memset (p, 0, sizeof *p);
  for (unsigned i = 0; i < activation->n_params; i++)
    p->v[i] = activation->params[i].default_value;
}

int
axon_activation_param_index (const AxonActivation *activation,
                             const char           *key)
{
  char k[KEY_MAX];

  g_return_val_if_fail (activation != NULL && key != NULL, -1);

  if (!name_key (key, k))
    return -1;
  for (unsigned i = 0; i < activation->n_params; i++)
    if (name_matches (activation->params[i].name, k))
      return (int) i;
  return -1;
}

/* "a, b, c" of the parameter names, or "none"; free with g_free. */
static char *
param_names (const AxonActivation *activation)
{
  GString *s;

  if (activation->n_params == 0)
    return g_strdup (_("it has none"));
  s = g_string_new (NULL);
  for (unsigned i = 0; i < activation->n_params; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, activation->params[i].name);
    }
  return g_string_free (s, FALSE);
}

/* Parses a number: a decimal (C locale) or a fraction "a/b". */
static gboolean
parse_number (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL, *slash;
  double num, den;

  if (*copy == '\0')
    return FALSE;
  slash = strchr (copy, '/');
  if (slash)
    {
      *slash = '\0';
      if (!parse_number (copy, &num) || !parse_number (slash + 1, &den) || den == 0)
        return FALSE;
      *value = num / den;
      return TRUE;
    }
  num = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0')
    return FALSE;
  *value = num;
  return TRUE;
}

static void
format_bounds (const AxonParamSpec *spec,
               char                 lo[AXON_NUMBER_BUF_SIZE],
               char                 hi[AXON_NUMBER_BUF_SIZE])
{
  axon_format_shortest (lo, spec->min);
  axon_format_shortest (hi, spec->max);
}

gboolean
axon_params_assign (const AxonActivation *activation,
                    AxonParams           *p,
                    unsigned              fixed_mask,
                    const char           *assignment,
                    GError              **error)
{
  g_autofree char *key = NULL;
  const char *eq;
  const AxonParamSpec *spec;
  double value;
  int index;

  g_return_val_if_fail (activation != NULL && p != NULL && assignment != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  eq = strchr (assignment, '=');
  key = g_strstrip (g_strndup (assignment, eq ? (gsize) (eq - assignment) : strlen (assignment)));
  if (eq == NULL || *key == '\0')
    {
      g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_SYNTAX,
                   _("%s: “%s” is not of the form KEY=VALUE"), activation->name, assignment);
      return FALSE;
    }

  index = axon_activation_param_index (activation, key);
  if (index < 0)
    {
      g_autofree char *names = param_names (activation);

      g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_UNKNOWN_PARAM,
                   _("%s has no parameter “%s” (%s)"), activation->name, key, names);
      return FALSE;
    }
  spec = &activation->params[index];

  if (fixed_mask & (1u << index))
    {
      char v[AXON_NUMBER_BUF_SIZE];

      axon_format_shortest (v, p->v[index]);
      g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_FIXED_PARAM,
                   _("%s: parameter “%s” is fixed at %s by this name; use %s to change it"),
                   activation->name, spec->name, v, activation->name);
      return FALSE;
    }

  if (!parse_number (eq + 1, &value))
    {
      g_autofree char *text = g_strstrip (g_strdup (eq + 1));

      g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                   _("%s: value “%s” of parameter “%s” is not a number"), activation->name,
                   text, spec->name);
      return FALSE;
    }
  if (!isfinite (value))
    {
      g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                   _("%s: parameter “%s” must be a finite number, not %s"), activation->name,
                   spec->name, isnan (value) ? "nan" : value > 0 ? "inf" : "-inf");
      return FALSE;
    }
  if (value < spec->min || value > spec->max)
    {
      char v[AXON_NUMBER_BUF_SIZE], lo[AXON_NUMBER_BUF_SIZE], hi[AXON_NUMBER_BUF_SIZE];

      axon_format_shortest (v, value);
      format_bounds (spec, lo, hi);
      g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                   _("%s: parameter “%s” = %s is outside the allowed range [%s, %s]"),
                   activation->name, spec->name, v, lo, hi);
      return FALSE;
    }

  p->v[index] = value;
  return TRUE;
}

gboolean
axon_params_assign_list (const AxonActivation *activation,
                         AxonParams           *p,
                         unsigned              fixed_mask,
                         const char           *list,
                         GError              **error)
{
  g_auto (GStrv) parts = NULL;
  AxonParams work;

  g_return_val_if_fail (activation != NULL && p != NULL && list != NULL, FALSE);

  work = *p;
  if (strcmp (list, "-") == 0 || *list == '\0')
    return TRUE;
  parts = g_strsplit_set (list, ";,", -1);
  for (char **part = parts; *part; part++)
    {
      if (**part == '\0')
        continue;
      if (!axon_params_assign (activation, &work, fixed_mask, *part, error))
        return FALSE;
    }
  *p = work;
  return TRUE;
}

/* Bounds and relations between parameters that one assignment cannot check. */
gboolean
axon_params_validate (const AxonActivation *activation,
                      const AxonParams     *p,
                      GError              **error)
{
  char a[AXON_NUMBER_BUF_SIZE], b[AXON_NUMBER_BUF_SIZE];

  g_return_val_if_fail (activation != NULL && p != NULL, FALSE);

  for (unsigned i = 0; i < activation->n_params; i++)
    {
      const AxonParamSpec *spec = &activation->params[i];

      if (!(p->v[i] >= spec->min && p->v[i] <= spec->max))
        {
          char lo[AXON_NUMBER_BUF_SIZE], hi[AXON_NUMBER_BUF_SIZE];

          axon_format_shortest (a, p->v[i]);
          format_bounds (spec, lo, hi);
          g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                       _("%s: parameter “%s” = %s is outside the allowed range [%s, %s]"),
                       activation->name, spec->name, a, lo, hi);
          return FALSE;
        }
    }

  switch (activation->id)
    {
    case AXON_ACTIVATION_hard_tanh:
      if (!(p->v[0] < p->v[1]))
        {
          axon_format_shortest (a, p->v[0]);
          axon_format_shortest (b, p->v[1]);
          g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                       _("%s: min (%s) must be less than max (%s)"), activation->name, a, b);
          return FALSE;
        }
      break;
    case AXON_ACTIVATION_rrelu:
      if (!(p->v[0] <= p->v[1]))
        {
          axon_format_shortest (a, p->v[0]);
          axon_format_shortest (b, p->v[1]);
          g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                       _("%s: lower (%s) must not exceed upper (%s)"), activation->name, a, b);
          return FALSE;
        }
      break;
    case AXON_ACTIVATION_srelu:
      if (!(p->v[0] <= p->v[2]))
        {
          axon_format_shortest (a, p->v[0]);
          axon_format_shortest (b, p->v[2]);
          g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_BAD_VALUE,
                       _("%s: t_left (%s) must not exceed t_right (%s)"), activation->name, a,
                       b);
          return FALSE;
        }
      break;
    default:
      break;
    }
  return TRUE;
}

char *
axon_params_to_string (const AxonActivation *activation,
                       const AxonParams     *p)
{
  GString *s;

  g_return_val_if_fail (activation != NULL && p != NULL, NULL);

  s = g_string_new (NULL);
  for (unsigned i = 0; i < activation->n_params; i++)
    {
      char v[AXON_NUMBER_BUF_SIZE];

      axon_format_shortest (v, p->v[i]);
      g_string_append_printf (s, "%s%s=%s", i > 0 ? "," : "", activation->params[i].name, v);
    }
  return g_string_free (s, FALSE);
}

/* Index of the parameter an assignment "key=value" names, or -1. */
static int
assignment_index (const AxonActivation *activation,
                  const char           *assignment)
{
  const char *eq = strchr (assignment, '=');
  g_autofree char *key = g_strndup (assignment, eq ? (gsize) (eq - assignment)
                                                   : strlen (assignment));

  return axon_activation_param_index (activation, g_strstrip (key));
}

const AxonActivation *
axon_activation_resolve (const char         *name,
                         const char *const  *assignments,
                         AxonParams         *params,
                         unsigned           *assigned_mask,
                         GError            **error)
{
  const AxonActivation *activation;
  AxonParams fixed = { { 0 } }, work;
  unsigned fixed_mask = 0, assigned = 0;

  g_return_val_if_fail (name != NULL && params != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  activation = axon_activation_lookup (name, &fixed, &fixed_mask);
  if (activation == NULL)
    {
      const char *suggestion = axon_activation_suggest (name);

      if (suggestion != NULL)
        g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_UNKNOWN_NAME,
                     _("unknown activation “%s”; did you mean “%s”?"), name, suggestion);
      else
        g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_UNKNOWN_NAME,
                     _("unknown activation “%s”; “axon list” prints the names"), name);
      return NULL;
    }

  axon_params_init_default (activation, &work);
  for (unsigned i = 0; i < activation->n_params; i++)
    if (fixed_mask & (1u << i))
      work.v[i] = fixed.v[i];
  for (guint k = 0; assignments != NULL && assignments[k] != NULL; k++)
    {
      g_autoptr (GError) local = NULL;
      int index = assignment_index (activation, assignments[k]);

      if (axon_params_assign (activation, &work, fixed_mask, assignments[k], &local))
        {
          assigned |= 1u << index;
          continue;
        }
      /* Only the caller knows the alias as typed: "silu fixes beta", not "swish". */
      if (g_error_matches (local, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_FIXED_PARAM))
        {
          char v[AXON_NUMBER_BUF_SIZE];

          axon_format_shortest (v, work.v[index]);
          g_set_error (error, AXON_REGISTRY_ERROR, AXON_REGISTRY_ERROR_FIXED_PARAM,
                       _("“%s” fixes %s = %s; use %s to change it"), name,
                       activation->params[index].name, v, activation->name);
        }
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!axon_params_validate (activation, &work, error))
    return NULL;

  *params = work;
  if (assigned_mask != NULL)
    *assigned_mask = assigned;
  return activation;
}

const char *
axon_category_get_name (AxonCategory category)
{
  /* The group headers of the activation picker. A context of their own: "Steps" is also
   * the label of the distribution page's step range. */
  static const char *const names[AXON_N_CATEGORIES] = {
    [AXON_CATEGORY_LINEAR] = NC_("activation category", "Linear"),
    [AXON_CATEGORY_STEP] = NC_("activation category", "Steps"),
    [AXON_CATEGORY_SIGMOID] = NC_("activation category", "Sigmoid and tanh"),
    [AXON_CATEGORY_RELU] = NC_("activation category", "Rectifiers"),
    [AXON_CATEGORY_EXPONENTIAL_LINEAR] = NC_("activation category", "Exponential linear units"),
    [AXON_CATEGORY_SMOOTH_RELU] = NC_("activation category", "Smooth rectifiers"),
    [AXON_CATEGORY_SHRINK] = NC_("activation category", "Shrinkage"),
    [AXON_CATEGORY_PERIODIC] = NC_("activation category", "Periodic"),
    [AXON_CATEGORY_RADIAL] = NC_("activation category", "Radial"),
    [AXON_CATEGORY_EXPONENTIAL] = NC_("activation category", "Exponential"),
  };

  g_return_val_if_fail ((unsigned) category < AXON_N_CATEGORIES, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "activation category", names[category]);
}

const char *
axon_continuity_get_name (AxonContinuity continuity)
{
  switch (continuity)
    {
    case AXON_CONTINUITY_DISCONTINUOUS:
      return _("Discontinuous: f jumps");
    case AXON_CONTINUITY_C0:
      return _("Continuous, f′ jumps (C⁰)");
    case AXON_CONTINUITY_C1:
      return _("f′ continuous, f″ jumps (C¹)");
    case AXON_CONTINUITY_SMOOTH:
      return _("Smooth (C∞)");
    default:
      g_return_val_if_reached (NULL);
    }
}
