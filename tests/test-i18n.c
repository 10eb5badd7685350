/* test-i18n.c: the translations: valid catalogues, complete for the current sources, built
 * into the .mo files the binary reads, and really looked up by `axon` at run time. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

/* The classroom languages; each must be in po/LINGUAS and fully translated. */
typedef struct
{
  const char *code;
  gunichar    script_lo; /* a character range only that language's text uses */
  gunichar    script_hi;
} Language;

static const Language languages[] = {
  { "ru", 0x0400, 0x04FF },    /* Cyrillic */
  { "zh_CN", 0x4E00, 0x9FFF }, /* CJK unified ideographs */
};

/* xgettext arguments of meson's i18n 'glib' preset (po/meson.build), so the test sees the
 * same messages as `ninja axon-pot`. */
static const char *const xgettext_args[] = {
  "--from-code=UTF-8", "--add-comments", "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2",
  "--keyword=NC_:1c,2", "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3",
  "--keyword=g_dpgettext2:2c,3", "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format",
  "--flag=NC_:2:pass-c-format", "--flag=g_dngettext:2:pass-c-format",
  "--flag=g_strdup_printf:1:c-format", "--flag=g_string_printf:2:c-format",
  "--flag=g_string_append_printf:2:c-format", "--flag=g_error_new:3:c-format",
  "--flag=g_set_error:4:c-format", "--flag=g_markup_printf_escaped:1:c-format",
  "--flag=g_log:3:c-format", "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format",
  "--flag=g_printf:1:c-format", "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format",
  "--flag=g_snprintf:3:c-format",
};

/* Fails the current test case with a message, and leaves it, so the others still run. */
#define fail_and_return(...) \
  G_STMT_START { g_test_fail_printf (__VA_ARGS__); return; } G_STMT_END

static char *
source_root (void)
{
  return g_canonicalize_filename (g_test_get_filename (G_TEST_DIST, "..", NULL), NULL);
}

static char *
po_file (const Language *language)
{
  g_autofree char *name = g_strconcat (language->code, ".po", NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);
}

/* Runs argv; returns the exit status (-1 if it could not start), stdout and stderr. */
static int
run (const char *const *argv,
     char *const        *envp,
     char              **out,
     char              **err)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, (char **) envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out, err, &status, &error))
    {
      g_test_message ("cannot run %s: %s", argv[0], error->message);
      return -1;
    }
  if (g_spawn_check_wait_status (status, &error))
    return 0;
  return error->domain == G_SPAWN_EXIT_ERROR ? error->code : -1;
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    g_test_skip_printf ("%s is not installed (Debian package gettext)", name);
  return path != NULL;
}

static gboolean
has_script (const char     *text,
            const Language *language)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= language->script_lo && c <= language->script_hi)
        return TRUE;
    }
  return FALSE;
}

static void
test_linguas (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "LINGUAS", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit_set (text, "\n \t", -1);
  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *po = po_file (&languages[i]);

      if (!g_strv_contains ((const char *const *) lines, languages[i].code))
        fail_and_return ("po/LINGUAS does not list %s", languages[i].code);
      g_assert_true (g_file_test (po, G_FILE_TEST_IS_REGULAR));
    }
  /* Every listed language has its catalogue, or the build fails for everyone. */
  for (char **l = lines; *l != NULL; l++)
    {
      g_autofree char *name = NULL;
      g_autofree char *po = NULL;

      if (**l == '\0' || **l == '#')
        continue;
      name = g_strconcat (*l, ".po", NULL);
      po = g_test_build_filename (G_TEST_DIST, "..", "po", name, NULL);
      if (!g_file_test (po, G_FILE_TEST_IS_REGULAR))
        fail_and_return ("po/LINGUAS lists %s but po/%s does not exist", *l, name);
    }
}

/* msgfmt's statistics line: "N translated messages[, F fuzzy translations][, U untranslated
 * messages]." Returns N, or -1 if anything is fuzzy or untranslated. */
