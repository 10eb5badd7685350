/* test-window.c: the explorer window under a real display (Xvfb in CI).
 *
 * Plot view properties notify once and only on change; the picker's selection becomes plot
 * series; a parameter change notifies once and redraws; search matches aliases; the x range
 * entries refuse bad input; the property sheet reads the table; export writes files; the
 * window state survives a GSettings round trip (GSETTINGS_BACKEND=memory). The window's
 * pages switch and keep the visible one; win.train presents the train dialog and a
 * finished run lands in Distributions, as do --open RUN, `axon RUN` and the Compare
 * page's run buttons; `axon --help` lists the subcommands.
 */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "axon-activation-picker.h"
#include "axon-application.h"
#include "axon-compare-page.h"
#include "axon-distribution-page.h"
#include "axon-explore-page.h"
#include "axon-export-dialog.h"
#include "axon-param-panel.h"
#include "axon-plot-view.h"
#include "axon-presets.h"
#include "axon-properties-panel.h"
#include "axon-registry.h"
#include "axon-test-util.h"
#include "axon-train-dialog.h"
#include "axon-window.h"

static AxonApplication *app;

/* Helpers */

static const AxonActivation *
activation (const char *name)
{
  const AxonActivation *a = axon_activation_lookup (name, NULL, NULL);

  g_assert_nonnull (a);
  return a;
}

static void
reset_settings (void)
{
  GSettings *settings = axon_application_get_settings (app);
  g_autoptr (GSettingsSchema) schema = NULL;
  g_auto (GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
}

typedef struct
{
  AxonPlotView *view;
  guint frames;
} FrameWait;

static gboolean
frame_drawn (gpointer data)
{
  FrameWait *wait = data;

  return axon_plot_view_get_frame_count (wait->view) > wait->frames;
}

/* Iterates the main loop until the view has drawn a frame after now. */
static void
wait_for_frame (AxonPlotView *view)
{
  FrameWait wait = { view, axon_plot_view_get_frame_count (view) };

  axon_test_wait_until (frame_drawn, &wait, 10);
  g_assert_cmpuint (axon_plot_view_get_frame_count (view), >, wait.frames);
}

static AxonWindow *
open_window (void)
{
  AxonWindow *window = axon_window_new (app);
  AxonPlotView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  view = axon_explore_page_get_plot_view (axon_window_get_explore_page (window));
  wait_for_frame (view);
  return window;
}

static void
close_window (AxonWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Notification counting */

typedef struct
{
  GHashTable *counts; /* property name -> count */
  guint total;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (log->counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (log->counts,
                                                                                name))
                                         + 1));
  log->total++;
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static void
notify_log_clear (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
  log->total = 0;
}

/* Tests */

static void
test_plot_view_notify (void)
{
  static const struct
  {
    const char *property;
    GType type;
    double number; /* new value: doubles, ints and enums */
    gboolean flag; /* new value: booleans */
  } cases[] = {
    { "x-min", G_TYPE_DOUBLE, -3.0, FALSE },
    { "x-max", G_TYPE_DOUBLE, 7.5, FALSE },
    { "layout", G_TYPE_ENUM, AXON_PLOT_LAYOUT_SIDE_BY_SIDE, FALSE },
    { "layout", G_TYPE_ENUM, AXON_PLOT_LAYOUT_OVERLAID, FALSE },
    { "show-derivative", G_TYPE_BOOLEAN, 0, FALSE },
    { "shade-saturation", G_TYPE_BOOLEAN, 0, TRUE },
    { "shade-dead-zone", G_TYPE_BOOLEAN, 0, TRUE },
    { "presentation", G_TYPE_BOOLEAN, 0, TRUE },
    { "focus", G_TYPE_INT, 2, FALSE },
  };
  g_autoptr (AxonPlotView) view = g_object_ref_sink (AXON_PLOT_VIEW (axon_plot_view_new ()));
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal), 0 };

  AXON_TEST_REQUIRE_DISPLAY ();

  g_signal_connect (view, "notify", G_CALLBACK (on_notify), &log);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GValue value = G_VALUE_INIT;
      guint generation;

      g_test_message ("setting %s", cases[i].property);
      if (cases[i].type == G_TYPE_DOUBLE)
        {
          g_value_init (&value, G_TYPE_DOUBLE);
          g_value_set_double (&value, cases[i].number);
        }
      else if (cases[i].type == G_TYPE_ENUM)
        {
          g_value_init (&value, AXON_TYPE_PLOT_LAYOUT);
          g_value_set_enum (&value, (int) cases[i].number);
        }
      else if (cases[i].type == G_TYPE_INT)
        {
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, (int) cases[i].number);
        }
      else
        {
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, cases[i].flag);
        }

      notify_log_clear (&log);
      generation = axon_plot_view_get_generation (view);
      g_object_set_property (G_OBJECT (view), cases[i].property, &value);
      g_assert_cmpuint (notify_count (&log, cases[i].property), ==, 1);
      g_assert_cmpuint (log.total, ==, 1);
      g_assert_cmpuint (axon_plot_view_get_generation (view), ==, generation + 1);

      /* The same value again: no notification, no redraw. */
      notify_log_clear (&log);
      g_object_set_property (G_OBJECT (view), cases[i].property, &value);
      g_assert_cmpuint (log.total, ==, 0);
      g_assert_cmpuint (axon_plot_view_get_generation (view), ==, generation + 1);
      g_value_unset (&value);
    }

  /* Both ends at once: one notification each. */
  notify_log_clear (&log);
  axon_plot_view_set_x_range (view, -1, 1);
  g_assert_cmpuint (notify_count (&log, "x-min"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "x-max"), ==, 1);
  g_assert_cmpuint (log.total, ==, 2);

  /* Auto-fit off, then a fixed range: y-auto once, then y-min once. */
  axon_plot_view_set_y_auto (view, FALSE);
  notify_log_clear (&log);
  axon_plot_view_set_y_auto (view, FALSE);
  g_assert_cmpuint (log.total, ==, 0);
  axon_plot_view_set_y_range (view, AXON_PLOT_PANE_FUNCTION, -4, 9);
  axon_plot_view_set_y_range (view, AXON_PLOT_PANE_FUNCTION, -3, 9);
  g_assert_cmpuint (notify_count (&log, "y-min"), ==, 2);
  g_assert_cmpuint (notify_count (&log, "y-max"), ==, 1);
  notify_log_clear (&log);
  axon_plot_view_set_y_auto (view, TRUE);
  g_assert_cmpuint (notify_count (&log, "y-auto"), ==, 1);
  g_assert_cmpuint (log.total, ==, 1);

  /* NaN is refused by the setter; the range stays. */
  g_test_expect_message ("Axon", G_LOG_LEVEL_CRITICAL, "*isnan*");
  axon_plot_view_set_x_min (view, NAN);
  g_test_assert_expected_messages ();
  g_assert_cmpfloat (axon_plot_view_get_x_min (view), ==, -1);

  g_signal_handlers_disconnect_by_data (view, &log);
  g_hash_table_unref (log.counts);
}

