// ecomap command-line tool: reading and writing map files (see files.hpp).
#include "cli/files.hpp"

#include "core/utf8.hpp"

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ecomap::cli {

namespace {

// The system's reason for errno `code`, starting lower-case: "no such file or directory".
std::string reason(int code) {
    std::string text = std::generic_category().message(code);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
    return text;
}

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { release(); }
    int get() const { return fd_; }  // the descriptor; -1 when opening failed
    int release() {                  // closes now; returns close()'s result (0 when already closed)
        const int result = fd_ >= 0 ? ::close(fd_) : 0;
        fd_ = -1;
        return result;
    }

private:
    int fd_;
};

// The rejection of input over the limit; `size` is known for files, not for streams.
std::string too_large(std::optional<std::uintmax_t> size, std::size_t limit) {
    if (!size) return "rejected: the input is larger than the limit of " + text::human_size(limit);
    return "rejected: the file is " + text::human_size(*size) + "; the limit is " + text::human_size(limit);
}

}  // namespace

LoadedMap load_map(const std::string& path) {
    LoadedMap loaded;
    ImportOptions options;
    options.now_iso = now_iso_utc();
    FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat info {};
    if (file.get() < 0 || ::fstat(file.get(), &info) != 0) {
        loaded.problem = "cannot read: " + reason(errno);
        return loaded;
    }
    if (S_ISDIR(info.st_mode)) {
        loaded.problem = "cannot read: it is a directory, not a file";
        return loaded;
    }
    if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > options.max_bytes) {
        loaded.problem = too_large(static_cast<std::uintmax_t>(info.st_size), options.max_bytes);
        return loaded;
    }
    // Read at most one byte past the limit: pipes and devices have no size to check first.
    std::string bytes;
    char buffer[1 << 16];
    while (bytes.size() <= options.max_bytes) {
        const ssize_t got = ::read(file.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            loaded.problem = "cannot read: " + reason(errno);
            return loaded;
        }
        if (got == 0) break;
        bytes.append(buffer, static_cast<std::size_t>(got));
    }
    if (bytes.size() > options.max_bytes) {
        loaded.problem = too_large(std::nullopt, options.max_bytes);
        return loaded;
    }
    ImportResult result = import_document(bytes, options);
    if (!result.ok()) {
        loaded.problem = "rejected: " + (result.error ? describe(*result.error) : std::string("unknown error"));
        return loaded;
    }
    loaded.document = std::move(result.document);
    loaded.warnings = std::move(result.warnings);
    loaded.from_template = result.from_template;
    return loaded;
}

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (byte < 0x20 || byte == 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(byte));
            out += hex;
        } else {
            out += c;
        }
    }
    return out;
}

std::string describe(const ImportError& error) {
    std::string text = error.message;
    if (!error.path.empty() && text.find(error.path) == std::string::npos) text += " (at " + error.path + ")";
    return one_line(text);
}

std::string describe(const ImportWarning& warning) {
    return one_line(warning.path.empty() ? warning.message : warning.path + ": " + warning.message);
}


std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string record_counts(const Document& document) {
    return counted(document.entities.size(), "entity", "entities") + ", " +
           counted(document.placements.size(), "placement", "placements") + ", " +
           counted(document.relationships.size(), "relationship", "relationships");
}

std::string now_iso_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    char buffer[32] = "1970-01-01T00:00:00Z";
    if (::gmtime_r(&now, &utc) != nullptr) std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

bool same_file(const std::string& a, const std::string& b) {
    std::error_code error;
    if (std::filesystem::equivalent(a, b, error)) return true;
    const auto canonical_a = std::filesystem::weakly_canonical(a, error);
    if (error) return a == b;
    const auto canonical_b = std::filesystem::weakly_canonical(b, error);
    if (error) return a == b;
    return canonical_a == canonical_b;
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) return "it is a directory";
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (file.get() < 0) return "cannot create " + temporary + ": " + reason(errno);
    const auto fail = [&temporary](const std::string& what) {
        const std::string message = what + ": " + reason(errno);
        ::unlink(temporary.c_str());
        return message;
    };
    for (std::size_t written = 0; written < bytes.size();) {
        const ssize_t put = ::write(file.get(), bytes.data() + written, bytes.size() - written);
        if (put < 0 && errno == EINTR) continue;
        if (put < 0) return fail("cannot write " + temporary);
        written += static_cast<std::size_t>(put);
    }
    if (::fsync(file.get()) != 0) return fail("cannot flush " + temporary + " to disk");
    if (file.release() != 0) return fail("cannot close " + temporary);
    if (::rename(temporary.c_str(), path.c_str()) != 0) return fail("cannot rename " + temporary + " to " + path);
    return std::nullopt;
}

}  // namespace ecomap::cli
