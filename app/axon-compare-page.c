/* axon-compare-page.c: the Compare page: choices, the worker, the table, figure, export. */
#include "axon-compare-page.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "axon-compare-render.h"
#include "axon-compare-summary.h"
#include "axon-compare.h"
#include "axon-dataset.h"
#include "axon-export.h"
#include "axon-registry.h"

/* Progress snapshots reach the main loop at most this often (microseconds). */
#define SNAPSHOT_INTERVAL_US (80 * 1000)
#define FIGURE_EXPORT_WIDTH 1200
#define FIGURE_EXPORT_HEIGHT 800
#define MAX_STEPS 100000
#define MAX_SEEDS 20
/* The activation column of the column view, next to the metric columns 0.. */
#define NAME_COLUMN G_MAXUINT

struct _AxonComparePage
{
  GtkWidget parent_instance;

  GtkWidget *toasts; /* AdwToastOverlay, the only child */
  GtkCheckButton *act_checks[AXON_N_ACTIVATIONS];
  GtkSpinButton *seeds_spin;
  GtkSpinButton *steps_spin;
  GtkWidget *run_button;
  GtkWidget *cancel_button;
  GtkProgressBar *progress_bar;
  GtkLabel *progress_label;
  GtkColumnView *column_view;
  guint n_metric_columns;  /* metric columns in the column view now */
  GtkWidget *figure;
  GtkLabel *summary_label;
  GtkListBox *runs_list;
  GtkWidget *export_buttons[AXON_COMPARE_EXPORT_PDF + 1];

  GListStore *store;       /* GtkStringObject per activation (the group's name) */
  GtkSortListModel *sorted;
  AxonCompareTable *table; /* what is shown: replaced, never changed */
  AxonStyle style;
  AdwStyleManager *style_manager;

  char *runs_dir;
  char *data_dir;
  char *progress_text;
  GCancellable *cancellable; /* of the running comparison, or NULL */
  guint generation;          /* counts comparisons, so late snapshots of an old one drop */
  gboolean disposed;
};

G_DEFINE_FINAL_TYPE (AxonComparePage, axon_compare_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SEEDS,
  PROP_STEPS,
  PROP_RUNS_DIR,
  PROP_DATA_DIR,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_OPEN_RUN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const export_extensions[] = { "csv", "md", "png", "svg", "pdf" };

/* How the worker addresses the page: a weak reference, shared (atomically counted) by
 * the job and every snapshot in flight. The worker never holds the page itself, so
 * closing the window disposes the page, which cancels the worker; only the main loop
 * turns the weak reference into the page. */
typedef struct
{
  GWeakRef page;
} PageLink;

static void
page_link_clear (gpointer data)
{
  g_weak_ref_clear (&((PageLink *) data)->page);
}

static void
page_link_release (PageLink *link)
{
  g_atomic_rc_box_release_full (link, page_link_clear);
}

/* The work of one comparison, owned by its GTask; the worker fills table. */
typedef struct
{
  AxonCompareConfig config;
  char *data_dir;
  AxonCompareTable *table;
  PageLink *link;
  guint generation;
  gint64 last_snapshot; /* worker thread only */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  axon_compare_config_clear (&job->config);
  g_free (job->data_dir);
  g_clear_pointer (&job->table, axon_compare_table_unref);
  page_link_release (job->link);
  g_free (job);
}

/* What the main loop gets from the worker: copies only. */
typedef struct
{
  PageLink *link;
  guint generation;
  AxonCompareProgress progress; /* row cleared: it points into the worker's table */
  AxonCompareTable *table; /* a copy after each finished run, else NULL */
} Snapshot;

static void
snapshot_free (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_pointer (&snapshot->table, axon_compare_table_unref);
  page_link_release (snapshot->link);
  g_free (snapshot);
}

static void
set_progress_text (AxonComparePage *self,
                   const char      *text)
{
  g_free (self->progress_text);
  self->progress_text = g_strdup (text);
  gtk_label_set_text (self->progress_label, text);
}

static void
add_toast (AxonComparePage *self,
           const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toasts), toast);
}

/* The table */

typedef struct
{
  AxonComparePage *page; /* borrowed: columns live inside the page */
  guint column;
} ColumnData;

