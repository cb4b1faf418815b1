#include "core/entry_document.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace dorsal {

namespace {

std::string capitalised(std::string_view s) {
    std::string out(s);
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? std::string(separator) : "") + items[i];
    return out;
}

std::string evidenceLine(Evidence evidence) { return "Evidence: " + std::string(evidenceName(evidence)) + "."; }

// Builds sections, leaving out the empty ones.
class DocumentBuilder {
public:
    DocumentBuilder(const Content& content, EntryDocument& document) : content_(content), document_(document) {}

    void text(Topic topic, std::string heading, std::vector<std::string> paragraphs, bool caution = false) {
        std::erase_if(paragraphs, [](const std::string& p) {
            return std::all_of(p.begin(), p.end(), [](unsigned char c) { return std::isspace(c); });
        });
        if (paragraphs.empty()) return;
        DocumentSection& s = document_.sections.emplace_back();
        s.topic = topic;
        s.heading = std::move(heading);
        s.paragraphs = std::move(paragraphs);
        s.caution = caution;
    }

    void list(Topic topic, std::string heading, const std::vector<std::string>& bullets, bool numbered = false,
              bool caution = false) {
        if (bullets.empty()) return;
        DocumentSection& s = document_.sections.emplace_back();
        s.topic = topic;
        s.heading = std::move(heading);
        s.bullets = bullets;
        s.numbered = numbered;
        s.caution = caution;
    }

    // Safety text as a list of short points when it has more than one sentence.
    void points(Topic topic, std::string heading, const std::string& text) {
        const std::vector<std::string> sentences = sentencesOf(text);
        if (sentences.size() > 1) list(topic, std::move(heading), sentences, false, true);
        else this->text(topic, std::move(heading), {text}, true);
    }

    void links(Topic topic, std::string heading, const std::vector<std::string>& ids) {
        if (ids.empty()) return;
        DocumentSection& s = document_.sections.emplace_back();
        s.topic = topic;
        s.heading = std::move(heading);
        for (const std::string& id : ids) s.links.push_back({id, content_.nameOf(id)});
    }

    // Red flags and contraindications are spelled out, not just linked: they must be read. Those
    // that could not be loaded are said to be missing, never left out in silence.
    void redFlags(const std::vector<std::string>& ids, const std::vector<std::string>& missing) {
        std::vector<std::string> bullets;
        for (const std::string& id : ids) {
            if (const RedFlag* flag = content_.redFlag(id)) bullets.push_back(redFlagText(*flag));
        }
        if (!missing.empty()) {
            bullets.push_back("Some warning signs for this could not be loaded (" + joined(missing, ", ") +
                              "). See a clinician urgently for numbness between the legs, new trouble controlling "
                              "your bladder or bowels, a leg or arm getting weaker, a fever, or pain after a "
                              "serious fall or accident.");
        }
        list(Topic::RedFlags, "See a clinician urgently if", bullets, false, true);
    }
    void contraindications(const std::vector<std::string>& ids, const std::vector<std::string>& missing) {
        std::vector<std::string> bullets;
        for (const std::string& id : ids) {
            if (const Contraindication* c = content_.contraindication(id)) bullets.push_back(c->name + ": " + c->why + " " + c->action);
        }
        if (!missing.empty()) {
            bullets.push_back("Some reasons not to use this could not be loaded (" + joined(missing, ", ") +
                              "). Check with a clinician first after a recent injury, with a suspected blood clot, "
                              "a broken bone or an open wound, when taking blood-thinning medicine, or in pregnancy.");
        }
        list(Topic::Contraindications, "Do not use, or adapt, when", bullets, false, true);
    }

    // Shown first on every entry when safety.toml could not be read whole.
    void safetyMissing() {
        DocumentSection& s = document_.sections.emplace_back();
        s.topic = Topic::SafetyMissing;
        s.heading = "Safety information could not be loaded";
        s.paragraphs = {
            "Dorsal could not load its safety information (the notice, red flags and contraindications), so "
            "warnings that belong with this entry may be missing.",
            "Dorsal is for learning, not for diagnosis: see a doctor or physiotherapist before acting on anything "
            "here. Call emergency services or go to an emergency department now for numbness between the legs, new "
            "trouble controlling your bladder or bowels, a leg or arm that is getting weaker, chest pain, or neck or "
            "back pain after a serious fall or accident."};
        s.caution = true;
        s.urgent = true;
    }

    void sources(const std::vector<std::string>& sources) { list(Topic::Sources, "Sources", sources); }

private:
    const Content& content_;
    EntryDocument& document_;
};

