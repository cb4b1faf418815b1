#include "handout/handout_pdf.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <memory>
#include <numbers>
#include <optional>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/image.h"
#include "core/output_file.h"
#include "core/text.h"

namespace dorsal {

namespace {

// --- the page ---

struct PageGeometry {
    double width = 0;   // points
    double height = 0;
    double left = 0;    // the text block
    double right = 0;
    double top = 0;
    double bottom = 0;  // text stops here; the footer lies below
    double textWidth() const { return right - left; }
};

PageGeometry geometryOf(PaperSize paper) {
    PageGeometry page;
    // A4 is 210 x 297 mm, Letter 8.5 x 11 in; margins of about 19 mm, a little more at the foot.
    page.width = paper == PaperSize::A4 ? 595.276 : 612.0;
    page.height = paper == PaperSize::A4 ? 841.890 : 792.0;
    page.left = 54.0;
    page.right = page.width - 54.0;
    page.top = 50.0;
    page.bottom = page.height - 62.0;
    return page;
}

constexpr double kPictureGap = 14.0;        // between two pictures side by side
constexpr double kPictureHeightShare = 0.40;  // of the text block's height
constexpr double kPictureDpi = 200.0;
constexpr double kLabelPoints = 8.5;        // the labels in the pictures, as printed
constexpr double kUiBodyPixels = 16.0;      // the UI's body font at scale 1 (ui/interface.cpp)

// Where each picture goes: `count` pictures side by side across the text block.
std::pair<double, double> pictureExtent(const PageGeometry& page, std::size_t count) {
    const double n = static_cast<double>(std::max<std::size_t>(count, 1));
    const double width = (page.textWidth() - kPictureGap * (n - 1)) / n;
    const double height = (page.bottom - page.top) * kPictureHeightShare;
    return {width, height};
}

// --- type ---

struct Rgb {
    double r, g, b;
};
constexpr Rgb kInk{0.13, 0.14, 0.16};
constexpr Rgb kMuted{0.38, 0.41, 0.45};
constexpr Rgb kAccent{0.09, 0.36, 0.48};      // headings: a deep teal
constexpr Rgb kRule{0.78, 0.82, 0.85};
constexpr Rgb kNoteFill{0.92, 0.96, 0.98};
constexpr Rgb kCautionFill{0.995, 0.94, 0.92};
constexpr Rgb kCautionBar{0.80, 0.30, 0.17};
constexpr Rgb kCautionInk{0.58, 0.16, 0.07};
constexpr Rgb kNoticeFill{0.95, 0.95, 0.94};

constexpr const char* kFamily = "DejaVu Sans";
constexpr double kBodySize = 10.0;
constexpr double kLineSpacing = 1.22;

void setColour(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

std::string escaped(std::string_view text) {
    gchar* markup = g_markup_escape_text(text.data(), static_cast<gssize>(text.size()));
    std::string out(markup);
    g_free(markup);
    return out;
}

struct Style {
    double size = kBodySize;
    bool bold = false;
    bool italic = false;
    Rgb colour = kInk;
    double spacing = kLineSpacing;
    PangoAlignment align = PANGO_ALIGN_LEFT;
};

struct GObjectRelease {
    void operator()(gpointer object) const { g_object_unref(object); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

// --- the flow: pieces placed down the pages ---

// The smallest thing placed on a page: a line of text, a heading's line, a picture row. A piece
// with `keepWithNext` goes to the next page with the piece after it rather than stay alone.
struct Piece {
    double before = 0;  // space above it, dropped at the top of a page
    double height = 0;
    bool keepWithNext = false;
    int box = -1;  // the tinted box it is drawn in (an index into Flow::boxes), or -1
    std::function<void(cairo_t*, double top)> draw;
};

struct Box {
    Rgb fill;
    std::optional<Rgb> bar;  // a bar down the left edge
};

struct Placed {
    int page = 0;
    double top = 0;
};

class Flow {
public:
    Flow(cairo_t* cr, const PageGeometry& page) : cr_(cr), page_(page) {
        context_.reset(pango_cairo_create_context(cr), GObjectRelease{});
        // Sizes are in points, as the PDF is: one unit of the surface is one point.
        pango_cairo_context_set_resolution(context_.get(), 72.0);
        cairo_font_options_t* options = cairo_font_options_create();
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
        pango_cairo_context_set_font_options(context_.get(), options);
        cairo_font_options_destroy(options);
    }

    const PageGeometry& page() const { return page_; }
    std::vector<Piece>& pieces() { return pieces_; }
    std::vector<Box> boxes;

    // A layout of `markup` in `style`, wrapped at `width` points.
    LayoutPtr layout(const std::string& markup, const Style& style, double width) const {
        LayoutPtr layout(pango_layout_new(context_.get()), GObjectRelease{});
        PangoFontDescription* font = pango_font_description_new();
        pango_font_description_set_family(font, kFamily);
        pango_font_description_set_size(font, static_cast<gint>(std::lround(style.size * PANGO_SCALE)));
        pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_style(font, style.italic ? PANGO_STYLE_OBLIQUE : PANGO_STYLE_NORMAL);
        pango_layout_set_font_description(layout.get(), font);
        pango_font_description_free(font);
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.spacing));
        pango_layout_set_alignment(layout.get(), style.align);
        pango_layout_set_markup(layout.get(), markup.c_str(), -1);
        return layout;
    }

    // Adds `markup` as lines at `x` (from the left margin), `width` wide; `marker` (a step's
    // number, a bullet) hangs to the left of the first line, at `markerX`. The first two and the
    // last two lines of a paragraph stay together, so no line is left alone at a page's foot or
    // head; `keepLastWithNext` ties the last line to what follows (a heading to its text).
    void text(const std::string& markup, const Style& style, double x, double width, double before,
              bool keepLastWithNext = false, const std::string& marker = {}, double markerX = 0) {
        const LayoutPtr body = layout(markup, style, width);
        const LayoutPtr markerLayout = marker.empty() ? nullptr : layout(escaped(marker), style, x - markerX);
        const int count = pango_layout_get_line_count(body.get());
        PangoLayoutIter* iter = pango_layout_get_iter(body.get());
        int index = 0;
        do {
            int y0 = 0;
            int y1 = 0;
            pango_layout_iter_get_line_yrange(iter, &y0, &y1);
            const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter) - y0) / PANGO_SCALE;
            Piece& piece = pieces_.emplace_back();
            piece.before = index == 0 ? before : 0.0;
            piece.height = static_cast<double>(y1 - y0) / PANGO_SCALE;
            piece.keepWithNext = (index == 0 && count > 1) || (index == count - 2) ||
                                 (index == count - 1 && keepLastWithNext);
            piece.box = currentBox_;
            const double left = page_.left + x;
            const Rgb colour = style.colour;
            PangoLayoutLine* line = pango_layout_get_line_readonly(body.get(), index);
            // The line's own offset: centred or right-aligned text starts further in.
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double offset = static_cast<double>(logical.x) / PANGO_SCALE;
            piece.draw = [body, line, left, offset, baseline, colour, markerLayout, markerX, this,
                          first = index == 0](cairo_t* cr, double top) {
                setColour(cr, colour);
                if (first && markerLayout) {
                    PangoLayoutLine* markerLine = pango_layout_get_line_readonly(markerLayout.get(), 0);
                    cairo_move_to(cr, page_.left + markerX, top + baseline);
                    pango_cairo_show_layout_line(cr, markerLine);
                }
                cairo_move_to(cr, left + offset, top + baseline);
                pango_cairo_show_layout_line(cr, line);
            };
            ++index;
        } while (pango_layout_iter_next_line(iter));
        pango_layout_iter_free(iter);
    }

