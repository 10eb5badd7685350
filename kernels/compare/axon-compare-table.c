/* axon-compare-table.c: comparison rows, per-activation statistics, CSV and Markdown. */
#include "axon-compare-table.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-csv-json.h"

#define MINUS_SIGN "\xe2\x88\x92" /* U+2212, as the axis ticks print it */
#define EM_DASH "\xe2\x80\x94"
#define PLUS_MINUS "\xc2\xb1"

struct _AxonCompareTable
{
  gint ref_count;
  guint n_layers;
  GArray *rows;   /* AxonCompareRow */
  GArray *groups; /* AxonCompareStats, recomputed on every add */
};

G_DEFINE_BOXED_TYPE (AxonCompareTable, axon_compare_table, axon_compare_table_ref,
                     axon_compare_table_unref)

G_DEFINE_QUARK (axon-compare-table-error-quark, axon_compare_table_error)

static const struct
{
  const char *key;
  const char *title;
  const char *unit;
  double scale;
  int decimals;
  AxonCompareBetter better;
} fixed_columns[AXON_COMPARE_N_FIXED_COLUMNS] = {
  { "scalar_ms", N_("Scalar cost"), N_("ms"), 1, 3, AXON_COMPARE_LOWER_IS_BETTER },
  { "batch_melem_s", N_("Batch speed"), N_("Melem/s"), 1, 0, AXON_COMPARE_HIGHER_IS_BETTER },
  { "train_seconds", N_("Training time"), N_("s"), 1, 2, AXON_COMPARE_LOWER_IS_BETTER },
  { "best_accuracy", N_("Best train"), "%", 100, 2, AXON_COMPARE_HIGHER_IS_BETTER },
  { "last10_accuracy", N_("Last 10"), "%", 100, 2, AXON_COMPARE_HIGHER_IS_BETTER },
  { "test_accuracy", N_("Clean test"), "%", 100, 2, AXON_COMPARE_HIGHER_IS_BETTER },
  /* TRANSLATORS: clean test accuracy minus the last-10 training accuracy */
  { "test_minus_last10", N_("Clean − last 10"), N_("pp"), 100, 2,
    AXON_COMPARE_HIGHER_IS_BETTER },
  { "noisy_accuracy", N_("Noisy test"), "%", 100, 2, AXON_COMPARE_HIGHER_IS_BETTER },
  /* TRANSLATORS: noisy test accuracy minus the last-10 training accuracy */
  { "noisy_minus_last10", N_("Noisy − last 10"), N_("pp"), 100, 2,
    AXON_COMPARE_HIGHER_IS_BETTER },
  { "zero_grad_ratio", N_("Zero gradients"), "%", 100, 2, AXON_COMPARE_LOWER_IS_BETTER },
};

void
axon_compare_column_info (guint                  column,
                          AxonCompareColumnInfo *info)
{
  g_return_if_fail (column < AXON_COMPARE_MAX_COLUMNS);
  g_return_if_fail (info != NULL);

  if (column < AXON_COMPARE_N_FIXED_COLUMNS)
    {
      g_strlcpy (info->key, fixed_columns[column].key, sizeof info->key);
      g_strlcpy (info->title, _(fixed_columns[column].title), sizeof info->title);
      g_strlcpy (info->unit, _(fixed_columns[column].unit), sizeof info->unit);
      info->scale = fixed_columns[column].scale;
      info->decimals = fixed_columns[column].decimals;
      info->better = fixed_columns[column].better;
      return;
    }
  /* The layers are named as the trainer's tags name them: fc1, fc2, ... */
  g_snprintf (info->key, sizeof info->key, "zero_grad_fc%u",
              column - AXON_COMPARE_N_FIXED_COLUMNS + 1);
  /* TRANSLATORS: the zero-gradient ratio of one layer; %u is the layer number */
  g_snprintf (info->title, sizeof info->title, _("Zero grad. fc%u"),
              column - AXON_COMPARE_N_FIXED_COLUMNS + 1);
  g_strlcpy (info->unit, "%", sizeof info->unit);
  info->scale = 100;
  info->decimals = 2;
  info->better = AXON_COMPARE_LOWER_IS_BETTER;
}

