//! Sessions and the secrets derived from them. A browser gets a random session id in a cookie
//! (`HttpOnly`, `SameSite=Strict`, so another site's page never sends it); every form carries a
//! token derived from that id and the server's key, which another site cannot know; and with
//! `--token`, an access cookie derived from the token proves the browser was given it.

use sha2::{Digest, Sha256};

use crate::store::hex;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "concord_session";
/// The access cookie's name (with `--token`).
pub const ACCESS_COOKIE: &str = "concord_access";
/// The form field that carries the form token.
pub const FORM_FIELD: &str = "_token";

/// A browser's session: its id, and the token its forms carry.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: String,
    pub form_token: String,
}

impl Session {
    /// The session with this id.
    pub fn new(key: &[u8; 32], id: String) -> Session {
        let form_token = derive(key, "form", &id);
        Session { id, form_token }
    }

    /// A new session with a random id, or `None` when the system gives no random numbers.
    pub fn fresh(key: &[u8; 32]) -> Option<Session> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes).ok()?;
        Some(Session::new(key, hex(&bytes)))
    }

    /// True when `token` is this session's form token.
    pub fn accepts(&self, token: &str) -> bool {
        same(token.as_bytes(), self.form_token.as_bytes())
    }
}

/// A secret derived from the server's key for one purpose: hex of SHA-256 over the key, the
/// purpose and the value.
pub fn derive(key: &[u8; 32], purpose: &str, value: &str) -> String {
    let mut h = Sha256::new();
    h.update(key);
    h.update(purpose.as_bytes());
    h.update([0]);
    h.update(value.as_bytes());
    hex(&h.finalize())
}

/// Compares two secrets in time that does not depend on where they differ.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A session id as the cookie may hold it: 32 lower-case hex digits.
pub fn valid_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k.trim() == name).then(|| v.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_tokens_belong_to_their_session() {
        let key = [7u8; 32];
        let a = Session::new(&key, "a".repeat(32));
        let b = Session::new(&key, "b".repeat(32));
        assert!(a.accepts(&a.form_token));
        assert!(!a.accepts(&b.form_token));
        assert!(!a.accepts(""));
        let other_key = Session::new(&[8u8; 32], "a".repeat(32));
        assert!(!a.accepts(&other_key.form_token));
    }

    #[test]
    fn cookies_and_ids() {
        assert_eq!(
            cookie("x=1; concord_session=abc", "concord_session"),
            Some("abc")
        );
        assert_eq!(cookie("concord_sessionx=1", "concord_session"), None);
        assert!(valid_id(&"0a".repeat(16)));
        assert!(!valid_id("../../etc"));
    }
}
