#!/usr/bin/env bash
# nanlint benchmark: speed and memory of nanlint against its own floor and against PMD 7, the cost of the
# javac processor, and a noise report. Not part of the unit tests or of `mvn verify`.
#
# Usage (from anywhere):
#   bench/run.sh                      # build everything, measure everything, 1 warm-up + 3 timed runs each
#   RUNS=5 bench/run.sh               # more timed runs (the table reports the median)
#
# Environment:
#   RUNS=3          timed runs per measurement (the median is reported)
#   WARMUP=1        untimed warm-up runs per measurement (fill the page cache; every run is a fresh JVM)
#   ONLY="parse nanlint bounded pmd javac javac-api small"
#                   which measurements to run (any subset, space separated; "parse-all" is extra)
#   BOUNDED_HEAP=512m
#                   the -Xmx of the "bounded" measurement
#   JVM_OPTS=       extra JVM options for every java process measured (parse, nanlint, PMD; javac gets
#                   them as -J options), e.g. JVM_OPTS="-XX:+UseSerialGC"; default none (as users run it)
#   SKIP_BUILD=1    reuse the jars in bench/target/under-test and the rest of bench/target from an earlier run
#   JAVA=java JAVAC=javac
#                   the JDK to run everything with (default: the one on PATH)
#   NOISE_SEED=20240601 NOISE_SAMPLE=50
#                   seed and size of the random sample in bench/target/noise.md
#
# What it does:
#   1. builds nanlint: `mvn -B -q -DskipTests -Dinvoker.skip=true package` at the repository root
#      (cli/target/nanlint-cli.jar, processor/target/nanlint-processor-0.1.0-SNAPSHOT.jar) and copies the
#      two jars to bench/target/under-test/, which everything below uses (other builds may rewrite
#      cli/target and processor/target while the benchmark runs);
#   2. `mvn -B -q -f bench/pom.xml package` (a standalone pom, not a module of the root pom): unpacks the
#      corpus (sources of nd4j-api, deeplearning4j-nn, tribuo-core, smile-core, commons-math3, ~1M lines)
#      into bench/target/corpus/<artifact>/, copies PMD 7 into bench/target/pmd-lib/, tribuo-core's
#      compile classpath into bench/target/tribuo-lib/, and compiles dev.nanlint.bench.ParseOnly against
#      the nanlint-cli.jar under test (so the floor uses nanlint's exact JavaParser and settings);
#   3. times each measurement with `/usr/bin/time -f '%e %U %S %M'` (wall, user, sys, max RSS), round-robin
#      (warm-up round, then timed round 1 of every measurement, round 2, ...: a burst of load from other
#      work on the machine hits one run of each tool rather than all runs of one):
#        parse    ParseOnly over the corpus: JavaParser with Linter.parserConfiguration(), all cores, over
#                 the files nanlint parses (it skips generated files, ~40% of the corpus's lines) (floor)
#        parse-tuned  (with parse) the same with the JVM options nanlint runs a scan with (-Xmx768m
#                 -XX:TieredStopAtLevel=1, see TunedJvm): the floor on an equal footing
#        parse-all  (only when named in ONLY) ParseOnly -Dall=true: every file, generated ones too
#        nanlint  java -jar cli/target/nanlint-cli.jar --fail-on never --format json (all rules) over the corpus
#                 (it relaunches itself with -Xmx768m -XX:TieredStopAtLevel=1, see TunedJvm); and, as the
#                 nanlint-script row, the same with those options given up front: one JVM, as the `nanlint`
#                 script runs it, to compare with parse-tuned on an equal footing
#        bounded  the same with -Xmx$BOUNDED_HEAP: shows the heap stays bounded (files are streamed); a
#                 default JVM on a big machine lets garbage pile up, so its RSS says little about need
#        pmd      PMD 7 with bench/pmd-ruleset.xml (ComparisonWithNaN + two XPath rules) over the corpus
#        javac    the javac command on tribuo-core's 256 sources: -proc:none; with a no-op processor (the cost of
#                 annotation processing itself); with the nanlint processor; with the nanlint plugin
#                 (-Xplugin:Nanlint -proc:none)
#        javac-api  the same four, with javac run in process through javax.tools (dev.nanlint.bench.ApiJavac),
#                 as Maven, Gradle and IDEs run it: such a task always keeps comments and end positions,
#                 which the command starts doing (at a cost) only when a listener or processor is present
#        small    nanlint on one small file (test-fixtures/sample-project/.../MyLoss.java): start-up cost
#      and prints the medians, lines/second, the ratios and the targets of DESIGN.md "Performance";
#   4. writes bench/target/noise.md from nanlint's JSON report: findings per rule per kLOC per corpus and
#      a seeded random sample of findings with their source lines, for a person to review.
#
# Outputs (bench/target/): results.md (the table, also printed), noise.md, nanlint.json, pmd.txt,
# results/<measurement>.{runs,log} (every timed run: "wall user sys maxrss_kb", and the last run's output).
# The numbers depend on the machine and on whatever else runs on it: check the load average printed in
# results.md before trusting a ratio.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-1}
ONLY=${ONLY:-"parse nanlint bounded pmd javac javac-api small"}
BOUNDED_HEAP=${BOUNDED_HEAP:-512m}
read -r -a JVM <<< "${JVM_OPTS:-}"
SKIP_BUILD=${SKIP_BUILD:-0}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-javac}
export LC_ALL=C

