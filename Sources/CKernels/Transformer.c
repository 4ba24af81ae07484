#include "CKernels.h"

#include <math.h>

// The element-wise and row-wise steps of a BERT layer between its matrix products. Compiled for
// AVX2 and baseline; the loops are written so the compiler can vectorise them.

__attribute__((target_clones("avx2", "default")))
void ck_add_bias_rows(float *x, const float *bias, size_t rows, size_t cols) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * cols;
        for (size_t c = 0; c < cols; c++) row[c] += bias[c];
    }
}

// Exact GELU, 0.5 x (1 + erf(x / sqrt 2)), as BERT's "gelu" (not the tanh approximation).
void ck_gelu_erf(float *x, size_t n) {
    const float inv_sqrt2 = 0.70710678118654752440f;
    for (size_t i = 0; i < n; i++) x[i] = 0.5f * x[i] * (1.0f + erff(x[i] * inv_sqrt2));
}

__attribute__((target_clones("avx2", "default")))
void ck_layer_norm_rows(float *x, const float *residual, const float *gamma, const float *beta, size_t rows,
                        size_t cols, float eps) {
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

void ck_softmax_rows(float *x, size_t rows, size_t cols, size_t valid, float scale) {
    for (size_t r = 0; r < rows; r++) {
        float *row = x + r * cols;
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
        for (size_t c = valid; c < cols; c++) row[c] = 0;
    }
}
