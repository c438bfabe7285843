// libFuzzer target: bytes as a notice or reply file → front-matter splitter → load → validate → Markdown.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/yaml_leak_suppression.h"
#include "trust/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    gongshi::trust::run_document_input({reinterpret_cast<const char*>(data), size});
    return 0;
}