static void
test_select_adds_series (void)
{
  AxonWindow *window;
  AxonExplorePage *page;
  AxonActivationPicker *picker;
  AxonPlotView *view;
  AxonCurve *curve;
  guint generation;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  page = axon_window_get_explore_page (window);
  picker = axon_explore_page_get_picker (page);
  view = axon_explore_page_get_plot_view (page);

  /* The default selection from the schema. */
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, 3);
  axon_activation_picker_clear (picker);
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, 0);

  generation = axon_plot_view_get_generation (view);
  curve = axon_activation_picker_set_selected (picker, activation ("mish"), TRUE);
  g_assert_nonnull (curve);
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, 1);
  g_assert_true (axon_plot_view_get_series (view, 0)->activation == activation ("mish"));
  g_assert_true (axon_plot_view_get_series (view, 0)->visible);
  g_assert_cmpuint (axon_plot_view_get_generation (view), >, generation);
  /* The first choice takes the focus and the first colour. */
  g_assert_true (axon_activation_picker_get_focused (picker) == curve);
  g_assert_cmpint (axon_plot_view_get_focus (view), ==, 0);
  g_assert_cmpuint (axon_curve_get_colour (curve), ==, 0);

  curve = axon_activation_picker_set_selected (picker, activation ("elu"), TRUE);
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, 2);
  g_assert_cmpuint (axon_plot_view_get_series (view, 1)->colour, ==, 1);

  /* Hiding keeps the series but stops drawing it. */
  axon_curve_set_visible (curve, FALSE);
  g_assert_false (axon_plot_view_get_series (view, 1)->visible);

  /* Deselecting removes it, and the freed colour is reused. */
  axon_activation_picker_set_selected (picker, activation ("mish"), FALSE);
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, 1);
  g_assert_true (axon_plot_view_get_series (view, 0)->activation == activation ("elu"));
  curve = axon_activation_picker_set_selected (picker, activation ("tanh"), TRUE);
  g_assert_cmpuint (axon_curve_get_colour (curve), ==, 0);

  /* The palette has 8 colours: a ninth choice is refused. */
  axon_activation_picker_clear (picker);
  for (guint i = 0; i < AXON_PICKER_MAX_SELECTED; i++)
    g_assert_nonnull (axon_activation_picker_set_selected (picker, axon_activation_get (i),
                                                           TRUE));
  g_assert_null (axon_activation_picker_set_selected (picker,
                                                      axon_activation_get (
                                                        AXON_PICKER_MAX_SELECTED),
                                                      TRUE));
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, AXON_PICKER_MAX_SELECTED);
  wait_for_frame (view);

  close_window (window);
}

