#!/usr/bin/env bash
# cli/team.sh: a PLIE team on one server: the `team` map (referents and
# coordinators by login), a database shared by a Unix group (init
# --shared), several referents at once, the journal naming each login,
# reassign. The shared part needs root (groupadd, useradd, runuser): it is
# skipped, with a message, otherwise.
. "$(dirname "$0")/../lib.sh"

me=$(id -un)

# ---- the team map, as whoever runs the tests ----
cat >"$WORK/team.yaml" <<YAML
team:
  $me: {name: "Ref Un", role: referent}
  zz_coord: {name: "Coord", role: coordinator}
YAML
C() { "$BIN" --db "$DB" --today $T --config "$WORK/team.yaml" "$@"; }
C init >/dev/null
printf 'nom,prenom,date_naissance\nAlpha,Anne,1980-01-01\n' >"$WORK/a.csv"
C import "$WORK/a.csv" >/dev/null 2>&1
run own 0 --db "$DB" --today $T --config "$WORK/team.yaml" list --format tsv
out_has own "Alpha"
run all-refused 2 --db "$DB" --today $T --config "$WORK/team.yaml" list --all
err_has all-refused "for coordinators"
run export-all-refused 2 --db "$DB" --today $T --config "$WORK/team.yaml" export --all
run other-refused 2 --db "$DB" --today $T --config "$WORK/team.yaml" --referent Coord list
err_has other-refused "another referent's caseload is for coordinators"
run own-named 0 --db "$DB" --today $T --config "$WORK/team.yaml" --referent "Ref Un" list
run reassign-refused 2 --db "$DB" --today $T --config "$WORK/team.yaml" reassign --from "Ref Un" --to Coord
err_has reassign-refused "reassign: for coordinators"
run check-config 0 --config "$WORK/team.yaml" check-config
cat >"$WORK/outside.yaml" <<YAML
team:
  zz_nobody: {name: "Nobody", role: coordinator}
YAML
run outside 2 --db "$DB" --config "$WORK/outside.yaml" list
err_has outside "$me is not in the team"
# Mistakes in the map, each at its line and column.
printf 'team:\n  - {name: X, role: referent}\n' >"$WORK/bad1.yaml"
run bad-list 2 check-config "$WORK/bad1.yaml"
err_has bad-list "bad1.yaml:2:3: team: expected a mapping"
printf 'team:\n  ab: {name: X, role: boss}\n  cd: {role: referent}\n' >"$WORK/bad2.yaml"
run bad-role 2 check-config "$WORK/bad2.yaml"
err_has bad-role "bad2.yaml:2:23: role: expected one of referent, coordinator"
err_has bad-role "bad2.yaml:3:7: cd: missing key 'name'"
# The journal names the login; without a team everything is as before.
run journal 0 --db "$DB" journal --format tsv
same journal-login "$(awk -F'\t' 'NR > 1 { print $2 "|" $3 }' "$WORK/out" | sort -u)" "$me|Ref Un"
run no-team-all 0 --db "$DB" --today $T list --all

# A personal database under a setgid parent (its directory inherits the
# bit, 2700) keeps the personal rules.
mkdir -m 2755 "$WORK/sgid"
run sgid-init 0 --db "$WORK/sgid/db" init
run sgid-list 0 --db "$WORK/sgid/db" list
same sgid-mode "$(stat -c %a "$WORK/sgid/db/data.mdb")" 600

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v runuser >/dev/null; then
	echo "cli/team: the shared database part needs root, useradd and runuser: skipped"
	finish
fi

