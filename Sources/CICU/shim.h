#ifndef PLAN2JSON_CICU_SHIM_H
#define PLAN2JSON_CICU_SHIM_H
// ICU renames every entry point with its version (ucnv_open -> ucnv_open_72) through
// macros Swift cannot see; these static inline wrappers give Swift stable names.
#include <unicode/utypes.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

static inline UConverter *p2j_ucnv_open(const char *name, UErrorCode *err) {
    return ucnv_open(name, err);
}
static inline void p2j_ucnv_close(UConverter *cnv) { ucnv_close(cnv); }

/// Makes conversion stop at the first illegal or unmappable sequence in both directions.
static inline void p2j_ucnv_set_strict(UConverter *cnv, UErrorCode *err) {
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, err);
    if (U_FAILURE(*err)) return;
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, err);
}
static inline int32_t p2j_ucnv_toUChars(UConverter *cnv, UChar *dest, int32_t destCapacity,
                                         const char *src, int32_t srcLength, UErrorCode *err) {
    return ucnv_toUChars(cnv, dest, destCapacity, src, srcLength, err);
}
static inline int32_t p2j_ucnv_fromUChars(UConverter *cnv, char *dest, int32_t destCapacity,
                                           const UChar *src, int32_t srcLength, UErrorCode *err) {
    return ucnv_fromUChars(cnv, dest, destCapacity, src, srcLength, err);
}
static inline int p2j_u_failure(UErrorCode err) { return U_FAILURE(err); }
#endif
