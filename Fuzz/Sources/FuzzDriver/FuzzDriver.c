// The declaration in include/FuzzDriver.h is all this target provides; the definition is libFuzzer's.
#include "FuzzDriver.h"