int
axon_compare_column_from_key (const char *key)
{
  g_return_val_if_fail (key != NULL, -1);

  for (guint c = 0; c < AXON_COMPARE_N_FIXED_COLUMNS; c++)
    if (g_str_equal (key, fixed_columns[c].key))
      return (int) c;
  if (g_str_has_prefix (key, "zero_grad_fc"))
    {
      guint64 layer;

      if (g_ascii_string_to_unsigned (key + strlen ("zero_grad_fc"), 10, 1,
                                      AXON_MLP_MAX_LAYERS, &layer, NULL))
        return AXON_COMPARE_ZERO_GRAD_LAYER ((int) layer - 1);
    }
  return -1;
}

/* One number in display form, appended to s. */
static void
append_number (GString *s,
               double   value,
               int      decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    {
      g_string_append (s, EM_DASH);
      return;
    }
  if (isinf (value))
    {
      g_string_append (s, value < 0 ? MINUS_SIGN "\xe2\x88\x9e" : "\xe2\x88\x9e");
      return;
    }
  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  if (buffer[0] == '-')
    {
      /* A value that rounds to zero is printed without a sign, never as "-0.00". */
      if (g_ascii_strtod (buffer, NULL) != 0)
        g_string_append (s, MINUS_SIGN);
      g_string_append (s, buffer + 1);
    }
  else
    g_string_append (s, buffer);
}

char *
axon_compare_format_value (guint    column,
                           double   value,
                           double   std,
                           gboolean with_std)
{
  AxonCompareColumnInfo info;
  GString *s = g_string_new (NULL);

  axon_compare_column_info (column, &info);
  append_number (s, value * info.scale, info.decimals);
  if (with_std && !isnan (std) && !isnan (value))
    {
      g_string_append (s, " " PLUS_MINUS " ");
      append_number (s, std * info.scale, info.decimals);
    }
  return g_string_free (s, FALSE);
}

static void
row_clear (gpointer data)
{
  AxonCompareRow *row = data;

  g_free (row->activation);
  g_free (row->run_dir);
}

AxonCompareTable *
axon_compare_table_new (guint n_layers)
{
  AxonCompareTable *table;

  g_return_val_if_fail (n_layers >= 1 && n_layers <= AXON_MLP_MAX_LAYERS, NULL);

  table = g_new0 (AxonCompareTable, 1);
  table->ref_count = 1;
  table->n_layers = n_layers;
  table->rows = g_array_new (FALSE, TRUE, sizeof (AxonCompareRow));
  g_array_set_clear_func (table->rows, row_clear);
  table->groups = g_array_new (FALSE, TRUE, sizeof (AxonCompareStats));
  return table;
}

AxonCompareTable *
axon_compare_table_ref (AxonCompareTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_atomic_int_inc (&table->ref_count);
  return table;
}

void
axon_compare_table_unref (AxonCompareTable *table)
{
  if (table == NULL || !g_atomic_int_dec_and_test (&table->ref_count))
    return;
  g_array_unref (table->rows);
  g_array_unref (table->groups);
  g_free (table);
}

AxonCompareTable *
axon_compare_table_copy (const AxonCompareTable *table)
{
  AxonCompareTable *copy;

  g_return_val_if_fail (table != NULL, NULL);

  copy = axon_compare_table_new (table->n_layers);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const AxonCompareRow *row = &g_array_index (table->rows, AxonCompareRow, i);

      axon_compare_table_add_row (copy, row->activation, row->seed, row->run_dir,
                                  row->values);
    }
  return copy;
}

guint
axon_compare_table_get_n_layers (const AxonCompareTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_layers;
}

guint
axon_compare_table_get_n_columns (const AxonCompareTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return AXON_COMPARE_N_FIXED_COLUMNS + table->n_layers;
}

