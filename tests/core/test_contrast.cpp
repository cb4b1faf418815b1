#include <catch2/catch.hpp>

#include "core/contrast.h"
#include "ui/colours.h"

using namespace dorsal;

TEST_CASE("the contrast formula is WCAG's", "[contrast]") {
    CHECK(contrastRatio(glm::vec3(0.0f), glm::vec3(1.0f)) == Approx(21.0f));
    CHECK(contrastRatio(glm::vec3(0.5f), glm::vec3(0.5f)) == Approx(1.0f));
    // #777777 on white is the well-known 4.48:1.
    CHECK(contrastRatio(glm::vec3(0x77 / 255.0f), glm::vec3(1.0f)) == Approx(4.48f).margin(0.01f));
    // ImGui's own grey for secondary text on Dorsal's panels: the 4.2:1 a newcomer's test found.
    CHECK(contrastRatio(glm::vec3(0.5f), UiColours::kPanel) < 4.5f);
}

TEST_CASE("every text colour reads at 4.5:1 or more on the panels", "[contrast]") {
    for (const glm::vec3 text : {UiColours::kText, UiColours::kSecondaryText, UiColours::kLink, UiColours::kCaution,
                                 UiColours::kUrgent, UiColours::kFolder}) {
        CAPTURE(text.r, text.g, text.b);
        CHECK(contrastRatio(text, UiColours::kPanel) >= 4.5f);
        CHECK(contrastRatio(text, UiColours::kLabelBox) >= 4.5f);
    }
    // Errors are white on red, information white on blue.
    CHECK(contrastRatio(UiColours::kText, UiColours::kMessage) >= 4.5f);
    CHECK(contrastRatio(UiColours::kText, UiColours::kInformation) >= 4.5f);
}