    // A gap, dropped at the top of a page.
    void space(double points) { pieces_.push_back({points, 0.0, false, currentBox_, [](cairo_t*, double) {}}); }

    void beginBox(const Box& box, double padding) {
        boxes.push_back(box);
        currentBox_ = static_cast<int>(boxes.size()) - 1;
        boxPadding_ = padding;
        pendingBoxTop_ = true;
    }
    void endBox() {
        currentBox_ = -1;
        space(boxPadding_ * 2.0);  // the box's own padding below, then room before what follows
    }
    double boxPadding() const { return boxPadding_; }
    // The space a box's first piece needs above it for the padding (asked once per box).
    double takeBoxTop() { return std::exchange(pendingBoxTop_, false) ? boxPadding_ : 0.0; }

    // Places every piece down the pages; returns where each went and the number of pages.
    std::pair<std::vector<Placed>, int> paginate() const {
        std::vector<Placed> placed(pieces_.size());
        int pageIndex = 0;
        double y = page_.top;
        bool pageEmpty = true;
        for (std::size_t i = 0; i < pieces_.size(); ++i) {
            // This piece and those kept with it, as far as they go.
            double chain = (pageEmpty ? 0.0 : pieces_[i].before) + pieces_[i].height;
            for (std::size_t j = i; pieces_[j].keepWithNext && j + 1 < pieces_.size(); ++j) {
                chain += pieces_[j + 1].before + pieces_[j + 1].height;
            }
            const double room = page_.bottom - page_.top;
            const double needed = std::min(chain, room);  // a chain longer than a page is broken anyway
            if (!pageEmpty && y + needed > page_.bottom + 0.01) {
                ++pageIndex;
                y = page_.top;
                pageEmpty = true;
            }
            if (!pageEmpty) y += pieces_[i].before;
            placed[i] = {pageIndex, y};
            y += pieces_[i].height;
            if (pieces_[i].height > 0) pageEmpty = false;
        }
        return {placed, pageIndex + 1};
    }

