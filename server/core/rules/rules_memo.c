/*
 * rules_memo.c: what per-type rule checks found, kept from build to build.
 *
 * Most schema rules look at one type at a time, and a keystroke changes one
 * type. A type read from a remembered schema entry carries the entry's
 * origin (amp_value.origin): values of one origin hold the same text and
 * read the same imports, their locations shifted. So a check of a type of
 * the same origin, name, distance from key to value and schema context
 * finds the same things, shifted by the distance between the two keys.
 *
 * amp_rules_memo_type runs a check into scratch lists and keeps what it
 * reported relative to the type's key (a record), then puts the record's
 * findings into the real lists; the next builds put the record's findings
 * there without running the check. A check is not recorded when it looked
 * up a type (amp_model_find_type: it depends on another type), or reported
 * anywhere but inside its own type's text (the key to the value's end).
 * Findings that amp_schema_report would have dropped as a duplicate of one
 * already in the list are marked, and the duplicate test is made again
 * against the real list whenever the record is put there, so the lists come
 * out as running every check would make them, in the same order.
 *
 * Records are dropped when a run (amp_rules_check) does not use them, and
 * all of them when the rule configuration or the environment changes.
 */
#include "rules_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_strmap.h"

typedef struct memo_related {
    uint32_t start, end; /* bytes from the key's start */
    char *message;       /* owned */
} memo_related;

typedef struct memo_finding {
    const char *code; /* static */
    amp_severity severity;
    unsigned tags;         /* with AMP_TAG_MEMO_DEDUP when it goes in only if not there yet */
    uint32_t start, end;   /* bytes from the key's start */
    char *message;         /* owned */
    memo_related *related; /* owned */
    size_t related_count;
} memo_finding;

typedef struct memo_rec {
    uint64_t key;        /* origin << 8 | family */
    uint64_t name_hash;  /* of name (copies of one entry text share an origin under many names) */
    uint64_t context;    /* what the caller says the check read beyond the type */
    char *name;          /* owned: the type's name */
    uint32_t value_off;  /* bytes from the key's start to the value's */
    uint32_t used;       /* the run that last used it */
    memo_finding *items; /* owned */
    size_t count;
    struct memo_rec *next; /* the next record in the same bucket */
} memo_rec;

struct amp_rule_memo {
    uint64_t setup;    /* fingerprint of the configuration and environment of the records */
    uint32_t run;      /* bumped per amp_rules_check */
    memo_rec **bucket; /* owned, cap (a power of two) chains of owned records */
    size_t cap, count;
    amp_diag_list *scratch; /* owned: one list per model file, for the check being recorded */
    size_t scratch_count;
    bool *plain; /* owned: per schema of this run, whether it is an a.schema (whose
                    types are what their entries say; SQL schemas change theirs) */
    size_t plain_count;
};

static void finding_free(memo_finding *f)
{
    free(f->message);
    for (size_t i = 0; i < f->related_count; i++)
        free(f->related[i].message);
    free(f->related);
}

static void rec_free(memo_rec *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->count; i++)
        finding_free(&r->items[i]);
    free(r->items);
    free(r->name);
    free(r);
}

static void drop_records(amp_rule_memo *memo, bool all)
{
    for (size_t i = 0; i < memo->cap; i++) {
        memo_rec **at = &memo->bucket[i];
        while (*at) {
            memo_rec *r = *at;
            if (all || r->used != memo->run) {
                *at = r->next;
                rec_free(r);
                memo->count--;
            } else {
                at = &r->next;
            }
        }
    }
}

void amp_rule_memo_free(amp_rule_memo *memo)
{
    if (!memo)
        return;
    drop_records(memo, true);
    free(memo->bucket);
    for (size_t i = 0; i < memo->scratch_count; i++)
        amp_diag_list_clear(&memo->scratch[i]), free(memo->scratch[i].items);
    free(memo->scratch);
    free(memo->plain);
    free(memo);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdull;
}

uint64_t amp_rules_memo_str(uint64_t h, const char *s)
{
    return s ? mix(amp_hash_bytes(h, s, strlen(s)), 1) : mix(h, 2);
}

uint64_t amp_rules_memo_schema_rules(const amp_schema *s)
{
    uint64_t h = mix(mix(mix(3, s->has_auth), s->rules_known), s->rule_count);
    for (size_t i = 0; i < s->rule_count; i++) {
        const amp_rule *r = &s->rules[i];
        h = amp_rules_memo_str(h, r->strategy);
        h = amp_rules_memo_str(h, r->provider.s);
        h = amp_rules_memo_str(h, r->field.s);
        h = mix(mix(mix(h, r->group_count), r->operation_count), r->has_to);
        h = mix(h, r->resource != NULL);
        for (size_t k = 0; k < r->group_count; k++)
            h = amp_rules_memo_str(h, r->groups[k].s);
        for (size_t k = 0; k < r->operation_count; k++)
            h = amp_rules_memo_str(h, r->operations[k].s);
    }
    return h;
}