static void
test_param_change_redraws (void)
{
  AxonWindow *window;
  AxonExplorePage *page;
  AxonActivationPicker *picker;
  AxonPlotView *view;
  AxonParamPanel *panel;
  AxonCurve *curve;
  GtkAdjustment *adjustment;
  NotifyLog log = { g_hash_table_new (g_str_hash, g_str_equal), 0 };
  guint generation;
  AxonParams before;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  page = axon_window_get_explore_page (window);
  picker = axon_explore_page_get_picker (page);
  view = axon_explore_page_get_plot_view (page);
  panel = AXON_PARAM_PANEL (axon_test_find_descendant (GTK_WIDGET (page),
                                                       AXON_TYPE_PARAM_PANEL, 0));
  g_assert_nonnull (panel);

  axon_activation_picker_clear (picker);
  curve = axon_activation_picker_set_selected (picker, activation ("relu"), TRUE);
  curve = axon_activation_picker_set_selected (picker, activation ("leaky_relu"), TRUE);
  axon_activation_picker_set_focused (picker, curve);
  g_assert_true (axon_param_panel_get_curve (panel) == curve);
  adjustment = axon_param_panel_get_adjustment (panel, 0);
  g_assert_nonnull (adjustment);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.01);
  g_assert_null (axon_param_panel_get_adjustment (panel, 1));
  wait_for_frame (view);

  g_signal_connect (curve, "notify", G_CALLBACK (on_notify), &log);
  generation = axon_plot_view_get_generation (view);
  gtk_adjustment_set_value (adjustment, 0.2);
  g_assert_cmpuint (notify_count (&log, "params"), ==, 1);
  g_assert_cmpuint (log.total, ==, 1);
  g_assert_cmpuint (axon_plot_view_get_generation (view), ==, generation + 1);
  g_assert_cmpfloat (axon_plot_view_get_series (view, 1)->params.v[0], ==, 0.2);
  g_assert_cmpfloat (axon_curve_get_params (curve)->v[0], ==, 0.2);
  wait_for_frame (view);

  /* The same value: nothing. */
  notify_log_clear (&log);
  gtk_adjustment_set_value (adjustment, 0.2);
  g_assert_cmpuint (log.total, ==, 0);
  g_assert_cmpuint (axon_plot_view_get_generation (view), ==, generation + 1);
  g_signal_handlers_disconnect_by_data (curve, &log);

  /* A cross-parameter rule: rrelu's lower may not pass upper; the curve keeps its values. */
  curve = axon_activation_picker_set_selected (picker, activation ("rrelu"), TRUE);
  axon_activation_picker_set_focused (picker, curve);
  before = *axon_curve_get_params (curve);
  notify_log_clear (&log);
  g_signal_connect (curve, "notify", G_CALLBACK (on_notify), &log);
  generation = axon_plot_view_get_generation (view);
  gtk_adjustment_set_value (axon_param_panel_get_adjustment (panel, 0), before.v[1] + 0.1);
  g_assert_cmpuint (log.total, ==, 0);
  g_assert_cmpuint (axon_plot_view_get_generation (view), ==, generation);
  g_assert_cmpfloat (axon_curve_get_params (curve)->v[0], ==, before.v[0]);
  g_assert_cmpfloat (gtk_adjustment_get_value (axon_param_panel_get_adjustment (panel, 0)), ==,
                     before.v[0]);
  g_signal_handlers_disconnect_by_data (curve, &log);

  g_hash_table_unref (log.counts);
  close_window (window);
}

static void
test_search_aliases (void)
{
  static const struct
  {
    const char *search;
    const char *shown;  /* must match */
    const char *hidden; /* must not match, or NULL */
  } cases[] = {
    { "silu", "swish", "relu" },
    { "SiLU", "swish", "gelu" },
    { "LeakyRelu", "leaky_relu", "relu" },
    { "leaky relu", "leaky_relu", "elu" },
    { "bert-gelu", "gelu_tanh", "gelu" },
    { "hardswish", "hard_swish", "swish" },
    { "logistic", "sigmoid", "tanh" },
    { "siren", "sin", "cos" },
    { "", "relu", NULL },
  };
  AxonActivationPicker *picker;
  g_autoptr (GtkWidget) holder = NULL;

  AXON_TEST_REQUIRE_DISPLAY ();
  picker = AXON_ACTIVATION_PICKER (axon_activation_picker_new ());
  holder = g_object_ref_sink (GTK_WIDGET (picker));

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("search “%s”", cases[i].search);
      axon_activation_picker_set_search_text (picker, cases[i].search);
      g_assert_true (axon_activation_picker_is_shown (picker, activation (cases[i].shown)));
      if (cases[i].hidden != NULL)
        g_assert_false (axon_activation_picker_is_shown (picker,
                                                         activation (cases[i].hidden)));
    }

  axon_activation_picker_set_search_text (picker, "no-such-activation");
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    g_assert_false (axon_activation_picker_is_shown (picker, axon_activation_get (i)));
  axon_activation_picker_set_search_text (picker, "");
  for (guint i = 0; i < AXON_N_ACTIVATIONS; i++)
    g_assert_true (axon_activation_picker_is_shown (picker, axon_activation_get (i)));
}

