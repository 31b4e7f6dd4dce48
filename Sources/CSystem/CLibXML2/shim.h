#ifndef QUIRE_CLIBXML2_SHIM_H
#define QUIRE_CLIBXML2_SHIM_H
// xmlversion.h first: Debian builds libxml2 with ICU, and its ICU declarations
// clash with the toolchain's private ICU as soon as Foundation is in the same
// module graph. Quire never uses libxml2's ICU encoders.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlsave.h>
#include <libxml/HTMLparser.h>

// xmlFree is a mutable global function pointer, which Swift 6 rejects as
// shared mutable state; call it through a function instead.
static inline void quire_xml_free(void *pointer) { xmlFree(pointer); }
#endif
