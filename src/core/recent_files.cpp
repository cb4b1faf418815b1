#include "core/recent_files.h"

#include <algorithm>
#include <system_error>

namespace dorsal {

namespace {

std::filesystem::path normalised(const std::filesystem::path& path) {
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    return (ec ? path : absolute).lexically_normal();
}

}  // namespace

void RecentFiles::add(const std::filesystem::path& path) {
    const std::filesystem::path file = normalised(path);
    remove(file);
    files_.insert(files_.begin(), file);
    if (files_.size() > kMaxFiles) files_.resize(kMaxFiles);
}

void RecentFiles::remove(const std::filesystem::path& path) {
    const std::filesystem::path file = normalised(path);
    files_.erase(std::remove(files_.begin(), files_.end(), file), files_.end());
}

bool RecentFiles::available(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}  // namespace dorsal
