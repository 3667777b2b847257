//! The PDF writer's fonts: Liberation Sans, regular and bold, compiled into the binary and
//! embedded in every PDF as a subset of the glyphs the file uses.
//!
//! Why Liberation Sans: it is freely licensed (SIL Open Font License 1.1, `fonts/OFL.txt`; a
//! subset embedded in a document is allowed), it draws every Latin letter a UK council writes
//! (Welsh ŵ ŷ ẁ ẃ ẅ ỳ included, and Latin Extended-A, -B and Additional), and it is
//! metric-compatible with Helvetica and Arial, so pages set as before and look like the Word
//! files (whose default font is Arial-compatible). The files are Debian's `fonts-liberation2`
//! 2.1.5, unmodified.
//!
//! Text is written as glyph ids (Identity-H) with a ToUnicode map, so it extracts exactly; the
//! subset is made by `subsetter` from the glyphs in glyph id order, and its tag from those ids, so the same text always gives the same bytes.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use ttf_parser::{Face, GlyphId};

static REGULAR_DATA: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
static BOLD_DATA: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");

static REGULAR: LazyLock<Font> = LazyLock::new(|| Font::new(REGULAR_DATA, "LiberationSans"));
static BOLD: LazyLock<Font> = LazyLock::new(|| Font::new(BOLD_DATA, "LiberationSans-Bold"));

/// One of the two fonts.
pub(crate) fn font(bold: bool) -> &'static Font {
    if bold { &BOLD } else { &REGULAR }
}

/// A font compiled into the binary.
pub(crate) struct Font {
    pub data: &'static [u8],
    face: Option<Face<'static>>,
    /// The PostScript name, without a subset tag.
    pub name: &'static str,
    units: f32,
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Font").field("name", &self.name).finish()
    }
}

/// What a font's descriptor says of it, in thousandths of the type size.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
}

impl Font {
    fn new(data: &'static [u8], name: &'static str) -> Font {
        // The files are ours and tested (`parses_both_fonts`); a font that did not parse would
        // print nothing rather than panic.
        let face = Face::parse(data, 0).ok();
        let units = face
            .as_ref()
            .map_or(1000.0, |f| f32::from(f.units_per_em()));
        Font {
            data,
            face,
            name,
            units,
        }
    }

    /// The glyph that shows `c`, and the character it shows: `c` itself, a space for any
    /// other space, or `?` for a character the font has no glyph for (not a Latin letter: the
    /// font draws them all).
    pub fn glyph(&self, c: char) -> (u16, char) {
        let c = match c {
            '\t' | '\n' | '\u{a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' => ' ',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        };
        let Some(face) = &self.face else {
            return (0, c);
        };
        match face.glyph_index(c) {
            Some(g) => (g.0, c),
            None => (face.glyph_index('?').map_or(0, |g| g.0), '?'),
        }
    }

    /// The advance width of glyph `g` in thousandths of the type size.
    pub fn advance(&self, g: u16) -> f32 {
        let Some(face) = &self.face else { return 500.0 };
        let units = face.glyph_hor_advance(GlyphId(g)).unwrap_or(0);
        f32::from(units) * 1000.0 / self.units
    }

    /// The width of `text` in thousandths of the type size.
    pub fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.advance(self.glyph(c).0)).sum()
    }

    pub fn metrics(&self) -> Metrics {
        let Some(f) = &self.face else {
            return Metrics {
                ascent: 900.0,
                descent: -200.0,
                cap_height: 700.0,
                bbox: [0.0, -200.0, 1000.0, 900.0],
            };
        };
        let k = 1000.0 / self.units;
        let b = f.global_bounding_box();
        Metrics {
            ascent: f32::from(f.ascender()) * k,
            descent: f32::from(f.descender()) * k,
            cap_height: f32::from(f.capital_height().unwrap_or(f.ascender())) * k,
            bbox: [
                f32::from(b.x_min) * k,
                f32::from(b.y_min) * k,
                f32::from(b.x_max) * k,
                f32::from(b.y_max) * k,
            ],
        }
    }
}

