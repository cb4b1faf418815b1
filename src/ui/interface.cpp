#include "ui/interface.h"

#include <cctype>
#include <cmath>
#include <filesystem>

#include <imgui.h>

#include "ui/panels.h"

namespace dorsal {

namespace {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";
constexpr float kBodyPixels = 16.0f;
constexpr float kTitlePixels = 22.0f;

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
    colours[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    colours[ImGuiCol_Header] = ImVec4(0.10f, 0.45f, 0.70f, 0.45f);
    colours[ImGuiCol_HeaderHovered] = ImVec4(0.10f, 0.55f, 0.85f, 0.55f);
    colours[ImGuiCol_HeaderActive] = ImVec4(0.10f, 0.60f, 0.95f, 0.70f);
    style.ScaleAllSizes(scale);
}

// Loads DejaVu Sans in three faces; returns a warning when it had to fall back to ImGui's font.
std::string loadFonts(float scale, Fonts& fonts) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::filesystem::path regular = std::filesystem::path(kFontDir) / "DejaVuSans.ttf";
    const std::filesystem::path bold = std::filesystem::path(kFontDir) / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    if (std::filesystem::exists(regular, ec) && std::filesystem::exists(bold, ec)) {
        // Latin with the typographic punctuation the content uses (dashes, quotes, the middle dot).
        static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};
        fonts.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), std::round(kBodyPixels * scale), nullptr, ranges);
        fonts.heading = io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(kBodyPixels * scale), nullptr, ranges);
        fonts.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(kTitlePixels * scale), nullptr, ranges);
        if (fonts.body && fonts.heading && fonts.title) return {};
        io.Fonts->Clear();
    }
    ImFontConfig config;
    config.SizePixels = std::round(13.0f * scale);
    fonts.body = fonts.heading = fonts.title = io.Fonts->AddFontDefault(&config);
    return "font " + regular.string() + " not found; using ImGui's built-in font (install fonts-dejavu-core)";
}

}  // namespace

bool beginFixedWindow(const char* name, const Viewport& area) {
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(area.x), static_cast<float>(area.y)));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(area.width), static_cast<float>(area.height)));
    return ImGui::Begin(name, nullptr,
                        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                            ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoSavedSettings);
}

void entryLink(UiFrame& frame, const std::string& id, const std::string& label) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.78f, 1.0f, 1.0f));
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImVec2 max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), max, IM_COL32(115, 200, 255, 255));
    }
    if (ImGui::IsItemClicked()) frame.requests.emplace_back(request::OpenEntry{id, Origin::LookUp});
}

std::string commandTooltip(const CommandInfo& command) {
    std::string text(command.help);
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    const std::string keys = keysText(command);
    return keys.empty() ? text : text + " (" + keys + ")";
}

Interface::Interface(float uiScale) : scale_(uiScale) {
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
    applyStyle(uiScale);
    fontWarning_ = loadFonts(uiScale, fonts_);
    // The labels first: they lie under every panel.
    panels_.push_back(makePainMapOverlay(uiScale));
    panels_.push_back(makeLabelsOverlay(uiScale));
    panels_.push_back(makePinsOverlay(uiScale));
    panels_.push_back(makeMenuBar());
    panels_.push_back(makeSidePanel(fonts_, uiScale));
    panels_.push_back(makeEntryPanel(fonts_, uiScale));
    panels_.push_back(makeViewToolbar(uiScale));
    panels_.push_back(makeMessagesPanel(uiScale));
    panels_.push_back(makeHelpPanel(fonts_));
    panels_.push_back(makeOpenModelDialog(uiScale));
    panels_.push_back(makeHandoutDialog(uiScale));
    panels_.push_back(makeSceneDialog(uiScale));
}

Interface::~Interface() = default;

void Interface::draw(UiFrame& frame) {
    for (const std::unique_ptr<Panel>& panel : panels_) panel->draw(frame);
}

}  // namespace dorsal
