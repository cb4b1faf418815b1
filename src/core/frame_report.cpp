#include "core/frame_report.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/atlas.h"

namespace dorsal {

namespace {

const char* roleName(HighlightStyle style) {
    switch (style) {
        case HighlightStyle::Selected: return "selected";
        case HighlightStyle::Primary: return "primary";
        case HighlightStyle::Secondary: return "secondary";
        case HighlightStyle::None: break;
    }
    return "none";
}

nlohmann::json textOrNull(const std::optional<std::string>& text) {
    return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

}  // namespace

std::string frameReportJson(const Model& model, const Content& content, const FrameFacts& facts) {
    nlohmann::json structures = nlohmann::json::array();
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node& node = model.nodes[i];
        if (node.parts.empty()) continue;
        const NodeLook look = i < facts.looks.size() ? facts.looks[i] : NodeLook{};
        const bool seeThrough =
            look.ghost || std::any_of(node.parts.begin(), node.parts.end(), [&](int part) {
                return model.parts[static_cast<std::size_t>(part)].material == MaterialKind::Skin;
            });
        const std::string entry = entryOfNode(model, content, static_cast<int>(i));
        structures.push_back({
            {"node", node.name},
            {"entry", entry.empty() ? nlohmann::json(nullptr) : nlohmann::json(entry)},
            {"visible_pixels", look.visible && i < facts.pixels.size() ? facts.pixels[i] : 0},
            {"role", roleName(look.style)},
            {"see_through", seeThrough},
            {"labelled", std::find(facts.labelled.begin(), facts.labelled.end(), static_cast<int>(i)) !=
                             facts.labelled.end()},
        });
    }
    nlohmann::json pins = nlohmann::json::array();
    for (const PinFact& pin : facts.pins) {
        pins.push_back({{"node", pin.node},
                        {"note", pin.note},
                        {"x", pin.pixel ? nlohmann::json(pin.pixel->x) : nlohmann::json(nullptr)},
                        {"y", pin.pixel ? nlohmann::json(pin.pixel->y) : nlohmann::json(nullptr)},
                        {"seen", pin.seen}});
    }
    const auto rectangle = [](const Viewport& area) {
        return nlohmann::json{{"x", area.x}, {"y", area.y}, {"width", area.width}, {"height", area.height}};
    };
    const nlohmann::json report = {
        {"picture", facts.picture},
        {"width", facts.width},
        {"height", facts.height},
        {"model", facts.model},
        {"entry", textOrNull(facts.entry)},
        {"view", facts.view},
        {"presenting", facts.layout.presenting},
        {"caption", textOrNull(facts.caption)},
        {"scene", rectangle(facts.layout.scene)},
        {"side_panel", rectangle(facts.layout.sidePanel)},
        {"entry_panel", rectangle(facts.layout.entryPanel)},
        {"toolbar", rectangle(facts.layout.toolbar)},
        {"toolbar_fits", facts.toolbarFits},
        {"structures", structures},
        {"pins", pins},
    };
    // Names come from files: anything not UTF-8 is replaced rather than refused.
    return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace dorsal
