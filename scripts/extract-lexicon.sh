#!/bin/sh
# Re-derive data/lexicon-id.txt (the Indonesian root-word list the stemmer checks against)
# from Debian's hunspell-id package.
#
#   scripts/extract-lexicon.sh            # downloads the package with apt-get
#   scripts/extract-lexicon.sh FILE.deb   # uses a package already on disk
#
# Needs apt-get (only when no .deb is given), dpkg-deb, sed, grep, sort and LC_ALL=C.
# One lowercase root per line, sorted, deduplicated, hunspell affix flags stripped.
# Hyphenated lexicalised reduplications (kupu-kupu, aba-aba) are kept; bound prefixes listed
# in the dictionary (ber-, anti-), entries flagged NEEDAFFIX (A2 in id_ID.aff: `mengerti`,
# `lajar` are not words on their own) and entries with digits (typos in the flags) are dropped.
set -eu

PACKAGE=hunspell-id
VERSION=1:7.5.0-1
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/data/lexicon-id.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ $# -ge 1 ]; then
    deb=$1
else
    (cd "$work" && apt-get download "$PACKAGE=$VERSION")
    deb=$(ls "$work"/*.deb)
fi
dpkg-deb -x "$deb" "$work/x"
dic="$work/x/usr/share/hunspell/id_ID.dic"

{
    cat <<EOF
# Indonesian root words for the ringkas stemmer.
# Source: Debian package $PACKAGE $VERSION (usr/share/hunspell/id_ID.dic),
#   upstream libreoffice-dictionaries (dictionaries/id), Copyright (C) 2017 Ali Ahmadi.
# Licence: LGPL-3 (see the package's /usr/share/doc/$PACKAGE/copyright).
# Derived: affix flags and NEEDAFFIX entries dropped, lowercased, sorted (LC_ALL=C), deduplicated.
EOF
    cat <<'EOF'
# A trailing ` =` marks a word hunspell gives no affix flags (`upas`, `rang`): a word of its
# own, but never taken as the root left by stripping a prefix or derivational suffix.
# Regenerate with: scripts/extract-lexicon.sh
EOF
    # Line 1 of a .dic file is the entry count; each entry is `word[/FLAGS]`, two-letter flags.
    # An entry without flags gets a trailing ` =`; a word listed both ways keeps its flags.
    tail -n +2 "$dic" \
        | awk -F/ '{
              for (i = 1; i < length($2); i += 2) if (substr($2, i, 2) == "A2") next
              sub(/[[:space:]]+$/, "", $1)
              print tolower($1) "\t" (NF > 1 && length($2) > 0 ? 0 : 1)
          }' \
        | grep -E '^[a-z]+(-[a-z]+)*	' \
        | LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k2,2n \
        | awk -F '\t' '$1 != last { print $1 ($2 == 1 ? " =" : ""); last = $1 }'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(grep -vc '^#' "$out") roots)" >&2
