#!/usr/bin/env bash
# materialize.sh - copy every backend listed in corpus-dev.tsv out of the local
# repository mirrors into ${CORPUS_DIR:-/tmp/amplify-corpus}/<id>/.
#
# For each row (id, repo, commit, amplify_dir, ...) it runs
#   git --git-dir=<mirror> archive <commit> -- <amplify_dir> [<nearest package.json>]
# and unpacks the result under <CORPUS_DIR>/<id>/, keeping the paths the files
# have inside their repository (so <CORPUS_DIR>/<id>/<amplify_dir> is the backend
# and its package.json sits where it sat in the repository).
#
# It also writes <CORPUS_DIR>/index.tsv (id, repo, commit, path of the copied
# amplify dir) and <CORPUS_DIR>/missing.tsv (rows that could not be copied, with
# the reason). Nothing is written inside this git repository: the copies are
# third-party code and must never be committed.
#
# Environment:
#   CORPUS_DIR  where to write the copies    (default /tmp/amplify-corpus)
#   CORPUS_TSV  the list of backends         (default ../shared/corpus-dev.tsv
#                                              next to the repository, else
#                                              /work/shared/corpus-dev.tsv)
#   MIRROR_DIR  where the mirrors live       (default /work/.mirror); a mirror of
#               owner/name is MIRROR_DIR/owner+name/repo (bare) or .../repo/.git
#
# Exit status: 0 when every row was copied, 1 when some rows are missing,
# 2 on a usage error.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(git -C "$here" rev-parse --show-toplevel 2>/dev/null || echo "$here/../..")
CORPUS_DIR=${CORPUS_DIR:-/tmp/amplify-corpus}
MIRROR_DIR=${MIRROR_DIR:-/work/.mirror}
if [[ -z "${CORPUS_TSV:-}" ]]; then
  if [[ -f "$top/../shared/corpus-dev.tsv" ]]; then
    CORPUS_TSV="$top/../shared/corpus-dev.tsv"
  else
    CORPUS_TSV=/work/shared/corpus-dev.tsv
  fi
fi
[[ -f "$CORPUS_TSV" ]] || { echo "materialize: no list at $CORPUS_TSV" >&2; exit 2; }

# Refuse to write inside the repository.
mkdir -p "$CORPUS_DIR"
out=$(cd "$CORPUS_DIR" && pwd -P)
toplevel=$(cd "$top" && pwd -P)
case "$out/" in
  "$toplevel"/*) echo "materialize: CORPUS_DIR ($out) is inside the repository; choose a folder outside it" >&2; exit 2 ;;
esac

# mirror_of OWNER/NAME -> prints the git dir of the mirror, or nothing.
mirror_of() {
  local base="$MIRROR_DIR/${1/\//+}/repo"
  if [[ -d "$base/.git" ]]; then echo "$base/.git"
  elif [[ -f "$base/HEAD" ]]; then echo "$base"
  fi
}

# nearest_package_json GITDIR COMMIT DIR -> path of the closest package.json in
# DIR's parents (DIR itself excluded, the repository root included), or nothing.
nearest_package_json() {
  local gd=$1 c=$2 d=$3
  while [[ "$d" == */* ]]; do
    d=${d%/*}
    if git --git-dir="$gd" cat-file -e "$c:$d/package.json" 2>/dev/null; then
      echo "$d/package.json"; return
    fi
  done
  if git --git-dir="$gd" cat-file -e "$c:package.json" 2>/dev/null; then
    echo "package.json"
  fi
}

# copy_tree GITDIR COMMIT DIR DEST ID -> unpacks DIR of COMMIT under DEST and
# prints how many of its files the mirror lacks (0 normally). A snapshot may list
# large files without holding them; git archive then fails, so such trees are
# copied file by file and the absent paths are appended to absent-files.tsv.
copy_tree() {
  local gd=$1 c=$2 d=$3 dest=$4 id=$5 n=0 mode type sha path
  if git --git-dir="$gd" archive --format=tar --prefix="$d/" "$c:$d" 2>/dev/null >"$dest.tar" &&
    tar -x -C "$dest" -f "$dest.tar" 2>/dev/null; then
    rm -f "$dest.tar"; echo 0; return
  fi
  rm -f "$dest.tar"
  while IFS= read -r -d '' line; do
    read -r mode type sha <<<"${line%%$'\t'*}"
    path=${line#*$'\t'}
    [[ "$type" == blob ]] || continue # submodules (commit entries) are skipped
    if ! git --git-dir="$gd" cat-file -e "$sha" 2>/dev/null; then
      printf '%s\t%s\n' "$id" "$path" >>"$absent_list"; n=$((n + 1)); continue
    fi
    mkdir -p "$dest/$(dirname "$path")"
    if [[ "$mode" == 120000 ]]; then
      ln -sfn "$(git --git-dir="$gd" cat-file blob "$sha")" "$dest/$path"
    else
      git --git-dir="$gd" cat-file blob "$sha" >"$dest/$path"
      [[ "$mode" == 100755 ]] && chmod +x "$dest/$path"
    fi
  done < <(git --git-dir="$gd" ls-tree -r -z "$c" -- "$d")
  echo "$n"
}

index="$out/index.tsv" missing="$out/missing.tsv" absent_list="$out/absent-files.tsv"
printf 'id\trepo\tcommit\tamplify_path\tpackage_json\tabsent_files\n' >"$index"
printf 'id\tpath\n' >"$absent_list"
printf 'id\trepo\tcommit\treason\n' >"$missing"
ok=0 bad=0
while IFS=$'\t' read -r id repo commit dir _; do
  [[ "$id" == id || -z "$id" ]] && continue
  gd=$(mirror_of "$repo")
  if [[ -z "$gd" ]]; then
    printf '%s\t%s\t%s\tno mirror\n' "$id" "$repo" "$commit" >>"$missing"
    echo "MISSING $id: no mirror of $repo" >&2; bad=$((bad + 1)); continue
  fi
  if ! git --git-dir="$gd" cat-file -e "$commit^{commit}" 2>/dev/null; then
    printf '%s\t%s\t%s\tcommit not in mirror\n' "$id" "$repo" "$commit" >>"$missing"
    echo "MISSING $id: commit $commit not in $repo" >&2; bad=$((bad + 1)); continue
  fi
  if ! git --git-dir="$gd" cat-file -e "$commit:$dir" 2>/dev/null; then
    printf '%s\t%s\t%s\tamplify_dir not at commit\n' "$id" "$repo" "$commit" >>"$missing"
    echo "MISSING $id: $dir not in $repo@$commit" >&2; bad=$((bad + 1)); continue
  fi
  pkg=$(nearest_package_json "$gd" "$commit" "$dir")
  dest="$out/$id"
  rm -rf "$dest"; mkdir -p "$dest"
  absent=$(copy_tree "$gd" "$commit" "$dir" "$dest" "$id")
  if [[ -n "$pkg" ]]; then
    mkdir -p "$dest/$(dirname "$pkg")"
    git --git-dir="$gd" cat-file -p "$commit:$pkg" >"$dest/$pkg"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$repo" "$commit" "$dest/$dir" "${pkg:+$dest/$pkg}" "$absent" >>"$index"
  ok=$((ok + 1))
done <"$CORPUS_TSV"

echo "materialize: $ok copied into $out, $bad missing (see $missing)"
[[ $bad -eq 0 ]]