/// The glyphs a file uses of one font, and what each one shows.
#[derive(Debug, Default)]
pub(crate) struct Used {
    /// Original glyph id -> the character it stands for in the text.
    glyphs: BTreeMap<u16, char>,
}

impl Used {
    pub fn add(&mut self, font: &Font, text: &str) {
        for c in text.chars() {
            let (g, shown) = font.glyph(c);
            self.glyphs.entry(g).or_insert(shown);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.glyphs.is_empty()
    }
}

/// A font subset ready to write: the font program, the new glyph id of each original one,
/// widths and the ToUnicode pairs by new id, and the subset's name.
#[derive(Debug)]
pub(crate) struct Subset {
    pub program: Vec<u8>,
    map: BTreeMap<u16, u16>,
    /// (new glyph id, width in thousandths), in id order.
    pub widths: Vec<(u16, f32)>,
    /// (new glyph id, the character it shows), in id order.
    pub unicode: Vec<(u16, char)>,
    /// `ABCDEF+LiberationSans`: the tag says it is a subset and which.
    pub base_name: String,
}

impl Subset {
    /// Makes the subset of `font` that holds the glyphs `used`.
    pub fn new(font: &Font, used: &Used) -> Option<Subset> {
        let mut remapper = subsetter::GlyphRemapper::new();
        let mut map = BTreeMap::new();
        for &g in used.glyphs.keys() {
            map.insert(g, remapper.remap(g));
        }
        let program = subsetter::subset(font.data, 0, &remapper).ok()?;
        let widths = used
            .glyphs
            .keys()
            .map(|&g| (map[&g], font.advance(g)))
            .collect();
        let mut unicode: Vec<(u16, char)> = used.glyphs.iter().map(|(g, c)| (map[g], *c)).collect();
        unicode.sort_unstable();
        Some(Subset {
            program,
            map,
            widths,
            unicode,
            base_name: format!("{}+{}", tag(used.glyphs.keys().copied()), font.name),
        })
    }

    /// `text` as the two-byte glyph ids of this subset (Identity-H).
    pub fn encode(&self, font: &Font, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let g = self.map.get(&font.glyph(c).0).copied().unwrap_or(0);
            out.extend_from_slice(&g.to_be_bytes());
        }
        out
    }
}

/// Six capital letters from the glyph ids (FNV-1a), as PDF subset tags are written.
fn tag(glyphs: impl Iterator<Item = u16>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for g in glyphs {
        for b in g.to_be_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_fonts() {
        for bold in [false, true] {
            let f = font(bold);
            assert!(f.face.is_some(), "{} parses", f.name);
        }
    }

    #[test]
    fn every_latin_letter_has_a_glyph() {
        // Latin-1, Latin Extended-A and the Welsh letters of Latin Extended Additional.
        let letters = ('\u{c0}'..='\u{17f}')
            .filter(|c| c.is_alphabetic())
            .chain("ẀẁẂẃẄẅỲỳŴŵŶŷ".chars());
        for c in letters {
            for bold in [false, true] {
                assert_eq!(font(bold).glyph(c).1, c, "{c:?} has a glyph");
            }
        }
    }

    #[test]
    fn helvetica_metrics() {
        // Liberation Sans keeps Helvetica's widths: "A" is 667 thousandths.
        assert!((font(false).width("A") - 667.0).abs() < 1.0);
        assert!((font(true).width("A") - 722.0).abs() < 1.0);
        assert_eq!(font(false).glyph('あ').1, '?');
    }

    #[test]
    fn subsets_are_small_and_the_same_every_time() {
        let f = font(false);
        let mut used = Used::default();
        used.add(f, "Cyngor Cymuned Llanfair ŵ ŷ");
        let a = Subset::new(f, &used).expect("subset");
        let b = Subset::new(f, &used).expect("subset");
        assert_eq!(a.program, b.program);
        assert_eq!(a.base_name, b.base_name);
        assert!(a.program.len() < 40_000, "{} bytes", a.program.len());
        assert!(a.unicode.iter().any(|&(_, c)| c == 'ŵ'));
    }
}
