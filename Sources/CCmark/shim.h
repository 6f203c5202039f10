#ifndef MENGVORM_CCMARK_SHIM_H
#define MENGVORM_CCMARK_SHIM_H
#include <cmark.h>
#endif