static void
test_range_entries (void)
{
  static const struct
  {
    guint entry; /* 0: x-min, 1: x-max */
    const char *text;
    gboolean accepted;
    double x_min, x_max; /* the range afterwards */
  } cases[] = {
    { 0, "-2", TRUE, -2, 5 },
    { 1, "8.5", TRUE, -2, 8.5 },
    { 0, "abc", FALSE, -2, 8.5 },
    { 0, "9", FALSE, -2, 8.5 },   /* not below the right end */
    { 1, "-3", FALSE, -2, 8.5 },  /* not above the left end */
    { 1, "inf", FALSE, -2, 8.5 }, /* not finite */
    { 0, "", FALSE, -2, 8.5 },
    { 0, "−1,5", TRUE, -1.5, 8.5 }, /* typographic minus and decimal comma */
    { 1, " 4 ", TRUE, -1.5, 4 },
  };
  AxonWindow *window;
  AxonExplorePage *page;
  AxonPlotView *view;
  GtkWidget *entries[2];

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  page = axon_window_get_explore_page (window);
  view = axon_explore_page_get_plot_view (page);
  /* The page's only GtkEntry widgets are the two ends of the range. */
  entries[0] = axon_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_ENTRY, 0);
  entries[1] = axon_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_ENTRY, 1);
  g_assert_nonnull (entries[0]);
  g_assert_nonnull (entries[1]);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries[0])), ==, "-5");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *entry = entries[cases[i].entry];

      g_test_message ("entry %u: “%s”", cases[i].entry, cases[i].text);
      gtk_editable_set_text (GTK_EDITABLE (entry), cases[i].text);
      g_assert_false (gtk_widget_has_css_class (entry, "error"));
      g_signal_emit_by_name (entry, "activate");
      g_assert_cmpint (gtk_widget_has_css_class (entry, "error"), ==, !cases[i].accepted);
      g_assert_cmpfloat (axon_plot_view_get_x_min (view), ==, cases[i].x_min);
      g_assert_cmpfloat (axon_plot_view_get_x_max (view), ==, cases[i].x_max);
    }

  /* The view's own changes (zoom, reset) show in the entries. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-view", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries[0])), ==, "-5");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entries[1])), ==, "5");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat (axon_plot_view_get_x_max (view) - axon_plot_view_get_x_min (view), <, 10);
  g_assert_cmpfloat (axon_plot_view_get_x_min (view) + axon_plot_view_get_x_max (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-view", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat (axon_plot_view_get_x_max (view) - axon_plot_view_get_x_min (view), >, 10);

  close_window (window);
}

static void
test_properties_sheet (void)
{
  AxonWindow *window;
  AxonExplorePage *page;
  AxonActivationPicker *picker;
  AxonPropertiesPanel *panel;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  page = axon_window_get_explore_page (window);
  picker = axon_explore_page_get_picker (page);
  panel = AXON_PROPERTIES_PANEL (axon_test_find_descendant (GTK_WIDGET (page),
                                                            AXON_TYPE_PROPERTIES_PANEL, 0));
  g_assert_nonnull (panel);

  axon_activation_picker_clear (picker);
  g_assert_null (axon_properties_panel_get_curve (panel));

  axon_activation_picker_set_selected (picker, activation ("relu"), TRUE);
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "monotonic"), ==, "Yes");
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "dead-zone"), ==, "Yes");
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "range"), ==, "0 to ∞");

  axon_activation_picker_set_focused (picker, axon_activation_picker_set_selected (
                                                picker, activation ("tanh"), TRUE));
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "range"), ==, "−1 to 1");
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "dead-zone"), ==, "No");
  g_assert_true (g_str_has_prefix (axon_properties_panel_get_value_text (panel, "symmetry"),
                                   "Odd"));
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "saturating"), ==,
                   "Both sides");
  g_assert_cmpstr (axon_properties_panel_get_value_text (panel, "identity"), ==, "Yes");

  /* Deselecting the focused curve moves the sheet to the other one. */
  axon_activation_picker_set_selected (picker, activation ("tanh"), FALSE);
  g_assert_true (axon_curve_get_activation (axon_properties_panel_get_curve (panel))
                 == activation ("relu"));

  close_window (window);
}

static void
test_export (void)
{
  static const struct
  {
    const char *format; /* export-format nick */
    const char *file;
    const char *magic;
    gsize magic_length;
  } cases[] = {
    { "png", "plot.png", "\x89PNG\r\n\x1a\n", 8 },
    { "svg", "plot.svg", "<?xml", 5 },
    { "pdf", "plot.pdf", "%PDF", 4 },
    { "csv", "plot.csv", "x,", 2 },
  };
  GSettings *settings = axon_application_get_settings (app);
  g_autofree char *dir = NULL;
  AxonWindow *window;
  g_autoptr (GError) error = NULL;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  dir = axon_test_make_tmp_dir ("axon-test-window-XXXXXX");
  window = open_window ();

  g_settings_set_int (settings, "export-width", 400);
  g_settings_set_int (settings, "export-height", 300);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].file, NULL);
      AxonExportDialog *dialog;

      g_settings_set_string (settings, "export-format", cases[i].format);
      dialog = axon_export_dialog_new (GTK_WINDOW (window),
                                       axon_window_get_explore_page (window), settings);
      g_assert_true (axon_export_dialog_export_to (dialog, path, &error));
      g_assert_no_error (error);
      g_assert_true (axon_test_file_starts_with (path, cases[i].magic, cases[i].magic_length));
      if (g_str_equal (cases[i].format, "csv"))
        {
          g_autofree char *csv = NULL;

          g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
          /* The default selection's curves, f and f' each. */
          g_assert_nonnull (strstr (csv, "gelu"));
          g_assert_nonnull (strstr (csv, "swish"));
        }
      g_unlink (path);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* A folder that does not exist: an error, and nothing written. */
  {
    g_autofree char *path = g_build_filename (dir, "missing", "plot.png", NULL);
    AxonExportDialog *dialog;

    g_settings_set_string (settings, "export-format", "png");
    dialog = axon_export_dialog_new (GTK_WINDOW (window), axon_window_get_explore_page (window),
                                     settings);
    g_assert_false (axon_export_dialog_export_to (dialog, path, &error));
    g_assert_nonnull (error);
    g_assert_null (strchr (error->message, '\n'));
    g_clear_error (&error);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  g_rmdir (dir);
  close_window (window);
}

