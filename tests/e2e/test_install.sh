#!/usr/bin/env bash
# The installed vnplan works without its source tree: `cmake --install --prefix` into a
# scratch root and the .deb (cpack, unpacked with dpkg -x); each builds a seed plan copied
# outside the checkout, from a directory outside it, and gives the same bytes as the
# build tree's binary. Usage: test_install.sh VNPLAN SRC
set -uo pipefail
VNPLAN=$(realpath "$1")
SRC=$(realpath "$2")
BUILD=$(cd "$(dirname "$VNPLAN")" && pwd)  # vnplan is built at the top of its build tree
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
check() { if eval "$2"; then :; else echo "FAIL: $1"; fails=$((fails + 1)); fi; }
unset VNPLAN_TEMPLATES VNPLAN_FONTS
export VNPLAN_CACHE=$T/cache SOURCE_DATE_EPOCH=1767225600

mkdir -p "$T/plans" "$T/work"
cp -r "$SRC/inputs/binh-giang" "$T/plans/"
# Reference: the build tree's binary (which may use the source tree).
(cd "$T/work" && "$VNPLAN" build "$T/plans/binh-giang" -o "$T/ref" >/dev/null 2>&1)
check "reference build" '[ -s "$T/ref/binh-giang/binh-giang.pdf" ]'

# Installs into ROOT/usr, then builds the seed plan with ROOT/usr/bin/vnplan from $T/work.
try_installed() {
  local name=$1 root=$2
  local bin=$root/usr/bin/vnplan
  check "$name: binary installed" '[ -x "$bin" ]'
  check "$name: templates installed" '[ -f "$root/usr/share/vnplan/templates/state.yaml" ] && [ -f "$root/usr/share/vnplan/templates/report-annual-party.mustache" ]'
  check "$name: man page" '[ -s "$root/usr/share/man/man1/vnplan.1.gz" ] && gzip -t "$root/usr/share/man/man1/vnplan.1.gz"'
  check "$name: systemd units" '[ -f "$root/usr/lib/systemd/system/vnplan-report.timer" ] && grep -q "^OnCalendar=" "$root/usr/lib/systemd/system/vnplan-report.timer"'
  check "$name: no build paths in docs" '! grep -rqs -e "$SRC" -e "$BUILD" "$root/usr/share"'
  local v
  v=$(cd "$T/work" && "$bin" --version 2>&1)
  check "$name: --version names the data directory beside the binary" \
    'printf "%s\n" "$v" | grep -qx "thư mục dữ liệu / data directory: $root/usr/share/vnplan"'
  check "$name: --version does not look in the source tree" '! printf "%s\n" "$v" | grep -q "source tree"'
  (cd "$T/work" && "$bin" build "$T/plans/binh-giang" -o "$T/out-$name" >"$T/log-$name" 2>&1)
  check "$name: build exits 0 ($(tail -3 "$T/log-$name" | tr '\n' ' '))" '[ $? -eq 0 ]'
  check "$name: same PDF as the build tree" 'cmp -s "$T/ref/binh-giang/binh-giang.pdf" "$T/out-$name/binh-giang/binh-giang.pdf"'
  check "$name: same XLSX as the build tree" 'cmp -s "$T/ref/binh-giang/binh-giang-phu-luc.xlsx" "$T/out-$name/binh-giang/binh-giang-phu-luc.xlsx"'
  (cd "$T/work" && "$bin" report "$T/plans/binh-giang" --period 2026-H1 -o "$T/out-$name" >>"$T/log-$name" 2>&1)
  check "$name: report exits 0" '[ $? -eq 0 ] && [ -s "$T/out-$name/binh-giang/binh-giang-bao-cao-2026-H1.pdf" ]'
}

# 1. cmake --install to an arbitrary prefix.
cmake --install "$BUILD" --prefix "$T/inst/usr" >/dev/null 2>"$T/install.err"
check "cmake --install ($(head -3 "$T/install.err" | tr '\n' ' '))" '[ -x "$T/inst/usr/bin/vnplan" ]'
try_installed prefix "$T/inst"
check "prefix: service names the prefix" 'grep -qx "ExecStart=$T/inst/usr/lib/vnplan/scheduled-run" "$T/inst/usr/lib/systemd/system/vnplan-report.service"'