void describeMuscle(const Content& content, const Muscle& m, EntryDocument& d, DocumentBuilder& b) {
    std::vector<std::string> subtitle{capitalised(m.layer) + " muscle"};
    if (!m.latin.empty()) subtitle.push_back(m.latin);
    std::vector<std::string> names = m.otherNames;
    names.insert(names.end(), m.nicknames.begin(), m.nicknames.end());
    if (!names.empty()) subtitle.push_back("also: " + joined(names, ", "));
    d.subtitle = joined(subtitle, " \xC2\xB7 ");
    b.text(Topic::Summary, "In short", {m.summary});
    if (!m.group.empty()) b.links(Topic::PartOf, "Part of", {m.group});
    b.text(Topic::Origin, "Origin", {m.origin});
    b.text(Topic::Insertion, "Insertion", {m.insertion});
    b.text(Topic::Action, "Action", {m.action});
    b.text(Topic::Innervation, "Nerve supply", {m.innervation});
    b.text(Topic::Posture, "Role in posture", {m.postureRole, "When short or tight: " + m.whenTight, "When weak: " + m.whenWeak,
                               evidenceLine(m.postureEvidence)});
    b.text(Topic::Palpation, "Finding it by touch", {m.palpation});
    b.points(Topic::Cautions, "Take care", m.cautions);
    std::vector<std::string> points;
    for (const TriggerPoint& p : m.triggerPoints) {
        std::string felt;
        for (const std::string& region : p.referralRegions) felt += (felt.empty() ? "" : ", ") + content.nameOf(region);
        points.push_back(p.location + " Pain is felt: " + p.referral + (felt.empty() ? "" : " (" + felt + ")") +
                         " Evidence: " + std::string(evidenceName(p.evidence)) + ".");
    }
    b.list(Topic::TriggerPoints, "Trigger points and where their pain is felt", points);
    b.links(Topic::PainPatterns, "Pain patterns", m.painPatterns);
    b.links(Topic::Techniques, "Massage techniques", m.techniques);
    b.links(Topic::Stretches, "Stretches and exercises", m.stretches);
    b.sources(m.sources);
}

void describeGroup(const Content& content, const MuscleGroup& g, EntryDocument& d, DocumentBuilder& b) {
    d.subtitle = "Muscle group" + (g.alsoCalled.empty() ? "" : " \xC2\xB7 also: " + joined(g.alsoCalled, ", "));
    const Guide* text = content.guide(g.guide);
    if (text) b.text(Topic::Summary, "In short", {text->summary});
    std::vector<std::string> members;
    for (const Muscle* m : content.membersOf(g.id)) members.push_back(m->id);
    b.links(Topic::Members, "Muscles", members);
    if (!text) return;
    // The group's own text: what the group does, how its parts differ, how to find it.
    b.text(Topic::Body, "", text->body);
    b.links(Topic::Stretches, "Stretches and exercises", text->stretches);
    b.links(Topic::Techniques, "Techniques", text->techniques);
    b.text(Topic::Evidence, "Evidence", {evidenceLine(text->evidence)});
    b.sources(text->sources);
}

void describePain(const Content& content, const PainPattern& p, EntryDocument& d, DocumentBuilder& b) {
    std::vector<std::string> felt;
    for (const std::string& region : p.feltIn) felt.push_back(content.nameOf(region));
    d.subtitle = "Pain pattern" + (p.alsoCalled.empty() ? "" : " \xC2\xB7 also: " + joined(p.alsoCalled, ", "));
    // Where a person first looks for help, the notice comes first.
    b.text(Topic::Notice, "Education, not diagnosis", {content.safety.notice}, true);
    b.text(Topic::Summary, "In short", {p.summary});
    b.text(Topic::WhereFelt, "Where it is felt", {joined(felt, ", ") + (p.side == "either" ? ", on either side" : p.side == "both" ? ", often on both sides" : ", " + p.side + " side")});
    // Safety first: when to see a clinician comes before any muscle, technique or stretch.
    b.redFlags(p.redFlags, p.missingRedFlags);
    b.links(Topic::PrimaryMuscles, "Muscles most often involved", p.primaryMuscles);
    b.links(Topic::SecondaryMuscles, "Muscles sometimes involved", p.secondaryMuscles);
    b.list(Topic::Habits, "Common contributing habits", p.habits);
    b.text(Topic::TherapistApproach, "What a therapist does", {p.therapistApproach});
    b.links(Topic::Techniques, "Techniques", p.techniques);
    b.text(Topic::SelfCare, "Self-care", {p.selfCare});
    b.links(Topic::Stretches, "Stretches and exercises", p.stretches);
    b.text(Topic::Evidence, "Evidence", {evidenceLine(p.evidence)});
    b.sources(p.sources);
}

