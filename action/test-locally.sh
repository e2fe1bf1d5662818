#!/usr/bin/env bash
# Runs the GitHub Action's steps (action.yml) on this machine, without GitHub, and checks what they do:
# the obtain step yields a runnable jar; the run step writes valid SARIF and annotations, records an exit
# code that follows fail-on, hides baselined findings, passes args and paths through; the upload step's
# condition holds exactly when a SARIF file was written; the last step fails with the recorded code.
#
#   action/test-locally.sh               obtain step as on GitHub without nanlint-version: builds this checkout
#   action/test-locally.sh --jar JAR     no obtain step: use JAR (`mvn verify` passes the jar it just built)
#   action/test-locally.sh --version V   obtain step with nanlint-version V: Maven fetches
#                                        dev.nanlint:nanlint-cli:V (after `mvn install`, from ~/.m2)
# NANLINT_MAVEN_OPTS (e.g. -o) goes to the obtain step's Maven. Needs java 17+, Maven, python3.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
action="$repo/action"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
check() { # check DESCRIPTION COMMAND...
  checks=$((checks + 1))
  local what="$1"
  shift
  if "$@"; then echo "ok: $what"; else fail "$what"; fi
}
output_value() { # output_value FILE NAME: a step output as written to GITHUB_OUTPUT
  sed -n "s/^$2=//p" "$1" | tail -1
}

# --- obtain step ---------------------------------------------------------------------------------------
jar=""
case "${1:-}" in
  --jar) jar="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")" ;;
  --version | "")
    outputs="$work/obtain-outputs"
    : >"$outputs"
    NANLINT_VERSION="${2:-}" NANLINT_SOURCE="$repo" GITHUB_OUTPUT="$outputs" RUNNER_TEMP="$work" \
      bash "$action/obtain.sh"
    jar="$(output_value "$outputs" jar)"
    check "obtain step: writes the jar output, and the jar exists" test -f "$jar"
    ;;
  *)
    echo "usage: $0 [--jar JAR | --version VERSION]" >&2
    exit 2
    ;;
esac
check "the jar runs with java -jar by itself" bash -c "java -jar '$jar' --version | grep -q ."

# --- a workspace as actions/checkout leaves it ----------------------------------------------------------
ws="$work/workspace"
mkdir -p "$ws/src/main/java/org/example"
cp "$repo/test-fixtures/sample-project/src/main/java/org/example/MyLoss.java" "$ws/src/main/java/org/example/"
my_loss="src/main/java/org/example/MyLoss.java"

