//! The view: draws the [`App`] into a frame. Reads the state, changes nothing, computes
//! nothing that `update` could have computed (text is wrapped there).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::action::Action;
use super::app::{global_key_on, AlignmentState, App, AppLayout};
use super::keymap::Scope;
use crate::display::text::width;

/// Draws the whole interface.
pub fn view(app: &App, frame: &mut Frame) {
    let layout = AppLayout::new(frame.area());
    render_title_bar(app, layout.title, frame.buffer_mut());
    match app.top() {
        Some(open) => open.get().render(layout.body, frame.buffer_mut()),
        None if app.is_loading() => render_loading(app, layout.body, frame.buffer_mut()),
        None => frame.render_widget(&app.library, layout.body),
    }
    if let Some((_, popup)) = &app.popup {
        frame.render_widget(popup, layout.body);
    } else if app.top().is_none() {
        if let Some(position) = app.library.cursor_position(layout.body) {
            frame.set_cursor_position(position);
        }
    }
    render_status_line(app, layout.status, frame.buffer_mut());
}

/// The body while the corpus is read: what is going on, in the middle of the screen.
fn render_loading(app: &App, area: Rect, buf: &mut Buffer) {
    let AlignmentState::Running(progress) = &app.alignment else {
        return;
    };
    let mut text = progress.to_string();
    if let Some(first) = text.get(..1) {
        text.replace_range(..1, &first.to_uppercase());
    }
    text.push('…');
    let line = Line::from(Span::styled(text, app.theme.dim()));
    let row = area.y + area.height / 2;
    let width = (line.width() as u16).min(area.width);
    if area.height > 0 {
        buf.set_line(area.x + (area.width - width) / 2, row, &line, width);
    }
}

/// Writes `left` from the start of `area` and, if there is room left, `right` against its end.
fn render_bar(area: Rect, buf: &mut Buffer, left: Line, right: Line, style: Style) {
    if area.is_empty() {
        return;
    }
    buf.set_style(area, style);
    buf.set_line(area.x, area.y, &left, area.width);
    let right_width = right.width() as u16;
    if left.width() as u16 + 1 + right_width <= area.width {
        buf.set_line(area.right() - right_width, area.y, &right, right_width);
    }
}

/// "crossread · 5 articles · 2 files skipped (w)", and the screen's name on the right.
fn render_title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let count = app.corpus.articles.len();
    let mut left = vec![Span::styled(" crossread", theme.accent())];
    if !app.is_loading() {
        left.push(Span::styled(
            format!(
                " · {} article{}",
                super::progress::thousands(count),
                plural(count)
            ),
            theme.dim(),
        ));
    }
    let skipped = app.corpus.warnings.len();
    if skipped > 0 {
        let key = app
            .keymap
            .keys_for(Scope::Library, Action::ShowWarnings)
            .first();
        let hint = key.map(|k| format!(" ({})", k.label())).unwrap_or_default();
        left.push(Span::styled(" · ", theme.dim()));
        left.push(Span::styled(
            format!("{skipped} file{} skipped{hint}", plural(skipped)),
            theme.warning(),
        ));
    }
    match &app.alignment {
        AlignmentState::Running(progress) => {
            left.push(Span::styled(format!(" · {progress}…"), theme.dim()));
        }
        AlignmentState::Failed(_) => {
            left.push(Span::styled(" · ", theme.dim()));
            left.push(Span::styled("alignment failed", theme.warning()));
        }
        AlignmentState::Ready { .. } => {}
    }
    // The sort is told here as well as in the column headings: the id column can be hidden.
    let right = match app.top() {
        Some(open) => format!("{} ", open.get().title()),
        None => {
            let sort = app.library.sort();
            let arrow = if sort.is_descending { '▼' } else { '▲' };
            let story = if app.library.is_by_story() {
                "story, "
            } else {
                ""
            };
            format!("by {story}{} {arrow} ", sort.column.name().to_lowercase())
        }
    };
    let right = Line::from(Span::styled(right, theme.dim()));
    render_bar(area, buf, Line::from(left), right, theme.text());
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The transient message if there is one, else hints for the keys of the current screen,
/// built from the keymap: each action's first configured key and its short label.
fn render_status_line(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let bar = theme.status_bar();
    if let Some(message) = &app.message {
        let line = Line::from(Span::styled(
            format!(" {message}"),
            bar.patch(theme.message()),
        ));
        render_bar(area, buf, line, Line::default(), bar);
        return;
    }
    let scope = app.scope();
    let mut hints: Vec<(String, &str)> = Vec::new();
    for binding in app.keymap.bindings(scope) {
        let (Some(hint), Some(key)) = (binding.hint, binding.keys.first()) else {
            continue;
        };
        if binding.action == Action::ShowWarnings && app.corpus.warnings.is_empty() {
            continue;
        }
        hints.push((key.label(), hint));
    }
    for binding in app.keymap.bindings(Scope::Global) {
        let Some(hint) = binding.hint else { continue };
        if binding.action == Action::ShowHelp && scope == Scope::Help {
            continue;
        }
        if let Some(key) = global_key_on(&app.keymap, scope, &binding.keys) {
            hints.push((key.label(), hint));
        }
    }
    let right = match (scope, app.top()) {
        (Scope::Help, _) => String::new(),
        (_, Some(open)) => open.get().status(),
        (_, None) => {
            let (index, len) = app.library.position();
            if len == 0 {
                String::new()
            } else {
                format!("{}/{len} ", index + 1)
            }
        }
    };
    let mut spans = vec![Span::styled(" ", bar)];
    let mut used = 1;
    // The screen's own status ("passage 3 of 9") comes first; hints take the room left.
    let room = usize::from(area.width).saturating_sub(width(&right).max(7) + 1);
    for (key, hint) in &hints {
        let w = width(key) + 1 + width(hint) + 2;
        if used + w > room {
            break;
        }
        spans.push(Span::styled(key.clone(), bar.patch(theme.key())));
        spans.push(Span::styled(format!(" {hint}  "), bar));
        used += w;
    }
    render_bar(
        area,
        buf,
        Line::from(spans),
        Line::from(Span::styled(right, bar)),
        bar,
    );
}
