//! Colours of the interface: named roles with defaults, set from the config's `[theme]`.
//!
//! Screens never name a colour; they ask the theme for the style of a role
//! ([`Theme::selection`], [`Theme::dim`], ...). [`Theme::monochrome`] (for `NO_COLOR`) gives
//! the same roles without any colour, told apart by bold, reverse and underline.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

/// A named colour of the theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Text,
    Dim,
    Accent,
    Header,
    SelectionFg,
    SelectionBg,
    StatusFg,
    StatusBg,
    Key,
    Message,
    Warning,
    RawMarker,
    Deleted,
    Inserted,
    Replaced,
    Shared,
    HeatLow,
    HeatMid,
    HeatHigh,
}

impl Role {
    pub const ALL: [Role; 19] = [
        Role::Text,
        Role::Dim,
        Role::Accent,
        Role::Header,
        Role::SelectionFg,
        Role::SelectionBg,
        Role::StatusFg,
        Role::StatusBg,
        Role::Key,
        Role::Message,
        Role::Warning,
        Role::RawMarker,
        Role::Deleted,
        Role::Inserted,
        Role::Replaced,
        Role::Shared,
        Role::HeatLow,
        Role::HeatMid,
        Role::HeatHigh,
    ];

    /// The name used in the config's `[theme]` table.
    pub fn name(self) -> &'static str {
        match self {
            Role::Text => "text",
            Role::Dim => "dim",
            Role::Accent => "accent",
            Role::Header => "header",
            Role::SelectionFg => "selection_fg",
            Role::SelectionBg => "selection_bg",
            Role::StatusFg => "status_fg",
            Role::StatusBg => "status_bg",
            Role::Key => "key",
            Role::Message => "message",
            Role::Warning => "warning",
            Role::RawMarker => "raw_marker",
            Role::Deleted => "deleted",
            Role::Inserted => "inserted",
            Role::Replaced => "replaced",
            Role::Shared => "shared",
            Role::HeatLow => "heat_low",
            Role::HeatMid => "heat_mid",
            Role::HeatHigh => "heat_high",
        }
    }

    /// The built-in colour: the 16 ANSI colours only, so that the terminal's own palette
    /// (light or dark) decides how they look.
    pub fn default_color(self) -> Color {
        match self {
            Role::Text => Color::Reset,
            Role::Dim => Color::DarkGray,
            Role::Accent => Color::Cyan,
            Role::Header => Color::Yellow,
            Role::SelectionFg => Color::White,
            Role::SelectionBg => Color::Blue,
            Role::StatusFg => Color::White,
            Role::StatusBg => Color::DarkGray,
            Role::Key => Color::Green,
            Role::Message => Color::Yellow,
            Role::Warning => Color::Red,
            Role::RawMarker => Color::Red,
            Role::Deleted => Color::Red,
            Role::Inserted => Color::Green,
            Role::Replaced => Color::Yellow,
            Role::Shared => Color::Magenta,
            Role::HeatLow => Color::Blue,
            Role::HeatMid => Color::Yellow,
            Role::HeatHigh => Color::Red,
        }
    }

    fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// A `[theme]` entry of the config file that crossread cannot use.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("unknown theme colour '{name}'; valid names: {valid}")]
    UnknownName { name: String, valid: String },
    #[error(
        "invalid colour '{value}': use a name (black, red, green, yellow, blue, magenta, cyan, \
         gray, darkgray, white, light-red ... light-cyan, reset), \"#rrggbb\", or an index 0-255"
    )]
    InvalidColour { value: String },
}

/// The colours of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    colors: [Color; Role::ALL.len()],
    /// True for `NO_COLOR`: styles carry modifiers only, `colors` are ignored.
    is_monochrome: bool,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            colors: Role::ALL.map(Role::default_color),
            is_monochrome: false,
        }
    }
}

impl Theme {
    /// A theme without colour, for `NO_COLOR`: emphasis by bold, reverse and underline only.
    pub fn monochrome() -> Theme {
        Theme {
            is_monochrome: true,
            ..Theme::default()
        }
    }

    /// Returns true if and only if this theme uses no colour.
    pub fn is_monochrome(&self) -> bool {
        self.is_monochrome
    }

