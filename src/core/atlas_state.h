#pragma once
// The one state of an atlas session and every command that changes it: what is on show (the open
// entry and the clicked structures), the highlight that follows from it, the view modes, the
// history, the camera and its goal, and the messages for the user. The window, the offscreen
// renderer and the command line all drive this class, so they cannot disagree; it needs no
// OpenGL, so every rule here has unit tests.
//
// The rules:
// - The highlight is always derived from what is on show: the open entry's structures, or the
//   structures clicked (which replace the entry's own selection but keep a pain pattern's
//   related muscles). Nothing else writes it.
// - A look-up (search, a link, --select) or a step through the history turns the camera to the
//   view from which what it shows is best seen, and frames it. A click does not move the camera.
// - Whatever covers the highlighted muscles from the eye is drawn see-through (the cutaway), the
//   most important muscles first: a pain pattern's first primary muscle is never hidden by a later
//   one, and a secondary muscle never hides a primary one. The app chooses what is see-through
//   afresh for whatever is shown and wherever the eye is; the user can turn the cutaway off, and
//   x-ray (everything see-through) is the user's alone.
// - Isolation shows only the highlight, whatever is highlighted next; it ends when nothing is.
// - Back and forward restore exactly what was on show, including a single clicked side; Esc
//   clears what is on show and Back brings it back.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <glm/glm.hpp>

#include "core/camera.h"
#include "core/commands.h"
#include "core/content.h"
#include "core/cutaway.h"
#include "core/detail_build.h"
#include "core/model.h"
#include "core/pain_map.h"
#include "core/picking.h"
#include "core/scene.h"
#include "core/search.h"
#include "core/view_state.h"
#include "core/where.h"

namespace dorsal {

// What is on show: an entry of the knowledge base, structures a person clicked, or both (a
// clicked muscle opens its entry). Both empty: nothing.
struct Showing {
    std::optional<std::string> entry;
    // Clicked nodes; nullopt when the entry decides what lights up.
    std::optional<std::vector<int>> picked;

    bool empty() const { return !entry && !picked; }
    bool operator==(const Showing&) const = default;
};

// Back and forward through what was on show, as in a browser. After clear() nothing is on show,
// but Back returns to what was.
class ShowingHistory {
public:
    // Shows `item` after the current one, dropping anything ahead. Showing the current one again
    // changes nothing. An empty item is the same as clear().
    void push(const Showing& item);
    // Replaces the current item (a Ctrl+click changes what is on show without a new step).
    void replaceCurrent(const Showing& item);
    // Nothing on show; the history stays for Back.
    void clear() { blank_ = true; }
    bool canGoBack() const;
    bool canGoForward() const;
    // Steps back or forward and returns what is now on show; nullopt when there is nowhere to go.
    std::optional<Showing> back();
    std::optional<Showing> forward();
    // What is on show; an empty Showing when nothing is.
    Showing current() const;
    // Forgets the clicked structures of every step (their node numbers belong to a model that is
    // gone), keeping the entries; steps left with nothing are dropped.
    void forgetPicks();

private:
    std::vector<Showing> items_;
    std::size_t position_ = 0;  // the current item, or the one before the blank
    bool blank_ = true;
};

// Where a request to show something came from; it decides what follows from it.
enum class Origin {
    LookUp,   // search, a link, the pain list, --select: frame it, and x-ray when it is hidden
    Click,    // a click in 3D or in the structures tree: show it where it is
};

// A pin the command line asks for: a point in the model frame (metres), which goes to the nearest
// surface within kPinReach, and its note.
struct PinRequest {
    glm::vec3 at{0.0f};
    std::string note;
};

// How far from a structure's surface a pin given as a point may lie.
inline constexpr float kPinReach = 0.05f;

// What the command line (or a saved start) asks to show first.
struct StartView {
    std::string select;             // what an entry is called (see selectByName) or a node name
    std::optional<ViewPreset> view; // the side to show it from; nullopt: the one it is best seen from
    std::vector<std::string> hide;  // entry ids or node names
    std::vector<std::string> where; // regions to mark in "where does it hurt?" (its ids), both sides
    bool isolate = false;
    bool xray = false;
    bool cutaway = true;
    bool painMap = true;
    bool dimOthers = false;
    std::array<bool, kPeelableStrata> strataShown{true, true, true, true, true};
    SideShown side = SideShown::Both;
    bool labels = true;
    std::vector<PinRequest> pins;
};

// How a message for the user reads. An error is something that failed, was refused or was left out
// (a model that did not load, an unknown name, a skipped file); information is worth knowing while
// nothing is wrong (a model from elsewhere that holds only some of the atlas's muscles).
enum class MessageSeverity { Error, Information };

struct Message {
    std::string text;
    MessageSeverity severity = MessageSeverity::Error;
    bool operator==(const Message&) const = default;
};

// A request from the panels, carried out by AtlasState::apply after the frame's panels are drawn.
namespace request {
struct OpenEntry { std::string id; Origin origin = Origin::LookUp; };
struct ClickNode { int node = -1; bool additive = false; };
struct ToggleHidden { int node = -1; };
struct IsolateNode { int node = -1; };
struct SetPeel { int depth = 0; };
struct SetSide { SideShown side = SideShown::Both; };
struct SetStratumShown { Stratum stratum = Stratum::Skin; bool shown = true; };
struct DismissMessage { std::size_t index = 0; };
struct ToggleRegion { RegionOnSide region; };
struct SetPinNote { std::size_t pin = 0; std::string note; };
struct RemovePin { std::size_t pin = 0; };
struct SelectPin { std::optional<std::size_t> pin; };
}  // namespace request
using Request = std::variant<CommandId, request::OpenEntry, request::ClickNode, request::ToggleHidden,
                             request::IsolateNode, request::SetPeel, request::SetSide, request::SetStratumShown,
                             request::DismissMessage, request::ToggleRegion, request::SetPinNote, request::RemovePin,
                             request::SelectPin>;

class AtlasState {
public:
    // `content` is the knowledge base for the whole session; its problems become one message.
    explicit AtlasState(Content content);