static void
test_presentation (void)
{
  GSettings *settings = axon_application_get_settings (app);
  AxonWindow *window;
  AxonPlotView *view;
  AxonStyle normal, presentation;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  view = axon_explore_page_get_plot_view (axon_window_get_explore_page (window));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  axon_plot_view_get_style (view, &normal);

  /* The action is the setting: F5 flips both. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", NULL);
  g_assert_true (g_settings_get_boolean (settings, "presentation"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_true (axon_plot_view_get_presentation (view));
  axon_plot_view_get_style (view, &presentation);
  g_assert_cmpfloat (axon_style_font_px (&presentation), >, axon_style_font_px (&normal));
  g_assert_cmpfloat (presentation.line_width, >, normal.line_width);
  wait_for_frame (view);

  g_action_group_activate_action (G_ACTION_GROUP (app), "presentation", NULL);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "presentation"));
  g_assert_false (axon_plot_view_get_presentation (view));

  close_window (window);
}

static void
test_settings_round_trip (void)
{
  AxonWindow *window;
  AxonExplorePage *page;
  AxonActivationPicker *picker;
  AxonPlotView *view;
  AxonCurve *curve;
  GListModel *selection;
  double min, max;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();

  window = open_window ();
  page = axon_window_get_explore_page (window);
  picker = axon_explore_page_get_picker (page);
  view = axon_explore_page_get_plot_view (page);
  axon_activation_picker_clear (picker);
  curve = axon_activation_picker_set_selected (picker, activation ("elu"), TRUE);
  axon_curve_set_param (curve, 0, 0.5);
  curve = axon_activation_picker_set_selected (picker, activation ("hard_sigmoid"), TRUE);
  axon_curve_set_param (curve, 0, 0.2);
  axon_curve_set_visible (curve, FALSE);
  axon_activation_picker_set_selected (picker, activation ("softsign"), TRUE);
  axon_activation_picker_set_focused (picker, curve);
  axon_plot_view_set_x_range (view, -2, 3);
  axon_plot_view_set_layout (view, AXON_PLOT_LAYOUT_OVERLAID);
  axon_plot_view_set_shade_dead_zone (view, TRUE);
  axon_plot_view_set_y_auto (view, FALSE);
  axon_plot_view_set_y_range (view, AXON_PLOT_PANE_FUNCTION, -1, 2);
  axon_plot_view_set_y_range (view, AXON_PLOT_PANE_DERIVATIVE, -0.25, 1.25);
  close_window (window); /* saves */

  window = open_window ();
  page = axon_window_get_explore_page (window);
  picker = axon_explore_page_get_picker (page);
  view = axon_explore_page_get_plot_view (page);
  selection = axon_activation_picker_get_selection (picker);
  g_assert_cmpuint (g_list_model_get_n_items (selection), ==, 3);
  {
    g_autoptr (AxonCurve) elu = g_list_model_get_item (selection, 0);
    g_autoptr (AxonCurve) hard_sigmoid = g_list_model_get_item (selection, 1);
    g_autoptr (AxonCurve) softsign = g_list_model_get_item (selection, 2);

    g_assert_true (axon_curve_get_activation (elu) == activation ("elu"));
    g_assert_cmpfloat (axon_curve_get_params (elu)->v[0], ==, 0.5);
    g_assert_true (axon_curve_get_visible (elu));
    g_assert_true (axon_curve_get_activation (hard_sigmoid) == activation ("hard_sigmoid"));
    g_assert_cmpfloat (axon_curve_get_params (hard_sigmoid)->v[0], ==, 0.2);
    g_assert_cmpfloat (axon_curve_get_params (hard_sigmoid)->v[1], ==,
                       activation ("hard_sigmoid")->params[1].default_value);
    g_assert_false (axon_curve_get_visible (hard_sigmoid));
    g_assert_true (axon_curve_get_activation (softsign) == activation ("softsign"));
    g_assert_true (axon_activation_picker_get_focused (picker) == hard_sigmoid);
  }
  g_assert_cmpuint (axon_plot_view_get_n_series (view), ==, 3);
  g_assert_false (axon_plot_view_get_series (view, 1)->visible);
  g_assert_cmpfloat (axon_plot_view_get_series (view, 1)->params.v[0], ==, 0.2);
  g_assert_cmpfloat (axon_plot_view_get_x_min (view), ==, -2);
  g_assert_cmpfloat (axon_plot_view_get_x_max (view), ==, 3);
  g_assert_cmpint (axon_plot_view_get_layout (view), ==, AXON_PLOT_LAYOUT_OVERLAID);
  g_assert_true (axon_plot_view_get_shade_dead_zone (view));
  g_assert_false (axon_plot_view_get_shade_saturation (view));
  g_assert_false (axon_plot_view_get_y_auto (view));
  axon_plot_view_get_y_range (view, AXON_PLOT_PANE_FUNCTION, &min, &max);
  g_assert_cmpfloat (min, ==, -1);
  g_assert_cmpfloat (max, ==, 2);
  axon_plot_view_get_y_range (view, AXON_PLOT_PANE_DERIVATIVE, &min, &max);
  g_assert_cmpfloat (min, ==, -0.25);
  g_assert_cmpfloat (max, ==, 1.25);

  /* Unknown names and wrong parameter counts in the settings are skipped, not fatal. */
  close_window (window);
  g_settings_set_value (axon_application_get_settings (app), "selection",
                        g_variant_new_parsed ("[('no_such_thing', @ad [], true), "
                                              "('elu', [1.0, 2.0], true), "
                                              "('leaky_relu', [99.0], true)]"));
  g_test_expect_message ("Axon", G_LOG_LEVEL_WARNING, "*no_such_thing*");
  window = open_window ();
  g_test_assert_expected_messages ();
  picker = axon_explore_page_get_picker (axon_window_get_explore_page (window));
  selection = axon_activation_picker_get_selection (picker);
  g_assert_cmpuint (g_list_model_get_n_items (selection), ==, 2);
  {
    g_autoptr (AxonCurve) elu = g_list_model_get_item (selection, 0);
    g_autoptr (AxonCurve) leaky = g_list_model_get_item (selection, 1);

    g_assert_cmpfloat (axon_curve_get_params (elu)->v[0], ==, 1.0);    /* default */
    g_assert_cmpfloat (axon_curve_get_params (leaky)->v[0], ==, 0.01); /* 99 out of range */
  }
  close_window (window);
}

