/* axon-registry.h: finding activations by name and reading their parameters.
 *
 * Everything that turns user input (a name, "-p alpha=0.2") into a row of the descriptor
 * table and an AxonParams goes through here, so the CLI, the window and the trainer accept
 * exactly the same names and values.
 */
#pragma once

#include "axon-activation.h"

G_BEGIN_DECLS

#define AXON_REGISTRY_ERROR (axon_registry_error_quark ())

typedef enum
{
  AXON_REGISTRY_ERROR_UNKNOWN_NAME,  /* no activation or alias of that name */
  AXON_REGISTRY_ERROR_UNKNOWN_PARAM, /* the activation has no parameter of that name */
  AXON_REGISTRY_ERROR_BAD_VALUE,     /* not a number, NaN, or outside [min, max] */
  AXON_REGISTRY_ERROR_SYNTAX,        /* not of the form key=value */
  AXON_REGISTRY_ERROR_FIXED_PARAM,   /* the alias fixes this parameter (silu: beta = 1) */
} AxonRegistryError;

GQuark axon_registry_error_quark (void);

/* The row of id; never NULL for a valid id. */
const AxonActivation *axon_activation_get (AxonActivationId id);

/* The activation called name: a canonical name or an alias, compared case-insensitively
 * with '-', '_' and camelCase word breaks treated alike ("LeakyRelu" = "leaky-relu" =
 * "leaky_relu"). When the alias fixes parameters (silu is swish with beta = 1), they are
 * written to fixed_params (if not NULL) and the fixed ones flagged in fixed_mask (bit i for
 * params[i]); otherwise *fixed_mask is 0. NULL if nothing matches. */
const AxonActivation *axon_activation_lookup (const char *name,
                                              AxonParams *fixed_params,
                                              unsigned   *fixed_mask);

/* The canonical name or alias closest to name (edit distance), for "did you mean"; NULL when
 * nothing is reasonably close. */
const char *axon_activation_suggest (const char *name);

/* p = the row's defaults. */
void axon_params_init_default (const AxonActivation *activation,
                               AxonParams           *p);

/* Index of the parameter called key in activation->params, or -1. */
int axon_activation_param_index (const AxonActivation *activation,
                                 const char           *key);

/* Applies one "key=value" assignment to p after checking the key exists, the value is a
 * finite number and within the parameter's [min, max]. fixed_mask as from lookup. On
 * failure p is unchanged and error holds a one-line message naming what was wrong. */
gboolean axon_params_assign (const AxonActivation *activation,
                             AxonParams           *p,
                             unsigned              fixed_mask,
                             const char           *assignment,
                             GError              **error);

/* Checks every parameter of p against its bounds and the cross-parameter constraints of the
 * activation (rrelu lower <= upper, hard_tanh min < max, softplus beta > 0, ...). */
gboolean axon_params_validate (const AxonActivation *activation,
                               const AxonParams     *p,
                               GError              **error);

/* "alpha=0.01,beta=1" at p, each value the shortest decimal that reads back as the same
 * double (axon_format_shortest), for `axon list` and settings; free with g_free. */
char *axon_params_to_string (const AxonActivation *activation,
                             const AxonParams     *p);

/* Applies a list of assignments separated by ';' or ',' ("alpha=0.2;beta=1"); "-" or ""
 * is the empty list. All or nothing: on failure p is unchanged. */
gboolean axon_params_assign_list (const AxonActivation *activation,
                                  AxonParams           *p,
                                  unsigned              fixed_mask,
                                  const char           *list,
                                  GError              **error);

/* What a command does with a name as typed and its -p KEY=VALUE assignments: looks the
 * name up (aliases included), starts from the defaults with the alias's fixed parameters,
 * applies the assignments (NULL-terminated, may be NULL) in order, then validates.
 * assigned_mask (may be NULL) gets bit i for each params[i] an assignment set. On failure
 * NULL, *params is unchanged and error holds one line naming what was wrong: an unknown
 * name (with "did you mean" when one is close), or an assignment that is malformed, names
 * an unknown parameter or one the alias fixes (the message names the alias as typed), or
 * gives a value out of range. */
const AxonActivation *axon_activation_resolve (const char         *name,
                                               const char *const  *assignments,
                                               AxonParams         *params,
                                               unsigned           *assigned_mask,
                                               GError            **error);

/* Translated display names of a category ("Sigmoid and tanh", the picker's group headers
 * and the properties panel) and of a continuity class. */
const char *axon_category_get_name (AxonCategory category);
const char *axon_continuity_get_name (AxonContinuity continuity);

G_END_DECLS
