#ifndef MATCHENGINE_CPOPPLER_H
#define MATCHENGINE_CPOPPLER_H

// A small C API over poppler-cpp. Every function catches all C++ exceptions and reports them as a
// status code, so nothing C++ ever reaches the caller.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
    CP_OK = 0,
    /// The bytes are not a PDF poppler can load (corrupt, truncated, not a PDF).
    CP_ERROR_DAMAGED = 1,
    /// The document needs a password to be read.
    CP_ERROR_ENCRYPTED = 2,
    /// A page index outside [0, page count).
    CP_ERROR_PAGE_RANGE = 3,
    /// Memory could not be allocated.
    CP_ERROR_NO_MEMORY = 4,
    /// Any other failure inside poppler.
    CP_ERROR_INTERNAL = 5,
} cp_status;

typedef enum {
    /// Keeps the physical arrangement of the page (columns stay side by side).
    CP_LAYOUT_PHYSICAL = 0,
    /// The order in which the content stream draws the text.
    CP_LAYOUT_RAW = 1,
    /// Poppler's reading-order reconstruction.
    CP_LAYOUT_READING = 2,
} cp_layout;

typedef struct cp_document cp_document;

/// Loads a PDF from `length` bytes; the bytes are copied, so the caller may free them afterwards.
/// On success `*out` holds a document to be released with `cp_document_close`.
cp_status cp_document_open(const void *bytes, size_t length, cp_document **out);

/// The number of pages, or -1 when `document` is NULL.
int cp_document_page_count(const cp_document *document);

/// The UTF-8 text of page `index` (0-based) in `layout`. On success `*text` is a NUL-terminated buffer
/// of `*length` bytes (without the NUL) owned by the caller, released with `cp_string_free`.
cp_status cp_document_page_text(const cp_document *document, int index, cp_layout layout,
                                char **text, size_t *length);

void cp_string_free(char *text);

void cp_document_close(cp_document *document);

#ifdef __cplusplus
}
#endif

#endif
