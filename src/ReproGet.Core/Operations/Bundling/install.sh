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

# The distro's signature chain, when the bundle carries one (provenance.list, keyrings/): each InRelease signed by a
# bundled key, each index listed in its suite's InRelease, each package listed in a checked index.
if [ -s provenance.list ]; then
    if command -v gpgv >/dev/null 2>&1; then
        chain="$work/.chain" # apart from the package links install.sh makes in $work
        mkdir "$chain"
        set --
        for keyring in "$bundle"/keyrings/*.gpg; do
            [ -f "$keyring" ] && set -- "$@" --keyring "$keyring"
        done
        : > "$chain/listed"
        : > "$chain/entries"
        while read -r kind sha name; do
            [ "$kind" = release ] || continue
            suite=${name#dists/}
            suite=${suite%/InRelease}
            rm -f "$chain/release"
            status=$(gpgv --homedir "$chain" --status-fd 1 "$@" --output "$chain/release" "blobs/sha256/$sha" 2>/dev/null) || true
            if ! printf '%s\n' "$status" | grep -q '^\[GNUPG:\] VALIDSIG ' \
                || ! printf '%s\n' "$status" | grep -Eq '^\[GNUPG:\] (GOODSIG|EXPKEYSIG) '; then
                echo "install.sh: $name: no good signature by a key in the bundle's keyrings: nothing was installed" >&2
                exit 1
            fi
            if ! awk -v s="${suite%%/*}" '/^(Codename|Suite): / && $2 == s { ok = 1 } END { exit !ok }' "$chain/release"; then
                echo "install.sh: $name is not the Release of $suite: nothing was installed" >&2
                exit 1
            fi
            awk -v suite="$suite" '/^SHA256:/ { s = 1; next } /^[^ ]/ { s = 0 } s { print suite "/" $3 " " $1 }' "$chain/release" >> "$chain/listed"
        done < provenance.list
        while read -r kind sha name; do
            [ "$kind" = index ] || continue
            if ! grep -qxF "${name#dists/} $sha" "$chain/listed"; then
                echo "install.sh: $name (sha256 $sha) is not listed in the signed InRelease of its suite: nothing was installed" >&2
                exit 1
            fi
            awk '/^Filename: / { f = $2 } /^SHA256: / { h = $2 } /^$/ { if (f != "") print h " " f; f = "" } END { if (f != "") print h " " f }' \
                "blobs/sha256/$sha" >> "$chain/entries"
        done < provenance.list
        if ! awk 'NR == FNR { ok[$0] = 1; next } $1 == "package" && !(($2 " " $3) in ok) { print "install.sh: " $3 " (sha256 " $2 ") is not listed in any signed index" > "/dev/stderr"; bad = 1 } END { exit bad }' \
            "$chain/entries" provenance.list; then
            echo "install.sh: signature chain check failed: nothing was installed" >&2
            exit 1
        fi
        echo "install.sh: signature chain verified (InRelease -> Packages -> package) with gpgv" >&2
    else
        echo "install.sh: gpgv is not installed: the signature chain is not checked; continuing on sha256 alone" >&2
    fi
fi
while read -r sha name; do
    ln -s "$bundle/blobs/sha256/$sha" "$work/$name"
done < files.list

set --
for file in "$work"/*; do
    case "$file" in *.sig) ;; *) set -- "$@" "$file" ;; esac
done
echo "install.sh: installing $# packages" >&2
@INSTALL@
