//! A council's logo (a crest), printed above a drafted protocol's title in Word, PDF and HTML.
//!
//! The caller reads the file; [`Logo::read`] tells a PNG or JPEG by its content and reads its
//! size, so a bad picture is refused before anything is written. Word and HTML embed the file
//! as it is. PDF embeds a JPEG as it is (`DCTDecode`) and a PNG as its pixels, recompressed:
//! the rows unfiltered, a palette expanded and any transparency as a soft mask (PDF cannot take
//! PNG's own format with an alpha channel). Interlaced PNGs and other bit depths than 8 (and 1,
//! 2 or 4 for a palette) are refused with what to do.

use std::io::{Read, Write};

/// A logo: the file's bytes, what it is and its size in pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    pub bytes: Vec<u8>,
    pub kind: LogoKind,
    pub width: u32,
    pub height: u32,
}

/// A logo's file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    Png,
    Jpeg,
}

/// A logo's pixels as PDF takes them: 8-bit samples, compressed with zlib.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pixels {
    /// 1 (grey) or 3 (RGB) colour components.
    pub colors: u8,
    pub data: Vec<u8>,
    /// The transparency, one 8-bit sample a pixel, where the picture has any.
    pub alpha: Option<Vec<u8>>,
}

/// The most pixels a logo may have (a crest printed a few centimetres wide needs far fewer).
const MAX_PIXELS: u64 = 25_000_000;

impl Logo {
    /// Reads a PNG or JPEG; the error says what is wrong and what to do.
    pub fn read(bytes: Vec<u8>) -> Result<Logo, String> {
        let (kind, width, height) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            let ihdr = bytes
                .get(16..24)
                .ok_or("the PNG file is cut short: save it again")?;
            let w = u32::from_be_bytes([ihdr[0], ihdr[1], ihdr[2], ihdr[3]]);
            let h = u32::from_be_bytes([ihdr[4], ihdr[5], ihdr[6], ihdr[7]]);
            (LogoKind::Png, w, h)
        } else if bytes.starts_with(&[0xff, 0xd8]) {
            let (w, h) = jpeg_size(&bytes).ok_or("the JPEG file has no size: save it again")?;
            (LogoKind::Jpeg, w, h)
        } else {
            return Err("a logo must be a PNG or JPEG picture".into());
        };
        if width == 0 || height == 0 || u64::from(width) * u64::from(height) > MAX_PIXELS {
            return Err(format!(
                "the logo is {width} x {height} pixels: save a smaller copy (a few hundred pixels across is enough)"
            ));
        }
        let logo = Logo {
            bytes,
            kind,
            width,
            height,
        };
        if kind == LogoKind::Png {
            logo.pixels()?;
        }
        Ok(logo)
    }

    /// How many colour components a JPEG's frame has (1 grey, 3 colour, 4 CMYK); 3 for a PNG.
    pub(crate) fn components(&self) -> u8 {
        if self.kind == LogoKind::Png {
            return 3;
        }
        let b = &self.bytes;
        let mut i = 2;
        while i + 9 < b.len() && b[i] == 0xff {
            let marker = b[i + 1];
            if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
                return b[i + 9];
            }
            i += 2 + usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        }
        3
    }

    /// The MIME type.
    pub fn mime(&self) -> &'static str {
        match self.kind {
            LogoKind::Png => "image/png",
            LogoKind::Jpeg => "image/jpeg",
        }
    }

    /// The file extension, without the dot.
    pub fn extension(&self) -> &'static str {
        match self.kind {
            LogoKind::Png => "png",
            LogoKind::Jpeg => "jpeg",
        }
    }

    /// The size it is printed at, in points: 60 pt (about 2 cm) tall, at most 200 pt wide.
    pub fn printed_size(&self) -> (f32, f32) {
        let (w, h) = (self.width as f32, self.height as f32);
        let scale = (60.0 / h).min(200.0 / w);
        (w * scale, h * scale)
    }

    /// A PNG's pixels for PDF, zlib-compressed.
    pub(crate) fn pixels(&self) -> Result<Pixels, String> {
        let png = Png::parse(&self.bytes)?;
        let raw = png.unfiltered()?;
        let (colors, data, alpha) = png.samples(&raw)?;
        let squeeze = |d: &[u8]| {
            let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = z.write_all(d);
            z.finish().unwrap_or_default()
        };
        Ok(Pixels {
            colors,
            data: squeeze(&data),
            alpha: alpha.map(|a| squeeze(&a)),
        })
    }
}

