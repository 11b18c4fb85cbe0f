#!/usr/bin/env bash
# Issue 13: the font subset cache is never trusted blindly. Each entry is corrupted in turn
# (emptied, random bytes, cut in half, replaced by another valid face); the next build must
# notice, rebuild the entry, say so once, and paint exactly the page of a good build.
set -u
VNPLAN=$(realpath "$1"); SRC=$(realpath "$2")
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0
PLAN="$SRC/tests/data/plans/minimal"
export VNPLAN_CACHE="$T/cache" SOURCE_DATE_EPOCH=1700000000

"$VNPLAN" build "$PLAN" -o "$T/good" > /dev/null 2> "$T/e" || { echo "FAIL: first build"; cat "$T/e"; exit 1; }
pdftoppm -r 60 -png "$T/good/minimal/minimal.pdf" "$T/good-page"
good_pdf=$(sha256sum < "$T/good/minimal/minimal.pdf")
mapfile -t entries < <(find "$T/cache/fonts" -type f ! -name '.*' | sort)
[ ${#entries[@]} -eq 4 ] || { echo "FAIL: expected 4 cache entries, found ${#entries[@]}"; ls -la "$T/cache/fonts"; exit 1; }

# Each way of damage on another entry (four of each would only take longer).
n=0
for mode in empty random truncated other-face; do
  entry=${entries[$n]}
  n=$((n + 1))
  {
    saved="$T/saved"; cp "$entry" "$saved"
    case $mode in
      empty) : > "$entry" ;;
      random) head -c "$(stat -c %s "$saved")" /dev/urandom > "$entry" ;;
      truncated) head -c "$(( $(stat -c %s "$saved") / 2 ))" "$saved" > "$entry" ;;
      other-face) for o in "${entries[@]}"; do [ "$o" != "$entry" ] && { cp "$o" "$entry"; break; }; done ;;
    esac
    "$VNPLAN" build "$PLAN" -o "$T/o$n" > /dev/null 2> "$T/e"; rc=$?
    [ $rc -eq 0 ] || { echo "FAIL: $mode $(basename "$entry"): exit $rc"; cat "$T/e"; fail=1; continue; }
    [ "$(grep -c "đã tạo lại" "$T/e")" -eq 1 ] || { echo "FAIL: $mode $(basename "$entry"): repair not said exactly once"; cat "$T/e"; fail=1; }
    grep -qF "$(basename "$entry")" "$T/e" || { echo "FAIL: $mode: the message does not name the entry"; cat "$T/e"; fail=1; }
    [ "$(sha256sum < "$T/o$n/minimal/minimal.pdf")" = "$good_pdf" ] || { echo "FAIL: $mode $(basename "$entry"): PDF differs from a good build"; fail=1; }
    pdftoppm -r 60 -png "$T/o$n/minimal/minimal.pdf" "$T/page$n"
    for g in "$T"/good-page*.png; do
      cmp -s "$g" "$T/page$n${g#$T/good-page}" || { echo "FAIL: $mode $(basename "$entry"): page $(basename "$g") renders differently"; fail=1; }
    done
    # Repaired: the next build is silent (but for the plan's own warnings) and the cache holds four good entries again.
    "$VNPLAN" build "$PLAN" -o "$T/o$n" 2>&1 > /dev/null | { grep -v "cảnh báo:" || true; } > "$T/e2"
    [ ! -s "$T/e2" ] || { echo "FAIL: $mode: the repair did not last"; cat "$T/e2"; fail=1; }
    [ "$(find "$T/cache/fonts" -type f | wc -l)" -eq 4 ] || { echo "FAIL: $mode: cache entries"; ls -la "$T/cache/fonts"; fail=1; }
    cmp -s "$saved" "$entry" || { echo "FAIL: $mode: the rebuilt entry differs from the first one"; fail=1; }
  }
done
# A subset half-written by a killed run is removed by the next build.
sh -c 'exit 0' & dead=$!; wait $dead
stale="$T/cache/fonts/.$(basename "${entries[0]}").tmp-$dead"
head -c 1000 "${entries[0]}" > "$stale"
"$VNPLAN" build "$PLAN" -o "$T/ostale" > /dev/null 2>&1 || { echo "FAIL: build with a stale subset"; fail=1; }
[ ! -e "$stale" ] || { echo "FAIL: stale temporary subset not removed"; fail=1; }
exit $fail
