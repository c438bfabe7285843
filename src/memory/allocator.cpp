#include "memory/allocator.h"

#include <malloc.h>

// tcmalloc's C interface (gperftools/malloc_extension_c.h), declared weak so that the core library links with or
// without it: the symbol is null unless the program was linked with tcmalloc.
extern "C" void MallocExtension_ReleaseFreeMemory() __attribute__((weak));

namespace gongshi::memory {

namespace {

bool on_tcmalloc() { return MallocExtension_ReleaseFreeMemory != nullptr; }

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

}  // namespace gongshi::memory
