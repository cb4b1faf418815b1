#include "ui/panel_layers.h"

#include <algorithm>
#include <cfloat>

namespace dorsal {

namespace {

struct Rect {
    ImVec2 min{0.0f, 0.0f};
    ImVec2 max{0.0f, 0.0f};
    bool meets(const Rect& other) const {
        return min.x < other.max.x && other.min.x < max.x && min.y < other.max.y && other.min.y < max.y;
    }
};

// The rectangles a list draws in: for each command, the box of its triangles within its clip
// rectangle. (A window's background is clipped to the whole display, not to the window.)
std::vector<Rect> drawnRects(const ImDrawList& list) {
    std::vector<Rect> rects;
    for (const ImDrawCmd& command : list.CmdBuffer) {
        const Rect clip{{command.ClipRect.x, command.ClipRect.y}, {command.ClipRect.z, command.ClipRect.w}};
        if (command.UserCallback != nullptr) {
            rects.push_back(clip);  // draws what it likes
            continue;
        }
        if (command.ElemCount == 0) continue;
        Rect box{{FLT_MAX, FLT_MAX}, {-FLT_MAX, -FLT_MAX}};
        for (unsigned int i = command.IdxOffset; i < command.IdxOffset + command.ElemCount; ++i) {
            const ImVec2& at = list.VtxBuffer[static_cast<int>(command.VtxOffset + list.IdxBuffer[static_cast<int>(i)])].pos;
            box.min = ImVec2(std::min(box.min.x, at.x), std::min(box.min.y, at.y));
            box.max = ImVec2(std::max(box.max.x, at.x), std::max(box.max.y, at.y));
        }
        box.min = ImVec2(std::max(box.min.x, clip.min.x), std::max(box.min.y, clip.min.y));
        box.max = ImVec2(std::min(box.max.x, clip.max.x), std::min(box.max.y, clip.max.y));
        if (box.min.x < box.max.x && box.min.y < box.max.y) rects.push_back(box);
    }
    return rects;
}

template <typename T>
void appendBytes(std::string& key, const T* data, std::size_t count) {
    key.append(reinterpret_cast<const char*>(data), count * sizeof(T));
}

void appendList(std::string& key, const ImDrawList& list) {
    appendBytes(key, list.VtxBuffer.Data, static_cast<std::size_t>(list.VtxBuffer.Size));
    appendBytes(key, list.IdxBuffer.Data, static_cast<std::size_t>(list.IdxBuffer.Size));
    for (const ImDrawCmd& command : list.CmdBuffer) {
        appendBytes(key, &command.ClipRect, 1);
        appendBytes(key, &command.TextureId, 1);
        appendBytes(key, &command.VtxOffset, 1);
        appendBytes(key, &command.IdxOffset, 1);
        appendBytes(key, &command.ElemCount, 1);
        appendBytes(key, &command.UserCallback, 1);
        appendBytes(key, &command.UserCallbackData, 1);
    }
}

}  // namespace

PanelLayers splitPanelLayers(const ImDrawData& frame, const Viewport& scene) {
    PanelLayers layers;
    // From frame pixels to ImGui's display units.
    const ImVec2 scale = frame.FramebufferScale.x > 0.0f && frame.FramebufferScale.y > 0.0f ? frame.FramebufferScale
                                                                                             : ImVec2(1.0f, 1.0f);
    const Rect sceneRect{
        {frame.DisplayPos.x + static_cast<float>(scene.x) / scale.x, frame.DisplayPos.y + static_cast<float>(scene.y) / scale.y},
        {frame.DisplayPos.x + static_cast<float>(scene.x + scene.width) / scale.x,
         frame.DisplayPos.y + static_cast<float>(scene.y + scene.height) / scale.y}};
    std::vector<Rect> upper{sceneRect};  // what a lower-layer list must keep clear of
    appendBytes(layers.underKey, &frame.DisplayPos, 1);
    appendBytes(layers.underKey, &frame.DisplaySize, 1);
    appendBytes(layers.underKey, &frame.FramebufferScale, 1);
    for (int i = 0; i < frame.CmdListsCount; ++i) {
        ImDrawList* list = frame.CmdLists[i];
        const std::vector<Rect> rects = drawnRects(*list);
        const bool meetsUpper = std::any_of(rects.begin(), rects.end(), [&](const Rect& rect) {
            return std::any_of(upper.begin(), upper.end(), [&](const Rect& other) { return rect.meets(other); });
        });
        if (meetsUpper) {
            layers.over.push_back(list);
            upper.insert(upper.end(), rects.begin(), rects.end());
        } else {
            layers.under.push_back(list);
            appendList(layers.underKey, *list);
        }
    }
    return layers;
}

ImDrawData panelLayer(const ImDrawData& frame, std::vector<ImDrawList*>& lists) {
    ImDrawData layer = frame;
    layer.CmdLists = lists.data();
    layer.CmdListsCount = static_cast<int>(lists.size());
    layer.TotalVtxCount = 0;
    layer.TotalIdxCount = 0;
    for (const ImDrawList* list : lists) {
        layer.TotalVtxCount += list->VtxBuffer.Size;
        layer.TotalIdxCount += list->IdxBuffer.Size;
    }
    return layer;
}

}  // namespace dorsal
