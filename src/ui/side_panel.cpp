#include <algorithm>
#include <cstring>

#include <imgui.h>

#include "core/atlas.h"
#include "core/data_paths.h"
#include "core/where.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

constexpr std::size_t kMaxResults = 40;

class SidePanel : public Panel {
public:
    SidePanel(const Fonts& fonts, const float& scale) : fonts_(fonts), scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (frame.layout.sidePanel.width <= 0) return;
        beginFixedWindow("Dorsal", frame.layout.sidePanel);
        ImGui::PushFont(fonts_.heading);
        ImGui::TextUnformatted("Dorsal");
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("back and posture muscles");
        drawModelRow(frame);
        drawSearchBox(frame);
        if (!frame.loading.empty()) drawLoading(frame);
        ImGui::Separator();

        ImGui::BeginChild("browse");
        if (query_[0] != '\0') {
            drawResults(frame);
        } else {
            drawBrowse(frame);
        }
        ImGui::EndChild();
        ImGui::End();
    }

private:
    // The model on show and how to open another, above what scrolls so that it stays in sight.
    void drawModelRow(UiFrame& frame) {
        const std::string name =
            frame.model() ? std::filesystem::path(frame.model()->sourcePath).filename().string() : std::string("no model");
        const float openWidth = ImGui::CalcTextSize("Open model...").x + 2.0f * ImGui::GetStyle().FramePadding.x;
        const bool anyRecent = frame.settings && !frame.settings->recentModels.paths().empty();
        const float recentWidth = anyRecent ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x : 0.0f;
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("Model:");
        ImGui::SameLine();
        const float nameWidth = ImGui::GetContentRegionAvail().x - openWidth - recentWidth - ImGui::GetStyle().ItemSpacing.x;
        ImGui::PushClipRect(ImGui::GetCursorScreenPos(),
                            ImVec2(ImGui::GetCursorScreenPos().x + nameWidth, ImGui::GetCursorScreenPos().y + 100.0f), true);
        ImGui::TextUnformatted(name.c_str());
        ImGui::PopClipRect();
        if (ImGui::IsItemHovered() && frame.model()) ImGui::SetTooltip("%s", frame.model()->sourcePath.c_str());
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - openWidth - recentWidth);
        if (ImGui::Button("Open model...")) frame.run(CommandId::OpenModel);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", commandTooltip(commandInfo(CommandId::OpenModel)).c_str());
        if (!anyRecent) return;
        ImGui::SameLine();
        if (ImGui::ArrowButton("recent", ImGuiDir_Down)) ImGui::OpenPopup("recent models");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Recent models");
        if (ImGui::BeginPopup("recent models")) {
            if (ImGui::Selectable("Built-in model")) frame.openModel = builtInModelPath();
            ImGui::Separator();
            for (const std::filesystem::path& path : frame.settings->recentModels.paths()) {
                if (ImGui::Selectable(path.filename().string().c_str())) frame.openModel = path;
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", path.c_str());
            }
            ImGui::EndPopup();
        }
    }

    void drawSearchBox(UiFrame& frame) {
        if (frame.focusSearch) ImGui::SetKeyboardFocusHere();
        const float clearWidth = query_[0] != '\0' ? ImGui::GetFrameHeight() + ImGui::GetStyle().ItemSpacing.x : 0.0f;
        ImGui::SetNextItemWidth(clearWidth > 0.0f ? -clearWidth : -1.0f);
        const bool entered = ImGui::InputTextWithHint("##search", "Search: muscle, pain, stretch (Ctrl+F)", query_,
                                                      sizeof(query_), ImGuiInputTextFlags_EnterReturnsTrue |
                                                                          ImGuiInputTextFlags_AutoSelectAll);
        // Esc empties the box (ImGui's own Esc only undoes the last edit).
        if (ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) query_[0] = '\0';
        const bool active = ImGui::IsItemActive() || entered;
        if (clearWidth > 0.0f) {
            ImGui::SameLine();
            if (ImGui::Button("x##clear", ImVec2(ImGui::GetFrameHeight(), 0.0f))) query_[0] = '\0';
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear the search (Esc in the box)");
        }
        if (std::strcmp(query_, lastQuery_.c_str()) != 0) {
            lastQuery_ = query_;
            answer_ = frame.search().search(query_, kMaxResults);
            cursor_ = 0;
        }
        const std::vector<SearchResult>& results = answer_.results;
        if (active && !results.empty()) {
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) cursor_ = std::min(cursor_ + 1, results.size() - 1);
            if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) && cursor_ > 0) --cursor_;
        }
        if (entered && !results.empty()) {
            open(frame, results[cursor_].id);
            ImGui::SetKeyboardFocusHere(-1);  // keep typing after Enter
        }
    }

    static void open(UiFrame& frame, const std::string& id) {
        frame.requests.emplace_back(request::OpenEntry{id, Origin::LookUp});
    }

    // A model loading in the background: its name, a progress bar and a way to stop it.
    void drawLoading(UiFrame& frame) {
        // A folder is a BodyParts3D import, which takes longer than a load and says so.
        std::error_code ec;
        const bool importing = std::filesystem::is_directory(frame.loading, ec);
        ImGui::TextWrapped(importing ? "Importing %s (BodyParts3D)" : "Loading %s", frame.loading.filename().string().c_str());
        ImGui::ProgressBar(frame.loadingProgress, ImVec2(-ImGui::CalcTextSize("Cancel").x - 24.0f * scale_, 0.0f));
        ImGui::SameLine();
        if (ImGui::SmallButton("Cancel")) frame.cancelLoading = true;
    }

    // First what the query names that the atlas lacks, with the nearest entries to open instead;
    // then the results grouped by kind, the groups in the order of their best result.
    void drawResults(UiFrame& frame) {
        for (std::size_t a = 0; a < answer_.absent.size(); ++a) {
            const AbsentResult& absent = answer_.absent[a];
            ImGui::PushID(static_cast<int>(a));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.80f, 0.45f, 1.0f));
            ImGui::TextWrapped("%s.", absent.sentence().c_str());
            ImGui::PopStyleColor();
            if (!absent.nearest.empty()) ImGui::TextDisabled("Nearest in the atlas:");
            for (const SearchResult& nearest : absent.nearest) {
                ImGui::Indent();
                entryLink(frame, nearest.id, nearest.title);
                ImGui::Unindent();
            }
            ImGui::PopID();
            ImGui::Spacing();
        }
        const std::vector<SearchResult>& results = answer_.results;
        if (results.empty()) {
            if (!answer_.absent.empty()) return;
            ImGui::TextDisabled("Nothing found for \"%s\".", query_);
            ImGui::TextWrapped("Try a muscle (\"psoas\"), a nickname (\"lats\"), where it hurts (\"my lower back "
                               "hurts\") or a stretch (\"chin tuck\").");
            return;
        }
        std::vector<EntryKind> kinds;
        for (const SearchResult& r : results) {
            if (std::find(kinds.begin(), kinds.end(), r.kind) == kinds.end()) kinds.push_back(r.kind);
        }
        for (EntryKind kind : kinds) {
            ImGui::PushFont(fonts_.heading);
            ImGui::TextDisabled("%s", groupTitle(kind));
            ImGui::PopFont();
            for (std::size_t i = 0; i < results.size(); ++i) {
                const SearchResult& r = results[i];
                if (r.kind != kind) continue;
                ImGui::PushID(static_cast<int>(i));
                const std::string label = r.matched.empty() ? r.title : r.title + "  (" + r.matched + ")";
                if (ImGui::Selectable(label.c_str(), i == cursor_)) {
                    cursor_ = i;
                    open(frame, r.id);
                }
                if (i == cursor_ && ImGui::IsItemVisible() == false) ImGui::SetScrollHereY();
                ImGui::PopID();
            }
            ImGui::Spacing();
        }
    }

    static const char* groupTitle(EntryKind kind) {
        switch (kind) {
            case EntryKind::Muscle: return "Muscles";
            case EntryKind::Group: return "Muscle groups";
            case EntryKind::Pain: return "Pain patterns";
            case EntryKind::Technique: return "Massage techniques";
            case EntryKind::Stretch: return "Stretches and exercises";
            case EntryKind::Guide: return "Guides";
            default: return "Other";
        }
    }

    void drawBrowse(UiFrame& frame) {
        const Content& content = frame.content();
        if (ImGui::CollapsingHeader("Where does it hurt?", ImGuiTreeNodeFlags_DefaultOpen)) {
            // The safety line never just disappears: without the safety file it says so, in red.
            const bool safetyLoaded = !content.safety.failure;
            ImGui::PushStyleColor(ImGuiCol_Text, safetyLoaded ? ImVec4(0.95f, 0.80f, 0.45f, 1.0f)
                                                               : ImVec4(1.0f, 0.45f, 0.40f, 1.0f));
            ImGui::TextWrapped("%s", safetyLoaded
                                         ? "Education, not diagnosis. Open a pain pattern for when to see a clinician."
                                         : "Education, not diagnosis. The safety information could not be loaded: "
                                           "see a clinician about any warning sign.");
            ImGui::PopStyleColor();
            if (frame.atlas->whereMode()) {
                drawWhere(frame);
            } else {
                if (ImGui::Button("Point to it on the body")) frame.run(CommandId::WhereItHurts);
                if (ImGui::IsItemHovered()) {
                    ImGui::SetTooltip("%s", commandTooltip(commandInfo(CommandId::WhereItHurts)).c_str());
                }
                std::vector<const PainPattern*> pains;
                for (const PainPattern& pain : content.pains) pains.push_back(&pain);
                std::sort(pains.begin(), pains.end(),
                          [](const PainPattern* a, const PainPattern* b) { return a->name < b->name; });
                for (const PainPattern* pain : pains) entryLink(frame, pain->id, pain->name);
            }
        }
        if (frame.model() && ImGui::CollapsingHeader("Structures", ImGuiTreeNodeFlags_DefaultOpen)) {
            const Model& model = *frame.model();
            ImGui::TextDisabled("%s: %zu structures", std::filesystem::path(model.sourcePath).filename().string().c_str(),
                                model.nodes.size());
            if (!model.nodes.empty()) drawNode(frame, 0, true);
        }
        if (ImGui::CollapsingHeader("Guides")) {
            for (const Guide& guide : content.guides) entryLink(frame, guide.id, guide.name);
        }
        const std::vector<ContentProblem>& problems = frame.atlas->problems();
        if (!problems.empty()) {
            const std::string header = "Content problems (" + std::to_string(problems.size()) + ")";
            if (ImGui::CollapsingHeader(header.c_str())) {
                // A broken folder can hold thousands: the first ones, then where to read the rest.
                constexpr std::size_t kShown = 200;
                for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) {
                    ImGui::TextWrapped("%s%s", problems[i].skipped ? "[skipped] " : "", problems[i].format().c_str());
                }
                if (problems.size() > kShown) {
                    ImGui::TextDisabled("... and %zu more: dorsal check lists them all.", problems.size() - kShown);
                }
            }
        }
    }

    // "Where does it hurt?": the areas marked on the body (or chosen from the list), then what can
    // cause pain there, each one click from its entry.
    void drawWhere(UiFrame& frame) {
        const AtlasState& atlas = *frame.atlas;
        const Content& content = frame.content();
        ImGui::TextWrapped("Click or brush the body where it hurts (Ctrl adds; right drag turns the model), or "
                           "choose the area below.");
        const std::vector<RegionOnSide>& marked = atlas.markedRegions();
        if (ImGui::TreeNode("regions", "Areas (%zu marked)", marked.size())) {
            for (const Region& region : content.regions) {
                const std::vector<std::string> sides =
                    region.side == "both" ? std::vector<std::string>{"left", "right"} : std::vector<std::string>{"midline"};
                for (const std::string& side : sides) {
                    const RegionOnSide option{region.id, side};
                    bool on = std::find(marked.begin(), marked.end(), option) != marked.end();
                    ImGui::PushID((region.id + side).c_str());
                    if (ImGui::Checkbox(regionOnSideName(content, option).c_str(), &on)) {
                        frame.requests.emplace_back(request::ToggleRegion{option});
                    }
                    ImGui::PopID();
                }
            }
            ImGui::TreePop();
        }
        if (ImGui::SmallButton("Done")) frame.run(CommandId::WhereItHurts);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", commandTooltip(commandInfo(CommandId::WhereItHurts)).c_str());
        if (marked.empty()) return;
        std::string names;
        for (const RegionOnSide& region : marked) names += (names.empty() ? "" : ", ") + regionOnSideName(content, region);
        ImGui::PushFont(fonts_.heading);
        ImGui::TextWrapped("%s", names.c_str());
        ImGui::PopFont();
        const std::vector<WhereResult> results = atlas.whereResults();
        for (const auto& [kind, title] : {std::pair{EntryKind::Pain, "Pain felt here"},
                                          std::pair{EntryKind::Muscle, "Muscles that can send pain here"}}) {
            ImGui::TextDisabled("%s", title);
            bool any = false;
            for (const WhereResult& result : results) {
                if (result.kind != kind) continue;
                any = true;
                ImGui::PushID(result.id.c_str());
                entryLink(frame, result.id, content.nameOf(result.id));
                ImGui::PopID();
                ImGui::Indent();
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                ImGui::TextWrapped("%s", result.why.c_str());
                ImGui::PopStyleColor();
                ImGui::Unindent();
            }
            if (!any) ImGui::TextWrapped("None in this atlas.");
        }
    }

    // Nodes without geometry and with a single child are skipped to keep the tree shallow (a
    // loop, not recursion: such a chain may be a thousand long). Below that, drawing recurses only
    // into nodes the user opened.
    void drawNode(UiFrame& frame, int index, bool isRoot) {
        const Model& model = *frame.model();
        while (isRoot && model.nodes[static_cast<std::size_t>(index)].parts.empty() &&
               model.nodes[static_cast<std::size_t>(index)].children.size() == 1) {
            index = model.nodes[static_cast<std::size_t>(index)].children.front();
        }
        const Node& node = model.nodes[static_cast<std::size_t>(index)];
        if (isRoot && node.parts.empty()) {
            for (int child : node.children) drawNode(frame, child, false);
            return;
        }
        const Highlight& highlight = frame.atlas->highlight();
        ImGuiTreeNodeFlags flags = ImGuiTreeNodeFlags_OpenOnArrow | ImGuiTreeNodeFlags_SpanAvailWidth;
        if (node.children.empty()) flags |= ImGuiTreeNodeFlags_Leaf | ImGuiTreeNodeFlags_NoTreePushOnOpen;
        if (std::find(highlight.selected.begin(), highlight.selected.end(), index) != highlight.selected.end()) {
            flags |= ImGuiTreeNodeFlags_Selected;
        }
        ImGui::PushID(index);
        const std::string label = displayNameOfNode(model, frame.content(), index);
        // Hidden structures read greyed out, so that the tree also shows what is on show.
        const std::vector<int>& hidden = frame.view().hidden;
        const bool isHidden = std::find(hidden.begin(), hidden.end(), index) != hidden.end();
        if (isHidden) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        const bool open = ImGui::TreeNodeEx("node", flags, "%s%s", label.c_str(), isHidden ? " (hidden)" : "");
        if (isHidden) ImGui::PopStyleColor();
        if (ImGui::IsItemClicked() && !ImGui::IsItemToggledOpen()) {
            frame.requests.emplace_back(request::ClickNode{index, ImGui::GetIO().KeyCtrl});
        }
        // Right-click: hide, show again or isolate this one structure (or group).
        if (ImGui::BeginPopupContextItem("structure")) {
            if (ImGui::MenuItem(isHidden ? "Show" : "Hide")) frame.requests.emplace_back(request::ToggleHidden{index});
            if (ImGui::MenuItem("Isolate")) frame.requests.emplace_back(request::IsolateNode{index});
            ImGui::EndPopup();
        }
        if (open && !node.children.empty()) {
            for (int child : node.children) drawNode(frame, child, false);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    const Fonts& fonts_;
    const float& scale_;  // the interface's, which follows the font size
    char query_[256] = "";
    std::string lastQuery_;
    SearchAnswer answer_;
    std::size_t cursor_ = 0;
};

}  // namespace

std::unique_ptr<Panel> makeSidePanel(const Fonts& fonts, const float& scale) { return std::make_unique<SidePanel>(fonts, scale); }

}  // namespace dorsal
