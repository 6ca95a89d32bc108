#!/usr/bin/env bash
# cli/global_options.sh: --version, --help, unknown commands and options,
# missing values, a bad --today, the environment standing for options.
. "$(dirname "$0")/../lib.sh"

run version 0 --version
out_has version "parcours [0-9.]* (database schema [0-9]*)"
run help 0 --help
for c in attention list demo check-config --db --config --today --referent --demo; do
	out_has help "$c"
done
run unknown-command 2 frobnicate
err_has unknown-command "^parcours: unknown command 'frobnicate'"
run unknown-option 2 --frobnicate
err_has unknown-option "^parcours: unknown option '--frobnicate'"
run unknown-command-option 2 --db "$DB" list --frobnicate
err_has unknown-command-option "^parcours: list: unknown option '--frobnicate'"
err_has unknown-command-option "Try 'parcours list --help'"
run missing-value 2 --db
err_has missing-value "^parcours: --db: needs a value"
run missing-format 2 --db "$DB" attention --format
err_has missing-format "^parcours: attention: --format: needs a value"
run bad-today 2 --db "$DB" --today 2026-02-30 list
err_has bad-today "^parcours: --today: '2026-02-30' is not a date"
[ ! -e "$DB" ] && ok || ko "bad-today: the database was created"
run missing-config 2 --db "$DB" --config "$WORK/nope.yaml" list
err_has missing-config "nope.yaml: no such configuration file"
run demo-and-db 2 --demo --db "$DB" list

make_db 42
# Without a command the interface opens; it needs a terminal.
run no-terminal 2 --db "$DB" --today $T
err_has no-terminal "^parcours: the interface needs a terminal"
# PARCOURS_TODAY and PARCOURS_DB stand for the options.
same "environment" "$(PARCOURS_DB=$DB PARCOURS_TODAY=$T "$BIN" attention --format tsv)" \
	"$(P attention --format tsv)"

# An empty value is an error, never the default database: an unset
# variable in a script must not reach the referent's real data.
mkdir -p "$HOME/.local/share"
HOMEDB=$HOME/.local/share/parcours
"$BIN" --db "$HOMEDB" --today $T demo --seed 1 >/dev/null
before=$(cat "$HOMEDB/data.mdb" | md5sum)
run empty-db 2 --db "" erase 1
err_has empty-db "^parcours: --db: empty value"
PARCOURS_DB= run empty-db-env 2 erase 1
err_has empty-db-env "^parcours: PARCOURS_DB is set but empty"
run empty-today 2 --db "$DB" --today "" list
err_has empty-today "^parcours: --today: empty value"
PARCOURS_TODAY= run empty-today-env 2 --db "$DB" list
err_has empty-today-env "PARCOURS_TODAY is set but empty"
run empty-config 2 --db "$DB" --config "" list
err_has empty-config "^parcours: --config: empty value"
PARCOURS_CONFIG= run empty-config-env 2 --db "$DB" list
same "empty values leave the default database alone" \
	"$(cat "$HOMEDB/data.mdb" | md5sum)" "$before"
same "participant 1 still there" \
	"$("$BIN" --db "$HOMEDB" --today $T access 1 >/dev/null 2>&1; echo $?)" 0

finish
