#include "cicu.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/utypes.h>

// ICU's entry points are macros for versioned symbols (ucnv_open -> ucnv_open_72); calling
// them from C resolves the version at compile time, so Swift never sees those names.

p2j_converter *p2j_converter_open(const char *name, int strict) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(name, &status);
    if (U_FAILURE(status) || converter == NULL) return NULL;
    if (strict) {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
        if (U_SUCCESS(status))
            ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
        if (U_FAILURE(status)) {
            ucnv_close(converter);
            return NULL;
        }
    }
    return (p2j_converter *)converter;
}

void p2j_converter_close(p2j_converter *converter) {
    if (converter != NULL) ucnv_close((UConverter *)converter);
}

int32_t p2j_to_utf16(p2j_converter *converter, const char *source, int32_t sourceLength,
                     uint16_t *target, int32_t targetCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = ucnv_toUChars((UConverter *)converter, (UChar *)target, targetCapacity,
                                    source, sourceLength, &status);
    // U_STRING_NOT_TERMINATED_WARNING is a warning: the length is what counts.
    return U_FAILURE(status) ? -1 : written;
}

int32_t p2j_from_utf16(p2j_converter *converter, const uint16_t *source, int32_t sourceLength,
                       char *target, int32_t targetCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t written = ucnv_fromUChars((UConverter *)converter, target, targetCapacity,
                                      (const UChar *)source, sourceLength, &status);
    return U_FAILURE(status) ? -1 : written;
}
