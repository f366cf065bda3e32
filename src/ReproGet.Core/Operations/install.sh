#!/bin/sh
# Installs this bundle's packages offline with @TOOL@. Needs only sh, sha256sum and @TOOL@: no repro-get, no network.
# Every file is verified against the lock before anything is installed.
set -eu
bundle=$(cd "$(dirname "$0")" && pwd)
cd "$bundle"

for tool in sha256sum @TOOL@; do
    command -v "$tool" >/dev/null 2>&1 || { echo "install.sh: $tool is needed but not installed" >&2; exit 1; }
done

echo "install.sh: verifying @COUNT@ files" >&2
bad=$(sha256sum -c --quiet bundle.sha256 2>/dev/null | sed -n 's|^blobs/sha256/\([0-9a-f]*\): FAILED.*$|\1|p') || true
if [ -n "$bad" ] || ! sha256sum -c --quiet --status bundle.sha256 2>/dev/null; then
    for sha in $bad; do
        name=$(sed -n "s/^$sha //p" files.list | head -n 1)
        echo "install.sh: blobs/sha256/$sha ($name) does not match the lock" >&2
    done
    echo "install.sh: verification failed: nothing was installed" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
while read -r sha name; do
    ln -s "$bundle/blobs/sha256/$sha" "$work/$name"
done < files.list

set --
for file in "$work"/*; do
    case "$file" in *.sig) ;; *) set -- "$@" "$file" ;; esac
done
echo "install.sh: installing $# packages" >&2
@INSTALL@