/// The size in a JPEG's start-of-frame segment.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xff {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && ![0xc4, 0xc8, 0xcc].contains(&marker) {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return Some((w, h));
        }
        i += 2 + len;
    }
    None
}

/// Colour components a pixel (1 or 3), the colour samples and the transparency, 8 bits each.
type Samples = (u8, Vec<u8>, Option<Vec<u8>>);

/// The parts of a PNG this writer uses.
struct Png {
    width: usize,
    height: usize,
    depth: u8,
    color: u8,
    palette: Vec<u8>,
    transparency: Vec<u8>,
    data: Vec<u8>,
}

impl Png {
    fn parse(b: &[u8]) -> Result<Png, String> {
        let mut png = Png {
            width: 0,
            height: 0,
            depth: 0,
            color: 0,
            palette: Vec::new(),
            transparency: Vec::new(),
            data: Vec::new(),
        };
        let mut i = 8;
        let cut = || "the PNG file is cut short: save it again".to_string();
        while i + 8 <= b.len() {
            let len = u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
            let kind = &b[i + 4..i + 8];
            let body = b.get(i + 8..i + 8 + len).ok_or_else(cut)?;
            match kind {
                b"IHDR" if len >= 13 => {
                    png.width = u32::from_be_bytes([body[0], body[1], body[2], body[3]]) as usize;
                    png.height = u32::from_be_bytes([body[4], body[5], body[6], body[7]]) as usize;
                    png.depth = body[8];
                    png.color = body[9];
                    if body[12] != 0 {
                        return Err(
                            "the logo is an interlaced PNG: save it again without interlacing"
                                .into(),
                        );
                    }
                }
                b"PLTE" => png.palette = body.to_vec(),
                b"tRNS" => png.transparency = body.to_vec(),
                b"IDAT" => png.data.extend_from_slice(body),
                b"IEND" => break,
                _ => {}
            }
            i += 12 + len;
        }
        let depth_ok = match png.color {
            3 => matches!(png.depth, 1 | 2 | 4 | 8),
            0 | 2 | 4 | 6 => png.depth == 8,
            _ => false,
        };
        if !depth_ok {
            return Err(format!(
                "the logo's PNG colour format (type {}, {} bits) is not one this writer takes: save it as an 8-bit RGB PNG or as a JPEG",
                png.color, png.depth
            ));
        }
        Ok(png)
    }

    /// Bytes a pixel takes (at least 1) and a row's length, as stored.
    fn geometry(&self) -> (usize, usize) {
        let channels = match self.color {
            0 | 3 => 1,
            2 => 3,
            4 => 2,
            _ => 4,
        };
        let bits = channels * usize::from(self.depth);
        (bits.div_ceil(8).max(1), (self.width * bits).div_ceil(8))
    }

    /// The rows with PNG's filters undone.
    fn unfiltered(&self) -> Result<Vec<u8>, String> {
        let mut raw = Vec::new();
        flate2::read::ZlibDecoder::new(&self.data[..])
            .take(MAX_PIXELS * 8)
            .read_to_end(&mut raw)
            .map_err(|_| "the logo's PNG data is damaged: save it again".to_string())?;
        let (bpp, row) = self.geometry();
        if raw.len() < self.height * (row + 1) {
            return Err("the logo's PNG data is cut short: save it again".into());
        }
        let mut out = vec![0u8; self.height * row];
        for y in 0..self.height {
            let filter = raw[y * (row + 1)];
            let src = &raw[y * (row + 1) + 1..(y + 1) * (row + 1)];
            for x in 0..row {
                let a = if x >= bpp { out[y * row + x - bpp] } else { 0 };
                let b = if y > 0 { out[(y - 1) * row + x] } else { 0 };
                let c = if x >= bpp && y > 0 {
                    out[(y - 1) * row + x - bpp]
                } else {
                    0
                };
                let v = match filter {
                    0 => src[x],
                    1 => src[x].wrapping_add(a),
                    2 => src[x].wrapping_add(b),
                    3 => src[x].wrapping_add(((u16::from(a) + u16::from(b)) / 2) as u8),
                    4 => src[x].wrapping_add(paeth(a, b, c)),
                    _ => return Err("the logo's PNG data is damaged: save it again".into()),
                };
                out[y * row + x] = v;
            }
        }
        Ok(out)
    }

