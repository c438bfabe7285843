// libFuzzer target: bytes as a YAML record file (project, ratings, task table, site, cities) → load → validate.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "load/yaml_leak_suppression.h"
#include "trust/fuzz_harness.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    gongshi::trust::run_record_input({reinterpret_cast<const char*>(data), size});
    return 0;
}
