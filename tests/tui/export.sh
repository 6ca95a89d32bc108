#!/usr/bin/env bash
# tui/export.sh: export from the interface; a backup is taken while it is
# open, a restore refused.
. "$(dirname "$0")/../lib.sh"

make_db 1
start main 100 30
ready "80 participants · target 80"
keys E
expect export-form "Export the caseload summary"
keys Tab C-u "$WORK/from-tui.csv" Enter
expect export-saved "Summary written to $WORK/from-tui.csv"
same "export file mode" "$(stat -c %a "$WORK/from-tui.csv" 2>/dev/null)" 600
same "export rows" "$(($(wc -l <"$WORK/from-tui.csv") - 1))" "$(($(tsv | wc -l) - 1))"
"$BIN" --db "$DB" backup "$WORK/b.mdb" >/dev/null && ok || ko "backup while open"
"$BIN" --db "$DB" restore "$WORK/b.mdb" >/dev/null 2>"$WORK/restore.err"
same "restore refused while open" "$?" 1
grep -q "open in another window" "$WORK/restore.err" && ok || ko "restore message: $(cat "$WORK/restore.err")"

# The file's extension follows the format as it is chosen, and the file
# written is the one shown (it showed .csv and wrote .html).
keys E
expect export-form-3 "Export the caseload summary"
keys Left Tab
expect export-html-name "2026-11-26.html"
keys C-u "$WORK/chosen.csv" Up Left Left
expect export-json-format "JSON (other tools)"
keys Tab
expect export-json-name "chosen.json"
keys Enter
expect export-json-saved "Summary written to $WORK/chosen.json"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$WORK/chosen.json" && ok ||
	ko "the JSON export is not JSON"
[ ! -e "$WORK/chosen.csv" ] && ok || ko "a .csv was written too"

# Never into the database directory: refused in the form, nothing written.
before=$(dbsum)
keys E
expect export-form-2 "Export the caseload summary"
keys Tab C-u "$DB/data.mdb" Enter
expect export-refused "inside the database directory"
keys Escape
same "export into the database refused" "$(dbsum)" "$before"

# Under a French locale the CSV is as the command line writes it: ';'
# and the UTF-8 mark French spreadsheets need.
if locale -a 2>/dev/null | grep -qi '^fr_FR.utf-\?8$'; then
	# (main stays open: the last session's end stops the tmux server)
	start fr 100 30 LC_ALL=fr_FR.UTF-8
	ready "80 participants · objectif 80"
	keys E
	expect export-form-fr "Exporter"
	keys Tab C-u "$WORK/fr.csv" Enter
	expect export-saved-fr "Synthèse écrite dans $WORK/fr.csv"
	head -c 40 "$WORK/fr.csv" | grep -q $'^\xef\xbb\xbfid;last_name;' && ok ||
		ko "French CSV from the interface: $(head -c 40 "$WORK/fr.csv" | od -c | head -2)"
fi

finish