    cairo_t* cr() const { return cr_; }

private:
    cairo_t* cr_;
    PageGeometry page_;
    std::shared_ptr<PangoContext> context_;
    std::vector<Piece> pieces_;
    int currentBox_ = -1;
    double boxPadding_ = 0;
    bool pendingBoxTop_ = false;
};

// --- the handout's parts ---

constexpr double kParagraphGap = 5.0;
constexpr double kSectionGap = 11.0;
constexpr double kBulletIndent = 16.0;
constexpr double kBoxPadding = 9.0;
constexpr double kBoxInset = 12.0;  // text inside a box starts this far in

const Style kBody{};
const Style kHeading{11.5, true, false, kAccent, 1.1};
const Style kCautionHeading{11.5, true, false, kCautionInk, 1.1};
const Style kPartHeading{16.0, true, false, kAccent, 1.1};
const Style kExerciseTitle{12.5, true, false, kInk, 1.1};
const Style kSmall{8.0, false, false, kMuted, 1.2};
const Style kSubtitle{9.5, false, false, kMuted, 1.2};
const Style kCaption{8.5, false, true, kMuted, 1.2};

// Where text goes across the block: from `x`, `width` wide.
struct Column {
    double x = 0;
    double width = 0;
};

// "Name: what to do" with the name in bold, as red flags and contraindications read.
std::string boldLead(const std::string& item) {
    const std::size_t colon = item.find(": ");
    if (colon == std::string::npos || colon > 90) return escaped(item);
    return "<b>" + escaped(item.substr(0, colon + 1)) + "</b>" + escaped(item.substr(colon + 1));
}

void addItems(Flow& flow, const DocumentSection& section, const Column& column, const Style& style) {
    const double textX = column.x + kBulletIndent;
    const double textWidth = column.width - kBulletIndent;
    for (std::size_t i = 0; i < section.bullets.size(); ++i) {
        const std::string marker = section.numbered ? std::to_string(i + 1) + "." : "\xE2\x80\xA2";
        const std::string markup = section.caution ? boldLead(section.bullets[i]) : escaped(section.bullets[i]);
        flow.text(markup, style, textX, textWidth, kParagraphGap * 0.8, false, marker, column.x + (section.numbered ? 0 : 3));
    }
    for (const DocumentLink& link : section.links) {
        flow.text(escaped(link.label), style, textX, textWidth, kParagraphGap * 0.5, false, "\xE2\x80\xA2", column.x + 3);
    }
}

// A section: its heading kept with its first lines, then its paragraphs, steps, bullets and links.
void addSection(Flow& flow, const DocumentSection& section, const Column& column, double before,
                const Style& heading = kHeading) {
    if (!section.heading.empty()) {
        flow.text(escaped(section.heading), section.caution ? kCautionHeading : heading, column.x, column.width, before,
                  true);
        before = 2.0;
    }
    for (std::size_t i = 0; i < section.paragraphs.size(); ++i) {
        flow.text(escaped(section.paragraphs[i]), kBody, column.x, column.width, i == 0 ? before : kParagraphGap);
    }
    if (section.paragraphs.empty() && section.heading.empty()) flow.space(before);
    addItems(flow, section, column, kBody);
}

// A section in a tinted box (the therapist's note, the warnings, the notice).
void addBoxed(Flow& flow, const Box& box, const std::string& heading, const Style& headingStyle,
              const std::vector<std::string>& paragraphs, const DocumentSection* items, const Style& body = kBody) {
    const Column inside{kBoxInset, flow.page().textWidth() - 2 * kBoxInset};
    flow.space(kSectionGap);
    flow.beginBox(box, kBoxPadding);
    flow.text(escaped(heading), headingStyle, inside.x, inside.width, flow.takeBoxTop(), true);
    for (const std::string& paragraph : paragraphs) flow.text(escaped(paragraph), body, inside.x, inside.width, 3.0);
    if (items) addItems(flow, *items, inside, body);
    flow.endBox();
}

void addTitle(Flow& flow, const Handout& handout) {
    const PageGeometry& page = flow.page();
    Piece& eyebrow = flow.pieces().emplace_back();
    eyebrow.height = 14.0;
    eyebrow.keepWithNext = true;
    const LayoutPtr kind = flow.layout("<span letter_spacing=\"1200\">TAKE-HOME SHEET</span>", Style{8.5, true, false, kAccent},
                                       page.textWidth());
    const LayoutPtr date = flow.layout(escaped(handout.date), Style{9.0, false, false, kMuted, 1.0, PANGO_ALIGN_RIGHT},
                                       page.textWidth());
    eyebrow.draw = [kind, date, left = page.left](cairo_t* cr, double top) {
        setColour(cr, kAccent);
        cairo_move_to(cr, left, top);
        pango_cairo_show_layout(cr, kind.get());
        setColour(cr, kMuted);
        cairo_move_to(cr, left, top);
        pango_cairo_show_layout(cr, date.get());
    };
    flow.text(escaped(handout.title), Style{24.0, true, false, kInk, 1.05}, 0, page.textWidth(), 2.0, true);
    if (!handout.subtitle.empty()) flow.text(escaped(handout.subtitle), kSubtitle, 0, page.textWidth(), 3.0, true);
    Piece& rule = flow.pieces().emplace_back();
    rule.before = 8.0;
    rule.height = 1.0;
    rule.draw = [left = page.left, right = page.right](cairo_t* cr, double top) {
        setColour(cr, kAccent);
        cairo_set_line_width(cr, 1.2);
        cairo_move_to(cr, left, top + 0.5);
        cairo_line_to(cr, right, top + 0.5);
        cairo_stroke(cr);
    };
}

// A cairo surface of `image` carrying its JPEG encoding, which the PDF embeds as it is (a fraction
// of the size of the raw pixels).
std::shared_ptr<cairo_surface_t> surfaceOf(const Image& image) {
    std::shared_ptr<cairo_surface_t> surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height),
                                             cairo_surface_destroy);
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const int stride = cairo_image_surface_get_stride(surface.get());
    for (int y = 0; y < image.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            row[x] = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
        }
    }
    cairo_surface_mark_dirty(surface.get());
    auto* jpeg = new std::string(encodeImage(image, ImageFormat::Jpeg));
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, reinterpret_cast<const unsigned char*>(jpeg->data()),
                                jpeg->size(), [](void* bytes) { delete static_cast<std::string*>(bytes); }, jpeg);
    return surface;
}

