#include "CKernels.h"
#include "Dispatch.h"

#include <math.h>

// The element-wise and row-wise steps of a BERT layer between its matrix products. Compiled for
// AVX2 and baseline; the plain C loops are written so the compiler can vectorise them, GELU and
// softmax have AVX2 intrinsics.

static inline __attribute__((always_inline)) void add_bias_rows(float *x, const float *bias, size_t rows,
                                                                size_t cols) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * cols;
        for (size_t c = 0; c < cols; c++) row[c] += bias[c];
    }
}

// Exact GELU, 0.5 x (1 + erf(x / sqrt 2)), as BERT's "gelu" (not the tanh approximation).
static void gelu_baseline(float *x, size_t n) {
    const float inv_sqrt2 = 0.70710678118654752440f;
    for (size_t i = 0; i < n; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * inv_sqrt2));
}

static void softmax_baseline(float *row, size_t valid, float scale) {
    float max = -INFINITY;
    for (size_t c = 0; c < valid; c++) {
        row[c] *= scale;
        if (row[c] > max) max = row[c];
    }
    float sum = 0;
    for (size_t c = 0; c < valid; c++) {
        row[c] = expf(row[c] - max);
        sum += row[c];
    }
    const float inv = 1.0f / sum;
    for (size_t c = 0; c < valid; c++) row[c] *= inv;
}

#ifdef CK_X86
// e^x for 8 floats: Cephes' expf (range reduction by ln 2, degree-5 polynomial, exponent bits),
// within 2 ulp of libm over the range used here.
__attribute__((target("avx2,fma"))) static inline __m256 exp256(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-87.3f)), _mm256_set1_ps(88.7f));
    __m256 fx = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
    x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(0.693359375f), x);
    x = _mm256_fnmadd_ps(fx, _mm256_set1_ps(-2.12194440e-4f), x);
    __m256 y = _mm256_set1_ps(1.9875691500e-4f);
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.3981999507e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(8.3334519073e-3f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(4.1665795894e-2f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(1.6666665459e-1f));
    y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(5.0000001201e-1f));
    y = _mm256_fmadd_ps(y, _mm256_mul_ps(x, x), _mm256_add_ps(x, _mm256_set1_ps(1.0f)));
    __m256i n = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvttps_epi32(fx), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(n));
}

// erf for 8 floats: Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), odd symmetry.
__attribute__((target("avx2,fma"))) static inline __m256 erf256(__m256 x) {
    const __m256 sign_mask = _mm256_set1_ps(-0.0f);
    __m256 sign = _mm256_and_ps(x, sign_mask);
    __m256 a = _mm256_andnot_ps(sign_mask, x);
    __m256 t = _mm256_div_ps(_mm256_set1_ps(1.0f), _mm256_fmadd_ps(_mm256_set1_ps(0.3275911f), a, _mm256_set1_ps(1.0f)));
    __m256 p = _mm256_set1_ps(1.061405429f);
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(-1.453152027f));
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(1.421413741f));
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(-0.284496736f));
    p = _mm256_fmadd_ps(p, t, _mm256_set1_ps(0.254829592f));
    p = _mm256_mul_ps(p, t);
    __m256 e = exp256(_mm256_sub_ps(_mm256_setzero_ps(), _mm256_mul_ps(a, a)));
    __m256 y = _mm256_fnmadd_ps(p, e, _mm256_set1_ps(1.0f));
    return _mm256_or_ps(y, sign);
}

__attribute__((target("avx2,fma"))) static void gelu_avx2(float *x, size_t n) {
    const __m256 half = _mm256_set1_ps(0.5f), one = _mm256_set1_ps(1.0f);
    const __m256 inv_sqrt2 = _mm256_set1_ps(0.70710678118654752440f);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        __m256 e = erf256(_mm256_mul_ps(v, inv_sqrt2));
        _mm256_storeu_ps(x + i, _mm256_mul_ps(_mm256_mul_ps(half, v), _mm256_add_ps(one, e)));
    }
    gelu_baseline(x + i, n - i);
}

