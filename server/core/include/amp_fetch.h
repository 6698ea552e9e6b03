/*
 * amp_fetch.h: a hint to the cache, for loops that walk thousands of
 * records spread over memory.
 */
#ifndef AMP_FETCH_H
#define AMP_FETCH_H

#include <stddef.h>

/* Hints the cache to fetch the bytes [p, p + n) (p may be NULL): a loop
 * over thousands of types, whose entries and records are spread over tens
 * of megabytes, fetches the next ones' while it reads this one. No effect
 * on any result, and never a fault (a prefetch of any address is safe). */
static inline void amp_fetch(const void *p, size_t n)
{
#if defined(__GNUC__) || defined(__clang__)
    for (size_t at = 0; p && at < n; at += 64)
        __builtin_prefetch((const char *)p + at);
#else
    (void)p;
    (void)n;
#endif
}

#endif