/* The statistics of every group, from scratch: a few dozen rows at most. */
static void
update_groups (AxonCompareTable *table)
{
  guint n_columns = axon_compare_table_get_n_columns (table);

  g_array_set_size (table->groups, 0);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const AxonCompareRow *row = &g_array_index (table->rows, AxonCompareRow, i);

      if (axon_compare_table_find_group (table, row->activation) < 0)
        {
          AxonCompareStats stats = { 0 };

          stats.activation = row->activation;
          g_array_append_val (table->groups, stats);
        }
    }

  for (guint g = 0; g < table->groups->len; g++)
    {
      AxonCompareStats *st = &g_array_index (table->groups, AxonCompareStats, g);

      for (guint c = 0; c < n_columns; c++)
        {
          double sum = 0, squares = 0, lo = INFINITY, hi = -INFINITY;
          guint n = 0;

          st->n_runs = 0;
          for (guint i = 0; i < table->rows->len; i++)
            {
              const AxonCompareRow *row = &g_array_index (table->rows, AxonCompareRow, i);

              if (!g_str_equal (row->activation, st->activation))
                continue;
              st->n_runs++;
              if (!isfinite (row->values[c]))
                continue;
              sum += row->values[c];
              lo = MIN (lo, row->values[c]);
              hi = MAX (hi, row->values[c]);
              n++;
            }
          st->n[c] = n;
          st->mean[c] = n > 0 ? sum / n : NAN;
          st->min[c] = n > 0 ? lo : NAN;
          st->max[c] = n > 0 ? hi : NAN;
          /* Two passes: the mean first, then squares of the deviations from it. */
          for (guint i = 0; i < table->rows->len && n > 1; i++)
            {
              const AxonCompareRow *row = &g_array_index (table->rows, AxonCompareRow, i);
              double d = row->values[c] - st->mean[c];

              if (g_str_equal (row->activation, st->activation) && isfinite (row->values[c]))
                squares += d * d;
            }
          st->std[c] = n > 1 ? sqrt (squares / (n - 1)) : NAN;
        }
    }
}

void
axon_compare_table_add_row (AxonCompareTable *table,
                            const char       *activation,
                            guint64           seed,
                            const char       *run_dir,
                            const double     *values)
{
  AxonCompareRow row = { 0 };
  guint n_columns;

  g_return_if_fail (table != NULL);
  g_return_if_fail (activation != NULL && *activation != '\0');
  g_return_if_fail (values != NULL);

  n_columns = axon_compare_table_get_n_columns (table);
  row.activation = g_strdup (activation);
  row.seed = seed;
  row.run_dir = g_strdup (run_dir);
  for (guint c = 0; c < AXON_COMPARE_MAX_COLUMNS; c++)
    row.values[c] = c < n_columns ? values[c] : NAN;
  g_array_append_val (table->rows, row);
  update_groups (table);
}

guint
axon_compare_table_get_n_rows (const AxonCompareTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const AxonCompareRow *
axon_compare_table_get_row (const AxonCompareTable *table,
                            guint                   index)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (index < table->rows->len, NULL);
  return &g_array_index (table->rows, AxonCompareRow, index);
}

guint
axon_compare_table_get_n_groups (const AxonCompareTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->groups->len;
}

const AxonCompareStats *
axon_compare_table_get_stats (const AxonCompareTable *table,
                              guint                   group)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (group < table->groups->len, NULL);
  return &g_array_index (table->groups, AxonCompareStats, group);
}

int
axon_compare_table_find_group (const AxonCompareTable *table,
                               const char             *activation)
{
  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (activation != NULL, -1);

  for (guint g = 0; g < table->groups->len; g++)
    if (g_str_equal (g_array_index (table->groups, AxonCompareStats, g).activation,
                     activation))
      return (int) g;
  return -1;
}

