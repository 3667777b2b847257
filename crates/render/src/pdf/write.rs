//! The PDF file itself (pdf-writer): the embedded font subsets (`font`: glyph ids with a
//! ToUnicode map, so any Latin text prints and extracts exactly), one content stream per page, a tagged structure tree (document, headings, paragraphs; the running footer marked as
//! an artifact), bookmarks for the headings, the title in the document information, and no
//! dates or file ids, so the same input always gives the same bytes.

use pdf_writer::types::{ArtifactType, StructRole};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use concord_compare::diff::Op;

use super::font::{Subset, Used, font};
use super::layout::{Block, Mark, PAGE_H, PAGE_W, Page, Role, width};

/// Colours of changes: deletions dark red (7:1 on white), insertions dark blue (9:1).
const DELETED: (f32, f32, f32) = (0.65, 0.0, 0.0);
const INSERTED: (f32, f32, f32) = (0.0, 0.25, 0.6);

/// The running footer of page `p` (from 0) of `total`.
fn footer_text(footer: &str, p: usize, total: usize) -> String {
    if footer.is_empty() {
        format!("Page {} of {total}", p + 1)
    } else {
        format!("{footer} \u{2013} Page {} of {total}", p + 1)
    }
}

/// The two fonts' subsets: every glyph the pages show, in each weight.
fn subsets(pages: &[Page], footer: &str) -> [Option<Subset>; 2] {
    let mut used = [Used::default(), Used::default()];
    for (p, page) in pages.iter().enumerate() {
        for r in page.runs.iter().chain(&page.notes) {
            used[usize::from(r.bold)].add(font(r.bold), &r.text);
        }
        used[0].add(font(false), &footer_text(footer, p, pages.len()));
    }
    let [regular, bold] = used;
    [
        (!regular.is_empty())
            .then(|| Subset::new(font(false), &regular))
            .flatten(),
        (!bold.is_empty())
            .then(|| Subset::new(font(true), &bold))
            .flatten(),
    ]
}

/// `text` in font `bold` as its subset's glyph ids.
fn encode(subsets: &[Option<Subset>; 2], bold: bool, text: &str) -> Vec<u8> {
    match &subsets[usize::from(bold)] {
        Some(s) => s.encode(font(bold), text),
        None => Vec::new(),
    }
}

/// Writes the logo as an image XObject: a JPEG as it is, a PNG as its pixels with any
/// transparency as a soft mask.
fn write_logo(pdf: &mut Pdf, id: Ref, mask: Ref, logo: &crate::Logo) {
    use pdf_writer::Filter;
    let (w, h) = (logo.width as i32, logo.height as i32);
    match logo.kind {
        crate::LogoKind::Jpeg => {
            let mut img = pdf.image_xobject(id, &logo.bytes);
            img.filter(Filter::DctDecode);
            img.width(w).height(h).bits_per_component(8);
            // Grey, colour or print colours: the JPEG's frame header says which.
            match logo.components() {
                1 => img.color_space().device_gray(),
                4 => img.color_space().device_cmyk(),
                _ => img.color_space().device_rgb(),
            };
        }
        crate::LogoKind::Png => {
            let Ok(px) = logo.pixels() else { return };
            if let Some(alpha) = &px.alpha {
                let mut m = pdf.image_xobject(mask, alpha);
                m.filter(Filter::FlateDecode);
                m.width(w).height(h).bits_per_component(8);
                m.color_space().device_gray();
            }
            let mut img = pdf.image_xobject(id, &px.data);
            img.filter(Filter::FlateDecode);
            img.width(w).height(h).bits_per_component(8);
            if px.colors == 1 {
                img.color_space().device_gray();
            } else {
                img.color_space().device_rgb();
            }
            if px.alpha.is_some() {
                img.s_mask(mask);
            }
        }
    }
}

