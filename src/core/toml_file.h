#pragma once
// Reading a small TOML file of the project's (a names file, a mapping file) into a toml++ table,
// with the project's guards: a size limit, no FIFOs or devices, no binary data, no nesting deep
// enough to overflow toml++'s stack. Errors are one line naming the file and, where known, the line.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

#include <toml++/toml.h>

namespace dorsal {

// A TOML file that cannot be read or parsed: what() is "<file>[:<line>]: <what is wrong>".
class TomlFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// "<file>" or "<file>:<line of node>", the file name made printable; for messages.
std::string tomlWhere(const std::filesystem::path& path, const toml::node* node);

// Reads and parses the TOML file `path`. `kind` names it in messages ("names file"), `maxBytes` is
// the most it may hold and `maxNesting` how deep it may nest (see precheckToml). Throws
// TomlFileError for a missing, unreadable or non-regular file, one past `maxBytes`, one holding NUL
// bytes, and one that is not valid TOML.
toml::table readTomlFile(const std::filesystem::path& path, std::string_view kind, std::size_t maxBytes, int maxNesting);

}  // namespace dorsal
