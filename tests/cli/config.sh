#!/usr/bin/env bash
# cli/config.sh: check-config on the default, a good, a bad and a broken
# configuration; a bad one refused by every command; the user's found
# under XDG_CONFIG_HOME; a stage the data use but the configuration lacks.
. "$(dirname "$0")/../lib.sh"

make_db 42
run check-default 0 --db "$WORK/none" check-config
out_has check-default "configuration OK (5 stages"
[ ! -e "$WORK/none" ] && ok || ko "check-config created a database"
printf 'referent: Zoë Brontë\ncaseload_target: 60\n' >"$WORK/good.yaml"
run check-good 0 --db "$WORK/none" check-config "$WORK/good.yaml"
out_has check-good "good.yaml: configuration OK"
printf 'referent: Zoë\ncaseload_target: lots\nstages: []\nfoo: 1\n' >"$WORK/bad.yaml"
run check-bad 2 --db "$WORK/none" check-config "$WORK/bad.yaml"
err_has check-bad "^parcours: .*bad.yaml:2:18: caseload_target: expected a whole number, found 'lots'"
err_has check-bad "^parcours: .*bad.yaml:3:9: stages: the list is empty"
err_has check-bad "^parcours: .*bad.yaml:4:1: configuration: unknown key 'foo'"
printf 'stages:\n  - id: freins\n    label: [\n' >"$WORK/syntax.yaml"
run check-syntax 2 --db "$WORK/none" check-config "$WORK/syntax.yaml"
err_has check-syntax "syntax.yaml:[0-9]*:[0-9]*: YAML syntax error"
# A bad config is refused by every command, before any data is touched.
run list-bad-config 2 --db "$DB" --config "$WORK/bad.yaml" list
err_has list-bad-config "bad.yaml:2:18"
# The user's config is found under XDG_CONFIG_HOME.
mkdir -p "$HOME/.config/parcours"
cp "$WORK/good.yaml" "$HOME/.config/parcours/config.yaml"
run xdg-config 0 --db "$DB" --today $T --referent "Marie Dupont" list
out_has xdg-config "80 participants · target 60"
rm "$HOME/.config/parcours/config.yaml"

# A configuration without a stage the data use: reported, data untouched.
cat >"$WORK/four.yaml" <<'YAML'
stages:
  - id: freins
    label: Freins
    short: Freins
    contact_days: 30
  - id: orienter
    label: Orienter
    short: Orienter
    contact_days: 30
  - id: etapes-emploi
    label: Étapes
    short: Étapes
    contact_days: 30
  - id: former
    label: Former
    short: Former
    contact_days: 30
YAML
sum_before=$(md5sum <"$DB/data.mdb")
run check-missing-stage 2 --db "$DB" --today $T check-config "$WORK/four.yaml"
err_has check-missing-stage "four.yaml:1:[0-9]*: stage 'emploi-durable' is used by [0-9]* participants"
run list-missing-stage 0 --db "$DB" --today $T --config "$WORK/four.yaml" list --format tsv
err_has list-missing-stage "four.yaml:1:[0-9]*: participant [0-9]* (.*) is in stage 'emploi-durable', which the configuration does not define"
same "unknown stage rows kept" "$(tail -n +2 "$WORK/out" | wc -l)" 80
same "unknown stage: data untouched" "$(md5sum <"$DB/data.mdb")" "$sum_before"

finish