/// Writes one font subset as a Type 0 font over a CIDFontType2 (the TrueType program
/// embedded), with its widths and a ToUnicode map.
fn write_font(pdf: &mut Pdf, ids: [Ref; 5], subset: &Subset, bold: bool) {
    use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
    let [type0, cid, descriptor, program, cmap] = ids;
    let name = Name(subset.base_name.as_bytes());
    let info = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(name)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid)
        .to_unicode(cmap);
    {
        let mut c = pdf.cid_font(cid);
        c.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(info)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        let mut w = c.widths();
        for &(g, width) in &subset.widths {
            w.consecutive(g, [width]);
        }
    }
    let m = font(bold).metrics();
    pdf.font_descriptor(descriptor)
        .name(name)
        .flags(FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3]))
        .italic_angle(0.0)
        .ascent(m.ascent)
        .descent(m.descent)
        .cap_height(m.cap_height)
        .stem_v(if bold { 140.0 } else { 80.0 })
        .font_file2(program);
    pdf.stream(program, &subset.program)
        .pair(Name(b"Length1"), subset.program.len() as i32);
    let mut map = UnicodeCmap::new(Name(b"Concord-UCS"), info);
    for &(g, c) in &subset.unicode {
        map.pair(g, c);
    }
    pdf.cmap(cmap, &map.finish())
        .name(Name(b"Concord-UCS"))
        .system_info(info);
}

