// write_output_dir: `dateline compile --out DIR` replaces only what dateline
// made, atomically, and leaves everything beside DIR alone.
#include <fcntl.h>
#include <grp.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "compiler/output_dir.h"

namespace dateline {
namespace {

namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;

const char* const kMarker = ".dateline-output";

const Files kFirst = {
    {"article_data.cpp", "// first article\n"},
    {"article.html", "<p>first</p>\n"},
    {"map.bin", std::string("\0\1\2first", 8)},
    {"slug.txt", "first\n"},
};
const Files kSecond = {
    {"article_data.cpp", "// second article\n"},
    {"article.html", "<p>second</p>\n"},
    {"slug.txt", "second\n"},
};

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::set<std::string> entries(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

std::set<std::string> names_with_marker(const Files& files) {
    std::set<std::string> names{kMarker};
    for (const auto& [name, contents] : files) names.insert(name);
    return names;
}

// A pid that belonged to a process which has exited (and was reaped).
pid_t dead_pid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);
    return child;
}

class OutputDir : public ::testing::Test {
protected:
    void SetUp() override {
        char templ[] = "/tmp/output_dir_test.XXXXXX";
        ASSERT_NE(mkdtemp(templ), nullptr);
        root_ = templ;
    }
    void TearDown() override {
        unsetenv("DATELINE_TEST_NO_RENAME_EXCHANGE");
        std::error_code ec;
        // Read-only folders left by a test would stop remove_all.
        for (auto it = fs::recursive_directory_iterator(root_, ec); !ec && it != fs::end(it);
             it.increment(ec)) {
            if (it->is_directory() && !it->is_symlink())
                fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
        fs::remove_all(root_, ec);
    }

    // The folder holds exactly `files` (byte for byte) and the marker.
    void expect_output(const fs::path& dir, const Files& files) {
        ASSERT_TRUE(fs::is_directory(dir)) << dir;
        EXPECT_EQ(entries(dir), names_with_marker(files)) << dir;
        for (const auto& [name, contents] : files) EXPECT_EQ(read_text(dir / name), contents) << name;
        const std::string marker = read_text(dir / kMarker);
        EXPECT_NE(marker.find("dateline"), std::string::npos) << marker;
        EXPECT_EQ(std::count(marker.begin(), marker.end(), '\n'), 1) << marker;
    }

    fs::path root_;
};

TEST_F(OutputDir, creates_a_new_folder_with_the_marker) {
    const fs::path out = root_ / "out";
    EXPECT_EQ(write_output_dir(out.string(), kFirst), "");
    expect_output(out, kFirst);
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});  // no temporary left beside it
}

TEST_F(OutputDir, creates_missing_parent_folders) {
    const fs::path out = root_ / "a" / "b" / "out";
    EXPECT_EQ(write_output_dir(out.string(), kFirst), "");
    expect_output(out, kFirst);
}

TEST_F(OutputDir, relative_path_works) {
    const fs::path cwd = fs::current_path();
    fs::current_path(root_);
    const std::string first = write_output_dir("out", kFirst);
    const std::string second = write_output_dir("out", kSecond);
    fs::current_path(cwd);
    EXPECT_EQ(first, "");
    EXPECT_EQ(second, "");
    expect_output(root_ / "out", kSecond);
}

TEST_F(OutputDir, replaces_its_own_output) {
    const fs::path out = root_ / "out";
    ASSERT_EQ(write_output_dir(out.string(), kFirst), "");
    EXPECT_EQ(write_output_dir(out.string(), kSecond), "");
    expect_output(out, kSecond);  // map.bin, no longer written, is gone
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});
}

TEST_F(OutputDir, replaces_a_marked_folder_whole) {
    // The marker says the whole folder may be replaced, whatever was added to it.
    const fs::path out = root_ / "out";
    ASSERT_EQ(write_output_dir(out.string(), kFirst), "");
    write_text(out / "notes.txt", "added later\n");
    EXPECT_EQ(write_output_dir(out.string(), kSecond), "");
    expect_output(out, kSecond);
}