    // --- the model ---
    // Replaces the model: the view modes start afresh and the camera shows the whole model from
    // the start view; the open entry stays open (and lights up on the new model) but clicked
    // structures are forgotten. The model's warnings become messages.
    void setModel(Model model);
    const Model* model() const { return model_ ? &*model_ : nullptr; }
    // Gives the model the levels of detail `build` made for it; false (nothing changed) when there
    // is no model or `build` was made from another. Waits for the build to finish.
    bool installDetailLevels(DetailLevelBuild& build) { return model_ && build.installInto(*model_); }
    const Content& content() const { return content_; }
    // Search over the content, and the names it resolves (SearchIndex::entryNamed).
    const SearchIndex& search() const { return search_; }
    // Everything wrong with the content, and the model's muscles it lacks (as `dorsal check`
    // lists them for the same content and model).
    const std::vector<ContentProblem>& problems() const { return problems_; }
    // Each node's stratum, one per node of the model.
    const std::vector<Stratum>& strata() const { return strata_; }

    // --- what is on show ---
    // Opens entry `id` (any kind). Returns false, and changes nothing, for an unknown id.
    bool open(const std::string& id, Origin origin);
    // Looks up a name from the command line: what search resolves to an entry (an id, or a name or
    // nickname such as "lats", see SearchIndex::entryNamed), or else a node name. False, with a
    // message suggesting the closest names, when neither exists (or no model is loaded for a node
    // name).
    bool selectByName(const std::string& name);
    // A click on `node` in 3D or in the tree: shows it alone and opens its entry when it has one
    // (a node without one closes the entry). With `additive` (Ctrl) it joins what is selected, or
    // leaves it when it was selected; taking out the last one clears everything.
    void click(int node, bool additive);
    // Clears what is on show (Esc); Back brings it back.
    void clear();
    // A click on empty space: clears the selection but keeps the entry being read open (with a
    // pain pattern's related muscles still lit); with no entry open, the same as clear(). Back
    // brings the selection back.
    void clickEmpty();
    void back();
    void forward();
    bool canGoBack() const { return history_.canGoBack(); }
    bool canGoForward() const { return history_.canGoForward(); }
    Showing showing() const { return history_.current(); }
    // The entry on show, if any.
    std::optional<std::string> openEntry() const { return history_.current().entry; }
    // What lights up, derived from showing().
    const Highlight& highlight() const { return highlight_; }

