// The memory allocator the program runs on, and giving its free memory back to the system.
//
// The release build links gperftools' tcmalloc (CMake option GONGSHI_ALLOCATOR, CMakeLists.txt): with glibc's malloc,
// allocation, consolidation and page faults were ~12-20 % of a build's samples, and tcmalloc took 17-20 % off the
// CPU time of a 100 000 full build and notice rebuild (bench/RESULTS.md, issue 19, stop 35). Sanitized and fuzzing builds keep the sanitizer's allocator; so does a build
// configured with GONGSHI_ALLOCATOR=system. The code works on either: which one is linked is found at run time.
#pragma once

#include <string_view>

namespace gongshi::memory {

// "tcmalloc", "glibc malloc", or "AddressSanitizer's malloc" in a sanitized build.
std::string_view allocator_name();

// Gives the pages the allocator holds free back to the system, so that what a finished stage freed is not resident
// through the next (the build's peak is the render, at 1 000 000 projects). tcmalloc's ReleaseFreeMemory, else
// glibc's malloc_trim(0), which also trims the other threads' arenas.
void give_back_free_memory();

// From now on, pages the allocator frees go back to the system as they are freed, not kept for reuse: a smaller
// peak for more system time. tcmalloc's aggressive decommit: at 100 000 projects a full build's peak RSS fell from
// ~264 to ~236 MB at the same CPU time, and a notice rebuild's CPU rose by ~10 % (bench/RESULTS.md, stop 36), so
// the build turns it on for full builds only (pipeline.cpp). Returns false, doing nothing, on any other allocator
// (glibc's malloc has no such switch).
bool give_back_pages_as_freed();

// Whether give_back_pages_as_freed() is in force (asked of the allocator itself), for -v.
bool giving_back_pages_as_freed();

}  // namespace gongshi::memory