__attribute__((target("avx2,fma"))) static void softmax_avx2(float *row, size_t valid, float scale) {
    if (valid < 8) {
        softmax_baseline(row, valid, scale);
        return;
    }
    const __m256 s = _mm256_set1_ps(scale);
    __m256 m = _mm256_set1_ps(-INFINITY);
    size_t c = 0;
    for (; c + 8 <= valid; c += 8) {
        __m256 v = _mm256_mul_ps(_mm256_loadu_ps(row + c), s);
        _mm256_storeu_ps(row + c, v);
        m = _mm256_max_ps(m, v);
    }
    float lanes[8];
    _mm256_storeu_ps(lanes, m);
    float max = lanes[0];
    for (int j = 1; j < 8; j++) max = lanes[j] > max ? lanes[j] : max;
    for (; c < valid; c++) {
        row[c] *= scale;
        if (row[c] > max) max = row[c];
    }
    const __m256 mx = _mm256_set1_ps(max);
    __m256 sum8 = _mm256_setzero_ps();
    c = 0;
    for (; c + 8 <= valid; c += 8) {
        __m256 e = exp256(_mm256_sub_ps(_mm256_loadu_ps(row + c), mx));
        _mm256_storeu_ps(row + c, e);
        sum8 = _mm256_add_ps(sum8, e);
    }
    _mm256_storeu_ps(lanes, sum8);
    float sum = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    for (; c < valid; c++) {
        row[c] = expf(row[c] - max);
        sum += row[c];
    }
    const __m256 inv = _mm256_set1_ps(1.0f / sum);
    c = 0;
    for (; c + 8 <= valid; c += 8) _mm256_storeu_ps(row + c, _mm256_mul_ps(_mm256_loadu_ps(row + c), inv));
    for (; c < valid; c++) row[c] *= 1.0f / sum;
}
#endif

static inline __attribute__((always_inline)) void layer_norm_rows(float *x, const float *residual,
                                                                  const float *gamma, const float *beta,
                                                                  size_t rows, size_t cols, float eps) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * cols;
        if (residual) {
            const float *add = residual + r * cols;
            for (size_t c = 0; c < cols; c++) row[c] += add[c];
        }
        // Eight partial sums keep the reductions vectorisable without reassociation flags.
        float s[8] = {0};
        size_t c = 0;
        for (; c + 8 <= cols; c += 8)
            for (int j = 0; j < 8; j++) s[j] += row[c + j];
        float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
        for (; c < cols; c++) sum += row[c];
        const float mean = sum / (float)cols;
        float v[8] = {0};
        c = 0;
        for (; c + 8 <= cols; c += 8)
            for (int j = 0; j < 8; j++) {
                float d = row[c + j] - mean;
                v[j] += d * d;
            }
        float var = ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
        for (; c < cols; c++) {
            float d = row[c] - mean;
            var += d * d;
        }
        const float inv = 1.0f / sqrtf(var / (float)cols + eps);
        for (c = 0; c < cols; c++) row[c] = (row[c] - mean) * inv * gamma[c] + beta[c];
    }
}

// The plain C bodies, compiled once per level.
static void add_bias_rows_baseline(float *x, const float *bias, size_t rows, size_t cols) {
    add_bias_rows(x, bias, rows, cols);
}

static void layer_norm_rows_baseline(float *x, const float *residual, const float *gamma, const float *beta,
                                     size_t rows, size_t cols, float eps) {
    layer_norm_rows(x, residual, gamma, beta, rows, cols, eps);
}

#ifdef CK_X86
__attribute__((target("avx2"))) static void add_bias_rows_avx2(float *x, const float *bias, size_t rows,
                                                                size_t cols) {
    add_bias_rows(x, bias, rows, cols);
}

__attribute__((target("avx2"))) static void layer_norm_rows_avx2(float *x, const float *residual,
                                                                  const float *gamma, const float *beta,
                                                                  size_t rows, size_t cols, float eps) {
    layer_norm_rows(x, residual, gamma, beta, rows, cols, eps);
}
#endif

static void (*add_bias_rows_impl)(float *, const float *, size_t, size_t) = add_bias_rows_baseline;
static void (*layer_norm_rows_impl)(float *, const float *, const float *, const float *, size_t, size_t,
                                    float) = layer_norm_rows_baseline;
static void (*gelu_impl)(float *, size_t) = gelu_baseline;
static void (*softmax_impl)(float *, size_t, float) = softmax_baseline;

void ck_select_transformer(ck_level level) {
#ifdef CK_X86
    if (level >= CK_LEVEL_AVX2) {
        add_bias_rows_impl = add_bias_rows_avx2;
        layer_norm_rows_impl = layer_norm_rows_avx2;
        gelu_impl = gelu_avx2;
        softmax_impl = softmax_avx2;
    }
#else
    (void)level;
#endif
}

void ck_add_bias_rows(float *x, const float *bias, size_t rows, size_t cols) {
    add_bias_rows_impl(x, bias, rows, cols);
}

void ck_layer_norm_rows(float *x, const float *residual, const float *gamma, const float *beta, size_t rows,
                        size_t cols, float eps) {
    layer_norm_rows_impl(x, residual, gamma, beta, rows, cols, eps);
}

void ck_gelu_erf(float *x, size_t n) { gelu_impl(x, n); }

void ck_softmax_rows(float *x, size_t rows, size_t cols, size_t valid, float scale) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * cols;
        softmax_impl(row, valid, scale);
        for (size_t c = valid; c < cols; c++) row[c] = 0;
    }
}
