/* axon-batch-math.h: float32 vector elementary functions for the batch kernels.
 *
 * Private to kernels/batch/. Cephes-style: reduce the argument, evaluate a short polynomial,
 * scale back. Constants are hex floats; each table says where it comes from ("Cephes" is
 * Stephen L. Moshier's Cephes Math Library, single-precision files expf.c, logf.c, tanhf.c,
 * atanf.c, sinf.c, ndtrf.c, whose decimal coefficients are rounded to float here; "fit" is
 * a Chebyshev fit made with mpmath at 40 digits and rounded to float). The errors quoted are
 * the largest seen against float64 over every float (or a dense sample) of the range.
 *
 * Every function propagates NaN and gives its limits at +-inf. Overflow and underflow go
 * through a split power-of-two scale, so results stay right down into the subnormals.
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

/* Cephes logf.c P0..P8: log (1 + f) = f - f^2/2 + f^3 P (f) on sqrt(1/2) - 1 <= f < sqrt(2) - 1. */
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
  return (AxonVf) _mm512_scalef_ps ((__m512) v, (__m512) e.s);
#else
  return v * e.s;
#endif
}

AXON_VINLINE AxonVf
axon_vexp_value (AxonVexp e)
{
  return axon_vexp_apply (e.m, e);
}

/* e^(x + lo), lo a small correction to x (|lo| <= ulp (x)): the argument may come as a
 * float pair from a product or quotient, so its rounding does not reach the result (the
 * error of e^x is |x| times that of x). has_lo = 0 (a constant) drops lo. Cephes expf
 * polynomial; 1 ulp. Without vscalefps, vectors whose lanes all lie in [-87, 88] (NaN
 * included), the usual case, take a short path scaled by 2^k; the others clamp and split
 * 2^k in two, so 2^128 and the subnormal results are right. */
