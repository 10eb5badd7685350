/* axon-cmd-bench-kernels.c: `axon bench kernels`, the speed of the float32 batch kernels.
 *
 * For each activation: millions of elements per second of the forward kernel (f32: x -> y)
 * and of forward + derivative (f32: x -> y, then df32: x -> dy, what one training step
 * needs), next to a plain memcpy of the same buffer. tests/bench/torch_kernels.py measures
 * PyTorch the same way (same size, same input distribution, same defaults, median of runs),
 * and tests/bench/bench-kernels prints both side by side.
 */
#include "axon-bench.h"
#include "axon-cli.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>

#include "axon-batch.h"
#include "axon-bench-harness.h"
#include "axon-cli-text.h"
#include "axon-csv-json.h"
#include "axon-registry.h"

/* The input: uniform on [-8, 8), where activations do their interesting work and both
 * branches of the piecewise ones are taken (the torch script uses the same range). */
#define INPUT_LO (-8.0f)
#define INPUT_HI 8.0f
#define INPUT_SEED 20240601u

#define DEFAULT_SIZE (1 << 20)
#define MAX_SIZE ((gint64) 1 << 28) /* 1 GiB per buffer */
#define DEFAULT_REPEATS 31
#define DEFAULT_WARMUP 3

typedef struct
{
  const AxonActivation *activation;
  AxonParams params;
  size_t n;
  const float *x;
  float *y;
  float *dy;
} KernelRun;

typedef struct
{
  const AxonActivation *activation;
  AxonParams params;
  double fwd;    /* Melem/s */
  double fwdbwd; /* Melem/s */
} KernelResult;

static void
run_forward (gpointer user_data)
{
  KernelRun *run = user_data;

  run->activation->f32 (run->n, run->x, run->y, &run->params);
  axon_bench_consume (run->y, run->n);
}

static void
run_forward_backward (gpointer user_data)
{
  KernelRun *run = user_data;

  run->activation->f32 (run->n, run->x, run->y, &run->params);
  run->activation->df32 (run->n, run->x, run->dy, &run->params);
  axon_bench_consume (run->y, run->n);
  axon_bench_consume (run->dy, run->n);
}

/* Appends the activations named in the comma-separated list (names or aliases) to
 * selected, with the parameters their alias fixes; FALSE after printing the error. */
static gboolean
select_activations (const char *list,
                    GArray     *selected)
{
  g_auto (GStrv) names = g_strsplit (list, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      KernelResult result = { 0 };
      g_autoptr (GError) error = NULL;
      const char *name = g_strstrip (names[i]);
      gboolean duplicate = FALSE;

      if (*name == '\0')
        continue;
      result.activation = axon_activation_resolve (name, NULL, &result.params, NULL, &error);
      if (result.activation == NULL)
        {
          axon_cli_fail (_("bench kernels: --only: %s"), error->message);
          return FALSE;
        }

      for (guint k = 0; k < selected->len; k++)
        if (g_array_index (selected, KernelResult, k).activation == result.activation)
          duplicate = TRUE;
      if (!duplicate)
        g_array_append_val (selected, result);
    }

  if (selected->len == 0)
    {
      axon_cli_fail (_("bench kernels: --only “%s” names no activation"), list);
      return FALSE;
    }
  return TRUE;
}

static void
select_all (GArray *selected)
{
  for (int id = 0; id < AXON_N_ACTIVATIONS; id++)
    {
      KernelResult result = { 0 };

      result.activation = axon_activation_get (id);
      axon_params_init_default (result.activation, &result.params);
      g_array_append_val (selected, result);
    }
}

