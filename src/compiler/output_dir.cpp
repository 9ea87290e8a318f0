#include "compiler/output_dir.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>  // renameat2 (glibc 2.28+)
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>
#include <vector>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

namespace dateline {

namespace fs = std::filesystem;

bool read_file(const std::string& path, std::string& contents) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return false;  // opens fine on Linux, then reads as empty
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    contents = s.str();
    return static_cast<bool>(in) || in.eof();
}

namespace {

const char* const kMarkerText =
    "This folder is a dateline compile output; the next `dateline compile --out` may replace it whole.\n";

// What the compiler writes, now or in versions before the marker existed: a
// folder holding only these (as regular files) is an old output of ours.
const char* const kOwnNames[] = {"article_data.cpp", "article.html", "charset.txt",
                                 "slug.txt",         "index.html",   "map.bin"};

struct Fd {
    int fd = -1;
    explicit Fd(int f = -1) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) close(fd);
    }
};

std::string errno_text(int error) {
    return std::error_code(error, std::generic_category()).message();
}

// The output folder: `name` inside the folder open as `parent`.
struct Target {
    std::string parent;  // path of the folder holding it
    std::string name;
    std::string shown;  // for messages: what the user gave, and where a link led
};

std::string temp_prefix(const Target& t) {
    return "." + t.name + ".dateline-tmp-";
}

std::string strip_trailing_slashes(std::string path) {
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    return path;
}