/// Writes the laid-out pages.
pub fn write(
    blocks: &[Block],
    pages: &[Page],
    marks: &[Mark],
    title: &str,
    footer: &str,
    author: Option<&str>,
    logo: Option<&crate::Logo>,
) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    let catalog = alloc();
    let tree = alloc();
    let regular: [Ref; 5] = std::array::from_fn(|_| alloc());
    let bold: [Ref; 5] = std::array::from_fn(|_| alloc());
    let info = alloc();
    let struct_root = alloc();
    let document = alloc();
    let outline = alloc();
    let page_ids: Vec<Ref> = pages.iter().map(|_| alloc()).collect();
    let content_ids: Vec<Ref> = pages.iter().map(|_| alloc()).collect();
    let parent_arrays: Vec<Ref> = pages.iter().map(|_| alloc()).collect();
    let block_ids: Vec<Ref> = blocks.iter().map(|_| alloc()).collect();
    let mark_ids: Vec<Ref> = marks.iter().map(|_| alloc()).collect();
    let notes_id = alloc();
    let image_id = alloc();
    let mask_id = alloc();
    let has_image = logo.is_some() && pages.iter().any(|p| p.image.is_some());
    if let Some(l) = logo.filter(|_| has_image) {
        write_logo(&mut pdf, image_id, mask_id, l);
    }
    let mut note_pieces: Vec<(usize, i32)> = Vec::new();

    {
        let mut cat = pdf.catalog(catalog);
        cat.pages(tree);
        cat.lang(TextStr("en-GB"));
        cat.mark_info().marked(true);
        cat.pair(Name(b"StructTreeRoot"), struct_root);
        if !marks.is_empty() {
            cat.outlines(outline);
            cat.page_mode(pdf_writer::types::PageMode::UseOutlines);
        }
        cat.viewer_preferences().display_doc_title(true);
    }
    {
        let mut i = pdf.document_info(info);
        i.title(TextStr(title));
        i.creator(TextStr("Concord"));
        if let Some(a) = author {
            i.author(TextStr(a));
        }
    }
    pdf.pages(tree)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    let subsets = subsets(pages, footer);
    for (k, ids) in [regular, bold].into_iter().enumerate() {
        if let Some(s) = &subsets[k] {
            write_font(&mut pdf, ids, s, k == 1);
        }
    }

    // Each block's marked-content pieces: (page, mcid).
    let mut pieces: Vec<Vec<(usize, i32)>> = vec![Vec::new(); blocks.len()];
    let total = pages.len();
    for (p, page) in pages.iter().enumerate() {
        let mut c = Content::new();
        let mut mcid = 0i32;
        let mut parents: Vec<Ref> = Vec::new();
        let mut k = 0;
        while k < page.runs.len() {
            let block = page.runs[k].block;
            let tag = match blocks[block].role {
                Role::Heading(1) => "H1",
                Role::Heading(2) => "H2",
                Role::Heading(3) => "H3",
                Role::Heading(_) => "H4",
                Role::Paragraph => "P",
            };
            c.begin_marked_content_with_properties(Name(tag.as_bytes()))
                .properties()
                .pair(Name(b"MCID"), mcid);
            pieces[block].push((p, mcid));
            parents.push(block_ids[block]);
            mcid += 1;
            while k < page.runs.len() && page.runs[k].block == block {
                let r = &page.runs[k];
                let color = match r.change {
                    Op::Equal => (0.0, 0.0, 0.0),
                    Op::Delete => DELETED,
                    Op::Insert => INSERTED,
                };
                c.set_fill_rgb(color.0, color.1, color.2);
                c.begin_text();
                c.set_font(Name(if r.bold { b"F2" } else { b"F1" }), r.size);
                c.set_text_matrix([1.0, 0.0, 0.0, 1.0, r.x, r.y]);
                c.show(Str(&encode(&subsets, r.bold, &r.text)));
                c.end_text();
                if r.change != Op::Equal {
                    // Struck through or underlined, so the change shows without colour too.
                    let ly = if r.change == Op::Delete {
                        r.y + r.size * 0.3
                    } else {
                        r.y - r.size * 0.15
                    };
                    c.set_stroke_rgb(color.0, color.1, color.2);
                    c.set_line_width(0.6);
                    c.move_to(r.x, ly);
                    c.line_to(r.x + r.width, ly);
                    c.stroke();
                }
                k += 1;
            }
            c.end_marked_content();
        }
        // The logo: decorative (the council's name is in the text), so an artifact.
        if let (Some((x, y, w, h)), true) = (page.image, has_image) {
            c.begin_marked_content_with_properties(Name(b"Artifact"))
                .properties()
                .artifact()
                .kind(ArtifactType::Layout);
            c.save_state();
            c.transform([w, 0.0, 0.0, h, x, y]);
            c.x_object(Name(b"Im1"));
            c.restore_state();
            c.end_marked_content();
        }
        // Table rules and change bars: artifacts, not text.
        if !page.lines.is_empty() {
            c.begin_marked_content_with_properties(Name(b"Artifact"))
                .properties()
                .artifact()
                .kind(ArtifactType::Layout);
            for l in &page.lines {
                c.set_stroke_rgb(l.grey, l.grey, l.grey);
                c.set_line_width(l.width);
                c.move_to(l.from.0, l.from.1);
                c.line_to(l.to.0, l.to.1);
                c.stroke();
            }
            c.end_marked_content();
        }
        // Footnotes at the foot of the page, under a short rule: a Note element each.
        if !page.notes.is_empty() {
            c.set_stroke_rgb(0.3, 0.3, 0.3);
            c.set_line_width(0.5);
            c.move_to(super::layout::LEFT, page.rule);
            c.line_to(super::layout::LEFT + 120.0, page.rule);
            c.stroke();
            c.begin_marked_content_with_properties(Name(b"Note"))
                .properties()
                .pair(Name(b"MCID"), mcid);
            note_pieces.push((p, mcid));
            parents.push(notes_id);
            for r in &page.notes {
                c.set_fill_rgb(0.0, 0.0, 0.0);
                c.begin_text();
                c.set_font(Name(b"F1"), r.size);
                c.set_text_matrix([1.0, 0.0, 0.0, 1.0, r.x, r.y]);
                c.show(Str(&encode(&subsets, false, &r.text)));
                c.end_text();
            }
            c.end_marked_content();
        }
        // The running footer: an artifact, not part of the text's structure.
        let text = footer_text(footer, p, total);
        let w = width(&text, 8.5, false);
        c.begin_marked_content_with_properties(Name(b"Artifact"))
            .properties()
            .artifact()
            .kind(ArtifactType::Pagination);
        c.set_fill_rgb(0.25, 0.25, 0.25);
        c.begin_text();
        c.set_font(Name(b"F1"), 8.5);
        c.set_text_matrix([1.0, 0.0, 0.0, 1.0, (PAGE_W - w) / 2.0, 36.0]);
        c.show(Str(&encode(&subsets, false, &text)));
        c.end_text();
        c.end_marked_content();
        let data = c.finish();
        pdf.stream(content_ids[p], &data);
        {
            let mut page_obj = pdf.page(page_ids[p]);
            page_obj
                .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
                .parent(tree)
                .contents(content_ids[p])
                .struct_parents(p as i32);
            page_obj.pair(Name(b"Tabs"), Name(b"S"));
            let mut res = page_obj.resources();
            let mut fonts = res.fonts();
            if subsets[0].is_some() {
                fonts.pair(Name(b"F1"), regular[0]);
            }
            if subsets[1].is_some() {
                fonts.pair(Name(b"F2"), bold[0]);
            }
            fonts.finish();
            if has_image && page.image.is_some() {
                res.x_objects().pair(Name(b"Im1"), image_id);
            }
        }
        pdf.indirect(parent_arrays[p])
            .array()
            .items(parents.iter().copied());
    }

    // The structure tree: a Document holding the blocks in reading order.
    {
        let mut root = pdf
            .indirect(struct_root)
            .start::<pdf_writer::writers::StructTreeRoot>();
        root.child(document);
        let mut tree = root.parent_tree();
        let mut nums = tree.nums();
        for (p, arr) in parent_arrays.iter().enumerate() {
            nums.insert(p as i32, *arr);
        }
    }
    {
        let mut doc = pdf.struct_element(document);
        doc.kind(StructRole::Document).parent(struct_root);
        let mut kids: Vec<Ref> = block_ids.clone();
        if !note_pieces.is_empty() {
            kids.push(notes_id);
        }
        doc.children().items(kids);
    }
    if !note_pieces.is_empty() {
        let mut el = pdf.struct_element(notes_id);
        el.kind(StructRole::Note).parent(document);
        el.page(page_ids[note_pieces[0].0]);
        {
            let mut kids = el.children();
            for &(p, mcid) in &note_pieces {
                kids.marked_content_ref()
                    .marked_content_id(mcid)
                    .page(page_ids[p]);
            }
        }
        el.finish();
    }
    for (b, block) in blocks.iter().enumerate() {
        let role = match block.role {
            Role::Heading(1) => StructRole::H1,
            Role::Heading(2) => StructRole::H2,
            Role::Heading(3) => StructRole::H3,
            Role::Heading(_) => StructRole::H4,
            Role::Paragraph => StructRole::P,
        };
        let mut el = pdf.struct_element(block_ids[b]);
        el.kind(role).parent(document);
        if let Some(&(p, _)) = pieces[b].first() {
            el.page(page_ids[p]);
        }
        {
            let mut kids = el.children();
            for &(p, mcid) in &pieces[b] {
                kids.marked_content_ref()
                    .marked_content_id(mcid)
                    .page(page_ids[p]);
            }
        }
        el.finish();
    }

    // Bookmarks, nested by level.
    if !marks.is_empty() {
        write_outline(&mut pdf, outline, marks, &mark_ids, &page_ids);
    }
    pdf.finish()
}

