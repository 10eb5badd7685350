/* axon-batch-math.h: float32 vector elementary functions for the batch kernels.
 *
 * Private to kernels/batch/. Cephes-style: reduce the argument, evaluate a short polynomial,
 * scale back. Constants are hex floats; each table says where it comes from ("Cephes" is
 * Stephen L. Moshier's Cephes Math Library, single-precision files expf.c, logf.c, tanhf.c,
 * atanf.c, sinf.c, whose decimal coefficients are rounded to float here; "fit" is a
 * Chebyshev or rational fit made with mpmath at 40-50 digits and rounded to float). The
 * errors quoted are the largest seen against float64 over every float (or a dense sample)
 * of the range.
 *
 * Every function propagates NaN and gives its limits at +-inf. Overflow and underflow go
 * through vscalefps (AVX-512) or a split power-of-two scale, so results stay right down
 * into the subnormals.
 */
#pragma once

#include "axon-batch-simd.h"

/* log2 (e), and ln 2 split so that k * AXON_LN2_HI_F is exact for |k| < 2^15 (Cephes
 * expf.c C1 = 0.693359375, C2 = -2.12194440e-4). */
#define AXON_LOG2E_F  0x1.715476p+0f
#define AXON_LN2_HI_F 0x1.63p-1f
#define AXON_LN2_LO_F -0x1.bd0106p-13f
/* 1.5 * 2^23: t + MAGIC rounds |t| < 2^22 to an integer kept in the low mantissa bits. */
#define AXON_ROUND_MAGIC_F    0x1.8p+23f
#define AXON_ROUND_MAGIC_BITS 0x4b400000

/* Cephes expf.c P0..P5: e^r = 1 + r + r^2 P (r) on |r| <= ln2/2. */
static const float axon_exp_poly[] = {
  0x1.a0d2cep-13f, 0x1.6e879cp-10f, 0x1.11121p-7f, 0x1.555382p-5f, 0x1.555554p-3f, 0x1p-1f,
};

/* Cephes logf.c P0..P8: log (1 + f) = f - f^2/2 + f^3 P (f)
 * on sqrt(1/2) - 1 <= f < sqrt(2) - 1. */
static const float axon_log_poly[] = {
  0x1.204376p-4f, -0x1.d7a37p-4f, 0x1.de4a34p-4f, -0x1.fcba9ep-4f, 0x1.23d37ep-3f,
  -0x1.555cap-3f, 0x1.999d58p-3f, -0x1.fffff8p-3f, 0x1.555554p-2f,
};

/* Cephes tanhf.c: tanh x = x + x^3 P (x^2) for |x| < 0.625. */
static const float axon_tanh_poly[] = {
  -0x1.75e1d4p-8f, 0x1.52269cp-6f, -0x1.b83c5ap-5f, 0x1.110726p-3f, -0x1.555532p-2f,
};

/* 2^k for integer lanes -126 <= k <= 127. */
AXON_VINLINE AxonVf
axon_vpow2i (AxonVi k)
{
  return (AxonVf) ((k + 127) << 23);
}

/* k = round (x / ln 2) as float and as integer, and r = x - k ln 2 (exact but for the last
 * bits of ln 2), for |x| < 2^15. */
AXON_VINLINE AxonVf
axon_vexp_reduce (AxonVf  x,
                  AxonVf *k,
                  AxonVi *ki)
{
  AxonVf t = axon_vmla (x, axon_vf (AXON_LOG2E_F), axon_vf (AXON_ROUND_MAGIC_F));

  *k = t - AXON_ROUND_MAGIC_F;
  *ki = (AxonVi) t - AXON_ROUND_MAGIC_BITS;
  return axon_vmla (-*k, axon_vf (AXON_LN2_LO_F), axon_vmla (-*k, axon_vf (AXON_LN2_HI_F), x));
}

/* e^r on |r| <= ln2/2 (or a little more), r = the reduced argument: 1 ulp. */
AXON_VINLINE AxonVf
axon_vexp_poly (AxonVf r)
{
  AxonVf p = axon_vpoly (r, axon_exp_poly, G_N_ELEMENTS (axon_exp_poly));

  return axon_vmla (p, r * r, r) + 1.0f;
}

/* AVX-512 scales with vscalefps: x 2^k in one instruction, rounded once, over the whole
 * range (overflow, subnormals), so its exp needs no split scale and no rare-case path. */
#if AXON_VLEN == 16 && defined(__AVX512F__)
#define AXON_BATCH_USE_SCALEF 1
#else
#define AXON_BATCH_USE_SCALEF 0
#endif

