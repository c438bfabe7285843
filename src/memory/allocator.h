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

// Whether pages the allocator frees go back to the system as they are freed (`on`) or are kept for reuse, until set
// again: a smaller peak for more system time. tcmalloc's aggressive decommit: a full build's peak RSS fell by 11 % at
// 100 000 projects and from 2.52 to 2.10 GB at 1 000 000, within the machine's noise in CPU, while a notice
// rebuild's CPU rose by ~10 % (bench/RESULTS.md, stop 36); so each build sets it, on for a full build only
// (pipeline.cpp; the preview server's later builds are rebuilds). Does nothing on any other allocator (glibc's
// malloc has no such switch).
void give_back_pages_as_freed(bool on);

// Whether pages are given back as they are freed (asked of the allocator itself), for -v.
bool giving_back_pages_as_freed();

}  // namespace gongshi::memory
