#pragma once
// The panels of the interface, one class each; Interface owns them and draws them in order.

#include <memory>
#include <string>
#include <vector>

#include "ui/interface.h"

namespace dorsal {

// Left: the search box and its results, the model's structures as a tree, content problems.
std::unique_ptr<Panel> makeSidePanel(const Fonts& fonts, const float& scale);
// Right: the open entry, laid out for reading, with back and forward.
std::unique_ptr<Panel> makeEntryPanel(const Fonts& fonts, const float& scale);
// Errors and warnings across the top of the 3D view.
std::unique_ptr<Panel> makeMessagesPanel(const float& scale);
// Across the bottom of the 3D view: view presets, peeling, x-ray, sides, isolate, hide, show all.
std::unique_ptr<Panel> makeViewToolbar(const float& scale);
// The names of highlighted structures with leader lines, in the 3D view, clear of the panels.
std::unique_ptr<Panel> makeLabelsOverlay(const Fonts& fonts, const float& scale);
// Presentation mode's caption naming what is shown, at the top centre of the 3D view.
std::unique_ptr<Panel> makeCaptionOverlay(const Fonts& fonts, const float& scale);
// How much of the top of the 3D view the caption takes, margins included.
float captionBandHeight(const Fonts& fonts, float scale);
// The pain map's trigger points and legend, in the 3D view.
std::unique_ptr<Panel> makePainMapOverlay(const float& scale);
// How tall the legend of the pain map is with `rows` rows (0 without a legend), margin included:
// the labels keep above it.
float painLegendHeight(int rows, float scale);
// The keyboard and mouse help (F1).
std::unique_ptr<Panel> makeHelpPanel(const Fonts& fonts);
// The menus across the top.
std::unique_ptr<Panel> makeMenuBar();
// How tall a pin's marker stands above its point, in pixels at a UI scale of 1.
inline constexpr float kPinMarkerHeight = 16.0f;
// The pins in the 3D view with their notes, and the selected pin's note to edit.
std::unique_ptr<Panel> makePinsOverlay(const float& scale);
// Asks for a scene file to open or to save to (File > Open scene..., Save scene...).
std::unique_ptr<Panel> makeSceneDialog(const float& scale);
// Asks for a model file to open (File > Open model...), with the recent models and the built-in one.
std::unique_ptr<Panel> makeOpenModelDialog(const float& scale);
// Saves the 3D view as a picture (File > Save picture...): where, and at what size.
std::unique_ptr<Panel> makeSavePictureDialog(const float& scale);
// The settings (File > Settings...): text size, paper, presentation, recent files.
std::unique_ptr<Panel> makeSettingsPanel(const float& scale);
// Asks where to write the handout of the entry on show, on which paper, with which stretches and
// note (File > Handout...).
std::unique_ptr<Panel> makeHandoutDialog(const float& scale);

// Shared look: a fixed, untitled window filling `area`.
bool beginFixedWindow(const char* name, const Viewport& area);
// A link to another entry: text in the link colour that opens `id` when clicked.
void entryLink(UiFrame& frame, const std::string& id, const std::string& label);
// A command's help as a tooltip: "Everything but the highlight see-through (X)".
std::string commandTooltip(const CommandInfo& command);

}  // namespace dorsal
