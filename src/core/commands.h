#pragma once
// Every action a person can take in the window, declared once: its keys, its label in menus and on
// the toolbar, and its help text. The key handling, the toolbar, the menus, the F1 help and the
// README's key table all read this one table.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dorsal {

enum class CommandId {
    ViewAnterior,
    ViewPosterior,
    ViewLeft,
    ViewRight,
    ViewSuperior,
    ViewOblique,
    ResetView,
    FrameHighlight,
    Isolate,
    HideSelection,
    ShowAll,
    ToggleXray,
    ToggleCutaway,
    TogglePainMap,
    ToggleDim,
    ToggleLabels,
    PeelMore,
    PeelLess,
    CycleSide,
    ClearSelection,
    WhereItHurts,
    Back,
    Forward,
    Search,
    AddPin,
    RemovePin,
    OpenScene,
    SaveScene,
    SaveSceneAs,
    OpenModel,
    Handout,
    SavePicture,
    Settings,
    TogglePresentation,
    FontBigger,
    FontSmaller,
    FontReset,
    Help,
    Quit,
};

// The keys Dorsal binds, independent of the window library (the app maps its key codes to these).
enum class Key {
    Digit0, Digit1, Digit2, Digit3, Digit4, Digit5, Digit6,
    A, C, D, F, H, I, L, N, O, P, Q, R, S, W, X,
    LeftBracket, RightBracket,
    Equal, Minus, Comma,
    Escape, Home, Left, Right, F1, F5, F11, Delete,
    MouseBack, MouseForward,  // the side buttons of a mouse
};

// Modifier keys as bit flags.
enum Modifier : unsigned { kNoModifier = 0, kCtrl = 1, kAlt = 2, kShift = 4 };

struct KeyChord {
    Key key;
    unsigned modifiers = kNoModifier;

    bool operator==(const KeyChord&) const = default;
};

// Where a command is listed: the menu it belongs to.
enum class Menu { File, View, Show, Go, Help };

struct CommandInfo {
    CommandId id;
    Menu menu;
    std::vector<KeyChord> keys;  // the first is the one menus show
    std::string_view label;      // menus and toolbar buttons: "X-ray"
    std::string_view help;       // tooltips, F1 and the README: "everything but the highlight see-through"
    bool whileTyping = false;    // also works while a text box has the keyboard
};

// A mouse action of the 3D view, for the F1 help and the README (the window handles the mouse).
struct MouseAction {
    std::string_view gesture;  // "Left drag"
    std::string_view help;     // "rotate around the model"
};

// Every command, in the order the F1 help and the README list them.
std::span<const CommandInfo> commandTable();
// Every mouse action, in the order the F1 help and the README list them.
std::span<const MouseAction> mouseActions();
// The entry of `id` in the table. Every CommandId has one.
const CommandInfo& commandInfo(CommandId id);

// The command bound to `chord`, or nullopt. With `typing` (a text box has the keyboard), only
// the commands that work while typing are found, so that letters reach the text box.
std::optional<CommandId> commandForKey(const KeyChord& chord, bool typing);

// "Ctrl+F", "Alt+Left", "[", "Esc", "Mouse back button".
std::string keyName(const KeyChord& chord);
// All keys of a command joined for reading: "R, Home"; "" when it has none.
std::string keysText(const CommandInfo& command);

// The key and mouse table of the README, in Markdown: a header row and one row per mouse action
// and command with keys ("| rotate around the model | Left drag |").
std::string keyTableMarkdown();

}  // namespace dorsal
