#pragma once
// The interface's text and panel colours, in sRGB 0..1. Plain values without ImGui, so that a unit
// test checks their contrast (WCAG 2: at least 4.5:1 for text) against the panels they sit on.

#include <glm/glm.hpp>

namespace dorsal::UiColours {

inline constexpr glm::vec3 kPanel{0.105f, 0.115f, 0.135f};      // panels and windows
inline constexpr glm::vec3 kText{0.92f, 0.92f, 0.93f};          // body text
inline constexpr glm::vec3 kSecondaryText{0.60f, 0.61f, 0.63f}; // hints, counts, subtitles ("disabled" in ImGui)
inline constexpr glm::vec3 kLink{0.45f, 0.78f, 1.0f};           // a link to another entry
inline constexpr glm::vec3 kCaution{0.98f, 0.76f, 0.35f};       // cautions and notes
inline constexpr glm::vec3 kUrgent{1.0f, 0.45f, 0.40f};         // warning signs
inline constexpr glm::vec3 kFolder{0.55f, 0.80f, 1.0f};         // folders in the file dialog
inline constexpr glm::vec3 kMessage{0.45f, 0.12f, 0.10f};       // the background of error messages
inline constexpr glm::vec3 kInformation{0.13f, 0.23f, 0.36f};   // the background of information messages
inline constexpr glm::vec3 kLabelBox{16.0f / 255.0f, 20.0f / 255.0f, 26.0f / 255.0f};  // labels and captions

}  // namespace dorsal::UiColours
