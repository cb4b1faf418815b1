#include "core/toml_precheck.h"

#include <vector>

#include "core/text.h"

namespace dorsal {

namespace {

bool isAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool isAscii(char c) { return (static_cast<unsigned char>(c) & 0x80) == 0; }

// One pass over the text, tracking whether it is at a key or a value and the depth so far.
class Prechecker {
public:
    Prechecker(std::string_view text, int maxDepth) : text_(text), maxDepth_(maxDepth) {}

    std::optional<TomlRefusal> run() {
        if (text_.starts_with("\xEF\xBB\xBF")) at_ = 3;  // a byte order mark, which toml++ skips
        while (at_ < text_.size() && !refusal_) step(text_[at_]);
        return refusal_;
    }

private:
    struct Open {
        int depthBefore;
        bool inlineTable;  // else an array
    };

    void step(char c) {
        if (c == '#') return skipComment();
        if (c == '"' || c == '\'') {
            // Elsewhere toml++ does not read a string but looks on for whitespace, where a non-ASCII
            // character reaches its undefined behaviour ("aa=5\"é").
            if (lineStarted_ && std::string_view("=[,{.").find(previous_) == std::string_view::npos) {
                return refuse("a quote right after \"" + printable(std::string_view(&previous_, 1), 16) +
                              "\", where no string can begin");
            }
            if (atKey_ && !keyStarted_) startKey();
            skipString(c);
            noteSignificant(c);
            return;
        }
        if (c == '\n') lineStarted_ = false;
        if (c == '\n' && open_.empty()) {
            // A statement ends: the next line starts a key under the last table header.
            depth_ = headerDepth_;
            atKey_ = true;
            keyStarted_ = false;
        }
        if (isAsciiSpace(c)) return advance();
        if (!isAscii(c)) return refuse(quotedCharacter() + " is not allowed outside quotes and comments");
        noteSignificant(c);
        if (atKey_) return stepInKey(c);
        switch (c) {
            case '[': open(false); break;
            case '{': open(true); break;
            case ',':
                if (!open_.empty()) {
                    depth_ = open_.back().depthBefore + 1;
                    atKey_ = open_.back().inlineTable;
                    keyStarted_ = false;
                }
                break;
            case ']':
            case '}': close(); break;
            default: return bareValue();
        }
        advance();
    }

    // A number, a date, true or false: toml++ reads it up to whitespace, a comma, a closing
    // bracket or a comment, whatever stands between (quotes too), testing each character for
    // whitespace on the way, where a non-ASCII one reaches its undefined behaviour ("n=1=\"é").
    void bareValue() {
        while (at_ < text_.size() && !refusal_) {
            const char c = peek();
            if (isAsciiSpace(c) || c == ',' || c == ']' || c == '}' || c == '#') return;
            if (!isAscii(c)) return refuse(quotedCharacter() + " is not allowed outside quotes and comments");
            noteSignificant(c);
            advance();
        }
    }

    void stepInKey(char c) {
        if (c == '[' && open_.empty() && !keyStarted_) return header();
        if (c == '=') {
            atKey_ = false;
        } else if (c == '.') {
            deepen(1);
        } else if (c == '}') {
            close();
        } else if (c != ',' && !keyStarted_) {
            startKey();
        }
        advance();
    }

    void startKey() {
        keyStarted_ = true;
        deepen(1);
    }

    void open(bool inlineTable) {
        open_.push_back({depth_, inlineTable});
        deepen(1);
        atKey_ = inlineTable;
        keyStarted_ = false;
    }

    void close() {
        if (open_.empty()) return;  // unbalanced: the parser says so
        depth_ = open_.back().depthBefore;
        open_.pop_back();
        atKey_ = false;
    }

