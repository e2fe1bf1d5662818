#!/usr/bin/env bash
# The last step of the GitHub Action (action.yml): fails the job with nanlint's exit code, which the run
# step recorded (EXIT_CODE) instead of failing, so that the SARIF upload came first.
set -euo pipefail
code="${EXIT_CODE:-}"
[[ "$code" =~ ^[0-9]+$ ]] || { echo "nanlint action: error: the run step recorded no exit code" >&2; exit 2; }
exit "$code"