AXON_VINLINE AxonVexp
axon_vexp_split (AxonVf    x,
                 AxonVf    lo,
                 const int has_lo)
{
  AxonVexp e;
  AxonVf xc, k, r;
  AxonVi ki;

#if AXON_BATCH_USE_SCALEF
  /* Below -120 the result is forced to 0, whatever r came out as; above 89 it overflows. */
  xc = axon_vmin_keepnan (x, 89.0f);
  r = axon_vexp_reduce (xc, &k, &ki);
  if (has_lo)
    r = r + axon_vsel (xc == x, lo, axon_vf (0.0f));
  e.m = axon_vsel (x < -120.0f, axon_vf (0.0f), axon_vexp_poly (r));
  e.s = k;
#else
  AxonVi k1;

  if (__builtin_expect (!axon_vany ((x < -87.0f) | (x > 88.0f)), 1))
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

/* factor E / (1 + E)^2 for 0 <= E = m scale <= 1 (sech^2 and sigma sigma' are made of it):
 * 1 + E is split into its rounded value d and the exact rest, which goes back in as
 * (1 + rest/d)^-2 = 1 - 2 rest/d, so the rounding of 1 + E is not squared into the result;
 * scale comes last (see axon_vexp_hl_scaled). */
AXON_VINLINE AxonVf
axon_vbell (AxonVf m,
            AxonVf scale,
            float  factor)
{
  AxonVf e = m * scale;
  AxonVf d = 1.0f + e;
  AxonVf rest = e - (d - 1.0f); /* exact: 1 + e = d + rest */
  AxonVf q = factor * m / (d * d);

  return axon_vmla (q * -2.0f, rest / d, q) * scale;
}

/* factor sech^2 (x) = factor 4E / (1 + E)^2 with E = e^-2|x|: no cancellation anywhere
 * (1 - tanh^2 x would lose everything for large |x|). x = hi + lo as a float pair. 3 ulp. */
AXON_VINLINE AxonVf
axon_vsech2_hl (AxonVf hi,
                AxonVf lo,
                float  factor)
{
  AxonVi s = axon_vsignbit (hi);
  AxonVf scale, m;

  m = axon_vexp_hl_scaled (-2.0f * axon_vabs (hi), -2.0f * axon_vxorsign (lo, s), &scale);
  return axon_vbell (m, scale, 4.0f * factor);
}

/* v sigma (hi + lo), sigma (x) = 1 / (1 + e^-x): from E = e^-|x|, v / (1 + E) for x >= 0 and
 * v E / (1 + E) below, so neither tail loses digits, and rounded once where the product is
 * subnormal. 2 ulp. */
AXON_VINLINE AxonVf
axon_vmul_sigmoid_hl (AxonVf v,
                      AxonVf hi,
                      AxonVf lo)
{
  AxonVi s = axon_vsignbit (hi), pos = hi >= 0.0f;
  AxonVf scale, m = axon_vexp_hl_scaled (-axon_vabs (hi), -axon_vxorsign (lo, s), &scale);

  return axon_vsel (pos, v, v * m) / (1.0f + m * scale) * axon_vsel (pos, axon_vf (1.0f), scale);
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
  AxonVi s = axon_vsignbit (hi);
  AxonVf scale, m = axon_vexp_hl_scaled (-axon_vabs (hi), -axon_vxorsign (lo, s), &scale);

  return axon_vbell (m, scale, 1.0f);
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

/* Fit: erfc (z) e^(z^2) for 0.5 <= z <= 2.5, a polynomial of degree 11 in z - 1.5 (pass
 * z - 1.5); 1 ulp. */
static const float axon_erfcx_mid_poly[] = {
  -0x1.2fbadp-17f, 0x1.f95fd8p-16f, -0x1.267d74p-14f, 0x1.c256bep-13f,
  -0x1.5bb8c2p-11f, 0x1.efa174p-10f, -0x1.5139bp-8f, 0x1.b6503ap-7f,
  -0x1.0dc52cp-5f, 0x1.37ea4p-4f, -0x1.4f1988p-3f, 0x1.494db0p-2f,
};

/* Cephes ndtrf.c R: z erfc (z) e^(z^2) as a polynomial in 1/z^2, for z >= 2; 2 ulp. */
static const float axon_erfcx_tail_poly[] = {
  -0x1.4f4906p+3f, 0x1.9f4538p+3f, -0x1.dfb694p+2f, 0x1.75e3f4p+1f,
  -0x1.03e86cp+0f, 0x1.aff87cp-2f, -0x1.20d8bap-2f, 0x1.20dd72p-1f,
};

/* Cephes ndtrf.c T: erf (z) / z as a polynomial in z^2, for |z| <= 1; 2 ulp. */
static const float axon_erf_small_poly[] = {
  0x1.496a32p-14f, -0x1.a3f7p-11f, 0x1.5405b2p-8f, -0x1.b7f90ep-6f,
  0x1.ce2cf8p-4f, -0x1.81273ep-2f, 0x1.20dd74p+0f,
};

/* e^x in double lanes, for the few kernels where e^x is itself the argument of a steep
 * function (exp (x - e^x), sech^2 (e^x)) and its float rounding would be multiplied by e^x.
 * x must lie in [-700, 700] (clamp it in float first: comparisons of double lanes are slow).
 * k = round (x / ln 2), r = x - k ln 2 with fdlibm's two-part ln 2, Taylor series to r^10
 * (|r| <= ln2/2, truncation 2e-13), scale by 2^k. Relative error about 1e-13. */
AXON_VINLINE AxonVd
axon_vexp_double (AxonVd x)
{
  const AxonVd magic = axon_vd (0x1.8p+52);
  AxonVd t, k, r, p;
  AxonVl ki;

  t = x * axon_vd (0x1.71547652b82fep+0) + magic; /* log2 (e) */
  k = t - magic;
  ki = (AxonVl) t - (AxonVl) magic;
  r = x - k * axon_vd (0x1.62e42feep-1);        /* ln 2, high 32 bits */
  r = r - k * axon_vd (0x1.a39ef35793c76p-33); /* ln 2, the rest */
  /* 1/10!, 1/9!, ..., 1/2! */
  p = axon_vd (0x1.27e4fb7789f5cp-22);
  p = p * r + axon_vd (0x1.71de3a556c734p-19);
  p = p * r + axon_vd (0x1.a01a01a01a01ap-16);
  p = p * r + axon_vd (0x1.a01a01a01a01ap-13);
  p = p * r + axon_vd (0x1.6c16c16c16c17p-10);
  p = p * r + axon_vd (0x1.1111111111111p-7);
  p = p * r + axon_vd (0x1.5555555555555p-5);
  p = p * r + axon_vd (0x1.5555555555555p-3);
  p = p * r + axon_vd (0x1p-1);
  p = (p * r + axon_vd (1.0)) * r + axon_vd (1.0);
  return p * (AxonVd) ((ki + 1023) << 52);
}
