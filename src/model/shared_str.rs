//! [`SharedStr`]: a string many stance events share, one pointer wide.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A string shared by many stance events (a lexicon category, an explanation): cloning it
/// copies a pointer. It is one pointer wide (`Arc<str>` is two), which matters in a record a
/// dense corpus holds millions of. Compares, orders and hashes as its text.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SharedStr(Arc<String>);

impl SharedStr {
    /// The text.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Whether `a` and `b` are one shared string (not only equal text).
    pub fn ptr_eq(a: &SharedStr, b: &SharedStr) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

/// Hashes as the text (`String` hashes as `str`), so a set of them can be looked up by `&str`.
impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(Arc::new(s.to_string()))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(Arc::new(s))
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn one_pointer_wide_and_looked_up_by_its_text() {
        assert_eq!(std::mem::size_of::<SharedStr>(), std::mem::size_of::<usize>());
        let set: HashSet<SharedStr> = ["endorse", "criticize"].into_iter().map(SharedStr::from).collect();
        assert_eq!(set.get("criticize").map(SharedStr::as_str), Some("criticize"));
        assert!(!set.contains("abstain"));
        let a = SharedStr::from("found by the cue");
        let b = SharedStr::from(String::from("found by the cue"));
        assert_eq!(a, b);
        assert!(SharedStr::ptr_eq(&a, &a.clone()) && !SharedStr::ptr_eq(&a, &b));
        assert_eq!(format!("{a} / {a:?}"), "found by the cue / \"found by the cue\"");
    }
}