/* e^(x + lo) held as m and a pending power of two: the value is axon_vexp_apply (m, e), and
 * a kernel that multiplies a tiny e^x by a large factor (x sigma (x) at x = -100) forms
 * axon_vexp_apply (factor * m, e), rounded once also into the subnormals. m is normal, or
 * 0 below e^-120 (so "tiny times huge" stays 0). */
typedef struct
{
  AxonVf m;
  AxonVf s; /* with vscalefps the exponent k; otherwise the factor 2^k2 itself */
} AxonVexp;

AXON_VINLINE AxonVf
axon_vexp_apply (AxonVf   v,
                 AxonVexp e)
{
#if AXON_BATCH_USE_SCALEF
  /* (the zero-masking form: _mm512_scalef_ps trips GCC 12's -Wmaybe-uninitialized) */
  return (AxonVf) _mm512_maskz_scalef_ps ((__mmask16) 0xffff, (__m512) v, (__m512) e.s);
#else
  return v * e.s;
#endif
}

AXON_VINLINE AxonVf
axon_vexp_value (AxonVexp e)
{
  return axon_vexp_apply (e.m, e);
}

#if AXON_BATCH_USE_SCALEF
/* 2^(j/16), j = 0..15, rounded to float: one zmm register, indexed with vpermps. */
static const float axon_exp2_16[16] = {
  0x1p+0f, 0x1.0b5586p+0f, 0x1.172b84p+0f, 0x1.2387a6p+0f, 0x1.306fep+0f, 0x1.3dea64p+0f,
  0x1.4bfdaep+0f, 0x1.5ab07ep+0f, 0x1.6a09e6p+0f, 0x1.7a1148p+0f, 0x1.8ace54p+0f,
  0x1.9c4918p+0f, 0x1.ae89fap+0f, 0x1.c199bep+0f, 0x1.d5818ep+0f, 0x1.ea4afap+0f,
};
#endif

/* e^(x + lo), lo a small correction to x (|lo| <= ulp (x)): the argument may come as a
 * float pair from a product or quotient, so its rounding does not reach the result (the
 * error of e^x is |x| times that of x). has_lo = 0 (a constant) drops lo; bounded = 1 (a
 * constant) promises -200 <= x <= 0 or NaN, which drops the clamps. 1 ulp.
 * AVX-512: k = round (16 x / ln 2), e^x = 2^(k/16) e^r with |r| <= ln2/32, so a cubic is
 * enough; 2^(k mod 16 / 16) comes from a 16-entry table in one register (vpermps) and
 * 2^floor (k/16) is left to vscalefps. Elsewhere: the Cephes expf polynomial on
 * |r| <= ln2/2; vectors whose lanes all lie in [-80, 88] (NaN included), the usual case,
 * are scaled by 2^k at once; the others clamp and split 2^k in two, so that 2^128 and the
 * subnormal results are right. */
AXON_VINLINE AxonVexp
axon_vexp_split_ex (AxonVf    x,
                    AxonVf    lo,
                    const int has_lo,
                    const int bounded)
{
  AxonVexp e;
  AxonVf xc, k, r;

#if AXON_BATCH_USE_SCALEF
  AxonVf t, table, p;

  /* Above 89 the result overflows; below -120 it is forced to 0, whatever r came out as. */
  xc = bounded ? x : axon_vmin_keepnan (x, 89.0f);
  t = axon_vmla (xc, axon_vf (0x1.715476p+4f), axon_vf (AXON_ROUND_MAGIC_F)); /* 16/ln 2 */
  k = t - AXON_ROUND_MAGIC_F;
  /* (ln 2)/16 in Cephes' two parts */
  r = axon_vmla (-k, axon_vf (-0x1.bd0106p-17f), axon_vmla (-k, axon_vf (0x1.63p-5f), xc));
  if (has_lo)
    r = r + (bounded ? lo : axon_vsel (xc == x, lo, axon_vf (0.0f)));
  /* 1 + r + r^2/2 + r^3/6: the error of the cubic is r^4/24 < 1e-8 */
  p = axon_vmla (axon_vmla (r, axon_vf (0x1.555556p-3f), axon_vf (0.5f)), r * r, r) + 1.0f;
  memcpy (&table, axon_exp2_16, sizeof table);
  /* the low 4 bits of t are those of k, which is all vpermps reads */
  e.m = p * (AxonVf) _mm512_maskz_permutexvar_ps ((__mmask16) 0xffff, (__m512i) t,
                                                 (__m512) table);
  if (!bounded)
    e.m = axon_vsel (x < -120.0f, axon_vf (0.0f), e.m);
  e.s = k * 0.0625f;
#else
  AxonVi ki, k1;

  if (__builtin_expect (!axon_vany ((x < -80.0f) | (x > 88.0f)), 1))
    {
      r = axon_vexp_reduce (x, &k, &ki);
      if (has_lo)
        r = r + lo;
      e.m = axon_vexp_poly (r) * axon_vpow2i (ki);
      e.s = axon_vf (1.0f);
      return e;
    }
  xc = axon_vmin_keepnan (axon_vmax_keepnan (x, -120.0f), 89.0f);
  r = axon_vexp_reduce (xc, &k, &ki);
  if (has_lo)
    r = r + axon_vsel (xc == x, lo, axon_vf (0.0f));
  k1 = axon_vsel_i (ki < -100, (AxonVi) { 0 } - 100, ki);
  k1 = axon_vsel_i (k1 > 127, (AxonVi) { 0 } + 127, k1);
  e.m = axon_vsel (x < -120.0f, axon_vf (0.0f), axon_vexp_poly (r) * axon_vpow2i (k1));
  e.s = axon_vpow2i (ki - k1);
#endif
  return e;
}

