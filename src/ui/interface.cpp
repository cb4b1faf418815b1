#include "ui/interface.h"

#include <cctype>
#include <cmath>
#include <filesystem>

#include <imgui.h>

#include "ui/colours.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

constexpr const char* kFontDir = "/usr/share/fonts/truetype/dejavu/";
constexpr float kTitleToBody = 22.0f / 16.0f;

ImVec4 imguiColour(glm::vec3 colour, float alpha = 1.0f) { return ImVec4(colour.r, colour.g, colour.b, alpha); }

void applyStyle(float scale) {
    // From the defaults each time, as ScaleAllSizes multiplies what is there.
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.WindowBorderSize = 0.0f;
    style.WindowPadding = ImVec2(12.0f, 12.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = imguiColour(UiColours::kPanel, 0.97f);
    colours[ImGuiCol_Text] = imguiColour(UiColours::kText);
    colours[ImGuiCol_TextDisabled] = imguiColour(UiColours::kSecondaryText);
    colours[ImGuiCol_ChildBg] = ImVec4(0.0f, 0.0f, 0.0f, 0.0f);
    colours[ImGuiCol_Header] = ImVec4(0.10f, 0.45f, 0.70f, 0.45f);
    colours[ImGuiCol_HeaderHovered] = ImVec4(0.10f, 0.55f, 0.85f, 0.55f);
    colours[ImGuiCol_HeaderActive] = ImVec4(0.10f, 0.60f, 0.95f, 0.70f);
    style.ScaleAllSizes(scale);
}

// Loads DejaVu Sans in the faces and sizes of `fonts` for body text of `bodyPixels`; returns a
// warning when it had to fall back to ImGui's font.
std::string loadFonts(float bodyPixels, float presentationScale, Fonts& fonts) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const std::filesystem::path regular = std::filesystem::path(kFontDir) / "DejaVuSans.ttf";
    const std::filesystem::path bold = std::filesystem::path(kFontDir) / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    if (std::filesystem::exists(regular, ec) && std::filesystem::exists(bold, ec)) {
        // Latin with the typographic punctuation the content uses (dashes, quotes, the middle dot).
        static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0};
        const float body = std::round(bodyPixels);
        const float large = std::round(bodyPixels * presentationScale);
        fonts.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), body, nullptr, ranges);
        fonts.heading = io.Fonts->AddFontFromFileTTF(bold.c_str(), body, nullptr, ranges);
        fonts.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(body * kTitleToBody), nullptr, ranges);
        fonts.presentation = io.Fonts->AddFontFromFileTTF(regular.c_str(), large, nullptr, ranges);
        fonts.caption = io.Fonts->AddFontFromFileTTF(bold.c_str(), std::round(large * kTitleToBody), nullptr, ranges);
        if (fonts.body && fonts.heading && fonts.title && fonts.presentation && fonts.caption) return {};
        io.Fonts->Clear();
    }
    ImFontConfig config;
    config.SizePixels = std::round(13.0f / Settings::kDefaultFontSize * bodyPixels);
    fonts.body = fonts.heading = fonts.title = fonts.presentation = fonts.caption = io.Fonts->AddFontDefault(&config);
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
    ImGui::PushStyleColor(ImGuiCol_Text, imguiColour(UiColours::kLink));
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

Interface::Interface(float screenScale, float fontSize, float presentationScale)
    : screenScale_(screenScale), scale_(screenScale) {
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember between runs
    setTextSize(fontSize, presentationScale);
    // The labels first: they lie under every panel.
    panels_.push_back(makePainMapOverlay(scale_));
    panels_.push_back(makeLabelsOverlay(fonts_, scale_));
    panels_.push_back(makePinsOverlay(scale_));
    panels_.push_back(makeCaptionOverlay(fonts_, scale_));
    panels_.push_back(makeMenuBar());
    panels_.push_back(makeSidePanel(fonts_, scale_));
    panels_.push_back(makeEntryPanel(fonts_, scale_));
    panels_.push_back(makeViewToolbar(scale_));
    panels_.push_back(makeMessagesPanel(scale_));
    panels_.push_back(makeHelpPanel(fonts_));
    panels_.push_back(makeSettingsPanel(scale_));
    panels_.push_back(makeOpenModelDialog(scale_));
    panels_.push_back(makeSavePictureDialog(scale_));
    panels_.push_back(makeHandoutDialog(scale_));
    panels_.push_back(makeSceneDialog(scale_));
}

void Interface::setTextSize(float fontSize, float presentationScale) {
    scale_ = screenScale_ * Settings::clampFontSize(fontSize) / Settings::kDefaultFontSize;
    applyStyle(scale_);
    fontWarning_ = loadFonts(Settings::kDefaultFontSize * scale_, presentationScale, fonts_);
}

Interface::~Interface() = default;

void Interface::draw(UiFrame& frame) {
    for (const std::unique_ptr<Panel>& panel : panels_) panel->draw(frame);
}

}  // namespace dorsal
