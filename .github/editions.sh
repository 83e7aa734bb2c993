#!/usr/bin/env bash
# Released editions of the book, kept for good on the `editions` branch: one folder v<x.y.z> per
# release, served at <site>/v<x.y.z>/ next to the latest build at <site> (.github/workflows/book.yml).
#
#   .github/editions.sh keep <x.y.z>   add _build/html as v<x.y.z>/ to the editions branch and push it;
#                                      an edition, once kept, is never replaced (exit 1)
#   .github/editions.sh keep ""        nothing to keep (not a release build)
#   .github/editions.sh assemble       copy every kept edition into _build/html/v<x.y.z>/
set -euo pipefail
html=${BOOK_HTML:-_build/html}
branch=editions
remote=${EDITIONS_REMOTE:-origin}

have_branch() { git ls-remote --exit-code --heads "$remote" "$branch" >/dev/null 2>&1; }

case "${1:-}" in
keep)
  version=${2-}
  if [ -z "$version" ]; then
    echo "editions: not a release build, no edition to keep"
    exit 0
  fi
  [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "editions: bad version '$version'"; exit 2; }
  work=$(mktemp -d)
  trap 'git worktree remove --force "$work" >/dev/null 2>&1 || true' EXIT
  if have_branch; then
    git fetch -q "$remote" "$branch"
    git worktree add -q --detach "$work" FETCH_HEAD
  else
    git worktree add -q --detach "$work"
    git -C "$work" checkout -q --orphan "$branch"
    git -C "$work" rm -rqf --cached --ignore-unmatch . >/dev/null
    find "$work" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  fi
  if [ -e "$work/v$version" ]; then
    echo "editions: v$version is already kept; a released edition is never replaced"
    exit 1
  fi
  cp -R "$html" "$work/v$version"
  touch "$work/.nojekyll"
  git -C "$work" add -A
  git -C "$work" -c user.name="github-actions[bot]" \
    -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    commit -qm "Edition v$version"
  git -C "$work" push -q "$remote" "HEAD:refs/heads/$branch"
  echo "editions: kept v$version"
  ;;
assemble)
  if ! have_branch; then
    echo "editions: no released edition yet"
    exit 0
  fi
  git fetch -q "$remote" "$branch"
  git archive FETCH_HEAD | tar -x -C "$html"
  echo "editions: $(git ls-tree --name-only FETCH_HEAD | grep -c '^v') edition(s) next to the latest build"
  ;;
*)
  echo "usage: .github/editions.sh keep <x.y.z>|assemble" >&2
  exit 2
  ;;
esac
