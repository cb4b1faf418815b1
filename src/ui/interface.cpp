#include "ui/interface.h"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include <imgui.h>

namespace dorsal {

namespace {

constexpr const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr float kFontPixels = 16.0f;

void applyStyle(float scale) {
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(12.0f, 12.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = ImVec4(0.105f, 0.115f, 0.135f, 0.97f);
    colours[ImGuiCol_Header] = ImVec4(0.10f, 0.45f, 0.70f, 0.45f);
    colours[ImGuiCol_HeaderHovered] = ImVec4(0.10f, 0.55f, 0.85f, 0.55f);
    colours[ImGuiCol_HeaderActive] = ImVec4(0.10f, 0.60f, 0.95f, 0.70f);
    style.ScaleAllSizes(scale);
}

// Loads DejaVu Sans at the right size for the screen; returns a warning when it had to fall back.
std::string loadFont(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    std::error_code ec;
    if (std::filesystem::exists(kFontPath, ec) &&
        io.Fonts->AddFontFromFileTTF(kFontPath, std::round(kFontPixels * scale)) != nullptr) {
        return {};
    }
    ImFontConfig config;
    config.SizePixels = std::round(13.0f * scale);
    io.Fonts->AddFontDefault(&config);
    return std::string("font ") + kFontPath +
           " not found; using ImGui's built-in font (install fonts-dejavu-core for readable text)";
}

// Shows the model's named nodes as a tree; a click highlights a node in 3D.
class ModelTreePanel : public Panel {
public:
    explicit ModelTreePanel(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        const Viewport scene = sceneViewport(frame.width, frame.height, true, scale_);
        ImGui::SetNextWindowPos(ImVec2(0.0f, 0.0f));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(scene.x), static_cast<float>(frame.height)));
        ImGui::Begin("Dorsal", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted("Dorsal");
        ImGui::SameLine();
        ImGui::TextDisabled("back and posture muscles");
        ImGui::Separator();

        drawOpenRow(frame);
        if (!frame.loadingWhat.empty()) {
            const int dots = static_cast<int>(ImGui::GetTime() * 3.0) % 4;
            ImGui::Text("Loading %s%.*s", frame.loadingWhat.c_str(), dots, "...");
        }
        if (frame.model) {
            const Model& model = *frame.model;
            ImGui::TextDisabled("%s", std::filesystem::path(model.sourcePath).filename().string().c_str());
            ImGui::TextDisabled("%zu structures, %zu triangles", model.nodes.size(), model.triangleCount());
            if (frame.view->selectedNode >= 0) {
                const Node& selected = model.nodes[static_cast<std::size_t>(frame.view->selectedNode)];
                ImGui::Text("Selected: %s", nodeDisplayName(selected.name).c_str());
                if (ImGui::SmallButton("Frame it")) frame.frameSelection = true;
                ImGui::SameLine();
                if (ImGui::SmallButton("Clear")) frame.view->selectedNode = -1;
            } else {
                ImGui::TextDisabled("Click a name to highlight it.");
            }
            ImGui::Separator();
            ImGui::BeginChild("tree");
            if (!model.nodes.empty()) drawNode(model, 0, *frame.view, true);
            ImGui::EndChild();
        }
        ImGui::End();
    }

private:
    void drawOpenRow(UiFrame& frame) {
        ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Open").x - ImGui::GetStyle().FramePadding.x * 2.0f -
                                ImGui::GetStyle().ItemSpacing.x);
        const bool entered = ImGui::InputTextWithHint("##path", "model file (.glb, .obj, ...)", pathBuffer_,
                                                      sizeof(pathBuffer_), ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::Button("Open") || entered) && pathBuffer_[0] != '\0') {
            frame.openModel = std::filesystem::path(pathBuffer_);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open a model file; you can also drop one onto the window");
    }

    // Nodes without geometry and with a single child are skipped to keep the tree shallow.
    void drawNode(const Model& model, int index, ViewState& view, bool isRoot) {
        const Node& node = model.nodes[static_cast<std::size_t>(index)];
        if (isRoot && node.parts.empty() && node.children.size() == 1) {
            drawNode(model, node.children.front(), view, true);
            return;
        }
        ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
        if (node.children.empty()) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
        if (isRoot) flags |= ImGuiTreeNodeFlags_DefaultOpen;
        if (view.selectedNode == index) flags |= ImGuiTreeNodeFlags_Selected;
        ImGui::PushID(index);
        const bool open = ImGui::TreeNodeEx("node", flags, "%s", nodeDisplayName(node.name).c_str());
        if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
            view.selectedNode = view.selectedNode == index ? -1 : index;
        }
        if (open && !node.children.empty()) {
            for (int child : node.children) drawNode(model, child, view, false);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    float scale_;
    char pathBuffer_[1024] = "";
};

// Errors and warnings across the top of the 3D view, each dismissible.
class MessagesPanel : public Panel {
public:
    explicit MessagesPanel(float scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.messages || frame.messages->empty()) return;
        const Viewport scene = sceneViewport(frame.width, frame.height, true, scale_);
        const float margin = 12.0f * scale_;
        ImGui::SetNextWindowPos(ImVec2(static_cast<float>(scene.x) + margin, margin));
        ImGui::SetNextWindowSize(ImVec2(static_cast<float>(scene.width) - 2.0f * margin, 0.0f));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.45f, 0.12f, 0.10f, 0.95f));
        ImGui::Begin("Messages", nullptr,
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoTitleBar |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
        std::vector<std::string>& messages = *frame.messages;
        for (std::size_t i = 0; i < messages.size();) {
            ImGui::PushID(static_cast<int>(i));
            const bool dismiss = ImGui::SmallButton("x");
            ImGui::SameLine();
            ImGui::TextWrapped("%s", messages[i].c_str());
            ImGui::PopID();
            if (dismiss) {
                messages.erase(messages.begin() + static_cast<std::ptrdiff_t>(i));
            } else {
                ++i;
            }
        }
        ImGui::End();
        ImGui::PopStyleColor();
    }

private:
    float scale_;
};

}  // namespace

Interface::Interface(float uiScale) : scale_(uiScale) {
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
    applyStyle(uiScale);
    fontWarning_ = loadFont(uiScale);
    panels_.push_back(std::make_unique<ModelTreePanel>(uiScale));
    panels_.push_back(std::make_unique<MessagesPanel>(uiScale));
}

Interface::~Interface() = default;

void Interface::draw(UiFrame& frame) {
    for (const std::unique_ptr<Panel>& panel : panels_) panel->draw(frame);
}

}  // namespace dorsal