OUT=bench/target
CORPUS=$OUT/corpus
RES=$OUT/results
BUILT_CLI_JAR=cli/target/nanlint-cli.jar
BUILT_PROC_JAR=processor/target/nanlint-processor-0.1.0-SNAPSHOT.jar
# the jars under test are copied here right after the build, so a concurrent `mvn package` rewriting
# cli/target or processor/target cannot change (or break) them half-way through the measurements
SNAP=$OUT/under-test
CLI_JAR=$SNAP/nanlint-cli.jar
PROC_JAR=$SNAP/nanlint-processor-0.1.0-SNAPSHOT.jar
SMALL_FILE=test-fixtures/sample-project/src/main/java/org/example/MyLoss.java
TIME=/usr/bin/time

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }
wants() { [[ " $ONLY " == *" $1 "* ]]; }

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (got '$RUNS')"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer (got '$WARMUP')"
for m in $ONLY; do
  case $m in parse|parse-all|nanlint|bounded|pmd|javac|javac-api|small) ;; *) die "unknown measurement '$m' in ONLY (parse parse-all nanlint bounded pmd javac javac-api small)";; esac
done
$TIME -f '%e' true 2>/dev/null || die "$TIME (GNU time) is required: apt-get install time"
for tool in mvn python3 "$JAVA" "$JAVAC"; do
  command -v "$tool" >/dev/null || die "$tool not found on PATH"
done

# ---------------------------------------------------------------------------------------------- build
if [[ $SKIP_BUILD != 1 ]]; then
  mkdir -p "$SNAP"
  # Maven's output goes to a log (with -q it is only colour resets), shown if the build fails
  log "building nanlint (mvn package at the root, tests skipped)"
  mvn -B -q -Dstyle.color=never -DskipTests -Dinvoker.skip=true package > "$OUT/build.log" 2>&1 \
    || { tail -n 60 "$OUT/build.log" >&2; die "building nanlint failed (full log: $OUT/build.log)"; }
  cp "$BUILT_CLI_JAR" "$BUILT_PROC_JAR" "$SNAP/"
  git describe --always --dirty > "$SNAP/revision" 2>/dev/null || echo unknown > "$SNAP/revision"
  log "preparing corpus, PMD, tribuo classpath and ParseOnly (mvn -f bench/pom.xml package)"
  mvn -B -q -Dstyle.color=never -f bench/pom.xml package -Dnanlint.cli.jar="$ROOT/$CLI_JAR" > "$OUT/build-bench.log" 2>&1 \
    || { tail -n 60 "$OUT/build-bench.log" >&2; die "bench/pom.xml failed (full log: $OUT/build-bench.log)"; }
fi
for f in "$CLI_JAR" "$PROC_JAR" "$OUT/classes/dev/nanlint/bench/ParseOnly.class"; do
  [[ -f $f ]] || die "$f missing (run without SKIP_BUILD=1)"
