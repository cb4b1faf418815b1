#include "core/handout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

#include "core/text.h"

namespace dorsal {

namespace {

// "; did you mean a, b or c?" for `word` among `candidates`, or "" when none is close.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
    const std::vector<std::string> close = closestMatches(word, candidates, 3);
    std::string text;
    for (std::size_t i = 0; i < close.size(); ++i) {
        text += (i == 0 ? "; did you mean " : i + 1 == close.size() ? " or " : ", ") + close[i];
    }
    return text.empty() ? text : text + "?";
}

void addUnique(std::vector<std::string>& to, const std::vector<std::string>& items) {
    for (const std::string& item : items) {
        if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
    }
}

// The sections of `document` on `topics`, in that order, each under `heading` where one is given
// (the handout speaks to the client: "Where its pain is felt" rather than "Trigger points ...").
struct Pick {
    Topic topic;
    std::string_view heading = {};
};
void pickSections(const EntryDocument& document, std::initializer_list<Pick> picks, std::vector<DocumentSection>& to) {
    for (const Pick& pick : picks) {
        const DocumentSection* section = document.section(pick.topic);
        if (!section) continue;
        DocumentSection& copy = to.emplace_back(*section);
        if (!pick.heading.empty()) copy.heading = pick.heading;
    }
}

std::vector<std::string> linkedStretches(const Content& content, const EntryDocument& document) {
    std::vector<std::string> ids;
    if (const DocumentSection* section = document.section(Topic::Stretches)) {
        for (const DocumentLink& link : section->links) {
            if (content.stretch(link.id)) ids.push_back(link.id);
        }
    }
    return ids;
}

// The warning signs of the subject: its own (a pain pattern's), those of the pain patterns a muscle
// is linked with, or else all of them; missing ones are said to be missing (see describeEntry).
std::vector<std::string> warningSigns(const Content& content, const EntryDocument& document) {
    std::vector<std::string> signs;
    if (const DocumentSection* own = document.section(Topic::RedFlags)) addUnique(signs, own->bullets);
    if (const DocumentSection* pains = document.section(Topic::PainPatterns)) {
        for (const DocumentLink& link : pains->links) {
            const std::optional<EntryDocument> pain = describeEntry(content, link.id);
            if (const DocumentSection* flags = pain ? pain->section(Topic::RedFlags) : nullptr) {
                addUnique(signs, flags->bullets);
            }
        }
    }
    if (signs.empty()) {
        for (const RedFlag& flag : content.safety.redFlags) signs.push_back(redFlagText(flag));
    }
    return signs;
}

// The parts of a stretch or exercise a person needs at home.
EntryDocument exerciseFor(const EntryDocument& full) {
    EntryDocument exercise = full;
    exercise.sections.clear();
    pickSections(full,
                 {{Topic::Summary, "What it does"},
                  {Topic::Steps, "How to do it"},
                  {Topic::Dosage, "How much"},
                  {Topic::CommonMistakes, "Avoid"},
                  {Topic::StopIf, "Stop if"}},
                 exercise.sections);
    return exercise;
}

}  // namespace

bool canBeHandoutSubject(EntryKind kind) {
    return kind == EntryKind::Muscle || kind == EntryKind::Pain || kind == EntryKind::Technique ||
           kind == EntryKind::Guide;
}

