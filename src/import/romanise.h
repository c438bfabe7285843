// Chinese words as the ASCII of an id (郝家庄 → haojiazhuang): ICU's Han-Latin transliteration, tones and
// everything but letters and digits dropped. Ids are proposals staff may change before anything is published.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace gongshi::importer {

class Romaniser {
public:
    Romaniser();
    ~Romaniser();
    Romaniser(const Romaniser&) = delete;
    Romaniser& operator=(const Romaniser&) = delete;
    // Lowercase ASCII letters and digits; empty if nothing is left.
    std::string ascii(std::string_view text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A notice's id from its 文号: 晋民函〔2023〕169号 → jinminhan-2023-169; empty if the number is not of that form.
std::string notice_id_from_doc_number(std::string_view doc_number, const Romaniser& romaniser);

}  // namespace gongshi::importer
