//! Colours of the interface. (Stub.)

#[derive(Debug, Clone, Default)]
pub struct Theme {}

impl Theme {
    /// A theme without colour, for `NO_COLOR`: emphasis by bold, reverse and underline only.
    pub fn monochrome() -> Theme {
        Theme {}
    }

    /// Sets one named colour (`accent = "cyan"`, `"#rrggbb"`, `"254"`).
    pub fn set(&mut self, _name: &str, _value: &str) -> Result<(), String> {
        Ok(())
    }
}
