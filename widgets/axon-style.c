/* axon-style.c: the light, dark and presentation styles. */
#include "axon-style.h"

/* Okabe & Ito (2008), "Color Universal Design": distinguishable with every common form of
 * colour-vision deficiency. Order chosen so the first curves contrast most. */
static const AxonRgba okabe_ito[AXON_STYLE_N_SERIES] = {
  { 0x00 / 255.0, 0x72 / 255.0, 0xB2 / 255.0, 1 }, /* blue */
  { 0xD5 / 255.0, 0x5E / 255.0, 0x00 / 255.0, 1 }, /* vermillion */
  { 0x00 / 255.0, 0x9E / 255.0, 0x73 / 255.0, 1 }, /* bluish green */
  { 0xCC / 255.0, 0x79 / 255.0, 0xA7 / 255.0, 1 }, /* reddish purple */
  { 0xE6 / 255.0, 0x9F / 255.0, 0x00 / 255.0, 1 }, /* orange */
  { 0x56 / 255.0, 0xB4 / 255.0, 0xE9 / 255.0, 1 }, /* sky blue */
  { 0xF0 / 255.0, 0xE4 / 255.0, 0x42 / 255.0, 1 }, /* yellow */
  { 0x00 / 255.0, 0x00 / 255.0, 0x00 / 255.0, 1 }, /* black (white in dark style) */
};

static void
init_common (AxonStyle *style)
{
  for (int i = 0; i < AXON_STYLE_N_SERIES; i++)
    style->series[i] = okabe_ito[i];
  style->font_family = "Sans";
  style->font_size = 13.0;
  style->font_scale = 1.0;
  style->line_width = 2.0;
  style->presentation = false;
}

void
axon_style_init_light (AxonStyle *style)
{
  init_common (style);
  style->background = (AxonRgba) { 1, 1, 1, 1 };
  style->foreground = (AxonRgba) { 0.12, 0.12, 0.14, 1 };
  style->grid = (AxonRgba) { 0, 0, 0, 0.10 };
  style->muted = (AxonRgba) { 0.35, 0.35, 0.38, 1 };
  style->highlight = (AxonRgba) { 0.11, 0.42, 0.85, 1 };
  style->shade = (AxonRgba) { 0.5, 0.5, 0.5, 0.12 };
}

void
axon_style_init_dark (AxonStyle *style)
{
  init_common (style);
  style->background = (AxonRgba) { 0.14, 0.14, 0.15, 1 };
  style->foreground = (AxonRgba) { 0.93, 0.93, 0.94, 1 };
  style->grid = (AxonRgba) { 1, 1, 1, 0.12 };
  style->muted = (AxonRgba) { 0.70, 0.70, 0.72, 1 };
  style->highlight = (AxonRgba) { 0.47, 0.68, 0.98, 1 };
  style->shade = (AxonRgba) { 1, 1, 1, 0.10 };
  /* Black would vanish on a dark background. */
  style->series[AXON_STYLE_N_SERIES - 1] = (AxonRgba) { 1, 1, 1, 1 };
  style->series[0] = (AxonRgba) { 0.35, 0.65, 1.0, 1 }; /* lighter blue for contrast */
}

void
axon_style_apply_presentation (AxonStyle *style)
{
  if (style->presentation)
    return;
  style->presentation = true;
  style->font_scale *= 1.6;
  style->line_width *= 1.75;
  style->foreground.a = 1;
  style->grid.a = style->grid.a < 0.2 ? 0.2 : style->grid.a; /* visible through a projector */
}

double
axon_style_font_px (const AxonStyle *style)
{
  return style->font_size * style->font_scale;
}