    // --- what is shown and how ---
    const ViewState& view() const { return view_; }
    // Hides what a name stands for (an entry's structures on both sides, named as selectByName
    // takes them, or a node). False, with a message suggesting the closest names, when neither
    // exists.
    bool hideByName(const std::string& name);
    void toggleHidden(int node);
    // Shows `node` alone: selects it (a click) and isolates.
    void isolateNode(int node);
    void setPeel(int depth);
    void setSide(SideShown side);
    void setStratumShown(Stratum stratum, bool shown);
    // The look of every node this frame, the cutaway included.
    std::vector<NodeLook> looks() const;
    // What the cutaway draws see-through now, so that the highlight shows.
    const std::vector<int>& seeThrough() const;
    // Where the entry on show hurts and its trigger points; with no entry on show in "where does it
    // hurt?", the regions marked. Empty with the pain map off.
    const PainMap& painMap() const;

    // --- "where does it hurt?" ---
    bool whereMode() const { return whereMode_; }
    // The body region under pixel `cursor` of the frame (on the skin, or the first surface drawn
    // there), or nullopt.
    std::optional<RegionOnSide> regionUnder(glm::vec2 cursor) const;
    // Marks the region under pixel `cursor` (as regionUnder finds it).
    // `startStroke` begins a new marking (a click, or a drag's first point), replacing the regions
    // marked before unless `additive` (Ctrl). Returns the region, or nullopt where there is none.
    std::optional<RegionOnSide> markAt(glm::vec2 cursor, bool startStroke, bool additive);
    // Marks `region`, or unmarks it when it is marked (the list of regions, from the keyboard).
    void toggleRegion(const RegionOnSide& region);
    const std::vector<RegionOnSide>& markedRegions() const { return marked_; }
    // What can hurt in the marked regions, best first.
    std::vector<WhereResult> whereResults() const;

    // --- pins ---
    // Notes pinned to the body, in the order they were placed.
    const std::vector<Pin>& pins() const { return pins_; }
    std::optional<std::size_t> selectedPin() const { return selectedPin_; }
    // Add pin (N) was asked for: the next click on the body places a pin.
    bool pinMode() const { return pinMode_; }
    // Places a pin with `note` on the surface under pixel `cursor` of the frame (visible, solid
    // parts, as nodeAt finds them), selects it and ends pin mode. Returns its index, or nullopt
    // (changing nothing) where no structure is, or for a note pinNoteProblem refuses (with a message).
    std::optional<std::size_t> addPinAt(glm::vec2 cursor, const std::string& note = {});
    // Places a pin with `note` on the surface nearest `point` (model frame) of a structure that is
    // not the skin, within kPinReach; of the structures that close, one of the outermost layer. False, with a message, when none is that close or the note is
    // refused.
    bool addPinNear(const glm::vec3& point, const std::string& note);
    // Moves pin `index` to the surface under pixel `cursor`; false (the pin stays) where there is none.
    bool movePin(std::size_t index, glm::vec2 cursor);
    void removePin(std::size_t index);
    // False, with a message and the note unchanged, for a note pinNoteProblem refuses.
    bool setPinNote(std::size_t index, const std::string& note);
    void selectPin(std::optional<std::size_t> index);
    // Where pin `index` shows in the frame (pixels), or nullopt when its structure is not shown or
    // it lies outside the 3D view.
    std::optional<glm::vec2> pinPixel(std::size_t index) const;
    // Whether pin `index` is seen from the eye: nothing visible and solid (the skin aside) lies in
    // front of it. A pin not seen is drawn faint, as behind the body.
    bool pinSeen(std::size_t index) const;
    // The shown pin nearest pixel `cursor`, within `radius` pixels, or nullopt.
    std::optional<std::size_t> pinNear(glm::vec2 cursor, float radius) const;

    // --- scenes ---
    // Everything on screen, as a scene file holds it; `model` is the model's source path (the app
    // writes the built-in one as such). The camera is where it is going, if it is moving.
    Scene scene() const;
    // Shows `scene` exactly as it was saved: what is on show becomes one history step (Back returns
    // to what was on show before), the camera goes exactly where it was (no re-framing), and the
    // view, "where does it hurt?" and the pins are replaced. The model must be loaded already (the
    // app loads the scene's). Structures, entries and regions this model or content lacks are
    // skipped with one warning naming them and `source` (the scene's file); the rest applies.
    // False, with a message and nothing changed, when no model is loaded.
    bool applyScene(const Scene& scene, const std::string& source);

    // Applies what the command line asks for at start. Needs a model. False (with a message) when
    // a name is unknown; what was valid is applied.
    bool applyStart(const StartView& start);

