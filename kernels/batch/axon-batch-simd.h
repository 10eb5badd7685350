/* axon-batch-simd.h: vector types, small helpers and the kernel template of kernels/batch/.
 *
 * Private to kernels/batch/. Kernels are written once with GCC vector extensions and the
 * family files are compiled once per instruction set (kernels/batch/meson.build): with
 * -march=x86-64-v4 (AVX-512, 16 lanes), -march=x86-64-v3 (AVX2 + FMA, 8 lanes) and for the
 * baseline (SSE2 on x86-64, 4 lanes). Each build uses its native register width, so every
 * vector operation, comparisons included, is one instruction; AXON_BATCH_ACTIVATION names
 * the build's functions axon_<id>_f32_<isa>, and the baseline build adds the public
 * axon_<id>_f32 that picks one at run time (axon-batch.h).
 *
 * The directory is compiled with -fno-math-errno (a lane loop of sqrtf becomes vsqrtps) and
 * -ffp-contract=off: the only fused multiply-adds are the explicit axon_vmla ones, so the
 * bits a kernel returns do not depend on what the compiler chose to fuse.
 */
#pragma once

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "axon-activation-kernels.h"
#include "axon-batch.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#if defined(AXON_BATCH_BUILD_AVX512)
#define AXON_VLEN          16
#define AXON_BATCH_SUFFIX  avx512
#elif defined(AXON_BATCH_BUILD_AVX2)
#define AXON_VLEN          8
#define AXON_BATCH_SUFFIX  avx2
#else
#define AXON_BATCH_BUILD_GENERIC 1
#define AXON_VLEN                4
#define AXON_BATCH_SUFFIX        generic
#endif

/* Set by the build when the AVX2 and AVX-512 builds exist (x86-64 with GCC). */
#ifndef AXON_BATCH_HAVE_X86_VARIANTS
#define AXON_BATCH_HAVE_X86_VARIANTS 0
#endif

typedef float AxonVf __attribute__ ((vector_size (AXON_VLEN * sizeof (float))));
typedef int32_t AxonVi __attribute__ ((vector_size (AXON_VLEN * sizeof (int32_t))));
/* The same lanes in double: two registers, fine for arithmetic and conversions; compare
 * in float (GCC splits wide comparisons into scalar code). */
typedef double AxonVd __attribute__ ((vector_size (AXON_VLEN * sizeof (double))));
typedef int64_t AxonVl __attribute__ ((vector_size (AXON_VLEN * sizeof (int64_t))));
/* Unsigned lanes, for integer arithmetic that must wrap (bit patterns, quadrant counts). */
typedef uint32_t AxonVu __attribute__ ((vector_size (AXON_VLEN * sizeof (uint32_t))));
typedef uint64_t AxonVul __attribute__ ((vector_size (AXON_VLEN * sizeof (uint64_t))));

#define AXON_VINLINE static inline __attribute__ ((always_inline))

/* Dispatch state (axon-batch-dispatch.c): -1 until the first kernel call. */
extern int axon_batch_isa_current;
int axon_batch_isa_init (void);

static inline int
axon_batch_active_isa (void)
{
  int isa = __atomic_load_n (&axon_batch_isa_current, __ATOMIC_RELAXED);

  return isa >= 0 ? isa : axon_batch_isa_init ();
}

/* c in every lane (-0 included, which 0 + c would lose). */
AXON_VINLINE AxonVf
axon_vf (float c)
{
  AxonVf v;

  for (int i = 0; i < AXON_VLEN; i++)
    v[i] = c;
  return v;
}

/* c in every double lane. */
AXON_VINLINE AxonVd
axon_vd (double c)
{
  AxonVd v;

  for (int i = 0; i < AXON_VLEN; i++)
    v[i] = c;
  return v;
}

/* Loads and stores: unaligned, any buffer; the partial ones fill the rest with 0. */
AXON_VINLINE AxonVf
axon_vload (const float *p)
{
  AxonVf v;

  memcpy (&v, p, sizeof v);
  return v;
}

AXON_VINLINE void
axon_vstore (float *p,
             AxonVf v)
{
  memcpy (p, &v, sizeof v);
}

AXON_VINLINE AxonVf
axon_vload_part (const float *p,
                 size_t       n)
{
  AxonVf v = { 0 };

  memcpy (&v, p, n * sizeof (float));
  return v;
}

AXON_VINLINE void
axon_vstore_part (float *p,
                  AxonVf v,
                  size_t n)
{
  memcpy (p, &v, n * sizeof (float));
}

