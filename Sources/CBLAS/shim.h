#ifndef MATCHENGINE_CBLAS_SHIM_H
#define MATCHENGINE_CBLAS_SHIM_H

#include <cblas.h>

#endif
