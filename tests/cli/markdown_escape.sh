#!/usr/bin/env bash
# cli/markdown_escape.sh: names (and the referent's) that hold HTML, images,
# links, bare URLs or emphasis come out of the Markdown export as the text
# they are: rendered by cmark-gfm (GitHub's Markdown, with its tables,
# autolinks and strikethrough), they make no tag, link or image (but the
# mailto: link GFM makes of an e-mail address whatever is escaped, which
# loads and runs nothing); the HTML export escapes them too. Without cmark-gfm the rendering check is
# skipped (status 77) after the others.
. "$(dirname "$0")/../lib.sh"

R='<b>Ref</b> [r](http://evil.example/r)'
IMP=$WORK/imp
mkdir -p "$IMP"
python3 - "$IMP/in.csv" <<'PY'
import csv, sys
names = [
    ("<img src=x onerror=alert(1)>", "![x](http://tracker.example/p.gif)"),
    ("[clic](http://evil.example/a)", "**gras** _it_ `code` ~~barré~~"),
    ("http://evil.example/auto", "www.evil.example"),
    ("<http://evil.example/angle>", "x@evil.example"),
    ("&lt;script&gt; &amp;", "a|b \\| c\\"),
    ("# titre", "> cite"),
]
with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["nom", "prenom", "date_naissance"])
    for i, (last, first) in enumerate(names):
        w.writerow([last, first, "1980-01-%02d" % (i + 1)])
PY
run import 0 --db "$DB" --today $T --referent "$R" import "$IMP/in.csv"
run export-md 0 --db "$DB" --today $T --referent "$R" export --format md --output "$WORK/out.md"
run export-html 0 --db "$DB" --today $T --referent "$R" export --format html --output "$WORK/out.html"

# The names, as a reader must see them (the participants' table reads
# "LAST first").
cat >"$WORK/names.py" <<'PY'
names = [
    "<img src=x onerror=alert(1)> ![x](http://tracker.example/p.gif)",
    "[clic](http://evil.example/a) **gras** _it_ `code` ~~barré~~",
    "http://evil.example/auto www.evil.example",
    "<http://evil.example/angle> x@evil.example",
    "&lt;script&gt; &amp; a|b \\| c\\",
    "# titre > cite",
    "Caseload summary — <b>Ref</b> [r](http://evil.example/r)",
]
PY
# check.py FILE.html: the page a renderer made, or the HTML export: no
# tag but the report's own, no link, no image; each name as text.
cat >"$WORK/check.py" <<'PY'
import sys, html.parser
exec(open(sys.argv[2]).read())
own = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table",
       "thead", "tbody", "tr", "th", "td", "svg", "text", "tspan", "rect"}
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.tags, s.cells, s.cur = [], [], None
    def handle_starttag(s, t, a):
        if t == "a" and [v for k, v in a if k == "href"] == ["mailto:x@evil.example"]:
            return
        if t not in own:
            s.tags.append(t)
        if t in ("td", "h1", "title"):
            s.cur = ""
    def handle_endtag(s, t):
        if t in ("td", "h1", "title") and s.cur is not None:
            s.cells.append(s.cur)
            s.cur = None
    def handle_data(s, d):
        if s.cur is not None:
            s.cur += d
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
missing = [n for n in names if not any(n in c for c in p.cells)]
print("tags:", sorted(set(p.tags)), "missing:", missing)
PY
same "html export" "$(python3 "$WORK/check.py" "$WORK/out.html" "$WORK/names.py")" "tags: [] missing: []"
# The Markdown source: no raw '<' or '[' nor a bare URL left.
same "md source" "$(python3 - "$WORK/out.md" <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
print(re.findall(r"(?<!\\)[<\[]|https?://|www\.", md))
PY
)" "[]"

if ! command -v cmark-gfm >/dev/null; then
	echo "cli/markdown_escape: cmark-gfm not installed: rendering skipped" >&2
	finished=1
	echo "$TEST_NAME: $passed passed, $failed failed (rendering skipped)"
	[ "$failed" -eq 0 ] && exit 77
	exit 1
fi
cmark-gfm -e table -e autolink -e strikethrough -e tagfilter --unsafe "$WORK/out.md" >"$WORK/md.html"
same "md rendered" "$(python3 "$WORK/check.py" "$WORK/md.html" "$WORK/names.py")" "tags: [] missing: []"

finish
