#!/usr/bin/env bash
# cli/paths.sh: where data live: --demo's database, the default one under
# XDG_DATA_HOME, --db alone; a --db that cannot be one.
. "$(dirname "$0")/../lib.sh"

run demo-flag 0 --today $T --demo attention
[ -f "$HOME/.local/share/parcours/demo/data.mdb" ] && ok || ko "--demo database not at XDG_DATA_HOME/parcours/demo"
[ ! -e "$HOME/.local/share/parcours/data.mdb" ] && ok || ko "--demo touched the real database"
same "demo dir mode" "$(stat -c %a "$HOME/.local/share/parcours/demo")" 700
out_has demo-flag "need attention"
run demo-flag-again 0 --today $T --demo list --format tsv
same "demo created once" "$(tail -n +2 "$WORK/out" | wc -l)" 80
export XDG_DATA_HOME=$WORK/xdg
run xdg-data 0 --today $T demo --participants 3 --seed 1
[ -f "$WORK/xdg/parcours/data.mdb" ] && ok || ko "default database not at XDG_DATA_HOME/parcours"
export XDG_DATA_HOME=
run db-isolation 0 --db "$WORK/iso" --today $T init
run db-isolation-list 0 --db "$WORK/iso" --today $T list --format tsv
same "--db isolation" "$(wc -l <"$WORK/out")" 1
# A command that only reads never makes a database: a mistyped --db says
# so (it made an empty one, "0 participants · target 80", exit 0).
for cmd in list attention export dump "backup $WORK/b.bak" "access 1" "hold 1" "erase 1" \
	"purge --exited-before 2020-01-01" check; do
	# shellcheck disable=SC2086
	run "no database: $cmd" 1 --db "$WORK/typo" --today $T $cmd
	err_has "no database: $cmd" "no database"
	[ ! -e "$WORK/typo/data.mdb" ] && ok || ko "$cmd made a database"
done
run init-again 0 --db "$WORK/iso" init
out_has init-again "already there; nothing changed"
printf 'referent: Zoë Brontë\ncaseload_target: 60\n' >"$WORK/good.yaml"
run db-not-dir 1 --db "$WORK/good.yaml" init
err_has db-not-dir "^parcours: .*good.yaml: not a directory"
run db-unwritable 1 --db /proc/parcours-test init
err_has db-unwritable "^parcours: /proc/parcours-test: cannot create"

finish