static const AxonCompareStats *
item_stats (AxonComparePage *self,
            gpointer         item)
{
  int group;

  if (self->table == NULL || item == NULL)
    return NULL;
  group = axon_compare_table_find_group (self->table, gtk_string_object_get_string (item));
  return group >= 0 ? axon_compare_table_get_stats (self->table, group) : NULL;
}

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  ColumnData *data = user_data;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), data->column == NAME_COLUMN ? 0 : 1);
  if (data->column != NAME_COLUMN)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  ColumnData *data = user_data;
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  gpointer item = gtk_list_item_get_item (list_item);
  const AxonCompareStats *st = item_stats (data->page, item);
  g_autofree char *value = NULL;
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;
  g_autofree char *tooltip = NULL;
  int group;

  if (data->column == NAME_COLUMN || st == NULL)
    {
      gtk_label_set_text (label, item != NULL ? gtk_string_object_get_string (item) : "");
      return;
    }
  value = axon_compare_format_value (data->column, st->mean[data->column],
                                     st->std[data->column], TRUE);
  group = axon_compare_table_find_group (data->page->table, st->activation);
  if (axon_compare_table_is_best (data->page->table, group, data->column))
    {
      g_autofree char *escaped = g_markup_escape_text (value, -1);
      /* The best of the column: bold and a star, not colour alone. */
      g_autofree char *markup = g_strdup_printf ("<b>%s ★</b>", escaped);

      gtk_label_set_markup (label, markup);
    }
  else
    gtk_label_set_text (label, value);
  lo = axon_compare_format_value (data->column, st->min[data->column], NAN, FALSE);
  hi = axon_compare_format_value (data->column, st->max[data->column], NAN, FALSE);
  /* TRANSLATORS: tooltip of a table cell: finite values, runs, smallest and largest */
  tooltip = g_strdup_printf (_("%u of %u runs, from %s to %s"), st->n[data->column],
                             st->n_runs, lo, hi);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
}

/* Sorts by the mean of the column (NaN last), or by name. */
static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;
  const AxonCompareStats *sa, *sb;
  double ma, mb;

  if (data->column == NAME_COLUMN)
    return g_utf8_collate (gtk_string_object_get_string ((GtkStringObject *) a),
                           gtk_string_object_get_string ((GtkStringObject *) b));
  sa = item_stats (data->page, (gpointer) a);
  sb = item_stats (data->page, (gpointer) b);
  ma = sa != NULL ? sa->mean[data->column] : NAN;
  mb = sb != NULL ? sb->mean[data->column] : NAN;
  if (isnan (ma) || isnan (mb))
    return isnan (ma) - isnan (mb);
  return (ma > mb) - (ma < mb);
}

static GtkColumnViewColumn *
make_column (AxonComparePage *self,
             guint            column,
             const char      *title)
{
  /* Shared by the factory and the sorter, each holding a reference. */
  ColumnData *data = g_rc_box_new0 (ColumnData);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  GtkSorter *sorter;

  data->page = self;
  data->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), data);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), data);
  g_object_set_data_full (G_OBJECT (factory), "axon-column", g_rc_box_acquire (data),
                          g_rc_box_release);
  view_column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, data, g_rc_box_release));
  gtk_column_view_column_set_sorter (view_column, sorter);
  g_object_unref (sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  return view_column;
}

/* One column per metric of the table (their count follows the layer count). */
static void
rebuild_columns (AxonComparePage *self,
                 guint            n_columns)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  if (self->n_metric_columns == n_columns && g_list_model_get_n_items (columns) > 0)
    return;
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, c);
    }
  {
    g_autoptr (GtkColumnViewColumn) name = make_column (self, NAME_COLUMN, _("Activation"));

    gtk_column_view_append_column (self->column_view, name);
  }
  for (guint c = 0; c < n_columns; c++)
    {
      AxonCompareColumnInfo info;
      g_autofree char *title = NULL;
      g_autoptr (GtkColumnViewColumn) view_column = NULL;

      axon_compare_column_info (c, &info);
      title = *info.unit != '\0' ? g_strdup_printf ("%s (%s)", info.title, info.unit)
                                 : g_strdup (info.title);
      view_column = make_column (self, c, title);
      gtk_column_view_append_column (self->column_view, view_column);
    }
  self->n_metric_columns = n_columns;
}

static void
on_open_clicked (GtkButton       *button,
                 AxonComparePage *self)
{
  /* Stored as index + 1, so that run 0 is not a NULL pointer. */
  axon_compare_page_open_run (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                         "axon-run-index"))
                                      - 1);
}

