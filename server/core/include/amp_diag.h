/*
 * amp_diag.h: diagnostics as the analysis core produces them.
 *
 * A diagnostic is a byte range in one file, a severity, a stable code (a
 * static string such as "syntax-error"), and a message the list owns.
 * Related locations name other places by file key and byte range. The LSP
 * layer converts ranges to wire positions; nothing here knows encodings.
 */
#ifndef AMP_DIAG_H
#define AMP_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    AMP_SEV_ERROR = 1,
    AMP_SEV_WARNING = 2,
    AMP_SEV_INFO = 3,
    AMP_SEV_HINT = 4,
} amp_severity;

enum { AMP_TAG_UNNECESSARY = 1, AMP_TAG_DEPRECATED = 2 };

typedef struct amp_related {
    char *file; /* owned: the file key (absolute path) */
    uint32_t start, end;
    char *message; /* owned */
} amp_related;

typedef struct amp_diag {
    uint32_t start, end; /* byte range in the diagnosed file */
    amp_severity severity;
    const char *code;     /* borrowed static string */
    char *message;        /* owned */
    unsigned tags;        /* AMP_TAG_* bits */
    amp_related *related; /* owned array */
    size_t related_count;
} amp_diag;

typedef struct amp_diag_list {
    amp_diag *items; /* owned */
    size_t count, cap;
} amp_diag_list;

/* Appends a diagnostic with a printf-style message. Returns the new entry
 * (borrowed until the list changes), or NULL when out of memory. */
amp_diag *amp_diag_add(amp_diag_list *list, uint32_t start, uint32_t end, amp_severity sev,
                       const char *code, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* Adds a related location to d. Returns 0 or -1 (out of memory). */
int amp_diag_relate(amp_diag *d, const char *file, uint32_t start, uint32_t end, const char *fmt,
                    ...) __attribute__((format(printf, 5, 6)));

/* Appends deep copies of src's diagnostics to dst. Returns 0 or -1. */
int amp_diag_list_append(amp_diag_list *dst, const amp_diag_list *src);

/* True when two lists hold the same diagnostics in the same order. */
bool amp_diag_list_equal(const amp_diag_list *a, const amp_diag_list *b);

/* Frees what d owns (its message and related locations), not d. */
void amp_diag_free(amp_diag *d);

/* Whether items [from, to) of list hold a diagnostic of code (compared
 * as a string) over [start, end). */
bool amp_diag_list_has(const amp_diag_list *list, size_t from, size_t to, uint32_t start,
                       uint32_t end, const char *code);

/* Frees every diagnostic and empties the list (reusable afterwards). */
void amp_diag_list_clear(amp_diag_list *list);

#endif
