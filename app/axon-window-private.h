/* axon-window-private.h: the window's fields, shared by axon-window.c and
 * axon-window-actions.c. */
#pragma once

#include "axon-window.h"

G_BEGIN_DECLS

struct _AxonWindow
{
  AdwApplicationWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton *menu_button;

  AxonExplorePage *explore_page;
  AxonDistributionPage *distribution_page;
  AxonComparePage *compare_page;
  GSettings *settings; /* the application's, set by axon_window_new () */
};

/* Installs the win.* actions (export, search, zoom, reset, train, toast). */
void axon_window_install_actions (AxonWindow *self);
/* Applies the presentation setting to the window and its plots. */
void axon_window_update_presentation (AxonWindow *self);

G_END_DECLS