static void
test_framework_presets (void)
{
  AxonWindow *window;
  AxonExplorePage *page;
  AxonActivationPicker *picker;
  AdwComboRow *preset_row;
  AxonCurve *leaky, *hard_sigmoid, *sine;
  g_autofree char *preset = NULL;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  page = axon_window_get_explore_page (window);
  picker = axon_explore_page_get_picker (page);
  /* The page's first combo row is the framework preset. */
  preset_row = ADW_COMBO_ROW (axon_test_find_descendant (GTK_WIDGET (page),
                                                         ADW_TYPE_COMBO_ROW, 0));
  g_assert_nonnull (preset_row);
  g_assert_cmpuint (adw_combo_row_get_selected (preset_row), ==, AXON_FRAMEWORK_PYTORCH);

  axon_activation_picker_clear (picker);
  leaky = axon_activation_picker_set_selected (picker, activation ("leaky_relu"), TRUE);
  hard_sigmoid = axon_activation_picker_set_selected (picker, activation ("hard_sigmoid"), TRUE);
  g_assert_cmpfloat (axon_curve_get_params (leaky)->v[0], ==, 0.01);

  /* Keras 2: every chosen curve switches at once. */
  adw_combo_row_set_selected (preset_row, AXON_FRAMEWORK_KERAS2);
  g_assert_cmpfloat (axon_curve_get_params (leaky)->v[0], ==, 0.3);
  g_assert_cmpfloat (axon_curve_get_params (hard_sigmoid)->v[0], ==, 0.2);
  g_assert_cmpfloat (axon_curve_get_params (hard_sigmoid)->v[1], ==, 0.5);

  /* A curve chosen afterwards starts at the same framework's values. */
  sine = axon_activation_picker_set_selected (picker, activation ("sin"), TRUE);
  g_assert_cmpfloat (axon_curve_get_params (sine)->v[0], ==, 1);
  adw_combo_row_set_selected (preset_row, AXON_FRAMEWORK_TRIDENT);
  g_assert_cmpfloat (axon_curve_get_params (leaky)->v[0], ==, 0.2);
  g_assert_cmpfloat (axon_curve_get_params (sine)->v[0], ==, 30);
  g_assert_cmpfloat (axon_curve_get_params (hard_sigmoid)->v[0], ==, 1.0 / 6);
  axon_activation_picker_set_selected (picker, activation ("leaky_relu"), FALSE);
  leaky = axon_activation_picker_set_selected (picker, activation ("leaky_relu"), TRUE);
  g_assert_cmpfloat (axon_curve_get_params (leaky)->v[0], ==, 0.2);

  /* The choice is kept with the window state. */
  close_window (window);
  preset = g_settings_get_string (axon_application_get_settings (app), "preset");
  g_assert_cmpstr (preset, ==, "trident");
  window = open_window ();
  page = axon_window_get_explore_page (window);
  preset_row = ADW_COMBO_ROW (axon_test_find_descendant (GTK_WIDGET (page),
                                                         ADW_TYPE_COMBO_ROW, 0));
  g_assert_cmpuint (adw_combo_row_get_selected (preset_row), ==, AXON_FRAMEWORK_TRIDENT);
  close_window (window);
}

/* Pages, actions, runs */

#define FIXTURE_RUN AXON_TEST_DATA "/tensorboard/pytorch-summarywriter"

static gboolean
strv_has (char      **strv,
          const char *s)
{
  return strv != NULL && g_strv_contains ((const char *const *) strv, s);
}

/* The fixture's histogram tags (tests/data/tensorboard/pytorch-summarywriter.expected.json)
 * are offered by the page, and the window shows that page. */
