#!/usr/bin/env bash
# cli/letters.sh: letters from templates. Each shipped template filled in
# for participants of a demo and well formed; LibreOffice makes a PDF of
# it that holds the participant's name and the appointment's date in
# French; a hostile name escaped; next week's convocations, one per
# planned appointment, in a directory and as one document; each letter
# recorded on its appointment and in the journal; a user's template
# takes precedence, and one with an unknown placeholder is refused with
# its file and line.
. "$(dirname "$0")/../lib.sh"

PY=/usr/bin/python3
[ -x $PY ] || PY=python3
make_db 3
mkdir -p "$HOME/.config/parcours"
cat >"$HOME/.config/parcours/config.yaml" <<'EOF'
referent_phone: "01 23 45 67 89"
referent_email: "referente@plie.example"
plie:
  name: "PLIE des Deux Rives"
  address: "3 place de la Mairie, 33000 Bordeaux"
  phone: "05 56 00 00 00"
  email: "contact@plie.example"
EOF
P dump >"$WORK/dump.json"
# check-config knows the new keys, and refuses what the plie section lacks.
run "check-config letters" 0 --db "$DB" check-config
printf 'plie:\n  name: "X"\n  fax: "1"\n' >"$WORK/bad.yaml"
run "check-config plie" 2 --db "$DB" check-config "$WORK/bad.yaml"
err_has "check-config plie" "bad.yaml:3:3: plie: unknown key 'fax'"

# Participants picked from the dump: the first with a planned appointment
# from T, and the appointment.
read -r PID APPT ADATE <<<"$($PY - "$WORK/dump.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for p in sorted(d["participants"], key=lambda p: p["id"]):
    if p["status"] == "exited" or p["referent"] != "Marie Dupont":
        continue
    planned = sorted((a["date"], a["minute"] or 0, a["id"]) for a in p["appointments"]
                     if a["status"] == "planned" and a["date"] >= "2026-11-26")
    if planned:
        print(p["id"], planned[0][2], planned[0][0])
        break
