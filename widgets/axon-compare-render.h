/* axon-compare-render.h: the comparison's summary figure.
 *
 * Small multiples: one panel per metric (its own value axis, 1-2-5 ticks from
 * axon-ticks.h, in display units), in each panel one bar per activation at its mean over
 * the seeds with an error bar of ± one sample standard deviation, the best mean of the
 * panel outlined. A legend names the activations by colour (the style's series palette;
 * from the ninth on, a lighter tint outlined in the full colour). Bars start at 0 when 0
 * is in or near the data; when the values sit in a narrow band far from 0 (accuracies of
 * 94 to 97 %) the axis is cut to that band and the bars start at its bottom, which the
 * panel says with a "cut axis" mark at the baseline.
 *
 * Pure Cairo and Pango, no GTK: the window draws it through a GtkDrawingArea, and export
 * calls axon_compare_render_func on image, SVG and PDF surfaces.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "axon-compare-table.h"
#include "axon-style.h"

G_BEGIN_DECLS

typedef struct
{
  const AxonCompareTable *table;             /* borrowed; NULL draws "no results" */
  guint n_panels;                            /* columns shown, in this order */
  guint panels[AXON_COMPARE_MAX_COLUMNS];
  const char *title;                         /* above the legend; NULL or "" for none */
} AxonCompareRenderOptions;

/* The default panels: scalar cost, batch speed, best, last-10, clean and noisy test
 * accuracy, the two differences and the overall zero-gradient ratio. */
void axon_compare_render_options_init (AxonCompareRenderOptions *options,
                                       const AxonCompareTable   *table);

/* The colour of the group-th activation; *tint is TRUE when it is a lighter tint (the
 * palette repeated from the ninth activation on) to be outlined in *colour. */
void axon_compare_group_colour (const AxonStyle *style,
                                guint            group,
                                AxonRgba        *fill,
                                AxonRgba        *outline,
                                gboolean        *tint);

void axon_compare_render (cairo_t                        *cr,
                          int                             width,
                          int                             height,
                          const AxonStyle                *style,
                          const AxonCompareRenderOptions *options);

/* axon_compare_render as an AxonRenderFunc (axon-export.h): user_data is the options. */
void axon_compare_render_func (cairo_t         *cr,
                               int              width,
                               int              height,
                               const AxonStyle *style,
                               gpointer         user_data);

G_END_DECLS