static int
parse_statistics (const char *text)
{
  const char *line = strstr (text, "translated message");
  const char *start = line;

  if (line == NULL)
    return -1;
  while (start > text && start[-1] != '\n')
    start--;
  {
    g_autofree char *copy = g_strndup (start, strcspn (start, "\n"));

    if (strstr (copy, "fuzzy") != NULL || strstr (copy, "untranslated") != NULL)
      {
        g_test_message ("%s", copy);
        return -1;
      }
    return (int) g_ascii_strtoll (copy, NULL, 10);
  }
}

/* Valid catalogue (header, formats %s/%d/%1$s match msgid, one mnemonic where msgid has one),
 * and every message translated, nothing fuzzy. */
static void
test_check (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *po = po_file (language);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "msgfmt", "--check", "--check-accelerators=_", "--statistics",
                         "-o", "/dev/null", po, NULL };
  int status;

  if (!have_program ("msgfmt"))
    return;
  status = run (argv, NULL, &out, &err);
  if (status != 0)
    fail_and_return ("msgfmt --check %s failed:\n%s", po, err);
  if (parse_statistics (err) <= 0)
    fail_and_return ("po/%s.po is not completely translated: %s", language->code, err);
}

/* Every message of the current sources has a translation: extract them as `ninja axon-pot`
 * does and compare. Fails when someone adds a string without translating it (run
 * `ninja axon-update-po` and translate). */
