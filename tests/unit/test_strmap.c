/*
 * test_strmap.c: the string map and amp_hash_bytes, whose hashes decide
 * whether a file or a schema entry changed between two builds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amp_strmap.h"
#include "amp_test.h"

static void test_map(void)
{
    amp_strmap m = {0};
    char key[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        AMP_CHECK(amp_strmap_put(&m, key, (void *)(intptr_t)(i + 1), NULL) == 0);
    }
    for (int i = 0; i < 1000; i += 2) {
        snprintf(key, sizeof key, "k%d", i);
        AMP_CHECK(amp_strmap_remove(&m, key) == (void *)(intptr_t)(i + 1));
    }
    for (int i = 0; i < 1000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        AMP_CHECK(amp_strmap_get(&m, key) == (i % 2 ? (void *)(intptr_t)(i + 1) : NULL));
    }
    AMP_CHECK(m.count == 500);
    /* Churn: removals leave tombstones, puts grow or rehash the table; every
     * live key keeps its value throughout. */
    for (int round = 0; round < 20; round++) {
        for (int i = 0; i < 1000; i += 2) {
            snprintf(key, sizeof key, "r%d-%d", round, i);
            AMP_CHECK(amp_strmap_put(&m, key, (void *)(intptr_t)(i + 7), NULL) == 0);
        }
        for (int i = 0; i < 1000; i += 2) {
            snprintf(key, sizeof key, "r%d-%d", round, i);
            AMP_CHECK(amp_strmap_remove(&m, key) == (void *)(intptr_t)(i + 7));
        }
    }
    for (int i = 1; i < 1000; i += 2) {
        snprintf(key, sizeof key, "k%d", i);
        AMP_CHECK(amp_strmap_get(&m, key) == (void *)(intptr_t)(i + 1));
    }
    void *old = NULL;
    AMP_CHECK(amp_strmap_put(&m, "k1", (void *)(intptr_t)99, &old) == 0 &&
              old == (void *)(intptr_t)2);
    AMP_CHECK(m.count == 500);
    amp_strmap_free(&m);
}

/* Equal bytes hash equal; any one-byte change, at any place in texts of
 * every length up to 70 (all the tails of the eight-byte loop), and any
 * change of length (trailing NULs included) changes the hash. */
static void test_hash_bytes(void)
{
    unsigned char text[70];
    for (size_t i = 0; i < sizeof text; i++)
        text[i] = (unsigned char)('a' + i % 26);
    for (size_t n = 0; n <= sizeof text; n++) {
        uint64_t h = amp_hash_bytes(7, text, n);
        AMP_CHECK(h == amp_hash_bytes(7, text, n));
        AMP_CHECK(h != amp_hash_bytes(8, text, n));
        for (size_t i = 0; i < n; i++) {
            unsigned char saved = text[i];
            text[i] ^= 1;
            AMP_CHECK(amp_hash_bytes(7, text, n) != h);
            text[i] = 0;
            AMP_CHECK(saved == 0 || amp_hash_bytes(7, text, n) != h);
            text[i] = saved;
        }
    }
    unsigned char zeros[16] = {0};
    for (size_t n = 0; n < sizeof zeros; n++)
        AMP_CHECK(amp_hash_bytes(0, zeros, n) != amp_hash_bytes(0, zeros, n + 1));
}

int main(void)
{
    AMP_RUN(test_map);
    AMP_RUN(test_hash_bytes);
    return amp_test_summary();
}
