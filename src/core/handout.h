#pragma once
// What goes on a client's take-home sheet about one entry (a muscle, a pain pattern, a technique
// or a guide): the plain-words explanation, the pictures, what to do at home, when to see a
// clinician, the notice that this is education and not diagnosis, the sources, the date and the
// therapist's note. Chosen here, from the entry documents, so that the typesetting (src/handout)
// and the app only lay it out and draw its pictures.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"
#include "core/entry_document.h"
#include "core/image.h"
#include "core/paper.h"
#include "core/search.h"

namespace dorsal {

// A handout that cannot be made: what() is one line saying why, for the user.
class HandoutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct HandoutPicture {
    Image image;
    std::string caption;
};

// The side a picture of the handout is taken from.
enum class PictureView {
    Best,      // where the subject is best seen (as a look-up in the window turns to)
    PainSide,  // for a muscle, the other side, when its pain is also felt there
};

struct HandoutPicturePlan {
    PictureView view = PictureView::Best;
    std::string caption;
};

struct Handout {
    std::string subjectId;
    EntryKind kind = EntryKind::Muscle;
    std::string title;     // the subject's name
    std::string subtitle;  // what it is, in one line
    std::string note;      // the therapist's note, or empty
    std::string date;      // "5 March 2025"
    // The subject in plain words: what it is, where it is felt, what helps.
    std::vector<DocumentSection> explanation;
    // The pictures to take (the app renders them) and, once taken, the pictures themselves.
    std::vector<HandoutPicturePlan> picturePlans;
    std::vector<HandoutPicture> pictures;
    // What to do at home: each stretch or exercise with its steps, dosage, mistakes and when to stop.
    std::vector<EntryDocument> exercises;
    // When to see a clinician: the warning signs, never empty.
    DocumentSection whenToSeeClinician;
    std::string notice;  // education, not diagnosis
    std::vector<std::string> sources;  // the subject's, then the exercises', each once
};

// The kinds of entry a handout can be about: muscles, pain patterns, techniques and guides.
bool canBeHandoutSubject(EntryKind kind);

// Plans the handout about `subject` (an id, or a name or nickname search resolves, see
// SearchIndex::entryNamed). `stretches`: the stretches and exercises to include, by id, in that
// order; nullopt for those the subject links to. `note`: the therapist's note (may be empty);
// `date`: as handoutDate writes it.
// Throws HandoutError for a note with a character findUnsafeCharacter refuses (tabs and line breaks
// are fine) or longer than kMaxTextBytes, an unknown subject or stretch (suggesting the closest ids), a subject of a
// kind canBeHandoutSubject refuses, a stretch id given twice, or content whose safety information
// could not be loaded (a handout never goes out without its warnings).
Handout planHandout(const Content& content, const SearchIndex& search, std::string_view subject,
                    const std::optional<std::vector<std::string>>& stretches, std::string note, std::string date);

// The local date of `when` as a reader writes it, in English: "5 March 2025".
std::string handoutDate(std::chrono::system_clock::time_point when);

}  // namespace dorsal