int
axon_compare_table_get_best (const AxonCompareTable *table,
                             guint                   column)
{
  AxonCompareColumnInfo info;
  int best = -1;
  double best_mean = NAN;

  g_return_val_if_fail (table != NULL, -1);
  g_return_val_if_fail (column < axon_compare_table_get_n_columns (table), -1);

  axon_compare_column_info (column, &info);
  for (guint g = 0; g < table->groups->len; g++)
    {
      double m = g_array_index (table->groups, AxonCompareStats, g).mean[column];

      if (isnan (m))
        continue;
      if (best < 0 || (info.better == AXON_COMPARE_HIGHER_IS_BETTER ? m > best_mean
                                                                    : m < best_mean))
        {
          best = (int) g;
          best_mean = m;
        }
    }
  return best;
}

gboolean
axon_compare_table_is_best (const AxonCompareTable *table,
                            guint                   group,
                            guint                   column)
{
  int best;

  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (group < table->groups->len, FALSE);

  best = axon_compare_table_get_best (table, column);
  return best >= 0
         && g_array_index (table->groups, AxonCompareStats, group).mean[column]
              == g_array_index (table->groups, AxonCompareStats, best).mean[column];
}

/* CSV: fields and numbers as every Axon exporter writes them (axon-csv-json.h). */

/* path relative to base_dir when it is inside it. */
static const char *
relative_to (const char *path,
             const char *base_dir)
{
  gsize n;

  if (path == NULL || base_dir == NULL)
    return path;
  n = strlen (base_dir);
  while (n > 1 && base_dir[n - 1] == G_DIR_SEPARATOR)
    n--;
  if (n > 0 && strncmp (path, base_dir, n) == 0 && path[n] == G_DIR_SEPARATOR
      && path[n + 1] != '\0')
    return path + n + 1;
  return path;
}

char *
axon_compare_table_to_csv (const AxonCompareTable *table,
                           const char             *base_dir)
{
  GString *s;
  guint n_columns;

  g_return_val_if_fail (table != NULL, NULL);

  s = g_string_new ("activation,seed,run_dir");
  n_columns = axon_compare_table_get_n_columns (table);
  for (guint c = 0; c < n_columns; c++)
    {
      AxonCompareColumnInfo info;

      axon_compare_column_info (c, &info);
      g_string_append_printf (s, ",%s", info.key);
    }
  g_string_append (s, "\r\n");

  for (guint i = 0; i < table->rows->len; i++)
    {
      const AxonCompareRow *row = &g_array_index (table->rows, AxonCompareRow, i);

      axon_csv_append_field (s, row->activation);
      g_string_append_printf (s, ",%" G_GUINT64_FORMAT ",", row->seed);
      axon_csv_append_field (s, relative_to (row->run_dir, base_dir));
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append_c (s, ',');
          axon_csv_append_double (s, row->values[c]);
        }
      g_string_append (s, "\r\n");
    }
  return g_string_free (s, FALSE);
}

/* Splits RFC 4180 text into records (GPtrArray of GPtrArray of char *), each with the line
 * it starts on. FALSE with error for an unterminated quote. */
static gboolean
split_csv (const char  *text,
           GPtrArray   *records,
           GArray      *lines,
           GError     **error)
{
  GPtrArray *record = NULL;
  GString *field = g_string_new (NULL);
  guint line = 1, record_line = 1;
  gboolean quoted = FALSE, field_started = FALSE;
  const char *p = text;

  for (;; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '\0')
            {
              g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                           _("line %u: a quoted field is not closed"), record_line);
              g_string_free (field, TRUE);
              if (record != NULL)
                g_ptr_array_unref (record);
              return FALSE;
            }
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
          continue;
        }

      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          field_started = TRUE;
          continue;
        }
      if (c == ',' || c == '\n' || c == '\0' || (c == '\r' && p[1] == '\n'))
        {
          if (c == '\r')
            p++;
          if (record == NULL && (c == ',' || field->len > 0 || field_started))
            record = g_ptr_array_new_with_free_func (g_free);
          if (record != NULL)
            g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          field_started = FALSE;
          if (c != ',')
            {
              if (record != NULL)
                {
                  g_ptr_array_add (records, record);
                  g_array_append_val (lines, record_line);
                  record = NULL;
                }
              line++;
              record_line = line;
            }
          if (c == '\0')
            break;
          continue;
        }
      g_string_append_c (field, c);
    }
  g_string_free (field, TRUE);
  return TRUE;
}