    // [a.b.c] or [[a.b.c]]: a path from the top, two levels a part.
    void header() {
        const bool arrayOfTables = peek(1) == '[';
        advance();
        if (arrayOfTables) advance();
        depth_ = 0;
        deepen(2);
        while (at_ < text_.size() && !refusal_ && peek() != ']' && peek() != '\n') {
            const char c = peek();
            if (c == '"' || c == '\'') {
                skipString(c);
                continue;
            }
            if (!isAscii(c)) return refuse(quotedCharacter() + " is not allowed outside quotes and comments");
            if (c == '.') deepen(2);
            advance();
        }
        if (peek() == ']') advance();
        if (arrayOfTables && peek() == ']') advance();
        headerDepth_ = depth_;
        noteSignificant(']');
        atKey_ = true;
        keyStarted_ = false;
    }

    // `c`, outside strings and comments, is the last character that is not whitespace.
    void noteSignificant(char c) {
        previous_ = c;
        lineStarted_ = true;
    }

    void skipComment() {
        while (at_ < text_.size() && peek() != '\n') advance();
    }

    // At the opening quote `q` of a basic (") or literal (') string, single- or multi-line.
    void skipString(char q) {
        const bool escapes = q == '"';
        if (peek(1) == q && peek(2) == q) {
            for (int i = 0; i < 3; ++i) advance();
            while (at_ < text_.size() && !refusal_ && !(peek() == q && peek(1) == q && peek(2) == q)) {
                if (escapes && peek() == '\\') {
                    escape(true);
                    continue;
                }
                advance();
            }
            while (peek() == q) advance();  // the closing quotes, and up to two quotes of content before them
            return;
        }
        advance();
        while (at_ < text_.size() && !refusal_ && peek() != q && peek() != '\n') {
            if (escapes && peek() == '\\') {
                escape(false);
                continue;
            }
            advance();
        }
        if (peek() == q) advance();
    }

    // At a backslash in a basic string: the escaped character, or in a multi-line string a line
    // end with the spaces around it. What follows must be ASCII, where toml++ tests for whitespace.
    void escape(bool multiLine) {
        advance();
        const bool lineEnd = multiLine && isAsciiSpace(peek());
        while (lineEnd && at_ < text_.size() && isAsciiSpace(peek())) advance();
        if (at_ < text_.size() && !isAscii(peek())) {
            return refuse("a backslash followed by " + quotedCharacter() +
                          ": an escape must be ASCII, such as \\u00E9, and a line continued with a backslash must "
                          "go on with an ASCII character");
        }
        // After a line end the string goes on (or closes) here; else this is the escaped character.
        if (!lineEnd && at_ < text_.size() && peek() != '\n') advance();
    }

    // The character at the current position, quoted and escaped for a message: "é", "\u{202E}".
    std::string quotedCharacter() const {
        std::size_t length = 1;
        while (at_ + length < text_.size() && length < 4 && (static_cast<unsigned char>(text_[at_ + length]) & 0xC0) == 0x80) {
            ++length;
        }
        const std::string_view character = text_.substr(at_, length);
        std::string quoted(1, '"');
        quoted.append(printable(character, 16)).append(1, '"');
        return quoted;
    }

    void refuse(std::string message) {
        if (!refusal_) refusal_ = TomlRefusal{line_, column_, std::move(message)};
    }

    void deepen(int levels) {
        depth_ += levels;
        if (depth_ > maxDepth_) {
            refuse("nested more than " + std::to_string(maxDepth_) + " levels deep (tables, lists and dotted keys)");
        }
    }

    char peek(std::size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }

    void advance() {
        if (at_ >= text_.size()) return;
        const auto c = static_cast<unsigned char>(text_[at_++]);
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column_;  // not a UTF-8 continuation byte: a new character
        }
    }

    std::string_view text_;
    int maxDepth_;
    std::size_t at_ = 0;
    int line_ = 1;
    int column_ = 1;
    int depth_ = 0;
    int headerDepth_ = 0;
    bool atKey_ = true;
    bool keyStarted_ = false;
    char previous_ = '\n';     // the last character outside strings and comments that is not whitespace
    bool lineStarted_ = false;  // whether this line has one
    std::vector<Open> open_;
    std::optional<TomlRefusal> refusal_;
};

}  // namespace

std::optional<TomlRefusal> precheckToml(std::string_view toml, int maxDepth) {
    return Prechecker(toml, maxDepth).run();
}

}  // namespace dorsal
