#include <filesystem>
#include <optional>
#include <string>
#include <utility>

#include "core/scene.h"
#include "ui/file_dialog.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

// File > Open scene... and Save scene...: the file dialog, with the recent scenes; dropping a
// .dorsal file onto the window opens one too.
class SceneFileDialog : public Panel {
public:
    explicit SceneFileDialog(const float& scale) : scale_(scale) {}

    void draw(UiFrame& frame) override {
        if (!frame.panelsShown) return;
        if (frame.sceneDialog != SceneDialog::None) {
            saving_ = frame.sceneDialog == SceneDialog::Save;
            FileDialogOptions options;
            options.title = saving_ ? "Save scene" : "Open scene";
            options.mode = saving_ ? FileDialogMode::Save : FileDialogMode::Open;
            options.extensions = {std::string(kSceneExtension)};
            options.typesText = "Dorsal scenes (.dorsal): the model, the view, what is open and the pins";
            options.start = frame.scenePath.empty() && saving_ ? std::filesystem::path("scene.dorsal") : frame.scenePath;
            if (frame.settings) options.recent = frame.settings->recentScenes.paths();
            dialog_.open(std::move(options));
        }
        if (std::optional<std::filesystem::path> chosen = dialog_.draw(scale_)) {
            (saving_ ? frame.saveScene : frame.openScene) = std::move(chosen);
        }
        frame.dialogOpen = frame.dialogOpen || dialog_.isOpen();
    }

private:
    const float& scale_;  // the interface's, which follows the font size
    FileDialog dialog_;
    bool saving_ = false;
};

}  // namespace

std::unique_ptr<Panel> makeSceneDialog(const float& scale) { return std::make_unique<SceneFileDialog>(scale); }

}  // namespace dorsal