    // --- commands ---
    // Runs a command of the table that needs no argument. OpenModel, OpenScene, SaveScene,
    // SaveSceneAs, Handout, SavePicture, Settings, the font size and Quit belong to the app and do
    // nothing here (Search and Help only set flags the panels read). Esc (ClearSelection) in
    // presentation leaves it and clears nothing.
    void run(CommandId id);
    // Carries out one request from the panels.
    void apply(const Request& request);
    bool helpOpen() const { return helpOpen_; }
    void setHelpOpen(bool open) { helpOpen_ = open; }
    // True once after Search ran: the search box takes the keyboard.
    bool takeSearchFocus() { return std::exchange(searchFocus_, false); }

    // --- presentation ---
    // Presentation mode: the 3D view fills the screen, the panels slide in on demand, type is
    // larger and a caption names what is shown. Leaving it restores the layout as it was.
    bool presenting() const { return presenting_; }
    void setPresenting(bool on);
    // Shifts the camera's lens so that what it looks at sits in the middle of the open part of the
    // view of the current frame, as a look-up leaves it; the eye stays put. (A picture of another
    // size, or without the panels, is centred so.)
    void centreInOpenArea();
    // In presentation, which panels the person wants in (the mouse at a screen edge, a handle
    // clicked); they slide there over kPanelSlideSeconds with animation on, else at once.
    void revealPanels(bool side, bool entry);
    PanelSlide panelSlide() const { return slide_; }
    static constexpr float kPanelSlideSeconds = 0.2f;
    // What is shown, named for the caption of presentation mode ("Psoas major — where it sends
    // pain"); "" when nothing is shown.
    std::string caption() const;
    // True while the camera glides or settles (cameraInMotion) or a panel slides: the window keeps
    // drawing.
    bool animating() const { return cameraInMotion() || slide_ != slideGoal_ || !notice_.empty(); }

    // --- the frame and the camera ---
    // The size of the frame, whether the panels are drawn, and the UI scale; the layout of the
    // next frame follows from these and from whether an entry is open.
    void setFrame(int width, int height, bool panelsShown, float uiScale);
    struct Frame {
        int width = 1280;
        int height = 800;
        bool panelsShown = true;
        float uiScale = 1.0f;
    };
    // What setFrame was given last.
    const Frame& frame() const { return frame_; }
    // The layout of that frame; presentation's when presenting with panels.
    FrameLayout layout() const;
    const OrbitCamera& camera() const { return camera_; }
    // Where the camera is going (the camera itself when it is not moving).
    const OrbitCamera& cameraGoal() const { return cameraMove_ ? cameraMove_->to : camera_; }
    // With animation on (the window), camera moves glide over kCameraMoveSeconds as time is
    // advanced; without (offscreen, tests), they happen at once.
    void setCameraAnimation(bool on) { animateCamera_ = on; }
    static constexpr float kCameraMoveSeconds = 0.35f;
    // Moves a gliding camera on by `seconds`.
    void advanceTime(float seconds);
    bool cameraMoving() const { return cameraMove_.has_value(); }
    // True while the camera glides, and from each orbit, pan or zoom until kSettleSeconds of
    // advanceTime pass without another: a software renderer draws such frames at a lower
    // resolution, and the still frame after them in full. Setting a view at once (offscreen) is
    // not motion.
    bool cameraInMotion() const { return cameraMove_.has_value() || sinceCameraInput_ < kSettleSeconds; }
    static constexpr float kSettleSeconds = 0.15f;
    // The mouse: these stop any glide.
    void orbit(float dxPixels, float dyPixels);
    void pan(float dxPixels, float dyPixels);
    // `cursor` in pixels of the frame.
    void zoomTowards(glm::vec2 cursor, float steps);
    // The camera showing the whole model from the start view, at once.
    void resetCamera();
    void viewFrom(ViewPreset preset);
    void frameHighlight();
    ViewPreset startView() const { return startView_; }
    void setStartView(ViewPreset preset) { startView_ = preset; }
    // The structure under pixel `cursor` of the frame: visible, solid parts only (the skin and
    // x-ray's see-through structures are seen through). -1 for none.
    int nodeAt(glm::vec2 cursor) const;

