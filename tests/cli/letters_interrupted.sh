#!/usr/bin/env bash
# cli/letters_interrupted.sh: a batch of letters into a directory stopped
# by Ctrl-C, a kill or the terminal closing while it writes leaves nothing
# of itself, not even hidden; once the letters are in the directory, it
# records them before it ends: every letter there is recorded, none
# recorded is missing. What a batch killed outright (kill -9) left hidden
# is removed by the next batch into that directory. A disk too full to
# record the letters keeps none of them. A batch holds one letter at a
# time, however heavy the template.
. "$(dirname "$0")/../lib.sh"

"$BIN" --db "$DB" --today $T demo --participants 2000 --seed 7 >/dev/null ||
	{ ko "demo --participants 2000"; finish; }
letters_in() { find "$1" -maxdepth 1 -name 'convocation-*.fodt' | wc -l; }
recorded() { P dump | grep -c '"letter": "convocation"'; }
hidden() { find "$1" -mindepth 1 -name '.parcours-letters-*' | wc -l; }

for sig in INT TERM HUP; do
	out=$WORK/out-$sig
	mkdir "$out"
	before=$(recorded)
	"$BIN" --db "$DB" --today $T letters convocation --all --again --from $T --to 2027-06-30 --output-dir "$out" 2>"$WORK/err" &
	pid=$!
	# Once the first letter is in its temporary directory.
	for _ in $(seq 2000); do
		[ -n "$(find "$out" -mindepth 2 -name 'convocation-*' -print -quit)" ] && break
		kill -0 $pid 2>/dev/null || break
		sleep 0.005
	done
	kill -$sig $pid 2>/dev/null
	{ wait $pid; } 2>/dev/null
	st=$?
	case $st in
	0 | 129 | 130 | 143) ok ;;
	*) ko "$sig: status $st: $(cat "$WORK/err")" ;;
	esac
	same "$sig: nothing hidden left" "$(hidden "$out")" 0
	same "$sig: the letters there are the letters recorded" "$(letters_in "$out")" $(($(recorded) - before))
	[ $st -ne 0 ] && { same "$sig: stopped, none written" "$(letters_in "$out")" 0; err_has "$sig: said" "interrupted"; }
done

# A disk too full to record them (a file size limit the letters pass
# and the database, already larger, does not): none kept, none recorded.
out=$WORK/out-full
mkdir "$out"
before=$(recorded)
( ulimit -f 40; "$BIN" --db "$DB" --today $T letters convocation --all --again --output-dir "$out" ) >"$WORK/out" 2>"$WORK/err"
same "full disk: status" $? 1
err_has "full disk: said" "could not be recorded; their files are removed"
same "full disk: no letter kept" "$(find "$out" -mindepth 1 | wc -l)" 0
same "full disk: none recorded" "$(recorded)" "$before"
pid=$(P list --format tsv | awk -F'\t' 'NR == 2 { print $1 }')
before=$(P dump | grep -c '"letter attestation made"')
( ulimit -f 40; "$BIN" --db "$DB" --today $T letter attestation "$pid" --output "$out/one.fodt" ) >"$WORK/out" 2>"$WORK/err"
same "full disk, one letter: status" $? 1
err_has "full disk, one letter: said" "could not be recorded; its file is removed"
same "full disk, one letter: no file" "$(find "$out" -mindepth 1 | wc -l)" 0
same "full disk, one letter: not recorded" "$(P dump | grep -c '"letter attestation made"')" "$before"

# A template with a logo (a megabyte, base64 in the .fodt): a batch holds
# one letter at a time, not all of them (it took 1 MB a letter).
mkdir -p "$HOME/.config/parcours/templates"
python3 - "$SRC/config/templates/convocation.fodt" "$HOME/.config/parcours/templates/convocation.fodt" <<'PY'
import base64, os, sys
src = open(sys.argv[1], encoding="utf-8").read()
logo = ('<text:p><draw:frame draw:name="logo" svg:width="2cm" svg:height="2cm" '
        'text:anchor-type="paragraph"><draw:image><office:binary-data>'
        + base64.b64encode(os.urandom(750000)).decode()
        + '</office:binary-data></draw:image></draw:frame></text:p>')
at = src.index("</office:text>")
open(sys.argv[2], "w", encoding="utf-8").write(src[:at] + logo + src[at:])
PY
out=$WORK/out-logo
mkdir "$out"
# (A sanitizer's quarantine of freed memory kept small, not counted.)
rss=$(ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=8 python3 -c '
import resource, subprocess, sys
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' \
	"$BIN" --db "$DB" --today $T letters convocation --all --again --to 2026-11-28 --output-dir "$out")
made=$(letters_in "$out")
[ "${rss%% *}" = 0 ] && [ "$made" -gt 50 ] && ok || ko "logo batch: status ${rss%% *}, $made letters"
[ "${rss#* }" -lt $((made / 2 + 100)) ] && ok || ko "logo batch: $made letters of 1 MB took ${rss#* } MB"
rm -rf "$HOME/.config/parcours/templates" "$out"

# kill -9 leaves its temporary directory; the next batch into the
# directory removes it once it is old, and leaves a fresh one (a batch
# going on) be.
out=$WORK/out-kill
mkdir -p "$out/.parcours-letters-AbC123" "$out/.parcours-letters-XyZ789"
echo letter >"$out/.parcours-letters-AbC123/convocation-2026-12-01-P1-1.fodt"
echo letter >"$out/.parcours-letters-XyZ789/convocation-2026-12-01-P1-1.fodt"
touch -d '-1 hour' "$out/.parcours-letters-AbC123"
run "after kill -9" 0 --db "$DB" --today $T letters convocation --all --again --output-dir "$out"
[ ! -e "$out/.parcours-letters-AbC123" ] && ok || ko "an old temporary directory stayed"
[ -e "$out/.parcours-letters-XyZ789/convocation-2026-12-01-P1-1.fodt" ] && ok || ko "a fresh temporary directory was removed"

finish
