/* axon-cairo-cache.c: a view's frame as a texture, redrawn only when something changed. */
#include "axon-cairo-cache.h"

void
axon_cairo_cache_init (AxonCairoCache *cache,
                       GtkWidget      *view,
                       GCallback       on_dark_changed)
{
  g_return_if_fail (cache != NULL && GTK_IS_WIDGET (view));

  *cache = (AxonCairoCache) { .view = view };
  /* adw_init() has run when an AdwApplication started; a bare GTK test may not have it. */
  if (adw_is_initialized ())
    {
      cache->style_manager = adw_style_manager_get_default ();
      g_signal_connect_swapped (cache->style_manager, "notify::dark", on_dark_changed, view);
    }
}

void
axon_cairo_cache_dispose (AxonCairoCache *cache)
{
  if (cache->style_manager != NULL)
    {
      g_signal_handlers_disconnect_by_data (cache->style_manager, cache->view);
      cache->style_manager = NULL;
    }
  g_clear_object (&cache->texture);
}

void
axon_cairo_cache_get_style (const AxonCairoCache *cache,
                            AxonStyle            *style)
{
  if (cache->style_manager != NULL && adw_style_manager_get_dark (cache->style_manager))
    axon_style_init_dark (style);
  else
    axon_style_init_light (style);
}

void
axon_cairo_cache_invalidate (AxonCairoCache *cache)
{
  g_clear_object (&cache->texture);
  gtk_widget_queue_draw (cache->view);
}

static GdkTexture *
draw_texture (AxonCairoCache         *cache,
              int                     width,
              int                     height,
              int                     scale,
              AxonCairoCacheDrawFunc  draw)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *bytes;
  GdkTexture *texture;
  int stride;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  draw (cr, width, height, cache->view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  /* The texture reads the surface's pixels in place and frees the surface with them;
   * CAIRO_FORMAT_ARGB32 is GDK_MEMORY_DEFAULT's layout. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height * scale,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes,
                                    stride);
  g_bytes_unref (bytes);
  return texture;
}

void
axon_cairo_cache_snapshot (AxonCairoCache         *cache,
                           GtkSnapshot            *snapshot,
                           AxonCairoCacheDrawFunc  draw)
{
  int width = gtk_widget_get_width (cache->view);
  int height = gtk_widget_get_height (cache->view);
  int scale = gtk_widget_get_scale_factor (cache->view);

  if (width <= 0 || height <= 0)
    return;
  if (cache->texture == NULL || cache->width != width || cache->height != height
      || cache->scale != scale)
    {
      g_clear_object (&cache->texture);
      cache->texture = draw_texture (cache, width, height, scale, draw);
      cache->width = width;
      cache->height = height;
      cache->scale = scale;
      cache->frame_count++;
    }
  gtk_snapshot_append_texture (snapshot, cache->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
}