static uint64_t setup_of(const amp_check *c)
{
    uint64_t h = 1;
    for (size_t i = 0; c->cfg && i < c->cfg->count; i++)
        h = mix(amp_rules_memo_str(h, c->cfg->codes[i]), (uint64_t)c->cfg->severities[i]);
    h = amp_rules_memo_str(h, c->env->amplify_dir);
    h = amp_rules_memo_str(h, c->env->backend_version);
    return amp_rules_memo_str(h, c->env->data_schema_version);
}

void amp_rules_memo_begin(amp_check *c)
{
    amp_model *m = (amp_model *)c->m; /* the memo is a cache behind the const model */
    if (!m->rule_memo && !(m->rule_memo = calloc(1, sizeof *m->rule_memo)))
        return;
    amp_rule_memo *memo = m->rule_memo;
    uint64_t setup = setup_of(c);
    if (setup != memo->setup)
        drop_records(memo, true);
    memo->setup = setup;
    memo->run++;
    memo->plain_count = 0;
    bool *plain = realloc(memo->plain, (m->schema_count ? m->schema_count : 1) * sizeof *plain);
    if (!plain)
        return;
    memo->plain = plain;
    for (size_t i = 0; i < m->schema_count; i++)
        plain[i] = amp_value_is_call(m->schemas[i].value, "a.schema");
    memo->plain_count = m->schema_count;
}

void amp_rules_memo_end(amp_check *c)
{
    if (c->m->rule_memo)
        drop_records(c->m->rule_memo, false);
}

static size_t bucket_of(const amp_rule_memo *memo, uint64_t key, uint64_t name_hash)
{
    return (size_t)(mix(name_hash, key) >> 20) & (memo->cap - 1);
}

static bool grow(amp_rule_memo *memo)
{
    size_t cap = memo->cap ? memo->cap * 2 : 256;
    memo_rec **bucket = calloc(cap, sizeof *bucket);
    if (!bucket)
        return false;
    memo_rec **old = memo->bucket;
    size_t old_cap = memo->cap;
    memo->bucket = bucket;
    memo->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        for (memo_rec *r = old[i], *next; r; r = next) {
            next = r->next;
            size_t b = bucket_of(memo, r->key, r->name_hash);
            r->next = bucket[b];
            bucket[b] = r;
        }
    free(old);
    return true;
}

/* Puts the findings of r into the real lists, for a type whose key starts
 * at byte base of file f. */
static void replay(amp_check *c, const memo_rec *r, uint32_t f, uint32_t base)
{
    amp_diag_list *list = &c->out[f];
    const char *path = c->m->files[f].path;
    for (size_t i = 0; i < r->count; i++) {
        const memo_finding *x = &r->items[i];
        uint32_t s = base + x->start, e = base + x->end;
        bool there = false;
        for (size_t k = 0; (x->tags & AMP_TAG_MEMO_DEDUP) && !there && k < list->count; k++)
            there = list->items[k].start == s && list->items[k].end == e &&
                    strcmp(list->items[k].code, x->code) == 0;
        amp_diag *d =
            there ? NULL : amp_diag_add(list, s, e, x->severity, x->code, "%s", x->message);
        if (!d)
            continue;
        d->tags = x->tags & ~(unsigned)AMP_TAG_MEMO_DEDUP;
        for (size_t k = 0; k < x->related_count; k++)
            amp_diag_relate(d, path, base + x->related[k].start, base + x->related[k].end, "%s",
                            x->related[k].message);
    }
}

/* Whether [s, e) lies in [lo, hi). */
static bool inside(uint32_t s, uint32_t e, uint32_t lo, uint32_t hi)
{
    return s >= lo && e <= hi && s <= e;
}

/* Makes a record of what the check put in the scratch lists (taking their
 * messages), or NULL when it reported outside [lo, hi) of file f (or out of
 * memory). */
static memo_rec *record(amp_rule_memo *memo, const amp_model *m, uint32_t f, uint32_t lo,
                        uint32_t hi)
{
    for (size_t i = 0; i < memo->scratch_count; i++)
        if (i != f && memo->scratch[i].count)
            return NULL;
    const amp_diag_list *list = &memo->scratch[f];
    const char *path = m->files[f].path;
    for (size_t i = 0; i < list->count; i++) {
        const amp_diag *d = &list->items[i];
        if (!inside(d->start, d->end, lo, hi))
            return NULL;
        for (size_t k = 0; k < d->related_count; k++)
            if (strcmp(d->related[k].file, path) != 0 ||
                !inside(d->related[k].start, d->related[k].end, lo, hi))
                return NULL;
    }
    memo_rec *r = calloc(1, sizeof *r);
    if (!r || (list->count && !(r->items = calloc(list->count, sizeof *r->items)))) {
        free(r);
        return NULL;
    }
    for (size_t i = 0; i < list->count; i++) {
        amp_diag *d = &list->items[i];
        memo_finding *x = &r->items[r->count++];
        *x = (memo_finding){d->code,     d->severity, d->tags, d->start - lo,
                            d->end - lo, d->message,  NULL,    0};
        d->message = NULL;
        if (d->related_count && !(x->related = calloc(d->related_count, sizeof *x->related))) {
            rec_free(r);
            return NULL;
        }
        for (size_t k = 0; k < d->related_count; k++) {
            amp_related *rel = &d->related[k];
            x->related[x->related_count++] =
                (memo_related){rel->start - lo, rel->end - lo, rel->message};
            rel->message = NULL;
        }
    }
    return r;
}