TEST_F(OutputDir, fills_an_empty_existing_folder) {
    const fs::path out = root_ / "out";
    fs::create_directory(out);
    EXPECT_EQ(write_output_dir(out.string(), kFirst), "");
    expect_output(out, kFirst);
}

TEST_F(OutputDir, refuses_a_folder_it_did_not_make) {
    // `dateline compile arts/harbour-vote.json --out arts`
    const fs::path arts = root_ / "arts";
    fs::create_directories(arts / "drafts");
    write_text(arts / "harbour-vote.json", "{\"slug\": \"harbour-vote\"}\n");
    write_text(arts / "article.html", "<p>mine, not the compiler's</p>\n");
    write_text(arts / "drafts" / "x.json", "{}\n");
    const std::string error = write_output_dir(arts.string(), kFirst);
    EXPECT_NE(error.find(arts.string()), std::string::npos) << error;
    EXPECT_NE(error.find(kMarker), std::string::npos) << error;  // says what would make it acceptable
    EXPECT_EQ(entries(arts), (std::set<std::string>{"article.html", "drafts", "harbour-vote.json"}));
    EXPECT_EQ(read_text(arts / "harbour-vote.json"), "{\"slug\": \"harbour-vote\"}\n");
    EXPECT_EQ(read_text(arts / "article.html"), "<p>mine, not the compiler's</p>\n");
    EXPECT_EQ(read_text(arts / "drafts" / "x.json"), "{}\n");
    EXPECT_EQ(entries(root_), std::set<std::string>{"arts"});
}

TEST_F(OutputDir, takes_over_the_old_versions_output) {
    // Build trees made before the marker existed: only the compiler's own file names.
    const fs::path out = root_ / "out";
    fs::create_directory(out);
    for (const char* name :
         {"article_data.cpp", "article.html", "charset.txt", "slug.txt", "index.html", "map.bin"}) {
        write_text(out / name, std::string("old ") + name);
    }
    EXPECT_EQ(write_output_dir(out.string(), kSecond), "");
    expect_output(out, kSecond);
}

TEST_F(OutputDir, old_version_rule_needs_only_regular_files_with_its_names) {
    const auto refused = [&](const char* what, const std::function<void(const fs::path&)>& add) {
        const fs::path out = root_ / what;
        fs::create_directory(out);
        write_text(out / "article_data.cpp", "old");
        write_text(out / "slug.txt", "old\n");
        add(out);
        const std::set<std::string> before = entries(out);
        EXPECT_NE(write_output_dir(out.string(), kFirst), "") << what;
        EXPECT_EQ(entries(out), before) << what;
        EXPECT_EQ(read_text(out / "article_data.cpp"), "old") << what;
    };
    refused("other-name", [](const fs::path& out) { write_text(out / "README", "mine"); });
    refused("folder-named-map.bin", [](const fs::path& out) { fs::create_directory(out / "map.bin"); });
    refused("symlink-named-index.html", [&](const fs::path& out) {
        write_text(root_ / "elsewhere.html", "mine");
        fs::create_symlink(root_ / "elsewhere.html", out / "index.html");
    });
    EXPECT_EQ(read_text(root_ / "elsewhere.html"), "mine");
}

TEST_F(OutputDir, trailing_slash_is_the_same_folder) {
    const fs::path out = root_ / "out";
    EXPECT_EQ(write_output_dir(out.string() + "/", kFirst), "");
    expect_output(out, kFirst);
    EXPECT_EQ(write_output_dir(out.string() + "//", kSecond), "");
    expect_output(out, kSecond);
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});
}

TEST_F(OutputDir, refuses_dot_and_dot_dot) {
    fs::create_directory(root_ / "out");
    EXPECT_NE(write_output_dir((root_ / "out" / ".").string(), kFirst), "");
    EXPECT_NE(write_output_dir((root_ / "out" / "..").string(), kFirst), "");
    EXPECT_TRUE(fs::is_empty(root_ / "out"));
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});
}

