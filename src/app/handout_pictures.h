#pragma once
// The pictures of a handout, rendered offscreen the way the window shows its subject.

#include "app/session.h"
#include "core/handout.h"

namespace dorsal {

// Fills `handout.pictures` as `handout.picturePlans` asks, through `session`'s renderer (which holds
// the model `from` shows), at the size handoutPictureSize gives for `paper`. Each picture is drawn
// from a copy of `from` with everything shown again and the subject opened as a look-up: from the
// view it is best seen from, with its cutaway, labels and pain map (PictureView::PainSide turns to
// the opposite side and frames it again). `from` and the window's view are left as they were.
// Draws nothing without a model.
void drawHandoutPictures(Session& session, const AtlasState& from, Handout& handout, PaperSize paper);

}  // namespace dorsal