// A symlink given as --out stays: the folder it points to is the one replaced,
// beside that folder, so the link still leads to the new output. A dangling
// link (or a loop) is refused: creating its target somewhere far from the
// link would surprise more than it helps.
std::string follow_link(std::string& path, Target& t) {
    struct stat st;
    if (lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return {};
    char* real = realpath(path.c_str(), nullptr);
    if (!real) {
        const int error = errno;
        std::error_code ec;
        return t.shown + ": is a symlink to " + fs::read_symlink(path, ec).string() +
               ", which cannot be followed (" + errno_text(error) +
               "); create the folder it points to, or give --out another folder";
    }
    path = real;
    std::free(real);
    t.shown += " (a symlink to " + path + ")";
    return {};
}

// Fills `t` from the --out argument, or returns why it cannot be an output folder.
std::string resolve_target(const std::string& dir, Target& t) {
    t.shown = dir;
    if (dir.empty()) return "no output folder given";
    std::string path = strip_trailing_slashes(dir);
    if (std::string error = follow_link(path, t); !error.empty()) return error;
    const std::size_t slash = path.rfind('/');
    t.name = slash == std::string::npos ? path : path.substr(slash + 1);
    t.parent = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    if (t.name.empty() || t.name == "." || t.name == "..") {
        return t.shown + ": name the output folder itself (not /, . or ..)";
    }
    return {};
}

// The parent folder, created if missing (as `mkdir -p` would: it only adds).
std::string open_parent(const Target& t, Fd& parent) {
    parent.fd = open(t.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (parent.fd < 0 && errno == ENOENT) {
        std::error_code ec;
        fs::create_directories(t.parent, ec);
        if (ec) return t.shown + ": cannot create the folder " + t.parent + ": " + ec.message();
        parent.fd = open(t.parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    if (parent.fd < 0) return t.shown + ": cannot open the folder " + t.parent + ": " + errno_text(errno);
    return {};
}

// Entry names of the folder `name` in `dir` (never through a symlink).
bool list_folder(int dir, const char* name, std::vector<std::string>& names) {
    const int fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return false;
    DIR* d = fdopendir(fd);
    if (!d) {
        close(fd);
        return false;
    }
    names.clear();
    while (const dirent* e = readdir(d)) {
        const std::string entry = e->d_name;
        if (entry != "." && entry != "..") names.push_back(entry);
    }
    closedir(d);
    return true;
}

bool is_regular(int dir, const std::string& name) {
    struct stat st;
    return fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode);
}

bool is_own_name(const std::string& name) {
    for (const char* own : kOwnNames) {
        if (name == own) return true;
    }
    return false;
}

enum class Existing { none, ours, foreign, not_folder, unreadable };

// Ours: empty, marked, or (from before the marker) only our file names.
Existing classify(int parent, const std::string& name, int& error) {
    struct stat st;
    if (fstatat(parent, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        error = errno;
        return error == ENOENT ? Existing::none : Existing::unreadable;
    }
    if (!S_ISDIR(st.st_mode)) return Existing::not_folder;
    std::vector<std::string> entries;
    if (!list_folder(parent, name.c_str(), entries)) {
        error = errno;
        return Existing::unreadable;
    }
    const std::string inside = name + "/";
    bool old_version = true;
    for (const std::string& entry : entries) {
        const bool regular = is_regular(parent, inside + entry);
        if (entry == kOutputMarker && regular) return Existing::ours;
        if (!regular || !is_own_name(entry)) old_version = false;
    }
    return old_version ? Existing::ours : Existing::foreign;
}

// Why `t` may not be replaced, or "" if it may.
std::string refusal(const Target& t, Existing kind, int error) {
    switch (kind) {
        case Existing::none:
        case Existing::ours:
            return {};
        case Existing::foreign:
            return t.shown +
                   ": refusing to replace a folder dateline did not make (it is not empty and has no " +
                   kOutputMarker + " file); nothing in it was changed. Give --out a new or empty folder, " +
                   "or one an earlier `dateline compile` wrote";
        case Existing::not_folder:
            return t.shown + ": exists and is not a folder; nothing was changed. Give --out a folder";
        case Existing::unreadable:
            break;
    }
    return t.shown + ": cannot inspect it: " + errno_text(error);
}

bool write_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Written and fsynced, so the rename that publishes it never publishes an
// empty or torn file after a crash.
bool write_durably(int dir, const std::string& name, const std::string& bytes) {
    Fd file(openat(dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
    if (file.fd < 0) return false;
    if (!write_all(file.fd, bytes) || fsync(file.fd) != 0) return false;
    const int fd = file.fd;
    file.fd = -1;
    return close(fd) == 0;
}

// A folder we are about to remove gets the marker first, so that if we are
// killed halfway, the next run still recognizes what is left as ours.
void mark(int parent, const std::string& name) {
    Fd file(openat(parent, (name + "/" + kOutputMarker).c_str(), O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
                   0666));
}

// Removes a folder of ours and everything in it, never following a symlink;
// the marker goes last, for the same reason as in mark().
bool remove_tree(int parent, const std::string& name) {
    std::vector<std::string> entries;
    if (!list_folder(parent, name.c_str(), entries)) return false;
    Fd dir(openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir.fd < 0) return false;
    for (const std::string& entry : entries) {
        if (entry == kOutputMarker) continue;
        if (unlinkat(dir.fd, entry.c_str(), 0) != 0 && errno == EISDIR) remove_tree(dir.fd, entry);
    }
    unlinkat(dir.fd, kOutputMarker, 0);
    return unlinkat(parent, name.c_str(), AT_REMOVEDIR) == 0;
}

std::string random_hex() {
    std::uint32_t word = 0;
    if (getrandom(&word, sizeof word, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof word)) {
        word = static_cast<std::uint32_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    char text[9];
    std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(word));
    return text;
}

std::string temp_name(const Target& t) {
    return temp_prefix(t) + std::to_string(getpid()) + "-" + random_hex();
}

// The pid in "<prefix><pid>-<8 hex digits>", or 0 if `entry` is not exactly that.
pid_t temp_owner(const std::string& entry, const std::string& prefix) {
    if (entry.compare(0, prefix.size(), prefix) != 0) return 0;
    const std::string rest = entry.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash > 9 || dash == std::string::npos || rest.size() != dash + 9) return 0;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const auto hex = [&](char c) { return digit(c) || (c >= 'a' && c <= 'f'); };
    if (!std::all_of(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(dash), digit) ||
        !std::all_of(rest.begin() + static_cast<std::ptrdiff_t>(dash) + 1, rest.end(), hex)) {
        return 0;
    }
    return static_cast<pid_t>(std::strtol(rest.c_str(), nullptr, 10));
}

// Temporaries of this target left by a compile that was killed: those whose
// process is gone and that carry the marker (or are empty: killed between
// mkdir and the marker). Nothing else beside the target is ever touched.
// (A pid is judged in this pid namespace; a temporary whose pid is reused is
// merely kept longer.)
void remove_stale_temps(int parent, const Target& t) {
    std::vector<std::string> entries;
    if (!list_folder(parent, ".", entries)) return;
    const std::string prefix = temp_prefix(t);
    for (const std::string& entry : entries) {
        const pid_t owner = temp_owner(entry, prefix);
        if (owner <= 0 || kill(owner, 0) == 0 || errno != ESRCH) continue;  // running, or not ours to judge
        struct stat st;
        if (fstatat(parent, entry.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode)) continue;
        if (is_regular(parent, entry + "/" + kOutputMarker)) {
            remove_tree(parent, entry);
        } else {
            unlinkat(parent, entry.c_str(), AT_REMOVEDIR);  // fails unless empty
        }
    }
}

// Creates the temporary folder beside the target, marker first, then every file.
std::string fill_temp(int parent, const Target& t, const std::map<std::string, std::string>& files,
                      std::string& temp) {
    for (int attempt = 0;; ++attempt) {
        temp = temp_name(t);
        if (mkdirat(parent, temp.c_str(), 0777) == 0) break;
        if (errno != EEXIST || attempt == 16) {
            const int error = errno;
            temp.clear();
            return t.shown + ": cannot create a temporary folder in " + t.parent + ": " + errno_text(error);
        }
    }
    Fd dir(openat(parent, temp.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir.fd < 0) return t.shown + ": cannot open " + temp + ": " + errno_text(errno);
    if (!write_durably(dir.fd, kOutputMarker, kMarkerText)) {
        return t.shown + ": cannot write into " + t.parent + "/" + temp + ": " + errno_text(errno);
    }
    for (const auto& [name, contents] : files) {
        if (!write_durably(dir.fd, name, contents)) {
            return t.shown + ": cannot write " + name + ": " + errno_text(errno);
        }
    }
    if (fsync(dir.fd) != 0) return t.shown + ": cannot sync " + temp + ": " + errno_text(errno);
    return {};
}

// Test hook (tests/cli/kill_loop.sh): DATELINE_TEST_PAUSE_BEFORE_SWAP_MS holds
// the complete temporary folder that long before the swap, so a SIGKILL can
// be aimed between the two.
void pause_for_tests() {
    const char* ms = std::getenv("DATELINE_TEST_PAUSE_BEFORE_SWAP_MS");
    if (ms && *ms) std::this_thread::sleep_for(std::chrono::milliseconds(std::strtol(ms, nullptr, 10)));
}

int rename2(int dir, const std::string& from, const std::string& to, unsigned flags) {
    // Test hook (output_dir_test): behave like a filesystem without renameat2 flags.
    if (std::getenv("DATELINE_TEST_NO_RENAME_EXCHANGE")) {
        errno = EINVAL;
        return -1;
    }
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 28))
    return renameat2(dir, from.c_str(), dir, to.c_str(), flags);
#elif defined(SYS_renameat2)
    return static_cast<int>(syscall(SYS_renameat2, dir, from.c_str(), dir, to.c_str(), flags));
#else
    errno = ENOSYS;
    return -1;
#endif
}

bool flags_unsupported(int error) {
    return error == EINVAL || error == ENOSYS || error == ENOTSUP;
}

// Where the filesystem cannot exchange two names in one step (old kernels,
// some network and FUSE filesystems answer EINVAL), two plain renames: the
// previous output moves aside to a second temporary name of ours, then the new
// one takes the target's name. Only between those two renames is the target
// missing; a SIGKILL right there leaves both as marked temporaries, which the
// next run removes before it writes the target anew. If the second rename
// fails, the first is undone. Nothing but our own folders is ever moved.
std::string replace_in_two_steps(int parent, const Target& t, const std::string& temp,
                                 std::string& leftover) {
    mark(parent, t.name);
    std::string aside = temp_name(t);
    struct stat st;
    while (fstatat(parent, aside.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) aside = temp_name(t);
    if (renameat(parent, t.name.c_str(), parent, aside.c_str()) != 0) {
        return t.shown + ": cannot move the previous output aside: " + errno_text(errno);
    }
    if (renameat(parent, temp.c_str(), parent, t.name.c_str()) != 0) {
        const int error = errno;
        renameat(parent, aside.c_str(), parent, t.name.c_str());
        return t.shown + ": cannot move the new output into place: " + errno_text(error);
    }
    leftover = aside;
    return {};
}

// No target yet. Without RENAME_NOREPLACE, a plain rename: a folder can only
// replace an empty folder that way, so nobody's files can be lost.
int move_into_empty_place(int parent, const Target& t, const std::string& temp) {
    if (rename2(parent, temp, t.name, RENAME_NOREPLACE) == 0) return 0;
    if (!flags_unsupported(errno)) return -1;
    return renameat(parent, temp.c_str(), parent, t.name.c_str());
}

// The target exists and was ours when we looked. After the exchange the
// previous output sits at `temp`; should it not be ours after all (replaced
// by someone in between), it is swapped straight back.
std::string exchange(int parent, const Target& t, const std::string& temp, std::string& leftover,
                     bool& vanished) {
    if (rename2(parent, temp, t.name, RENAME_EXCHANGE) != 0) {
        vanished = errno == ENOENT;
        if (flags_unsupported(errno)) return replace_in_two_steps(parent, t, temp, leftover);
        return t.shown + ": cannot replace it: " + errno_text(errno);
    }
    int error = 0;
    const Existing previous = classify(parent, temp, error);
    if (previous != Existing::ours) {
        // If swapping back fails, `temp` is not ours: leave it where it is.
        if (rename2(parent, temp, t.name, RENAME_EXCHANGE) != 0) leftover.clear();
        return refusal(t, previous == Existing::none ? Existing::unreadable : previous, error);
    }
    mark(parent, temp);
    return {};
}

// Puts the complete temporary folder in the target's place. `leftover` comes
// in as `temp` and goes out naming what is ours to remove afterwards: the
// previous output on success, the unused new one on failure, or nothing.
std::string swap_into_place(int parent, const Target& t, const std::string& temp, std::string& leftover) {
    // Looked at again right before the swap, and again if the target appears
    // or vanishes in between (another compile into the same folder).
    for (int attempt = 0; attempt < 4; ++attempt) {
        int error = 0;
        const Existing now = classify(parent, t.name, error);
        if (now != Existing::none && now != Existing::ours) return refusal(t, now, error);
        if (now == Existing::none) {
            if (move_into_empty_place(parent, t, temp) == 0) {
                leftover.clear();
                return {};
            }
            if (errno == EEXIST || errno == ENOTEMPTY) continue;
            return t.shown + ": cannot move the new output into place: " + errno_text(errno);
        }
        bool vanished = false;
        std::string result = exchange(parent, t, temp, leftover, vanished);
        if (!vanished) return result;
    }
    return t.shown + ": kept changing while dateline wrote it; run again";
}

bool is_plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name != kOutputMarker &&
           name.find('/') == std::string::npos && name.find('\0') == std::string::npos;
}

}  // namespace

std::string write_output_dir(const std::string& dir, const std::map<std::string, std::string>& files) {
    for (const auto& entry : files) {
        if (!is_plain_name(entry.first)) return dir + ": cannot write a file named \"" + entry.first + "\"";
    }
    Target target;
    if (std::string error = resolve_target(dir, target); !error.empty()) return error;
    Fd parent;
    if (std::string error = open_parent(target, parent); !error.empty()) return error;
    int inspect_error = 0;
    if (std::string error = refusal(target, classify(parent.fd, target.name, inspect_error), inspect_error);
        !error.empty()) {
        return error;
    }
    remove_stale_temps(parent.fd, target);

    std::string temp;
    std::string error = fill_temp(parent.fd, target, files, temp);
    std::string leftover = temp;  // ours to remove at the end
    if (error.empty()) {
        pause_for_tests();
        error = swap_into_place(parent.fd, target, temp, leftover);
        // Makes the new name durable. A failure here costs no consistency:
        // after a crash the folder is the whole old output or the whole new one.
        if (error.empty()) fsync(parent.fd);
    }
    if (!leftover.empty()) remove_tree(parent.fd, leftover);
    return error;
}

}  // namespace dateline
