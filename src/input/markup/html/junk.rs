//! Elements that are never article text: scripts, navigation, forms, media, and elements
//! whose class, id or role name a menu, a sidebar, share buttons, related links, comments,
//! ads, cookie notices, footers, breadcrumbs or tag lists. Names are cut into words
//! ("post-sidebar__inner" → post, sidebar, inner) and a word is matched at its start, so
//! "navbar" and "comments" match while "canvas" and "unavailable" do not.

use scraper::node::Element;

/// Elements left out with everything inside them.
const JUNK_TAGS: &[&str] = &[
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "template",
    "svg",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "figure",
    "figcaption",
    "button",
    "select",
    "input",
    "textarea",
    "object",
    "embed",
    "map",
    "dialog",
    "head",
    "meta",
    "link",
    "title",
];

/// Starts of class and id words that mark boilerplate.
const JUNK_WORDS: &[&str] = &[
    "nav",
    "menu",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "terkait",
    "comment",
    "komentar",
    "advert",
    "iklan",
    "sponsor",
    "promo",
    "banner",
    "cookie",
    "consent",
    "footer",
    "breadcrumb",
    "newsletter",
    "subscribe",
    "langganan",
    "popular",
    "populer",
    "terpopuler",
    "trending",
    "recommend",
    "rekomendasi",
    "baca",
    "bacajuga",
    "readmore",
    "author",
    "byline",
    "caption",
    "masthead",
    "header",
    "toolbar",
    "pagination",
    "paging",
    "modal",
    "popup",
    "disqus",
    "outbrain",
    "taboola",
    "tagline",
];

/// Class and id words that mark boilerplate only when they are the whole word ("tags", not
/// "tagline" which is caught above).
const JUNK_EXACT: &[&str] = &["adsbygoogle", "tag", "tags", "topik", "hidden"];

/// Words that mark an ad only inside a compound name ("ad-slot", "ads_inline") or alone: a
/// page styled with short atomic classes ("ad ae af") uses them for anything.
const AD_WORDS: &[&str] = &["ad", "ads"];

/// ARIA roles of boilerplate.
const JUNK_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alert",
];

/// Whether the element and all of it are left out.
pub fn is_junk(el: &Element) -> bool {
    let name = el.name();
    if JUNK_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("style").is_some_and(hides)
    {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| JUNK_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    // The article's own wrapper is never junk, whatever its class says.
    if matches!(name, "article" | "main" | "body" | "html") {
        return false;
    }
    el.attr("class").is_some_and(junk_name) || el.attr("id").is_some_and(junk_name)
}

/// Whether a class or id value names boilerplate.
pub fn junk_name(value: &str) -> bool {
    let alone = value.split_whitespace().nth(1).is_none();
    value.split_whitespace().any(|name| {
        let compound = name.contains(['-', '_']);
        name.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|word| {
                let word = word.to_ascii_lowercase();
                JUNK_EXACT.contains(&word.as_str())
                    || JUNK_WORDS.iter().any(|j| word.starts_with(j))
                    || (compound || alone) && AD_WORDS.contains(&word.as_str())
            })
    })
}

fn hides(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_names_match_at_word_starts() {
        for name in [
            "main-nav",
            "navbar",
            "post-sidebar__inner",
            "comments-area",
            "ad",
            "x ad-slot",
            "share-box",
        ] {
            assert!(junk_name(name), "{name}");
        }
        for name in [
            "canvas",
            "unavailable",
            "address",
            "entry-content",
            "detail__body-text",
            "readability",
            "ad ae af ag",
            "widget Blog",
        ] {
            assert!(!junk_name(name), "{name}");
        }
    }
}
