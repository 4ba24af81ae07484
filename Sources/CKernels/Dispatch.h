#ifndef MATCHENGINE_CKERNELS_DISPATCH_H
#define MATCHENGINE_CKERNELS_DISPATCH_H

// The one way CKernels picks a kernel for the CPU: a kernel with several variants is called through a
// function pointer, and `ck_dispatch` (Dispatch.c) sets every pointer once, before main() runs, from
// the instruction-set level it detects. Each file with such kernels offers a `ck_select_*` function
// that sets its own pointers for a level. Later reads need no synchronisation.
//
// Variants are written as functions with `__attribute__((target(...)))`: hand-written intrinsics, or a
// plain C body (`static inline __attribute__((always_inline))`) inlined into one wrapper per level so
// the compiler vectorises it for that level.

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CK_X86 1
#endif

typedef enum {
    CK_LEVEL_BASELINE = 0,  // x86-64 baseline, or any other architecture
    CK_LEVEL_AVX2 = 1,      // AVX2 and FMA
    CK_LEVEL_AVX512F = 2,   // AVX-512F (and AVX2 and FMA, which every such CPU has)
} ck_level;

#define CK_INTERNAL __attribute__((visibility("hidden")))

CK_INTERNAL void ck_select_distance(ck_level level);
CK_INTERNAL void ck_select_selection(ck_level level);
CK_INTERNAL void ck_select_transformer(ck_level level);

#endif
