#ifndef PLAN2JSON_CICU_H
#define PLAN2JSON_CICU_H
// The part of ICU plan2json uses, behind plain C types.
//
// Why a compiled C target and not a system-library module map over ICU's headers: Foundation
// on Linux carries its own ICU (_FoundationICU) whose headers define the same C types
// (UErrorCode, UConverter ...) differently. A Swift module that sees both — any module that
// imports Foundation and, through cross-module optimisation in release builds, Charsets —
// fails with "'UErrorCode' has different definitions in different modules". Here ICU's
// headers are included by shim.c only; Swift sees this header alone.
#include <stdint.h>

/// An open ICU converter (UConverter).
typedef struct p2j_converter p2j_converter;

/// Opens the converter ICU knows by `name` ("GB18030", "Big5", "windows-936", "UTF-16LE");
/// NULL when there is none. With `strict`, an illegal or unmappable sequence stops the
/// conversion (an error) instead of becoming a substitution character.
p2j_converter *p2j_converter_open(const char *name, int strict);
void p2j_converter_close(p2j_converter *converter);

/// Bytes → UTF-16. Returns the number of code units written, or -1 on any error (illegal or
/// unmappable input when strict, a truncated final sequence, too small a buffer).
int32_t p2j_to_utf16(p2j_converter *converter, const char *source, int32_t sourceLength,
                     uint16_t *target, int32_t targetCapacity);

/// UTF-16 → bytes. Returns the number of bytes written, or -1 on any error.
int32_t p2j_from_utf16(p2j_converter *converter, const uint16_t *source, int32_t sourceLength,
                       char *target, int32_t targetCapacity);
#endif
