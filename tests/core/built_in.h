#pragma once
// The built-in model and the shipped content, loaded once for all the core tests that use them,
// and an atlas session on them.

#include "core/atlas_state.h"
#include "core/content.h"
#include "core/model_loader.h"
#include "test_paths.h"

namespace dorsal::test {

inline const Model& builtInModel() {
    static const Model model = loadModel(builtInModelFile());
    return model;
}

inline const Content& shippedContent() {
    static const Content content = loadContent(sourceDir() / "content");
    return content;
}

// An atlas on the built-in model and the shipped content, framed for a 1280 x 800 window with its
// panels; cameras move at once.
inline AtlasState builtInAtlas() {
    AtlasState atlas(shippedContent());
    atlas.setFrame(1280, 800, true, 1.0f);
    atlas.setModel(builtInModel());
    return atlas;
}

}  // namespace dorsal::test
