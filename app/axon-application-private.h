/* axon-application-private.h: shared by axon-application.c and axon-application-actions.c. */
#pragma once

#include "axon-application.h"

G_BEGIN_DECLS

struct _AxonApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
};

/* Installs app.quit, app.about, app.presentation and app.style-variant, and every
 * accelerator of the application and its windows. */
void axon_application_install_actions (AxonApplication *self);

G_END_DECLS
