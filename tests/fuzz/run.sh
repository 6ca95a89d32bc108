#!/bin/sh
# run.sh TARGET CORPUS SECONDS: fuzz TARGET for SECONDS from a copy of the
# seed CORPUS (the source tree is never written), fail on any crash, and
# say how many inputs were tried. A crash leaves its input in the work
# directory, printed, to become a regression test.
set -u
target=$1 corpus=$2 seconds=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/parcours-fuzz-XXXXXX")
cp "$corpus"/* "$work/" 2>/dev/null
cd "$work" || exit 1
"$target" -max_total_time="$seconds" -print_final_stats=1 \
	-artifact_prefix="$work/" "$work" >"$work/log" 2>&1
status=$?
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/log" | awk '{ print $2 }')
echo "$(basename "$target"): $runs inputs in $seconds s, status $status"
if [ "$status" -ne 0 ]; then
	grep -E 'ERROR|SUMMARY|Test unit written' "$work/log" | head -20
	ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* 2>/dev/null
	exit 1
fi
rm -rf "$work"
