/* axon-style.h: colours, line widths and fonts handed to every renderer.
 *
 * Renderers never look at the desktop theme; the window fills an AxonStyle from it and
 * export fills one from the user's choices, so a figure looks the same wherever made.
 */
#pragma once

#include <stdbool.h>

#define AXON_STYLE_N_SERIES 8

typedef struct
{
  double r, g, b, a;
} AxonRgba;

typedef struct
{
  AxonRgba background; /* a = 0 for a transparent figure */
  AxonRgba foreground; /* text, axes */
  AxonRgba grid;
  AxonRgba muted;      /* secondary text, derivative pane captions */
  AxonRgba highlight;  /* crosshair, step cursor */
  AxonRgba shade;      /* saturation and dead-zone shading */
  AxonRgba series[AXON_STYLE_N_SERIES]; /* colour-blind-safe palette (Okabe-Ito) */
  const char *font_family;
  double font_size;  /* pixels, before font_scale */
  double font_scale; /* 1 normally; larger in presentation mode or on request */
  double line_width; /* pixels for curves */
  bool presentation; /* classroom: larger text and lines, higher contrast */
} AxonStyle;

void axon_style_init_light (AxonStyle *style);
void axon_style_init_dark (AxonStyle *style);
/* Larger fonts and lines and full-contrast colours, for projectors. Idempotent. */
void axon_style_apply_presentation (AxonStyle *style);
/* Font size in pixels after scaling. */
double axon_style_font_px (const AxonStyle *style);
