#pragma once
// An entry of the knowledge base laid out for reading: a title and sections of paragraphs, lists
// and links. The muscle panel draws it; `dorsal info` prints it; handouts can reuse it.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace dorsal {

struct DocumentLink {
    std::string id;     // the linked entry
    std::string label;  // its display name
};

// What a section says, so that a reader that needs only some of them (a client's handout) can pick
// them without going by their headings.
enum class Topic {
    SafetyMissing, Notice, Summary, PartOf, Members, Origin, Insertion, Action, Innervation, Posture, Palpation,
    Cautions, TriggerPoints, PainPatterns, WhereFelt, PrimaryMuscles, SecondaryMuscles, Habits, TherapistApproach,
    SelfCare, Purpose, Steps, PressureAndDuration, WhenToUse, WhenNotToUse, Contraindications, TargetMuscles,
    Techniques, Stretches, Dosage, CommonMistakes, StopIf, RedFlags, Body, TightMuscles, WeakMuscles, Evidence,
    Sources, Signs, WhatToDo, Why, Definition, Terms
};

struct DocumentSection {
    Topic topic = Topic::Summary;
    std::string heading;
    std::vector<std::string> paragraphs;
    std::vector<std::string> bullets;
    bool numbered = false;               // bullets are steps in order
    std::vector<DocumentLink> links;
    bool caution = false;                // safety text, drawn so it stands out
    bool urgent = false;                 // safety information is missing: drawn to be seen first
};

struct EntryDocument {
    EntryKind kind = EntryKind::Muscle;
    std::string id;
    std::string title;
    std::string subtitle;  // kind, other names, layer: one line under the title
    std::vector<DocumentSection> sections;

    // The section on `topic`, or nullptr when the entry has none.
    const DocumentSection* section(Topic topic) const;
};

// The document for the entry `id` of any kind, or nullopt when no entry has that id.
// Empty fields produce no section. When the safety information could not be loaded
// (Safety::failure), the first section is an urgent caution saying so and when to see a
// clinician; linked red flags or contraindications that could not be loaded are named.
std::optional<EntryDocument> describeEntry(const Content& content, std::string_view id);

// Safety text as short points a self-learner can read: one per sentence. A sentence ends at ".",
// "!" or "?" followed by a space and a capital letter or digit, except after "e.g." or "i.e.".
// One sentence (or none) gives one point (or none).
std::vector<std::string> sentencesOf(std::string_view text);

// The glossary terms (ids) whose name or other forms appear as whole words, in any case, in `text`,
// in glossary order.
std::vector<std::string> glossaryTermsIn(const Content& content, std::string_view text);

// A red flag as one line a person reads: "Name: signs action".
std::string redFlagText(const RedFlag& flag);

// The document as plain text for a terminal, wrapped at `width` columns.
std::string toPlainText(const EntryDocument& document, std::size_t width = 100);

}  // namespace dorsal
