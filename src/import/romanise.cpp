#include "import/romanise.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "import/noise.h"

namespace gongshi::importer {

struct Romaniser::Impl {
    std::unique_ptr<icu::Transliterator> to_latin;
};

Romaniser::Romaniser() : impl_(std::make_unique<Impl>()) {
    UErrorCode status = U_ZERO_ERROR;
    impl_->to_latin.reset(
        icu::Transliterator::createInstance("Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !impl_->to_latin)
        throw std::runtime_error(std::string("ICU cannot transliterate Chinese to Latin: ") + u_errorName(status));
}

Romaniser::~Romaniser() = default;

std::string Romaniser::ascii(std::string_view text) const {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    impl_->to_latin->transliterate(u);
    std::string latin;
    u.toUTF8String(latin);
    std::string out;
    for (const char c : latin)
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    return out;
}

std::string notice_id_from_doc_number(std::string_view doc_number, const Romaniser& romaniser) {
    const std::string number = without_spaces(fold_width(doc_number));
    // prefix 〔year〕 number 号, with any of the brackets notices use.
    size_t open = std::string::npos, open_len = 0;
    for (const std::string_view b : {"〔", "[", "(", "【", "［"}) {
        const size_t at = number.find(b);
        if (at != std::string::npos && at < open) {
            open = at;
            open_len = b.size();
        }
    }
    if (open == std::string::npos || open == 0) return {};
    const std::string prefix = number.substr(0, open);
    size_t i = open + open_len;
    std::string year, serial;
    while (i < number.size() && number[i] >= '0' && number[i] <= '9') year += number[i++];
    if (year.size() != 4) return {};
    while (i < number.size() && !(number[i] >= '0' && number[i] <= '9')) ++i;  // the closing bracket
    while (i < number.size() && number[i] >= '0' && number[i] <= '9') serial += number[i++];
    if (serial.empty() || serial.size() > 6 || number.compare(i, std::string::npos, "号") != 0) return {};
    // 长 abbreviates 长治 (cháng); the transliterator's first reading of it is zhǎng.
    std::string latin;
    for (size_t k = 0; k < prefix.size();) {
        size_t n = 1;
        code_point(prefix, k, n);
        const std::string_view ch = std::string_view(prefix).substr(k, n);
        latin += ch == "长" ? "chang" : romaniser.ascii(ch);
        k += n;
    }
    if (latin.empty()) return {};
    return latin + "-" + year + "-" + std::to_string(std::stoi(serial));
}

}  // namespace gongshi::importer
