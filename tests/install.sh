#!/bin/sh
# install.sh BUILD SOURCE: `meson install` into a temporary DESTDIR, run the
# installed parcours from there on a demo database (it must find its own
# configuration and translations), check the manual page, uninstall.
set -u
build=$1 src=$2
dest=$(mktemp -d "${TMPDIR:-/tmp}/parcours-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL: $*"; }

DESTDIR=$dest meson install -C "$build" --quiet --no-rebuild >/dev/null 2>&1 &&
	ok || ko "meson install"
bin=$(find "$dest" -path '*/bin/parcours' -type f)
[ -x "$bin" ] && ok || ko "no installed binary"
export HOME=$dest/home XDG_DATA_HOME= XDG_CONFIG_HOME=
unset PARCOURS_DB PARCOURS_CONFIG PARCOURS_TODAY
mkdir -p "$HOME"
"$bin" --today 2026-11-26 --demo attention >"$dest/out" 2>&1 &&
	grep -q "need attention" "$dest/out" && ok || ko "installed --demo attention: $(head -3 "$dest/out")"
"$bin" check-config >"$dest/out" 2>&1
case $(cat "$dest/out") in
"$dest"/*/share/parcours/parcours.yaml:*) ok ;;
*) ko "the installed binary does not use its installed configuration: $(cat "$dest/out")" ;;
esac
# Its letter templates too.
"$bin" templates 2>&1 | grep -q "^Shipped templates: $dest/.*/share/parcours/templates$" &&
	ok || ko "the installed binary does not use its installed templates: $("$bin" templates 2>&1 | head -2)"
LANGUAGE=fr LC_ALL=C.UTF-8 "$bin" --today 2026-11-26 --demo attention 2>&1 |
	grep -q "à traiter" && ok || ko "installed translations not found"
for f in share/man/man1/parcours.1 share/bash-completion/completions/parcours \
	share/locale/fr/LC_MESSAGES/parcours.mo share/parcours/parcours.yaml \
	share/parcours/templates/convocation.fodt; do
	[ -n "$(find "$dest" -path "*/$f")" ] && ok || ko "not installed: $f"
done
# The manual page renders without a warning.
warnings=$(groff -ww -z -man "$src/tui/parcours.1" 2>&1)
[ -z "$warnings" ] && ok || ko "manual page warnings: $warnings"
DESTDIR=$dest ninja -C "$build" uninstall >/dev/null 2>&1 && ok || ko "uninstall"
[ -z "$(find "$dest" -type f -not -path "$dest/home/*" -not -name out)" ] && ok ||
	ko "left after uninstall: $(find "$dest" -type f -not -path "$dest/home/*" | head -3)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
