# Part of scripts/extract-lexicon.sh: reads hunspell-id's id_ID.aff, then id_ID.dic (without
# its count line), and prints `word<TAB>classes<TAB>bare` for every entry not flagged NEEDAFFIX.
#
# `classes` are the affix classes the entry's flags allow, as letters of CLASS_LETTERS in
# src/stem.rs: prefixes B (ber-), D (di-), K (ke-), M (meN-), P (peN-), R (per-), S (se-),
# T (ter-), U (ku-, kau-); suffixes a (-an), i (-i), k (-kan); particles l (-lah, -kah), n (-nya),
# o (-ku, -mu). A flag's classes come from the strings its rules add, cut into known affixes
# (`memper` is meN- + per-, `annya` is -an + -nya), plus the prefixes of the flags it continues
# with (`an/B1l0A1`: -an inside ber-...-an). `bare` is 1 for an entry without flags.

# The classes of a string of prefixes (`suffix` 0) or suffixes (`suffix` 1), longest match first;
# cutting stops at the first piece that is no affix (`si-`, `re-`, `we-` carry no class).
function classes(s, suffix,    out, i, n, best, h) {
    out = ""
    n = suffix ? nsfx : npfx
    while (s != "") {
        best = ""
        for (i = 1; i <= n; i++) {
            h = suffix ? sfx[i] : pfx[i]
            if (substr(s, 1, length(h)) == h && length(h) > length(best)) best = h
        }
        if (best == "") break
        out = out (suffix ? sclass[best] : pclass[best])
        s = substr(s, length(best) + 1)
    }
    return out
}

function table(spec, names, cls,    t, i, kv, n) {
    n = split(spec, t, " ")
    for (i = 1; i <= n; i++) {
        split(t[i], kv, ":")
        names[i] = kv[1]
        cls[kv[1]] = kv[2]
    }
    return n
}

BEGIN {
    npfx = table("memper:MR member:MB mempe:MP meng:M meny:M mem:M men:M me:M ber:B be:B " \
                 "di:D ke:K kau:U ku:U peng:P peny:P pem:P pen:P per:R pe:P ter:T te:T se:S",
                 pfx, pclass)
    nsfx = table("kan:k an:a i:i lah:l kah:l nya:n ku:o mu:o", sfx, sclass)
    ORDER = "BDKMPRSTUaiklno"
}

# The .aff file: rule lines are `PFX|SFX FLAG STRIP ADD[/CONTINUATION] [CONDITION]`; a
# header line has Y or N and a count where a rule has STRIP and ADD.
FNR == NR {
    if (($1 == "PFX" || $1 == "SFX") && NF >= 4 && !($3 ~ /^[YN]$/ && $4 ~ /^[0-9]+$/)) {
        add = $4
        cont = ""
        if (k = index(add, "/")) {
            cont = substr(add, k + 1)
            add = substr(add, 1, k - 1)
        }
        add = tolower(add)
        gsub(/-/, "", add)
        own[$2] = own[$2] classes(add, $1 == "SFX")
        conts[$2] = conts[$2] cont
    }
    next
}

# Every flag is known now: add the prefixes of the flags each one continues with (the other
# half of a confix: `an/B1` is ber-...-an). Suffixes and particles a flag continues with
# attach after its own suffix (`kan/D1nl`: -kanlah), not to the root, so they are not added.
!resolved {
    resolved = 1
    for (f in own) {
        cls[f] = own[f]
        c = conts[f]
        for (i = 1; i < length(c); i += 2) {
            more = own[substr(c, i, 2)]
            gsub(/[a-z]/, "", more)
            cls[f] = cls[f] more
        }
    }
}

# The .dic file: `word[/FLAGS]`, two-letter flags.
{
    word = $0
    flags = ""
    if (k = index(word, "/")) {
        flags = substr(word, k + 1)
        word = substr(word, 1, k - 1)
    }
    sub(/[[:space:]]+$/, "", word)
    sub(/[[:space:]]+$/, "", flags)
    set = ""
    for (i = 1; i < length(flags); i += 2) {
        f = substr(flags, i, 2)
        if (f == "A2")
            next
        set = set cls[f]
    }
    found = ""
    for (i = 1; i <= length(ORDER); i++) {
        ch = substr(ORDER, i, 1)
        if (index(set, ch))
            found = found ch
    }
    print tolower(word) "\t" found "\t" (length(flags) > 0 ? 0 : 1)
}
