/*
 * amp_arena.h: a bump allocator. Everything of one semantic model lives in
 * one arena and is freed at once, so the model's graph of shared values
 * needs no per-node ownership.
 */
#ifndef AMP_ARENA_H
#define AMP_ARENA_H

#include <stddef.h>

typedef struct amp_arena_chunk amp_arena_chunk;

typedef struct amp_arena {
    amp_arena_chunk *head; /* owned list of chunks, newest first */
    size_t used;           /* bytes handed out in head */
    size_t total;          /* bytes allocated in all chunks */
    size_t chunk;          /* the smallest chunk to allocate; 0 means 64 KiB */
} amp_arena;

/* Returns zeroed memory for n bytes (aligned for any type), borrowed from
 * the arena until amp_arena_free; NULL when out of memory. */
void *amp_arena_alloc(amp_arena *a, size_t n);

/* Copies n bytes of s and a NUL into the arena. */
char *amp_arena_strndup(amp_arena *a, const char *s, size_t n);

/* Grows an arena array: returns a copy of old (count elements of size
 * bytes) with room for cap elements. The old block is abandoned. */
void *amp_arena_grow(amp_arena *a, void *old, size_t count, size_t cap, size_t size);

/* Frees every chunk; the arena is empty and reusable afterwards (its
 * chunk size is kept). The arena struct must not live in its own chunks:
 * copy it out first. */
void amp_arena_free(amp_arena *a);

#endif
