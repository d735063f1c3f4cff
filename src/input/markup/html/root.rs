//! The article's root, found the way Mozilla's Readability finds it: every paragraph of
//! some length scores one point, one more per comma and one per hundred characters (at most
//! three); its container gets the score, the container's parent half of it, and elements
//! further up less. A container's class ("content", "article", "isi") adds to it, and its
//! share of link text takes away: a list of links scores little however long. The best
//! container is the root; siblings that score nearly as well (a page that splits its
//! article over several blocks) come with it.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Html};

use super::junk::is_junk;
use super::walk::{is_block, text_len};

/// A paragraph shorter than this (in characters) scores nothing.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors of a paragraph share its score.
const ANCESTOR_LEVELS: usize = 5;
/// A container scoring at least this share of the best is another part of the article.
const RIVAL_SHARE: f64 = 0.75;

/// Class and id words of an article's container.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "page", "post", "text", "blog", "story", "isi",
    "konten", "detail", "berita", "artikel", "read",
];

/// The elements whose text is the article, in document order (the root and any siblings
/// that belong with it); the body when nothing scores.
pub fn article_roots(doc: &Html) -> Vec<ElementRef<'_>> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let mut order: Vec<ElementRef<'_>> = Vec::new();
    let mut paragraphs = Vec::new();
    collect_paragraphs(doc.root_element(), &mut paragraphs);
    for (para, own) in paragraphs {
        let len = if own {
            direct_text_len(para)
        } else {
            text_len(para)
        };
        if len < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let text: String = para.text().collect();
        let score = 1.0 + text.matches(',').count() as f64 + (len / 100).min(3) as f64;
        // A block holding its own text (a `<div>` of lines cut by `<br>`) is its own container.
        let first = if own { Some(para) } else { parent(para) };
        let mut node = first;
        for level in 0..ANCESTOR_LEVELS {
            let Some(el) = node else { break };
            let share = match level {
                0 => score,
                1 => score / 2.0,
                _ => score / (level as f64 * 3.0),
            };
            let entry = scores.entry(el.id()).or_insert_with(|| {
                order.push(el);
                initial_score(el)
            });
            *entry += share;
            node = parent(el);
        }
    }
    let final_score = |el: ElementRef<'_>| scores[&el.id()] * (1.0 - link_density(el));
    let mut best: Option<(ElementRef<'_>, f64)> = None;
    for &el in &order {
        let s = final_score(el);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((el, s));
        }
    }
    let Some((top, top_score)) = best else {
        return body(doc).into_iter().collect();
    };
    // An article cut into parts (pages, sections) has parts scoring nearly as well as the
    // best: the root is then the nearest element holding them all.
    let rivals: Vec<_> = order
        .iter()
        .copied()
        .filter(|&el| {
            final_score(el) >= top_score * RIVAL_SHARE
                && !el.ancestors().any(|a| a.id() == top.id())
                && !top.ancestors().any(|a| a.id() == el.id())
                && el.id() != top.id()
        })
        .collect();
    let top = common_ancestor(top, &rivals)
        .filter(|el| !matches!(el.value().name(), "body" | "html"))
        .unwrap_or(top);
    let top_score = scores
        .get(&top.id())
        .map_or(top_score, |_| final_score(top).max(top_score));
    let Some(parent) = parent(top) else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    parent
        .child_elements()
        .filter(|&sib| {
            sib.id() == top.id()
                || !is_junk(sib.value())
                    && (scores.contains_key(&sib.id()) && final_score(sib) >= threshold
                        || sib.value().name() == "p"
                            && text_len(sib) > 80
                            && link_density(sib) < 0.25)
        })
        .collect()
}

/// Paragraph-like elements outside junk: `<p>`, `<pre>`, `<td>`, `<blockquote>` (scored by
/// all their text), and other blocks with text of their own (`own`: scored by that text).
fn collect_paragraphs<'a>(el: ElementRef<'a>, out: &mut Vec<(ElementRef<'a>, bool)>) {
    if is_junk(el.value()) {
        return;
    }
    match el.value().name() {
        "p" | "pre" | "td" | "blockquote" => {
            out.push((el, false));
            return;
        }
        // A heading is no paragraph: its text does not make its container the article's.
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => return,
        name if is_block(name) && direct_text_len(el) >= MIN_PARAGRAPH_CHARS => {
            out.push((el, true));
        }
        _ => {}
    }
    for child in el.child_elements() {
        collect_paragraphs(child, out);
    }
}

/// Characters of the text an element holds outside its block children.
fn direct_text_len(el: ElementRef<'_>) -> usize {
    let mut len = 0;
    for child in el.children() {
        if let Some(text) = child.value().as_text() {
            len += text.trim().chars().count();
        } else if let Some(child) = ElementRef::wrap(child) {
            if !is_block(child.value().name()) && !is_junk(child.value()) {
                len += text_len(child);
            }
        }
    }
    len
}

/// The score a container starts with: its kind, and what its class and id say.
fn initial_score(el: ElementRef<'_>) -> f64 {
    let kind = match el.value().name() {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" | "address" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let named = |attr: Option<&str>| {
        attr.is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| POSITIVE.iter().any(|p| w.eq_ignore_ascii_case(p)))
        })
    };
    let class = if named(el.value().attr("class")) || named(el.value().attr("id")) {
        25.0
    } else {
        0.0
    };
    kind + class
}

/// The share of an element's text inside links.
fn link_density(el: ElementRef<'_>) -> f64 {
    let total = text_len(el);
    if total == 0 {
        return 0.0;
    }
    let mut links = 0;
    for a in el.descendent_elements() {
        if a.value().name() == "a" {
            links += a.text().map(|t| t.trim().chars().count()).sum::<usize>();
        }
    }
    links.min(total) as f64 / total as f64
}

/// The nearest element holding `el` and all of `others` (`el` itself when they are inside
/// it), or `None` when there are no others.
fn common_ancestor<'a>(el: ElementRef<'a>, others: &[ElementRef<'a>]) -> Option<ElementRef<'a>> {
    if others.is_empty() {
        return None;
    }
    let chain: Vec<ElementRef<'a>> = std::iter::successors(Some(el), |&e| parent(e)).collect();
    let mut highest = 0;
    for &other in others {
        let at = std::iter::successors(Some(other), |&e| parent(e))
            .find_map(|a| chain.iter().position(|c| c.id() == a.id()))?;
        highest = highest.max(at);
    }
    Some(chain[highest])
}

fn parent(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    el.parent().and_then(ElementRef::wrap)
}

fn body(doc: &Html) -> Option<ElementRef<'_>> {
    doc.root_element()
        .child_elements()
        .find(|e| e.value().name() == "body")
        .or(Some(doc.root_element()))
}
