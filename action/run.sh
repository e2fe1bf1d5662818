#!/usr/bin/env bash
# The "run nanlint" step of the GitHub Action (action.yml): scans the paths once per requested format and
# records nanlint's exit code as a step output instead of failing, so that the SARIF upload still runs;
# the action's last step fails the job with that code.
#
# Environment (action.yml maps the action's inputs onto it; action/test-locally.sh sets it by hand):
#   NANLINT_JAR     the nanlint-cli jar (from action/obtain.sh)
#   INPUT_PATHS     what to scan: whitespace-separated, or one per line (then a path may contain spaces)
#   INPUT_FAIL_ON   error | warning | note | never
#   INPUT_BASELINE  a baseline file (--write-baseline) whose findings are not reported; empty: none
#   INPUT_FORMAT    comma- or space-separated: sarif, github, text, json
#   INPUT_SARIF_FILE  where the SARIF report goes
#   INPUT_ARGS      more nanlint options, whitespace-separated (e.g. --disable UnguardedDivision)
#   GITHUB_OUTPUT   the step's output file (outputs: exit-code, sarif-file); unset: printed
set -uo pipefail

die() {
  echo "nanlint action: error: $*" >&2
  exit 2
}

[[ -n "${NANLINT_JAR:-}" && -f "${NANLINT_JAR}" ]] || die "no nanlint jar at '${NANLINT_JAR:-}' (the obtain step failed?)"

paths_input="${INPUT_PATHS:-.}"
if [[ "$paths_input" == *$'\n'* ]]; then
  mapfile -t paths < <(printf '%s\n' "$paths_input" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' -e '/^$/d')
else
  read -r -a paths <<<"$paths_input"
fi
((${#paths[@]} > 0)) || paths=(.)

options=(--fail-on "${INPUT_FAIL_ON:-warning}")
if [[ -n "${INPUT_BASELINE:-}" ]]; then
  options+=(--baseline "$INPUT_BASELINE")
fi
if [[ -n "${INPUT_ARGS:-}" ]]; then
  read -r -a extra <<<"$INPUT_ARGS"
  options+=("${extra[@]}")
fi

sarif_file="${INPUT_SARIF_FILE:-nanlint.sarif}"
IFS=', ' read -r -a formats <<<"${INPUT_FORMAT:-sarif,github}" # "sarif,github" or "sarif github"
((${#formats[@]} > 0)) || die "the format input names no format"

java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exit_code=0
for format in "${formats[@]}"; do
  case "$format" in
    sarif)
      rm -f "$sarif_file"
      mkdir -p "$(dirname "$sarif_file")"
      target=(--output "$sarif_file")
      ;;
    json) target=(--output nanlint.json) ;;
    github | text) target=() ;;
    *) die "unknown format '$format' (sarif, github, text or json)" ;;
  esac
  echo "::group::nanlint --format $format"
  "$java_bin" -jar "$NANLINT_JAR" --format "$format" "${target[@]}" "${options[@]}" -- "${paths[@]}"
  code=$?
  echo "::endgroup::"
  # every run sees the same files and options, so the codes agree; keep the worst in case they do not
  ((code > exit_code)) && exit_code=$code
done

case "$exit_code" in
  0) echo "nanlint: nothing at or above fail-on '${INPUT_FAIL_ON:-warning}'" >&2 ;;
  1) echo "nanlint: findings at or above fail-on '${INPUT_FAIL_ON:-warning}' (exit 1)" >&2 ;;
  *) echo "nanlint: usage or input errors (exit $exit_code), see the output above" >&2 ;;
esac

output="${GITHUB_OUTPUT:-/dev/stdout}"
echo "exit-code=$exit_code" >>"$output"
if [[ " ${formats[*]} " == *" sarif "* && -f "$sarif_file" ]]; then
  echo "sarif-file=$sarif_file" >>"$output"
fi
exit 0
