//! Elements that are never article text: scripts, navigation, forms, media, and elements
//! whose class, id or role name a menu, a sidebar, share buttons, related links, comments,
//! ads, cookie notices, footers, breadcrumbs or tag lists. Names are cut into words
//! ("post-sidebar__inner" → post, sidebar, inner) and a word is matched at its start, so
//! "navbar" and "comments" match while "canvas" and "unavailable" do not.

use scraper::node::Element;
use scraper::{ElementRef, Html};

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
    "diskusi",
    "discussion",
    "tanggapan",
    "reply",
    "replies",
    "balasan",
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
const JUNK_EXACT: &[&str] = &["adsbygoogle", "tag", "tags", "topik", "hidden", "toc"];

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

/// Words of the heading a comment section opens with ("Komentar (4)", "Tanggapan Pembaca",
/// "Leave a Reply", "3 Responses"); one of the first row must be there.
const COMMENT_HEADS: &[&str] = &[
    "komentar",
    "tanggapan",
    "diskusi",
    "balasan",
    "comment",
    "comments",
    "response",
    "responses",
    "reply",
    "replies",
    "discussion",
];
const COMMENT_HEAD_EXTRAS: &[&str] = &[
    "pembaca",
    "anda",
    "tulis",
    "beri",
    "berikan",
    "kirim",
    "tinggalkan",
    "leave",
    "a",
    "your",
    "post",
];

/// Removes comment sections that no class names: a container whose first or second element is
/// a heading such as "Diskusi (2)" or "Tinggalkan Komentar". The page's own wrappers
/// (`body`, `article`, `main`) are never removed.
pub fn prune_comment_sections(doc: &mut Html) {
    let mut sections = Vec::new();
    for heading in doc.root_element().descendent_elements() {
        if !matches!(heading.value().name(), "h2" | "h3" | "h4" | "h5" | "h6") {
            continue;
        }
        let text: String = heading.text().collect();
        if !is_comment_head(&text) {
            continue;
        }
        let Some(parent) = heading.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let opens = parent
            .child_elements()
            .take(2)
            .any(|e| e.id() == heading.id());
        if opens && !matches!(parent.value().name(), "body" | "html" | "article" | "main") {
            sections.push(parent.id());
        }
    }
    for id in sections {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
}

/// Whether a heading's text is that of a comment section.
fn is_comment_head(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().any(|w| COMMENT_HEADS.contains(&w.as_str()))
        && words.iter().all(|w| {
            COMMENT_HEADS.contains(&w.as_str()) || COMMENT_HEAD_EXTRAS.contains(&w.as_str())
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
    fn comment_section_heads_are_recognised() {
        for head in [
            "Diskusi (4)",
            "Komentar",
            "12 Komentar",
            "Tanggapan Pembaca",
            "Tinggalkan Komentar",
            "Leave a Reply",
            "3 Responses",
            "Berikan Tanggapan Anda",
        ] {
            assert!(is_comment_head(head), "{head}");
        }
        for head in [
            "Tanggapan Pemerintah atas Kenaikan Harga",
            "Komentar Ahli Gizi Soal Makan Siang Gratis",
            "Diskusi Publik Digelar Pekan Depan",
            "Kesimpulan",
            "",
        ] {
            assert!(!is_comment_head(head), "{head}");
        }
    }

    #[test]
    fn a_section_a_comment_heading_opens_is_removed() {
        let mut doc = Html::parse_document(
            "<body><div class='x'><p>Isi berita yang panjang.</p><div class='y'><h3>Diskusi \
             (2)</h3><div><b>budi</b><p>Setuju sekali.</p></div></div></div></body>",
        );
        prune_comment_sections(&mut doc);
        let text: String = doc.root_element().text().collect();
        assert_eq!(text, "Isi berita yang panjang.");
    }

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
            "kolom-diskusi",
            "tanggapan-pembaca",
            "ez-toc-container",
            "reply-list",
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
            "stock",
            "tocantins",
        ] {
            assert!(!junk_name(name), "{name}");
        }
    }
}