void addPictures(Flow& flow, const std::vector<HandoutPicture>& pictures) {
    if (pictures.empty()) return;
    const PageGeometry& page = flow.page();
    const auto [width, height] = pictureExtent(page, pictures.size());
    struct Shown {
        std::shared_ptr<cairo_surface_t> surface;
        int pixelsWide;
        int pixelsHigh;
        LayoutPtr caption;
    };
    std::vector<Shown> shown;
    double captionHeight = 0;
    for (const HandoutPicture& picture : pictures) {
        if (picture.image.width <= 0 || picture.image.height <= 0) continue;
        LayoutPtr caption = flow.layout(escaped(picture.caption), kCaption, width);
        PangoRectangle logical;
        pango_layout_get_extents(caption.get(), nullptr, &logical);
        captionHeight = std::max(captionHeight, static_cast<double>(logical.height) / PANGO_SCALE);
        shown.push_back({surfaceOf(picture.image), picture.image.width, picture.image.height, caption});
    }
    if (shown.empty()) return;
    Piece& piece = flow.pieces().emplace_back();
    piece.before = kSectionGap + 2.0;
    piece.height = height + 5.0 + captionHeight;
    piece.draw = [shown, width, height, left = page.left](cairo_t* cr, double top) {
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const Shown& s = shown[i];
            const double x = left + static_cast<double>(i) * (width + kPictureGap);
            // The picture fills its frame, cropped evenly where the aspects differ.
            const double scale = std::max(width / s.pixelsWide, height / s.pixelsHigh);
            cairo_save(cr);
            const double radius = 5.0;
            cairo_new_sub_path(cr);
            cairo_arc(cr, x + width - radius, top + radius, radius, -std::numbers::pi / 2, 0);
            cairo_arc(cr, x + width - radius, top + height - radius, radius, 0, std::numbers::pi / 2);
            cairo_arc(cr, x + radius, top + height - radius, radius, std::numbers::pi / 2, std::numbers::pi);
            cairo_arc(cr, x + radius, top + radius, radius, std::numbers::pi, 3 * std::numbers::pi / 2);
            cairo_close_path(cr);
            cairo_clip(cr);
            cairo_translate(cr, x + (width - s.pixelsWide * scale) / 2, top + (height - s.pixelsHigh * scale) / 2);
            cairo_scale(cr, scale, scale);
            cairo_set_source_surface(cr, s.surface.get(), 0, 0);
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
            cairo_paint(cr);
            cairo_restore(cr);
            setColour(cr, kMuted);
            cairo_move_to(cr, x, top + height + 5.0);
            pango_cairo_show_layout(cr, s.caption.get());
        }
    };
}

