/* test-axis.c: the axis map is a pair of inverses, whatever range it is given. */
#include <float.h>
#include <glib.h>
#include <math.h>

#include "axon-axis.h"

typedef struct
{
  const char *what;
  double min, max;
  double want_min, want_max; /* after normalisation */
  gboolean changed;
} RangeCase;

static void
test_normalise (void)
{
  static const RangeCase cases[] = {
    { "ordinary", -5, 5, -5, 5, FALSE },
    { "reversed", 3, -2, -2, 3, TRUE },
    { "equal zero", 0, 0, -0.5, 0.5, TRUE },
    { "equal one", 1, 1, 0.5, 1.5, TRUE },
    { "equal large", 1e12, 1e12, 0.9e12, 1.1e12, TRUE },
    { "equal negative", -20, -20, -22, -18, TRUE },
    { "NaN min", NAN, 4, 3, 4, TRUE },
    { "NaN max", 4, NAN, 4, 5, TRUE },
    { "both NaN", NAN, NAN, 0, 1, TRUE },
    { "-inf min", -INFINITY, 2, 1, 2, TRUE },
    { "+inf max", -2, INFINITY, -2, -1, TRUE },
    { "both inf", -INFINITY, INFINITY, 0, 1, TRUE },
    { "huge", -DBL_MAX, DBL_MAX, -DBL_MAX / 4, DBL_MAX / 4, TRUE },
    { "-0 ends", -0.0, 1, 0, 1, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RangeCase *c = &cases[i];
      double lo = c->min, hi = c->max;
      gboolean changed = axon_axis_normalise_range (&lo, &hi);

      g_test_message ("normalise %s: [%g, %g] -> [%g, %g]", c->what, c->min, c->max, lo, hi);
      g_assert_true (isfinite (lo) && isfinite (hi));
      g_assert_cmpfloat (lo, <, hi);
      g_assert_true (isfinite (hi - lo));
      g_assert_cmpfloat_with_epsilon (lo, c->want_min, fabs (c->want_min) * 1e-12 + 1e-12);
      g_assert_cmpfloat_with_epsilon (hi, c->want_max, fabs (c->want_max) * 1e-12 + 1e-12);
      g_assert_false (signbit (lo) && lo == 0);
      g_assert_cmpint (changed, ==, c->changed);
    }
}

static void
test_round_trip (void)
{
  static const struct
  {
    double d0, d1, v0, v1;
  } axes[] = {
    { -5, 5, 0, 1000 },
    { -5, 5, 800, 20 }, /* y axis: data_min at the bottom */
    { 1e-9, 2e-9, 0, 640 },
    { -1e12, 1e12, 10, 1910 },
    { 1, 1 + 1e-6, 0, 300 },
    { 0, 0, 0, 100 },
    { NAN, INFINITY, 0, 100 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (axes); i++)
    {
      AxonAxis a = axon_axis_make (axes[i].d0, axes[i].d1, axes[i].v0, axes[i].v1);
      double span = a.data_max - a.data_min;

      /* The ends map exactly. */
      g_assert_cmpfloat (axon_axis_to_view (&a, a.data_min), ==, a.view_min);
      g_assert_cmpfloat (axon_axis_to_view (&a, a.data_max), ==, a.view_max);
      g_assert_cmpfloat (axon_axis_from_view (&a, a.view_min), ==, a.data_min);
      g_assert_cmpfloat (axon_axis_from_view (&a, a.view_max), ==, a.data_max);

      for (int k = -4; k <= 14; k++)
        {
          double d = a.data_min + span * k / 10.0;
          double v = axon_axis_to_view (&a, d);
          double back = axon_axis_from_view (&a, v);
          double pixel = a.view_min + (a.view_max - a.view_min) * k / 10.0;

          g_assert_cmpfloat_with_epsilon (back, d, span * 1e-12);
          g_assert_cmpfloat_with_epsilon (v, pixel, 1e-9 * fabs (a.view_max - a.view_min));
          g_assert_cmpfloat_with_epsilon (axon_axis_to_view (&a, axon_axis_from_view (&a, pixel)),
                                          pixel, 1e-9 * fabs (a.view_max - a.view_min) + 1e-9);
        }
    }
}

static void
test_special_values (void)
{
  AxonAxis x = axon_axis_make (-5, 5, 0, 100);
  AxonAxis y = axon_axis_make (-5, 5, 100, 0); /* pixels grow downwards */
  AxonAxis flat = axon_axis_make (0, 1, 50, 50);

  g_assert_true (isnan (axon_axis_to_view (&x, NAN)));
  g_assert_true (isnan (axon_axis_from_view (&x, NAN)));
  g_assert_cmpfloat (axon_axis_to_view (&x, INFINITY), ==, INFINITY);
  g_assert_cmpfloat (axon_axis_to_view (&x, -INFINITY), ==, -INFINITY);
  g_assert_cmpfloat (axon_axis_to_view (&y, INFINITY), ==, -INFINITY);
  g_assert_cmpfloat (axon_axis_to_view (&x, 0), ==, 50);
  g_assert_cmpfloat (axon_axis_to_view (&y, 5), ==, 0);
  g_assert_cmpfloat (axon_axis_data_per_pixel (&x), ==, 0.1);
  g_assert_cmpfloat (axon_axis_data_per_pixel (&y), ==, 0.1);
  /* A zero-size view never divides by zero. */
  g_assert_cmpfloat (axon_axis_from_view (&flat, 50), ==, 0);
  g_assert_cmpfloat (axon_axis_to_view (&flat, 1), ==, 50);
  g_assert_true (isfinite (axon_axis_data_per_pixel (&flat)));
}

static void
test_zoom_pan (void)
{
  AxonAxis a = axon_axis_make (-5, 5, 0, 1000);
  AxonAxis z = axon_axis_zoom (&a, 750, 2); /* x = 2.5 under the pointer */
  AxonAxis p = axon_axis_pan (&a, 100);     /* drag right by 100 px = 1 unit */
  AxonAxis out = axon_axis_zoom (&a, 500, 1e-300);

  g_assert_cmpfloat_with_epsilon (axon_axis_from_view (&z, 750), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (z.data_max - z.data_min, 5, 1e-12);
  g_assert_cmpfloat_with_epsilon (p.data_min, -6, 1e-12);
  g_assert_cmpfloat_with_epsilon (p.data_max, 4, 1e-12);
  g_assert_true (isfinite (out.data_min) && isfinite (out.data_max));
  g_assert_cmpfloat (out.data_min, <, out.data_max);

  /* Zooming in without end stays a usable range and never jumps back out. */
  for (int i = 0; i < 2000; i++)
    {
      AxonAxis next = axon_axis_zoom (&z, 333, 10);
      g_assert_cmpfloat (next.data_max - next.data_min, <=, z.data_max - z.data_min);
      z = next;
    }
  g_assert_cmpfloat (z.data_min, <, z.data_max);
  g_assert_cmpfloat (z.data_max - z.data_min, <, 1e-10);
  g_assert_true (isfinite (axon_axis_from_view (&z, 0)));
  /* Zooming out without end stays finite. */
  for (int i = 0; i < 2000; i++)
    z = axon_axis_zoom (&z, 333, 0.1);
  g_assert_true (isfinite (z.data_max - z.data_min));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/axon/axis/normalise", test_normalise);
  g_test_add_func ("/axon/axis/round-trip", test_round_trip);
  g_test_add_func ("/axon/axis/special-values", test_special_values);
  g_test_add_func ("/axon/axis/zoom-pan", test_zoom_pan);
  return g_test_run ();
}
