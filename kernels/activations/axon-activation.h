/* axon-activation.h: the activation descriptor table, Axon's single source of truth.
 *
 * Every canonical activation is one AxonActivation row (see axon-activation-table.c),
 * keyed by an AxonActivationId generated from axon-activation-list.h. The registry, the
 * CLI, the plots, the trainer, the tests and the benchmark all read these rows.
 */
#pragma once

#include <glib.h>
#include <stdbool.h>
#include <stddef.h>

G_BEGIN_DECLS

#define AXON_MAX_PARAMS 4
#define AXON_MAX_KINKS 8

typedef enum
{
#define AXON_ACTIVATION(id) AXON_ACTIVATION_##id,
#include "axon-activation-list.h"
#undef AXON_ACTIVATION
  AXON_N_ACTIVATIONS
} AxonActivationId;

/* Parameter values, in the order of the row's params[]. Unused slots are 0. */
typedef struct
{
  double v[AXON_MAX_PARAMS];
} AxonParams;

typedef enum
{
  AXON_CATEGORY_LINEAR,             /* identity, absolute, bent identity */
  AXON_CATEGORY_STEP,               /* step, signum, threshold */
  AXON_CATEGORY_SIGMOID,            /* sigmoid and tanh families: bounded, S-shaped */
  AXON_CATEGORY_RELU,               /* piecewise-linear rectifiers */
  AXON_CATEGORY_EXPONENTIAL_LINEAR, /* elu, celu, selu, isrlu */
  AXON_CATEGORY_SMOOTH_RELU,        /* gelu, swish, mish, softplus, ... */
  AXON_CATEGORY_SHRINK,             /* softshrink, hardshrink, tanhshrink */
  AXON_CATEGORY_PERIODIC,           /* sin, cos, sinc */
  AXON_CATEGORY_RADIAL,             /* gaussian, multiquadratics */
  AXON_CATEGORY_EXPONENTIAL,        /* exponential and other unbounded growth */
  AXON_N_CATEGORIES
} AxonCategory;

typedef enum
{
  AXON_CONTINUITY_DISCONTINUOUS, /* f jumps (step) */
  AXON_CONTINUITY_C0,            /* f continuous, f' jumps (relu) */
  AXON_CONTINUITY_C1,            /* f' continuous, f'' jumps (celu, squared relu) */
  AXON_CONTINUITY_SMOOTH,        /* infinitely differentiable */
} AxonContinuity;

typedef enum
{
  AXON_SATURATES_NONE = 0,
  AXON_SATURATES_LEFT = 1 << 0,  /* f' -> 0 as x -> -inf */
  AXON_SATURATES_RIGHT = 1 << 1, /* f' -> 0 as x -> +inf */
  AXON_SATURATES_BOTH = AXON_SATURATES_LEFT | AXON_SATURATES_RIGHT,
} AxonSaturation;

typedef enum
{
  AXON_SYMMETRY_NONE,
  AXON_SYMMETRY_ODD,  /* f(-x) = -f(x) */
  AXON_SYMMETRY_EVEN, /* f(-x) = f(x) */
} AxonSymmetry;

/* Properties at the default parameters, as data; tests check them numerically. */
typedef struct
{
  double range_min; /* infimum of f over the reals, -INFINITY when unbounded */
  double range_max; /* supremum of f, INFINITY when unbounded */
  bool monotonic;   /* f' >= 0 everywhere */
  AxonContinuity continuity;
  bool zero_centred; /* f takes both signs around 0 with mean output near 0 */
  AxonSaturation saturating;
  bool identity_near_zero; /* f(0) = 0 and f'(0) = 1 */
  AxonSymmetry symmetry;
  bool dead_zone; /* f' = 0 on all of x < 0 */
} AxonProperties;

typedef struct
{
  const char *name;    /* "alpha", as typed in -p alpha=0.2 */
  const char *meaning; /* one line, marked N_() for translation */
  double default_value;
  double min; /* inclusive bounds of accepted values */
  double max;
} AxonParamSpec;

/* Scalar float64 path: f(x) or f'(x). */
typedef double (*AxonScalarFunc) (double            x,
                                  const AxonParams *p);
/* Batch float32 path over n elements; x == y (in place) is allowed. */
typedef void (*AxonBatchFunc) (size_t            n,
                               const float      *x,
                               float            *y,
                               const AxonParams *p);
/* Points where f or f' is not continuous at parameters p, ascending; returns the count
 * (at most AXON_MAX_KINKS). Plots sample both sides of each so corners stay sharp. */
typedef size_t (*AxonKinksFunc) (const AxonParams *p,
                                 double           *kinks);

typedef struct
{
  AxonActivationId id;
  const char *name;           /* canonical, snake_case */
  const char *const *aliases; /* NULL-terminated, may be NULL */
  AxonCategory category;
  const char *source;  /* whose definition we follow: "PyTorch torch.nn.ELU", a paper...;
                        * N_() when it holds prose; shown through _() */
  const char *summary; /* one line, N_() */
  unsigned n_params;
  AxonParamSpec params[AXON_MAX_PARAMS];
  AxonScalarFunc f64;
  AxonScalarFunc df64;
  AxonBatchFunc f32;
  AxonBatchFunc df32;
  AxonKinksFunc kinks; /* NULL when f and f' are continuous everywhere */
  const char *formula;            /* Pango markup of f(x) */
  const char *derivative_formula; /* Pango markup of f'(x) */
  AxonProperties properties;
} AxonActivation;

G_END_DECLS
