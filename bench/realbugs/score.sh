#!/usr/bin/env bash
# Runs the freshly built nanlint over the real fixed bugs and scores it against docs/evaluation/realbugs.tsv.
#   bench/realbugs/score.sh [DATA_DIR]        default /work/realbugs-data (or $REALBUGS_DATA)
#   bench/realbugs/score.sh --report FILE     score an existing nanlint JSON report instead
#   bench/realbugs/score.sh --labels FILE DATA_DIR   another label set, e.g. the tuning set:
#       bench/realbugs/score.sh --labels docs/evaluation/realbugs-tuning.tsv /work/realbugs-tuning-data
# The real files must be in place first (bench/realbugs/fetch.sh checks them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

labels=()
if [[ "${1:-}" == "--labels" ]]; then
  [[ -f "${2:-}" && -n "${3:-}" ]] || { echo "usage: $0 --labels FILE DATA_DIR" >&2; exit 2; }
  labels=(--labels "$(realpath "$2")")
  shift 2
fi
if [[ "${1:-}" == "--report" ]]; then
  exec python3 "$here/score.py" "$2" "${labels[@]}" "${@:3}"
fi
data="${1:-${REALBUGS_DATA:-/work/realbugs-data}}"
"$here/fetch.sh" "${labels[@]}" --check "$data"

report="$(mktemp --suffix=.json)"
trap 'rm -f "$report"' EXIT
# every site's before/ and after/ folders; nanlint exits 1 when it finds something, which is expected here
mapfile -t dirs < <(find "$data" -mindepth 2 -maxdepth 2 -type d \( -name before -o -name after \) | sort)
set +e
"$root/nanlint" --format json --output "$report" "${dirs[@]}"
status=$?
set -e
if [[ $status -gt 1 ]]; then
  echo "nanlint failed with exit code $status" >&2
  exit "$status"
fi
echo "nanlint $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?') on $(date -u +%Y-%m-%d)"
python3 "$here/score.py" "$report" "${labels[@]}" --data "$data"
