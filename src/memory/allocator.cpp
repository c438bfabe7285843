#include "memory/allocator.h"

#include <malloc.h>

#include <cstddef>

// tcmalloc's C interface (gperftools/malloc_extension_c.h), declared weak so that the core library links with or
// without it: the symbol is null unless the program was linked with tcmalloc.
extern "C" void MallocExtension_ReleaseFreeMemory() __attribute__((weak));
extern "C" int MallocExtension_SetNumericProperty(const char* property, size_t value) __attribute__((weak));
extern "C" int MallocExtension_GetNumericProperty(const char* property, size_t* value) __attribute__((weak));

namespace gongshi::memory {

namespace {

bool on_tcmalloc() { return MallocExtension_ReleaseFreeMemory != nullptr; }

constexpr const char* aggressive_decommit = "tcmalloc.aggressive_memory_decommit";

}  // namespace

std::string_view allocator_name() {
    if (on_tcmalloc()) return "tcmalloc";
#ifdef __SANITIZE_ADDRESS__
    return "AddressSanitizer's malloc";
#else
    return "glibc malloc";
#endif
}

void give_back_free_memory() {
    if (on_tcmalloc())
        MallocExtension_ReleaseFreeMemory();
    else
        ::malloc_trim(0);
}

void give_back_pages_as_freed(bool on) {
    if (on_tcmalloc() && MallocExtension_SetNumericProperty != nullptr)
        MallocExtension_SetNumericProperty(aggressive_decommit, on ? 1 : 0);
}

bool giving_back_pages_as_freed() {
    size_t value = 0;
    return on_tcmalloc() && MallocExtension_GetNumericProperty != nullptr &&
           MallocExtension_GetNumericProperty(aggressive_decommit, &value) != 0 && value != 0;
}

}  // namespace gongshi::memory
