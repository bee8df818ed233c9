#!/usr/bin/env bash
# Layout check of report.html: every table fits its card at 1280, 1400 and 1920 px wide, and the page never
# scrolls sideways. Writes the sample report (SampleReportTest), then for each width takes a headless Chromium
# screenshot (nat-lab/target/layout/report-<width>.png: look at them) and measures the page with a small script
# added to a copy of the report. Exit 1 when something overflows. Needs chromium (apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "needs chromium: apt-get install chromium" >&2; exit 2; }
mvn -B -q -o test -pl nat-lab -am -Dtest=SampleReportTest -Dsurefire.failIfNoSpecifiedTests=false
report=nat-lab/target/natlab-sample-report/report.html
out=nat-lab/target/layout
mkdir -p "$out"
# The probe: a card (or the page) whose content is wider than the card itself.
probe='<script>window.addEventListener("load",()=>{const bad=[];
document.querySelectorAll("table").forEach(t=>{const card=t.closest("section,.matrix,aside,.legend")||document.body;
if(card.scrollWidth>card.clientWidth+1)bad.push((card.id||card.className)+" "+t.className+" "+card.scrollWidth+">"+card.clientWidth);});
if(document.documentElement.scrollWidth>window.innerWidth+1)bad.push("page "+document.documentElement.scrollWidth+">"+window.innerWidth);
const p=document.createElement("pre");p.id="layout";p.textContent=bad.length?"LAYOUT-OVERFLOW "+bad.join("; "):"LAYOUT-OK";
document.body.appendChild(p);});</script>'
{ cat "$report"; printf '%s\n' "$probe"; } > "$out/probe.html"   # a browser puts trailing content into the body
status=0
for width in 1280 1400 1920; do
  flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,2200")
  chromium "${flags[@]}" --screenshot="$out/report-$width.png" "file://$PWD/$report" >/dev/null 2>&1
  result=$(chromium "${flags[@]}" --dump-dom "file://$PWD/$out/probe.html" 2>/dev/null | grep -o '<pre id="layout">LAYOUT-[A-Z]*[^<]*' | sed 's/^<pre id="layout">//' || echo "LAYOUT-UNKNOWN")
  echo "$width px: $result ($out/report-$width.png)"
  [ "${result%% *}" = LAYOUT-OK ] || status=1
done
exit $status
