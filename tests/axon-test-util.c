/* axon-test-util.c: helpers shared by the test programs (see axon-test-util.h). */
#include "axon-test-util.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

static gboolean have_display;

void
axon_test_run_clear (AxonTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
axon_test_run_axon (const char *const *args,
                    const char        *input,
                    AxonTestRun       *run)
{
  const char *binary = g_getenv ("AXON_BINARY");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Untranslated messages; numbers are C-locale whatever the locale. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) argv->pdata,
                                          &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out,
                                 &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process)
                                                     : -1;
}

char *
axon_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
axon_test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_remove (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      axon_test_remove_tree (child);
    }
  g_rmdir (path);
}

gboolean
axon_test_file_starts_with (const char *path,
                            const char *prefix,
                            gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;
  return size >= length && memcmp (contents, prefix, length) == 0;
}

void
axon_test_count_notify (GObject    *object,
                        GParamSpec *pspec,
                        guint      *count)
{
  (*count)++;
}

void
axon_test_wait_until (gboolean (*done) (gpointer data),
                      gpointer  data,
                      double    seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!done (data))
    g_test_message ("still waiting after %g s", seconds);
  g_assert_true (done (data));
}

gboolean
axon_test_flag_is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

gboolean
axon_test_init_gui (void)
{
  /* No accessibility bus under Xvfb: GTK would warn on every widget, and a warning is
   * fatal in a test. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  return have_display;
}

gboolean
axon_test_have_display (void)
{
  return have_display;
}

void
axon_test_collect_descendants (GtkWidget *root,
                               GType      type,
                               GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      axon_test_collect_descendants (child, type, found);
    }
}

GtkWidget *
axon_test_find_descendant (GtkWidget *root,
                           GType      type,
                           guint      nth)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  axon_test_collect_descendants (root, type, found);
  return nth < found->len ? g_ptr_array_index (found, nth) : NULL;
}
