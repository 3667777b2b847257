//! A small element tree over quick-xml, enough to walk the parts of a Word file: local names
//! only (Word's prefixes are conventions, not facts), attributes by local name, text with the
//! five predefined entities and character references resolved. Anything else (an undefined
//! entity, mismatched tags, nesting past a sane depth) is an error, never a panic.

use quick_xml::XmlVersion;
use quick_xml::events::Event;

/// How deep elements may nest: Word files nest a few dozen levels; a deeper file is hostile.
const MAX_DEPTH: usize = 512;

/// One element.
#[derive(Debug, Clone, Default)]
pub struct Node {
    pub name: String,
    /// Where the element starts among all the elements of its part, in document order
    /// (0-based), so that a reader can number elements as the file orders them even when it
    /// walks them in another order or skips some.
    pub index: u32,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Child>,
}

/// What an element holds.
#[derive(Debug, Clone)]
pub enum Child {
    Node(Node),
    Text(String),
}

impl Node {
    /// The value of the attribute with this local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().filter_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
    }

    /// The first child element with this local name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.nodes().find(|n| n.name == name)
    }

    /// `w:val` of the child element `name` (`<w:pStyle w:val="Heading1"/>`).
    pub fn val(&self, name: &str) -> Option<&str> {
        self.child(name).and_then(|c| c.attr("val"))
    }

    /// The text directly inside this element.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for c in &self.children {
            if let Child::Text(t) = c {
                s.push_str(t);
            }
        }
        s
    }
}

/// Parses one XML part into its root element.
pub fn parse(xml: &str) -> Result<Node, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = vec![Node::default()];
    let mut count: u32 = 0;
    let mut next_index = || {
        count = count.saturating_add(1);
        count - 1
    };
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        match ev {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(format!("elements nest deeper than {MAX_DEPTH} levels"));
                }
                stack.push(element(&e, next_index())?);
            }
            Event::Empty(e) => {
                let node = element(&e, next_index())?;
                push(&mut stack, Child::Node(node));
            }
            Event::End(_) => {
                if stack.len() <= 1 {
                    return Err("a closing tag without its opening tag".into());
                }
                if let Some(node) = stack.pop() {
                    push(&mut stack, Child::Node(node));
                }
            }
            Event::Text(t) => {
                let s = t.xml_content(XmlVersion::Implicit1_0);
                push_text(&mut stack, &s);
            }
            Event::CData(t) => {
                let s = t.into_inner().into_owned();
                push_text(&mut stack, &s);
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name: &str = &r;
                        match quick_xml::escape::resolve_predefined_entity(name) {
                            Some(s) => s.to_string(),
                            None => return Err(format!("undefined entity &{name};")),
                        }
                    }
                    Err(e) => return Err(format!("bad character reference: {e}")),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if stack.len() != 1 {
        return Err("the XML ends inside an element".into());
    }
    let root = stack.pop().unwrap_or_default();
    root.children
        .into_iter()
        .find_map(|c| match c {
            Child::Node(n) => Some(n),
            Child::Text(_) => None,
        })
        .ok_or_else(|| "no root element".to_string())
}

fn element(e: &quick_xml::events::BytesStart<'_>, index: u32) -> Result<Node, String> {
    let name = local(e.name().as_ref());
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("bad attribute in <{name}>: {err}"))?;
        let key = local(a.key.as_ref());
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| format!("bad attribute value in <{name}>: {err}"))?;
        attrs.push((key, value.into_owned()));
    }
    Ok(Node {
        name,
        index,
        attrs,
        children: Vec::new(),
    })
}

fn local(qname: &str) -> String {
    qname.rsplit(':').next().unwrap_or(qname).to_string()
}

fn push(stack: &mut [Node], child: Child) {
    if let Some(top) = stack.last_mut() {
        top.children.push(child);
    }
}

fn push_text(stack: &mut [Node], s: &str) {
    if let Some(top) = stack.last_mut() {
        if let Some(Child::Text(t)) = top.children.last_mut() {
            t.push_str(s);
        } else {
            top.children.push(Child::Text(s.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        let n = parse("<w:p a:x=\"1 &amp; 2\"><w:t>Tom &amp; Jerry&#x2019;s</w:t><w:tab/></w:p>")
            .unwrap();
        assert_eq!(n.name, "p");
        assert_eq!(n.attr("x"), Some("1 & 2"));
        assert_eq!(n.child("t").unwrap().text(), "Tom & Jerry\u{2019}s");
        assert_eq!(
            (
                n.index,
                n.child("t").unwrap().index,
                n.child("tab").unwrap().index
            ),
            (0, 1, 2)
        );
        assert!(parse("<a>&bogus;</a>").unwrap_err().contains("bogus"));
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
    }
}