# ---- one server, three referents' accounts, one outsider ----
r=$RANDOM$RANDOM
G=pc_test_g$r
U1=pc_test_a$r U2=pc_test_b$r U3=pc_test_c$r OUT=pc_test_o$r
TD=$(mktemp -d /tmp/parcours-team-XXXXXX)
chmod 755 "$TD"
team_cleanup() {
	for u in "$U1" "$U2" "$U3" "$OUT"; do userdel "$u" 2>/dev/null; done
	groupdel "$G" 2>/dev/null
	rm -rf "$TD"
	cleanup
}
trap team_cleanup EXIT
groupadd "$G" || { ko "groupadd"; finish; }
for u in "$U1" "$U2" "$U3"; do useradd -M -N -g "$G" "$u" || ko "useradd $u"; done
useradd -M -N -g users "$OUT" 2>/dev/null || useradd -M -N "$OUT" || ko "useradd $OUT"
# What the users run, readable by them: the binary with its configuration
# and templates beside it, as an installation has them.
mkdir -p "$TD/bin" "$TD/share/parcours" "$TD/srv" "$TD/home"
cp "$BIN" "$TD/bin/parcours"
cp "$SRC/config/parcours.yaml" "$TD/share/parcours/"
cp -r "$SRC/config/templates" "$TD/share/parcours/"
chmod -R a+rX "$TD"
chmod 1777 "$TD/home" "$TD/srv"
cat >"$TD/team.yaml" <<YAML
team:
  $U1: {name: "Ref One", role: referent}
  $U2: {name: "Ref Two", role: referent}
  $U3: {name: "Coord Three", role: coordinator}
  $OUT: {name: "Outsider", role: referent}
YAML
chmod 644 "$TD/team.yaml"
SDB=$TD/srv/db
# as USER ARGS...: parcours as USER, under a umask of $UMASK (000).
as() {
	local u=$1
	shift
	mkdir -p "$TD/home/$u" && chown "$u" "$TD/home/$u"
	runuser -u "$u" -- env -i PATH=/usr/bin:/bin HOME="$TD/home/$u" \
		LC_ALL=C.UTF-8 TZ=UTC PARCOURS_CONFIG="$TD/team.yaml" M="${UMASK:-000}" \
		sh -c 'umask "$M"; exec "$0" "$@"' "$TD/bin/parcours" --db "$SDB" --today $T "$@"
}
asrun() {
	local name=$1 want=$2 st
	shift 2
	as "$@" >"$WORK/out" 2>"$WORK/err"
	st=$?
	if [ "$st" = "$want" ]; then ok; else ko "$name: status $st, wanted $want: $(head -c 300 "$WORK/err")"; fi
}
mode() { stat -c %a "$1"; }

asrun init 0 "$U3" init --shared "$G"
same dir-mode "$(mode "$SDB")" 2770
same dir-group "$(stat -c %G "$SDB")" "$G"
same data-mode "$(mode "$SDB/data.mdb")" 660
same lock-mode "$(mode "$SDB/lock.mdb")" 660
asrun init-again 0 "$U3" init --shared "$G"
out_has init-again "already there"
asrun outsider 1 "$OUT" list
err_has outsider "which $OUT is not in"

# Two referents add participants at once, while the coordinator exports.
for k in $(seq 1 8); do
	printf 'nom,prenom,date_naissance\nUn%s,Anne,1980-01-01\nUnb%s,Anne,1981-01-01\n' "$k" "$k" >"$TD/one$k.csv"
	printf 'nom,prenom,date_naissance\nDeux%s,Bea,1980-01-01\nDeuxb%s,Bea,1981-01-01\n' "$k" "$k" >"$TD/two$k.csv"
