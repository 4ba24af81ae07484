#ifndef MATCHENGINE_CKERNELS_H
#define MATCHENGINE_CKERNELS_H

// Hot numeric loops, compiled for several instruction sets and chosen once at load time from what the
// CPU supports (AVX-512F, AVX2+FMA, or baseline x86-64/any other architecture). No compiler flags are
// needed by users of the package.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Inner product of two float32 vectors of length `n`.
float ck_dot(const float *a, const float *b, size_t n);

/// Squared Euclidean distance between two float32 vectors of length `n`.
float ck_l2sq(const float *a, const float *b, size_t n);

/// `out[i] = dot(query, rows + i * stride)` for `i` in `[0, count)`; each row has `dim` floats.
void ck_dot_rows(const float *query, const float *rows, size_t count, size_t dim, size_t stride, float *out);

/// `out[i] = l2sq(query, rows + i * stride)` for `i` in `[0, count)`; each row has `dim` floats.
void ck_l2sq_rows(const float *query, const float *rows, size_t count, size_t dim, size_t stride, float *out);

/// The instruction set the kernels dispatched to: "avx512f", "avx2" or "baseline".
const char *ck_isa(void);

#ifdef __cplusplus
}
#endif

#endif
