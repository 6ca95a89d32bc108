/* i18n.h: translation of user-facing text (gettext, domain "parcours"). */
#ifndef PARCOURS_I18N_H
#define PARCOURS_I18N_H

#include <libintl.h>

#define PARCOURS_DOMAIN "parcours"

/* Translate a message now; mark one for translation later. */
#define _(s)  dgettext(PARCOURS_DOMAIN, s)
#define N_(s) s
/* Singular or plural by n, translated. */
#define P_(s, p, n) dngettext(PARCOURS_DOMAIN, s, p, (unsigned long)(n))

#endif