/* m ? a : b per lane, m from a vector comparison (all bits set or none). */
AXON_VINLINE AxonVf
axon_vsel (AxonVi m,
           AxonVf a,
           AxonVf b)
{
  return (AxonVf) ((m & (AxonVi) a) | (~m & (AxonVi) b));
}

AXON_VINLINE AxonVi
axon_vsel_i (AxonVi m,
             AxonVi a,
             AxonVi b)
{
  return (m & a) | (~m & b);
}

AXON_VINLINE AxonVf
axon_vabs (AxonVf x)
{
  return (AxonVf) ((AxonVi) x & 0x7fffffff);
}

/* The sign bit of x alone, as an integer mask. */
AXON_VINLINE AxonVi
axon_vsignbit (AxonVf x)
{
  return (AxonVi) x & INT32_MIN;
}

/* |mag| with the sign bit s (from axon_vsignbit). */
AXON_VINLINE AxonVf
axon_vwithsign (AxonVf mag,
                AxonVi s)
{
  return (AxonVf) (((AxonVi) mag & 0x7fffffff) | s);
}

/* x with its sign flipped where s has the sign bit set. */
AXON_VINLINE AxonVf
axon_vxorsign (AxonVf x,
               AxonVi s)
{
  return (AxonVf) ((AxonVi) x ^ s);
}

AXON_VINLINE AxonVi
axon_visnan (AxonVf x)
{
  return x != x;
}

/* |x| == inf. */
AXON_VINLINE AxonVi
axon_visinf (AxonVf x)
{
  return axon_vabs (x) == INFINITY;
}

/* v, but NaN where x is NaN: the float64 kernels propagate NaN to f' as well. */
AXON_VINLINE AxonVf
axon_vkeepnan (AxonVf x,
               AxonVf v)
{
  return axon_vsel (axon_visnan (x), x, v);
}

/* min (x, hi) and max (x, lo) that keep NaN lanes NaN. On x86, minps/maxps return their
 * second operand when either is NaN, so with x second they are exactly that. (The AVX-512
 * intrinsics in their zero-masking form: the plain ones trip GCC 12's
 * -Wmaybe-uninitialized inside immintrin.h.) */
#if AXON_VLEN == 16 && defined(__AVX512F__)
AXON_VINLINE AxonVf
axon_vmin_keepnan (AxonVf x,
                   float  hi)
{
  return (AxonVf) _mm512_maskz_min_ps ((__mmask16) 0xffff, _mm512_set1_ps (hi), (__m512) x);
}

AXON_VINLINE AxonVf
axon_vmax_keepnan (AxonVf x,
                   float  lo)
{
  return (AxonVf) _mm512_maskz_max_ps ((__mmask16) 0xffff, _mm512_set1_ps (lo), (__m512) x);
}
#elif AXON_VLEN == 8 && defined(__AVX__)
AXON_VINLINE AxonVf
axon_vmin_keepnan (AxonVf x,
                   float  hi)
{
  return (AxonVf) _mm256_min_ps (_mm256_set1_ps (hi), (__m256) x);
}

AXON_VINLINE AxonVf
axon_vmax_keepnan (AxonVf x,
                   float  lo)
{
  return (AxonVf) _mm256_max_ps (_mm256_set1_ps (lo), (__m256) x);
}
#elif AXON_VLEN == 4 && defined(__SSE2__)
AXON_VINLINE AxonVf
axon_vmin_keepnan (AxonVf x,
                   float  hi)
{
  return (AxonVf) _mm_min_ps (_mm_set1_ps (hi), (__m128) x);
}

AXON_VINLINE AxonVf
axon_vmax_keepnan (AxonVf x,
                   float  lo)
{
  return (AxonVf) _mm_max_ps (_mm_set1_ps (lo), (__m128) x);
}
#else
AXON_VINLINE AxonVf
axon_vmin_keepnan (AxonVf x,
                   float  hi)
{
  return axon_vsel (x > hi, axon_vf (hi), x);
}

AXON_VINLINE AxonVf
axon_vmax_keepnan (AxonVf x,
                   float  lo)
{
  return axon_vsel (x < lo, axon_vf (lo), x);
}
#endif

/* Whether any lane of the comparison result m is true: one movemask where the build has
 * one (a lane-wise OR costs ten instructions), for the rare-case branches of the kernels. */