fn write_outline(pdf: &mut Pdf, root: Ref, marks: &[Mark], ids: &[Ref], pages: &[Ref]) {
    // Parent of each mark: the nearest earlier mark of a lower level.
    let parent: Vec<Option<usize>> = (0..marks.len())
        .map(|i| (0..i).rev().find(|&j| marks[j].level < marks[i].level))
        .collect();
    let children =
        |p: Option<usize>| -> Vec<usize> { (0..marks.len()).filter(|&i| parent[i] == p).collect() };
    let top = children(None);
    {
        let mut o = pdf.outline(root);
        if let (Some(&f), Some(&l)) = (top.first(), top.last()) {
            o.first(ids[f]).last(ids[l]);
        }
        o.count(top.len() as i32);
    }
    for i in 0..marks.len() {
        let siblings = children(parent[i]);
        let pos = siblings.iter().position(|&s| s == i).unwrap_or(0);
        let kids = children(Some(i));
        let mut item = pdf.outline_item(ids[i]);
        item.title(TextStr(&marks[i].title));
        item.parent(parent[i].map_or(root, |p| ids[p]));
        if pos > 0 {
            item.prev(ids[siblings[pos - 1]]);
        }
        if let Some(&n) = siblings.get(pos + 1) {
            item.next(ids[n]);
        }
        if let (Some(&f), Some(&l)) = (kids.first(), kids.last()) {
            item.first(ids[f]).last(ids[l]).count(-(kids.len() as i32));
        }
        item.dest()
            .page(pages[marks[i].page.min(pages.len().saturating_sub(1))])
            .xyz(0.0, marks[i].y, None);
    }
}
