#include "CFullText.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/// The connection's FTS5 API, or NULL when SQLite was built without FTS5 (the documented way: a pointer
/// bound to `SELECT fts5(?1)`).
static fts5_api *fts5_api_of(sqlite3 *db) {
    fts5_api *api = 0;
    sqlite3_stmt *statement = 0;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, 0) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, (void *)&api, "fts5_api_ptr", 0);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    return api;
}

/// Phrases counted in a stack buffer; a query with more (a filter naming many candidates) takes the heap.
enum { STACK_PHRASES = 256 };

static void phrase_hits(
    const Fts5ExtensionApi *api, Fts5Context *context, sqlite3_context *result, int argc, sqlite3_value **argv) {
    int total = api->xPhraseCount(context);
    if (total < 0) total = 0;
    // phrase_hits(table, n): only the last n phrases (the terms after a query's tags).
    int first = 0;
    if (argc >= 1) {
        int last = sqlite3_value_int(argv[0]);
        if (last >= 0 && last < total) first = total - last;
    }
    int phrases = total - first;
    unsigned char stack[STACK_PHRASES];
    unsigned char *counts = phrases <= STACK_PHRASES ? stack : sqlite3_malloc(phrases);
    if (!counts) {
        sqlite3_result_error_nomem(result);
        return;
    }
    for (int phrase = 0; phrase < phrases; phrase++) {
        Fts5PhraseIter iterator;
        int column = -1, offset = -1, count = 0;
        int status = api->xPhraseFirst(context, first + phrase, &iterator, &column, &offset);
        if (status != SQLITE_OK) {
            if (counts != stack) sqlite3_free(counts);
            sqlite3_result_error_code(result, status);
            return;
        }
        for (; column >= 0; api->xPhraseNext(context, &iterator, &column, &offset)) {
            if (column == 0 && count < 255) count++;
        }
        counts[phrase] = (unsigned char)count;
    }
    sqlite3_result_blob(result, counts, phrases, SQLITE_TRANSIENT);
    if (counts != stack) sqlite3_free(counts);
}

int ft_register_phrase_hits(void *connection) {
    fts5_api *api = fts5_api_of((sqlite3 *)connection);
    if (api == 0 || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "phrase_hits", 0, phrase_hits, 0);
}

void ft_hits_free(ft_hits *hits) {
    free(hits->rowids);
    free(hits->counts);
    memset(hits, 0, sizeof *hits);
}

/// Room for one more row; 0 when memory ran out.
static int ft_reserve(ft_hits *hits) {
    if (hits->rows < hits->capacity) return 1;
    size_t capacity = hits->capacity ? hits->capacity * 2 : 1024;
    int64_t *rowids = realloc(hits->rowids, capacity * sizeof *rowids);
    if (!rowids) return 0;
    hits->rowids = rowids;
    size_t width = hits->phrases > 0 ? (size_t)hits->phrases : 1;
    unsigned char *counts = realloc(hits->counts, capacity * width);
    if (!counts) return 0;
    hits->counts = counts;
    hits->capacity = capacity;
    return 1;
}

int ft_collect_hits(void *connection, const char *sql, const char *expression, size_t limit, ft_hits *out) {
    memset(out, 0, sizeof *out);
    out->phrases = -1;
    sqlite3_stmt *statement = 0;
    int status = sqlite3_prepare_v2((sqlite3 *)connection, sql, -1, &statement, 0);
    if (status != SQLITE_OK) return status;
    status = sqlite3_bind_text(statement, 1, expression, -1, SQLITE_TRANSIENT);
    while (status == SQLITE_OK && (status = sqlite3_step(statement)) == SQLITE_ROW) {
        int width = sqlite3_column_bytes(statement, 1);
        const unsigned char *counts = sqlite3_column_blob(statement, 1);
        if (out->phrases < 0) out->phrases = width;
        if (width != out->phrases || (width > 0 && !counts)) {
            status = SQLITE_OK;
            continue;
        }
        if (out->rows >= limit) {
            status = FT_OVER_LIMIT;
            break;
        }
        if (!ft_reserve(out)) {
            status = SQLITE_NOMEM;
            break;
        }
        out->rowids[out->rows] = sqlite3_column_int64(statement, 0);
        if (width > 0) memcpy(out->counts + out->rows * (size_t)width, counts, (size_t)width);
        out->rows++;
        status = SQLITE_OK;
    }
    sqlite3_finalize(statement);
    if (status == SQLITE_DONE) status = SQLITE_OK;
    if (out->phrases < 0) out->phrases = 0;
    if (status != SQLITE_OK && status != FT_OVER_LIMIT) ft_hits_free(out);
    return status;
}

const char *ft_error_message(void *connection) { return sqlite3_errmsg((sqlite3 *)connection); }