static void
update_runs_list (AxonComparePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->runs_list))) != NULL)
    gtk_list_box_remove (self->runs_list, child);
  for (guint i = 0; self->table != NULL && i < axon_compare_table_get_n_rows (self->table); i++)
    {
      const AxonCompareRow *row = axon_compare_table_get_row (self->table, i);
      g_autofree char *title = NULL;
      g_autofree char *accuracy = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *action_row, *button;

      char seed[24];

      g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, row->seed);
      /* TRANSLATORS: a run in the list: activation and seed */
      title = g_strdup_printf (_("%s, seed %s"), row->activation, seed);
      accuracy = axon_compare_format_value (AXON_COMPARE_TEST_ACCURACY,
                                            row->values[AXON_COMPARE_TEST_ACCURACY], NAN,
                                            FALSE);
      /* TRANSLATORS: clean test accuracy in percent, then the run directory */
      subtitle = g_strdup_printf (_("Clean test %s %% · %s"), accuracy,
                                  row->run_dir != NULL ? row->run_dir : _("not recorded"));
      action_row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), subtitle);
      button = gtk_button_new_with_mnemonic (_("_Open in Distributions"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, row->run_dir != NULL);
      gtk_widget_set_tooltip_text (button, _("Show this run's weights and gradients over "
                                             "training"));
      g_object_set_data (G_OBJECT (button), "axon-run-index", GUINT_TO_POINTER (i + 1));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_open_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (action_row), button);
      gtk_list_box_append (self->runs_list, action_row);
    }
}

/* Shows table (a reference is taken): the column view, figure, summary and runs. */
static void
show_table (AxonComparePage  *self,
            AxonCompareTable *table)
{
  g_autofree char *summary = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (table != NULL)
    axon_compare_table_ref (table);
  g_clear_pointer (&self->table, axon_compare_table_unref);
  self->table = table;

  if (table != NULL)
    {
      rebuild_columns (self, axon_compare_table_get_n_columns (table));
      for (guint g = 0; g < axon_compare_table_get_n_groups (table); g++)
        {
          const AxonCompareStats *st = axon_compare_table_get_stats (table, g);

          g_ptr_array_add (items, gtk_string_object_new (st->activation));
        }
    }
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);

  summary = table != NULL ? axon_compare_summary (table) : NULL;
  gtk_label_set_text (self->summary_label,
                      summary != NULL ? summary : _("Run a comparison to see its summary."));
  update_runs_list (self);
  for (guint k = 0; k < G_N_ELEMENTS (self->export_buttons); k++)
    gtk_widget_set_sensitive (self->export_buttons[k],
                              table != NULL && axon_compare_table_get_n_rows (table) > 0);
  gtk_widget_queue_draw (self->figure);
}

/* The worker and the main loop */

static void
update_running (AxonComparePage *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_set_visible (self->run_button, !running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->seeds_spin), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps_spin), !running);
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (self->act_checks[i]), !running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
apply_snapshot (gpointer data)
{
  Snapshot *snapshot = data;
  g_autoptr (AxonComparePage) self = g_weak_ref_get (&snapshot->link->page);
  const AxonCompareProgress *p = &snapshot->progress;
  g_autofree char *text = NULL;
  char left[32];

  if (self == NULL || self->disposed || snapshot->generation != self->generation
      || self->cancellable == NULL)
    return G_SOURCE_REMOVE;

  /* TRANSLATORS: a time left that is not known yet */
  axon_compare_format_duration (p->remaining, _("…"), left, sizeof left);
  switch (p->phase)
    {
    case AXON_COMPARE_PHASE_COST:
      /* TRANSLATORS: progress: activation, seed i of n */
      text = g_strdup_printf (_("%s · seed %u of %u · measuring the cost · about %s left"),
                              p->activation, p->seed_index + 1, p->n_seeds, left);
      break;
    case AXON_COMPARE_PHASE_TRAIN:
      /* TRANSLATORS: progress: activation, seed i of n, minibatch step of steps, time left */
      text = g_strdup_printf (_("%s · seed %u of %u · step %u of %u · about %s left"),
                              p->activation, p->seed_index + 1, p->n_seeds, p->step,
                              p->n_steps, left);
      break;
    case AXON_COMPARE_PHASE_EVAL:
      text = g_strdup_printf (_("%s · seed %u of %u · testing · about %s left"),
                              p->activation, p->seed_index + 1, p->n_seeds, left);
      break;
    case AXON_COMPARE_PHASE_RUN_DONE:
    default:
      /* TRANSLATORS: progress: runs done of all runs, time left */
      text = g_strdup_printf (_("%u of %u runs done · about %s left"), p->run_index + 1,
                              p->n_runs, left);
      break;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, p->fraction);
  set_progress_text (self, text);
  if (snapshot->table != NULL)
    show_table (self, snapshot->table);
  return G_SOURCE_REMOVE;
}

