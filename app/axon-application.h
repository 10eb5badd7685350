/* axon-application.h: the GtkApplication: lifecycle, app-wide actions, settings. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AXON_TYPE_APPLICATION (axon_application_get_type ())
G_DECLARE_FINAL_TYPE (AxonApplication, axon_application, AXON, APPLICATION, AdwApplication)

AxonApplication *axon_application_new (void);

/* The io.github.axonviz.Axon settings, valid from startup on. */
GSettings *axon_application_get_settings (AxonApplication *self);

G_END_DECLS