# run_step NAME [VAR=VALUE...]: the run step in the workspace with the action's defaults and the given
# inputs; leaves $run/outputs (GITHUB_OUTPUT), $run/stdout and the step's exit status in $run/status
run_step() {
  run="$work/run-$1"
  shift
  mkdir -p "$run"
  : >"$run/outputs"
  local status=0
  (cd "$ws" && env NANLINT_JAR="$jar" INPUT_PATHS=. INPUT_FAIL_ON=warning INPUT_BASELINE= \
    INPUT_FORMAT=sarif,github INPUT_SARIF_FILE=nanlint.sarif INPUT_ARGS= GITHUB_OUTPUT="$run/outputs" "$@" \
    bash "$action/run.sh" >"$run/stdout" 2>"$run/stderr") || status=$?
  echo "$status" >"$run/status"
}
exit_code() { output_value "$run/outputs" exit-code; }
sarif_output() { output_value "$run/outputs" sarif-file; }
# the last step: exits with the recorded code
finish_status() {
  local status=0
  EXIT_CODE="$(exit_code)" bash "$action/finish.sh" || status=$?
  echo "$status"
}
# sarif_files FILE: the files with results, one per result, as code scanning reads them ("" if invalid)
sarif_files() {
  python3 - "$1" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f:
    log = json.load(f)
assert log["version"] == "2.1.0", log.get("version")
(run,) = log["runs"]
assert run["tool"]["driver"]["name"] == "nanlint"
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
for result in run["results"]:
    assert result["ruleId"] in rules, result["ruleId"]
    print(result["ruleId"], result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
PY
}
results_are() { # results_are EXPECTED: the SARIF results, "rule file" per line, sorted
  local actual
  actual="$(cd "$ws" && sarif_files "$(sarif_output)" | sort)" || return 1
  [[ "$actual" == "$1" ]] || { echo "  results: [$actual], expected [$1]" >&2; return 1; }
}
# MyLoss.loss: Math.log(p) and Math.log(1 - p), each an UnguardedLog warning; one LogOfSoftmax note is on the
# same expression as a warning and rides on it (one finding per expression), the other stands alone
my_loss_results="$(printf '%s MyLoss.java\n' LogOfSoftmax UnguardedLog UnguardedLog)"
my_loss_results="${my_loss_results//MyLoss.java/$my_loss}"

# --- the defaults: fail-on warning, SARIF + annotations ------------------------------------------------
run_step defaults
check "defaults: the step itself succeeds (the code is recorded, not raised)" test "$(cat "$run/status")" = 0
check "defaults: exit-code 1 (warnings at fail-on warning)" test "$(exit_code)" = 1
check "defaults: sarif-file output names the SARIF file, so the upload step runs" test "$(sarif_output)" = nanlint.sarif
check "defaults: the SARIF is valid JSON with the findings of MyLoss, paths relative to the workspace" \
  results_are "$my_loss_results"
check "defaults: annotations on the pull request (::warning file=...)" \
  grep -q "^::warning file=$my_loss,line=6," "$run/stdout"
check "defaults: the last step fails with code 1" test "$(finish_status)" = 1

run_step never INPUT_FAIL_ON=never
check "fail-on never: exit-code 0, last step passes" test "$(exit_code)/$(finish_status)" = 0/0
check "fail-on never: the findings are still uploaded" results_are "$my_loss_results"

# the scenarios below need no annotations: SARIF only, one nanlint run each
run_step error INPUT_FORMAT=sarif INPUT_FAIL_ON=error
check "fail-on error: warnings and notes alone give exit-code 0" test "$(exit_code)" = 0

run_step note INPUT_FORMAT=sarif INPUT_FAIL_ON=note INPUT_ARGS="--disable UnguardedLog"
check "fail-on note, args reach nanlint: UnguardedLog disabled, the notes remain, exit-code 1" \
  test "$(exit_code)/$(cd "$ws" && sarif_files nanlint.sarif | sort -u)" = "1/LogOfSoftmax $my_loss"
run_step note-disabled INPUT_FORMAT=sarif INPUT_FAIL_ON=note INPUT_ARGS="--disable UnguardedLog,LogOfSoftmax"
check "fail-on note with both rules disabled: no result, exit-code 0" \
  test "$(exit_code)/$(cd "$ws" && sarif_files nanlint.sarif | wc -l)" = 0/0

# --- baseline: adopt on existing code, then only new findings count -------------------------------------
(cd "$ws" && java -jar "$jar" --write-baseline nanlint-baseline.json . 2>/dev/null)
run_step baseline INPUT_FORMAT=sarif INPUT_BASELINE=nanlint-baseline.json
check "baseline: recorded findings are hidden, exit-code 0" test "$(exit_code)" = 0
check "baseline: the SARIF has no result" results_are ""
cat >"$ws/src/main/java/org/example/NewLoss.java" <<'JAVA'
package org.example;

class NewLoss {
  double nll(double z) {
    double p = 1 / (1 + Math.exp(-z));
    return -Math.log(1 - p);
  }
}
JAVA
run_step baseline-new INPUT_FORMAT=sarif INPUT_BASELINE=nanlint-baseline.json
check "baseline: a new finding still fails (exit-code 1) and is the only result" \
  test "$(exit_code)/$(cd "$ws" && sarif_files nanlint.sarif)" \
  = "1/UnguardedLog src/main/java/org/example/NewLoss.java"
rm "$ws/src/main/java/org/example/NewLoss.java"

# --- paths -------------------------------------------------------------------------------------------------
mkdir -p "$ws/other dir"
sed 's/class MyLoss/class OtherLoss/' "$ws/$my_loss" >"$ws/other dir/OtherLoss.java"
other_results="$(printf '%s other%%20dir/OtherLoss.java\n' LogOfSoftmax UnguardedLog UnguardedLog)"
run_step paths INPUT_FORMAT=sarif INPUT_PATHS=$'src/main/java\nother dir\n'
check "paths, one per line (with a space): both scanned" \
  results_are "$(printf '%s\n' "$my_loss_results" "$other_results" | sort)"
mv "$ws/other dir" "$ws/other"
run_step paths-words INPUT_FORMAT=sarif INPUT_PATHS="$my_loss other"
check "paths, space-separated" \
  results_are "$(printf '%s\n' "$my_loss_results" "${other_results//%20dir/}" | sort)"
rm -r "$ws/other"

run_step missing INPUT_FORMAT=sarif INPUT_PATHS=no/such/dir
check "a missing path: exit-code 2, and the last step fails with 2" test "$(exit_code)/$(finish_status)" = 2/2

# --- format --------------------------------------------------------------------------------------------------
rm -f "$ws/nanlint.sarif"
run_step text INPUT_FORMAT=text
check "format text: findings in the log, exit-code 1" \
  bash -c "grep -q '$my_loss:6:.*warning: \[UnguardedLog\]' '$run/stdout' && test \"\$(sed -n 's/^exit-code=//p' '$run/outputs')\" = 1"
check "format text: no SARIF file, no sarif-file output (the upload step is skipped)" \
  test "$(sarif_output)" = "" -a ! -e "$ws/nanlint.sarif"
run_step json INPUT_FORMAT="json sarif" INPUT_SARIF_FILE=reports/nanlint.sarif
check "format 'json sarif' and a sarif-file in a new directory: both written" \
  bash -c "python3 -m json.tool '$ws/nanlint.json' >/dev/null && test -s '$ws/reports/nanlint.sarif'"
run_step bogus INPUT_FORMAT=xml
check "an unknown format fails the step (status 2)" test "$(cat "$run/status")" = 2

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
