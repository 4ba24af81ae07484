#ifndef MATCHENGINE_CKERNELS_H
#define MATCHENGINE_CKERNELS_H

// Hot numeric loops, compiled for several instruction sets and chosen once at load time from what the
// CPU supports (AVX-512F, AVX2+FMA, or baseline x86-64/any other architecture). No compiler flags are
// needed by users of the package.

#include <stddef.h>
#include <stdint.h>

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

/// Distances from `query` to the rows `ids[0..<count]` of a table whose row `i` starts at
/// `base + i * stride` bytes: `1 - dot` when `inner_product` is non-zero, squared L2 otherwise. Prefetches
/// the next row while computing the current one, so that a graph walk is not bound by memory latency.
void ck_distances_gather(int inner_product, const float *query, const void *base, size_t stride,
                         const uint32_t *ids, size_t count, size_t dim, float *out);

/// Distances from a row of inner products `products[0..<n]`: `1 - p` when `inner_product` is non-zero,
/// else `query_norm + norms[i] - 2p` (squared L2 from squared norms). Writes the index and distance of
/// each one below `threshold` to `indices`/`distances` (room for `n`) and returns how many.
size_t ck_collect_below(const float *products, const float *norms, float query_norm, int inner_product, size_t n,
                        float threshold, uint32_t *indices, float *distances);

/// `x[r][c] += bias[c]` for a row-major `rows` × `cols` matrix.
void ck_add_bias_rows(float *x, const float *bias, size_t rows, size_t cols);

/// Exact (erf) GELU in place over `n` values.
void ck_gelu_erf(float *x, size_t n);

/// For each row: adds `residual` (when not NULL), then normalises to zero mean and unit (biased)
/// variance with `eps`, then scales by `gamma` and shifts by `beta`.
void ck_layer_norm_rows(float *x, const float *residual, const float *gamma, const float *beta, size_t rows,
                        size_t cols, float eps);

/// For each row: multiplies the first `valid` values by `scale`, replaces them by their softmax, and
/// sets the remaining `cols - valid` (masked padding) to zero.
void ck_softmax_rows(float *x, size_t rows, size_t cols, size_t valid, float scale);

/// XXH64 of `length` bytes: the checksum of index file sections. `data` may be NULL: it is then the
/// empty input, whatever `length` says.
uint64_t ck_xxh64(const void *data, size_t length, uint64_t seed);

/// Asks the CPU to start loading `bytes` bytes at `address` into cache.
void ck_prefetch(const void *address, size_t bytes);

// Atomic access to graph links shared between one writer and concurrent readers. Acquire/release
// orders make a node's vector, written before its id is published, visible to a reader that loads the
// id. On x86-64 these compile to plain moves. Defined inline so Swift calls cost nothing.

static inline uint32_t ck_load_acquire_u32(const uint32_t *address) {
    return __atomic_load_n(address, __ATOMIC_ACQUIRE);
}

static inline void ck_store_release_u32(uint32_t *address, uint32_t value) {
    __atomic_store_n(address, value, __ATOMIC_RELEASE);
}

static inline uint8_t ck_load_acquire_u8(const uint8_t *address) {
    return __atomic_load_n(address, __ATOMIC_ACQUIRE);
}

static inline void ck_store_release_u8(uint8_t *address, uint8_t value) {
    __atomic_store_n(address, value, __ATOMIC_RELEASE);
}

#ifdef __cplusplus
}
#endif

#endif