void addExercise(Flow& flow, const EntryDocument& exercise, std::size_t number) {
    const double width = flow.page().textWidth();
    flow.text("<span foreground=\"#175c7a\">" + std::to_string(number) + "</span>\xE2\x80\x83" + escaped(exercise.title),
              kExerciseTitle, 0, width, kSectionGap * 1.6, true);
    if (!exercise.subtitle.empty()) flow.text(escaped(exercise.subtitle), kSubtitle, 0, width, 1.0, true);
    const Column column{0, width};
    for (const DocumentSection& section : exercise.sections) {
        if (section.caution) {
            // "Stop if": bold, in the warning colour, where the steps end.
            flow.text("<b>" + escaped(section.heading) + ":</b> " + escaped(section.paragraphs.empty() ? "" : section.paragraphs.front()),
                      Style{kBodySize, false, false, kCautionInk}, 0, width, kParagraphGap + 2.0);
            continue;
        }
        addSection(flow, section, column, 7.0, Style{10.0, true, false, kAccent, 1.1});
    }
}

void build(Flow& flow, const Handout& handout) {
    const PageGeometry& page = flow.page();
    const Column full{0, page.textWidth()};
    addTitle(flow, handout);
    if (!handout.note.empty()) {
        std::vector<std::string> paragraphs;
        std::size_t start = 0;
        while (start <= handout.note.size()) {  // a blank line or a line break starts a new paragraph
            const std::size_t end = std::min(handout.note.find('\n', start), handout.note.size());
            if (end > start) paragraphs.push_back(handout.note.substr(start, end - start));
            start = end + 1;
        }
        addBoxed(flow, {kNoteFill, kAccent}, "A note from your therapist", kHeading, paragraphs, nullptr);
    }
    addPictures(flow, handout.pictures);
    for (const DocumentSection& section : handout.explanation) {
        if (section.caution) {
            addBoxed(flow, {kCautionFill, kCautionBar}, section.heading, kCautionHeading, section.paragraphs, &section);
        } else {
            addSection(flow, section, full, kSectionGap);
        }
    }
    if (!handout.exercises.empty()) {
        flow.text(escaped("What to do at home"), kPartHeading, 0, page.textWidth(), kSectionGap * 2, true);
        flow.text(escaped("Move gently and within comfort: mild stretching is fine, pain is not. Stop and ask if anything "
                          "hurts more afterwards."),
                  kSubtitle, 0, page.textWidth(), 3.0, true);
        for (std::size_t i = 0; i < handout.exercises.size(); ++i) addExercise(flow, handout.exercises[i], i + 1);
    }
    const DocumentSection& clinician = handout.whenToSeeClinician;
    addBoxed(flow, {kCautionFill, kCautionBar}, clinician.heading, kCautionHeading, clinician.paragraphs, &clinician);
    addBoxed(flow, {kNoticeFill, std::nullopt}, "Education, not diagnosis", Style{10.0, true, false, kInk, 1.1},
             {handout.notice}, nullptr, Style{9.0, false, false, kInk, 1.2});
    if (!handout.sources.empty()) {
        flow.text(escaped("Sources"), Style{9.0, true, false, kMuted, 1.1}, 0, page.textWidth(), kSectionGap, true);
        for (const std::string& source : handout.sources) flow.text(escaped(source), kSmall, 0, page.textWidth(), 1.5);
    }
}

