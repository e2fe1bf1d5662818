#!/usr/bin/env bash
# The real files of the fixed-bug set (docs/evaluation/realbugs.tsv) are upstream code, so they are never
# committed here. They live outside the repository, one folder per site (the label id before ':'):
#
#   DATA/<site>/before/<File>.java   the file at the fix commit's parent  (git show <commit>^:<path>)
#   DATA/<site>/after/<File>.java    the same file at the fix commit      (git show <commit>:<path>)
#
# DATA defaults to /work/realbugs-data (or $REALBUGS_DATA).
#
#   fetch.sh --check [DATA]            checks every labelled file is present and is the version labelled
#                                      (sha256 in bench/realbugs/files.sha256); exit 1 if not
#   fetch.sh --from-git CLONES [DATA]  writes the files from local git clones, CLONES/<owner>+<name> (a work tree
#                                      or bare clone, or one holding a bare clone in repo/), then checks them.
#                                      Clone with: git clone https://github.com/<owner>/<name> CLONES/<owner>+<name>
#   fetch.sh --labels FILE ...         another label set (e.g. docs/evaluation/realbugs-tuning.tsv); its sums are
#                                      bench/realbugs/files-<name>.sha256 (realbugs-tuning.tsv: files-tuning.sha256),
#                                      and DATA must be given
#   fetch.sh --labels FILE --write-sums DATA   records the sha256 of that set's files (once, when labelling)
#
# The repositories: elki-project/elki, EdwardRaff/JSAT, mimno/Mallet, jeffheaton/encog-java-core,
# apache/mahout, AbeelLab/javaml, h2oai/h2o-3, apache/opennlp (column 3 of the TSV).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
labels="$here/../../docs/evaluation/realbugs.tsv"
sums="$here/files.sha256"
default_data="${REALBUGS_DATA:-/work/realbugs-data}"
if [[ "${1:-}" == "--labels" ]]; then
  [[ -f "${2:-}" ]] || { echo "no labels file: ${2:-}" >&2; exit 2; }
  labels="$(realpath "$2")"
  name="$(basename "$labels" .tsv)"
  sums="$here/files-${name#realbugs-}.sha256"
  default_data=""   # another set's files never default to this set's folder
  shift 2
fi
data_arg() {
  local data="${1:-$default_data}"
  [[ -n "$data" ]] || { echo "give the data folder of $labels" >&2; exit 2; }
  echo "$data"
}

# site, repository, commit, path: one line per labelled file
sites() {
  awk -F'\t' 'NR > 1 { split($1, id, ":"); print id[1] "\t" $3 "\t" $4 "\t" $5 }' "$labels" | sort -u
}

check() {
  local data="$1" missing=0 file
  while IFS=$'\t' read -r site repo commit path; do
    for version in before after; do
      file="$data/$site/$version/$(basename "$path")"
      if [[ ! -f "$file" ]]; then
        echo "missing: $file  ($repo, ${version/before/parent of } $commit, $path)" >&2
        missing=$((missing + 1))
      elif ! grep -qF "  $site/$version/$(basename "$path")" "$sums"; then
        echo "no sha256 recorded for $site/$version/$(basename "$path") in $sums" >&2
        missing=$((missing + 1))
      fi
    done
  done < <(sites)
  if [[ $missing -gt 0 ]]; then
    echo "$missing files missing under $data or unrecorded; see the header of $0" >&2
    exit 1
  fi
  if ! (cd "$data" && sha256sum --quiet --check "$sums"); then
    echo "files under $data differ from the versions labelled ($sums)" >&2
    exit 1
  fi
}

git_dir() {
  local clones="$1" repo="$2" dir="$1/${2/\//+}"
  if [[ -d "$dir/repo" ]]; then dir="$dir/repo"; fi
  git -C "$dir" rev-parse --git-dir >/dev/null 2>&1 || { echo "no clone of $repo at $clones/${repo/\//+}" >&2; exit 1; }
  echo "$dir"
}

from_git() {
  local clones="$1" data="$2" dir name
  while IFS=$'\t' read -r site repo commit path; do
    dir="$(git_dir "$clones" "$repo")"
    name="$(basename "$path")"
    mkdir -p "$data/$site/before" "$data/$site/after"
    git -C "$dir" show "$commit^:$path" > "$data/$site/before/$name"
    git -C "$dir" show "$commit:$path" > "$data/$site/after/$name"
  done < <(sites)
}

write_sums() {
  local data="$1"
  (cd "$data" && while IFS=$'\t' read -r site repo commit path; do
    sha256sum "$site/before/$(basename "$path")" "$site/after/$(basename "$path")"
  done < <(sites)) > "$sums"
  echo "wrote $sums"
}

case "${1:-}" in
  --check) data="$(data_arg "${2:-}")"; check "$data" ;;
  --write-sums) data="$(data_arg "${2:-}")"; write_sums "$data" ;;
  --from-git)
    [[ -n "${2:-}" ]] || { echo "usage: $0 [--labels FILE] --from-git CLONES [DATA]" >&2; exit 2; }
    data="$(data_arg "${3:-}")"
    from_git "$2" "$data"
    check "$data"
    echo "wrote and checked the files under $data"
    ;;
  *) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