    // --- messages ---
    // Errors, warnings and information for the user, oldest first, each until it is dismissed (or
    // replaced: see addModelMessage).
    const std::vector<Message>& messages() const { return messages_; }
    // Adds an error.
    void addMessage(std::string message);
    // A message about loading a model (an error, a warning, or information about the model that
    // loaded): the next model that loads takes it away.
    void addModelMessage(std::string message, MessageSeverity severity = MessageSeverity::Error);
    // A note that something went well ("Saved picture to ..."), shown for kNoticeSeconds of
    // advanceTime (or until the next one).
    void setNotice(std::string notice);
    const std::string& notice() const { return notice_; }
    static constexpr float kNoticeSeconds = 5.0f;
    void dismissMessage(std::size_t index);

private:
    // Shows `item` as the result of a request from `origin`; `step` makes it a new history step.
    void show(const Showing& item, Origin origin, bool step);
    // Re-derives the highlight and what follows from it (isolation, the view of a look-up).
    void refresh(Origin origin);
    // The highlighted structures in order of importance, for the cutaway and the choice of view.
    TargetGroups targetGroups() const;
    // Turns to the view from which the highlight is best seen and frames it.
    void lookAtHighlight();
    // The box around the highlighted structures, with some room around it; empty without them.
    Bounds highlightBounds() const;
    // `box` grown by some room on every side; an empty box stays empty.
    static Bounds withRoomAround(Bounds box);
    // For a pain pattern on show, the directions (horizontal, from the body outwards) of where it
    // is felt, from its regions: behind or in front, or for a pain at the sides felt on either
    // side, the left and the right; none for other entries, or for a pain felt all round.
    std::vector<glm::vec3> sidesWherePainIsFelt() const;
    std::string unknownNameMessage(const std::string& name) const;
    // "no body region named ..." with the closest region ids.
    std::string unknownRegionMessage(const std::string& id) const;
    void updateMarkedMap();
    OrbitCamera wholeModelFrom(ViewPreset preset) const;
    // The visible solid surface under pixel `cursor` of the frame, as clicks see it.
    std::optional<PickHit> surfaceAt(glm::vec2 cursor) const;
    // A pin on the surface `hit` found, with `note`.
    Pin pinAt(const PickHit& hit, const std::string& note) const;
    // `camera` (framed for the open area's aspect) with its lens shifted so that what it frames
    // sits in the middle of the open area rather than of the whole 3D view; the eye stays put.
    OrbitCamera centredInOpenArea(OrbitCamera camera) const;
    // How far the middle of the open area lies from the middle of the 3D view, in pixels.
    glm::vec2 openAreaOffset() const;
    void moveCamera(const OrbitCamera& to);

    struct CameraMove {
        OrbitCamera from;
        OrbitCamera to;
        float elapsed = 0.0f;
    };

    // Counts the problems in the one message about them, replacing the message before.
    void reportProblems();

    Content content_;
    SearchIndex search_;
    std::vector<ContentProblem> problems_;
    std::string problemsMessage_;  // the message about them now among messages_, or ""
    std::optional<Model> model_;
    std::vector<Stratum> strata_;
    ShowingHistory history_;
    Highlight highlight_;
    PainMap painMap_;  // of what is on show, whether the map is on or not
    PainMap markedMap_;  // the regions marked in "where does it hurt?"
    bool whereMode_ = false;
    std::vector<RegionOnSide> marked_;
    ViewState view_;
    // The cutaway, computed when first asked for after a change, for the eye it was computed from.
    struct CutawayCache {
        std::vector<int> seeThrough;
        glm::vec3 eyeDirection{0.0f};
        Highlight highlight;
        ViewState view;
    };
    mutable std::optional<CutawayCache> cutaway_;
    std::optional<ViewPreset> viewOfNextLookUp_;
    OrbitCamera camera_;
    std::optional<CameraMove> cameraMove_;
    float sinceCameraInput_ = kSettleSeconds;  // of advanceTime since the last orbit, pan or zoom
    bool animateCamera_ = false;
    ViewPreset startView_ = ViewPreset::Posterior;
    Frame frame_;
    bool presenting_ = false;
    PanelSlide slide_;
    PanelSlide slideGoal_;
    bool helpOpen_ = false;
    bool searchFocus_ = false;
    std::vector<Pin> pins_;
    std::optional<std::size_t> selectedPin_;
    bool pinMode_ = false;
    std::vector<Message> messages_;
    std::vector<Message> modelMessages_;  // those of messages_ the next model takes away
    std::string notice_;
    float noticeLeft_ = 0.0f;
};

}  // namespace dorsal
