#include <algorithm>
#include <cstring>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

// The pins in the 3D view: a marker standing on the surface with its note beside it, faint where
// the body hides the point; the selected pin's note in a small box to edit; and, in pin mode, what
// the next click does. Drawn in the background like the labels, so the offscreen picture has them.
class PinsOverlay : public Panel {
public:
    explicit PinsOverlay(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        const AtlasState& atlas = *frame.atlas;
        if (!frame.model()) return;
        if (atlas.pinMode() && frame.panelsShown) drawHint(frame.layout.scene);
        const std::vector<Pin>& pins = atlas.pins();
        ImDrawList* draw = ImGui::GetBackgroundDrawList();
        std::vector<ImVec4> notes;  // boxes already placed (min x, min y, max x, max y)
        for (std::size_t i = 0; i < pins.size(); ++i) {
            const std::optional<glm::vec2> pixel = atlas.pinPixel(i);
            if (!pixel) continue;
            const bool selected = atlas.selectedPin() == i;
            const int alpha = atlas.pinSeen(i) ? 255 : 90;
            const ImVec2 head = drawMarker(draw, ImVec2(pixel->x, pixel->y), selected, alpha);
            if (!pins[i].note.empty()) drawNote(draw, frame.layout.scene, head, pins[i].note, alpha, notes);
        }
        if (frame.panelsShown) editSelected(frame);
    }

private:
    static ImU32 pinColour(int alpha) { return IM_COL32(22, 196, 127, alpha); }

    // A needle from the surface point up to a round head; returns the head's centre.
    ImVec2 drawMarker(ImDrawList* draw, ImVec2 point, bool selected, int alpha) const {
        const ImVec2 head(point.x, point.y - kPinMarkerHeight * scale_);
        const float radius = 6.5f * scale_;
        draw->AddLine(point, head, IM_COL32(0, 0, 0, alpha * 2 / 3), 3.5f * scale_);
        draw->AddLine(point, head, IM_COL32(240, 240, 240, alpha), 1.5f * scale_);
        draw->AddCircleFilled(point, 2.0f * scale_, IM_COL32(0, 0, 0, alpha));
        if (selected) draw->AddCircleFilled(head, radius + 4.0f * scale_, IM_COL32(255, 255, 255, alpha));
        draw->AddCircleFilled(head, radius + 1.5f * scale_, IM_COL32(16, 20, 26, alpha));
        draw->AddCircleFilled(head, radius, pinColour(alpha));
        return head;
    }

    // The note in a box to the right of the head (to the left where the view ends), moved down
    // past the notes already placed.
    void drawNote(ImDrawList* draw, const Viewport& scene, ImVec2 head, const std::string& note, int alpha,
                  std::vector<ImVec4>& placed) const {
        const float pad = 4.0f * scale_;
        const ImVec2 text = ImGui::CalcTextSize(note.c_str());
        const ImVec2 size(text.x + 2.0f * pad, text.y + 2.0f * pad);
        const float gap = 12.0f * scale_;
        const float right = static_cast<float>(scene.x + scene.width);
        ImVec2 min(head.x + gap, head.y - 0.5f * size.y);
        if (min.x + size.x > right) min.x = head.x - gap - size.x;
        min.x = std::max(min.x, static_cast<float>(scene.x));
        for (bool moved = true; moved;) {
            moved = false;
            for (const ImVec4& box : placed) {
                const bool overlaps = min.x < box.z && min.x + size.x > box.x && min.y < box.w && min.y + size.y > box.y;
                if (overlaps) {
                    min.y = box.w + pad;
                    moved = true;
                }
            }
        }
        const ImVec2 max(min.x + size.x, min.y + size.y);
        placed.emplace_back(min.x, min.y, max.x, max.y);
        const ImVec2 attach(min.x > head.x ? min.x : max.x, 0.5f * (min.y + max.y));
        draw->AddLine(head, attach, pinColour(alpha), 1.5f * scale_);
        draw->AddRectFilled(min, max, IM_COL32(16, 20, 26, alpha * 225 / 255), 3.0f * scale_);
        draw->AddRect(min, max, pinColour(alpha), 3.0f * scale_);
        draw->AddText(ImVec2(min.x + pad, min.y + pad), IM_COL32(240, 240, 240, alpha), note.c_str());
    }

    void drawHint(const Viewport& scene) const {
        const char* hint = "Click the body where the pin goes (N or Esc: cancel)";
        const ImVec2 size = ImGui::CalcTextSize(hint);
        const float pad = 6.0f * scale_;
        const ImVec2 min(static_cast<float>(scene.x) + 0.5f * (static_cast<float>(scene.width) - size.x) - pad,
                         static_cast<float>(scene.y) + 8.0f * scale_);
        ImDrawList* draw = ImGui::GetForegroundDrawList();
        draw->AddRectFilled(min, ImVec2(min.x + size.x + 2.0f * pad, min.y + size.y + 2.0f * pad),
                            IM_COL32(16, 20, 26, 230), 4.0f * scale_);
        draw->AddText(ImVec2(min.x + pad, min.y + pad), pinColour(255), hint);
    }

    // The selected pin's note, to type, next to it; and a button to remove the pin.
    void editSelected(UiFrame& frame) {
        const AtlasState& atlas = *frame.atlas;
        const std::optional<std::size_t> selected = atlas.selectedPin();
        const std::optional<glm::vec2> pixel = selected ? atlas.pinPixel(*selected) : std::nullopt;
        if (!pixel) {
            editing_.reset();
            return;
        }
        const std::string& note = atlas.pins()[*selected].note;
        if (editing_ != selected || note != shownNote_) {
            if (editing_ != selected) focus_ = true;
            editing_ = selected;
            shownNote_ = note;
            std::strncpy(buffer_, note.c_str(), sizeof buffer_ - 1);
            buffer_[sizeof buffer_ - 1] = '\0';
        }
        ImGui::SetNextWindowPos(ImVec2(pixel->x + 14.0f * scale_, pixel->y + 8.0f * scale_), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(300.0f * scale_, 0.0f));
        if (ImGui::Begin("##pin note", nullptr,
                         ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing)) {
            ImGui::TextUnformatted("Pin note");
            if (std::exchange(focus_, false)) ImGui::SetKeyboardFocusHere();
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::InputTextWithHint("##note", "tender here, pain 6/10", buffer_, sizeof buffer_)) {
                shownNote_ = buffer_;
                frame.requests.emplace_back(request::SetPinNote{*selected, buffer_});
            }
            if (ImGui::Button("Remove pin")) frame.requests.emplace_back(request::RemovePin{*selected});
            ImGui::SameLine();
            if (ImGui::Button("Done")) frame.requests.emplace_back(request::SelectPin{std::nullopt});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag the pin to move it; Delete removes it");
        }
        ImGui::End();
    }

    const float& scale_;  // the interface's, which follows the font size
    std::optional<std::size_t> editing_;
    std::string shownNote_;  // the note the text box was last given or sent
    char buffer_[kMaxPinNoteBytes + 1] = "";
    bool focus_ = false;
};

}  // namespace

std::unique_ptr<Panel> makePinsOverlay(const float& scale) { return std::make_unique<PinsOverlay>(scale); }

}  // namespace dorsal