    /// Sets one named colour (`accent = "cyan"`, `"light-blue"`, `"#rrggbb"`, `"254"`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), ThemeError> {
        let Some(role) = Role::from_name(name) else {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            return Err(ThemeError::UnknownName {
                name: name.to_string(),
                valid: names.join(", "),
            });
        };
        let color = Color::from_str(value.trim()).map_err(|_| ThemeError::InvalidColour {
            value: value.to_string(),
        })?;
        self.colors[role as usize] = color;
        Ok(())
    }

    /// The colour of a role (also in a monochrome theme, which does not use it).
    pub fn color(&self, role: Role) -> Color {
        self.colors[role as usize]
    }

    fn fg(&self, role: Role) -> Style {
        Style::new().fg(self.color(role))
    }

    /// Body text and table cells.
    pub fn text(&self) -> Style {
        if self.is_monochrome {
            Style::new()
        } else {
            self.fg(Role::Text)
        }
    }

    /// Secondary text: paths, counts, descriptions, missing values, rules.
    pub fn dim(&self) -> Style {
        if self.is_monochrome {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            self.fg(Role::Dim)
        }
    }

    /// The app's name, article titles, window borders and headings.
    pub fn accent(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.is_monochrome {
            style
        } else {
            style.fg(self.color(Role::Accent))
        }
    }

    /// Column headings of the library (the sort column is underlined as well).
    pub fn header(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.is_monochrome {
            style
        } else {
            style.fg(self.color(Role::Header))
        }
    }

    /// The selected row.
    pub fn selection(&self) -> Style {
        if self.is_monochrome {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.color(Role::SelectionFg))
                .bg(self.color(Role::SelectionBg))
        }
    }

    /// The title bar and the status line.
    pub fn status_bar(&self) -> Style {
        if self.is_monochrome {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
                .fg(self.color(Role::StatusFg))
                .bg(self.color(Role::StatusBg))
        }
    }

    /// Keys in the help window and in the status line's hints.
    pub fn key(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.is_monochrome {
            style
        } else {
            style.fg(self.color(Role::Key))
        }
    }

    /// Transient messages in the status line.
    pub fn message(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.is_monochrome {
            style
        } else {
            style.fg(self.color(Role::Message))
        }
    }

    /// Skipped files and other problems.
    pub fn warning(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.is_monochrome {
            style.add_modifier(Modifier::UNDERLINED)
        } else {
            style.fg(self.color(Role::Warning))
        }
    }

    /// Words of an aligned passage by the kind of difference they show. Without colour,
    /// the screens write `[-…-]` and `{+…+}` markers around them as well.
    pub fn mark(&self, mark: crate::display::layout::Mark) -> Style {
        use crate::display::layout::Mark;
        let role = match mark {
            Mark::Plain => return self.text(),
            Mark::Deleted => Role::Deleted,
            Mark::Inserted => Role::Inserted,
            Mark::ReplacedLeft | Mark::ReplacedRight => Role::Replaced,
        };
        if self.is_monochrome {
            match mark {
                Mark::Deleted | Mark::ReplacedLeft => {
                    Style::new().add_modifier(Modifier::CROSSED_OUT)
                }
                _ => Style::new().add_modifier(Modifier::UNDERLINED),
            }
        } else {
            self.fg(role).add_modifier(Modifier::BOLD)
        }
    }

    /// The gutter mark of text shared with other articles, in the reader.
    pub fn shared(&self) -> Style {
        if self.is_monochrome {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            self.fg(Role::Shared)
        }
    }

    /// A cell of the overlap matrix holding `share` (0..1) of the row's text: cool to hot.
    /// Without colour, shares above a third are bold, above two thirds reversed.
    pub fn heat(&self, share: f32) -> Style {
        if share <= 0.0 {
            return self.dim();
        }
        let (role, modifier) = if share < 0.1 {
            (Role::HeatLow, Modifier::empty())
        } else if share < 0.4 {
            (Role::HeatMid, Modifier::BOLD)
        } else {
            (Role::HeatHigh, Modifier::REVERSED)
        };
        if self.is_monochrome {
            Style::new().add_modifier(modifier)
        } else {
            Style::new().fg(Color::Black).bg(self.color(role))
        }
    }

    /// The "RAW" marker of the reader while it shows the text before cleaning.
    pub fn raw_marker(&self) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if self.is_monochrome {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style.fg(Color::Black).bg(self.color(Role::RawMarker))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_accepts_names_hex_and_indexes() {
        let mut theme = Theme::default();
        theme.set("accent", "light-blue").unwrap();
        theme.set("selection_bg", "#264f78").unwrap();
        theme.set("dim", "244").unwrap();
        assert_eq!(theme.color(Role::Accent), Color::LightBlue);
        assert_eq!(theme.color(Role::SelectionBg), Color::Rgb(0x26, 0x4f, 0x78));
        assert_eq!(theme.color(Role::Dim), Color::Indexed(244));
        assert_eq!(theme.selection().bg, Some(Color::Rgb(0x26, 0x4f, 0x78)));
    }

    #[test]
    fn set_rejects_unknown_names_and_bad_colours() {
        let mut theme = Theme::default();
        let err = theme.set("acent", "red").unwrap_err().to_string();
        assert!(err.starts_with("unknown theme colour 'acent'; valid names: text, dim, accent,"));
        assert!(err.contains("raw_marker"), "{err}");
        let err = theme.set("accent", "#12345").unwrap_err().to_string();
        assert!(err.starts_with("invalid colour '#12345'"), "{err}");
        assert!(theme.set("accent", "256").is_err());
        assert_eq!(theme, Theme::default());
    }

    #[test]
    fn monochrome_uses_no_colour() {
        let theme = Theme::monochrome();
        let styles = [
            theme.text(),
            theme.dim(),
            theme.accent(),
            theme.header(),
            theme.selection(),
            theme.status_bar(),
            theme.key(),
            theme.message(),
            theme.warning(),
            theme.raw_marker(),
        ];
        for style in styles {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
        assert!(theme.selection().add_modifier.contains(Modifier::REVERSED));
    }

    /// `config.example.toml` documents every colour with its default.
    #[test]
    fn the_example_config_lists_every_colour_with_its_default() {
        let text = include_str!("../../config.example.toml");
        let value: toml::Table = toml::from_str(text).unwrap();
        let table = value["theme"]
            .as_table()
            .expect("a [theme] table in the example");
        let mut names: Vec<&str> = table.keys().map(String::as_str).collect();
        let mut expected: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        expected.sort_unstable();
        assert_eq!(names, expected);
        for role in Role::ALL {
            let value = table[role.name()].as_str().expect("a string");
            assert_eq!(
                Color::from_str(value),
                Ok(role.default_color()),
                "{}",
                role.name()
            );
        }
    }
}
