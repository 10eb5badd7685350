/* axon-cli-train-options.h: the options `axon train` and `axon compare` share.
 *
 * --layers, --data, --noise and --threads mean the same in both commands: one entry each
 * (the same name, letter and help text; --threads alone is explained by each command in
 * its own words) and one way from their values to a training configuration and a data
 * set. Each command places the entries in its own table, where its --help lists them,
 * and keeps its own range checks, whose one-line messages name the command.
 */
#pragma once

#include <glib.h>

#include "axon-dataset.h"
#include "axon-noise.h"
#include "axon-trainer.h"

G_BEGIN_DECLS

typedef struct
{
  char *layers;   /* --layers N,N,…; NULL: the trainer's default sizes */
  char *data_dir; /* --data DIR; NULL: the embedded MNIST digits */
  double noise;   /* --noise LEVEL, AXON_NOISE_DEFAULT_LEVEL (0.3) */
  int threads;    /* --threads N, 1 */
} AxonCliTrainOptions;

/* The defaults above, for a declaration: g_auto (AxonCliTrainOptions) o = ..._INIT; */
#define AXON_CLI_TRAIN_OPTIONS_INIT { NULL, NULL, AXON_NOISE_DEFAULT_LEVEL, 1 }

/* Frees what GOption wrote. */
void axon_cli_train_options_clear (AxonCliTrainOptions *options);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AxonCliTrainOptions, axon_cli_train_options_clear)

/* The GOptionEntry of one option, writing into options (which must outlive the parse). */
GOptionEntry axon_cli_train_option_layers (AxonCliTrainOptions *options);
GOptionEntry axon_cli_train_option_data (AxonCliTrainOptions *options);
GOptionEntry axon_cli_train_option_noise (AxonCliTrainOptions *options);
/* help: the command's own N_() text for --threads. */
GOptionEntry axon_cli_train_option_threads (AxonCliTrainOptions *options,
                                            const char          *help);

/* --layers (when given, through axon_train_config_set_layers) and --noise into config.
 * FALSE with the trainer's one-line error for a bad layer list; config is unchanged then. */
gboolean axon_cli_train_options_apply (const AxonCliTrainOptions  *options,
                                       AxonTrainConfig            *config,
                                       GError                    **error);

/* The data set of --data, or the embedded digits without it. */
gboolean axon_cli_train_options_load_data (const AxonCliTrainOptions  *options,
                                           AxonDataset               **train,
                                           AxonDataset               **test,
                                           GError                    **error);

G_END_DECLS