static void
assert_shows_fixture (AxonWindow *window)
{
  AxonDistributionPage *page = axon_window_get_distribution_page (window);
  g_auto (GStrv) tags = axon_distribution_page_dup_tags (page);

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (axon_window_get_stack (window)), ==,
                   AXON_WINDOW_PAGE_DISTRIBUTIONS);
  g_assert_nonnull (axon_distribution_page_get_run (page));
  g_assert_true (strv_has (tags, "weights/0.weight"));
  g_assert_true (strv_has (tags, "gradients/0.weight"));
  g_assert_null (axon_distribution_page_get_error (page));
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) child = g_menu_link_iter_get_value (links);

          if (menu_has_action (child, action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_pages (void)
{
  static const struct
  {
    const char *name;
    const char *icon;
    GType (*get_type) (void);
  } pages[] = {
    { AXON_WINDOW_PAGE_EXPLORE, "axon-explore-symbolic", axon_explore_page_get_type },
    { AXON_WINDOW_PAGE_DISTRIBUTIONS, "axon-distributions-symbolic",
      axon_distribution_page_get_type },
    { AXON_WINDOW_PAGE_COMPARE, "axon-compare-symbolic", axon_compare_page_get_type },
  };
  GSettings *settings = axon_application_get_settings (app);
  GtkIconTheme *theme;
  AxonWindow *window;
  AdwViewStack *stack;
  g_autoptr (GtkSelectionModel) model = NULL;
  g_autofree char *saved = NULL;
  GAction *export;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  stack = axon_window_get_stack (window);
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window)));

  /* Three pages, in switcher order, each with a title and an icon from the resource. */
  model = adw_view_stack_get_pages (stack);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, G_N_ELEMENTS (pages));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (adw_view_stack_page_get_name (page), ==, pages[i].name);
      g_assert_nonnull (adw_view_stack_page_get_title (page));
      g_assert_cmpstr (adw_view_stack_page_get_icon_name (page), ==, pages[i].icon);
      g_assert_true (gtk_icon_theme_has_icon (theme, pages[i].icon));
      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (adw_view_stack_page_get_child (page),
                                                 pages[i].get_type ()));
    }
  g_assert_true (GTK_WIDGET (axon_window_get_distribution_page (window))
                 == adw_view_stack_get_child_by_name (stack, AXON_WINDOW_PAGE_DISTRIBUTIONS));
  g_assert_true (GTK_WIDGET (axon_window_get_compare_page (window))
                 == adw_view_stack_get_child_by_name (stack, AXON_WINDOW_PAGE_COMPARE));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, AXON_WINDOW_PAGE_EXPLORE);

  /* Switching: the page shows, the setting follows at once, export follows the page. */
  export = g_action_map_lookup_action (G_ACTION_MAP (window), "export");
  for (guint i = G_N_ELEMENTS (pages); i-- > 0;)
    {
      g_autofree char *key = NULL;

      g_assert_true (axon_window_show_page (window, pages[i].name));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i].name);
      key = g_settings_get_string (settings, "visible-page");
      g_assert_cmpstr (key, ==, pages[i].name);
      g_assert_cmpint (g_action_get_enabled (export), ==,
                       !g_str_equal (pages[i].name, AXON_WINDOW_PAGE_COMPARE));
    }
  g_assert_false (axon_window_show_page (window, "no-such-page"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, AXON_WINDOW_PAGE_EXPLORE);

  /* The page shown when the window closes is the one it opens on. */
  axon_window_show_page (window, AXON_WINDOW_PAGE_COMPARE);
  close_window (window);
  saved = g_settings_get_string (settings, "visible-page");
  g_assert_cmpstr (saved, ==, AXON_WINDOW_PAGE_COMPARE);
  window = axon_window_new (app);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (axon_window_get_stack (window)), ==,
                   AXON_WINDOW_PAGE_COMPARE);
  /* An unknown name in the settings (a page removed since) falls back to the first. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "visible-page", "no-such-page");
  window = axon_window_new (app);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (axon_window_get_stack (window)), ==,
                   AXON_WINDOW_PAGE_EXPLORE);
  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

static AxonTrainDialog *
find_train_dialog (AxonWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* not ours */
  AxonTrainDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (AXON_IS_TRAIN_DIALOG (toplevel)
          && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window))
        {
          g_assert_null (found);
          found = AXON_TRAIN_DIALOG (toplevel);
        }
    }
  return found;
}