AXON_VINLINE AxonVexp
axon_vexp_split (AxonVf    x,
                 AxonVf    lo,
                 const int has_lo)
{
  return axon_vexp_split_ex (x, lo, has_lo, 0);
}

/* e^(x + lo), rounded once. 1 ulp. */
AXON_VINLINE AxonVf
axon_vexp_hl (AxonVf x,
              AxonVf lo)
{
  return axon_vexp_value (axon_vexp_split (x, lo, 1));
}

AXON_VINLINE AxonVf
axon_vexp (AxonVf x)
{
  return axon_vexp_value (axon_vexp_split (x, x, 0));
}

/* e^x - 1 for x <= 0 (larger x are taken as 0): with k and r as for e^x,
 * e^x - 1 = 2^k expm1 (r) + (2^k - 1), which for |x| < ln2/2 is the polynomial alone, so
 * tiny x keep their digits. Below -20 the float result is -1. -0 gives -0. 1 ulp. */
AXON_VINLINE AxonVf
axon_vexpm1_neg (AxonVf x)
{
  AxonVf xc, k, r, p, s;
  AxonVi ki;

  xc = axon_vmin_keepnan (axon_vmax_keepnan (x, -20.0f), 0.0f);
  r = axon_vexp_reduce (xc, &k, &ki);
  p = axon_vpoly (r, axon_exp_poly, G_N_ELEMENTS (axon_exp_poly));
  p = axon_vmla (p, r * r, r);
  s = axon_vpow2i (ki);
  p = axon_vmla (s, p, s - 1.0f);
  return axon_vsel (xc == 0.0f, xc, p);
}

/* log (1 + u) for 0 <= u <= 1 (NaN stays NaN): m = 1 + u rounded, brought into
 * [sqrt(1/2), sqrt(2)) by at most one halving; c = (1 + u - m) / m puts back what the
 * rounding of 1 + u lost, which for tiny u is everything. 1 ulp. */
AXON_VINLINE AxonVf
axon_vlog1p_unit (AxonVf u)
{
  AxonVf m, f, kf, c, z, y;
  AxonVi big;

  m = 1.0f + u;
  big = m > 0x1.6a09e6p+0f; /* sqrt (2) */
  f = axon_vsel (big, m * 0.5f - 1.0f, m - 1.0f);
  kf = axon_vsel (big, axon_vf (1.0f), axon_vf (0.0f));
  c = (u - (m - 1.0f)) / m;
  z = f * f;
  y = axon_vpoly (f, axon_log_poly, G_N_ELEMENTS (axon_log_poly)) * f * z;
  y = y + axon_vmla (kf, axon_vf (AXON_LN2_LO_F), c);
  y = axon_vmla (axon_vf (-0.5f), z, y);
  return axon_vmla (kf, axon_vf (AXON_LN2_HI_F), f + y);
}

/* tanh x. |x| < 0.625: Cephes tanhf.c odd polynomial. Otherwise (1 - E) / (1 + E) with
 * E = e^-2|x|, which does not cancel there. Both on |x|, then the sign of x (so -0 stays).
 * 2 ulp. */
