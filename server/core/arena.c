/*
 * arena.c: bump allocation in chunks of at least 64 KiB (or the arena's chunk size) (see
 * amp_arena.h).
 */
#include "amp_arena.h"

#include <stdlib.h>
#include <string.h>

struct amp_arena_chunk {
    amp_arena_chunk *next;
    size_t size;
    max_align_t data[];
};

#define AMP_ARENA_CHUNK (64u * 1024u)

void *amp_arena_alloc(amp_arena *a, size_t n)
{
    size_t align = sizeof(max_align_t);
    n = (n + align - 1) / align * align;
    if (!a->head || a->used + n > a->head->size) {
        size_t min = a->chunk ? a->chunk : AMP_ARENA_CHUNK;
        size_t size = n > min ? n : min;
        amp_arena_chunk *c = malloc(sizeof *c + size);
        if (!c)
            return NULL;
        c->next = a->head;
        c->size = size;
        a->head = c;
        a->used = 0;
        a->total += size;
    }
    void *p = (char *)a->head->data + a->used;
    a->used += n;
    memset(p, 0, n);
    return p;
}

char *amp_arena_strndup(amp_arena *a, const char *s, size_t n)
{
    char *p = amp_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void *amp_arena_grow(amp_arena *a, void *old, size_t count, size_t cap, size_t size)
{
    void *p = amp_arena_alloc(a, cap * size);
    if (p && count)
        memcpy(p, old, count * size);
    return p;
}

void amp_arena_free(amp_arena *a)
{
    amp_arena_chunk *c = a->head;
    while (c) {
        amp_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    size_t chunk = a->chunk;
    memset(a, 0, sizeof *a);
    a->chunk = chunk;
}
