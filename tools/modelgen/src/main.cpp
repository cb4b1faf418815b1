// dorsal-modelgen: writes Dorsal's built-in anatomy model (a .glb) from the landmark files.
#include "glb.hpp"
#include "landmarks.hpp"
#include "model.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <string>

namespace {

int usage(std::FILE* to) {
    std::fprintf(to,
                 "usage: dorsal-modelgen OUT.glb [--landmarks CSV] [--added CSV] [--attachments CSV]\n"
                 "  Builds Dorsal's built-in back-anatomy model and writes it as glTF binary.\n"
                 "  --landmarks CSV  measured landmarks (default: %s/landmarks.csv)\n"
                 "  --added CSV      added landmarks (default: landmarks-added.csv beside --landmarks)\n"
                 "  --attachments CSV  where the muscles attach (default: attachments.csv beside --landmarks)\n",
                 dorsal::modelgen::default_landmark_dir().c_str());
    return to == stdout ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dorsal::modelgen;
    std::string out, measured, added, attachment_table;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") return usage(stdout);
        if (a == "--landmarks" || a == "--added" || a == "--attachments") {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "dorsal-modelgen: %s needs a file name\n", a.c_str());
                return 2;
            }
            (a == "--landmarks" ? measured : a == "--added" ? added : attachment_table) = argv[++i];
        } else if (!a.empty() && a[0] == '-') {
            std::fprintf(stderr, "dorsal-modelgen: unknown option `%s` (try --help)\n", a.c_str());
            return 2;
        } else if (out.empty()) {
            out = a;
        } else {
            std::fprintf(stderr, "dorsal-modelgen: one output file only (got `%s` and `%s`)\n", out.c_str(), a.c_str());
            return 2;
        }
    }
    if (out.empty()) return usage(stderr);
    if (measured.empty()) measured = default_landmark_dir() + "/landmarks.csv";
    const auto slash = measured.find_last_of('/');
    const std::string landmark_dir = slash == std::string::npos ? std::string() : measured.substr(0, slash + 1);
    if (added.empty()) added = landmark_dir + "landmarks-added.csv";
    if (attachment_table.empty()) attachment_table = landmark_dir + "attachments.csv";
    try {
        const auto t0 = std::chrono::steady_clock::now();
        Landmarks lm;
        lm.load_csv(measured);
        lm.load_csv(added);
        Attachments attachments;
        attachments.load_csv(attachment_table, lm);
        const Model model = build_model(lm, attachments);
        const auto bytes = encode_glb(model);
        write_file_atomically(out, bytes);
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::size_t leaves = 0;
        for (const auto& n : model.nodes) leaves += n.mesh >= 0 ? 1 : 0;
        // The time from reading the landmarks to the written file: the figure the README quotes.
        std::printf("wrote %s: %zu nodes (%zu meshes), %zu triangles, %zu bytes in %.2f s\n", out.c_str(),
                    model.nodes.size(), leaves, model.triangle_count(), bytes.size(), secs);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "dorsal-modelgen: %s\n", e.what());
        return 1;
    }
}
