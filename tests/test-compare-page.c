/* test-compare-page.c: the Compare page under a real display (Xvfb in CI).
 *
 * Choices notify once and only on change; a small comparison runs in the worker while the
 * main loop keeps running, fills the sortable table, the runs list (whose buttons emit
 * "open-run") and exports all five formats; cancelling keeps the finished runs; a page
 * destroyed mid-run is finalised once the worker stops.
 */
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "axon-compare-page.h"
#include "axon-compare.h"
#include "axon-test-util.h"

static gboolean
page_is_idle (gpointer page)
{
  return !axon_compare_page_get_running (page);
}

/* The buttons of the runs list, in order. */
static void
find_run_buttons (GtkWidget *root,
                  GPtrArray *buttons)
{
  if (GTK_IS_BUTTON (root) && g_object_get_data (G_OBJECT (root), "axon-run-index") != NULL)
    g_ptr_array_add (buttons, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_run_buttons (child, buttons);
}

static void
test_choices (void)
{
  GtkWidget *widget;
  AxonComparePage *page;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) acts = NULL;
  guint seeds_notified = 0, steps_notified = 0;

  AXON_TEST_REQUIRE_DISPLAY ();
  widget = g_object_ref_sink (axon_compare_page_new ());
  page = AXON_COMPARE_PAGE (widget);

  /* The classic nine are ticked at first. */
  acts = axon_compare_page_dup_activations (page);
  g_assert_cmpuint (g_strv_length (acts), ==, 9);
  g_clear_pointer (&acts, g_strfreev);

  g_assert_true (axon_compare_page_set_activations (page, "GELU, relu,logistic", &error));
  g_assert_no_error (error);
  acts = axon_compare_page_dup_activations (page);
  /* In catalogue order, aliases resolved. */
  g_assert_cmpuint (g_strv_length (acts), ==, 3);
  g_assert_true (g_strv_contains ((const char *const *) acts, "gelu"));
  g_assert_true (g_strv_contains ((const char *const *) acts, "relu"));
  g_assert_true (g_strv_contains ((const char *const *) acts, "sigmoid"));
  g_clear_pointer (&acts, g_strfreev);

  g_assert_false (axon_compare_page_set_activations (page, "relu,nosuch", &error));
  g_assert_nonnull (strstr (error->message, "nosuch"));
  g_clear_error (&error);
  acts = axon_compare_page_dup_activations (page);
  g_assert_cmpuint (g_strv_length (acts), ==, 3);

  g_signal_connect (page, "notify::seeds", G_CALLBACK (axon_test_count_notify), &seeds_notified);
  g_signal_connect (page, "notify::steps", G_CALLBACK (axon_test_count_notify), &steps_notified);
  axon_compare_page_set_seeds (page, 3); /* the default: no change */
  g_assert_cmpuint (seeds_notified, ==, 0);
  axon_compare_page_set_seeds (page, 5);
  g_assert_cmpuint (seeds_notified, ==, 1);
  g_assert_cmpuint (axon_compare_page_get_seeds (page), ==, 5);
  axon_compare_page_set_seeds (page, 0); /* clamped to 1 */
  g_assert_cmpuint (axon_compare_page_get_seeds (page), ==, 1);
  g_assert_cmpuint (seeds_notified, ==, 2);
  g_object_set (page, "steps", 250u, NULL);
  g_assert_cmpuint (steps_notified, ==, 1);
  g_assert_cmpuint (axon_compare_page_get_steps (page), ==, 250);
  g_assert_cmpuint (seeds_notified, ==, 2);

  /* Nothing to export before a run. */
  g_assert_null (axon_compare_page_get_table (page));
  g_assert_false (axon_compare_page_export (page, AXON_COMPARE_EXPORT_CSV, "/nonexistent/x.csv",
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  g_object_unref (widget);
}

static void
on_open_run (AxonComparePage *page,
             const char      *path,
             GPtrArray       *paths)
{
  g_ptr_array_add (paths, g_strdup (path));
}

static void
test_run (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = axon_test_make_tmp_dir ("axon-compare-page-XXXXXX");
  g_autofree char *runs = g_build_filename (dir, "runs", NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *window;
  AxonComparePage *page;
  AxonCompareTable *table;
  GListModel *model;
  GtkColumnView *view;
  GListModel *columns;
  guint running_notified = 0;
  static const char *const extensions[] = { "csv", "md", "png", "svg", "pdf" };
  static const char *const magic[] = { "activation,seed,run_dir,", "# ", "\x89PNG", "<?xml",
                                       "%PDF" };

  AXON_TEST_REQUIRE_DISPLAY ();
  window = gtk_window_new ();
  page = AXON_COMPARE_PAGE (axon_compare_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));

  g_assert_true (axon_compare_page_set_activations (page, "relu,tanh", NULL));
  axon_compare_page_set_seeds (page, 2);
  axon_compare_page_set_steps (page, 5);
  axon_compare_page_set_runs_dir (page, runs);
  g_signal_connect (page, "notify::running", G_CALLBACK (axon_test_count_notify),
                    &running_notified);
  g_signal_connect (page, "open-run", G_CALLBACK (on_open_run), paths);

  g_assert_true (axon_compare_page_start (page, &error));
  g_assert_no_error (error);
  g_assert_true (axon_compare_page_get_running (page));
  g_assert_cmpuint (running_notified, ==, 1);
  /* A second start while running is refused. */
  g_assert_false (axon_compare_page_start (page, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);

  axon_test_wait_until (page_is_idle, page, 120);
  g_assert_cmpuint (running_notified, ==, 2);
  g_assert_cmpstr (axon_compare_page_get_progress_text (page), ==, "Done: 4 runs");

  table = axon_compare_page_get_table (page);
  g_assert_nonnull (table);
  g_assert_cmpuint (axon_compare_table_get_n_rows (table), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const AxonCompareRow *row = axon_compare_table_get_row (table, i);

      g_assert_true (g_str_has_prefix (row->run_dir, runs));
      g_assert_true (g_file_test (row->run_dir, G_FILE_TEST_IS_DIR));
      for (guint c = 0; c < axon_compare_table_get_n_columns (table); c++)
        g_assert_true (isfinite (row->values[c]));
    }

  /* The column view: one row per activation, and it sorts by a metric column. */
  model = axon_compare_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  view = GTK_COLUMN_VIEW (axon_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW,
                                                     0));
  g_assert_nonnull (view);
  columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==,
                    1 + axon_compare_table_get_n_columns (table));
  for (int direction = 0; direction < 2; direction++)
    {
      /* Column 0 is the activation's name. */
      guint zero_index = 1 + AXON_COMPARE_ZERO_GRAD_RATIO;
      g_autoptr (GtkColumnViewColumn) zero = g_list_model_get_item (columns, zero_index);
      g_autoptr (GtkStringObject) first = NULL;

      gtk_column_view_sort_by_column (view, zero, direction == 0 ? GTK_SORT_ASCENDING
                                                                 : GTK_SORT_DESCENDING);
      first = g_list_model_get_item (model, 0);
      /* tanh never cuts a gradient off exactly; relu does about half the time. */
      g_assert_cmpstr (gtk_string_object_get_string (first), ==,
                       direction == 0 ? "tanh" : "relu");
    }

  /* The runs list: one button per run, each emits open-run with its directory. */
  find_run_buttons (GTK_WIDGET (page), buttons);
  g_assert_cmpuint (buttons->len, ==, 4);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 2), "clicked");
  axon_compare_page_open_run (page, 0);
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (paths, 0), ==,
                   axon_compare_table_get_row (table, 2)->run_dir);
  g_assert_cmpstr (g_ptr_array_index (paths, 1), ==,
                   axon_compare_table_get_row (table, 0)->run_dir);

  /* Every export format, and the CSV reads back to the same table. */
  for (guint k = 0; k < G_N_ELEMENTS (extensions); k++)
    {
      g_autofree char *name = g_strdup_printf ("comparison.%s", extensions[k]);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (axon_compare_page_export (page, k, path, &error));
      g_assert_no_error (error);
      g_assert_true (axon_test_file_starts_with (path, magic[k], strlen (magic[k])));
      if (k == AXON_COMPARE_EXPORT_CSV)
        {
          g_autofree char *csv = NULL;
          g_autoptr (AxonCompareTable) back = NULL;

          g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
          back = axon_compare_table_new_from_csv (csv, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (axon_compare_table_get_n_rows (back), ==, 4);
          for (guint i = 0; i < 4; i++)
            for (guint c = 0; c < axon_compare_table_get_n_columns (table); c++)
              g_assert_cmpfloat (axon_compare_table_get_row (back, i)->values[c], ==,
                                 axon_compare_table_get_row (table, i)->values[c]);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
  axon_test_remove_tree (dir);
}

static gboolean
reports_steps (gpointer page)
{
  return strstr (axon_compare_page_get_progress_text (page), "step") != NULL;
}

static void
test_cancel (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = axon_test_make_tmp_dir ("axon-compare-page-XXXXXX");
  GtkWidget *window;
  AxonComparePage *page;

  AXON_TEST_REQUIRE_DISPLAY ();
  window = gtk_window_new ();
  page = AXON_COMPARE_PAGE (axon_compare_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (axon_compare_page_set_activations (page, "relu,tanh", NULL));
  axon_compare_page_set_seeds (page, 2);
  axon_compare_page_set_steps (page, 100000); /* far too long to finish */
  axon_compare_page_set_runs_dir (page, dir);
  g_assert_true (axon_compare_page_start (page, &error));

  /* Wait until training reports progress, then cancel. */
  axon_test_wait_until (reports_steps, page, 60);
  axon_compare_page_cancel (page);
  axon_test_wait_until (page_is_idle, page, 30);
  g_assert_cmpstr (axon_compare_page_get_progress_text (page), ==,
                   "Cancelled: 0 of 4 runs kept");
  g_assert_null (axon_compare_page_get_table (page));

  gtk_window_destroy (GTK_WINDOW (window));
  axon_test_remove_tree (dir);
}

static void
on_finalized (gpointer  data,
              GObject  *where)
{
  *(gboolean *) data = TRUE;
}

static void
test_destroy_while_running (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = axon_test_make_tmp_dir ("axon-compare-page-XXXXXX");
  GtkWidget *window;
  AxonComparePage *page;
  gboolean finalized = FALSE;

  AXON_TEST_REQUIRE_DISPLAY ();
  window = gtk_window_new ();
  page = AXON_COMPARE_PAGE (axon_compare_page_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (axon_compare_page_set_activations (page, "relu", NULL));
  axon_compare_page_set_steps (page, 100000);
  axon_compare_page_set_runs_dir (page, dir);
  g_assert_true (axon_compare_page_start (page, &error));
  g_object_weak_ref (G_OBJECT (page), on_finalized, &finalized);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Disposal cancelled the worker; its task held the page until it returned. */
  axon_test_wait_until (axon_test_flag_is_set, &finalized, 30);
  axon_test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  axon_test_init_gui ();

  g_test_add_func ("/axon/compare-page/choices", test_choices);
  g_test_add_func ("/axon/compare-page/run", test_run);
  g_test_add_func ("/axon/compare-page/cancel", test_cancel);
  g_test_add_func ("/axon/compare-page/destroy-while-running", test_destroy_while_running);
  return g_test_run ();
}