/* In the worker thread: copies what the main loop shows, a few times a second and after
 * every run. */
static void
on_worker_progress (const AxonCompareProgress *progress,
                    gpointer                   user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();
  Snapshot *snapshot;

  if (progress->phase != AXON_COMPARE_PHASE_RUN_DONE
      && now - job->last_snapshot < SNAPSHOT_INTERVAL_US)
    return;
  job->last_snapshot = now;
  snapshot = g_new0 (Snapshot, 1);
  snapshot->link = g_atomic_rc_box_acquire (job->link);
  snapshot->generation = job->generation;
  snapshot->progress = *progress;
  snapshot->progress.row = NULL;
  if (progress->phase == AXON_COMPARE_PHASE_RUN_DONE)
    snapshot->table = axon_compare_table_copy (job->table);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT_IDLE, apply_snapshot, snapshot,
                              snapshot_free);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (AxonDataset) train = NULL;
  g_autoptr (AxonDataset) test = NULL;
  GError *error = NULL;
  gboolean ok;

  if (job->data_dir != NULL)
    ok = axon_dataset_load_dir (job->data_dir, &train, &test, &error);
  else
    ok = axon_dataset_load_default (&train, &test, &error);
  if (ok)
    ok = axon_compare_run (&job->config, train, test, on_worker_progress, job, cancellable,
                           job->table, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_compare_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (AxonComparePage) self = g_weak_ref_get (&job->link->page);
  g_autoptr (GError) error = NULL;
  guint n_done = axon_compare_table_get_n_rows (job->table);
  guint n_runs = g_strv_length (job->config.activations) * job->config.n_seeds;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (self == NULL || self->disposed || job->generation != self->generation)
    return;

  g_clear_object (&self->cancellable);
  if (n_done > 0)
    {
      g_autoptr (AxonCompareTable) copy = axon_compare_table_copy (job->table);

      show_table (self, copy);
    }
  if (error == NULL)
    {
      /* TRANSLATORS: the comparison finished after n runs */
      g_autofree char *text = g_strdup_printf (ngettext ("Done: %u run", "Done: %u runs",
                                                         n_done), n_done);

      gtk_progress_bar_set_fraction (self->progress_bar, 1);
      set_progress_text (self, text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* TRANSLATORS: the comparison was cancelled; runs kept of runs planned */
      g_autofree char *text = g_strdup_printf (_("Cancelled: %u of %u runs kept"), n_done,
                                               n_runs);

      set_progress_text (self, text);
      add_toast (self, text);
    }
  else
    {
      set_progress_text (self, error->message);
      add_toast (self, error->message);
    }
  update_running (self);
}

gboolean
axon_compare_page_start (AxonComparePage  *self,
                         GError          **error)
{
  g_autoptr (GTask) task = NULL;
  g_auto (GStrv) acts = NULL;
  g_autofree char *list = NULL;
  Job *job;

  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), FALSE);

  if (self->cancellable != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("A comparison is already running"));
      return FALSE;
    }
  acts = axon_compare_page_dup_activations (self);
  if (acts[0] == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Tick at least one activation"));
      return FALSE;
    }

  job = g_new0 (Job, 1);
  axon_compare_config_init (&job->config);
  list = g_strjoinv (",", acts);
  if (!axon_compare_config_set_activations (&job->config, list, error))
    {
      job_free (job);
      return FALSE;
    }
  job->config.n_seeds = axon_compare_page_get_seeds (self);
  job->config.n_steps = axon_compare_page_get_steps (self);
  if (self->runs_dir != NULL)
    axon_compare_config_set_runs_dir (&job->config, self->runs_dir);
  else
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "axon", "compare", stamp,
                                               "runs", NULL);

      axon_compare_config_set_runs_dir (&job->config, dir);
    }
  if (!axon_compare_config_validate (&job->config, error))
    {
      job_free (job);
      return FALSE;
    }
  job->data_dir = g_strdup (self->data_dir);
  job->table = axon_compare_table_new (axon_compare_config_n_layers (&job->config));
  job->link = g_atomic_rc_box_new0 (PageLink);
  g_weak_ref_init (&job->link->page, self);
  job->generation = ++self->generation;

  self->cancellable = g_cancellable_new ();
  /* No source object: the task must not keep the page alive (see PageLink). */
  task = g_task_new (NULL, self->cancellable, on_compare_done, NULL);
  g_task_set_source_tag (task, axon_compare_page_start);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, compare_thread);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  set_progress_text (self, _("Loading the data…"));
  update_running (self);
  return TRUE;
}