void describeTechnique(const Technique& t, EntryDocument& d, DocumentBuilder& b) {
    d.subtitle = "Massage technique" + (t.alsoCalled.empty() ? "" : " \xC2\xB7 also: " + joined(t.alsoCalled, ", "));
    b.text(Topic::Summary, "In short", {t.summary});
    b.text(Topic::Purpose, "Purpose", {t.purpose});
    b.list(Topic::Steps, "Step by step", t.steps, true);
    b.text(Topic::PressureAndDuration, "Pressure and duration", {t.pressure, t.duration});
    b.text(Topic::WhenToUse, "When to use it", {t.whenToUse});
    b.points(Topic::WhenNotToUse, "When not to", t.whenNotToUse);
    b.contraindications(t.contraindications, t.missingContraindications);
    b.links(Topic::TargetMuscles, "Muscles it is used on", t.targetMuscles);
    b.text(Topic::Evidence, "Evidence", {evidenceLine(t.evidence)});
    b.sources(t.sources);
}

void describeStretch(const Stretch& s, EntryDocument& d, DocumentBuilder& b) {
    d.subtitle = capitalised(s.kind) + (s.alsoCalled.empty() ? "" : " \xC2\xB7 also: " + joined(s.alsoCalled, ", "));
    b.text(Topic::Summary, "In short", {s.summary});
    b.links(Topic::TargetMuscles, "Muscles it works", s.targetMuscles);
    b.list(Topic::Steps, "Step by step", s.steps, true);
    b.text(Topic::Dosage, "How much", {s.dosage});
    b.list(Topic::CommonMistakes, "Common mistakes", s.commonMistakes);
    b.points(Topic::StopIf, "Stop if", s.stopIf);
    b.text(Topic::Evidence, "Evidence", {evidenceLine(s.evidence)});
    b.sources(s.sources);
}

void describeGuide(const Guide& g, EntryDocument& d, DocumentBuilder& b) {
    d.subtitle = "Guide";
    b.text(Topic::Summary, "In short", {g.summary});
    // Safety first, as on a pain pattern: who should not, and when to see a clinician.
    b.contraindications(g.contraindications, g.missingContraindications);
    b.redFlags(g.redFlags, g.missingRedFlags);
    b.text(Topic::Body, "", g.body);
    b.links(Topic::PainPatterns, "Pain patterns", g.painPatterns);
    b.links(Topic::TightMuscles, "Usually short or overactive", g.tightMuscles);
    b.links(Topic::WeakMuscles, "Usually long or underactive", g.weakMuscles);
    b.links(Topic::Stretches, "Stretches and exercises", g.stretches);
    b.links(Topic::Techniques, "Techniques", g.techniques);
    b.text(Topic::Evidence, "Evidence", {evidenceLine(g.evidence)});
    b.sources(g.sources);
}

void wrap(std::ostringstream& out, const std::string& text, std::size_t width, const std::string& indent,
          const std::string& firstIndent) {
    std::istringstream words(text);
    std::string word;
    std::string line = firstIndent;
    bool lineHasWord = false;
    while (words >> word) {
        if (lineHasWord && line.size() + 1 + word.size() > width) {
            out << line << "\n";
            line = indent;
            lineHasWord = false;
        }
        line += (lineHasWord ? " " : "") + word;
        lineHasWord = true;
    }
    out << line << "\n";
}

}  // namespace

