// Which of the panels' draw lists can be kept under the 3D view, and when they must be drawn again.
#include <catch2/catch.hpp>

#include <memory>

#include <imgui.h>

#include "ui/panel_layers.h"

using namespace dorsal;

namespace {

// An ImGui context for draw lists, without a frame or a renderer.
struct ImGuiContextScope {
    ImGuiContext* context = ImGui::CreateContext();
    ~ImGuiContextScope() { ImGui::DestroyContext(context); }
};

// A draw list with one filled rectangle from (x0, y0) to (x1, y1), clipped to the whole display,
// as a window's background is.
std::unique_ptr<ImDrawList> rectangle(float x0, float y0, float x1, float y1) {
    auto list = std::make_unique<ImDrawList>(ImGui::GetDrawListSharedData());
    list->_ResetForNewFrame();
    list->PushClipRect(ImVec2(0, 0), ImVec2(1280, 720));
    list->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), IM_COL32(40, 40, 50, 255));
    list->PopClipRect();
    return list;
}

ImDrawData frameOf(std::vector<ImDrawList*>& lists) {
    ImDrawData frame;
    frame.Valid = true;
    frame.CmdLists = lists.data();
    frame.CmdListsCount = static_cast<int>(lists.size());
    frame.DisplaySize = ImVec2(1280, 720);
    frame.FramebufferScale = ImVec2(1, 1);
    return frame;
}

}  // namespace

TEST_CASE("panels beside the view go under it; what meets the view, or lies over it, is drawn each frame", "[panels]") {
    ImGuiContextScope scope;
    const Viewport scene{330, 22, 950, 598};
    const auto side = rectangle(0, 22, 330, 620);      // touches the view's edge, does not enter it
    const auto toolbar = rectangle(0, 620, 1280, 720);
    const auto labels = rectangle(600, 300, 700, 320);  // in the view
    const auto popup = rectangle(300, 100, 400, 200);   // reaches into the view
    const auto later = rectangle(250, 150, 320, 250);   // beside the view, but over the popup
    std::vector<ImDrawList*> lists{side.get(), toolbar.get(), labels.get(), popup.get(), later.get()};
    const ImDrawData frame = frameOf(lists);

    const PanelLayers layers = splitPanelLayers(frame, scene);
    CHECK(layers.under == std::vector<ImDrawList*>{side.get(), toolbar.get()});
    CHECK(layers.over == std::vector<ImDrawList*>{labels.get(), popup.get(), later.get()});

    // The key changes with what the lower layer draws, and only with that.
    const auto changedLabels = rectangle(610, 300, 710, 320);
    std::vector<ImDrawList*> labelsMoved{side.get(), toolbar.get(), changedLabels.get(), popup.get(), later.get()};
    CHECK(splitPanelLayers(frameOf(labelsMoved), scene).underKey == layers.underKey);
    const auto changedSide = rectangle(0, 22, 320, 620);
    std::vector<ImDrawList*> sideNarrower{changedSide.get(), toolbar.get(), labels.get(), popup.get(), later.get()};
    CHECK(splitPanelLayers(frameOf(sideNarrower), scene).underKey != layers.underKey);

    // A layer is the frame with only its lists.
    std::vector<ImDrawList*> under = layers.under;
    const ImDrawData layer = panelLayer(frame, under);
    CHECK(layer.CmdListsCount == 2);
    CHECK(layer.TotalVtxCount == side->VtxBuffer.Size + toolbar->VtxBuffer.Size);
    CHECK(layer.DisplaySize.x == 1280.0f);
}

TEST_CASE("with the panels hidden, the view fills the frame and nothing is kept", "[panels]") {
    ImGuiContextScope scope;
    const auto toolbar = rectangle(0, 620, 1280, 720);
    std::vector<ImDrawList*> lists{toolbar.get()};
    const PanelLayers layers = splitPanelLayers(frameOf(lists), Viewport{0, 0, 1280, 720});
    CHECK(layers.under.empty());
    CHECK(layers.over.size() == 1);
}