void
axon_compare_page_cancel (AxonComparePage *self)
{
  g_return_if_fail (AXON_IS_COMPARE_PAGE (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      set_progress_text (self, _("Cancelling…"));
    }
}

gboolean
axon_compare_page_get_running (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

static void
on_run_clicked (AxonComparePage *self)
{
  g_autoptr (GError) error = NULL;

  if (!axon_compare_page_start (self, &error))
    add_toast (self, error->message);
}

/* Export */

gboolean
axon_compare_page_export (AxonComparePage    *self,
                          AxonCompareExport   kind,
                          const char         *path,
                          GError            **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->table == NULL || axon_compare_table_get_n_rows (self->table) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No results to export yet"));
      return FALSE;
    }
  switch (kind)
    {
    case AXON_COMPARE_EXPORT_CSV:
      text = axon_compare_table_to_csv (self->table, NULL);
      break;
    case AXON_COMPARE_EXPORT_MARKDOWN:
      {
        g_autofree char *table = axon_compare_table_to_markdown (self->table);
        g_autofree char *summary = axon_compare_summary (self->table);

        text = g_strdup_printf ("# %s\n\n%s\n## %s\n\n%s", _("Activation comparison"), table,
                                _("Summary"), summary);
      }
      break;
    case AXON_COMPARE_EXPORT_PNG:
    case AXON_COMPARE_EXPORT_SVG:
    case AXON_COMPARE_EXPORT_PDF:
      {
        AxonCompareRenderOptions render;
        AxonExportOptions options;

        axon_compare_render_options_init (&render, self->table);
        render.title = _("Activation comparison: mean ± std over seeds");
        axon_export_options_init (&options);
        options.width = FIGURE_EXPORT_WIDTH;
        options.height = FIGURE_EXPORT_HEIGHT;
        options.format = kind == AXON_COMPARE_EXPORT_PNG   ? AXON_EXPORT_PNG
                         : kind == AXON_COMPARE_EXPORT_SVG ? AXON_EXPORT_SVG
                                                           : AXON_EXPORT_PDF;
        return axon_export_to_file (path, &options, axon_compare_render_func, &render, error);
      }
    default:
      g_return_val_if_reached (FALSE);
    }
  return axon_export_write_atomically (path, text, strlen (text), error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    AxonComparePage *self)
{
  AxonCompareExport kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog),
                                                                "axon-export-kind"));

  if (response == GTK_RESPONSE_ACCEPT && !self->disposed)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr (GError) error = NULL;

      if (path != NULL && axon_compare_page_export (self, kind, path, &error))
        {
          g_autofree char *basename = g_path_get_basename (path);
          /* TRANSLATORS: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Exported %s"), basename);

          add_toast (self, message);
        }
      else if (error != NULL)
        add_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_export_clicked (GtkButton       *button,
                   AxonComparePage *self)
{
  AxonCompareExport kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button),
                                                                "axon-export-kind"));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autofree char *name = g_strdup_printf ("comparison.%s", export_extensions[kind]);

  dialog = gtk_file_chooser_native_new (_("Export the Comparison"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "axon-export-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The figure */

static void
draw_figure (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  AxonComparePage *self = user_data;
  AxonCompareRenderOptions options;

  axon_compare_render_options_init (&options, self->table);
  axon_compare_render (cr, width, height, &self->style, &options);
}

static void
update_style (AxonComparePage *self)
{
  if (self->style_manager != NULL && adw_style_manager_get_dark (self->style_manager))
    axon_style_init_dark (&self->style);
  else
    axon_style_init_light (&self->style);
  if (self->figure != NULL)
    gtk_widget_queue_draw (self->figure);
}

/* Choices */

char **
axon_compare_page_dup_activations (AxonComparePage *self)
{
  GPtrArray *names;

  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), NULL);

  names = g_ptr_array_new ();
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    if (gtk_check_button_get_active (self->act_checks[i]))
      g_ptr_array_add (names, g_strdup (axon_activation_get (i)->name));
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