TEST_F(OutputDir, symlink_is_kept_and_the_folder_it_points_to_is_replaced) {
    const fs::path real = root_ / "build" / "gen";
    const fs::path link = root_ / "out";
    ASSERT_EQ(write_output_dir(real.string(), kFirst), "");
    fs::create_symlink("build/gen", link);
    EXPECT_EQ(write_output_dir(link.string(), kSecond), "");
    ASSERT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link), fs::path("build/gen"));
    expect_output(real, kSecond);
    EXPECT_EQ(entries(root_), (std::set<std::string>{"build", "out"}));
    EXPECT_EQ(entries(root_ / "build"), std::set<std::string>{"gen"});
    // With a trailing slash too.
    EXPECT_EQ(write_output_dir(link.string() + "/", kFirst), "");
    ASSERT_TRUE(fs::is_symlink(link));
    expect_output(real, kFirst);
}

TEST_F(OutputDir, symlink_to_a_foreign_folder_is_refused) {
    const fs::path real = root_ / "mine";
    fs::create_directory(real);
    write_text(real / "notes.txt", "mine\n");
    fs::create_symlink(real, root_ / "out");
    EXPECT_NE(write_output_dir((root_ / "out").string(), kFirst), "");
    EXPECT_EQ(entries(real), std::set<std::string>{"notes.txt"});
    EXPECT_TRUE(fs::is_symlink(root_ / "out"));
}

TEST_F(OutputDir, dangling_symlink_is_refused) {
    const fs::path link = root_ / "out";
    fs::create_symlink("missing", link);
    const std::string error = write_output_dir(link.string(), kFirst);
    EXPECT_NE(error.find(link.string()), std::string::npos) << error;
    ASSERT_TRUE(fs::is_symlink(link));
    EXPECT_EQ(fs::read_symlink(link), fs::path("missing"));
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});  // "missing" was not created
}

TEST_F(OutputDir, file_at_the_path_is_refused) {
    const fs::path out = root_ / "out";
    write_text(out, "a file, not a folder\n");
    const std::string error = write_output_dir(out.string(), kFirst);
    EXPECT_NE(error.find(out.string()), std::string::npos) << error;
    EXPECT_EQ(read_text(out), "a file, not a folder\n");
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});
}

TEST_F(OutputDir, removes_only_stale_temporaries_of_the_same_target) {
    const fs::path out = root_ / "out";
    ASSERT_EQ(write_output_dir(out.string(), kFirst), "");
    const std::string dead = std::to_string(dead_pid());
    const std::string live = std::to_string(getpid());
    const auto temp = [&](const std::string& name, bool marker) {
        fs::create_directory(root_ / name);
        write_text(root_ / name / "slug.txt", "half written\n");
        if (marker) write_text(root_ / name / kMarker, "dateline\n");
    };
    temp(".out.dateline-tmp-" + dead + "-0123abcd", true);                      // stale: removed
    fs::create_directory(root_ / (".out.dateline-tmp-" + dead + "-00000000"));  // stale and empty: removed
    temp(".out.dateline-tmp-" + live + "-89abcdef", true);    // its compile is still running
    temp(".out.dateline-tmp-" + dead + "-deadbeef", false);   // no marker: not ours
    temp(".other.dateline-tmp-" + dead + "-0123abcd", true);  // another target's
    temp(".out.dateline-tmp-" + dead + "-0123abcd-x", true);  // not the exact pattern
    temp("out.old", false);
    temp("out.new", false);
    write_text(root_ / "other.txt", "other\n");
    const std::set<std::string> kept = {
        "out",
        ".out.dateline-tmp-" + live + "-89abcdef",
        ".out.dateline-tmp-" + dead + "-deadbeef",
        ".other.dateline-tmp-" + dead + "-0123abcd",
        ".out.dateline-tmp-" + dead + "-0123abcd-x",
        "out.old",
        "out.new",
        "other.txt",
    };

    EXPECT_EQ(write_output_dir(out.string(), kSecond), "");
    expect_output(out, kSecond);
    EXPECT_EQ(entries(root_), kept);
    for (const std::string& name : kept) {
        if (name == "out" || name == "other.txt") continue;
        EXPECT_EQ(read_text(root_ / name / "slug.txt"), "half written\n") << name;
    }
    EXPECT_EQ(read_text(root_ / "other.txt"), "other\n");
}

