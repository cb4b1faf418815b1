#include "app/handout_pictures.h"

#include "handout/handout_pdf.h"

namespace dorsal {

namespace {

ViewPreset oppositeOf(ViewPreset preset) {
    switch (preset) {
        case ViewPreset::Anterior: return ViewPreset::Posterior;
        case ViewPreset::Left: return ViewPreset::Right;
        case ViewPreset::Right: return ViewPreset::Left;
        default: return ViewPreset::Anterior;  // from behind, from above or obliquely behind: the front
    }
}

}  // namespace

void drawHandoutPictures(Session& session, const AtlasState& from, Handout& handout, PaperSize paper) {
    if (!from.model() || handout.picturePlans.empty()) return;
    const HandoutPictureSize size = handoutPictureSize(paper, handout.picturePlans.size());
    AtlasState still = from;
    still.setCameraAnimation(false);
    if (still.whereMode()) still.run(CommandId::WhereItHurts);
    still.run(CommandId::ShowAll);
    // The frame first, so that the look-up frames the subject for the picture's shape.
    still.setFrame(size.width, size.height, false, size.uiScale);
    StartView start;
    start.select = handout.subjectId;
    still.applyStart(start);
    const ViewPreset best = still.camera().nearestPreset();
    for (const HandoutPicturePlan& plan : handout.picturePlans) {
        if (plan.view == PictureView::PainSide) {
            still.viewFrom(oppositeOf(best));
            still.frameHighlight();
        }
        handout.pictures.push_back({session.renderStill(still, size.width, size.height, size.uiScale), plan.caption});
    }
}

}  // namespace dorsal
