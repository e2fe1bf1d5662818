#!/usr/bin/env bash
# The "obtain nanlint" step of the GitHub Action (action.yml). Writes jar=<path of the nanlint-cli jar> to
# GITHUB_OUTPUT (printed when unset).
#
#   NANLINT_VERSION set (e.g. 0.1.0): the released dev.nanlint:nanlint-cli jar, fetched by Maven from
#                   Maven Central (or found in the local repository, ~/.m2, after `mvn install`).
#   NANLINT_VERSION empty: built from the action's own checkout, NANLINT_SOURCE (the repository root),
#                   i.e. the nanlint of the ref the workflow names in `uses: nanlint/nanlint@REF`.
set -euo pipefail

die() {
  echo "nanlint action: error: $*" >&2
  exit 2
}

command -v mvn >/dev/null || die "Maven (mvn) is not on the PATH"
output="${GITHUB_OUTPUT:-/dev/stdout}"
version="${NANLINT_VERSION:-}"

if [[ -n "$version" ]]; then
  [[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]] || die "nanlint-version '$version' is not a version"
  dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/nanlint-$version"
  mkdir -p "$dir"
  echo "nanlint action: fetching dev.nanlint:nanlint-cli:$version" >&2
  # shellcheck disable=SC2086 # NANLINT_MAVEN_OPTS: options, split on purpose (e.g. -o)
  mvn -B -q -Dstyle.color=never ${NANLINT_MAVEN_OPTS:-} org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="dev.nanlint:nanlint-cli:$version" -DoutputDirectory="$dir" >&2 \
    || die "could not fetch dev.nanlint:nanlint-cli:$version (is it released?)"
  jar="$dir/nanlint-cli-$version.jar"
else
  source_dir="${NANLINT_SOURCE:?NANLINT_SOURCE: the nanlint checkout to build}"
  [[ -f "$source_dir/cli/pom.xml" ]] || die "no nanlint sources at '$source_dir'"
  echo "nanlint action: building nanlint from $source_dir" >&2
  # the command only: no tests, no javadoc or sources jars
  # shellcheck disable=SC2086
  mvn -B -q -Dstyle.color=never ${NANLINT_MAVEN_OPTS:-} -f "$source_dir/pom.xml" -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true package -pl cli -am >&2 || die "building nanlint failed (Maven output above)"
  jar="$source_dir/cli/target/nanlint-cli.jar"
fi

[[ -f "$jar" ]] || die "no jar at $jar"
echo "jar=$jar" >>"$output"
