/* fold.h: text keys that ignore case and accents. */
#ifndef PARCOURS_FOLD_H
#define PARCOURS_FOLD_H

#include <stdbool.h>
#include <stdint.h>

/*
 * A malloc'd copy of UTF-8 `s` (NULL counts as "") in lower case without
 * diacritics: "Lefèvre" and "LEFEVRE" both give "lefevre", "Nguyễn" gives
 * "nguyen", "Œuvre" "oeuvre". Letters outside the Latin scripts are kept
 * as they are. NULL when out of memory; the caller frees with free().
 */
char *fold_key(const char *s);

/* True when folded_needle occurs in folded_haystack (both from fold_key,
 * neither NULL). */
bool fold_contains(const char *folded_haystack, const char *folded_needle);

#endif
