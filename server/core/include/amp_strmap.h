/*
 * amp_strmap.h: a string-keyed hash map (open addressing, FNV-1a).
 *
 * The map copies keys (it owns them) and stores values as borrowed pointers:
 * it never frees a value. Iteration order is unspecified.
 */
#ifndef AMP_STRMAP_H
#define AMP_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct amp_strmap_slot {
    char *key;     /* owned; NULL = empty; AMP_STRMAP_TOMBSTONE = deleted */
    void *value;
    uint64_t hash; /* of key: compared before the key, kept when the table grows */
} amp_strmap_slot;

typedef struct amp_strmap {
    amp_strmap_slot *slots; /* owned */
    size_t cap;             /* power of two, or 0 */
    size_t count;           /* live entries */
    size_t used;            /* live + tombstones */
} amp_strmap;

/* Sets key to value (replacing any old value, which is returned through
 * *old when old is not NULL). Returns 0 or -1 (out of memory). */
int amp_strmap_put(amp_strmap *map, const char *key, void *value, void **old);

/* The value of key, or NULL. */
void *amp_strmap_get(const amp_strmap *map, const char *key);

/* Where the value of key is kept (to change it in place), or NULL when
 * absent; valid until the map changes. */
void **amp_strmap_ref(const amp_strmap *map, const char *key);

/* Removes key; returns its value, or NULL when absent. */
void *amp_strmap_remove(amp_strmap *map, const char *key);

/* Iterates: start with *pos = 0; returns 1 with key and value, or 0 at the
 * end. Keys are borrowed until the map changes. */
int amp_strmap_next(const amp_strmap *map, size_t *pos, const char **key, void **value);

/* A 64-bit hash of n bytes, eight at a time (for texts of many KiB: the
 * text of a file or of a schema entry), mixed with seed. */
uint64_t amp_hash_bytes(uint64_t seed, const void *data, size_t n);

/* Frees the keys and slots (not the values). */
void amp_strmap_free(amp_strmap *map);

#endif
