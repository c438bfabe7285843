// An example site too large for its lists to fit one page (示例: not real projects), for the tests of the split
// lists, their pages and their dependency keys: the good fixture plus example projects in Taiyuan, program year
// 2023 (ids example-0001, example-0002, …), and two example notices rating them 良好 for 2023 — the older,
// example-notice-a (2023-11-01), the first `first_rated` of them, the newer, example-notice-b (2023-12-01), the
// next `second_rated`. With the defaults: 453 projects (/projects/ is an index; Taiyuan's are split by year), and
// 452 ratings of 2023 良好 (three pages, split by city too).
#pragma once

#include <map>
#include <string>

#include "model/site.h"
#include "test_support.h"

namespace gongshi::testing {

struct LargeContent {
    int projects = 450;
    int first_rated = 250;
    int second_rated = 200;
};

// An example notice file ("a" → example-notice-a, 晋民函〔2023〕90号) with the date given, and a rating list of it
// rating example projects first … first + count - 1 良好 for 2023.
std::string example_notice(const std::string& letter, const std::string& date);
std::string example_ratings(const std::string& notice, int first, int count);
// Adds the example records to a copy of the good fixture.
void add_large_content(const fs::path& content, const LargeContent& sizes = {});
// "example-0007" for n = 7.
std::string example_id(int n);
std::string example_name(const std::string& id);
// An example project's file: in Taiyuan, in 迎泽区 unless told.
std::string example_project(const std::string& id, int year, const std::string& county = "迎泽区");

// A content folder loaded, validated (no errors allowed) and made into the site's model, in this process.
model::Site site_of(const fs::path& content);
// Every file a clean build of that site renders with the repository's templates and assets (no binary, no disk).
std::map<std::string, std::string> render_in_memory(const model::Site& site);

}  // namespace gongshi::testing