/* Moves what the check put in the scratch lists to the real lists as is
 * (it could not be recorded). */
static void pass_on(amp_check *c, amp_rule_memo *memo)
{
    for (size_t f = 0; f < memo->scratch_count; f++) {
        amp_diag_list *from = &memo->scratch[f];
        for (size_t i = 0; i < from->count; i++) {
            amp_diag *d = &from->items[i];
            amp_diag_list *list = &c->out[f];
            bool there = false;
            for (size_t k = 0; (d->tags & AMP_TAG_MEMO_DEDUP) && !there && k < list->count; k++)
                there = list->items[k].start == d->start && list->items[k].end == d->end &&
                        strcmp(list->items[k].code, d->code) == 0;
            amp_diag *to = there ? NULL
                                 : amp_diag_add(list, d->start, d->end, d->severity, d->code, "%s",
                                                d->message);
            if (!to)
                continue;
            to->tags = d->tags & ~(unsigned)AMP_TAG_MEMO_DEDUP;
            for (size_t k = 0; k < d->related_count; k++)
                amp_diag_relate(to, d->related[k].file, d->related[k].start, d->related[k].end,
                                "%s", d->related[k].message);
        }
    }
}

void amp_rules_memo_type(amp_check *c, unsigned family, uint64_t context, size_t si,
                         const amp_type *t, amp_type_check check)
{
    amp_rule_memo *memo = c->m->rule_memo;
    const amp_value *v = t->value;
    uint32_t f = t->name_loc.file;
    if (!memo || c->recording || !v || !v->origin || !t->name || si >= memo->plain_count ||
        !memo->plain[si] || v->loc.file != f || v->loc.start < t->name_loc.start ||
        f >= c->m->file_count) {
        check(c, si, t);
        return;
    }
    uint64_t key = (uint64_t)v->origin << 8 | (family & 0xff);
    uint64_t name_hash = amp_rules_memo_str(0, t->name);
    uint32_t base = t->name_loc.start, value_off = v->loc.start - base;
    if (memo->cap) {
        for (memo_rec *r = memo->bucket[bucket_of(memo, key, name_hash)]; r; r = r->next)
            if (r->key == key && r->name_hash == name_hash && r->context == context &&
                r->value_off == value_off && strcmp(r->name, t->name) == 0) {
                r->used = memo->run;
                replay(c, r, f, base);
                return;
            }
    }
    /* Run it into the scratch lists. */
    if (memo->scratch_count < c->m->file_count) {
        amp_diag_list *grown = realloc(memo->scratch, c->m->file_count * sizeof *memo->scratch);
        if (!grown) {
            check(c, si, t);
            return;
        }
        memset(grown + memo->scratch_count, 0,
               (c->m->file_count - memo->scratch_count) * sizeof *grown);
        memo->scratch = grown;
        memo->scratch_count = c->m->file_count;
    }
    amp_diag_list *out = c->out;
    uint32_t lookups = c->m->type_lookups;
    c->out = memo->scratch;
    c->recording = true;
    check(c, si, t);
    c->recording = false;
    c->out = out;
    memo_rec *r = c->m->type_lookups == lookups
                      ? record(memo, c->m, f, base, v->loc.end > base ? v->loc.end : base)
                      : NULL;
    if (r && (memo->count + 1 <= memo->cap / 2 || grow(memo)) && (r->name = strdup(t->name))) {
        r->key = key;
        r->name_hash = name_hash;
        r->context = context;
        r->value_off = value_off;
        r->used = memo->run;
        size_t b = bucket_of(memo, key, name_hash);
        r->next = memo->bucket[b];
        memo->bucket[b] = r;
        memo->count++;
        replay(c, r, f, base);
    } else {
        if (r) {
            /* Not kept (out of memory): its findings, taken from the scratch lists. */
            replay(c, r, f, base);
            rec_free(r);
        } else {
            pass_on(c, memo);
        }
    }
    for (size_t i = 0; i < memo->scratch_count; i++)
        amp_diag_list_clear(&memo->scratch[i]);
}
