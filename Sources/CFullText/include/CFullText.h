#ifndef MATCHENGINE_CFULLTEXT_H
#define MATCHENGINE_CFULLTEXT_H

// An FTS5 auxiliary function for ranking full-text matches outside SQLite.
//
// `phrase_hits(table)` returns, for the current row of a MATCH query, a blob of one byte per phrase of the
// query (every phrase, however many; `phrase_hits(table, n)`: the last n), in the query's order: how many
// times that phrase occurs in the table's first column, capped at 255 (where BM25's term-frequency factor
// is within about 1 % of its limit). It reads only the row's position lists, never the per-row token
// counts FTS5's bm25() looks up for every matching row, so the caller can score BM25 with lengths it keeps
// in memory.

#ifdef __cplusplus
extern "C" {
#endif

#include <stddef.h>
#include <stdint.h>

/// The rows a full-text query matched, read by `ft_collect_hits`: `rows` rowids and, row after row,
/// `phrases` counts each. Free with `ft_hits_free`.
typedef struct {
    int64_t *rowids;
    unsigned char *counts;
    size_t rows;
    size_t capacity;
    int phrases;
} ft_hits;

/// `ft_collect_hits` read more rows than its limit (the hits hold the first `limit`).
#define FT_OVER_LIMIT (-1)

/// Runs `sql` — a statement returning (rowid, phrase_hits(table, n)) with one parameter, the MATCH
/// expression — on the connection and collects every row into `out` (zeroed first). Returns 0, FT_OVER_LIMIT
/// when more than `limit` rows match, or an SQLite error code (then `out` holds nothing).
int ft_collect_hits(void *connection, const char *sql, const char *expression, size_t limit, ft_hits *out);

/// SQLite's message for the connection's last error.
const char *ft_error_message(void *connection);

/// Frees what `ft_collect_hits` allocated and zeroes `hits`.
void ft_hits_free(ft_hits *hits);

/// Registers `phrase_hits` on an open SQLite connection (`sqlite3 *`). Returns 0 (SQLITE_OK) or an
/// SQLite error code (1, SQLITE_ERROR, when the library has no FTS5).
int ft_register_phrase_hits(void *connection);

#ifdef __cplusplus
}
#endif

#endif
