// Included once by each program's main file. Under LeakSanitizer (the test build), allocations made inside libfyaml
// are not reported: libfyaml 0.7.12 leaks ~480 bytes when it reports some syntax errors (e.g. "missing comma in
// flow sequence"; reproduced with libfyaml alone, no gongshi code involved), once per bad file, before exit 1.
#pragma once

#if defined(__SANITIZE_ADDRESS__)  // GCC
#define GONGSHI_WITH_ASAN 1
#elif defined(__has_feature)  // clang (the fuzz build)
#if __has_feature(address_sanitizer)
#define GONGSHI_WITH_ASAN 1
#endif
#endif

#if defined(GONGSHI_WITH_ASAN)
extern "C" const char* __lsan_default_suppressions() { return "leak:libfyaml.so\n"; }
#endif
