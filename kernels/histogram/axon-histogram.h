/* axon-histogram.h: one recorded histogram of a tensor at one training step.
 *
 * The common currency of the trainer (which records them), the TensorBoard event reader
 * and writer (which load and save them) and the distribution views (which draw them).
 */
#pragma once

#include <glib.h>
#include <stddef.h>

G_BEGIN_DECLS

typedef struct
{
  gint64 step;
  double wall_time;   /* seconds since the epoch, 0 when unknown */
  double min;         /* of the values, not of the edges */
  double max;
  double num;         /* count of values (a double, as in HistogramProto) */
  double sum;
  double sum_squares;
  double zero_count;  /* values exactly 0; NAN when the source did not record it */
  size_t n_bins;
  double *edges;      /* n_bins + 1 ascending edges; bin i is [edges[i], edges[i+1]) */
  double *counts;     /* n_bins counts */
} AxonHistogram;

/* A histogram with n_bins zero counts and edges 0..n_bins; step 0, min/max/num/sum/
 * sum_squares 0, zero_count NAN (unknown). n_bins may be 0 (then edges holds one 0). */
AxonHistogram *axon_histogram_new (size_t n_bins);
void axon_histogram_free (AxonHistogram *hist);
/* A deep copy (edges and counts duplicated); NULL for NULL. */
AxonHistogram *axon_histogram_copy (const AxonHistogram *hist);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AxonHistogram, axon_histogram_free)

/* Sum of the bin counts (not `num`, which a source may record differently). */
double axon_histogram_total (const AxonHistogram *hist);

/* The edges as the values can occupy them, n_bins + 1 ascending values into out: edges are
 * clamped to [min, max] when those are finite and consistent with the non-empty bins, so
 * TensorFlow's -DBL_MAX/+DBL_MAX outer buckets and infinite edges become the recorded
 * extremes. Without a usable min/max, a non-finite edge takes its finite neighbour's value
 * (a zero-width outer bin). */
void axon_histogram_effective_edges (const AxonHistogram *hist,
                                     double              *out);

/* The range the values occupy: [min, max] when finite, else the finite span of the
 * edges of non-empty bins. Returns FALSE (and leaves lo/hi alone) when nothing is known. */
gboolean axon_histogram_value_range (const AxonHistogram *hist,
                                     double              *lo,
                                     double              *hi);

/* Re-binning.
 *
 * Each source bin's count is spread over the destination bins in proportion to the length
 * of their overlap with the source bin (as seen by axon_histogram_bin_range), i.e. values
 * are assumed uniform within a bin. A zero-width source bin puts its whole count in the
 * destination bin holding that point. When zero_count is known, that many counts of the
 * source bin holding 0 are values exactly 0 and go to the destination bin holding 0 instead
 * of being spread (the spike of dead ReLU gradients stays a spike). Mass that falls below
 * edges[0] or above
 * edges[n_bins] goes to the first or last bin, so the total count is conserved exactly
 * (up to rounding): the fractions for one source bin telescope to 1. NaN counts are
 * treated as 0. Metadata (step, wall_time, min, max, num, sum, sum_squares, zero_count)
 * is copied unchanged. edges must hold n_bins + 1 ascending finite values, n_bins >= 1. */
AxonHistogram *axon_histogram_rebin (const AxonHistogram *hist,
                                     const double        *edges,
                                     size_t               n_bins);

typedef enum
{
  AXON_BIN_SCALE_LINEAR,
  AXON_BIN_SCALE_SYMLOG,
} AxonBinScale;

/* Symmetric logarithm: sign(x) log1p(|x| / c), linear within about +-c, logarithmic
 * beyond; c > 0. The inverse is exact up to rounding. */
double axon_symlog (double x,
                    double c);
double axon_symlog_inverse (double y,
                            double c);
/* A symlog constant suited to values spanning [lo, hi]: 1e-3 of the largest magnitude,
 * so three decades below the extremes stay visible and the core stays linear; 1 for an
 * all-zero range. */
double axon_symlog_auto_constant (double lo,
                                  double hi);

/* Shared edges for a series: n_bins + 1 ascending edges spanning the union of the value
 * ranges of hists (NULL entries skipped), uniform in x (linear) or in axon_symlog (x, c)
 * (c <= 0 picks axon_symlog_auto_constant). A degenerate range (all values equal) is
 * widened to +-0.5 around the value (+-|x|/2 for large |x|). With no usable histogram the
 * range is [-1, 1]. Free with g_free. */
double *axon_histogram_shared_edges (const AxonHistogram *const *hists,
                                     size_t                      n,
                                     size_t                      n_bins,
                                     AxonBinScale                scale,
                                     double                      c);

/* Edges spanning [lo, hi] uniformly in x or in axon_symlog (x, c) (c <= 0: automatic);
 * lo == hi is widened like axon_histogram_shared_edges. Free with g_free. */
double *axon_histogram_edges_for_range (double       lo,
                                        double       hi,
                                        size_t       n_bins,
                                        AxonBinScale scale,
                                        double       c);

typedef struct
{
  double num;        /* count: `num` when positive, else the bin total */
  double min;
  double max;
  double mean;
  double std;        /* population standard deviation */
  double zero_ratio; /* fraction of values exactly 0, NAN when unknown */
  gboolean from_moments;        /* mean/std from sum and sum_squares, not from bins */
  gboolean zero_ratio_estimated; /* from a narrow bin holding 0, not from zero_count */
} AxonHistogramStats;

/* Mean and std come from sum and sum_squares when they are present (finite, and not an
 * all-zero pair contradicted by a non-zero min or max, which is how a source that did
 * not record them looks), else from the bin midpoints. The zero ratio is zero_count / num
 * when zero_count is known, else the count of a bin holding 0 that is narrower than 1e-6
 * of the value range (TensorFlow's default buckets have [0, 1e-12)), else NAN. */
void axon_histogram_stats (const AxonHistogram *hist,
                           AxonHistogramStats  *stats);

/* The value below which a fraction p (0..1) of the counts lies, interpolating linearly
 * within a bin; p = 0 gives the minimum and p = 1 the maximum. NAN for an empty histogram. */
double axon_histogram_quantile (const AxonHistogram *hist,
                                double               p);

/* TensorBoard's distribution view: the values at the basis points (in percent)
 * 0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100, i.e. the minimum, the normal
 * distribution's -1.5, -1, -0.5 sigma, the median, +0.5, +1, +1.5 sigma, and the maximum. */
#define AXON_HISTOGRAM_N_BANDS 9
extern const double axon_histogram_band_points[AXON_HISTOGRAM_N_BANDS];
void axon_histogram_bands (const AxonHistogram *hist,
                           double               values[AXON_HISTOGRAM_N_BANDS]);

G_END_DECLS