AXON_VINLINE AxonVf
axon_vtanh (AxonVf x)
{
  AxonVf ax, z, ps, e, tl;

  ax = axon_vabs (x);
  z = x * x;
  ps = axon_vpoly (z, axon_tanh_poly, G_N_ELEMENTS (axon_tanh_poly));
  ps = axon_vmla (ps * z, ax, ax);
  e = axon_vexp (-2.0f * ax);
  tl = (1.0f - e) / (1.0f + e);
  return axon_vwithsign (axon_vsel (ax < 0.625f, ps, tl), axon_vsignbit (x));
}

/* tanh x and, in *s2, sech^2 x from one E = e^-2|x| and one division: (1 - E) / (1 + E) (the
 * odd polynomial below |x| = 0.625) and 4E / (1 + E)^2. 2 and 4 ulp. */
AXON_VINLINE AxonVf
axon_vtanh_sech2 (AxonVf  x,
                  AxonVf *s2)
{
  AxonVf ax = axon_vabs (x), z = x * x, ps, e, inv;

  ps = axon_vpoly (z, axon_tanh_poly, G_N_ELEMENTS (axon_tanh_poly));
  ps = axon_vmla (ps * z, ax, ax);
  e = axon_vexp (-2.0f * ax);
  inv = 1.0f / (1.0f + e);
  *s2 = 4.0f * e * inv * inv;
  return axon_vwithsign (axon_vsel (ax < 0.625f, ps, (1.0f - e) * inv), axon_vsignbit (x));
}

/* factor E / (1 + E)^2 for 0 <= E <= 1 (sech^2 and sigma sigma' are made of it), E = e^t
 * as from axon_vexp_split: 1 + E is split into its rounded value d and the exact rest,
 * which goes back in as (1 + rest/d)^-2 = 1 - 2 rest/d, so the rounding of 1 + E is not
 * squared into the result; the power of two of E is applied last. */
AXON_VINLINE AxonVf
axon_vbell (AxonVexp e,
            float    factor)
{
  AxonVf big_e = axon_vexp_value (e);
  AxonVf d = 1.0f + big_e;
  AxonVf rest = big_e - (d - 1.0f); /* exact: 1 + E = d + rest */
  AxonVf q = factor * e.m / (d * d);

  return axon_vexp_apply (axon_vmla (q * -2.0f, rest / d, q), e);
}

/* factor sech^2 (x) = factor 4E / (1 + E)^2 with E = e^-2|x|: no cancellation anywhere
 * (1 - tanh^2 x would lose everything for large |x|). x = hi + lo as a float pair. 3 ulp. */
AXON_VINLINE AxonVf
axon_vsech2_hl (AxonVf hi,
                AxonVf lo,
                float  factor)
{
  AxonVi s = axon_vsignbit (hi);

  return axon_vbell (axon_vexp_split (-2.0f * axon_vabs (hi), -2.0f * axon_vxorsign (lo, s), 1),
                     4.0f * factor);
}

/* e^-|hi + lo| for the sigmoids, with *pos = (hi >= 0). */
AXON_VINLINE AxonVexp
axon_vexp_neg_abs (AxonVf  hi,
                   AxonVf  lo,
                   AxonVi *pos)
{
  *pos = hi >= 0.0f;
  return axon_vexp_split (-axon_vabs (hi), -axon_vxorsign (lo, axon_vsignbit (hi)), 1);
}

/* v sigma (hi + lo), sigma (x) = 1 / (1 + e^-x): from E = e^-|x|, v / (1 + E) for x >= 0 and
 * v E / (1 + E) below, so neither tail loses digits, and rounded once where the product is
 * subnormal. 2 ulp. */
AXON_VINLINE AxonVf
axon_vmul_sigmoid_hl (AxonVf v,
                      AxonVf hi,
                      AxonVf lo)
{
  AxonVi pos;
  AxonVexp e = axon_vexp_neg_abs (hi, lo, &pos);
  AxonVf y = axon_vsel (pos, v, v * e.m) / (1.0f + axon_vexp_value (e));

  return axon_vsel (pos, y, axon_vexp_apply (y, e));
}

AXON_VINLINE AxonVf
axon_vsigmoid_hl (AxonVf hi,
                  AxonVf lo)
{
  return axon_vmul_sigmoid_hl (axon_vf (1.0f), hi, lo);
}

AXON_VINLINE AxonVf
axon_vsigmoid (AxonVf x)
{
  return axon_vsigmoid_hl (x, axon_vf (0.0f));
}

/* sigma (x) sigma (-x) = E / (1 + E)^2, E = e^-|x|, x = hi + lo. 3 ulp. */
AXON_VINLINE AxonVf
axon_vdsigmoid_hl (AxonVf hi,
                   AxonVf lo)
{
  AxonVi pos;

  return axon_vbell (axon_vexp_neg_abs (hi, lo, &pos), 1.0f);
}

