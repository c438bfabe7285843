// The record of an edition, kept in its hash cache ("<out>.hashes", manifest.h): it lets the build after next take
// that edition (by then "<out>.previous/", Staging::adopt_previous) without reading its folders. The hash cache
// already lists every file of the edition with its inode; the record adds which edition it is and every folder's
// inode and ctime, taken after the build's last write into it. Whoever adds, removes or renames a name in a folder
// gives that folder a new ctime, and no call a user can make sets it back: so one lstat per folder (no folder read,
// which at 1 000 000 projects is a million directory blocks) shows that the listing still holds. When anything
// differs, the edition is walked as before (list_tree_at).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "publish/file_tree.h"

namespace gongshi::publish {

std::filesystem::path hash_cache_path(const std::filesystem::path& out_dir);           // "<out>.hashes"
std::filesystem::path previous_hash_cache_path(const std::filesystem::path& out_dir);  // "<out>.previous.hashes"

// The record's first line, "# edition <identity>" (folder_identity of the edition's folder). The hash cache's
// reader passes over lines that do not parse as a file's, so these lines cost it nothing.
std::string edition_line(std::string_view identity);

// A folder of an edition as its record gives it.
struct RecordedFolder {
    std::string path;
    FolderStamp stamp;
};

// "# folder <ino> <ctime_ns> <path>" for every folder holding one of `files` (paths relative to `dir`, sorted),
// then "# folders <count>". A folder of `known` (sorted by path: the stamps of an adopted edition, checked when the
// build began) keeps its stamp unless it is above a path of `touched` (what the build wrote, linked or removed);
// every other folder is stat-ed now. A stamp kept wrongly could only make a later check fail (and walk): a folder
// changed since has another ctime. Empty (no record: the edition will be walked) if a folder cannot be stat-ed.
std::string folder_lines(const std::filesystem::path& dir, const std::vector<std::string_view>& files,
                         const std::vector<RecordedFolder>& known = {}, std::vector<std::string> touched = {});

// How a build listed the edition it adopted (the last build's site, kept as "<out>.previous"), for the reconcile:
// not at all (no edition adopted: the build made a new tree), by reading every folder, or from its record.
enum class EditionListed { none, walked, from_record };

// An edition's listing as its record gives it, once checked.
struct RecordedEdition {
    std::vector<TreeEntry> files;         // as list_tree_at(…, TreeDetail::identity) gives them, sorted by path
    std::vector<RecordedFolder> folders;  // every folder below the top one, sorted by path
};

// The edition open at `root_fd`, if the record `file` is of the edition `identity`, is whole, every folder it names
// is that folder unchanged, and the top folder (whose own ctime each swap changes) holds exactly the names it
// lists, as the same inodes. nullopt otherwise.
std::optional<RecordedEdition> listing_from_record(int root_fd, const std::filesystem::path& file,
                                                   const std::string& identity);

}  // namespace gongshi::publish
