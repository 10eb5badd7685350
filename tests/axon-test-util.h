/* axon-test-util.h: what several test programs need alike: running the built `axon`,
 * temporary folders and files, waiting on the main loop, and GUI set-up under Xvfb. */
#pragma once

#include <gio/gio.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* `axon` run to the end. */
typedef struct
{
  int status; /* exit status, or -1 when killed by a signal */
  char *out;
  char *err;
} AxonTestRun;

void axon_test_run_clear (AxonTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AxonTestRun, axon_test_run_clear)

/* Runs `$AXON_BINARY args...` with input on stdin (may be NULL), untranslated and without
 * a display, and collects everything. */
void axon_test_run_axon (const char *const *args,
                         const char        *input,
                         AxonTestRun       *run);

/* A new empty folder in the temporary directory, from a g_dir_make_tmp() template. */
char *axon_test_make_tmp_dir (const char *tmpl);
/* Deletes path: a file, or a folder with everything in it. */
void axon_test_remove_tree (const char *path);
gboolean axon_test_file_starts_with (const char *path,
                                     const char *prefix,
                                     gsize       length);

/* A "notify" handler counting into a guint. */
void axon_test_count_notify (GObject    *object,
                             GParamSpec *pspec,
                             guint      *count);

/* Iterates the main loop until done (data) or seconds pass (a guard against hanging, not
 * a timing assertion), and asserts that it is done. */
void axon_test_wait_until (gboolean (*done) (gpointer data),
                           gpointer  data,
                           double    seconds);
/* A done for axon_test_wait_until: *(gboolean *) flag. */
gboolean axon_test_flag_is_set (gpointer flag);

/* GUI tests: GTK and libadwaita initialised, if there is a display (after g_test_init).
 * Returns whether there is one. */
gboolean axon_test_init_gui (void);
gboolean axon_test_have_display (void);
/* The widgets of type below root (root itself not counted), depth first in child order:
 * all of them added to found, or the nth (NULL if there are fewer). */
void axon_test_collect_descendants (GtkWidget *root,
                                    GType      type,
                                    GPtrArray *found);
GtkWidget *axon_test_find_descendant (GtkWidget *root,
                                      GType      type,
                                      guint      nth);

/* Skips the current test case when there is no display. */
#define AXON_TEST_REQUIRE_DISPLAY()                                                        \
  G_STMT_START                                                                             \
  {                                                                                        \
    if (!axon_test_have_display ())                                                        \
      {                                                                                    \
        g_test_skip ("no display");                                                        \
        return;                                                                            \
      }                                                                                    \
  }                                                                                        \
  G_STMT_END

G_END_DECLS
