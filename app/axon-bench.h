/* axon-bench.h: the subjects of `axon bench SUBJECT [OPTION…]`.
 *
 * `axon bench` is a dispatcher: each subject measures one area and prints figures (a
 * table by default, one JSON object with --json where the subject offers it). Subjects
 * never assert anything about speed; they measure through the harness in
 * kernels/bench/axon-bench-harness.h (warm-up, median of many runs, pinned buffers), so
 * their figures compare with each other and with the PyTorch peers in tests/bench/.
 *
 * Adding a subject:
 *   1. write one file, app/axon-cmd-bench-<subject>.c, with
 *        int axon_bench_<subject> (int argc, char **argv);
 *      where argv[0] is the subject's name ("render"), parsing its own options with a
 *      GOptionContext whose --help explains each of them (strings translatable), and
 *      failing with axon_cli_fail () (one line on stderr, exit status 2);
 *   2. declare it below;
 *   3. add one line to the subjects[] table in app/axon-cmd-bench.c:
 *        { "render", N_("Redraw time of the plot and surface renderers"), axon_bench_render },
 *   4. add the file to cli_sources in app/meson.build and to po/POTFILES.in.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row of the subjects[] table in axon-cmd-bench.c. */
typedef struct
{
  const char *name;    /* as typed after `axon bench` */
  const char *summary; /* one line, N_() */
  int (*run) (int    argc,
              char **argv);
} AxonBenchSubject;

/* `axon bench kernels`: Melem/s of every float32 batch kernel, forward and forward +
 * derivative, next to the copy bandwidth of the same buffer (axon-cmd-bench-kernels.c). */
int axon_bench_kernels (int    argc,
                        char **argv);

/* `axon bench render`: median milliseconds per frame of the renderers at 1600x1000
 * (axon-cmd-bench-render.c). */
int axon_bench_render (int    argc,
                       char **argv);

/* `axon bench train`: seconds of 1000 minibatches without and with recording, and the test
 * accuracy (axon-cmd-bench-train.c). */
int axon_bench_train (int    argc,
                      char **argv);

G_END_DECLS
