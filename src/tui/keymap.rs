//! Key bindings per screen, from built-in defaults patched by the config. (Stub.)

/// A key press as written in the config: `j`, `<Down>`, `<C-d>`, `?`, `<Enter>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key(pub String);

impl std::str::FromStr for Key {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Key(s.to_string()))
    }
}

#[derive(Debug, Clone, Default)]
pub struct Keymap {}

impl Keymap {
    /// Replaces the keys bound to `action` on `screen` (`global`, `library`, `reader`, `help`).
    pub fn bind(&mut self, _screen: &str, _action: &str, _keys: Vec<Key>) -> Result<(), String> {
        Ok(())
    }
}