static void
test_train_action (void)
{
  AxonWindow *window;
  AxonTrainDialog *dialog;
  g_autoptr (GError) error = NULL;
  g_autoptr (AxonRun) run = NULL;
  g_auto (GStrv) accels = NULL;
  g_autoptr (GtkBuilder) builder = NULL;
  GtkMenuButton *menu_button;
  gboolean in_overlay = FALSE;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();

  /* Ctrl+T, the primary menu and the shortcuts window all know win.train. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.train");
  g_assert_true (strv_has (accels, "<Control>t"));
  menu_button = GTK_MENU_BUTTON (axon_test_find_descendant (GTK_WIDGET (window),
                                                            GTK_TYPE_MENU_BUTTON, 0));
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.train"));
  builder = gtk_builder_new_from_resource ("/io/github/axonviz/Axon/gtk/help-overlay.ui");
  {
    g_autoptr (GPtrArray) shortcuts = g_ptr_array_new ();

    axon_test_collect_descendants (GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay")),
                                   GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
    for (guint i = 0; i < shortcuts->len; i++)
      {
        g_autofree char *action = NULL;

        g_object_get (shortcuts->pdata[i], "action-name", &action, NULL);
        in_overlay = in_overlay || g_strcmp0 (action, "win.train") == 0;
      }
    gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  }
  g_assert_true (in_overlay);

  /* The action presents a train dialog over the window. */
  g_assert_null (find_train_dialog (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "train", NULL);
  dialog = find_train_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_false (axon_train_dialog_get_running (dialog));

  /* A finished training shows its run in the Distributions page. */
  run = axon_run_load (FIXTURE_RUN, &error);
  g_assert_no_error (error);
  g_signal_emit_by_name (dialog, "finished", run);
  g_assert_true (axon_distribution_page_get_run (axon_window_get_distribution_page (window))
                 == run);
  assert_shows_fixture (window);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_window (window);
}

/* `axon --open RUN` goes through handle-local-options and GApplication's open; `axon RUN`
 * through open alone. Both land on the Distributions page with the run. */
static void
test_open_run (void)
{
  g_autoptr (GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr (GFile) missing = g_file_new_for_path (AXON_TEST_DATA "/no-such-run");
  AxonWindow *window;
  AxonDistributionPage *page;
  AxonRun *shown;
  int status = 0;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_variant_dict_insert (options, "open", "^ay", FIXTURE_RUN);
  g_signal_emit_by_name (app, "handle-local-options", options, &status);
  g_assert_cmpint (status, ==, -1); /* carries on to activation */
  window = AXON_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_true (AXON_IS_WINDOW (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  assert_shows_fixture (window);
  page = axon_window_get_distribution_page (window);
  shown = axon_distribution_page_get_run (page);

  /* Activation (what follows --open) keeps the window and the run. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app))
                 == GTK_WINDOW (window));
  assert_shows_fixture (window);

  /* A bad path: one line in the page, the window and the run shown before stay. */
  axon_window_show_page (window, AXON_WINDOW_PAGE_EXPLORE);
  g_application_open (G_APPLICATION (app), &missing, 1, "");
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app))
                 == GTK_WINDOW (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (axon_window_get_stack (window)), ==,
                   AXON_WINDOW_PAGE_DISTRIBUTIONS);
  g_assert_nonnull (axon_distribution_page_get_error (page));
  g_assert_null (strchr (axon_distribution_page_get_error (page), '\n'));
  g_assert_true (axon_distribution_page_get_run (page) == shown);
  g_assert_false (axon_window_open_run (window, AXON_TEST_DATA "/no-such-run"));
  close_window (window);

  /* `axon RUN_DIR`: a new window on the page with the run. */
  {
    g_autoptr (GFile) fixture = g_file_new_for_path (FIXTURE_RUN);

    g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
    g_application_open (G_APPLICATION (app), &fixture, 1, "");
    window = AXON_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
    g_assert_nonnull (window);
    assert_shows_fixture (window);
    close_window (window);
  }
}

static void
test_compare_opens_run (void)
{
  AxonWindow *window;

  AXON_TEST_REQUIRE_DISPLAY ();
  reset_settings ();
  window = open_window ();
  axon_window_show_page (window, AXON_WINDOW_PAGE_COMPARE);
  g_signal_emit_by_name (axon_window_get_compare_page (window), "open-run", FIXTURE_RUN);
  assert_shows_fixture (window);
  close_window (window);
}

/* `axon --help` (no subcommand, no display needed) lists the subcommands too. */
static void
test_help_lists_subcommands (void)
{
  static const char *const args[] = { "--help", NULL };
  g_auto (AxonTestRun) run = { 0 };
  const char *out;

  if (g_getenv ("AXON_BINARY") == NULL)
    {
      g_test_skip ("AXON_BINARY is not set");
      return;
    }
  axon_test_run_axon (args, NULL, &run);
  g_assert_cmpint (run.status, ==, 0);
  out = run.out;
  g_assert_nonnull (strstr (out, "--open"));
  g_assert_nonnull (strstr (out, "Subcommands:"));
  for (const char *const *name = (const char *const[]) { "list", "eval", "train", "surface",
                                                          "compare", NULL };
       *name != NULL; name++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", *name);

      if (strstr (out, line) == NULL)
        g_error ("axon --help does not list “%s”:\n%s", *name, out);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (axon_test_init_gui ())
    {
      app = axon_application_new ();
      /* Tests must not find (or become) a running Axon over D-Bus. */
      g_application_set_flags (G_APPLICATION (app),
                               g_application_get_flags (G_APPLICATION (app))
                                 | G_APPLICATION_NON_UNIQUE);
      /* Xvfb in CI has no D-Bus session: GtkApplication warns about it while registering,
       * and carries on. Only that warning is let through. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      if (!g_application_register (G_APPLICATION (app), NULL, &error))
        g_error ("registering the application: %s", error->message);
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
    }

  g_test_add_func ("/axon/window/plot-view-notify", test_plot_view_notify);
  g_test_add_func ("/axon/window/select-adds-series", test_select_adds_series);
  g_test_add_func ("/axon/window/param-change-redraws", test_param_change_redraws);
  g_test_add_func ("/axon/window/framework-presets", test_framework_presets);
  g_test_add_func ("/axon/window/search-aliases", test_search_aliases);
  g_test_add_func ("/axon/window/range-entries", test_range_entries);
  g_test_add_func ("/axon/window/properties-sheet", test_properties_sheet);
  g_test_add_func ("/axon/window/export", test_export);
  g_test_add_func ("/axon/window/presentation", test_presentation);
  g_test_add_func ("/axon/window/settings-round-trip", test_settings_round_trip);
  g_test_add_func ("/axon/window/pages", test_pages);
  g_test_add_func ("/axon/window/train-action", test_train_action);
  g_test_add_func ("/axon/window/open-run", test_open_run);
  g_test_add_func ("/axon/window/compare-opens-run", test_compare_opens_run);
  g_test_add_func ("/axon/window/help-lists-subcommands", test_help_lists_subcommands);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