done
chmod 644 "$TD"/*.csv
( for k in $(seq 1 8); do as "$U1" import "$TD/one$k.csv" >/dev/null 2>>"$TD/err1" || echo fail >>"$TD/fail"; done ) &
j1=$!
( for k in $(seq 1 8); do as "$U2" import "$TD/two$k.csv" >/dev/null 2>>"$TD/err2" || echo fail >>"$TD/fail"; done ) &
j2=$!
( for k in $(seq 1 6); do as "$U3" export --all --format json >/dev/null 2>>"$TD/err3" || echo fail >>"$TD/fail"; done ) &
j3=$!
wait $j1 $j2 $j3
[ ! -e "$TD/fail" ] && ok || ko "a concurrent run failed: $(cat "$TD"/err? 2>/dev/null | head -c 400)"
asrun all 0 "$U3" list --all --format tsv
same nothing-lost "$(awk -F'\t' 'NR > 1' "$WORK/out" | wc -l)" 32
asrun own1 0 "$U1" list --format tsv
same own1 "$(awk -F'\t' 'NR > 1 && $2 ~ /^Un/' "$WORK/out" | wc -l)" 16
same own1-only "$(awk -F'\t' 'NR > 1 && $2 ~ /^Deux/' "$WORK/out" | wc -l)" 0
same data-mode-after "$(mode "$SDB/data.mdb")" 660
same lock-mode-after "$(mode "$SDB/lock.mdb")" 660

# Files made again under a umask that would close them to the group.
rm -f "$SDB/lock.mdb"
UMASK=077 asrun umask-077 0 "$U1" list
same lock-mode-077 "$(mode "$SDB/lock.mdb")" 660
asrun after-077 0 "$U2" list

# Guard rails between referents.
asrun ref-other 2 "$U1" --referent "Ref Two" list
err_has ref-other "for coordinators"
asrun ref-all 2 "$U1" list --all
asrun coord-other 0 "$U3" --referent "Ref Two" list --format tsv

# The journal names each login.
asrun journal 0 "$U3" journal --format tsv
same journal-u1 "$(awk -F'\t' -v u="$U1" '$2 == u && $3 == "Ref One"' "$WORK/out" | wc -l)" 16
same journal-u2 "$(awk -F'\t' -v u="$U2" '$2 == u && $3 == "Ref Two"' "$WORK/out" | wc -l)" 16
same journal-shared "$(awk -F'\t' -v u="$U3" '$2 == u && $5 ~ /^database shared with group /' "$WORK/out" | wc -l)" 1
asrun journal-ref 0 "$U1" journal --format tsv
same journal-ref-own "$(awk -F'\t' -v u="$U2" 'NR > 1 && $2 == u' "$WORK/out" | wc -l)" 0

# A referent's caseload handed over at once, journalled.
asrun reassign-ref 2 "$U2" reassign --from "Ref One" --to "Ref Two"
asrun reassign-typo 2 "$U3" reassign --from "Ref One" --to "Ref Tow"
err_has reassign-typo "no one's name in the team"
asrun reassign 0 "$U3" reassign --from "Ref One" --to "Ref Two"
out_has reassign "16 participants of Ref One"
asrun after 0 "$U2" list --format tsv
same reassigned "$(awk -F'\t' 'NR > 1' "$WORK/out" | wc -l)" 32
asrun journal2 0 "$U3" journal --format tsv
same reassign-journal "$(awk -F'\t' -v u="$U3" '$2 == u && $5 == "reassigned from Ref One to Ref Two"' "$WORK/out" | wc -l)" 16

# Backups and exports stay the writer's alone.
asrun backup 0 "$U1" backup "$TD/home/$U1/b.mdb"
same backup-mode "$(mode "$TD/home/$U1/b.mdb")" 600
asrun export 0 "$U1" export --format csv --output "$TD/home/$U1/e.csv"
same export-mode "$(mode "$TD/home/$U1/e.csv")" 600

# A restore and an erasure replace the database file: still the group's.
asrun backup3 0 "$U3" backup "$TD/home/$U3/b.mdb"
asrun restore 0 "$U3" restore "$TD/home/$U3/b.mdb"
same restored-mode "$(mode "$SDB/data.mdb")" 660
for f in "$SDB"/data.mdb.before-restore-*; do same aside-mode "$(mode "$f")" 660; done
asrun after-restore 0 "$U1" list
asrun ids 0 "$U2" list --format tsv
victim=$(awk -F'\t' 'NR == 2 { print $1 }' "$WORK/out")
asrun erase 0 "$U2" erase "$victim"
same erased-mode "$(mode "$SDB/data.mdb")" 660
for f in "$SDB"/data.mdb.before-restore-*; do same aside-mode-erased "$(mode "$f")" 660; done
asrun after-erase 0 "$U1" journal --format tsv

# Anything else than the group's directory is refused, with what to do.
chmod 2775 "$SDB"
asrun open-to-others 1 "$U1" list
err_has open-to-others "chmod 2770"
chmod 2770 "$SDB"
chgrp users "$SDB/data.mdb" 2>/dev/null || chgrp root "$SDB/data.mdb"
asrun wrong-group 1 "$U3" list
err_has wrong-group "chgrp $G"
chgrp "$G" "$SDB/data.mdb"
ln -s "$SDB" "$TD/srv/link"
as "$U1" list >/dev/null 2>&1 && ok || ko "the shared database no longer opens"
runuser -u "$U1" -- env -i HOME="$TD/home/$U1" PARCOURS_CONFIG="$TD/team.yaml" "$TD/bin/parcours" --db "$TD/srv/link" list >"$WORK/out" 2>"$WORK/err"
[ $? = 1 ] && ok || ko "a symbolic link to a shared database was not refused"
err_has symlink "symbolic link"
finish
