//! Paragraph styles (`styles.xml`): each style's name, parent, numbering and outline level, so
//! that a paragraph's role (title, heading, body) and list come from its style chain when the
//! paragraph itself does not say.

use std::collections::HashMap;

use crate::xml::Node;

/// A list and level: `numId` and `ilvl`, either of which may be left to the style.
pub type NumRef = (Option<String>, Option<u32>);

/// A paragraph style: its name, parent, numbering and outline level.
#[derive(Debug, Clone, Default)]
pub struct Style {
    pub name: String,
    based_on: Option<String>,
    pub num: Option<NumRef>,
    pub outline: Option<u32>,
}

/// The paragraph styles of a file, by id.
#[derive(Debug, Default)]
pub struct Styles {
    by_id: HashMap<String, Style>,
    default: Option<String>,
}

/// How deep a chain of `basedOn` styles is followed, so that a cycle ends.
const MAX_CHAIN: usize = 16;

impl Styles {
    pub fn read(root: &Node) -> Styles {
        let mut s = Styles::default();
        for st in root.nodes().filter(|n| n.name == "style") {
            if st.attr("type") != Some("paragraph") {
                continue;
            }
            let Some(id) = st.attr("styleId") else {
                continue;
            };
            let ppr = st.child("pPr");
            if st.attr("default").is_some_and(|d| d == "1" || d == "true") {
                s.default = Some(id.to_string());
            }
            s.by_id.insert(
                id.to_string(),
                Style {
                    name: st.val("name").unwrap_or(id).to_string(),
                    based_on: st.val("basedOn").map(str::to_string),
                    num: ppr.and_then(|p| p.child("numPr")).map(num_ref),
                    outline: ppr
                        .and_then(|p| p.val("outlineLvl"))
                        .and_then(|v| v.parse().ok()),
                },
            );
        }
        s
    }

    /// The chain of a style and its parents (the default style when `id` is `None`).
    pub fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut cur = id.or(self.default.as_deref()).map(str::to_string);
        while let Some(c) = cur {
            let Some(st) = self.by_id.get(&c) else { break };
            out.push(st);
            if out.len() >= MAX_CHAIN {
                break;
            }
            cur = st.based_on.clone();
        }
        out
    }

    /// The numId a style gives its paragraphs (for `numStyleLink`).
    pub fn num_of(&self, id: &str) -> Option<String> {
        self.chain(Some(id))
            .iter()
            .find_map(|s| s.num.as_ref().and_then(|n| n.0.clone()))
    }
}

/// The list and level a `numPr` element names.
pub fn num_ref(n: &Node) -> NumRef {
    (
        n.val("numId").map(str::to_string),
        n.val("ilvl").and_then(|v| v.parse().ok()),
    )
}