gboolean
axon_compare_page_set_activations (AxonComparePage  *self,
                                   const char       *list,
                                   GError          **error)
{
  AxonCompareConfig config;
  gboolean chosen[AXON_N_ACTIVATIONS] = { FALSE };

  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), FALSE);
  g_return_val_if_fail (list != NULL, FALSE);

  axon_compare_config_init (&config);
  if (!axon_compare_config_set_activations (&config, list, error))
    {
      axon_compare_config_clear (&config);
      return FALSE;
    }
  for (guint k = 0; config.activations[k] != NULL; k++)
    chosen[axon_activation_lookup (config.activations[k], NULL, NULL)->id] = TRUE;
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    gtk_check_button_set_active (self->act_checks[i], chosen[i]);
  axon_compare_config_clear (&config);
  return TRUE;
}

static void
on_defaults_clicked (AxonComparePage *self)
{
  axon_compare_page_set_activations (self, AXON_COMPARE_DEFAULT_ACTIVATIONS, NULL);
}

guint
axon_compare_page_get_seeds (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), 0);
  return (guint) gtk_spin_button_get_value_as_int (self->seeds_spin);
}

void
axon_compare_page_set_seeds (AxonComparePage *self,
                             guint            seeds)
{
  g_return_if_fail (AXON_IS_COMPARE_PAGE (self));

  seeds = CLAMP (seeds, 1, MAX_SEEDS);
  if (seeds == axon_compare_page_get_seeds (self))
    return;
  /* value-changed notifies. */
  gtk_spin_button_set_value (self->seeds_spin, seeds);
}

guint
axon_compare_page_get_steps (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), 0);
  return (guint) gtk_spin_button_get_value_as_int (self->steps_spin);
}

void
axon_compare_page_set_steps (AxonComparePage *self,
                             guint            steps)
{
  g_return_if_fail (AXON_IS_COMPARE_PAGE (self));

  steps = CLAMP (steps, 1, MAX_STEPS);
  if (steps == axon_compare_page_get_steps (self))
    return;
  gtk_spin_button_set_value (self->steps_spin, steps);
}

const char *
axon_compare_page_get_runs_dir (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), NULL);
  return self->runs_dir;
}

void
axon_compare_page_set_runs_dir (AxonComparePage *self,
                                const char      *runs_dir)
{
  g_return_if_fail (AXON_IS_COMPARE_PAGE (self));

  if (g_strcmp0 (runs_dir, self->runs_dir) == 0)
    return;
  g_free (self->runs_dir);
  self->runs_dir = g_strdup (runs_dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNS_DIR]);
}

const char *
axon_compare_page_get_data_dir (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), NULL);
  return self->data_dir;
}

void
axon_compare_page_set_data_dir (AxonComparePage *self,
                                const char      *data_dir)
{
  g_return_if_fail (AXON_IS_COMPARE_PAGE (self));

  if (g_strcmp0 (data_dir, self->data_dir) == 0)
    return;
  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_DIR]);
}

AxonCompareTable *
axon_compare_page_get_table (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), NULL);
  return self->table;
}

GListModel *
axon_compare_page_get_model (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

const char *
axon_compare_page_get_progress_text (AxonComparePage *self)
{
  g_return_val_if_fail (AXON_IS_COMPARE_PAGE (self), NULL);
  return self->progress_text;
}

void
axon_compare_page_open_run (AxonComparePage *self,
                            guint            run)
{
  const AxonCompareRow *row;

  g_return_if_fail (AXON_IS_COMPARE_PAGE (self));
  g_return_if_fail (self->table != NULL && run < axon_compare_table_get_n_rows (self->table));

  row = axon_compare_table_get_row (self->table, run);
  if (row->run_dir != NULL)
    g_signal_emit (self, signals[SIGNAL_OPEN_RUN], 0, row->run_dir);
}

/* Construction */

static GtkWidget *
spin_row (const char     *title,
          const char     *subtitle,
          double          lo,
          double          hi,
          double          step,
          double          value,
          GtkSpinButton **spin)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lo, hi, step));
  gtk_spin_button_set_value (*spin, value);
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  return row;
}

