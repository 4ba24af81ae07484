#ifndef MATCHENGINE_CINFLATE_SHIM_H
#define MATCHENGINE_CINFLATE_SHIM_H

#include <zlib.h>

#endif