done
[[ -d $CORPUS/tribuo-core ]] || die "$CORPUS missing (run without SKIP_BUILD=1)"
# a jar built while another build rewrote the same target/ directories can be incomplete: try it once
set +e
"$JAVA" -jar "$CLI_JAR" "$SMALL_FILE" > "$OUT/sanity.log" 2>&1
rc=$?
set -e
if [[ $rc != 0 && $rc != 1 ]] || grep -q 'Exception\|Error:' "$OUT/sanity.log"; then
  cat "$OUT/sanity.log" >&2
  die "$CLI_JAR does not work (exit $rc): was it built while another build ran? run bench/run.sh again"
fi
REVISION=$(cat "$SNAP/revision" 2>/dev/null || echo unknown)
# the two copied classpaths must not share an artifact (see bench/pom.xml)
shared=$(comm -12 <(ls "$OUT/pmd-lib" | sed -E 's/-[0-9][^-]*(-[a-z]+)?\.jar$//' | sort -u) \
                  <(ls "$OUT/tribuo-lib" | sed -E 's/-[0-9][^-]*(-[a-z]+)?\.jar$//' | sort -u))
[[ -z $shared ]] || log "warning: pmd-lib and tribuo-lib share artifacts (version mediation may apply): $shared"

rm -rf "$RES"
mkdir -p "$RES"

CORPUS_FILES=$(find "$CORPUS" -name '*.java' | wc -l)
CORPUS_LINES=$(find "$CORPUS" -name '*.java' -print0 | xargs -0 cat | wc -l)
find "$CORPUS/tribuo-core" -name '*.java' | sort > "$RES/tribuo-sources.txt"
TRIBUO_FILES=$(wc -l < "$RES/tribuo-sources.txt")
TRIBUO_LINES=$(xargs -d '\n' cat < "$RES/tribuo-sources.txt" | wc -l)
SMALL_LINES=$(wc -l < "$SMALL_FILE")
log "corpus: $CORPUS_FILES files, $CORPUS_LINES lines; tribuo-core: $TRIBUO_FILES files, $TRIBUO_LINES lines"

# --------------------------------------------------------------------------------------- measuring
# The measurements are registered first and then run round-robin: warm-up round(s), then timed round 1 of
# every measurement, round 2 of every measurement, ... On a shared machine the load comes and goes; this
# way a busy minute slows one run of each tool instead of every run of one tool, so ratios stay fair.
NAMES=()
declare -A OK_CODES PREPS COMMANDS
# register NAME "OK EXIT CODES" "PREP (evaluated before every run, untimed; may be empty)" CMD...
register() {
  local name=$1
  NAMES+=("$name")
  OK_CODES[$name]=$2
  PREPS[$name]=$3
  shift 3
  COMMANDS[$name]=$(printf '%q ' "$@")
}
# run_once NAME ROUND: one run; appends "wall user sys maxrss_kb" to $RES/NAME.runs for timed rounds.
# $RES/NAME.log keeps the output of the last run.
run_once() {
  local name=$1 round=$2 rc
  if [[ -n ${PREPS[$name]} ]]; then eval "${PREPS[$name]}"; fi
  log "$name: run $round/$((WARMUP + RUNS))$( ((round <= WARMUP)) && echo ' (warm-up)')"
  set +e
  eval "$TIME -f '%e %U %S %M' -o \"\$RES/\$name.time\" ${COMMANDS[$name]}" > "$RES/$name.log" 2>&1
  rc=$?
  set -e
  if [[ " ${OK_CODES[$name]} " != *" $rc "* ]]; then
    tail -n 30 "$RES/$name.log" >&2
    die "$name exited with $rc (expected one of: ${OK_CODES[$name]}); command: ${COMMANDS[$name]}"
  fi
  # GNU time writes "Command exited with non-zero status N" first when N != 0
  if ((round > WARMUP)); then tail -n 1 "$RES/$name.time" >> "$RES/$name.runs"; fi
}

