#ifndef QUIRE_CRSVG_SHIM_H
#define QUIRE_CRSVG_SHIM_H
// librsvg renders SVG into cairo surfaces; cairo writes and reads the PNG bytes.
#include <librsvg/rsvg.h>
#include <cairo.h>
#include <gio/gio.h>
#endif