# The timer's script, as installed: builds the plan and its due reports, names no source path.
(cd "$T/work" && VNPLAN_ROOT="$T/plans" VNPLAN_OUT="$T/sched" VNPLAN_TODAY=2026-06-05 \
   "$T/inst/usr/lib/vnplan/scheduled-run" >"$T/log-sched" 2>&1)
rc=$?
check "scheduled-run: exit 0 with all due data present (rc=$rc)" '[ $rc -eq 0 ]'
check "scheduled-run: plan PDF and the due 2026-H1 report" \
  '[ -s "$T/sched/binh-giang/binh-giang.pdf" ] && [ -s "$T/sched/binh-giang/binh-giang-bao-cao-2026-H1.pdf" ]'
mkdir -p "$T/plans-missing" && cp -r "$T/plans/binh-giang" "$T/plans-missing/" && rm "$T/plans-missing/binh-giang/progress/2026-H1.yaml"
(cd "$T/work" && VNPLAN_ROOT="$T/plans-missing" VNPLAN_OUT="$T/sched2" VNPLAN_TODAY=2026-06-05 \
   "$T/inst/usr/lib/vnplan/scheduled-run" >"$T/log-sched2" 2>&1)
rc=$?
check "scheduled-run: exit 3 naming the missing data (rc=$rc)" \
  '[ $rc -eq 3 ] && grep -q "MISSING progress data: $T/plans-missing/binh-giang/progress/2026-H1.yaml" "$T/log-sched2"'
check "scheduled-run: the other outputs still built" \
  '[ -s "$T/sched2/binh-giang/binh-giang.pdf" ] && [ -s "$T/sched2/binh-giang/binh-giang-bao-cao-2025.pdf" ] && [ ! -e "$T/sched2/binh-giang/binh-giang-bao-cao-2026-H1.pdf" ]'

# 2. The .deb: built by cpack, unpacked with dpkg -x.
(cd "$T" && cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$T/pkg" >"$T/cpack.log" 2>&1)
deb=$(ls "$T"/pkg/vnplan_*_amd64.deb 2>/dev/null | head -1)
check "cpack builds vnplan_<version>_amd64.deb ($(tail -2 "$T/cpack.log" | tr '\n' ' '))" '[ -n "$deb" ]'
if [ -n "$deb" ]; then
  depends=$(dpkg-deb -f "$deb" Depends)
  check "deb depends on fonts-liberation2 and its libraries: $depends" \
    'printf "%s" "$depends" | grep -q fonts-liberation2 && printf "%s" "$depends" | grep -q libhpdf && printf "%s" "$depends" | grep -q libminizip'
  # vnplan writes its XLSX itself (docs/xlsx-writer.md): libxlsxwriter is for the tests only.
  check "deb does not depend on libxlsxwriter: $depends" '! printf "%s" "$depends" | grep -q libxlsxwriter'
  check "deb: service names /usr" 'dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/system/vnplan-report.service | grep -qx "ExecStart=/usr/lib/vnplan/scheduled-run"'
  dpkg -x "$deb" "$T/deb"
  try_installed deb "$T/deb"
fi

# 3. A binary copied away from its data fails clearly (when no installation is on the
# compiled-in prefix of this machine).
mkdir -p "$T/lonely/bin" && cp "$T/inst/usr/bin/vnplan" "$T/lonely/bin/"
if ! "$T/lonely/bin/vnplan" --version | grep -q "\[có / found\]"; then
  (cd "$T/work" && "$T/lonely/bin/vnplan" build "$T/plans/binh-giang" -o "$T/out-lonely" >"$T/log-lonely" 2>&1)
  rc=$?
  check "lonely binary: exit 1 naming where the templates belong (rc=$rc)" \
    '[ $rc -eq 1 ] && grep -q "$T/lonely/share/vnplan/templates/state.yaml" "$T/log-lonely"'
  check "lonely binary: no output" '[ ! -e "$T/out-lonely/binh-giang/binh-giang.pdf" ]'
fi

if [ $fails -ne 0 ]; then
  echo "$fails check(s) failed"
  exit 1
fi
echo "install: all checks passed"
