#include "search/normalize.h"

namespace gongshi::search {

namespace {

enum class Kind { cjk, letter, digit, other };

// Decodes one code point at s[i] (the content is valid UTF-8: the loader refuses anything else); advances i.
char32_t next_code_point(std::string_view s, size_t& i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (n == 1 || i + n > s.size()) {
        ++i;
        return c < 0x80 ? c : 0xFFFD;
    }
    char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Full-width ASCII folds to ASCII, capitals to small letters.
char32_t fold(char32_t cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    return cp;
}

Kind kind_of(char32_t cp) {
    if (cp >= '0' && cp <= '9') return Kind::digit;
    if (cp >= 'a' && cp <= 'z') return Kind::letter;
    if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007)
        return Kind::cjk;
    return Kind::other;
}

}  // namespace

std::string normalize(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = fold(next_code_point(text, i));
        if (kind_of(cp) != Kind::other) append_utf8(out, cp);
    }
    return out;
}

std::vector<std::string> tokens(std::string_view text) {
    std::vector<std::string> out;
    std::string previous_cjk;  // the last CJK character, while no letter or digit followed it
    std::string run;           // the ASCII word or digit run being read
    Kind run_kind = Kind::other;
    auto end_run = [&] {
        if (!run.empty()) out.push_back(std::move(run));
        run.clear();
        run_kind = Kind::other;
    };
    for (size_t i = 0; i < text.size();) {
        const char32_t cp = fold(next_code_point(text, i));
        const Kind k = kind_of(cp);
        if (k != run_kind) end_run();
        if (k == Kind::cjk) {
            std::string c;
            append_utf8(c, cp);
            if (!previous_cjk.empty()) out.push_back(previous_cjk + c);
            previous_cjk = std::move(c);
        } else if (k == Kind::letter || k == Kind::digit) {
            previous_cjk.clear();
            run += static_cast<char>(cp);
            run_kind = k;
        }
    }
    end_run();
    return out;
}

}  // namespace gongshi::search
