// The noise of extracted text, one rule at a time.
#include <catch2/catch.hpp>

#include "import/noise.h"

using namespace gongshi::importer;

TEST_CASE("full-width digits, letters and brackets fold to ASCII — Chinese punctuation stays", "[import]") {
    CHECK(fold_width("（共２０家）１．Ａ") == "(共20家)1.A");
    CHECK(fold_width("晋民函〔2023〕169号") == "晋民函〔2023〕169号");
    CHECK(fold_width("a\u3000b") == "a b");
}

TEST_CASE("tidy drops the spaces that touch a Chinese character and keeps those between Latin words", "[import]") {
    CHECK(tidy("(二) 良好等次 (共 6 家)") == "(二)良好等次(共6家)");
    CHECK(tidy("  山西省民政厅关于 2022、2023年“城镇社区幸福 养老提速工程”  ") ==
          "山西省民政厅关于2022、2023年“城镇社区幸福养老提速工程”");
    CHECK(tidy("Word  file 2") == "Word file 2");
    CHECK(without_spaces(" 共 6\u3000家 ") == "共6家");
}

TEST_CASE("list numbers in every printed style give the rank and where the name starts", "[import]") {
    const auto rank_and_text = [](std::string_view line) {
        const auto n = list_number(line);
        REQUIRE(n);
        return std::to_string(n->number) + " " + std::string(line.substr(n->text_begin));
    };
    CHECK(rank_and_text("1. 太原市") == "1 太原市");
    CHECK(rank_and_text("12、太原市") == "12 太原市");
    CHECK(rank_and_text("（3）太原市") == "3 太原市");
    CHECK(rank_and_text("(4) 太原市") == "4 太原市");
    CHECK(rank_and_text("５．太原市") == "5 太原市");
    CHECK(rank_and_text("- 54.忻州市") == "54 忻州市");
    CHECK(rank_and_text("-   7.  长治市") == "7 长治市");
    CHECK_FALSE(list_number("3.5万元"));
    CHECK_FALSE(list_number("2023年"));
    CHECK_FALSE(list_number("太原市1.号"));
}

TEST_CASE("Chinese heading numbers: 一、 and （一）", "[import]") {
    const auto one = heading_number("（一）优秀等次");
    REQUIRE(one);
    CHECK(one->number == 1);
    CHECK(one->bracketed);
    const auto three = heading_number("## 三、工作要求");
    REQUIRE(three);
    CHECK(three->number == 3);
    CHECK_FALSE(three->bracketed);
    CHECK(chinese_number("十二") == 12);
    CHECK(chinese_number("二十") == 20);
    CHECK(chinese_number("二十一") == 21);
    CHECK_FALSE(heading_number("一些项目"));
}

TEST_CASE("page numbers in the forms printed notices use are recognised, text is not", "[import]") {
    for (const char* page : {"3", "- 3 -", "— 12 —", "－３－", "第3页", "第 2 页 共 5 页", "2/5"}) {
        INFO(page);
        CHECK(is_page_number(page));
    }
    for (const char* text : {"2023", "工作要求", "3.5", "1. 太原市", "第三条"}) {
        INFO(text);
        CHECK_FALSE(is_page_number(text));
    }
}

TEST_CASE("columns count characters, not bytes", "[import]") {
    CHECK(column_at("1. 太原市迎泽区", 3) == 4);
    CHECK(column_at("1. 太原市迎泽区", 3 + 9) == 7);
}
