//! Markdown to an [`Outline`], with pulldown-cmark (CommonMark, the parser rustdoc and
//! mdBook use): a first-level heading that opens the document is the title (else a `title:`
//! of the front matter), other headings are headings, list items are items; emphasis and
//! link markup are dropped with the text of links kept; code, HTML blocks, images, tables,
//! footnotes and the front matter itself are left out.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::outline::{Block, Outline};

/// Where the text being collected goes when its block ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Heading(HeadingLevel),
    Paragraph,
    Item,
}

/// The outline of a Markdown document.
pub fn outline(text: &str) -> Outline {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH;
    let mut outline = Outline::default();
    let mut front_title = None;
    let mut buffer = String::new();
    // Open list items, innermost last; text of an item is collected until its end or the
    // start of a nested block that is an item itself.
    let mut items = 0usize;
    let mut target: Option<Target> = None;
    // Inside something whose text is left out (code, image, table, metadata, footnote).
    let mut skipped = 0usize;
    let mut in_metadata = false;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                in_metadata =
                    kind == MetadataBlockKind::YamlStyle || kind == MetadataBlockKind::PlusesStyle;
                skipped += 1;
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                in_metadata = false;
                skipped = skipped.saturating_sub(1);
            }
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::Image { .. }
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock,
            ) => skipped += 1,
            Event::End(
                TagEnd::CodeBlock
                | TagEnd::Image
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::HtmlBlock,
            ) => skipped = skipped.saturating_sub(1),
            Event::Text(t) if in_metadata => {
                front_title = front_title.or_else(|| front_matter_title(&t));
            }
            _ if skipped > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut outline, &mut buffer, target);
                target = Some(Target::Heading(level));
            }
            Event::Start(Tag::Paragraph) if items == 0 => {
                flush(&mut outline, &mut buffer, target);
                target = Some(Target::Paragraph);
            }
            Event::Start(Tag::Item) => {
                flush(&mut outline, &mut buffer, target);
                items += 1;
                target = Some(Target::Item);
            }
            Event::End(TagEnd::Item) => {
                flush(&mut outline, &mut buffer, target);
                items = items.saturating_sub(1);
                target = (items > 0).then_some(Target::Item);
            }
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) if items == 0 => {
                flush(&mut outline, &mut buffer, target);
                target = None;
            }
            Event::Text(t) | Event::Code(t) => buffer.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buffer.push(' '),
            // Paragraphs inside a list item run on within the item.
            Event::End(TagEnd::Paragraph) => buffer.push(' '),
            _ => {}
        }
    }
    flush(&mut outline, &mut buffer, target);
    if outline.title.is_none() {
        if let Some(title) = front_title {
            outline.set_title(&title);
        }
    }
    outline
}

/// Moves the collected text into the outline as a block of the kind `target` says; a
/// first-level heading before any other block is the title.
fn flush(outline: &mut Outline, buffer: &mut String, target: Option<Target>) {
    match target {
        Some(Target::Heading(HeadingLevel::H1))
            if outline.title.is_none() && outline.blocks.is_empty() =>
        {
            outline.set_title(buffer)
        }
        Some(Target::Heading(_)) => outline.push(Block::Heading, buffer),
        Some(Target::Paragraph) | None => outline.push(Block::Paragraph, buffer),
        Some(Target::Item) => outline.push(Block::Item, buffer),
    }
    buffer.clear();
}

/// The value of a `title:` line of YAML or TOML front matter, without quotes.
fn front_matter_title(block: &str) -> Option<String> {
    block.lines().find_map(|line| {
        let (key, value) = line.split_once([':', '='])?;
        (key.trim() == "title").then(|| {
            value
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .to_string()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(text: &str) -> String {
        outline(text).render()
    }

    #[test]
    fn markdown_title_headings_and_inline_markup() {
        let md = "# Harga **BBM** Naik\n\nPemerintah menaikkan harga [BBM](https://x.id/bbm) \
                  secara *resmi*.\n\n## Dampak bagi Warga\n\nOngkos angkut ikut naik.\n";
        assert_eq!(
            render(md),
            "Harga BBM Naik\n\nPemerintah menaikkan harga BBM secara resmi.\n\n\
             Dampak bagi Warga\n\nOngkos angkut ikut naik.\n"
        );
    }

    #[test]
    fn markdown_lists_are_items_and_code_is_left_out() {
        let md = "Ada tiga hal:\n\n- harga *beras*\n- harga gula\n  yang naik\n\n```\nlet x = 1;\n```\n\n\
                  <div>iklan</div>\n\nSelesai.\n";
        assert_eq!(
            render(md),
            "Ada tiga hal:\n\n- harga beras\n- harga gula yang naik\n\nSelesai.\n"
        );
    }

    #[test]
    fn markdown_nested_lists_and_loose_items() {
        let md = "1. pertama\n\n   masih pertama\n2. kedua\n   - anak\n";
        assert_eq!(render(md), "- pertama masih pertama\n- kedua\n- anak\n");
    }

    #[test]
    fn markdown_front_matter_is_skipped_and_gives_a_title() {
        let md = "---\ntitle: \"Banjir di Bekasi\"\ntags: [banjir]\n---\n\nAir naik.\n";
        let o = outline(md);
        assert_eq!(o.title.as_deref(), Some("Banjir di Bekasi"));
        assert_eq!(o.blocks, vec![Block::Paragraph("Air naik.".into())]);
        let md = "---\ntitle: Lain\n---\n# Judul Asli\n\nIsi.\n";
        assert_eq!(outline(md).title.as_deref(), Some("Judul Asli"));
    }

    #[test]
    fn markdown_later_first_level_heading_is_a_heading_and_images_go() {
        let md = "Pembuka.\n\n# Bagian\n\n![foto banjir](a.jpg) Teks.\n";
        let o = outline(md);
        assert_eq!(o.title, None);
        assert_eq!(
            o.blocks,
            vec![
                Block::Paragraph("Pembuka.".into()),
                Block::Heading("Bagian".into()),
                Block::Paragraph("Teks.".into()),
            ]
        );
    }
}
