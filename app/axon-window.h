/* axon-window.h: the main window: header bar, page stack, toasts, window state. */
#pragma once

#include <adwaita.h>

#include "axon-application.h"
#include "axon-explore-page.h"

G_BEGIN_DECLS

#define AXON_TYPE_WINDOW (axon_window_get_type ())
G_DECLARE_FINAL_TYPE (AxonWindow, axon_window, AXON, WINDOW, AdwApplicationWindow)

AxonWindow *axon_window_new (AxonApplication *application);

AxonExplorePage *axon_window_get_explore_page (AxonWindow *self);
AdwViewStack *axon_window_get_stack (AxonWindow *self);

/* A short message at the bottom of the window. */
void axon_window_add_toast (AxonWindow *self,
                            const char *message);

/* Writes the window's and its pages' state to the application's settings (also done when
 * the window closes). */
void axon_window_save_state (AxonWindow *self);

G_END_DECLS
