#ifndef QUIRE_CLIBZIP_SHIM_H
#define QUIRE_CLIBZIP_SHIM_H
#include <zip.h>
#endif