AxonCompareTable *
axon_compare_table_new_from_csv (const char  *text,
                                 const char  *base_dir,
                                 GError     **error)
{
  g_autoptr (GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  g_ptr_array_unref);
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (AxonCompareTable) table = NULL;
  GPtrArray *heading;
  int column_of[3 + AXON_COMPARE_MAX_COLUMNS]; /* field index -> column, or -1 - fixed */
  gboolean seen[AXON_COMPARE_MAX_COLUMNS] = { FALSE };
  int activation_field = -1, seed_field = -1, run_field = -1;
  guint n_layers = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!split_csv (text, records, lines, error))
    return NULL;
  if (records->len == 0)
    {
      g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                   _("line 1: empty; expected the heading “activation,seed,run_dir,…”"));
      return NULL;
    }

  heading = g_ptr_array_index (records, 0);
  if (heading->len > G_N_ELEMENTS (column_of))
    {
      g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                   _("line 1: %u columns, more than a comparison table has"), heading->len);
      return NULL;
    }
  for (guint f = 0; f < heading->len; f++)
    {
      const char *key = g_ptr_array_index (heading, f);
      int column;

      column_of[f] = -1;
      if (g_str_equal (key, "activation"))
        activation_field = (int) f;
      else if (g_str_equal (key, "seed"))
        seed_field = (int) f;
      else if (g_str_equal (key, "run_dir"))
        run_field = (int) f;
      else if ((column = axon_compare_column_from_key (key)) >= 0 && !seen[column])
        {
          column_of[f] = column;
          seen[column] = TRUE;
          if (column >= AXON_COMPARE_N_FIXED_COLUMNS)
            n_layers = MAX (n_layers, (guint) column - AXON_COMPARE_N_FIXED_COLUMNS + 1);
        }
      else
        {
          g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                       _("line 1: unknown or repeated column “%s”"), key);
          return NULL;
        }
    }
  if (activation_field < 0 || seed_field < 0)
    {
      g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                   _("line 1: the heading lacks the “activation” or “seed” column"));
      return NULL;
    }
  if (n_layers == 0)
    {
      g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                   _("line 1: no zero_grad_fcN column, so the layer count is unknown"));
      return NULL;
    }
  for (guint c = 0; c < AXON_COMPARE_N_FIXED_COLUMNS + n_layers; c++)
    if (!seen[c])
      {
        AxonCompareColumnInfo info;

        axon_compare_column_info (c, &info);
        g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                     _("line 1: the column “%s” is missing"), info.key);
        return NULL;
      }

  table = axon_compare_table_new (n_layers);
  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);
      guint line = g_array_index (lines, guint, r);
      double values[AXON_COMPARE_MAX_COLUMNS];
      const char *activation, *run = NULL;
      g_autofree char *run_path = NULL;
      guint64 seed;

      if (record->len != heading->len)
        {
          g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                       _("line %u: %u fields, the heading has %u"), line, record->len,
                       heading->len);
          return NULL;
        }
      activation = g_ptr_array_index (record, activation_field);
      if (*activation == '\0')
        {
          g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                       _("line %u: the activation is empty"), line);
          return NULL;
        }
      if (!g_ascii_string_to_unsigned (g_ptr_array_index (record, seed_field), 10, 0,
                                       G_MAXUINT64, &seed, NULL))
        {
          g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                       _("line %u: the seed “%s” is not a whole number"), line,
                       (const char *) g_ptr_array_index (record, seed_field));
          return NULL;
        }
      if (run_field >= 0 && *(const char *) g_ptr_array_index (record, run_field) != '\0')
        {
          run = g_ptr_array_index (record, run_field);
          if (base_dir != NULL && !g_path_is_absolute (run))
            run = run_path = g_build_filename (base_dir, run, NULL);
        }
      for (guint f = 0; f < record->len; f++)
        {
          const char *field = g_ptr_array_index (record, f);
          char *end = NULL;
          double v;

          if (column_of[f] < 0)
            continue;
          v = g_ascii_strtod (field, &end);
          if (*field == '\0' || end == NULL || *end != '\0')
            {
              g_set_error (error, AXON_COMPARE_TABLE_ERROR, AXON_COMPARE_TABLE_ERROR_PARSE,
                           _("line %u: “%s” in column “%s” is not a number"), line, field,
                           (const char *) g_ptr_array_index (heading, f));
              return NULL;
            }
          values[column_of[f]] = v;
        }
      axon_compare_table_add_row (table, activation, seed, run, values);
    }
  return g_steal_pointer (&table);
}

