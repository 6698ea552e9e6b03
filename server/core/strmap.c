/*
 * strmap.c: open-addressing string hash map with linear probing (see
 * amp_strmap.h). The table doubles when live entries plus tombstones pass
 * 70% of its slots, so probes stay short.
 */
#include "amp_strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char amp_tombstone_mark;
#define TOMBSTONE ((char *)&amp_tombstone_mark)

static uint64_t hash(const char *s)
{
    return amp_hash_bytes(0, s, strlen(s));
}

/* The slot holding key (whose hash is h), or the empty slot where it would
 * go. The key strings live apart from the table: a probe reads one only
 * when its hash is the same. */
static amp_strmap_slot *find(const amp_strmap *map, const char *key, uint64_t h,
                             amp_strmap_slot **free_slot)
{
    size_t mask = map->cap - 1;
    *free_slot = NULL;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        amp_strmap_slot *slot = &map->slots[i];
        if (!slot->key)
            return *free_slot ? NULL : (*free_slot = slot, NULL);
        if (slot->key == TOMBSTONE) {
            if (!*free_slot)
                *free_slot = slot;
        } else if (slot->hash == h && strcmp(slot->key, key) == 0) {
            return slot;
        }
    }
}

static int grow(amp_strmap *map)
{
    amp_strmap old = *map;
    size_t cap = map->cap ? map->cap * 2 : 16;
    if (old.count * 4 < old.cap)
        cap = old.cap; /* mostly tombstones: rehash in place size */
    map->slots = calloc(cap, sizeof *map->slots);
    if (!map->slots) {
        *map = old;
        return -1;
    }
    map->cap = cap;
    map->count = map->used = 0;
    for (size_t i = 0; i < old.cap; i++) {
        char *key = old.slots[i].key;
        if (!key || key == TOMBSTONE)
            continue;
        size_t k = old.slots[i].hash & (cap - 1); /* every key differs: no compare */
        while (map->slots[k].key)
            k = (k + 1) & (cap - 1);
        map->slots[k] = old.slots[i];
        map->count++;
        map->used++;
    }
    free(old.slots);
    return 0;
}

int amp_strmap_put(amp_strmap *map, const char *key, void *value, void **old)
{
    if (old)
        *old = NULL;
    if ((map->used + 1) * 10 > map->cap * 7 && grow(map) != 0)
        return -1;
    amp_strmap_slot *empty;
    uint64_t h = hash(key);
    amp_strmap_slot *slot = find(map, key, h, &empty);
    if (slot) {
        if (old)
            *old = slot->value;
        slot->value = value;
        return 0;
    }
    char *copy = strdup(key);
    if (!copy)
        return -1;
    if (!empty->key)
        map->used++;
    empty->key = copy;
    empty->value = value;
    empty->hash = h;
    map->count++;
    return 0;
}

void *amp_strmap_get(const amp_strmap *map, const char *key)
{
    if (!map->cap)
        return NULL;
    amp_strmap_slot *empty;
    amp_strmap_slot *slot = find(map, key, hash(key), &empty);
    return slot ? slot->value : NULL;
}

void *amp_strmap_remove(amp_strmap *map, const char *key)
{
    if (!map->cap)
        return NULL;
    amp_strmap_slot *empty;
    amp_strmap_slot *slot = find(map, key, hash(key), &empty);
    if (!slot)
        return NULL;
    void *value = slot->value;
    free(slot->key);
    slot->key = TOMBSTONE;
    slot->value = NULL;
    map->count--;
    return value;
}

int amp_strmap_next(const amp_strmap *map, size_t *pos, const char **key, void **value)
{
    for (; *pos < map->cap; (*pos)++) {
        amp_strmap_slot *slot = &map->slots[*pos];
        if (slot->key && slot->key != TOMBSTONE) {
            *key = slot->key;
            *value = slot->value;
            (*pos)++;
            return 1;
        }
    }
    return 0;
}

void amp_strmap_free(amp_strmap *map)
{
    for (size_t i = 0; i < map->cap; i++)
        if (map->slots[i].key && map->slots[i].key != TOMBSTONE)
            free(map->slots[i].key);
    free(map->slots);
    memset(map, 0, sizeof *map);
}

uint64_t amp_hash_bytes(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    h ^= (uint64_t)n * 0x9E3779B97F4A7C15ull;
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = (h ^ w ^ ((uint64_t)n << 56)) * 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

void **amp_strmap_ref(const amp_strmap *map, const char *key)
{
    if (!map->cap)
        return NULL;
    amp_strmap_slot *empty;
    amp_strmap_slot *slot = find(map, key, hash(key), &empty);
    return slot ? &slot->value : NULL;
}
