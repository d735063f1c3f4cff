//! The page's headline: the `og:title` (or `twitter:title`) meta tag; else the longest
//! heading of three words or more that `<title>` holds (the site name around it is then
//! gone, whatever separates them); else the first `<h1>` of two words or more; else
//! `<title>`. The site name a title carries after a separator ("Harga Beras Naik - Kabar
//! Kota") is cut off, keeping the longest part.

use scraper::{ElementRef, Html};

use super::junk::is_junk;
use crate::input::markup::outline::squeeze;

/// What separates a headline from the site name in a page title.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " / ",
];

/// The page's headline, if it has one; `roots` are the article's elements.
pub fn title(doc: &Html, roots: &[ElementRef<'_>]) -> Option<String> {
    let all = || doc.root_element().descendent_elements();
    let meta = all().find_map(|e| {
        let v = e.value();
        let key = v.attr("property").or_else(|| v.attr("name"))?;
        (v.name() == "meta" && matches!(key, "og:title" | "twitter:title"))
            .then(|| v.attr("content"))
            .flatten()
    });
    let h1 = || {
        all()
            .filter(|e| e.value().name() == "h1")
            .map(text_of)
            .find(|t| t.split_whitespace().nth(1).is_some())
    };
    let page_title = all().find(|e| e.value().name() == "title").map(text_of);
    let in_title = || {
        let lower = page_title.as_deref()?.to_lowercase();
        all()
            .filter(|e| matches!(e.value().name(), "h1" | "h2" | "h3"))
            .map(text_of)
            .filter(|t| t.split_whitespace().nth(2).is_some() && lower.contains(&t.to_lowercase()))
            // The first of the longest.
            .fold(None::<String>, |best, t| match best {
                Some(b) if b.len() >= t.len() => Some(b),
                _ => Some(t),
            })
    };
    let raw = meta
        .map(squeeze)
        .or_else(in_title)
        .or_else(h1)
        .or_else(|| opening_heading(roots))
        .or_else(|| page_title.clone())?;
    let title = strip_site(&raw);
    (!title.is_empty()).then(|| title.to_string())
}

/// A heading of three words or more that opens the article, before any paragraph: a page
/// without `<h1>` whose `<title>` names only the site ("Berita - Universitas ...") heads its
/// article with an `<h2>` or `<h3>`.
fn opening_heading(roots: &[ElementRef<'_>]) -> Option<String> {
    for el in roots
        .iter()
        .flat_map(|r| std::iter::once(*r).chain(r.descendent_elements()))
    {
        let in_junk = || {
            std::iter::once(el)
                .chain(el.ancestors().filter_map(ElementRef::wrap))
                .any(|a| is_junk(a.value()))
        };
        match el.value().name() {
            _ if in_junk() => {}
            "h1" | "h2" | "h3" => {
                let text = text_of(el);
                return text.split_whitespace().nth(2).is_some().then_some(text);
            }
            "p" | "li" | "blockquote" | "pre" | "table" => return None,
            _ => {}
        }
    }
    None
}

/// An element's text, without what its scripts, styles and other junk hold.
fn text_of(el: ElementRef<'_>) -> String {
    fn collect(el: ElementRef<'_>, out: &mut String) {
        for child in el.children() {
            if let Some(text) = child.value().as_text() {
                out.push_str(text);
            } else if let Some(child) = ElementRef::wrap(child) {
                if !is_junk(child.value()) {
                    collect(child, out);
                }
            }
        }
    }
    let mut text = String::new();
    collect(el, &mut text);
    squeeze(&text)
}

/// The longest part of a title cut at site-name separators.
fn strip_site(title: &str) -> &str {
    let mut parts = vec![title];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    // `max_by_key` keeps the last of equals: reversed, the first.
    parts
        .into_iter()
        .rev()
        .map(str::trim)
        .max_by_key(|p| p.split_whitespace().count())
        .unwrap_or(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_title(html: &str) -> Option<String> {
        let doc = Html::parse_document(html);
        title(&doc, &super::super::root::article_roots(&doc))
    }

    #[test]
    fn title_prefers_og_title_then_h1_then_title() {
        let html = "<head><title>Lain | Situs</title>\
                    <meta property=\"og:title\" content=\"Harga Beras Naik Lagi - Kabar Kota\">\
                    </head><body><h1>Judul Halaman Ini</h1></body>";
        assert_eq!(page_title(html).as_deref(), Some("Harga Beras Naik Lagi"));
        let html = "<title>Situs</title><body><h1>Logo</h1><h1>Banjir  Rendam\nBekasi</h1>";
        assert_eq!(page_title(html).as_deref(), Some("Banjir Rendam Bekasi"));
        let html = "<title>Kabar Kota | Warga Antre Minyak Goreng di Pasar</title>";
        assert_eq!(
            page_title(html).as_deref(),
            Some("Warga Antre Minyak Goreng di Pasar")
        );
        assert_eq!(page_title("<p>tanpa judul</p>"), None);
        let html = "<title>Catatanku: Naik Gunung Merbabu Lewat Selo</title><h1>Catatanku Saja</h1>\
                    <h3>Naik Gunung Merbabu Lewat Selo</h3>";
        assert_eq!(
            page_title(html).as_deref(),
            Some("Naik Gunung Merbabu Lewat Selo")
        );
    }
}