std::optional<EntryDocument> describeEntry(const Content& content, std::string_view id) {
    const std::optional<EntryKind> kind = content.kindOf(id);
    if (!kind) return std::nullopt;
    EntryDocument d;
    d.kind = *kind;
    d.id = std::string(id);
    d.title = content.nameOf(id);
    DocumentBuilder b(content, d);
    if (content.safety.failure) b.safetyMissing();
    switch (*kind) {
        case EntryKind::Muscle: describeMuscle(content, *content.muscle(id), d, b); break;
        case EntryKind::Group: describeGroup(content, *content.group(id), d, b); break;
        case EntryKind::Pain: describePain(content, *content.pain(id), d, b); break;
        case EntryKind::Technique: describeTechnique(*content.technique(id), d, b); break;
        case EntryKind::Stretch: describeStretch(*content.stretch(id), d, b); break;
        case EntryKind::Guide: describeGuide(*content.guide(id), d, b); break;
        case EntryKind::Region:
            d.subtitle = "Body region";
            break;
        case EntryKind::RedFlag: {
            const RedFlag& flag = *content.redFlag(id);
            d.subtitle = "Red flag";
            b.text(Topic::Signs, "Signs", {flag.signs}, true);
            b.text(Topic::WhatToDo, "What to do", {flag.action}, true);
            break;
        }
        case EntryKind::Contraindication: {
            const Contraindication& c = *content.contraindication(id);
            d.subtitle = "Contraindication";
            b.text(Topic::Why, "Why", {c.why}, true);
            b.text(Topic::WhatToDo, "What to do", {c.action}, true);
            break;
        }
        case EntryKind::Term: {
            const GlossaryTerm& t = *content.term(id);
            d.subtitle = "Term" + (t.alsoCalled.empty() ? "" : " \xC2\xB7 also: " + joined(t.alsoCalled, ", "));
            b.text(Topic::Definition, "What it means", {t.definition});
            b.sources(t.sources);
            break;
        }
    }
    // The words of the glossary this entry uses, one click from their meaning (not for a term's own
    // page, whose definition may use its other forms).
    if (*kind != EntryKind::Term) {
        std::string words;
        for (const DocumentSection& s : d.sections) {
            if (s.topic == Topic::Sources) continue;
            for (const std::string& p : s.paragraphs) (words += p) += '\n';
            for (const std::string& p : s.bullets) (words += p) += '\n';
        }
        b.links(Topic::Terms, "Words used here", glossaryTermsIn(content, words));
        // Read before the sources, which stay last.
        const auto sources = std::find_if(d.sections.begin(), d.sections.end(),
                                          [](const DocumentSection& s) { return s.topic == Topic::Sources; });
        if (!d.sections.empty() && d.sections.back().topic == Topic::Terms && sources != d.sections.end())
            std::rotate(sources, d.sections.end() - 1, d.sections.end());
    }
    return d;
}

std::vector<std::string> sentencesOf(std::string_view text) {
    std::vector<std::string> sentences;
    std::size_t start = 0;
    const auto push = [&](std::size_t end) {
        std::string_view s = text.substr(start, end - start);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
        while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
        if (!s.empty()) sentences.emplace_back(s);
    };
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        const char c = text[i];
        if ((c != '.' && c != '!' && c != '?') || text[i + 1] != ' ') continue;
        const unsigned char next = static_cast<unsigned char>(text[i + 2]);
        if (!std::isupper(next) && !std::isdigit(next)) continue;
        const std::string_view before = text.substr(0, i + 1);
        if (before.ends_with("e.g.") || before.ends_with("i.e.")) continue;
        push(i + 1);
        start = i + 2;
    }
    push(text.size());
    return sentences;
}

std::vector<std::string> glossaryTermsIn(const Content& content, std::string_view text) {
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const auto isWordChar = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; };
    const auto containsWord = [&](std::string word) {
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (word.empty()) return false;
        for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
            const bool startsWord = at == 0 || !isWordChar(lower[at - 1]);
            const std::size_t end = at + word.size();
            if (startsWord && (end == lower.size() || !isWordChar(lower[end]))) return true;
        }
        return false;
    };
    std::vector<std::string> found;
    for (const GlossaryTerm& t : content.glossary) {
        bool used = containsWord(t.name);
        for (const std::string& form : t.alsoCalled) used = used || containsWord(form);
        if (used) found.push_back(t.id);
    }
    return found;
}

std::string redFlagText(const RedFlag& flag) { return flag.name + ": " + flag.signs + " " + flag.action; }

const DocumentSection* EntryDocument::section(Topic topic) const {
    const auto found = std::find_if(sections.begin(), sections.end(),
                                    [topic](const DocumentSection& s) { return s.topic == topic; });
    return found == sections.end() ? nullptr : &*found;
}

std::string toPlainText(const EntryDocument& document, std::size_t width) {
    std::ostringstream out;
    out << document.title << "\n";
    if (!document.subtitle.empty()) wrap(out, document.subtitle, width, "", "");
    for (const DocumentSection& section : document.sections) {
        out << "\n";
        if (!section.heading.empty()) out << (section.caution ? "! " : "") << section.heading << "\n";
        for (const std::string& paragraph : section.paragraphs) wrap(out, paragraph, width, "  ", "  ");
        for (std::size_t i = 0; i < section.bullets.size(); ++i) {
            const std::string marker = section.numbered ? std::to_string(i + 1) + ". " : "- ";
            wrap(out, section.bullets[i], width, "    ", "  " + marker);
        }
        for (const DocumentLink& link : section.links) out << "  - " << link.label << " [" << link.id << "]\n";
    }
    return out.str();
}

}  // namespace dorsal
