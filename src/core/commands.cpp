#include "core/commands.h"

#include <algorithm>
#include <array>

namespace dorsal {

namespace {

using enum CommandId;

const std::vector<CommandInfo>& table() {
    static const std::vector<CommandInfo> commands{
        {ViewAnterior, Menu::View, {{Key::Digit1}}, "Front", "view from the front"},
        {ViewPosterior, Menu::View, {{Key::Digit2}}, "Back", "view from behind"},
        {ViewLeft, Menu::View, {{Key::Digit3}}, "Left", "view from the left"},
        {ViewRight, Menu::View, {{Key::Digit4}}, "Right", "view from the right"},
        {ViewSuperior, Menu::View, {{Key::Digit5}}, "Top", "view from above"},
        {ViewOblique, Menu::View, {{Key::Digit6}}, "Oblique", "view from behind and to the left, from above"},
        {ResetView, Menu::View, {{Key::R}, {Key::Home}}, "Reset view", "the whole model from the start view"},
        {FrameHighlight, Menu::View, {{Key::F}}, "Frame highlight", "move the camera to what is highlighted"},
        {Isolate, Menu::Show, {{Key::I}}, "Isolate", "show only what is highlighted, or everything again"},
        {HideSelection, Menu::Show, {{Key::H}}, "Hide", "hide the selected structures"},
        {ShowAll, Menu::Show, {{Key::A}}, "Show all", "everything visible again, x-ray off"},
        {ToggleXray, Menu::Show, {{Key::X}}, "X-ray", "everything but the highlight see-through"},
        {ToggleCutaway, Menu::Show, {{Key::C}}, "Cutaway", "see through only what covers the highlighted muscles"},
        {TogglePainMap, Menu::Show, {{Key::P}}, "Pain map", "where it hurts, painted on the body, and trigger points"},
        {ToggleDim, Menu::Show, {{Key::D}}, "Dim others", "grey out what is not highlighted"},
        {ToggleLabels, Menu::Show, {{Key::L}}, "Labels", "names of the highlighted muscles"},
        {PeelMore, Menu::Show, {{Key::RightBracket}}, "Peel a layer", "take away the outermost layer shown"},
        {PeelLess, Menu::Show, {{Key::LeftBracket}}, "Put a layer back", "show the next layer out again"},
        {CycleSide, Menu::Show, {{Key::S}}, "Next side", "both sides, the left side, the right side"},
        {ClearSelection, Menu::Go, {{Key::Escape}}, "Clear selection",
         "clear the selection and close the entry; in presentation, leave it"},
        {WhereItHurts, Menu::Go, {{Key::W}}, "Where does it hurt?",
         "click or brush the body where it hurts to see what can cause it"},
        {Back, Menu::Go, {{Key::Left, kAlt}, {Key::MouseBack}}, "Back", "back to what was shown before", true},
        {Forward, Menu::Go, {{Key::Right, kAlt}, {Key::MouseForward}}, "Forward", "forward again", true},
        {Search, Menu::Go, {{Key::F, kCtrl}}, "Search", "find a muscle, a sore area, a stretch", true},
        {AddPin, Menu::Show, {{Key::N}}, "Add pin",
         "pin a note to the body: the next click places it (drag a pin to move it)"},
        {RemovePin, Menu::Show, {{Key::Delete}}, "Remove pin", "remove the selected pin"},
        {OpenScene, Menu::File, {{Key::O, kCtrl}}, "Open scene...", "open a saved scene (or drop a .dorsal file onto the window)", true},
        {SaveScene, Menu::File, {{Key::S, kCtrl}}, "Save scene...", "save what is on screen as a scene", true},
        {SaveSceneAs, Menu::File, {{Key::S, kCtrl | kShift}}, "Save scene as...", "save the scene in another file", true},
        {OpenModel, Menu::File, {{Key::O, kCtrl | kShift}}, "Open model...",
         "open another model file (or drop one onto the window)"},
        {Handout, Menu::File, {{Key::P, kCtrl}}, "Handout...",
         "write a client's take-home sheet (PDF) about the muscle, pain or technique on show"},
        {SavePicture, Menu::File, {{Key::P, kCtrl | kShift}}, "Save picture...",
         "save the 3D view with its labels as a PNG or JPEG picture, at a size you choose"},
        {Settings, Menu::File, {{Key::Comma, kCtrl}}, "Settings...", "font size, paper size, presentation", true},
        {TogglePresentation, Menu::View, {{Key::F11}, {Key::F5}}, "Present",
         "full screen for showing a client: large type, panels slide in at the screen edges (Esc leaves)", true},
        {FontBigger, Menu::View, {{Key::Equal, kCtrl}}, "Larger text", "larger text in panels and labels", true},
        {FontSmaller, Menu::View, {{Key::Minus, kCtrl}}, "Smaller text", "smaller text in panels and labels", true},
        {FontReset, Menu::View, {{Key::Digit0, kCtrl}}, "Normal text size", "text back to its normal size", true},
        {Help, Menu::Help, {{Key::F1}}, "Keys and mouse", "this list of keys and mouse actions", true},
        {Quit, Menu::File, {{Key::Q, kCtrl}}, "Quit", "close Dorsal", true},
    };
    return commands;
}

constexpr std::array<MouseAction, 10> kMouseActions{{
    {"Left drag", "rotate around the model"},
    {"Right or middle drag", "pan"},
    {"Wheel", "zoom towards the cursor"},
    {"Hover", "name the structure under the cursor"},
    {"Click", "select a structure and open its entry"},
    {"Ctrl+click", "add to the selection, or take out"},
    {"Click empty space", "clear the selection (the entry stays open)"},
    {"Double-click empty space", "reset the view"},
    {"Where does it hurt? (W): click or left drag", "mark the sore area on the body"},
    {"Where does it hurt? (W): right drag", "rotate around the model"},
}};

std::string_view baseKeyName(Key key) {
    switch (key) {
        case Key::Digit0: return "0";
        case Key::Digit1: return "1";
        case Key::Digit2: return "2";
        case Key::Digit3: return "3";
        case Key::Digit4: return "4";
        case Key::Digit5: return "5";
        case Key::Digit6: return "6";
        case Key::A: return "A";
        case Key::C: return "C";
        case Key::D: return "D";
        case Key::F: return "F";
        case Key::H: return "H";
        case Key::I: return "I";
        case Key::L: return "L";
        case Key::N: return "N";
        case Key::O: return "O";
        case Key::P: return "P";
        case Key::Q: return "Q";
        case Key::R: return "R";
        case Key::S: return "S";
        case Key::W: return "W";
        case Key::X: return "X";
        case Key::LeftBracket: return "[";
        case Key::RightBracket: return "]";
        case Key::Equal: return "=";
        case Key::Minus: return "-";
        case Key::Comma: return ",";
        case Key::Escape: return "Esc";
        case Key::Home: return "Home";
        case Key::Left: return "Left";
        case Key::Right: return "Right";
        case Key::F1: return "F1";
        case Key::Delete: return "Delete";
        case Key::F5: return "F5";
        case Key::F11: return "F11";
        case Key::MouseBack: return "Mouse back button";
        case Key::MouseForward: return "Mouse forward button";
    }
    return "?";
}

}  // namespace

std::span<const CommandInfo> commandTable() { return table(); }

std::span<const MouseAction> mouseActions() { return kMouseActions; }

const CommandInfo& commandInfo(CommandId id) {
    const std::vector<CommandInfo>& commands = table();
    return *std::find_if(commands.begin(), commands.end(), [id](const CommandInfo& c) { return c.id == id; });
}

std::optional<CommandId> commandForKey(const KeyChord& chord, bool typing) {
    for (const CommandInfo& command : table()) {
        if (typing && !command.whileTyping) continue;
        if (std::find(command.keys.begin(), command.keys.end(), chord) != command.keys.end()) return command.id;
    }
    return std::nullopt;
}

std::string keyName(const KeyChord& chord) {
    std::string name;
    if (chord.modifiers & kCtrl) name += "Ctrl+";
    if (chord.modifiers & kAlt) name += "Alt+";
    if (chord.modifiers & kShift) name += "Shift+";
    return name.append(baseKeyName(chord.key));
}

std::string keysText(const CommandInfo& command) {
    std::string text;
    for (const KeyChord& chord : command.keys) text += (text.empty() ? "" : ", ") + keyName(chord);
    return text;
}

std::string keyTableMarkdown() {
    std::string markdown = "| do | how |\n|---|---|\n";
    const auto row = [&](std::string_view help, std::string_view how) {
        markdown.append("| ").append(help).append(" | ").append(how).append(" |\n");
    };
    for (const MouseAction& action : kMouseActions) row(action.help, action.gesture);
    for (const CommandInfo& command : table()) {
        if (!command.keys.empty()) row(command.help, keysText(command));
    }
    return markdown;
}

}  // namespace dorsal
