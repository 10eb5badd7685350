/* axon-cli-train-options.c: --layers, --data, --noise, --threads of train and compare. */
#include "axon-cli-train-options.h"

#include <glib/gi18n.h>

void
axon_cli_train_options_clear (AxonCliTrainOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->layers, g_free);
  g_clear_pointer (&options->data_dir, g_free);
}

GOptionEntry
axon_cli_train_option_layers (AxonCliTrainOptions *options)
{
  GOptionEntry entry = {
    "layers", 'l', 0, G_OPTION_ARG_STRING, &options->layers,
    N_("Layer sizes from input to classes (default 784,128,64,10, or the data set's "
       "image size and class count)"), N_("N,N,…")
  };

  return entry;
}

GOptionEntry
axon_cli_train_option_data (AxonCliTrainOptions *options)
{
  GOptionEntry entry = {
    "data", 'd', 0, G_OPTION_ARG_FILENAME, &options->data_dir,
    N_("An IDX data set directory (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte, "
       "t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte), e.g. "
       "/usr/share/datasets/fashion-mnist; default: the embedded 8,000/2,000 MNIST "
       "digits"), N_("DIR")
  };

  return entry;
}

GOptionEntry
axon_cli_train_option_noise (AxonCliTrainOptions *options)
{
  GOptionEntry entry = {
    "noise", 0, 0, G_OPTION_ARG_DOUBLE, &options->noise,
    N_("Noise of the noisy test set: x + LEVEL·N(0,1) clipped to [0,1] (default 0.3)"),
    N_("LEVEL")
  };

  return entry;
}

GOptionEntry
axon_cli_train_option_threads (AxonCliTrainOptions *options,
                               const char          *help)
{
  GOptionEntry entry = {
    "threads", 't', 0, G_OPTION_ARG_INT, &options->threads, help, N_("N")
  };

  return entry;
}

gboolean
axon_cli_train_options_apply (const AxonCliTrainOptions  *options,
                              AxonTrainConfig            *config,
                              GError                    **error)
{
  g_return_val_if_fail (options != NULL && config != NULL, FALSE);

  if (options->layers != NULL && !axon_train_config_set_layers (config, options->layers, error))
    return FALSE;
  config->noise_level = options->noise;
  return TRUE;
}

gboolean
axon_cli_train_options_load_data (const AxonCliTrainOptions  *options,
                                  AxonDataset               **train,
                                  AxonDataset               **test,
                                  GError                    **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->data_dir != NULL)
    return axon_dataset_load_dir (options->data_dir, train, test, error);
  return axon_dataset_load_default (train, test, error);
}
