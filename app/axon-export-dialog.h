/* axon-export-dialog.h: export the explorer's plot to PNG, SVG, PDF or CSV.
 *
 * Size, DPI (PNG), background (light, dark, transparent), font scale and the presentation
 * style; then a native file chooser. The figure is drawn by the same axon_plot_render as the
 * screen, and written atomically. Success is a toast in the parent window; a failure is one
 * line in the dialog, which stays open.
 */
#pragma once

#include <adwaita.h>

#include "axon-explore-page.h"

G_BEGIN_DECLS

#define AXON_TYPE_EXPORT_DIALOG (axon_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AxonExportDialog, axon_export_dialog, AXON, EXPORT_DIALOG, AdwWindow)

/* settings may be NULL (nothing remembered). */
AxonExportDialog *axon_export_dialog_new (GtkWindow       *parent,
                                          AxonExplorePage *page,
                                          GSettings       *settings);

/* Exports to path with the dialog's current choices, as the Export button does after the
 * file chooser; returns FALSE with error set (and shown in the dialog) on failure. */
gboolean axon_export_dialog_export_to (AxonExportDialog  *self,
                                       const char        *path,
                                       GError           **error);

G_END_DECLS
