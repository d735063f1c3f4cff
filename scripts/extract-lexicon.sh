#!/bin/sh
# Re-derive data/lexicon-id.txt (the Indonesian root-word list the stemmer checks against)
# from Debian's hunspell-id package.
#
#   scripts/extract-lexicon.sh            # downloads the package with apt-get
#   scripts/extract-lexicon.sh FILE.deb   # uses a package already on disk
#
# Needs apt-get (only when no .deb is given), dpkg-deb, awk, grep, sort and LC_ALL=C.
# One lowercase root per line, sorted, deduplicated, hunspell's affix flags turned into the
# affix classes the stemmer checks (scripts/hunspell-classes.awk).
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
aff="$work/x/usr/share/hunspell/id_ID.aff"

{
    cat <<EOF
# Indonesian root words for the ringkas stemmer.
# Source: Debian package $PACKAGE $VERSION (usr/share/hunspell/id_ID.dic, id_ID.aff),
#   upstream libreoffice-dictionaries (dictionaries/id), Copyright (C) 2017 Ali Ahmadi.
# Licence: LGPL-3 (see the package's /usr/share/doc/$PACKAGE/copyright).
# Derived: NEEDAFFIX entries dropped, lowercased, sorted (LC_ALL=C), deduplicated; affix flags
#   replaced by the affix classes they allow (scripts/hunspell-classes.awk).
EOF
    cat <<'EOF'
# A trailing ` =` marks a word hunspell gives no affix flags (`upas`, `rang`): a word of its
# own, but never taken as the root left by stripping a prefix or derivational suffix.
# Other words are followed by the affix classes hunspell's flags allow them, one letter each
# (`-` for none): prefixes B ber-, D di-, K ke-, M meN-, P peN-, R per-, S se-, T ter-,
# U ku-/kau-; suffixes a -an, i -i, k -kan; particles l -lah/-kah, n -nya, o -ku/-mu.
# Regenerate with: scripts/extract-lexicon.sh
EOF
    # Line 1 of a .dic file is the entry count. A word listed more than once takes the classes
    # of all its entries, and is bare only if every entry is.
    tail -n +2 "$dic" \
        | awk -f "$root/scripts/hunspell-classes.awk" "$aff" - \
        | grep -E '^[a-z]+(-[a-z]+)*	' \
        | LC_ALL=C sort -t "$(printf '\t')" -k1,1 \
        | awk -F '\t' '
              function flush(    found, i, c) {
                  if (last == "")
                      return
                  if (bare) {
                      print last " ="
                      return
                  }
                  found = ""
                  for (i = 1; i <= length(ORDER); i++) {
                      c = substr(ORDER, i, 1)
                      if (index(set, c))
                          found = found c
                  }
                  print last " " (found == "" ? "-" : found)
              }
              BEGIN { ORDER = "BDKMPRSTUaiklno" }
              $1 != last { flush(); last = $1; set = ""; bare = 1 }
              { set = set $2; if ($3 == 0) bare = 0 }
              END { flush() }'
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(grep -vc '^#' "$out") roots)" >&2