TEST_F(OutputDir, leaves_siblings_named_old_and_new_alone) {
    const fs::path out = root_ / "out";
    fs::create_directory(root_ / "out.old");
    fs::create_directory(root_ / "out.new");
    write_text(root_ / "out.old" / "keep", "old\n");
    write_text(root_ / "out.new" / "keep", "new\n");
    ASSERT_EQ(write_output_dir(out.string(), kFirst), "");
    ASSERT_EQ(write_output_dir(out.string(), kSecond), "");
    EXPECT_EQ(read_text(root_ / "out.old" / "keep"), "old\n");
    EXPECT_EQ(read_text(root_ / "out.new" / "keep"), "new\n");
    EXPECT_EQ(entries(root_), (std::set<std::string>{"out", "out.old", "out.new"}));
}

// Root writes into read-only folders anyway, so as root the call runs in a
// child that has become `nobody`. Returns false if that is impossible here.
bool write_unprivileged(const fs::path& out, const Files& files, std::string& message) {
    if (geteuid() != 0) {
        message = write_output_dir(out.string(), files);
        return true;
    }
    int fds[2];
    if (pipe(fds) != 0) return false;
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        if (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0) _exit(3);
        const std::string m = write_output_dir(out.string(), files);
        const ssize_t written = write(fds[1], m.data(), m.size());
        _exit(written == static_cast<ssize_t>(m.size()) ? 0 : 4);
    }
    close(fds[1]);
    message.clear();
    char buffer[512];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<size_t>(n));
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 3) return false;
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << "the call crashed (status " << status << ")";
    return true;
}

TEST_F(OutputDir, unwritable_parent_gives_a_message) {
    const fs::path parent = root_ / "read-only";
    ASSERT_EQ(write_output_dir((parent / "old").string(), kFirst), "");
    fs::permissions(root_, fs::perms::all & ~fs::perms::group_write & ~fs::perms::others_write);
    fs::permissions(parent, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    std::string fresh, replaced;
    if (!write_unprivileged(parent / "new", kFirst, fresh) ||
        !write_unprivileged(parent / "old", kSecond, replaced)) {
        GTEST_SKIP() << "cannot drop root privileges here";
    }
    EXPECT_NE(fresh, "");
    EXPECT_NE(replaced, "");
    EXPECT_NE(replaced.find((parent / "old").string()), std::string::npos) << replaced;
    expect_output(parent / "old", kFirst);
    EXPECT_EQ(entries(parent), std::set<std::string>{"old"});
}

TEST_F(OutputDir, parent_that_is_a_file_gives_a_message) {
    write_text(root_ / "file", "x\n");
    EXPECT_NE(write_output_dir((root_ / "file" / "out").string(), kFirst), "");
    EXPECT_EQ(read_text(root_ / "file"), "x\n");
}

TEST_F(OutputDir, refuses_file_names_that_leave_the_folder) {
    const Files bad = {{"../escape.txt", "x"}, {"slug.txt", "x\n"}};
    EXPECT_NE(write_output_dir((root_ / "out").string(), bad), "");
    EXPECT_EQ(entries(root_), std::set<std::string>{});
}

TEST_F(OutputDir, two_step_fallback_replaces_its_own_output) {
    // What runs where the filesystem cannot exchange two names in one step.
    setenv("DATELINE_TEST_NO_RENAME_EXCHANGE", "1", 1);
    const fs::path out = root_ / "out";
    EXPECT_EQ(write_output_dir(out.string(), kFirst), "");
    EXPECT_EQ(write_output_dir(out.string(), kSecond), "");
    expect_output(out, kSecond);
    EXPECT_EQ(entries(root_), std::set<std::string>{"out"});
    fs::create_directory(root_ / "mine");
    write_text(root_ / "mine" / "notes.txt", "mine\n");
    EXPECT_NE(write_output_dir((root_ / "mine").string(), kSecond), "");
    EXPECT_EQ(read_text(root_ / "mine" / "notes.txt"), "mine\n");
}

}  // namespace
}  // namespace dateline
