#include "CKernels.h"
#include "Dispatch.h"

static const char *isa_name = "baseline";

static ck_level ck_detect_level(void) {
#ifdef CK_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return CK_LEVEL_AVX512F;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return CK_LEVEL_AVX2;
#endif
    return CK_LEVEL_BASELINE;
}

__attribute__((constructor)) static void ck_dispatch(void) {
    static const char *const names[] = {"baseline", "avx2", "avx512f"};
    const ck_level level = ck_detect_level();
    isa_name = names[level];
    ck_select_distance(level);
    ck_select_selection(level);
    ck_select_transformer(level);
}

const char *ck_isa(void) { return isa_name; }