# median COLUMN-EXPRESSION NAME: median over the timed runs of an awk expression of $1..$4
median() {
  awk "{ print $1 }" "$RES/$2.runs" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
range() { awk '{ print $1 }' "$RES/$1.runs" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.1f–%.1f", lo, hi }'; }
wall() { median '$1' "$1"; }
cpu() { median '$2 + $3' "$1"; }
rss_mb() { median '$4 / 1024' "$1"; }

# the JVM options nanlint runs a scan with (TunedJvm in cli adds them to `java -jar` on a directory, the
# nanlint script passes them): the floor measured with them too, so the ratio compares like with like
NANLINT_JVM=(-Xmx768m -XX:TieredStopAtLevel=1)
if wants parse; then
  register parse "0" "" "$JAVA" "${JVM[@]}" -cp "$OUT/classes:$CLI_JAR" dev.nanlint.bench.ParseOnly "$CORPUS"
  register parse-tuned "0" "" "$JAVA" "${JVM[@]}" "${NANLINT_JVM[@]}" -cp "$OUT/classes:$CLI_JAR" \
    dev.nanlint.bench.ParseOnly "$CORPUS"
fi
if wants parse-all; then
  register parse-all "0" "" "$JAVA" "${JVM[@]}" -Dall=true -cp "$OUT/classes:$CLI_JAR" dev.nanlint.bench.ParseOnly "$CORPUS"
fi
if wants nanlint; then
  register nanlint "0" "" "$JAVA" "${JVM[@]}" -jar "$CLI_JAR" --fail-on never --format json --output "$OUT/nanlint.json" "$CORPUS"
  # what the `nanlint` script runs: the same options given up front, so one JVM and no relaunch
  register nanlint-script "0" "" "$JAVA" "${JVM[@]}" "${NANLINT_JVM[@]}" -jar "$CLI_JAR" --fail-on never --format json \
    --output "$OUT/nanlint-script.json" "$CORPUS"
fi
if wants bounded; then
  register bounded "0" "" "$JAVA" "${JVM[@]}" -Xmx"$BOUNDED_HEAP" -jar "$CLI_JAR" --fail-on never --format json \
    --output "$OUT/nanlint-bounded.json" "$CORPUS"
fi
if wants pmd; then
  # exit 4 = violations found. --no-progress: PMD's progress bar is on by default (nanlint's is TTY-only).
  register pmd "0 4" "" "$JAVA" "${JVM[@]}" -cp "$OUT/pmd-lib/*" net.sourceforge.pmd.cli.PmdCli check --no-cache \
    --no-progress -d "$CORPUS" -R bench/pmd-ruleset.xml -f text -r "$OUT/pmd.txt"
fi
# -proc:full (JDK 21+, backported to recent 17u) states explicitly that processors run; older javacs
# run processors found on -processorpath by default.
PROC_FULL=()
probe=$(mktemp -d)
echo 'class Probe {}' > "$probe/Probe.java"
if "$JAVAC" -proc:full -d "$probe" "$probe/Probe.java" 2>/dev/null; then PROC_FULL=(-proc:full); fi
rm -rf "$probe"
CLEAN_CLASSES='rm -rf "$OUT/javac-classes" && mkdir -p "$OUT/javac-classes"'
if wants javac || wants javac-api; then
  python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' \
    "$PROC_JAR" META-INF/services/javax.annotation.processing.Processor 2>/dev/null \
    | grep -q dev.nanlint.processor.NanlintProcessor || die "$PROC_JAR does not register NanlintProcessor"
fi
if wants javac; then
  # tribuo-core 4.3.2 is built with source/target 1.8 (its pom)
  JAVAC_ARGS=("${JVM[@]/#/-J}" --release 8 -encoding UTF-8 -nowarn -g -cp "$OUT/tribuo-lib/*")
  register javac "0" "$CLEAN_CLASSES" "$JAVAC" -d "$OUT/javac-classes" "${JAVAC_ARGS[@]}" -proc:none \
    @"$RES/tribuo-sources.txt"
  # annotation processing on, with a processor that does nothing: the cost of -proc itself
  register javac-noop "0" "$CLEAN_CLASSES" "$JAVAC" -d "$OUT/javac-classes" "${JAVAC_ARGS[@]}" \
    -processorpath "$OUT/classes" -processor dev.nanlint.bench.NoopProcessor "${PROC_FULL[@]}" @"$RES/tribuo-sources.txt"
  register javac-proc "0" "$CLEAN_CLASSES" "$JAVAC" -d "$OUT/javac-classes" "${JAVAC_ARGS[@]}" \
    -processorpath "$PROC_JAR" "${PROC_FULL[@]}" @"$RES/tribuo-sources.txt"
  # the same jar as a javac plugin, without annotation processing (README, "Faster builds")
  register javac-plugin "0" "$CLEAN_CLASSES" "$JAVAC" -d "$OUT/javac-classes" "${JAVAC_ARGS[@]}" \
    -processorpath "$PROC_JAR" -Xplugin:Nanlint -proc:none @"$RES/tribuo-sources.txt"
fi
if wants javac-api; then
  [[ -f $OUT/classes/dev/nanlint/bench/ApiJavac.class ]] || die "ApiJavac missing (run without SKIP_BUILD=1)"
  API=("$JAVA" "${JVM[@]}" -cp "$OUT/classes" dev.nanlint.bench.ApiJavac -d "$OUT/javac-classes" --release 8
    -encoding UTF-8 -nowarn -g -cp "$OUT/tribuo-lib/*")
  register api "0" "$CLEAN_CLASSES" "${API[@]}" -proc:none @"$RES/tribuo-sources.txt"
  register api-noop "0" "$CLEAN_CLASSES" "${API[@]}" -processorpath "$OUT/classes" \
    -processor dev.nanlint.bench.NoopProcessor "${PROC_FULL[@]}" @"$RES/tribuo-sources.txt"
  register api-proc "0" "$CLEAN_CLASSES" "${API[@]}" -processorpath "$PROC_JAR" "${PROC_FULL[@]}" \
    @"$RES/tribuo-sources.txt"
  register api-plugin "0" "$CLEAN_CLASSES" "${API[@]}" -processorpath "$PROC_JAR" -Xplugin:Nanlint -proc:none \
    @"$RES/tribuo-sources.txt"
fi
if wants small; then
  [[ -f $SMALL_FILE ]] || die "$SMALL_FILE missing"
  register small "0 1" "" "$JAVA" "${JVM[@]}" -jar "$CLI_JAR" "$SMALL_FILE"
fi

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for name in "${NAMES[@]}"; do : > "$RES/$name.runs"; done
for ((round = 1; round <= WARMUP + RUNS; round++)); do
  for name in "${NAMES[@]}"; do
    run_once "$name" "$round"
  done
done

# ------------------------------------------------------------------------------ checks of the output
GENERATED="not measured (run parse)"
if wants parse; then
  cat "$RES/parse.log" >&2
  grep -q " failed=0 " "$RES/parse.log" || log "warning: JavaParser could not parse some corpus files (see $RES/parse.log)"
  GENERATED=$(sed -nE 's/.* skipped=([0-9]+) skippedLines=([0-9]+).*/\1 files, \2 lines/p' "$RES/parse.log")
fi
if wants parse-all; then
  cat "$RES/parse-all.log" >&2
fi
if wants nanlint; then
  python3 - "$OUT/nanlint.json" "$CORPUS_FILES" >&2 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
s = d["summary"]
print("[bench] nanlint: %s files scanned, %s findings, %s input errors" % (s.get("filesScanned"), s.get("findings"), s.get("errors")))
slow = [e["path"] for e in d.get("errors", []) if "--timeout" in e.get("message", "")]
if slow:
    print("[bench] warning: %d file(s) hit nanlint's per-file --timeout and were not analysed: %s" % (len(slow), ", ".join(slow)))
if int(s.get("filesScanned", -1)) != int(sys.argv[2]):
    print("[bench] warning: nanlint scanned %s files, the corpus has %s" % (s.get("filesScanned"), sys.argv[2]))
EOF
fi
if wants bounded && grep -q OutOfMemoryError "$RES/bounded.log" "$OUT/nanlint-bounded.json"; then
  log "warning: nanlint ran out of memory with -Xmx$BOUNDED_HEAP (see $RES/bounded.log)"
fi
if wants pmd; then
  log "pmd: $(grep -c . "$OUT/pmd.txt" || true) report lines in $OUT/pmd.txt; $(grep -ci 'error' "$RES/pmd.log" || true) log lines mention errors"
fi
if wants javac; then
  proc_findings=$(grep -cE 'warning: \[[A-Za-z]+\]' "$RES/javac-proc.log" || true)
  log "javac+processor: $proc_findings nanlint warnings (javac prints at most 100 by default)"
  ((proc_findings > 0)) || log "warning: the processor reported nothing on tribuo-core: did it run? (see $RES/javac-proc.log)"
  plugin_findings=$(grep -cE 'warning: \[[A-Za-z]+\]' "$RES/javac-plugin.log" || true)
  log "javac+plugin: $plugin_findings nanlint warnings"
  ((plugin_findings == proc_findings)) || log "warning: the plugin and the processor reported different numbers of findings"
fi
if wants javac-api; then
  for name in api-proc api-plugin; do
    found=$(grep -cE 'warning: \[[A-Za-z]+\]' "$RES/$name.log" || true)
    log "$name: $found nanlint warnings"
    ((found > 0)) || log "warning: $name reported nothing on tribuo-core: did nanlint run? (see $RES/$name.log)"
  done
fi

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------------------------------ report
if wants nanlint; then
  python3 bench/noise.py "$OUT/nanlint.json" "$CORPUS" "$OUT/noise.md" >&2
fi

row() { # row NAME LABEL LINES
  local w c r
  w=$(wall "$1"); c=$(cpu "$1"); r=$(rss_mb "$1")
  printf '| %s | %.2f | %s | %.2f | %.0f | %s | %s |\n' "$2" "$w" "$(range "$1")" "$c" "$r" "$3" \
    "$(awk -v l="$3" -v w="$w" 'BEGIN { printf "%.0f", (w > 0 ? l / w : 0) }')"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t ? "holds" : "MISSED") }'; }
has() { [[ -s $RES/$1.runs ]]; }
# target_rows NAME BASE LABEL TARGET: NAME's wall time against BASE's with the verdict, and the CPU ratio
target_rows() {
  local v
  if has "$1" && has "$2"; then
    v=$(ratio "$(wall "$1")" "$(wall "$2")")
    echo "| $3, wall | $v | ≤ $4 | $(verdict "$v" "$4") |"
    echo "| $3, CPU | $(ratio "$(cpu "$1")" "$(cpu "$2")") | | |"
  fi
}
# javac_ratios LABEL JAVAC NOOP PROCESSOR PLUGIN: the processor target rows for one way of running javac
javac_ratios() {
  local label=$1 base=$2 noop=$3 proc=$4 plugin=$5
  target_rows "$proc" "$base" "$label+processor / javac" 1.10
  target_rows "$plugin" "$base" "$label+plugin / javac" 1.10
  if has "$base" && has "$noop"; then
    echo "| $label+no-op processor / javac, wall (cost of -proc itself) | $(ratio "$(wall "$noop")" "$(wall "$base")") | | |"
  fi
  if has "$noop" && has "$proc"; then
    echo "| $label+processor / +no-op processor, wall (nanlint's own share) | $(ratio "$(wall "$proc")" "$(wall "$noop")") | | |"
  fi
}

{
  echo "## nanlint benchmark — $(date '+%Y-%m-%d %H:%M')"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM"
  echo "- nanlint: $REVISION (git describe of the working tree when the jars under test were built)"
  echo "- JDK: $("$JAVA" -version 2>&1 | head -n 1); javac: $("$JAVAC" -version 2>&1)"
  echo "- JVM_OPTS: ${JVM_OPTS:-(none: JVM defaults, max heap = 1/4 of RAM)}"
  echo "- load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER"
  echo "- corpus: $CORPUS_FILES files, $CORPUS_LINES lines, of which generated (nanlint and parse-only skip them): $GENERATED"
  echo "- tribuo-core: $TRIBUO_FILES files, $TRIBUO_LINES lines"
  echo "- lines/s = all input lines / median wall, for every tool (PMD parses the generated files too)"
  echo "- $WARMUP warm-up + $RUNS timed runs each; median reported (wall range = min–max of the timed runs)"
  echo
  echo "| measurement | wall s | wall range | CPU s (user+sys) | peak RSS MB | lines | lines/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  if has parse; then row parse "parse-only (JavaParser, nanlint config, files nanlint parses), JVM defaults" "$CORPUS_LINES"; fi
  if has parse-tuned; then row parse-tuned "parse-only, with nanlint's JVM options (${NANLINT_JVM[*]})" "$CORPUS_LINES"; fi
  if has parse-all; then row parse-all "parse-only, every file" "$CORPUS_LINES"; fi
  if has nanlint; then row nanlint "nanlint (all rules), java -jar (relaunches itself with its JVM options)" "$CORPUS_LINES"; fi
  if has nanlint-script; then row nanlint-script "nanlint as the nanlint script runs it (${NANLINT_JVM[*]} -jar, one JVM)" "$CORPUS_LINES"; fi
  if has bounded; then row bounded "nanlint, -Xmx$BOUNDED_HEAP" "$CORPUS_LINES"; fi
  if has pmd; then row pmd "PMD $(ls "$OUT/pmd-lib" | sed -nE 's/^pmd-core-(.*)\.jar$/\1/p') (3 rules)" "$CORPUS_LINES"; fi
  if has javac; then row javac "javac command, tribuo-core (-proc:none)" "$TRIBUO_LINES"; fi
  if has javac-noop; then row javac-noop "javac command + no-op processor" "$TRIBUO_LINES"; fi
  if has javac-proc; then row javac-proc "javac command + nanlint processor" "$TRIBUO_LINES"; fi
  if has javac-plugin; then row javac-plugin "javac command + nanlint plugin (-Xplugin:Nanlint -proc:none)" "$TRIBUO_LINES"; fi
  if has api; then row api "javac in process (javax.tools, as Maven runs it), tribuo-core (-proc:none)" "$TRIBUO_LINES"; fi
  if has api-noop; then row api-noop "javac in process + no-op processor" "$TRIBUO_LINES"; fi
  if has api-proc; then row api-proc "javac in process + nanlint processor" "$TRIBUO_LINES"; fi
  if has api-plugin; then row api-plugin "javac in process + nanlint plugin (-Xplugin:Nanlint -proc:none)" "$TRIBUO_LINES"; fi
  if has small; then row small "nanlint, one small file" "$SMALL_LINES"; fi
  echo
  echo "| ratio / check | value | target | |"
  echo "|---|---:|---:|---|"
  target_rows nanlint parse "nanlint / parse-only (JVM defaults)" 1.15
  target_rows nanlint parse-tuned "nanlint (java -jar) / parse-only (same JVM options)" 1.15
  target_rows nanlint-script parse-tuned "nanlint (one JVM, as the script) / parse-only (same JVM options)" 1.15
  target_rows nanlint pmd "nanlint / PMD" 0.85
  if has pmd && has nanlint; then
    echo "| nanlint / PMD, peak RSS | $(ratio "$(rss_mb nanlint)" "$(rss_mb pmd)") | | |"
  fi
  if has nanlint; then
    v=$(rss_mb nanlint)
    echo "| nanlint peak RSS, MB (${JVM_OPTS:-default JVM}) | $(printf '%.0f' "$v") | ≤ 1024 | $(verdict "$v" 1024) |"
  fi
  if has bounded; then
    v=$(rss_mb bounded)
    echo "| nanlint peak RSS, MB (-Xmx$BOUNDED_HEAP) | $(printf '%.0f' "$v") | ≤ 1024 | $(verdict "$v" 1024) |"
    if has nanlint; then echo "| nanlint -Xmx$BOUNDED_HEAP / nanlint, wall | $(ratio "$(wall bounded)" "$(wall nanlint)") | | |"; fi
  fi
  javac_ratios "javac in process: " api api-noop api-proc api-plugin
  javac_ratios "javac command: " javac javac-noop javac-proc javac-plugin
  if has small; then
    v=$(wall small)
    echo "| one small file, wall s | $v | ≤ 1.0 | $(verdict "$v" 1.0) |"
  fi
} > "$OUT/results.md"

cat "$OUT/results.md"
log "written: $OUT/results.md$(wants nanlint && echo ", $OUT/noise.md, $OUT/nanlint.json"); per-run data in $RES/"
