#include "compiler/output_dir.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

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

std::string write_output_dir(const std::string& dir, const std::map<std::string, std::string>& files) {
    std::error_code ec;
    const fs::path target = fs::absolute(dir);
    fs::create_directories(target.parent_path(), ec);
    const fs::path fresh = target.string() + ".new";
    const fs::path old = target.string() + ".old";
    fs::remove_all(fresh, ec);
    fs::remove_all(old, ec);
    if (!fs::create_directory(fresh, ec)) return "cannot create " + fresh.string() + ": " + ec.message();
    for (const auto& [name, contents] : files) {
        std::ofstream out(fresh / name, std::ios::binary);
        out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
        if (!out.flush()) {
            fs::remove_all(fresh, ec);
            return "cannot write " + (fresh / name).string();
        }
    }
    if (fs::exists(target)) fs::rename(target, old, ec);
    if (ec) {
        fs::remove_all(fresh, ec);
        return "cannot replace " + target.string();
    }
    fs::rename(fresh, target, ec);
    if (ec) {
        fs::rename(old, target, ec);
        return "cannot move output into " + target.string();
    }
    fs::remove_all(old, ec);
    return {};
}

}  // namespace dateline
