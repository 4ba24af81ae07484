#include "CKernels.h"
#include "Dispatch.h"

// Turns a row of inner products into distances and keeps those below `threshold`: the filter in front
// of a top-k heap, so that the heap only sees the few candidates that can enter it.

static size_t collect_baseline(const float *products, const float *norms, float query_norm, int inner_product,
                               size_t n, float threshold, uint32_t *indices, float *distances) {
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        float d = inner_product ? 1.0f - products[i] : query_norm + norms[i] - 2.0f * products[i];
        if (d < threshold) {
            indices[kept] = (uint32_t)i;
            distances[kept] = d;
            kept++;
        }
    }
    return kept;
}

#ifdef CK_X86
__attribute__((target("avx2,fma"))) static size_t collect_avx2(const float *products, const float *norms,
                                                                float query_norm, int inner_product, size_t n,
                                                                float threshold, uint32_t *indices,
                                                                float *distances) {
    size_t kept = 0;
    size_t i = 0;
    const __m256 one = _mm256_set1_ps(1.0f);
    const __m256 two = _mm256_set1_ps(2.0f);
    const __m256 qn = _mm256_set1_ps(query_norm);
    const __m256 limit = _mm256_set1_ps(threshold);
    for (; i + 8 <= n; i += 8) {
        __m256 p = _mm256_loadu_ps(products + i);
        __m256 d = inner_product ? _mm256_sub_ps(one, p)
                                 : _mm256_fnmadd_ps(two, p, _mm256_add_ps(qn, _mm256_loadu_ps(norms + i)));
        int mask = _mm256_movemask_ps(_mm256_cmp_ps(d, limit, _CMP_LT_OQ));
        if (mask == 0) continue;
        float lane[8];
        _mm256_storeu_ps(lane, d);
        while (mask) {
            int bit = __builtin_ctz(mask);
            indices[kept] = (uint32_t)(i + bit);
            distances[kept] = lane[bit];
            kept++;
            mask &= mask - 1;
        }
    }
    size_t tail = collect_baseline(products + i, norms ? norms + i : NULL, query_norm, inner_product, n - i,
                                   threshold, indices + kept, distances + kept);
    for (size_t t = 0; t < tail; t++) indices[kept + t] += (uint32_t)i;
    return kept + tail;
}
#endif

typedef size_t (*collect_fn)(const float *, const float *, float, int, size_t, float, uint32_t *, float *);
static collect_fn collect_impl = collect_baseline;

void ck_select_selection(ck_level level) {
#ifdef CK_X86
    if (level >= CK_LEVEL_AVX2) collect_impl = collect_avx2;
#else
    (void)level;
#endif
}

size_t ck_collect_below(const float *products, const float *norms, float query_norm, int inner_product, size_t n,
                        float threshold, uint32_t *indices, float *distances) {
    return collect_impl(products, norms, query_norm, inner_product, n, threshold, indices, distances);
}
