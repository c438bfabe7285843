// How open-data cells are written so a hostile value stays data: JSON strings that stay inert when embedded in or
// sniffed as HTML, and CSV cells a spreadsheet does not run as formulas.
#pragma once

#include <string>
#include <string_view>

namespace gongshi::render {

// A JSON string (quotes included) as nlohmann dumps it, with '<', '>' and '&' written \u003c, \u003e, \u0026 and
// U+2028/U+2029 as \u2028/\u2029, as Go's encoding/json does. Throws nlohmann's error for text that is not UTF-8.
void append_json_string(std::string& out, std::string_view s);
// The same escapes over a whole JSON text made by nlohmann's dump: outside strings JSON has none of these
// characters, so replacing them everywhere changes only strings.
std::string make_json_inert(std::string json);

// One CSV cell (RFC 4180): quoted when needed. A cell starting with = + - @ tab or CR is a formula to a spreadsheet
// (OWASP's CSV-injection rule): it gets a leading ' and is quoted. A plain number ("-12", "-0.5") is left alone:
// it is no formula, and a quote would turn the number into text.
void append_csv_cell(std::string& out, std::string_view v);

}  // namespace gongshi::render
