#include "core/small_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

namespace dorsal {

namespace {

std::string errnoMessage(int error) { return std::error_code(error, std::generic_category()).message(); }

}  // namespace

SmallFileRead readSmallFile(const std::filesystem::path& path, std::size_t maxBytes) {
    SmallFileRead read;
    // Non-blocking, in case the file is (or was swapped for) a pipe.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        read.problem = SmallFileRead::Problem::Unreadable;
        read.reason = errnoMessage(errno);
        return read;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        read.problem = SmallFileRead::Problem::NotRegular;
    } else {
        std::array<char, 65536> buffer{};
        while (read.text.size() <= maxBytes) {
            const ssize_t got = ::read(fd, buffer.data(), buffer.size());
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) {
                read.problem = SmallFileRead::Problem::Unreadable;
                read.reason = errnoMessage(errno);
                break;
            }
            if (got == 0) break;
            read.text.append(buffer.data(), static_cast<std::size_t>(got));
        }
        if (read.problem == SmallFileRead::Problem::None && read.text.size() > maxBytes) {
            read.problem = SmallFileRead::Problem::TooLarge;
        }
    }
    ::close(fd);
    if (read.problem != SmallFileRead::Problem::None) read.text.clear();
    return read;
}

}  // namespace dorsal