PY
)"
[ -n "$PID" ] && ok || { ko "no participant with a planned appointment in the demo"; finish; }
NAME=$($PY -c '
import json, sys
p = [p for p in json.load(open(sys.argv[1]))["participants"] if p["id"] == int(sys.argv[2])][0]
print(p["first_name"], p["last_name"])' "$WORK/dump.json" "$PID")
# The appointment's date as the letter writes it: "jeudi 3 décembre 2026".
FRDATE=$($PY -c '
import datetime, sys
d = datetime.date.fromisoformat(sys.argv[1])
days = "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
months = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
print(days[d.weekday()], str(d.day) + ("er" if d.day == 1 else ""), months[d.month - 1], d.year)' "$ADATE")

# templates lists the shipped ones with their placeholders.
run templates 0 --db "$DB" templates
for t in convocation.fodt convocation.md re-invitation.fodt contrat-engagement.fodt attestation.fodt; do
	out_has "templates $t" "^$t  shipped"
done
out_has "templates placeholders" "appointment.when"

wellformed() { $PY -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1" 2>"$WORK/xml.err"; }

# Each shipped template for that participant: well formed, no placeholder
# left.
for t in convocation re-invitation contrat-engagement attestation; do
	run "letter $t" 0 --db "$DB" --today $T letter $t "$PID" --output "$WORK/$t.fodt"
	err_has "letter $t message" "letter written to"
	if wellformed "$WORK/$t.fodt"; then ok; else ko "$t.fodt not well formed: $(cat "$WORK/xml.err")"; fi
	if grep -q '{{' "$WORK/$t.fodt"; then ko "$t: a placeholder left"; else ok; fi
	same "$t mode" "$(stat -c %a "$WORK/$t.fodt")" 600
done
grep -q "$FRDATE" "$WORK/convocation.fodt" && ok || ko "convocation lacks '$FRDATE'"
grep -q "PLIE des Deux Rives" "$WORK/attestation.fodt" && ok || ko "attestation lacks the PLIE"
# Markdown, to standard output.
run "letter md" 0 --db "$DB" --today $T letter convocation.md "$PID"
out_has "md name" "$NAME"
out_has "md date" "$FRDATE"
# --output's extension picks the template.
run "letter by ext" 0 --db "$DB" --today $T letter convocation "$PID" --output "$WORK/c.md"
grep -q '^\*\*PLIE des Deux Rives\*\*' "$WORK/c.md" && ok || ko "convocation --output x.md is not the Markdown one"

# Recorded: the appointment holds the letter and its date; the journal a
# line.
P dump >"$WORK/after.json"
same "recorded" "$($PY - "$WORK/after.json" "$PID" "$APPT" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
pid, appt = int(sys.argv[2]), int(sys.argv[3])
a = [a for p in d["participants"] for a in p["appointments"] if a["id"] == appt][0]
j = [e for e in d["journal"] if e["participant"] == pid and e["what"] == f"letter convocation made for appointment {appt}"]
print(a.get("letter"), a.get("letter_date"), len(j) >= 1)
PY
)" "convocation 2026-11-26 True"

# Refused: an unknown participant, an appointment of another.
run "unknown participant" 1 --db "$DB" --today $T letter convocation 99999
err_has "unknown participant" "no participant 99999"
run "unknown template" 2 --db "$DB" --today $T letter nosuch "$PID"
err_has "unknown template" "no template 'nosuch'"

# A hostile name, loaded: escaped, the XML still well formed.
$PY - "$WORK/dump.json" "$WORK/hostile.json" "$PID" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
p = [p for p in d["participants"] if p["id"] == int(sys.argv[3])][0]
p["last_name"] = "<script>alert(1)</script> & O'Brien \"Le Grand\""
p["first_name"] = "Zoë & <b>"
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
DB2=$WORK/db2
run "load hostile" 0 --db "$DB2" load "$WORK/hostile.json"
run "letter hostile" 0 --db "$DB2" --today $T letter convocation "$PID" --output "$WORK/hostile.fodt"
if wellformed "$WORK/hostile.fodt"; then ok; else ko "hostile letter not well formed: $(cat "$WORK/xml.err")"; fi
same "hostile text" "$($PY -c '
import sys, xml.etree.ElementTree as E
t = "".join(E.parse(sys.argv[1]).getroot().itertext())
print("<script>alert(1)</script> & O'"'"'Brien \"Le Grand\"" in t, "Zoë & <b>" in t)' "$WORK/hostile.fodt")" "True True"
grep -q '<script>' "$WORK/hostile.fodt" && ko "hostile: <script> not escaped" || ok
# In Markdown, the name stays text: no HTML, no emphasis.
run "letter hostile md" 0 --db "$DB2" --today $T letter convocation.md "$PID"
out_has "hostile md" 'Zoë \\& \\<b\\> \\<script\\>alert(1)\\</script\\>'
grep -q '<script>' "$WORK/out" && ko "hostile md: <script> not escaped" || ok

# Next week's convocations: one per planned appointment of the period.
FROM=2026-11-30 TO=2026-12-06
want=$($PY - "$WORK/after.json" $FROM $TO <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for p in d["participants"] if p["referent"] == "Marie Dupont" and p["status"] != "exited"
          for a in p["appointments"] if a["status"] == "planned" and sys.argv[2] <= a["date"] <= sys.argv[3]))
PY
)
[ "$want" -gt 1 ] && ok || ko "the demo has $want planned appointments next week"
# A directory not there yet is made, for the writer alone.
run "letters dir" 0 --db "$DB" --today $T letters convocation --from $FROM --to $TO --output-dir "$WORK/batch"
same "letters dir made" "$(stat -c %a "$WORK/batch")" 700
same "letters dir count" "$(find "$WORK/batch" -name 'convocation-*.fodt' | wc -l)" "$want"
same "letters dir nothing else" "$(find "$WORK/batch" -mindepth 1 | wc -l)" "$want"
err_has "letters dir message" "$want letters written to"
first=$(find "$WORK/batch" -name 'convocation-*.fodt' | sort | head -1)
case $(basename "$first") in
convocation-2026-1[12]-[0-9][0-9]-P[0-9]*-[0-9]*.fodt) ok ;;
*) ko "batch file name: $first" ;;
esac
same "letters dir modes" "$(find "$WORK/batch" -type f ! -perm 600 | wc -l)" 0
bad=0
for f in "$WORK"/batch/*.fodt; do wellformed "$f" || bad=$((bad + 1)); done
same "letters dir well formed" $bad 0
# The same again: each has its convocation already, none made twice...
run "letters twice" 0 --db "$DB" --today $T letters convocation --from $FROM --to $TO --output "$WORK/twice.fodt"
err_has "letters twice" "$want appointments have this letter already: left out (--again makes them again)"
[ ! -e "$WORK/twice.fodt" ] && ok || ko "letters twice: a file was written"
# ...unless asked.
run "letters file" 0 --db "$DB" --today $T letters convocation --again --from $FROM --to $TO --output "$WORK/week.fodt"
if wellformed "$WORK/week.fodt"; then ok; else ko "week.fodt not well formed: $(cat "$WORK/xml.err")"; fi
same "letters file count" "$(grep -o 'Objet : convocation' "$WORK/week.fodt" | wc -l)" "$want"
same "letters file breaks" "$(grep -o 'text:style-name="parcours_page_break"' "$WORK/week.fodt" | wc -l)" $((want - 1))
run "letters md" 0 --db "$DB" --today $T letters convocation.md --again --from $FROM --to $TO
same "letters md count" "$(grep -c '^\*\*Objet : convocation' "$WORK/out")" "$want"
same "letters md rules" "$(grep -c '^---$' "$WORK/out")" $((want - 1))
# Each recorded on its appointment.
P dump >"$WORK/batch.json"
same "letters recorded" "$($PY - "$WORK/batch.json" $FROM $TO <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for p in d["participants"] if p["referent"] == "Marie Dupont" and p["status"] != "exited"
          for a in p["appointments"] if a["status"] == "planned" and sys.argv[2] <= a["date"] <= sys.argv[3]
          and a.get("letter") == "convocation" and a.get("letter_date") == "2026-11-26"))
PY
)" "$want"
# Nothing to make: nothing written.
run "letters none" 0 --db "$DB" --today $T letters convocation --from 2030-01-01 --to 2030-01-02 --output "$WORK/none.fodt"
err_has "letters none" "no letter to make"
[ ! -e "$WORK/none.fodt" ] && ok || ko "an empty batch wrote a file"
# A directory that cannot be written: nothing in it, nothing recorded.
mkdir "$WORK/ro" && chmod 500 "$WORK/ro"
if [ "$(id -u)" != 0 ]; then
	before=$(P dump | grep -c '"letter"')
	run "letters ro" 1 --db "$DB" --today $T letters convocation --again --from $FROM --to $TO --output-dir "$WORK/ro"
	same "letters ro empty" "$(find "$WORK/ro" -mindepth 1 | wc -l)" 0
	same "letters ro not recorded" "$(P dump | grep -c '"letter"')" "$before"
fi
# Never into the database directory, nor a directory inside it.
before=$(P dump | grep -c '"letter"')
mkdir -p "$DB/sub"
for d in "$DB" "$DB/" "$DB/sub" "$DB/sub/.." "$DB/not-yet"; do
	run "letters into the database ($d)" 2 --db "$DB" --today $T letters convocation --from $FROM --to $TO --output-dir "$d"
	err_has "letters into the database ($d)" "inside the database directory"
done
same "letters into the database: nothing written" "$(find "$DB" -name 'convocation-*' | wc -l)" 0
[ ! -e "$DB/not-yet" ] && ok || ko "a directory was made in the database's"
same "letters into the database: nothing recorded" "$(P dump | grep -c '"letter"')" "$before"
rmdir "$DB/sub"

# Re-invitations: one per participant with a no-show.
noshow=$(P attention --format tsv | awk -F'\t' '$4 == "no-show"' | wc -l)
mkdir "$WORK/re"
if [ "$noshow" -gt 0 ]; then
	run "letters re-invitation" 0 --db "$DB" --today $T letters re-invitation --again --output-dir "$WORK/re"
	same "re-invitation count" "$(find "$WORK/re" -name 're-invitation-*.fodt' | wc -l)" "$noshow"
	# Not twice for the same missed appointment.
	run "re-invitation twice" 0 --db "$DB" --today $T letters re-invitation --output "$WORK/re2.fodt"
	err_has "re-invitation twice" "this letter already: left out"
	[ ! -e "$WORK/re2.fodt" ] && ok || ko "re-invitations made twice"
else
	run "letters re-invitation" 0 --db "$DB" --today $T letters re-invitation --output-dir "$WORK/re"
	err_has "re-invitation none" "no letter to make"
fi

# The user's directory takes precedence; an unknown placeholder is refused
# with the template's file and line.
UT=$HOME/.config/parcours/templates
mkdir -p "$UT"
printf 'Cher {{participant.first_name}},\nÀ bientôt, le {{appointment.date_short}}.\n' >"$UT/convocation.md"
run "user template" 0 --db "$DB" --today $T letter convocation.md "$PID"
out_has "user template used" "^Cher "
run "templates yours" 0 --db "$DB" templates
out_has "templates yours" "^convocation.md  yours"
printf 'Bonjour,\n\nle {{participant.first_name}} {{participant.shoe_size}}\n' >"$UT/bad.md"
run "bad template" 2 --db "$DB" --today $T letter bad "$PID"
err_has "bad template" "$UT/bad.md: line 3: unknown placeholder {{participant.shoe_size}}"
run "templates bad" 2 --db "$DB" templates
err_has "templates bad" "bad.md: line 3: unknown placeholder"
rm "$UT/bad.md"

# LibreOffice: the letter as a PDF holds the name and the date in French.
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils >"$WORK/apt.log" 2>&1
	fi
fi
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
	echo "cli/letters: LibreOffice or pdftotext not installed (libreoffice-writer-nogui, poppler-utils): PDF checks skipped" >&2
else
	mkdir -p "$WORK/pdf"
	timeout 180 soffice -env:UserInstallation="file://$WORK/lo-profile" --headless \
		--convert-to pdf --outdir "$WORK/pdf" "$WORK"/convocation.fodt "$WORK"/re-invitation.fodt \
		"$WORK"/contrat-engagement.fodt "$WORK"/attestation.fodt "$WORK/week.fodt" "$WORK/hostile.fodt" >"$WORK/lo.log" 2>&1
	for t in convocation re-invitation contrat-engagement attestation; do
		if pdftotext "$WORK/pdf/$t.pdf" "$WORK/pdf/$t.txt" 2>/dev/null; then ok; else
			ko "no PDF of $t: $(tail -3 "$WORK/lo.log")"
			continue
		fi
		# pdftotext may break a line between first and last name.
		tr '\n' ' ' <"$WORK/pdf/$t.txt" | grep -q "$NAME" && ok || ko "$t.pdf lacks '$NAME'"
	done
	tr '\n' ' ' <"$WORK/pdf/convocation.txt" | grep -q "$FRDATE" && ok || ko "convocation.pdf lacks '$FRDATE'"
	grep -q "Contrat d'engagement" "$WORK/pdf/contrat-engagement.txt" && ok || ko "contract: no title"
	same "week pages" "$(pdftotext "$WORK/pdf/week.pdf" - | grep -c 'Objet : convocation')" "$want"
	same "week page count" "$(pdfinfo "$WORK/pdf/week.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')" "$want"
	pdftotext "$WORK/pdf/hostile.pdf" - | tr '\n' ' ' | grep -q "<script>alert(1)</script> & O'Brien" && ok ||
		ko "hostile.pdf lacks the name as typed"
fi

finish