void drawBoxes(cairo_t* cr, const Flow& flow, const std::vector<Piece>& pieces, const std::vector<Placed>& placed,
               int page) {
    const PageGeometry& geometry = flow.page();
    std::size_t i = 0;
    while (i < pieces.size()) {
        if (placed[i].page != page || pieces[i].box < 0) {
            ++i;
            continue;
        }
        const int box = pieces[i].box;
        const double top = placed[i].top - flow.boxPadding();
        double bottom = placed[i].top + pieces[i].height;
        while (i < pieces.size() && placed[i].page == page && pieces[i].box == box) {
            bottom = std::max(bottom, placed[i].top + pieces[i].height);
            ++i;
        }
        bottom += flow.boxPadding();
        const Box& style = flow.boxes[static_cast<std::size_t>(box)];
        setColour(cr, style.fill);
        cairo_rectangle(cr, geometry.left, top, geometry.textWidth(), bottom - top);
        cairo_fill(cr);
        if (style.bar) {
            setColour(cr, *style.bar);
            cairo_rectangle(cr, geometry.left, top, 3.0, bottom - top);
            cairo_fill(cr);
        }
    }
}

void drawFooter(cairo_t* cr, const Flow& flow, const Handout& handout, int page, int pages) {
    const PageGeometry& geometry = flow.page();
    const double y = geometry.bottom + 26.0;
    setColour(cr, kRule);
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, geometry.left, y - 6.0);
    cairo_line_to(cr, geometry.right, y - 6.0);
    cairo_stroke(cr);
    const LayoutPtr left = flow.layout(escaped(handout.title + " \xC2\xB7 take-home sheet \xC2\xB7 " + handout.date +
                                              " \xC2\xB7 education, not diagnosis"),
                                       kSmall, geometry.textWidth() * 0.8);
    const LayoutPtr right = flow.layout("Page " + std::to_string(page + 1) + " of " + std::to_string(pages),
                                        Style{8.0, false, false, kMuted, 1.2, PANGO_ALIGN_RIGHT}, geometry.textWidth());
    setColour(cr, kMuted);
    cairo_move_to(cr, geometry.left, y);
    pango_cairo_show_layout(cr, left.get());
    cairo_move_to(cr, geometry.left, y);
    pango_cairo_show_layout(cr, right.get());
}

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

HandoutPictureSize handoutPictureSize(PaperSize paper, std::size_t count) {
    const auto [width, height] = pictureExtent(geometryOf(paper), count);
    HandoutPictureSize size;
    size.width = static_cast<int>(std::lround(width / 72.0 * kPictureDpi));
    size.height = static_cast<int>(std::lround(height / 72.0 * kPictureDpi));
    size.uiScale = static_cast<float>(kLabelPoints / (kUiBodyPixels * 72.0 / kPictureDpi));
    return size;
}

TypesetHandout typesetHandout(const Handout& handout, PaperSize paper) {
    const PageGeometry geometry = geometryOf(paper);
    TypesetHandout result;
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_pdf_surface_create_for_stream(appendBytes, &result.pdf, geometry.width, geometry.height),
        cairo_surface_destroy);
    const std::string title = handout.title + ": take-home sheet";
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Dorsal");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT,
                                   "Education, not diagnosis: a take-home sheet from a therapist");
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()), cairo_destroy);
    {
        Flow flow(cr.get(), geometry);
        build(flow, handout);
        const auto [placed, pages] = flow.paginate();
        const std::vector<Piece>& pieces = flow.pieces();
        for (int page = 0; page < pages; ++page) {
            drawBoxes(cr.get(), flow, pieces, placed, page);
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                if (placed[i].page == page) pieces[i].draw(cr.get(), placed[i].top);
            }
            drawFooter(cr.get(), flow, handout, page, pages);
            cairo_show_page(cr.get());
        }
        result.pages = pages;
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
        throw HandoutError(std::string("cannot make the PDF: ") + cairo_status_to_string(status));
    }
    return result;
}

std::string handoutPathProblem(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (extension == ".pdf") return {};
    return "a handout is a PDF file; give it a name ending in .pdf, such as handout.pdf";
}

void checkHandoutTarget(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs) {
    if (const std::string problem = handoutPathProblem(path); !problem.empty()) {
        throw FileError(printable(path.string()) + ": " + problem);
    }
    checkOutputTarget(path, inputs, "handout", "handout.pdf");
}

void writeHandout(const std::filesystem::path& path, const Handout& handout, PaperSize paper,
                  const std::vector<std::filesystem::path>& inputs) {
    checkHandoutTarget(path, inputs);
    writeFileAtomically(path, typesetHandout(handout, paper).pdf);
}

}  // namespace dorsal
