/* views.c: the table of the interface's views, as main.c's of commands.
 * Adding a view is its view_*.c with its `const struct view` and one line
 * here (and its id in keys.h for its bindings). Tabs show in this order. */
#include "tui.h"

extern const struct view view_caseload, view_agenda, view_dashboard,
	view_participant, view_help, view_note;

const struct view *const tui_views[VIEW_COUNT] = {
	[VIEW_CASELOAD] = &view_caseload,
	[VIEW_AGENDA] = &view_agenda,
	[VIEW_DASHBOARD] = &view_dashboard,
	[VIEW_PARTICIPANT] = &view_participant,
	[VIEW_HELP] = &view_help,
	[VIEW_NOTE] = &view_note,
};