/* Cephes atanf.c: atan x = x + x^3 P (x^2) for |x| <= tan (pi/8). */
static const float axon_atan_poly[] = {
  0x1.49e1a2p-4f, -0x1.1c370ap-3f, 0x1.9924bep-3f, -0x1.555454p-2f,
};

/* atan x, reduced to |w| <= tan (pi/8) by atan x = pi/2 + atan (-1/x) and
 * atan x = pi/4 + atan ((x - 1) / (x + 1)) (Cephes atanf.c); pi/2, pi/4 in two parts. 2 ulp. */
AXON_VINLINE AxonVf
axon_vatan (AxonVf x)
{
  AxonVf ax, num, den, w, z, p, base_hi, base_lo;
  AxonVi hi, mid;

  ax = axon_vabs (x);
  hi = ax > 0x1.3504f4p+1f;  /* tan (3 pi / 8) = 2.414213562 */
  mid = ax > 0x1.a8279ap-2f; /* tan (pi / 8) = 0.414213562 */
  num = axon_vsel (hi, axon_vf (-1.0f), axon_vsel (mid, ax - 1.0f, ax));
  den = axon_vsel (hi, ax, axon_vsel (mid, ax + 1.0f, axon_vf (1.0f)));
  w = num / den; /* -1/inf = -0, so atan (+-inf) = +-pi/2 */
  base_hi = axon_vsel (hi, axon_vf (0x1.921fb6p+0f), axon_vsel (mid, axon_vf (0x1.921fb6p-1f),
                                                                 axon_vf (0.0f)));
  base_lo = axon_vsel (hi, axon_vf (-0x1.777a5cp-25f), axon_vsel (mid, axon_vf (-0x1.777a5cp-26f),
                                                                  axon_vf (0.0f)));
  z = w * w;
  p = axon_vpoly (z, axon_atan_poly, G_N_ELEMENTS (axon_atan_poly));
  p = axon_vmla (p * z, w, base_lo) + w;
  return axon_vwithsign (base_hi + p, axon_vsignbit (x));
}

/* a * b + c in double lanes: fused where the build has FMA. */
AXON_VINLINE AxonVd
axon_vdmla (AxonVd a,
            AxonVd b,
            AxonVd c)
{
#ifdef __FMA__
  AxonVd r;

  for (int i = 0; i < AXON_VLEN; i++)
    r[i] = __builtin_fma (a[i], b[i], c[i]);
  return r;
#else
  return a * b + c;
#endif
}

/* e^x in double lanes, for the few kernels where e^x is itself the argument of a steep
 * function (exp (x - e^x), sech^2 (e^x)) and its float rounding would be multiplied by e^x:
 * they need e^x to about 2^-32, not to double precision. x must lie in [-700, 700] (clamp
 * it in float first: comparisons of double lanes are slow). k = round (x / ln 2),
 * r = x - k ln 2 with fdlibm's two-part ln 2, Taylor series to r^8 (|r| <= ln2/2,
 * truncation below 3e-10), scale by 2^k. */
AXON_VINLINE AxonVd
axon_vexp_double (AxonVd x)
{
  const AxonVd magic = axon_vd (0x1.8p+52);
  AxonVd t, k, r, p;
  AxonVl ki;

  t = axon_vdmla (x, axon_vd (0x1.71547652b82fep+0), magic); /* log2 (e) */
  k = t - magic;
  ki = (AxonVl) t - (AxonVl) magic;
  r = axon_vdmla (-k, axon_vd (0x1.62e42feep-1), x);        /* ln 2, high 32 bits */
  r = axon_vdmla (-k, axon_vd (0x1.a39ef35793c76p-33), r); /* ln 2, the rest */
  /* 1/8!, 1/7!, ..., 1/2! */
  p = axon_vd (0x1.a01a01a01a01ap-16);
  p = axon_vdmla (p, r, axon_vd (0x1.a01a01a01a01ap-13));
  p = axon_vdmla (p, r, axon_vd (0x1.6c16c16c16c17p-10));
  p = axon_vdmla (p, r, axon_vd (0x1.1111111111111p-7));
  p = axon_vdmla (p, r, axon_vd (0x1.5555555555555p-5));
  p = axon_vdmla (p, r, axon_vd (0x1.5555555555555p-3));
  p = axon_vdmla (p, r, axon_vd (0x1p-1));
  p = axon_vdmla (axon_vdmla (p, r, axon_vd (1.0)), r, axon_vd (1.0));
  return p * (AxonVd) ((ki + 1023) << 52);
}