static void
on_seeds_changed (AxonComparePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEEDS]);
}

static void
on_steps_changed (AxonComparePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEPS]);
}

static GtkWidget *
build_settings (AxonComparePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group, *flow, *defaults, *buttons, *list;
  g_auto (GStrv) defaults_list = g_strsplit (AXON_COMPARE_DEFAULT_ACTIVATIONS, ",", -1);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Runs"));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list),
                       spin_row (_("Seeds"), _("Runs per activation; the spread across them "
                                               "is the error bar"),
                                 1, MAX_SEEDS, 1, AXON_COMPARE_DEFAULT_SEEDS,
                                 &self->seeds_spin));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       spin_row (_("Minibatches"), _("Training steps of 64 images per run"),
                                 1, MAX_STEPS, 100, 1000, &self->steps_spin));
  g_signal_connect_swapped (self->seeds_spin, "value-changed", G_CALLBACK (on_seeds_changed),
                            self);
  g_signal_connect_swapped (self->steps_spin, "value-changed", G_CALLBACK (on_steps_changed),
                            self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (GTK_BOX (box), group);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  self->run_button = gtk_button_new_with_mnemonic (_("_Run Comparison"));
  gtk_widget_add_css_class (self->run_button, "suggested-action");
  gtk_widget_add_css_class (self->run_button, "pill");
  g_signal_connect_swapped (self->run_button, "clicked", G_CALLBACK (on_run_clicked), self);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_add_css_class (self->cancel_button, "destructive-action");
  gtk_widget_add_css_class (self->cancel_button, "pill");
  gtk_widget_set_visible (self->cancel_button, FALSE);
  g_signal_connect_swapped (self->cancel_button, "clicked",
                            G_CALLBACK (axon_compare_page_cancel), self);
  gtk_box_append (GTK_BOX (buttons), self->run_button);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (box), buttons);

  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_bar));
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->progress_label, TRUE);
  gtk_label_set_xalign (self->progress_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_label));
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Activations"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each one is timed and trained once per seed, "
                                           "at its default parameters."));
  defaults = gtk_button_new_with_mnemonic (_("_Defaults"));
  gtk_widget_add_css_class (defaults, "flat");
  gtk_widget_set_tooltip_text (defaults, _("The classic nine: relu, leaky_relu, tanh, "
                                           "sigmoid, selu, swish, mish, gelu and sin"));
  g_signal_connect_swapped (defaults, "clicked", G_CALLBACK (on_defaults_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), defaults);
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    {
      const AxonActivation *act = axon_activation_get (i);

      self->act_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (act->name));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->act_checks[i]), _(act->summary));
      gtk_check_button_set_active (self->act_checks[i],
                                   g_strv_contains ((const char *const *) defaults_list,
                                                    act->name));
      gtk_flow_box_append (GTK_FLOW_BOX (flow), GTK_WIDGET (self->act_checks[i]));
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);
  gtk_box_append (GTK_BOX (box), group);

  set_progress_text (self, _("Ready"));
  return box;
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
build_results (AxonComparePage *self)
{
  static const char *const export_labels[] = {
    N_("CSV"), N_("Markdown"), N_("PNG"), N_("SVG"), N_("PDF"),
  };
  static const char *const export_tips[] = {
    N_("One row per run with every figure at full precision"),
    N_("The table (mean ± std, best in bold) and the summary"),
    N_("The figure as a bitmap, 1200 × 800"),
    N_("The figure as vector graphics"),
    N_("The figure as a PDF page"),
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller, *export_row, *linked, *group;
  GtkSorter *sorter;

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (box), heading (_("Results: mean ± std over seeds")));
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  self->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  sorter = gtk_column_view_get_sorter (self->column_view);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                          g_object_ref (sorter));
  {
    GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
  rebuild_columns (self, AXON_COMPARE_N_FIXED_COLUMNS + 3);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 GTK_WIDGET (self->column_view));
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  gtk_box_append (GTK_BOX (box), heading (_("Figure")));
  self->figure = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->figure), 460);
  gtk_widget_set_hexpand (self->figure, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->figure), draw_figure, self, NULL);
  gtk_box_append (GTK_BOX (box), self->figure);

  gtk_box_append (GTK_BOX (box), heading (_("Summary")));
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  export_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (export_row), heading (_("Export")));
  linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (linked, "linked");
  for (guint k = 0; k < G_N_ELEMENTS (self->export_buttons); k++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(export_labels[k]));

      gtk_widget_set_tooltip_text (button, _(export_tips[k]));
      g_object_set_data (G_OBJECT (button), "axon-export-kind", GUINT_TO_POINTER (k));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_export_clicked), self, 0);
      gtk_box_append (GTK_BOX (linked), button);
      self->export_buttons[k] = button;
    }
  gtk_box_append (GTK_BOX (export_row), linked);
  gtk_box_append (GTK_BOX (box), export_row);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Runs"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Each run is a TensorBoard run on disk."));
  self->runs_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->runs_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->runs_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->runs_list));
  gtk_box_append (GTK_BOX (box), group);
  return box;
}

