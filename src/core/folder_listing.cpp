#include "core/folder_listing.h"

#include <algorithm>
#include <cctype>
#include <system_error>

namespace dorsal {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

}  // namespace

bool hasExtension(std::string_view name, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& extension) {
        if (name.size() <= extension.size()) return false;
        const std::string_view end = name.substr(name.size() - extension.size());
        return std::equal(end.begin(), end.end(), extension.begin(), extension.end(),
                          [](char a, char b) { return lower(a) == lower(b); });
    });
}

bool naturalLess(std::string_view a, std::string_view b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Compare the numbers by value: skip leading zeros, then the longer run is larger.
            std::size_t startA = i;
            std::size_t startB = j;
            while (startA < a.size() && a[startA] == '0') ++startA;
            while (startB < b.size() && b[startB] == '0') ++startB;
            std::size_t endA = startA;
            std::size_t endB = startB;
            while (endA < a.size() && isDigit(a[endA])) ++endA;
            while (endB < b.size() && isDigit(b[endB])) ++endB;
            if (endA - startA != endB - startB) return endA - startA < endB - startB;
            const int order = a.substr(startA, endA - startA).compare(b.substr(startB, endB - startB));
            if (order != 0) return order < 0;
            i = endA;
            j = endB;
            continue;
        }
        if (lower(a[i]) != lower(b[j])) return lower(a[i]) < lower(b[j]);
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
    return a < b;  // the same but for case: a fixed order all the same
}

FolderListing listFolder(const std::filesystem::path& folder, const std::vector<std::string>& extensions) {
    FolderListing listing;
    std::error_code ec;
    std::filesystem::directory_iterator it(folder, ec);
    if (ec) {
        listing.error = ec.message();
        return listing;
    }
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.') continue;
        std::error_code typeError;
        const std::filesystem::file_status status = std::filesystem::status(it->path(), typeError);
        if (typeError) continue;
        if (std::filesystem::is_directory(status)) {
            listing.entries.push_back({name, true});
        } else if (std::filesystem::is_regular_file(status) && hasExtension(name, extensions)) {
            listing.entries.push_back({name, false});
        }
    }
    if (ec) listing.error = ec.message();
    std::sort(listing.entries.begin(), listing.entries.end(), [](const FolderEntry& a, const FolderEntry& b) {
        if (a.isFolder != b.isFolder) return a.isFolder;
        return naturalLess(a.name, b.name);
    });
    return listing;
}

}  // namespace dorsal
