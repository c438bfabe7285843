// A project's printed name as a key: what counts as the same name (spaces, full/half width, 养老幸福工程 /
// 幸福养老工程, a trailing 项目), and the ending a truncated name lacks.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongshi::importer {

// The endings a project's name has, longest first: 城镇社区养老幸福工程 and its variants.
const std::vector<std::string>& name_endings();

// The name as compared: width folded, no spaces, 幸福养老工程 read as 养老幸福工程, a trailing 项目 dropped.
std::string matching_key(std::string_view name);

// When the name stops inside an ending ("…社区养老幸福工"), what completes it ("程"), one per ending it may be
// the start of; empty when the name is whole (or ends otherwise).
std::vector<std::string> missing_endings(std::string_view name);

}  // namespace gongshi::importer