#if AXON_VLEN == 16 && defined(__AVX512DQ__)
AXON_VINLINE int
axon_vany (AxonVi m)
{
  return _mm512_movepi32_mask ((__m512i) m) != 0;
}
#elif AXON_VLEN == 8 && defined(__AVX__)
AXON_VINLINE int
axon_vany (AxonVi m)
{
  return _mm256_movemask_ps ((__m256) m) != 0;
}
#elif AXON_VLEN == 4 && defined(__SSE2__)
AXON_VINLINE int
axon_vany (AxonVi m)
{
  return _mm_movemask_ps ((__m128) m) != 0;
}
#else
AXON_VINLINE int
axon_vany (AxonVi m)
{
  int32_t acc = 0;

  for (int i = 0; i < AXON_VLEN; i++)
    acc |= m[i];
  return acc != 0;
}
#endif

/* a * b + c: one fused multiply-add where the build has FMA, two roundings elsewhere. */
AXON_VINLINE AxonVf
axon_vmla (AxonVf a,
           AxonVf b,
           AxonVf c)
{
#ifdef __FMA__
  AxonVf r;

  for (int i = 0; i < AXON_VLEN; i++)
    r[i] = __builtin_fmaf (a[i], b[i], c[i]);
  return r;
#else
  return a * b + c;
#endif
}

/* c[0] x^(n-1) + ... + c[n-1] by Horner's rule. */
AXON_VINLINE AxonVf
axon_vpoly (AxonVf       x,
            const float *c,
            int          n)
{
  AxonVf p = axon_vf (c[0]);

#pragma GCC unroll 16
  for (int i = 1; i < n; i++)
    p = axon_vmla (p, x, axon_vf (c[i]));
  return p;
}

AXON_VINLINE AxonVf
axon_vsqrt (AxonVf x)
{
  AxonVf r;

  for (int i = 0; i < AXON_VLEN; i++)
    r[i] = __builtin_sqrtf (x[i]);
  return r;
}

AXON_VINLINE AxonVd
axon_vto_double (AxonVf x)
{
  return __builtin_convertvector (x, AxonVd);
}

AXON_VINLINE AxonVf
axon_vto_float (AxonVd d)
{
  return __builtin_convertvector (d, AxonVf);
}

/* a * b = hi + lo exactly (for products that neither overflow nor underflow). With FMA
 * the error is one instruction; without, the float product is exact in double. */
AXON_VINLINE AxonVf
axon_vtwo_prod (AxonVf  a,
                AxonVf  b,
                AxonVf *lo)
{
  AxonVf hi = a * b;
#ifdef __FMA__
  AxonVf l;

  for (int i = 0; i < AXON_VLEN; i++)
    l[i] = __builtin_fmaf (a[i], b[i], -hi[i]);
  *lo = l;
#else
  *lo = axon_vto_float (axon_vto_double (a) * axon_vto_double (b) - axon_vto_double (hi));
#endif
  return hi;
}

/* A double vector as a float pair: hi the rounded value, lo the rest. */
AXON_VINLINE AxonVf
axon_vsplit_double (AxonVd  d,
                    AxonVf *lo)
{
  AxonVf hi = axon_vto_float (d);

  *lo = axon_vto_float (d - axon_vto_double (hi));
  return hi;
}

/* The largest float <= d and the smallest float >= d. For a float x and a double d,
 * x > d exactly when x > axon_float_down (d), x <= d when x <= axon_float_down (d),
 * x >= d when x >= axon_float_up (d) and x < d when x < axon_float_up (d): so a float
 * kernel takes the same branch as the float64 one at every input. */
static inline float
axon_float_down (double d)
{
  float f = (float) d;

  return (double) f > d ? nextafterf (f, -INFINITY) : f;
}

static inline float
axon_float_up (double d)
{
  float f = (float) d;

  return (double) f < d ? nextafterf (f, INFINITY) : f;
}

/* The float whose bit pattern has ordinal o, negative floats below the positive ones. */
static inline float
axon_float_from_ordinal (int64_t o)
{
  int32_t bits = o < 0 ? (int32_t) (INT32_MIN - o) : (int32_t) o;
  float x;

  memcpy (&x, &bits, sizeof x);
  return x;
}

/* The last float in [-inf, +inf] where pred (x, data) holds, for a predicate that holds
 * up to some x and fails beyond (-inf if it fails at -inf): a bisection over the 2^32 bit
 * patterns, once per kernel call, that turns a float64 branch condition of a monotonic
 * expression ("slope x + offset <= 0") into a float threshold on x. */
