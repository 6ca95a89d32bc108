#!/usr/bin/env bash
# cli/html_chart.sh: the HTML export's bar charts show every label whole:
# a long exit reason ("Emploi saisonnier de huit mois sur douze") was cut
# at the left of its bar. Each label line must fit the drawing's width at
# a generous 8 px a character, starting inside it.
. "$(dirname "$0")/../lib.sh"

make_db 1
cat >"$WORK/long.yaml" <<'YAML'
exit_reasons:
  - id: cdi
    label: "CDI (six mois en emploi)"
    positive: true
  - id: cdd-6-mois
    label: "CDD de six mois ou plus"
    positive: true
  - id: interim-6-mois
    label: "Missions d'intérim cumulant six mois"
    positive: true
  - id: saisonnier
    label: "Emploi saisonnier de huit mois sur douze, dans l'agriculture, le tourisme ou les stations de ski, avec un contrat par saison"
    positive: true
  - id: creation
    label: "Création d'entreprise"
    positive: true
  - id: alternance
    label: "Contrat en alternance"
    positive: true
  - id: formation-qualifiante
    label: "Formation_qualifiante_sans_aucune_espace_dans_un_libellé_vraiment_beaucoup_trop_long_pour_une_ligne"
    positive: true
  - id: demenagement
    label: "Déménagement"
    positive: false
  - id: retraite
    label: "Retraite"
    positive: false
  - id: sante
    label: "Raisons de santé"
    positive: false
  - id: abandon
    label: "Abandon ou perte de contact"
    positive: false
  - id: duree-maximale
    label: "Durée maximale atteinte"
    positive: false
  - id: reorientation
    label: "Réorientation vers un autre dispositif"
    positive: false
YAML
for conf in "" "$WORK/long.yaml"; do
	run "html export ${conf:+with long labels}" 0 --db "$DB" --today $T ${conf:+--config "$conf"} \
		export --all --format html --output "$WORK/e.html"
	python3 - "$WORK/e.html" "$conf" >"$WORK/check" 2>&1 <<'PY'
import re, sys, xml.etree.ElementTree as ET
html = open(sys.argv[1], encoding="utf-8").read()
svgs = re.findall(r"<svg.*?</svg>", html, re.S)
assert len(svgs) >= 2, "no charts"
ns = "{http://www.w3.org/2000/svg}"
labels = []
for svg in svgs:
    root = ET.fromstring(svg)
    width = float(root.get("width"))
    for text in root.iter(ns + "text"):
        spans = list(text.iter(ns + "tspan")) or [text]
        words = []
        for span in spans:
            s = "".join(span.itertext())
            if not s.strip():
                continue
            x = float(span.get("x", text.get("x", "0")))
            anchor = span.get("text-anchor", text.get("text-anchor", "start"))
            est = 8 * len(s)
            left = x - est if anchor == "end" else x - est / 2 if anchor == "middle" else x
            right = x if anchor == "end" else x + est / 2 if anchor == "middle" else x + est
            if left < 0 or right > width:
                print(f"cut: {s!r} spans {left:.0f}..{right:.0f} of 0..{width:.0f}")
            words.append(s)
        labels.append(" ".join(words) if len(spans) > 1 else "".join(words))
if sys.argv[2]:
    whole = "Emploi saisonnier de huit mois sur douze, dans l'agriculture, le tourisme ou les stations de ski, avec un contrat par saison"
    assert any(l.replace(" ", "") == whole.replace(" ", "") for l in labels), "long label not whole"
print("ok")
PY
	same "every chart label whole ${conf:+(long labels)}" "$(cat "$WORK/check")" ok
done

finish
