/* axon-cairo-cache.h: a view's frame, drawn by its Cairo renderer into a texture at the
 * device's scale and reused until the view changes, is resized, moves to a monitor of
 * another scale or libadwaita switches between light and dark: an unchanged view is not
 * redrawn, and no recording of thousands of Cairo calls is replayed per frame.
 * Embedded in the view's instance struct; init in init, dispose in dispose. */
#pragma once

#include <adwaita.h>

#include "axon-style.h"

G_BEGIN_DECLS

/* Draws the frame, width x height widget pixels; cr is already scaled to the device
 * (gtk_widget_get_scale_factor), so a renderer sampling per device pixel asks the widget.
 * user_data is the view. */
typedef void (*AxonCairoCacheDrawFunc) (cairo_t  *cr,
                                        int       width,
                                        int       height,
                                        gpointer  user_data);

typedef struct
{
  GtkWidget *view;                /* the owner; not referenced */
  AdwStyleManager *style_manager; /* NULL without adw_init () (a bare GTK test) */
  GdkTexture *texture;            /* NULL: drawn again at the next snapshot */
  int width, height, scale;       /* what texture was drawn for */
  guint frame_count;              /* frames drawn (not those reused) */
} AxonCairoCache;

/* on_dark_changed (view) runs when libadwaita switches between light and dark; the view
 * updates its style there and calls axon_cairo_cache_invalidate(). */
void axon_cairo_cache_init (AxonCairoCache *cache,
                            GtkWidget      *view,
                            GCallback       on_dark_changed);
void axon_cairo_cache_dispose (AxonCairoCache *cache);

/* The renderer style of the theme now: dark or light. */
void axon_cairo_cache_get_style (const AxonCairoCache *cache,
                                 AxonStyle            *style);

/* Drops the frame and queues a redraw: every change of what the view shows ends here. */
void axon_cairo_cache_invalidate (AxonCairoCache *cache);

/* The view's snapshot(): appends the frame, drawing it first through draw if there is
 * none for the widget's size and scale. Nothing for a widget of no size. */
void axon_cairo_cache_snapshot (AxonCairoCache         *cache,
                                GtkSnapshot            *snapshot,
                                AxonCairoCacheDrawFunc  draw);

G_END_DECLS
