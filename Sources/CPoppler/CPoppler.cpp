#include "CPoppler.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

struct cp_document {
    std::vector<char> bytes;  // poppler reads from this buffer for the document's lifetime
    std::unique_ptr<poppler::document> document;
};

namespace {

void silence(const std::string &, void *) {}

// The smallest valid PDF: one empty page.
constexpr char emptyPDF[] =
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] "
    "/Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] >>\nendobj\nxref\n0 4\n"
    "0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \ntrailer\n"
    "<< /Size 4 /Root 1 0 R >>\nstartxref\n182\n%%EOF\n";

// Once per process: poppler prints parse warnings to stderr unless told otherwise, and a library must not.
// And poppler-cpp builds its global parameters (font and encoding tables) when a first document opens and
// frees them when the last one closes, so a batch that opens one PDF at a time rebuilt them for every
// file (6 % of a first run's CPU): one empty document, never closed, keeps them for the process.
void prepareOnce() {
    static std::once_flag once;
    std::call_once(once, [] {
        poppler::set_debug_error_function(silence, nullptr);
        static poppler::document *const keeper =
            poppler::document::load_from_raw_data(emptyPDF, static_cast<int>(sizeof emptyPDF - 1));
        (void)keeper;
    });
}

poppler::page::text_layout_enum popplerLayout(cp_layout layout) {
    switch (layout) {
    case CP_LAYOUT_RAW: return poppler::page::raw_order_layout;
    case CP_LAYOUT_READING: return poppler::page::non_raw_non_physical_layout;
    case CP_LAYOUT_PHYSICAL:
    default: return poppler::page::physical_layout;
    }
}

}  // namespace

extern "C" cp_status cp_document_open(const void *bytes, size_t length, cp_document **out) {
    if (out == nullptr) return CP_ERROR_INTERNAL;
    *out = nullptr;
    if (bytes == nullptr || length == 0 || length > static_cast<size_t>(INT32_MAX)) return CP_ERROR_DAMAGED;
    try {
        prepareOnce();
        auto handle = std::make_unique<cp_document>();
        const char *begin = static_cast<const char *>(bytes);
        handle->bytes.assign(begin, begin + length);
        handle->document.reset(poppler::document::load_from_raw_data(
            handle->bytes.data(), static_cast<int>(handle->bytes.size())));
        if (!handle->document) return CP_ERROR_DAMAGED;
        if (handle->document->is_locked()) return CP_ERROR_ENCRYPTED;
        *out = handle.release();
        return CP_OK;
    } catch (const std::bad_alloc &) {
        return CP_ERROR_NO_MEMORY;
    } catch (...) {
        return CP_ERROR_INTERNAL;
    }
}

extern "C" int cp_document_page_count(const cp_document *document) {
    if (document == nullptr || !document->document) return -1;
    try {
        return document->document->pages();
    } catch (...) {
        return -1;
    }
}

extern "C" cp_status cp_document_page_text(const cp_document *document, int index, cp_layout layout,
                                           char **text, size_t *length) {
    if (document == nullptr || !document->document || text == nullptr || length == nullptr) {
        return CP_ERROR_INTERNAL;
    }
    *text = nullptr;
    *length = 0;
    try {
        if (index < 0 || index >= document->document->pages()) return CP_ERROR_PAGE_RANGE;
        std::unique_ptr<poppler::page> page(document->document->create_page(index));
        if (!page) return CP_ERROR_DAMAGED;
        poppler::byte_array utf8 = page->text(poppler::rectf(), popplerLayout(layout)).to_utf8();
        // to_utf8() is not NUL-terminated: copy and terminate.
        char *buffer = static_cast<char *>(std::malloc(utf8.size() + 1));
        if (buffer == nullptr) return CP_ERROR_NO_MEMORY;
        if (!utf8.empty()) std::memcpy(buffer, utf8.data(), utf8.size());
        buffer[utf8.size()] = '\0';
        *text = buffer;
        *length = utf8.size();
        return CP_OK;
    } catch (const std::bad_alloc &) {
        return CP_ERROR_NO_MEMORY;
    } catch (...) {
        return CP_ERROR_INTERNAL;
    }
}

extern "C" void cp_string_free(char *text) { std::free(text); }

extern "C" void cp_document_close(cp_document *document) {
    try {
        delete document;
    } catch (...) {
    }
}