static void
append_json_number (GString *json,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* JSON has no inf or NaN; a kernel too fast to time reads as 0, never as garbage. */
  if (!isfinite (value))
    value = 0.0;
  g_string_append (json, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

int
axon_bench_kernels (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  gint64 size = DEFAULT_SIZE;
  int repeats = DEFAULT_REPEATS;
  int warmup = DEFAULT_WARMUP;
  g_autofree char *only = NULL;
  g_autofree char *isa_name = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object {\"NAME\": {\"fwd\": Melem/s, \"fwdbwd\": Melem/s}, …, "
         "\"copy\": Melem/s} instead of a table"), NULL },
    { "size", 'n', 0, G_OPTION_ARG_INT64, &size,
      N_("Elements per buffer (default 1048576)"), N_("N") },
    { "repeats", 'r', 0, G_OPTION_ARG_INT, &repeats,
      N_("Timed runs per figure; the median run is reported (default 31)"), N_("R") },
    { "warmup", 'w', 0, G_OPTION_ARG_INT, &warmup,
      N_("Untimed runs before the timed ones (default 3)"), N_("W") },
    { "only", 'o', 0, G_OPTION_ARG_STRING, &only,
      N_("Measure only these activations (names or aliases, comma-separated)"),
      N_("NAME,…") },
    { "isa", 0, 0, G_OPTION_ARG_STRING, &isa_name,
      N_("Instruction set of the kernels: avx512, avx2 or generic (default: the best this "
         "CPU supports)"), N_("ISA") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) selected = g_array_new (FALSE, TRUE, sizeof (KernelResult));
  float *x, *y, *dy;
  double copy, copy_before, copy_after;

  g_set_prgname ("axon bench kernels");
  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Measures every float32 batch kernel in millions of elements "
                                  "per second (Melem/s): the forward kernel (x → y) and "
                                  "forward + derivative (x → y, then x → dy), on one thread, "
                                  "at the default parameters, over inputs uniform on [-8, 8). "
                                  "Next to them, the copy bandwidth: a memcpy of the same "
                                  "buffer, in the same run."));
  g_option_context_set_description (context,
                                    _("Buffers are 64-byte aligned and faulted in once before "
                                      "any timing. Each figure is the median of R timed runs "
                                      "after W warm-up runs. The copy is measured before and "
                                      "after the kernels and the better one is reported; "
                                      "fwd/copy is the forward figure over it, fwdbwd/copy/2 "
                                      "the forward + derivative figure over half of it (twice "
                                      "the bytes move). Figures are noisy on a busy "
                                      "machine; tests/bench/bench-kernels compares them with "
                                      "PyTorch measured the same way."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return axon_cli_fail ("bench kernels: %s", error->message);
  if (argc > 1)
    return axon_cli_fail (_("bench kernels: unexpected argument “%s”"), argv[1]);
  if (size < 1 || size > MAX_SIZE)
    return axon_cli_fail (_("bench kernels: --size %" PRId64 " is out of range "
                            "[1, %" PRId64 "]"), (int64_t) size, (int64_t) MAX_SIZE);
  if (repeats < 1 || repeats > 100000)
    return axon_cli_fail (_("bench kernels: --repeats %d is out of range [1, 100000]"),
                          repeats);
  if (warmup < 0 || warmup > 100000)
    return axon_cli_fail (_("bench kernels: --warmup %d is out of range [0, 100000]"),
                          warmup);

  if (isa_name != NULL)
    {
      AxonBatchIsa isa = AXON_BATCH_ISA_GENERIC;
      gboolean known = FALSE;

      for (int i = AXON_BATCH_ISA_GENERIC; i <= AXON_BATCH_ISA_AVX512; i++)
        if (g_ascii_strcasecmp (isa_name, axon_batch_isa_name (i)) == 0)
          {
            isa = i;
            known = TRUE;
          }
      if (!known)
        return axon_cli_fail (_("bench kernels: unknown --isa “%s”, expected avx512, avx2 or "
                                "generic"), isa_name);
      if (isa > axon_batch_best_isa ())
        return axon_cli_fail (_("bench kernels: --isa %s is not supported here; the best is %s"),
                              isa_name, axon_batch_isa_name (axon_batch_best_isa ()));
      axon_batch_set_isa (isa);
    }

  if (only != NULL)
    {
      if (!select_activations (only, selected))
        return 2;
    }
  else
    select_all (selected);

  x = axon_bench_buffer_new (size);
  y = axon_bench_buffer_new (size);
  dy = axon_bench_buffer_new (size);
  axon_bench_fill_uniform (x, size, INPUT_LO, INPUT_HI, INPUT_SEED);

  /* One untimed pass over every kernel first, as the torch script does (PyTorch needs it:
   * its first calls of each operator are slow); here it only faults the code pages in. */
  for (guint i = 0; i < selected->len; i++)
    {
      const KernelResult *result = &g_array_index (selected, KernelResult, i);
      KernelRun run = { result->activation, result->params, size, x, y, dy };

      if (result->activation->f32 != NULL && result->activation->df32 != NULL)
        run_forward_backward (&run);
    }

  copy = axon_bench_copy_melem_per_s (y, x, size, warmup, repeats);

  for (guint i = 0; i < selected->len; i++)
    {
      KernelResult *result = &g_array_index (selected, KernelResult, i);
      KernelRun run = { result->activation, result->params, size, x, y, dy };
      AxonBenchTiming timing;

      if (result->activation->f32 == NULL || result->activation->df32 == NULL)
        continue;

      axon_bench_measure (run_forward, &run, warmup, repeats, &timing);
      result->fwd = axon_bench_melem_per_s (size, timing.median_s);
      axon_bench_measure (run_forward_backward, &run, warmup, repeats, &timing);
      result->fwdbwd = axon_bench_melem_per_s (size, timing.median_s);
    }

  /* The copy again, after the kernels: on a shared machine one measurement can land in a
   * busy moment. The better of the two is the bandwidth reported, so the fractions of it
   * are never flattered by a slow copy. */
  copy_after = axon_bench_copy_melem_per_s (y, x, size, warmup, repeats);
  copy_before = copy;
  copy = MAX (copy, copy_after);

  if (!json)
    {
      const char *headers[] = { _("activation"), _("fwd"), _("fwd+bwd"), _("fwd/copy"),
                                _("fwdbwd/copy/2") };
      /* At least as wide as the figures; wider when a translated header is (in display
       * columns: printf pads bytes). The names are ASCII. */
      int widths[G_N_ELEMENTS (headers)] = { 24, 12, 12, 9, 14 };
      g_autoptr (GString) header = g_string_new (NULL);

      printf (_("float32 kernels (%s), one thread: %" PRId64 " elements uniform on "
                "[%g, %g), median of %d runs after %d warm-up runs; figures in Melem/s"),
              axon_batch_isa_name (axon_batch_get_isa ()), (int64_t) size, (double) INPUT_LO,
              (double) INPUT_HI, repeats, warmup);
      putchar ('\n');
      printf (_("copy (memcpy of the same buffers): %.1f (before the kernels %.1f, after %.1f)"),
              copy, copy_before, copy_after);
      putchar ('\n');
      /* fwd/copy: a forward pass moves as many bytes as the copy; forward + derivative
       * moves twice as many, so its bound is copy / 2. */
      for (gsize c = 0; c < G_N_ELEMENTS (headers); c++)
        {
          widths[c] = MAX (widths[c], axon_cli_text_width (headers[c]));
          if (c > 0)
            g_string_append_c (header, ' ');
          axon_cli_text_append_padded (header, headers[c], widths[c],
                                       c == 0 ? AXON_CLI_ALIGN_LEFT : AXON_CLI_ALIGN_RIGHT);
        }
      puts (header->str);
      for (guint i = 0; i < selected->len; i++)
        {
          const KernelResult *result = &g_array_index (selected, KernelResult, i);

          if (result->activation->f32 == NULL || result->activation->df32 == NULL)
            continue;
          printf ("%-*s %*.1f %*.1f %*.0f%% %*.0f%%\n", widths[0], result->activation->name,
                  widths[1], result->fwd, widths[2], result->fwdbwd, widths[3] - 1,
                  100.0 * result->fwd / copy, widths[4] - 1, 200.0 * result->fwdbwd / copy);
        }
    }

  if (json)
    {
      g_autoptr (GString) out = g_string_new ("{");

      for (guint i = 0; i < selected->len; i++)
        {
          const KernelResult *result = &g_array_index (selected, KernelResult, i);

          if (result->activation->f32 == NULL || result->activation->df32 == NULL)
            continue;
          axon_json_append_string (out, result->activation->name);
          g_string_append (out, ": {\"fwd\": ");
          append_json_number (out, result->fwd);
          g_string_append (out, ", \"fwdbwd\": ");
          append_json_number (out, result->fwdbwd);
          g_string_append (out, "}, ");
        }
      g_string_append (out, "\"copy\": ");
      append_json_number (out, copy);
      g_string_append (out, "}\n");
      fputs (out->str, stdout);
    }

  axon_bench_buffer_free (x);
  axon_bench_buffer_free (y);
  axon_bench_buffer_free (dy);
  return 0;
}