static void
axon_compare_page_init (AxonComparePage *self)
{
  GtkWidget *paned, *settings_scroller, *results_scroller;

  self->toasts = adw_toast_overlay_new ();
  gtk_widget_set_parent (self->toasts, GTK_WIDGET (self));
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (GTK_PANED (paned), 340);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (self->toasts), paned);

  settings_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (settings_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (settings_scroller),
                                 build_settings (self));
  gtk_paned_set_start_child (GTK_PANED (paned), settings_scroller);

  results_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (results_scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (results_scroller),
                                 build_results (self));
  gtk_paned_set_end_child (GTK_PANED (paned), results_scroller);

  self->style_manager = adw_style_manager_get_default ();
  g_signal_connect_object (self->style_manager, "notify::dark", G_CALLBACK (update_style),
                           self, G_CONNECT_SWAPPED);
  update_style (self);
  show_table (self, NULL);
  update_running (self);
}

static void
axon_compare_page_dispose (GObject *object)
{
  AxonComparePage *self = AXON_COMPARE_PAGE (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->toasts, gtk_widget_unparent);
  G_OBJECT_CLASS (axon_compare_page_parent_class)->dispose (object);
}

static void
axon_compare_page_finalize (GObject *object)
{
  AxonComparePage *self = AXON_COMPARE_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  g_clear_pointer (&self->table, axon_compare_table_unref);
  g_free (self->runs_dir);
  g_free (self->data_dir);
  g_free (self->progress_text);
  G_OBJECT_CLASS (axon_compare_page_parent_class)->finalize (object);
}

static void
axon_compare_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AxonComparePage *self = AXON_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEEDS:
      g_value_set_uint (value, axon_compare_page_get_seeds (self));
      break;
    case PROP_STEPS:
      g_value_set_uint (value, axon_compare_page_get_steps (self));
      break;
    case PROP_RUNS_DIR:
      g_value_set_string (value, self->runs_dir);
      break;
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_compare_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AxonComparePage *self = AXON_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SEEDS:
      axon_compare_page_set_seeds (self, g_value_get_uint (value));
      break;
    case PROP_STEPS:
      axon_compare_page_set_steps (self, g_value_get_uint (value));
      break;
    case PROP_RUNS_DIR:
      axon_compare_page_set_runs_dir (self, g_value_get_string (value));
      break;
    case PROP_DATA_DIR:
      axon_compare_page_set_data_dir (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
axon_compare_page_class_init (AxonComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                            | G_PARAM_STATIC_STRINGS;

  object_class->dispose = axon_compare_page_dispose;
  object_class->finalize = axon_compare_page_finalize;
  object_class->get_property = axon_compare_page_get_property;
  object_class->set_property = axon_compare_page_set_property;

  properties[PROP_SEEDS] = g_param_spec_uint ("seeds", NULL, NULL, 1, MAX_SEEDS,
                                              AXON_COMPARE_DEFAULT_SEEDS, flags);
  properties[PROP_STEPS] = g_param_spec_uint ("steps", NULL, NULL, 1, MAX_STEPS, 1000, flags);
  properties[PROP_RUNS_DIR] = g_param_spec_string ("runs-dir", NULL, NULL, NULL, flags);
  properties[PROP_DATA_DIR] = g_param_spec_string ("data-dir", NULL, NULL, NULL, flags);
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* AxonComparePage::open-run: a run directory to show in the distribution view. */
  signals[SIGNAL_OPEN_RUN] = g_signal_new ("open-run", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "axoncomparepage");
}

GtkWidget *
axon_compare_page_new (void)
{
  return g_object_new (AXON_TYPE_COMPARE_PAGE, NULL);
}
