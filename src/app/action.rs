//! Everything that can happen to the app: what keys, the mouse, the
//! terminal and timers turn into. `update` is the only consumer.

/// One thing the user (or the terminal) asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Up,
    Down,
    /// Collapse / go to parent / move left (tables: previous column).
    Left,
    /// Expand / move right (tables: next column).
    Right,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    FocusNext,
    FocusPrev,
    /// Enter: open, expand, jump or choose.
    Select,
    /// Esc: close the overlay, or go back.
    Back,
    /// Number keys: jump to a tab (1-based).
    TabNumber(u8),
    NextTab,
    PrevTab,
    OpenSearch,
    NextHit,
    PrevHit,
    OpenThemePicker,
    OpenKindPicker,
    ClearFilters,
    /// Mark or unmark the selected LA for comparison.
    Mark,
    /// Open the marked LAs side by side.
    Compare,
    /// Write the current view to files (Markdown, CSV).
    Export,
    /// Write the selected LA's pre-visit brief.
    Brief,
    /// Cycle the source filter: all, baseline report, interim summary.
    CycleSource,
    Help,
    /// Tables: sort by the selected column; again to reverse.
    Sort,
    /// Matrix: rows are LAs, or centres.
    MatrixRows,
    /// Tables: list the caveats that touch the selected row (the cell's first).
    ShowCaveat,
    /// Hide or show the navigator.
    Zoom,
    AddNote,
    EditNote,
    DeleteNote,
    Confirm,
    Cancel,
    /// Text input in search, pickers and the note editor.
    Input(char),
    Backspace,
    Delete,
    Home,
    End,
    /// Search box: empty the line (Ctrl-u).
    ClearInput,
    Newline,
    /// Editor and search box: move a word left / right (Ctrl-← / Ctrl-→).
    WordLeft,
    WordRight,
    /// Editor and search box: delete the word before the cursor
    /// (Ctrl-w, Alt-Backspace); editor: the word after it.
    DeleteWord,
    DeleteNextWord,
    Undo,
    Redo,
    /// Editor: save the note and close. Draft offer: keep the draft as a note.
    Save,
    /// Editor (closing) and draft offer: throw the text away.
    Discard,
    /// Draft offer: open the draft in the editor.
    Reopen,
    /// Periodic while the editor has unsaved changes: write the draft.
    Autosave,
    /// Pickers: toggle the selected item.
    Toggle,
    /// Mouse: left click at a cell.
    Click(u16, u16),
    /// Mouse wheel at a cell: negative up, positive down.
    Scroll(u16, u16, i8),
    Resize(u16, u16),
    /// Periodic (every two seconds): pick up notes written by other
    /// processes, and expire the status message.
    Tick,
    /// The search index prepared on a thread has arrived (or its thread
    /// ended): install it and run the query typed meanwhile.
    IndexReady,
}