Handout planHandout(const Content& content, const SearchIndex& search, std::string_view subject,
                    const std::optional<std::vector<std::string>>& stretches, std::string note, std::string date) {
    if (content.safety.failure) {
        throw HandoutError("no handout without its warnings: " + content.safety.failure->format());
    }
    if (const std::optional<UnsafeCharacter> bad = findUnsafeCharacter(note)) {
        throw HandoutError("the note has " + describeCharacter(*bad) + " at byte " + std::to_string(bad->offset + 1) +
                           "; write it as plain text");
    }
    if (note.size() > kMaxTextBytes) {
        throw HandoutError("the note is " + std::to_string(note.size()) + " bytes long; keep it under " +
                           std::to_string(kMaxTextBytes) + " (about a page)");
    }
    const std::optional<std::string> id = search.entryNamed(subject);
    const std::optional<EntryDocument> document = id ? describeEntry(content, *id) : std::nullopt;
    if (!document) {
        throw HandoutError("no entry with the id or name \"" + printable(subject, 80) + "\"" +
                           suggestion(subject, content.allIds()));
    }
    if (!canBeHandoutSubject(document->kind)) {
        throw HandoutError(document->title + " is a " + std::string(entryKindName(document->kind)) +
                           "; a handout is about a muscle, a pain pattern, a technique or a guide");
    }
    Handout handout;
    handout.subjectId = document->id;
    handout.kind = document->kind;
    handout.title = document->title;
    handout.subtitle = document->subtitle;
    handout.note = std::move(note);
    handout.date = std::move(date);
    handout.notice = content.safety.notice;

    std::vector<DocumentSection>& about = handout.explanation;
    switch (document->kind) {
        case EntryKind::Muscle:
            pickSections(*document,
                         {{Topic::Summary, "What it is"},
                          {Topic::TriggerPoints, "Where its pain is felt"},
                          {Topic::PainPatterns, "Pain it is often part of"}},
                         about);
            handout.picturePlans.push_back({PictureView::Best, handout.title + ", highlighted, from where it is best seen"});
            if (document->section(Topic::TriggerPoints)) {
                handout.picturePlans.push_back(
                    {PictureView::PainSide, "From the other side: where its pain can be felt (dotted)"});
            }
            break;
        case EntryKind::Pain:
            pickSections(*document,
                         {{Topic::Summary, "What it is"},
                          {Topic::WhereFelt},
                          {Topic::PrimaryMuscles, "Muscles most often involved"},
                          {Topic::SecondaryMuscles},
                          {Topic::Habits, "Habits that can feed it"},
                          {Topic::TherapistApproach, "What your therapist does"},
                          {Topic::SelfCare, "What you can do"}},
                         about);
            handout.picturePlans.push_back(
                {PictureView::Best, "Where it is felt (dotted), with the muscles most often involved (amber)"});
            break;
        case EntryKind::Technique:
            pickSections(*document,
                         {{Topic::Summary, "What it is"},
                          {Topic::Purpose, "What it is for"},
                          {Topic::PressureAndDuration, "Pressure and duration"},
                          {Topic::WhenNotToUse},
                          {Topic::Contraindications}},
                         about);
            if (document->section(Topic::TargetMuscles)) {
                handout.picturePlans.push_back({PictureView::Best, "The muscles it is used on"});
            }
            break;
        default:  // a guide
            pickSections(*document,
                         {{Topic::Summary, "In short"},
                          {Topic::Body},
                          {Topic::TightMuscles},
                          {Topic::WeakMuscles}},
                         about);
            break;
    }
    if (const DocumentSection* sources = document->section(Topic::Sources)) addUnique(handout.sources, sources->bullets);

    const std::vector<std::string> chosen = stretches ? *stretches : linkedStretches(content, *document);
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const std::string& stretchId = chosen[i];
        if (!content.stretch(stretchId)) {
            std::vector<std::string> stretchIds;
            for (const Stretch& s : content.stretches) stretchIds.push_back(s.id);
            const std::optional<EntryKind> kind = content.kindOf(stretchId);
            throw HandoutError(kind ? "--stretches: " + stretchId + " is a " + std::string(entryKindName(*kind)) +
                                          ", not a stretch or exercise" + suggestion(stretchId, stretchIds)
                                    : "--stretches: no stretch or exercise with the id \"" + printable(stretchId, 80) +
                                          "\"" + suggestion(stretchId, stretchIds));
        }
        if (std::find(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(i), stretchId) !=
            chosen.begin() + static_cast<std::ptrdiff_t>(i)) {
            throw HandoutError("--stretches: " + stretchId + " is given twice; give each once");
        }
        const EntryDocument stretch = *describeEntry(content, stretchId);
        if (const DocumentSection* sources = stretch.section(Topic::Sources)) addUnique(handout.sources, sources->bullets);
        handout.exercises.push_back(exerciseFor(stretch));
    }

    DocumentSection& clinician = handout.whenToSeeClinician;
    clinician.topic = Topic::RedFlags;
    clinician.heading = "When to see a clinician";
    clinician.caution = true;
    clinician.paragraphs = {
        "See your doctor or a physiotherapist if the pain does not ease within a few weeks, keeps coming back, "
        "or stops you sleeping or working. Get help urgently, the same day, for any of these:"};
    clinician.bullets = warningSigns(content, *document);
    return handout;
}

std::string handoutDate(std::chrono::system_clock::time_point when) {
    static constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                         "July",    "August",   "September", "October", "November", "December"};
    const std::time_t time = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&time, &local);
    return std::to_string(local.tm_mday) + " " + kMonths[static_cast<std::size_t>(local.tm_mon)] + " " +
           std::to_string(local.tm_year + 1900);
}

}  // namespace dorsal
