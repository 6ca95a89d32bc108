#!/bin/sh
# po.sh SOURCE_ROOT: every user-facing string of the sources has its French
# translation: the catalogue is extracted afresh, merged into po/fr.po,
# and msgfmt must find nothing untranslated and nothing fuzzy.
set -eu
src=$1
work=$(mktemp -d "${TMPDIR:-/tmp}/parcours-po-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$src"
xgettext --keyword=_ --keyword=N_ --keyword=P_:1,2 --from-code=UTF-8 \
	--add-comments=TRANSLATORS -o "$work/parcours.pot" \
	$(cat po/POTFILES)
msgmerge --quiet --no-fuzzy-matching -o "$work/fr.po" po/fr.po "$work/parcours.pot"
stats=$(msgfmt -c --statistics -o /dev/null "$work/fr.po" 2>&1)
echo "po/fr.po: $stats"
if echo "$stats" | grep -q 'untranslated\|fuzzy'; then
	echo "po/fr.po is incomplete; update it (meson compile parcours-update-po)"
	msgattrib --untranslated "$work/fr.po" | grep '^msgid' | head -20
	exit 1
fi
# Every source file with translatable strings is listed in POTFILES.
missing=$(grep -l '_("' core/*.c tui/*.c | sort | comm -23 - po/POTFILES)
if [ -n "$missing" ]; then
	echo "not in po/POTFILES: $missing"
	exit 1
fi
echo "1 passed, 0 failed"