    /// Colour samples (1 or 3 a pixel) and transparency, 8 bits each.
    fn samples(&self, raw: &[u8]) -> Result<Samples, String> {
        let n = self.width * self.height;
        Ok(match self.color {
            0 => (1, raw.to_vec(), None),
            2 => (3, raw.to_vec(), None),
            4 => (
                1,
                raw.chunks(2).map(|p| p[0]).collect(),
                Some(raw.chunks(2).map(|p| p[1]).collect()),
            ),
            6 => {
                let mut rgb = Vec::with_capacity(n * 3);
                let mut alpha = Vec::with_capacity(n);
                for p in raw.chunks(4) {
                    rgb.extend_from_slice(&p[..3]);
                    alpha.push(p[3]);
                }
                (3, rgb, Some(alpha))
            }
            _ => {
                // A palette: each index, at its bit depth, looked up.
                let (_, row) = self.geometry();
                let depth = usize::from(self.depth);
                let mut rgb = Vec::with_capacity(n * 3);
                let mut alpha = Vec::with_capacity(n);
                for y in 0..self.height {
                    for x in 0..self.width {
                        let bit = x * depth;
                        let byte = raw[y * row + bit / 8];
                        let shift = 8 - depth - bit % 8;
                        let index = usize::from((byte >> shift) & ((1u16 << depth) - 1) as u8);
                        let colour = self
                            .palette
                            .get(index * 3..index * 3 + 3)
                            .ok_or("the logo's PNG palette is short: save it again")?;
                        rgb.extend_from_slice(colour);
                        alpha.push(self.transparency.get(index).copied().unwrap_or(255));
                    }
                }
                let see_through = alpha.iter().any(|&a| a != 255);
                (3, rgb, see_through.then_some(alpha))
            }
        })
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Standard Base64, for a picture in an HTML page.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(A[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `w` x `h` pixels of colour type `color`, rows filtered with `filter`.
    pub(crate) fn png(w: u32, h: u32, color: u8, pixel: &[u8], filter: u8) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8], body: &[u8]) {
            out.extend_from_slice(&(body.len() as u32).to_be_bytes());
            out.extend_from_slice(kind);
            out.extend_from_slice(body);
            out.extend_from_slice(&[0, 0, 0, 0]); // CRC: not checked by this reader
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, color, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        let mut raw = Vec::new();
        for _ in 0..h {
            raw.push(filter);
            for _ in 0..w {
                // With the Sub filter, every pixel after the first adds nothing.
                raw.extend_from_slice(pixel);
            }
        }
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(&raw).unwrap();
        chunk(&mut out, b"IDAT", &z.finish().unwrap());
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn reads_png_and_jpeg_sizes_and_refuses_other_files() {
        let logo = Logo::read(png(4, 2, 2, &[200, 10, 10], 0)).unwrap();
        assert_eq!((logo.width, logo.height, logo.kind), (4, 2, LogoKind::Png));
        let p = logo.pixels().unwrap();
        assert_eq!(p.colors, 3);
        assert!(p.alpha.is_none());
        let rgba = Logo::read(png(3, 3, 6, &[1, 2, 3, 128], 0)).unwrap();
        assert!(rgba.pixels().unwrap().alpha.is_some());
        // A minimal JPEG header: SOI, then a SOF0 of 10 x 20.
        let jpeg = vec![
            0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 20, 0, 10, 3, 0, 0, 0, 0, 0,
        ];
        let j = Logo::read(jpeg).unwrap();
        assert_eq!((j.width, j.height, j.kind), (10, 20, LogoKind::Jpeg));
        assert!(
            Logo::read(b"GIF89a".to_vec())
                .unwrap_err()
                .contains("PNG or JPEG")
        );
        let mut interlaced = png(2, 2, 2, &[0, 0, 0], 0);
        interlaced[28] = 1;
        assert!(Logo::read(interlaced).unwrap_err().contains("interlac"));
    }

    #[test]
    fn filters_are_undone() {
        // Sub filter: each byte adds the one a pixel before; a row of zeros after the first
        // pixel repeats it.
        let sub = Png::parse(&png(3, 1, 0, &[0], 1)).unwrap();
        assert_eq!(sub.unfiltered().unwrap(), [0, 0, 0]);
        let up = Png::parse(&png(2, 2, 0, &[7], 2)).unwrap();
        assert_eq!(up.unfiltered().unwrap(), [7, 7, 14, 14]);
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
        assert_eq!(base64(b"M"), "TQ==");
    }
}
