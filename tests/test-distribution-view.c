/* test-distribution-view.c: the distribution widget and page under a display (Xvfb in CI).
 *
 * Rotating changes yaw and pitch and notifies each once; the step cursor property; a run
 * opened from the PyTorch fixture or written by Axon's event writer lists its tags; a bad
 * path leaves the run shown; comparing shares camera and scales; export writes files.
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "axon-distribution-page.h"
#include "axon-event-writer.h"
#include "axon-run.h"
#include "axon-surface-view.h"

static gboolean have_display;

#define REQUIRE_DISPLAY()                                                                  \
  G_STMT_START                                                                             \
  {                                                                                        \
    if (!have_display)                                                                     \
      {                                                                                    \
        g_test_skip ("no display");                                                        \
        return;                                                                            \
      }                                                                                    \
  }                                                                                        \
  G_STMT_END

typedef struct
{
  guint yaw, pitch, zoom, cursor, any;
} Notes;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notes      *notes)
{
  const char *name = g_param_spec_get_name (pspec);

  notes->any++;
  if (g_str_equal (name, "yaw"))
    notes->yaw++;
  else if (g_str_equal (name, "pitch"))
    notes->pitch++;
  else if (g_str_equal (name, "zoom"))
    notes->zoom++;
  else if (g_str_equal (name, "cursor-step"))
    notes->cursor++;
}

/* Iterates the main loop until cond (data) holds or 30 s pass (a hang, not a speed check). */
static void
wait_until (gboolean (*cond) (gpointer),
            gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!cond (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (cond (data));
}

static AxonHistogram *
make_hist (gint64 step,
           double centre)
{
  AxonHistogram *h = axon_histogram_new (8);

  h->step = step;
  for (int j = 0; j <= 8; j++)
    h->edges[j] = -1 + j * 0.25;
  for (int j = 0; j < 8; j++)
    h->counts[j] = 10 * exp (-4 * pow (-0.875 + j * 0.25 - centre, 2));
  h->min = -1;
  h->max = 1;
  h->num = axon_histogram_total (h);
  h->sum = NAN;
  h->sum_squares = NAN;
  return h;
}

static void
test_rotate_notify (void)
{
  GtkWidget *view;
  Notes notes = { 0 };
  double yaw0, pitch0;

  REQUIRE_DISPLAY ();
  view = g_object_ref_sink (axon_surface_view_new ());
  g_signal_connect (view, "notify", G_CALLBACK (on_notify), &notes);
  yaw0 = axon_surface_view_get_yaw (AXON_SURFACE_VIEW (view));
  pitch0 = axon_surface_view_get_pitch (AXON_SURFACE_VIEW (view));

  /* A drag of (50, 10) pixels: both angles move, each notifies once. */
  axon_surface_view_rotate_by (AXON_SURFACE_VIEW (view), 50, 10);
  g_assert_cmpuint (notes.yaw, ==, 1);
  g_assert_cmpuint (notes.pitch, ==, 1);
  g_assert_cmpuint (notes.any, ==, 2);
  g_assert_cmpfloat_with_epsilon (axon_surface_view_get_yaw (AXON_SURFACE_VIEW (view)),
                                  yaw0 + 50 * AXON_SURFACE_VIEW_DRAG_DEGREES, 1e-9);
  g_assert_cmpfloat_with_epsilon (axon_surface_view_get_pitch (AXON_SURFACE_VIEW (view)),
                                  pitch0 + 10 * AXON_SURFACE_VIEW_DRAG_DEGREES, 1e-9);

  /* Property changes: once when changed, never when not. */
  memset (&notes, 0, sizeof notes);
  g_object_set (view, "yaw", 12.5, NULL);
  g_object_set (view, "yaw", 12.5, NULL);
  g_assert_cmpuint (notes.yaw, ==, 1);
  g_assert_cmpuint (notes.any, ==, 1);
  /* Yaw wraps into (-180, 180]; pitch clamps. */
  g_object_set (view, "yaw", 190.0, "pitch", 120.0, NULL);
  g_assert_cmpfloat_with_epsilon (axon_surface_view_get_yaw (AXON_SURFACE_VIEW (view)), -170, 1e-9);
  g_assert_cmpfloat (axon_surface_view_get_pitch (AXON_SURFACE_VIEW (view)), ==,
                     AXON_SURFACE_VIEW_MAX_PITCH);
  memset (&notes, 0, sizeof notes);
  g_object_set (view, "pitch", 100.0, NULL); /* clamps to the same 90: no change */
  g_assert_cmpuint (notes.any, ==, 0);

  /* Reset: back to the defaults, one notification per property that changed. */
  g_object_set (view, "zoom", 2.0, NULL);
  memset (&notes, 0, sizeof notes);
  axon_surface_view_reset_camera (AXON_SURFACE_VIEW (view));
  g_assert_cmpuint (notes.yaw, ==, 1);
  g_assert_cmpuint (notes.pitch, ==, 1);
  g_assert_cmpuint (notes.zoom, ==, 1);
  g_assert_cmpfloat (axon_surface_view_get_yaw (AXON_SURFACE_VIEW (view)), ==,
                     AXON_SURFACE_VIEW_DEFAULT_YAW);
  g_object_unref (view);
}

static gboolean
frames_at_least (gpointer data)
{
  gpointer *args = data;

  return axon_surface_view_get_frame_count (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

static void
test_cursor (void)
{
  GtkWidget *window, *view;
  AxonHistogram *h[3];
  Notes notes = { 0 };
  gpointer args[2];
  guint frames;

  REQUIRE_DISPLAY ();
  for (int i = 0; i < 3; i++)
    h[i] = make_hist (i * 100, -0.5 + 0.5 * i);
  window = gtk_window_new ();
  view = axon_surface_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 400);
  axon_surface_view_set_histograms (AXON_SURFACE_VIEW (view), (const AxonHistogram *const *) h, 3);
  gtk_window_present (GTK_WINDOW (window));
  args[0] = view;
  args[1] = GUINT_TO_POINTER (1);
  wait_until (frames_at_least, args);

  g_signal_connect (view, "notify", G_CALLBACK (on_notify), &notes);
  axon_surface_view_set_show_cursor (AXON_SURFACE_VIEW (view), TRUE);
  frames = axon_surface_view_get_frame_count (AXON_SURFACE_VIEW (view));
  g_object_set (view, "cursor-step", (gint64) 100, NULL);
  g_object_set (view, "cursor-step", (gint64) 100, NULL);
  g_assert_cmpuint (notes.cursor, ==, 1);
  g_assert_cmpint (axon_surface_view_get_cursor_step (AXON_SURFACE_VIEW (view)), ==, 100);
  /* A new cursor is a new frame. */
  args[1] = GUINT_TO_POINTER (frames + 1);
  wait_until (frames_at_least, args);

  /* The grid follows the step range. */
  axon_surface_view_set_step_range (AXON_SURFACE_VIEW (view), 50, 250);
  g_assert_cmpuint (axon_surface_view_get_grid (AXON_SURFACE_VIEW (view))->n_steps, ==, 2);
  {
    size_t n = 0;
    const gint64 *steps = axon_surface_view_get_steps (AXON_SURFACE_VIEW (view), &n);

    g_assert_cmpuint (n, ==, 3); /* every recorded step, whatever the range */
    g_assert_cmpint (steps[2], ==, 200);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  for (int i = 0; i < 3; i++)
    axon_histogram_free (h[i]);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Same strings, any order. */
static void
assert_same_set (char              **got,
                 const char *const  *want)
{
  guint n = g_strv_length (got), m = g_strv_length ((char **) want);
  g_autofree const char **w = g_memdup2 (want, sizeof (char *) * (m + 1));

  g_assert_cmpuint (n, ==, m);
  qsort (got, n, sizeof (char *), compare_strings);
  qsort (w, m, sizeof (char *), compare_strings);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (got[i], ==, w[i]);
}

static void
test_open_fixture (void)
{
  GtkWidget *page;
  g_auto (GStrv) tags = NULL;
  static const char *const want[] = {
    "weights/0.weight", "gradients/0.weight", "weights/0.bias", "gradients/0.bias",
    "weights/2.weight", "gradients/2.weight", "weights/2.bias", "gradients/2.bias", NULL,
  };
  AxonSurfaceView *view;

  REQUIRE_DISPLAY ();
  page = g_object_ref_sink (axon_distribution_page_new ());
  g_assert_true (axon_distribution_page_open_run (AXON_DISTRIBUTION_PAGE (page),
                                                  AXON_TEST_DATA "/tensorboard/pytorch-summarywriter"));
  g_assert_null (axon_distribution_page_get_error (AXON_DISTRIBUTION_PAGE (page)));
  tags = axon_distribution_page_dup_tags (AXON_DISTRIBUTION_PAGE (page));
  assert_same_set (tags, want);
  /* The first layer's weights are shown first, six steps (0..50). */
  g_assert_cmpstr (axon_distribution_page_get_tag (AXON_DISTRIBUTION_PAGE (page)), ==,
                   "weights/0.weight");
  view = axon_distribution_page_get_view (AXON_DISTRIBUTION_PAGE (page));
  g_assert_cmpuint (axon_surface_view_get_n_histograms (view), ==, 6);
  g_assert_cmpint (axon_surface_view_get_cursor_step (view), ==, 50);

  g_assert_true (axon_distribution_page_set_tag (AXON_DISTRIBUTION_PAGE (page), "gradients/2.bias"));
  g_assert_cmpstr (axon_distribution_page_get_tag (AXON_DISTRIBUTION_PAGE (page)), ==,
                   "gradients/2.bias");
  g_assert_cmpuint (axon_surface_view_get_n_histograms (view), ==, 6);
  g_assert_false (axon_distribution_page_set_tag (AXON_DISTRIBUTION_PAGE (page), "train/loss"));

  /* A bad path: one line naming it, and the run shown stays. */
  g_assert_false (axon_distribution_page_open_run (AXON_DISTRIBUTION_PAGE (page),
                                                   "/nonexistent/axon-run"));
  g_assert_nonnull (axon_distribution_page_get_error (AXON_DISTRIBUTION_PAGE (page)));
  g_assert_nonnull (strstr (axon_distribution_page_get_error (AXON_DISTRIBUTION_PAGE (page)),
                            "/nonexistent/axon-run"));
  g_assert_cmpstr (axon_distribution_page_get_tag (AXON_DISTRIBUTION_PAGE (page)), ==,
                   "gradients/2.bias");
  g_assert_cmpuint (axon_surface_view_get_n_histograms (view), ==, 6);
  g_object_unref (page);
}

static void
test_open_written (void)
{
  g_autofree char *dir = g_dir_make_tmp ("axon-dist-XXXXXX", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonEventWriter) writer = NULL;
  GtkWidget *page;
  g_auto (GStrv) tags = NULL;
  static const char *const want[] = { "fc1/weights", "fc1/gradients", "fc2/weights", NULL };
  g_autoptr (AxonRun) memory_run = axon_run_new ();

  REQUIRE_DISPLAY ();
  g_assert_nonnull (dir);
  writer = axon_event_writer_new (dir, &error);
  g_assert_no_error (error);
  for (int s = 0; s < 4; s++)
    for (gsize t = 0; want[t] != NULL; t++)
      {
        g_autoptr (AxonHistogram) h = make_hist (s * 10, 0.1 * s * (t + 1));

        g_assert_true (axon_event_writer_add_histogram (writer, want[t], h, &error));
        g_assert_no_error (error);
      }
  g_assert_true (axon_event_writer_add_scalar (writer, "train/loss", 0, 0, 1.5, &error));
  g_assert_true (axon_event_writer_close (writer, &error));

  page = g_object_ref_sink (axon_distribution_page_new ());
  g_assert_true (axon_distribution_page_open_run (AXON_DISTRIBUTION_PAGE (page), dir));
  tags = axon_distribution_page_dup_tags (AXON_DISTRIBUTION_PAGE (page));
  assert_same_set (tags, want);
  g_assert_cmpuint (axon_surface_view_get_n_histograms (axon_distribution_page_get_view (AXON_DISTRIBUTION_PAGE (page))),
                    ==, 4);

  /* A run just trained, in memory: the same page lists its tags. */
  {
    g_autoptr (AxonHistogram) h = make_hist (5, 0);
    g_auto (GStrv) mem_tags = NULL;
    static const char *const want_mem[] = { "gradients/0.weight", NULL };

    g_assert_true (axon_run_add_histogram (memory_run, "gradients/0.weight", h, &error));
    g_assert_true (axon_run_add_scalar (memory_run, "loss", 5, 0, 0.3, &error));
    axon_distribution_page_set_run (AXON_DISTRIBUTION_PAGE (page), memory_run);
    mem_tags = axon_distribution_page_dup_tags (AXON_DISTRIBUTION_PAGE (page));
    assert_same_set (mem_tags, want_mem);
    g_assert_cmpstr (axon_distribution_page_get_tag (AXON_DISTRIBUTION_PAGE (page)), ==,
                     "gradients/0.weight");
  }

  /* A run of scalars only, opened from disk: the page says why nothing is drawn. */
  {
    g_autofree char *scalars_dir = g_dir_make_tmp ("axon-dist-XXXXXX", NULL);
    g_autoptr (AxonEventWriter) scalars = axon_event_writer_new (scalars_dir, &error);
    g_autofree char *path = NULL;
    const char *message;

    g_assert_no_error (error);
    g_assert_true (axon_event_writer_add_scalar (scalars, "train/loss", 0, 0, 1.5, &error));
    g_assert_true (axon_event_writer_close (scalars, &error));
    path = g_strdup (axon_event_writer_get_path (scalars));
    g_assert_true (axon_distribution_page_open_run (AXON_DISTRIBUTION_PAGE (page),
                                                    scalars_dir));
    g_assert_null (axon_distribution_page_get_tag (AXON_DISTRIBUTION_PAGE (page)));
    message = axon_distribution_page_get_error (AXON_DISTRIBUTION_PAGE (page));
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (message, "no histograms"));
    g_remove (path);
    g_rmdir (scalars_dir);
  }
  g_object_unref (page);

  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

static void
test_compare_and_export (void)
{
  GtkWidget *page;
  AxonSurfaceView *a, *b;
  g_autoptr (AxonRun) other = axon_run_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("axon-dist-export-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "fig.svg", NULL);
  g_autofree char *json = g_build_filename (dir, "data.json", NULL);
  g_autofree char *contents = NULL;
  const AxonHistogramGrid *ga, *gb;

  REQUIRE_DISPLAY ();
  page = g_object_ref_sink (axon_distribution_page_new ());
  g_assert_true (axon_distribution_page_open_run (AXON_DISTRIBUTION_PAGE (page),
                                                  AXON_TEST_DATA "/tensorboard/pytorch-summarywriter"));
  /* The second run: the same tag with wider values and larger counts. */
  for (int s = 0; s < 3; s++)
    {
      g_autoptr (AxonHistogram) h = make_hist (s * 20, 0);

      for (size_t j = 0; j <= h->n_bins; j++)
        h->edges[j] *= 3;
      h->min = -3;
      h->max = 3;
      for (size_t j = 0; j < h->n_bins; j++)
        h->counts[j] *= 100;
      g_assert_true (axon_run_add_histogram (other, "weights/0.weight", h, &error));
    }
  axon_distribution_page_set_compare_run (AXON_DISTRIBUTION_PAGE (page), other);
  a = axon_distribution_page_get_view (AXON_DISTRIBUTION_PAGE (page));
  b = axon_distribution_page_get_compare_view (AXON_DISTRIBUTION_PAGE (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (b)));
  g_assert_cmpuint (axon_surface_view_get_n_histograms (b), ==, 3);

  /* Same value range and count scale in both. */
  ga = axon_surface_view_get_grid (a);
  gb = axon_surface_view_get_grid (b);
  g_assert_cmpfloat (ga->value_min, ==, gb->value_min);
  g_assert_cmpfloat (ga->value_max, ==, gb->value_max);
  g_assert_cmpfloat (ga->value_min, <=, -3);
  {
    AxonDistributionOptions oa, ob;

    axon_surface_view_get_options (a, &oa);
    axon_surface_view_get_options (b, &ob);
    g_assert_cmpfloat (oa.count_max, ==, ob.count_max);
    g_assert_cmpfloat (oa.count_max, >=, MAX (ga->max_count, gb->max_count));
  }
  /* Same camera: turning one turns the other. */
  axon_surface_view_rotate_by (a, 30, -5);
  g_assert_cmpfloat (axon_surface_view_get_yaw (b), ==, axon_surface_view_get_yaw (a));
  g_assert_cmpfloat (axon_surface_view_get_pitch (b), ==, axon_surface_view_get_pitch (a));
  g_object_set (b, "log-count", TRUE, NULL);
  g_assert_true (axon_surface_view_get_log_count (a));

  /* Export: a vector figure of both runs, and the histograms as JSON. */
  g_assert_true (axon_distribution_page_export (AXON_DISTRIBUTION_PAGE (page), svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<path"));
  g_assert_null (strstr (contents, "<image"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (axon_distribution_page_export (AXON_DISTRIBUTION_PAGE (page), json, &error));
  g_assert_true (g_file_get_contents (json, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"weights/0.weight\""));
  g_assert_false (axon_distribution_page_export (AXON_DISTRIBUTION_PAGE (page),
                                                 "/nonexistent-dir/x.png", &error));
  g_assert_nonnull (error);

  /* Closing the comparison. */
  axon_distribution_page_set_compare_run (AXON_DISTRIBUTION_PAGE (page), NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (b)));
  g_object_unref (page);
  g_unlink (svg);
  g_unlink (json);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    {
      GtkWidget *probe;

      adw_init ();
      /* Xvfb in CI has no D-Bus session: the first widget warns that GTK cannot reach the
       * accessibility bus, and GTK carries on. Only that first warning is let through. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      probe = g_object_ref_sink (gtk_label_new ("probe"));
      g_object_unref (probe);
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
    }

  g_test_add_func ("/axon/distribution-view/rotate-notify", test_rotate_notify);
  g_test_add_func ("/axon/distribution-view/cursor", test_cursor);
  g_test_add_func ("/axon/distribution-view/open-fixture", test_open_fixture);
  g_test_add_func ("/axon/distribution-view/open-written", test_open_written);
  g_test_add_func ("/axon/distribution-view/compare-and-export", test_compare_and_export);
  return g_test_run ();
}
