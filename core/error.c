/* error.c: error codes and their messages. */
#include "error.h"
#include "i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const messages[] = {
	[PC_OK] = N_("success"),
	[PC_ENOMEM] = N_("out of memory"),
	[PC_EIO] = N_("input/output error"),
	[PC_EDB] = N_("database error"),
	[PC_ENOTFOUND] = N_("not found"),
	[PC_ECORRUPT] = N_("corrupt data"),
	[PC_ESCHEMA] = N_("database written by a newer version of parcours"),
	[PC_EINVAL] = N_("invalid input"),
	[PC_ENOTEMPTY] = N_("database is not empty"),
	[PC_EFULL] = N_("no space left on device"),
};

const char *error_string(int code)
{
	if (code < 0 || (size_t)code >= sizeof messages / sizeof messages[0] ||
	    messages[code] == NULL)
		return _("unknown error");
	return _(messages[code]);
}

int error_set(char **cause, int code, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (cause == NULL || *cause != NULL)
		return code;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return code;
	*cause = malloc((size_t)n + 1);
	if (*cause == NULL)
		return code;
	va_start(ap, fmt);
	vsnprintf(*cause, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return code;
}