char *
axon_compare_table_to_stats_csv (const AxonCompareTable *table)
{
  GString *s;
  guint n_columns;

  g_return_val_if_fail (table != NULL, NULL);

  s = g_string_new ("activation,runs");
  n_columns = axon_compare_table_get_n_columns (table);
  for (guint c = 0; c < n_columns; c++)
    {
      AxonCompareColumnInfo info;

      axon_compare_column_info (c, &info);
      g_string_append_printf (s, ",%s_mean,%s_std", info.key, info.key);
    }
  g_string_append (s, "\r\n");
  for (guint g = 0; g < table->groups->len; g++)
    {
      const AxonCompareStats *st = &g_array_index (table->groups, AxonCompareStats, g);

      axon_csv_append_field (s, st->activation);
      g_string_append_printf (s, ",%u", st->n_runs);
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append_c (s, ',');
          axon_csv_append_double (s, st->mean[c]);
          g_string_append_c (s, ',');
          axon_csv_append_double (s, st->std[c]);
        }
      g_string_append (s, "\r\n");
    }
  return g_string_free (s, FALSE);
}

/* Markdown */

static void
append_markdown_text (GString    *s,
                      const char *text)
{
  for (const char *c = text; *c != '\0'; c++)
    {
      if (*c == '|' || *c == '*' || *c == '_' || *c == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *c);
    }
}

char *
axon_compare_table_to_markdown (const AxonCompareTable *table)
{
  GString *s;
  guint n_columns;

  g_return_val_if_fail (table != NULL, NULL);

  s = g_string_new ("| ");
  n_columns = axon_compare_table_get_n_columns (table);
  append_markdown_text (s, _("Activation"));
  g_string_append (s, " | ");
  append_markdown_text (s, _("Seeds"));
  for (guint c = 0; c < n_columns; c++)
    {
      AxonCompareColumnInfo info;

      axon_compare_column_info (c, &info);
      g_string_append (s, " | ");
      append_markdown_text (s, info.title);
      if (*info.unit != '\0')
        {
          g_string_append (s, " (");
          append_markdown_text (s, info.unit);
          g_string_append_c (s, ')');
        }
    }
  g_string_append (s, " |\n|---|---:");
  for (guint c = 0; c < n_columns; c++)
    g_string_append (s, "|---:");
  g_string_append (s, "|\n");

  for (guint g = 0; g < table->groups->len; g++)
    {
      const AxonCompareStats *st = &g_array_index (table->groups, AxonCompareStats, g);

      g_string_append (s, "| ");
      append_markdown_text (s, st->activation);
      g_string_append_printf (s, " | %u", st->n_runs);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = axon_compare_format_value (c, st->mean[c], st->std[c],
                                                             TRUE);
          gboolean best = axon_compare_table_is_best (table, g, c);

          g_string_append_printf (s, " | %s%s%s", best ? "**" : "", cell, best ? "**" : "");
        }
      g_string_append (s, " |\n");
    }
  g_string_append_c (s, '\n');
  g_string_append (s, _("Mean ± sample standard deviation over the seeds of each "
                        "activation. Bold: the best mean of each column (the highest; the "
                        "lowest for costs, training time and zero-gradient ratios). "
                        "Accuracies and ratios in percent, differences in percentage "
                        "points (pp)."));
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}