static void
test_complete (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *root = source_root ();
  g_autofree char *po = po_file (language);
  g_autofree char *potfiles = g_build_filename (root, "po", "POTFILES.in", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *pot = NULL;
  g_autofree char *dir_arg = NULL;
  g_autofree char *files_arg = NULL;
  g_autofree char *out_arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;

  if (!have_program ("xgettext") || !have_program ("msgcmp"))
    return;
  dir = g_dir_make_tmp ("axon-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  pot = g_build_filename (dir, "axon.pot", NULL);
  dir_arg = g_strconcat ("--directory=", root, NULL);
  files_arg = g_strconcat ("--files-from=", potfiles, NULL);
  out_arg = g_strconcat ("--output=", pot, NULL);
  g_ptr_array_add (argv, (gpointer) "xgettext");
  g_ptr_array_add (argv, dir_arg);
  g_ptr_array_add (argv, files_arg);
  g_ptr_array_add (argv, out_arg);
  for (gsize i = 0; i < G_N_ELEMENTS (xgettext_args); i++)
    g_ptr_array_add (argv, (gpointer) xgettext_args[i]);
  g_ptr_array_add (argv, NULL);
  if (run ((const char *const *) argv->pdata, NULL, &out, &err) != 0)
    fail_and_return ("xgettext failed:\n%s", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  {
    const char *cmp[] = { "msgcmp", po, pot, NULL };
    int status = run (cmp, NULL, &out, &err);
    g_auto (GStrv) lines = g_strsplit (err != NULL ? err : "", "\n", -1);
    g_autoptr (GString) missing = g_string_new (NULL);

    g_unlink (pot);
    g_rmdir (dir);
    /* Only what is missing matters; messages no longer used are harmless. */
    for (char **l = lines; *l != NULL; l++)
      if (strstr (*l, "this message is not used") == NULL && **l != '\0')
        g_string_append_printf (missing, "%s\n", *l);
    g_free (g_steal_pointer (&err));
    err = g_string_free (g_steal_pointer (&missing), FALSE);
    if (status != 0)
      fail_and_return ("po/%s.po lacks translations of current messages (run ninja "
                       "axon-update-po and translate them):\n%s", language->code, err);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The <tag>s and &entities; of a Pango markup string, sorted. */
static GPtrArray *
markup_tokens (const char *s)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRegex) regex = g_regex_new ("</?[a-z]+[^>]*>|&[a-z]+;", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  g_regex_match (regex, s, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (tokens, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  g_ptr_array_sort (tokens, compare_strings);
  return tokens;
}

/* What must stay untranslated: command-line option names, and Pango markup. */
static gboolean
translation_keeps (const char *msgid,
                   const char *msgstr,
                   const char *code)
{
  g_autoptr (GRegex) option = g_regex_new ("(?<![\\w-])--[a-z][a-z0-9-]*", 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GPtrArray) want = markup_tokens (msgid);
  g_autoptr (GPtrArray) got = markup_tokens (msgstr);
  gboolean same = want->len == got->len;

  g_regex_match (option, msgid, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *name = g_match_info_fetch (match, 0);

      if (strstr (msgstr, name) == NULL)
        {
          g_test_fail_printf ("%s: option %s is missing from the translation of “%s”: “%s”",
                              code, name, msgid, msgstr);
          return FALSE;
        }
      g_match_info_next (match, NULL);
    }
  for (guint i = 0; same && i < want->len; i++)
    same = g_strcmp0 (want->pdata[i], got->pdata[i]) == 0;
  if (!same)
    g_test_fail_printf ("%s: the markup of “%s” differs in “%s”", code, msgid, msgstr);
  return same;
}

static guint32
mo_word (const guint8 *data,
         gsize         offset,
         gboolean      swap)
{
  guint32 w;

  memcpy (&w, data + offset, sizeof w);
  return swap ? GUINT32_SWAP_LE_BE (w) : w;
}

/* The built catalogue the binary loads: as many messages as the .po translates (so it is
 * not stale), and for each, option names and markup kept. */
static void
test_mo (gconstpointer data)
{
  const Language *language = data;
  g_autofree char *mo = g_test_build_filename (G_TEST_BUILT, "..", "po", language->code,
                                               "LC_MESSAGES", "axon.mo", NULL);
  g_autofree char *po = po_file (language);
  g_autofree char *contents = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  const guint8 *bytes;
  gsize length = 0;
  gboolean swap;
  guint32 n, n_sysdep = 0, originals, translations;
  int translated;

  if (!g_file_get_contents (mo, &contents, &length, &error))
    fail_and_return ("%s: %s (build it with meson compile)", mo, error->message);
  bytes = (const guint8 *) contents;
  g_assert_cmpuint (length, >=, 28);
  swap = mo_word (bytes, 0, FALSE) != 0x950412de;
  g_assert_cmphex (mo_word (bytes, 0, swap), ==, 0x950412de);
  n = mo_word (bytes, 8, swap);
  originals = mo_word (bytes, 12, swap);
  translations = mo_word (bytes, 16, swap);
  g_assert_cmpuint ((gsize) originals + 8 * (gsize) n, <=, length);
  g_assert_cmpuint ((gsize) translations + 8 * (gsize) n, <=, length);
  /* Revision 0.1 adds the system-dependent messages ("step %<PRId64>"), in a table of their
   * own: msgfmt counts them among the translated ones. */
  if ((mo_word (bytes, 4, swap) & 0xffff) >= 1)
    {
      g_assert_cmpuint (length, >=, 48);
      n_sysdep = mo_word (bytes, 36, swap);
    }

  if (have_program ("msgfmt"))
    {
      const char *argv[] = { "msgfmt", "--statistics", "-o", "/dev/null", po, NULL };

      g_assert_cmpint (run (argv, NULL, NULL, &err), ==, 0);
      translated = parse_statistics (err);
      g_assert_cmpint (translated, >, 0);
      /* The header is one more entry of the .mo. */
      if ((int) (n + n_sysdep) != translated + 1)
        fail_and_return ("%s holds %u messages but po/%s.po translates %d: rebuild it", mo,
                         n + n_sysdep - 1, language->code, translated);
    }

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = mo_word (bytes, originals + 8 * i, swap);
      guint32 id_off = mo_word (bytes, originals + 8 * i + 4, swap);
      guint32 str_len = mo_word (bytes, translations + 8 * i, swap);
      guint32 str_off = mo_word (bytes, translations + 8 * i + 4, swap);
      const char *id, *id_end, *plural, *str, *eot;

      g_assert_cmpuint ((gsize) id_off + id_len, <, length);
      g_assert_cmpuint ((gsize) str_off + str_len, <, length);
      if (id_len == 0)
        continue; /* the header */
      id = contents + id_off;
      str = contents + str_off;
      id_end = id + id_len;
      /* Skip a msgctxt ("context\004msgid"). */
      if ((eot = memchr (id, '\004', id_len)) != NULL)
        id = eot + 1;
      /* Plural forms are NUL-separated: check each form against its msgid. */
      plural = id + strlen (id) + 1 < id_end ? id + strlen (id) + 1 : id;
      for (const char *form = str; form < str + str_len; form += strlen (form) + 1)
        {
          g_assert_true (g_utf8_validate (form, -1, NULL));
          if (*form == '\0')
            {
              g_test_fail_printf ("%s: an empty translation of “%s”", language->code, id);
              return;
            }
          if (!translation_keeps (form == str ? id : plural, form, language->code))
            return;
        }
    }
}

/* The environment for a translated run of the uninstalled binary. */
static char **
translated_env (const char *code)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  char **envp = g_get_environ ();

  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_unsetenv (envp, "LANG");
  if (code != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", code, TRUE);
  else
    envp = g_environ_unsetenv (envp, "LANGUAGE");
  return g_environ_setenv (envp, "AXON_LOCALEDIR", localedir, TRUE);
}

/* The real thing: `axon help` and an error of `axon eval` in the language, found through
 * AXON_LOCALEDIR (app/axon-main.c) in the build tree. */
static void
test_lookup (gconstpointer data)
{
  const Language *language = data;
  const char *binary = g_getenv ("AXON_BINARY");
  g_auto (GStrv) plain_env = translated_env (NULL);
  g_auto (GStrv) env = translated_env (language->code);
  g_autofree char *plain = NULL;
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  const char *help[] = { binary, "help", NULL };
  const char *subcommands[] = { "list", "eval", "plot", "train", "compare" };

  if (binary == NULL)
    {
      g_test_skip ("AXON_BINARY is not set (run through meson test)");
      return;
    }
  g_assert_cmpint (run (help, plain_env, &plain, NULL), ==, 0);
  g_assert_false (has_script (plain, language));
  g_assert_cmpint (run (help, env, &text, NULL), ==, 0);
  if (!has_script (text, language))
    fail_and_return ("axon help with LANGUAGE=%s is not translated:\n%s", language->code,
                     text);
  g_assert_cmpstr (text, !=, plain);
  /* Subcommand names are commands, never translated. */
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *entry = g_strdup_printf ("  %s ", subcommands[i]);

      g_assert_nonnull (strstr (plain, entry));
      g_assert_nonnull (strstr (text, entry));
    }
  g_clear_pointer (&text, g_free);

  {
    const char *eval[] = { binary, "eval", "no_such_activation", NULL };

    g_assert_cmpint (run (eval, env, &text, &err), ==, 2);
    g_assert_cmpstr (text, ==, "");
    if (!has_script (err, language))
      fail_and_return ("the axon eval error with LANGUAGE=%s is not translated: %s",
                       language->code, err);
    /* The name the user typed is quoted back untouched, on one line. */
    g_assert_nonnull (strstr (err, "no_such_activation"));
    g_assert_cmpuint (strchr (err, '\n') - err + 1, ==, strlen (err));
  }
}

/* Terminal columns of UTF-8 text from text to end: CJK characters take two. */
static int
display_width (const char *text,
               const char *end)
{
  int width = 0;

  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* The display columns where the space-separated fields of line start (starts) and end
 * (ends). */
static void
field_columns (const char *line,
               GArray     *starts,
               GArray     *ends)
{
  const char *p = line;

  g_array_set_size (starts, 0);
  g_array_set_size (ends, 0);
  while (*p != '\0')
    {
      const char *field;
      int column;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      field = p;
      while (*p != ' ' && *p != '\0')
        p++;
      column = display_width (line, field);
      g_array_append_val (starts, column);
      column = display_width (line, p);
      g_array_append_val (ends, column);
    }
}

static gboolean
array_contains (GArray *array,
                int     value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return TRUE;
  return FALSE;
}

/* The tables of `axon run show` and `axon bench kernels` stay aligned in the language:
 * printf's padding counts bytes, and a Cyrillic letter is two of them, a CJK character
 * three bytes in two columns. */
static void
test_columns (gconstpointer data)
{
  const Language *language = data;
  const char *binary = g_getenv ("AXON_BINARY");
  g_auto (GStrv) env = translated_env (language->code);
  g_autofree char *run_dir = g_build_filename (AXON_TEST_DATA, "tensorboard",
                                               "pytorch-summarywriter", NULL);
  const char *show[] = { binary, "run", "show", run_dir, NULL };
  const char *bench[] = { binary, "bench", "kernels", "--size", "1000", "--repeats", "1",
                          "--warmup", "0", "--only", "relu,gelu", NULL };
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) ends = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) header_ends = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int kind_column = -1, range_column = -1, role_column = -1, rows = 0;
  const char *header = NULL;

  if (binary == NULL)
    {
      g_test_skip ("AXON_BINARY is not set (run through meson test)");
      return;
    }
  g_assert_cmpint (run (show, env, &out, NULL), ==, 0);
  if (!has_script (out, language))
    fail_and_return ("axon run show with LANGUAGE=%s is not translated:\n%s", language->code,
                     out);
  lines = g_strsplit (out, "\n", -1);
  /* Tag rows: "  TAG  KIND  [ROLE]  N STEPS  FIRST..LAST". */
  for (char **l = lines; *l != NULL; l++)
    {
      gboolean has_role;
      int last;

      if (!g_str_has_prefix (*l, "  "))
        continue;
      has_role = g_str_has_prefix (*l + 2, "weights/") || g_str_has_prefix (*l + 2, "gradients/");
      field_columns (*l, starts, ends);
      if (starts->len < 4)
        fail_and_return ("%s: a short row in axon run show: “%s”", language->code, *l);
      last = g_array_index (starts, int, starts->len - 1);
      if (kind_column < 0)
        kind_column = g_array_index (starts, int, 1);
      if (range_column < 0)
        range_column = last;
      /* Histograms of weights and gradients have a role, the third column. */
      if (has_role && role_column < 0)
        role_column = g_array_index (starts, int, 2);
      if (g_array_index (starts, int, 1) != kind_column || last != range_column
          || (has_role && g_array_index (starts, int, 2) != role_column))
        fail_and_return ("%s: axon run show columns are not aligned:\n%s", language->code,
                         out);
      rows++;
    }
  g_assert_cmpint (rows, ==, 9);
  g_assert_cmpint (role_column, >, kind_column);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);

  g_assert_cmpint (run (bench, env, &out, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* The header, then one row per kernel: each figure ends where its header does. */
  rows = 0;
  for (char **l = lines; *l != NULL; l++)
    {
      if (!g_str_has_prefix (*l, "relu ") && !g_str_has_prefix (*l, "gelu "))
        {
          header = *l;
          continue;
        }
      g_assert_nonnull (header);
      field_columns (header, starts, header_ends);
      field_columns (*l, starts, ends);
      g_assert_cmpuint (ends->len, ==, 5);
      for (guint i = 1; i < ends->len; i++)
        if (!array_contains (header_ends, g_array_index (ends, int, i)))
          fail_and_return ("%s: axon bench kernels figures are not under their headers:\n%s",
                           language->code, out);
      rows++;
    }
  g_assert_cmpint (rows, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/axon/i18n/linguas", test_linguas);
  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *code = languages[i].code;
      g_autofree char *check = g_strconcat ("/axon/i18n/check/", code, NULL);
      g_autofree char *complete = g_strconcat ("/axon/i18n/complete/", code, NULL);
      g_autofree char *mo = g_strconcat ("/axon/i18n/mo/", code, NULL);
      g_autofree char *lookup = g_strconcat ("/axon/i18n/lookup/", code, NULL);
      g_autofree char *columns = g_strconcat ("/axon/i18n/columns/", code, NULL);

      g_test_add_data_func (check, &languages[i], test_check);
      g_test_add_data_func (complete, &languages[i], test_complete);
      g_test_add_data_func (mo, &languages[i], test_mo);
      g_test_add_data_func (lookup, &languages[i], test_lookup);
      g_test_add_data_func (columns, &languages[i], test_columns);
    }
  return g_test_run ();
}