static inline float
axon_float_last (int       (*pred) (float x, const void *data),
                 const void *data)
{
  int64_t lo = -(int64_t) 0x7f800000, hi = 0x7f800000;

  if (!pred (-INFINITY, data))
    return -INFINITY;
  if (pred (INFINITY, data))
    return INFINITY;
  /* pred holds at lo and fails at hi. */
  while (hi - lo > 1)
    {
      int64_t mid = lo + (hi - lo) / 2;

      if (pred (axon_float_from_ordinal (mid), data))
        lo = mid;
      else
        hi = mid;
    }
  return axon_float_from_ordinal (lo);
}

/* The vector function of a kernel: f (x) or f' (x) of the lanes of x, c the kernel's
 * context (its parameters, prepared once per call). */
#define AXON_VFN(name, Ctx) AXON_VINLINE AxonVf name (AxonVf x, const Ctx *c)

/* Kernels without parameters take this context. */
typedef struct
{
  int unused;
} AxonNoCtx;

static inline void
axon_no_ctx_prepare (AxonNoCtx        *c,
                     const AxonParams *p)
{
  c->unused = 0;
}

#define AXON_BATCH_CAT3_(a, b, c) a##b##c
#define AXON_BATCH_CAT3(a, b, c)  AXON_BATCH_CAT3_ (a, b, c)
#define AXON_BATCH_NAME(fname)    AXON_BATCH_CAT3 (fname, _, AXON_BATCH_SUFFIX)

/* This build's kernel: the vector loop, then the tail through the same vector code on a
 * zero-padded copy, so every element gets the same bits whatever n and its position. */
#define AXON_BATCH_VARIANT(fname, Ctx, prepare, vecfn)                                  \
  void AXON_BATCH_NAME (fname) (size_t n, const float *x, float *y, const AxonParams *p); \
  void AXON_BATCH_NAME (fname) (size_t n, const float *x, float *y, const AxonParams *p)  \
  {                                                                                     \
    Ctx c;                                                                              \
    size_t i = 0;                                                                       \
                                                                                        \
    prepare (&c, p);                                                                    \
    _Pragma ("GCC unroll 4")                                                            \
    for (; i + AXON_VLEN <= n; i += AXON_VLEN)                                          \
      axon_vstore (y + i, vecfn (axon_vload (x + i), &c));                              \
    if (i < n)                                                                          \
      axon_vstore_part (y + i, vecfn (axon_vload_part (x + i, n - i), &c), n - i);      \
  }

#if AXON_BATCH_BUILD_GENERIC && AXON_BATCH_HAVE_X86_VARIANTS
/* The baseline build also holds the public function, which calls the best build. */
#define AXON_BATCH_DEFINE(fname, Ctx, prepare, vecfn)                                   \
  AXON_BATCH_VARIANT (fname, Ctx, prepare, vecfn)                                       \
  void fname##_avx512 (size_t n, const float *x, float *y, const AxonParams *p);        \
  void fname##_avx2 (size_t n, const float *x, float *y, const AxonParams *p);          \
  void fname (size_t n, const float *x, float *y, const AxonParams *p)                  \
  {                                                                                     \
    switch (axon_batch_active_isa ())                                                   \
      {                                                                                 \
      case AXON_BATCH_ISA_AVX512:                                                       \
        fname##_avx512 (n, x, y, p);                                                    \
        break;                                                                          \
      case AXON_BATCH_ISA_AVX2:                                                         \
        fname##_avx2 (n, x, y, p);                                                      \
        break;                                                                          \
      default:                                                                          \
        fname##_generic (n, x, y, p);                                                   \
        break;                                                                          \
      }                                                                                 \
  }
#elif AXON_BATCH_BUILD_GENERIC
#define AXON_BATCH_DEFINE(fname, Ctx, prepare, vecfn)                                   \
  AXON_BATCH_VARIANT (fname, Ctx, prepare, vecfn)                                       \
  void fname (size_t n, const float *x, float *y, const AxonParams *p)                  \
  {                                                                                     \
    fname##_generic (n, x, y, p);                                                       \
  }
#else
#define AXON_BATCH_DEFINE(fname, Ctx, prepare, vecfn)                                   \
  AXON_BATCH_VARIANT (fname, Ctx, prepare, vecfn)
#endif

/* The forward and derivative kernels of activation id from two vector functions made
 * with AXON_VFN, sharing one context type and its prepare function. */
#define AXON_BATCH_ACTIVATION(id, Ctx, prepare, fwd, deriv)                             \
  AXON_BATCH_DEFINE (axon_##id##_f32, Ctx, prepare, fwd)                                \
  AXON_BATCH_DEFINE (axon_##id##_df32, Ctx, prepare, deriv)
