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
 * amp_rules_memo_type runs a check and keeps what it reported relative to
 * the type's key (a record); the next builds put the record's findings in
 * the lists without running the check. A check is not recorded when it reported
 * anywhere but inside its own type's text (the key to the value's end), or
 * read beyond its type (c->global). The types it looked up
 * (amp_model_find_type, through amp_model.lookup_log) are kept with the
 * record by name and origin, and it stands while they are found again.
 * Findings that amp_schema_report would have dropped as a duplicate of one
 * already in the list are marked, and the duplicate test is made again
 * against the real list whenever the record is put there, so the lists come
 * out as running every check would make them, in the same order.
 *
 * A record holds, per type, what each family found (with the context it
 * was found in). The table of records is a flat array of slots that keep
 * each record's hash and the run that last used it, so a lookup and the
 * sweep read the slots alone; within a run each type's record is looked up
 * once and kept by schema and type index for the other families. Records
 * are dropped when a run (amp_rules_check) does not use them, and all of
 * them when the rule configuration or the environment changes.
 */
#include "rules_internal.h"

#include <stdlib.h>
#include <string.h>

#include "amp_fetch.h"
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

/* A type the check looked up, and what it found: the type of that origin
 * in that schema, or none. */
typedef struct memo_dep {
    int schema;
    char *name;       /* owned */
    int found_schema; /* -1: none found */
    uint32_t origin;
} memo_dep;

/* What one family found on the type, and the types it looked up. */
typedef struct memo_family {
    memo_finding *items; /* owned */
    size_t count;
    memo_dep *deps; /* owned */
    size_t dep_count;
    void *data; /* owned: what amp_rules_memo_put kept, or NULL */
    size_t data_size;
    uint64_t data_id; /* names data among all the memo ever kept (never 0 with data) */
} memo_family;

/* A type's record: small, so that the records of a schema stay in cache
 * from one family's pass over the types to the next (most families find
 * nothing and look nothing up: a bit and a context). */
typedef struct memo_rec {
    uint32_t origin;
    uint32_t value_off; /* bytes from the key's start to the value's */
    uint32_t known;     /* a bit per family: recorded */
    uint32_t busy; /* a bit per family whose more[] holds something (the others are not read) */
    uint64_t context[AMP_MEMO_FAMILIES]; /* what the caller said each check read beyond the type */
    memo_family *more; /* owned array of AMP_MEMO_FAMILIES, or NULL while no family found
                          anything or looked anything up */
    char name[];       /* the type's name */
} memo_rec;

/* A slot of the table: the record's hash (origin, name and distance; 0
 * when empty) and the run that last used it. */
typedef struct memo_slot {
    uint64_t hash;
    uint32_t used;
    memo_rec *rec; /* owned */
} memo_slot;

struct amp_rule_memo {
    uint64_t setup;    /* fingerprint of the configuration and environment of the records */
    uint64_t data_ids; /* the last memo_family.data_id handed out */
    void *state[AMP_MEMO_STATES]; /* owned (state_free): what rules keep of their own */
    void (*state_free[AMP_MEMO_STATES])(void *);
    uint32_t run;     /* bumped per amp_rules_check */
    memo_slot *slots; /* owned: open addressing, cap a power of two */
    size_t cap, count;

    /* This run's schemas: whether each is an a.schema (whose types are
     * what their entries say; SQL schemas change theirs), and the record
     * of each type once looked up (by schema, then type index). */
    bool *plain;        /* owned */
    amp_lookup_log log; /* the lookups of the check being recorded */
    memo_rec ***found;  /* owned: per schema, an owned array of type_count (records borrowed) */
    uint8_t **tried;    /* owned: per schema, per type: whether found[s][i] is the answer */
    size_t schema_count;
};

static void finding_free(memo_finding *f)
{
    free(f->message);
    for (size_t i = 0; i < f->related_count; i++)
        free(f->related[i].message);
    free(f->related);
}

static void family_clear(memo_family *fam)
{
    for (size_t i = 0; i < fam->count; i++)
        finding_free(&fam->items[i]);
    free(fam->items);
    for (size_t i = 0; i < fam->dep_count; i++)
        free(fam->deps[i].name);
    free(fam->deps);
    free(fam->data);
    memset(fam, 0, sizeof *fam);
}

static void rec_free(memo_rec *r)
{
    if (!r)
        return;
    for (size_t k = 0; r->more && k < AMP_MEMO_FAMILIES; k++)
        family_clear(&r->more[k]);
    free(r->more);
    free(r);
}

static void run_free(amp_rule_memo *memo)
{
    for (size_t i = 0; i < memo->schema_count; i++) {
        free(memo->found[i]);
        free(memo->tried[i]);
    }
    free(memo->found);
    free(memo->tried);
    free(memo->plain);
    memo->found = NULL;
    memo->tried = NULL;
    memo->plain = NULL;
    memo->schema_count = 0;
}

/* Puts slot in the first empty place of its probe sequence (the table
 * is never more than half full). */
static void put_slot(memo_slot *slots, size_t cap, memo_slot slot)
{
    size_t i = (size_t)(slot.hash >> 7) & (cap - 1);
    while (slots[i].hash)
        i = (i + 1) & (cap - 1);
    slots[i] = slot;
}

/* Empties slot i, moving the slots after it in its probe run back where
 * their probe sequences pass it (linear probing leaves no holes). */
static void remove_slot(amp_rule_memo *memo, size_t i)
{
    size_t mask = memo->cap - 1, j = i;
    for (;;) {
        memo->slots[i] = (memo_slot){0};
        size_t home;
        do {
            j = (j + 1) & mask;
            if (!memo->slots[j].hash)
                return;
            home = (size_t)(memo->slots[j].hash >> 7) & mask;
        } while (amp_probe_stays(i, home, j));
        memo->slots[i] = memo->slots[j];
        i = j;
    }
}

/* Drops the records the last run did not use (all of them with all). A
 * keystroke drops the record of the type it changed: those few leave their
 * slots one by one; many, and the table is built again. */
static void drop_records(amp_rule_memo *memo, bool all)
{
    size_t stale = 0;
    for (size_t i = 0; i < memo->cap; i++)
        if (memo->slots[i].hash && (all || memo->slots[i].used != memo->run))
            stale++;
    if (stale == 0)
        return;
    if (!all && stale <= memo->cap / 16) {
        for (size_t i = 0; i < memo->cap;) {
            memo_slot *sl = &memo->slots[i];
            if (!sl->hash || sl->used == memo->run) {
                i++;
                continue;
            }
            rec_free(sl->rec);
            remove_slot(memo, i); /* may move a later slot here: look at i again */
            memo->count--;
        }
        return;
    }
    size_t kept = 0;
    for (size_t i = 0; i < memo->cap; i++) {
        memo_slot *sl = &memo->slots[i];
        if (!sl->hash)
            continue;
        if (all || sl->used != memo->run) {
            rec_free(sl->rec);
            sl->rec = NULL;
            sl->hash = 0;
        } else {
            kept++;
        }
    }
    memo->count = kept;
    /* Open addressing has no holes to leave: put the rest in again. */
    memo_slot *fresh = memo->cap ? calloc(memo->cap, sizeof *fresh) : NULL;
    if (!fresh) {
        for (size_t i = 0; i < memo->cap; i++)
            rec_free(memo->slots[i].rec);
        free(memo->slots);
        memo->slots = NULL;
        memo->cap = memo->count = 0;
        return;
    }
    for (size_t i = 0; i < memo->cap; i++)
        if (memo->slots[i].hash)
            put_slot(fresh, memo->cap, memo->slots[i]);
    free(memo->slots);
    memo->slots = fresh;
}

/* Frees what rules keep of their own (amp_rules_memo_state). */
static void states_free(amp_rule_memo *memo)
{
    for (size_t i = 0; i < AMP_MEMO_STATES; i++) {
        if (memo->state[i] && memo->state_free[i])
            memo->state_free[i](memo->state[i]);
        memo->state[i] = NULL;
    }
}

void amp_rule_memo_free(amp_rule_memo *memo)
{
    if (!memo)
        return;
    states_free(memo);
    drop_records(memo, true);
    free(memo->slots);

    run_free(memo);
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

/* Sets up this run's per-schema arrays; false when out of memory. */
static bool run_start(amp_rule_memo *memo, const amp_model *m)
{
    size_t n = m->schema_count;
    memo->plain = calloc(n ? n : 1, sizeof *memo->plain);
    memo->found = calloc(n ? n : 1, sizeof *memo->found);
    memo->tried = calloc(n ? n : 1, sizeof *memo->tried);
    if (!memo->plain || !memo->found || !memo->tried)
        return false;
    memo->schema_count = n;
    for (size_t i = 0; i < n; i++) {
        size_t count = m->schemas[i].type_count;
        memo->plain[i] = amp_value_is_call(m->schemas[i].value, "a.schema");
        memo->found[i] = calloc(count ? count : 1, sizeof **memo->found);
        memo->tried[i] = calloc(count ? count : 1, sizeof **memo->tried);
        if (!memo->found[i] || !memo->tried[i])
            return false;
    }
    return true;
}

void amp_rules_memo_begin(amp_check *c)
{
    amp_model *m = (amp_model *)c->m; /* the memo is a cache behind the const model */
    if (!m->rule_memo && !(m->rule_memo = calloc(1, sizeof *m->rule_memo)))
        return;
    amp_rule_memo *memo = m->rule_memo;
    uint64_t setup = setup_of(c);
    if (setup != memo->setup) {
        states_free(memo);
        drop_records(memo, true);
    }
    memo->setup = setup;
    memo->run++;
    run_free(memo);
    if (!run_start(memo, m))
        run_free(memo); /* no memo this run: every check runs */
}

void amp_rules_memo_end(amp_check *c)
{
    amp_rule_memo *memo = c->m->rule_memo;
    if (memo) {
        drop_records(memo, false);
        run_free(memo);
    }
}

static uint64_t rec_hash(uint32_t origin, uint64_t name_hash, uint32_t value_off)
{
    uint64_t h = mix(mix(name_hash, origin), value_off);
    return h ? h : 1;
}

/* The record of type t (whose key starts at base), made when there is
 * none; NULL when out of memory. */
static memo_rec *lookup(amp_rule_memo *memo, const amp_type *t, uint32_t base)
{
    const amp_value *v = t->value;
    uint32_t value_off = v->loc.start - base;
    uint64_t h = rec_hash(v->origin, amp_rules_memo_str(0, t->name), value_off);
    for (size_t i = memo->cap ? (size_t)(h >> 7) & (memo->cap - 1) : 0; memo->cap;
         i = (i + 1) & (memo->cap - 1)) {
        memo_slot *sl = &memo->slots[i];
        if (!sl->hash)
            break;
        memo_rec *r = sl->rec;
        if (sl->hash == h && r->origin == v->origin && r->value_off == value_off &&
            strcmp(r->name, t->name) == 0) {
            sl->used = memo->run;
            return r;
        }
    }
    if (2 * (memo->count + 1) > memo->cap) {
        size_t cap = memo->cap ? 2 * memo->cap : 1024;
        memo_slot *grown = calloc(cap, sizeof *grown);
        if (!grown)
            return NULL;
        for (size_t i = 0; i < memo->cap; i++)
            if (memo->slots[i].hash)
                put_slot(grown, cap, memo->slots[i]);
        free(memo->slots);
        memo->slots = grown;
        memo->cap = cap;
    }
    size_t n = strlen(t->name);
    memo_rec *r = calloc(1, sizeof *r + n + 1);
    if (!r)
        return NULL;
    r->origin = v->origin;
    r->value_off = value_off;
    memcpy(r->name, t->name, n + 1);
    put_slot(memo->slots, memo->cap, (memo_slot){h, memo->run, r});
    memo->count++;
    return r;
}

/* Puts the findings of fam into the real lists, for a type whose key starts
 * at byte base of file f. */
static void replay(amp_check *c, const memo_family *fam, uint32_t f, uint32_t base)
{
    amp_diag_list *list = &c->out[f];
    const char *path = c->m->files[f].path;
    for (size_t i = 0; i < fam->count; i++) {
        const memo_finding *x = &fam->items[i];
        uint32_t s = base + x->start, e = base + x->end;
        bool there = (x->tags & AMP_TAG_MEMO_DEDUP) &&
                     amp_diag_list_has(list, 0, list->count, s, e, x->code);
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

/* Copies into fam the findings list->items[from..] (those of the check
 * just run); false when one lies outside [lo, hi) of file f (or out of
 * memory), with fam left as it was. */
static bool record(const amp_model *m, memo_family *fam, const amp_diag_list *list, size_t from,
                   uint32_t f, uint32_t lo, uint32_t hi)
{
    const char *path = m->files[f].path;
    for (size_t i = from; i < list->count; i++) {
        const amp_diag *d = &list->items[i];
        if (!inside(d->start, d->end, lo, hi))
            return false;
        for (size_t k = 0; k < d->related_count; k++)
            if (strcmp(d->related[k].file, path) != 0 ||
                !inside(d->related[k].start, d->related[k].end, lo, hi))
                return false;
    }
    size_t n = list->count - from;
    memo_finding *items = n ? calloc(n, sizeof *items) : NULL;
    if (n && !items)
        return false;
    memo_family got = {items, 0, NULL, 0, NULL, 0, 0};
    for (size_t i = from; i < list->count; i++) {
        const amp_diag *d = &list->items[i];
        memo_finding *x = &items[got.count++];
        *x = (memo_finding){d->code,     d->severity,        d->tags, d->start - lo,
                            d->end - lo, strdup(d->message), NULL,    0};
        if (!x->message ||
            (d->related_count && !(x->related = calloc(d->related_count, sizeof *x->related)))) {
            family_clear(&got);
            return false;
        }
        for (size_t k = 0; k < d->related_count; k++) {
            const amp_related *rel = &d->related[k];
            memo_related *y = &x->related[x->related_count++];
            *y = (memo_related){rel->start - lo, rel->end - lo, strdup(rel->message)};
            if (!y->message) {
                family_clear(&got);
                return false;
            }
        }
    }
    fam->items = got.items;
    fam->count = got.count;
    return true;
}

/* Settles the findings list->items[from..] of the check just run: a
 * marked one that repeats one before them goes (as amp_schema_report
 * would have dropped it), and the marks go. */
static void settle(amp_diag_list *list, size_t from)
{
    size_t j = from;
    for (size_t i = from; i < list->count; i++) {
        amp_diag *d = &list->items[i];
        bool there = (d->tags & AMP_TAG_MEMO_DEDUP) &&
                     amp_diag_list_has(list, 0, from, d->start, d->end, d->code);
        if (there) {
            amp_diag_free(d);
            continue;
        }
        d->tags &= ~(unsigned)AMP_TAG_MEMO_DEDUP;
        list->items[j++] = *d;
    }
    list->count = j;
}

/* Whether what the check found can stand for it: each type it found is a
 * plain schema's type read from an entry (so its origin says what it
 * holds). */
static bool lookups_kept(const amp_rule_memo *memo)
{
    if (memo->log.overflow)
        return false;
    for (size_t i = 0; i < memo->log.count; i++) {
        const amp_type *t = memo->log.items[i].found;
        if (t && (t->schema < 0 || (size_t)t->schema >= memo->schema_count ||
                  !memo->plain[t->schema] || !t->value || !t->value->origin))
            return false;
    }
    return true;
}

/* Keeps the lookups of memo->log in fam (each once); false when out of
 * memory. */
static bool keep_lookups(amp_rule_memo *memo, memo_family *fam)
{
    const amp_lookup_log *log = &memo->log;
    if (log->count && !(fam->deps = calloc(log->count, sizeof *fam->deps)))
        return false;
    for (size_t i = 0; i < log->count; i++) {
        const amp_type_lookup *l = &log->items[i];
        bool seen = !l->name;
        for (size_t k = 0; k < fam->dep_count && !seen; k++)
            seen = fam->deps[k].schema == l->schema && strcmp(fam->deps[k].name, l->name) == 0;
        if (seen)
            continue;
        memo_dep *d = &fam->deps[fam->dep_count];
        d->schema = l->schema;
        d->found_schema = l->found ? l->found->schema : -1;
        d->origin = l->found ? l->found->value->origin : 0;
        if (!(d->name = strdup(l->name)))
            return false;
        fam->dep_count++;
    }
    return true;
}

/* Whether each type fam's check looked up is still what it found. */
static bool lookups_hold(const amp_check *c, const amp_rule_memo *memo, const memo_family *fam)
{
    for (size_t i = 0; i < fam->dep_count; i++) {
        const memo_dep *d = &fam->deps[i];
        const amp_type *t = amp_model_find_type(c->m, d->schema, d->name);
        if (d->found_schema < 0
                ? t != NULL
                : !t || t->schema != d->found_schema || (size_t)t->schema >= memo->schema_count ||
                      !memo->plain[t->schema] || !t->value || t->value->origin != d->origin)
            return false;
    }
    return true;
}

/* The record of type ti of schema si for this run (looked up once), or
 * NULL when the type has none (not from a remembered entry, ...). */
static memo_rec *record_of(const amp_check *c, amp_rule_memo *memo, size_t si, size_t ti)
{
    if (si >= memo->schema_count || !memo->plain[si] || ti >= c->m->schemas[si].type_count)
        return NULL;
    if (memo->tried[si][ti])
        return memo->found[si][ti];
    memo->tried[si][ti] = 1;
    const amp_type *t = &c->m->schemas[si].types[ti];
    const amp_value *v = t->value;
    uint32_t f = t->name_loc.file;
    if (!v || !v->origin || !t->name || v->loc.file != f || v->loc.start < t->name_loc.start ||
        f >= c->m->file_count)
        return NULL;
    return memo->found[si][ti] = lookup(memo, t, t->name_loc.start);
}

/* Families check the types of a schema in order: fetches (amp_fetch) what
 * this family will read of the record of the type four ahead, or, before
 * its record is known, the value record_of reads first. */
static void fetch_ahead(const amp_check *c, const amp_rule_memo *memo, unsigned family, size_t si,
                        size_t ti)
{
    size_t next = ti + 4;
    if (next >= c->m->schemas[si].type_count)
        return;
    if (!memo->tried[si][next]) {
        amp_fetch(c->m->schemas[si].types[next].value, 1);
        return;
    }
    const memo_rec *r = memo->found[si][next];
    amp_fetch(r, 1);
    amp_fetch(r ? &r->context[family] : NULL, 1);
}

void amp_rules_memo_type(amp_check *c, unsigned family, uint64_t context, size_t si, size_t ti,
                         amp_type_check check, const void *arg)
{
    amp_rule_memo *memo = c->m->rule_memo;
    const amp_type *t = &c->m->schemas[si].types[ti];
    memo_rec *r =
        memo && !c->recording && family < AMP_MEMO_FAMILIES ? record_of(c, memo, si, ti) : NULL;
    if (r)
        fetch_ahead(c, memo, family, si, ti);
    if (!r) {
        check(c, si, t, arg);
        return;
    }
    uint32_t f = t->name_loc.file, base = t->name_loc.start, bit = 1u << family;
    memo_family *kept = r->busy & bit ? &r->more[family] : NULL;
    if ((r->known & bit) && r->context[family] == context &&
        (!kept || lookups_hold(c, memo, kept))) {
        if (kept)
            replay(c, kept, f, base);
        return;
    }
    r->known &= ~bit;
    r->busy &= ~bit;
    if (kept)
        family_clear(kept);
    /* Run it in place, noting where its findings start. */
    amp_model *m = (amp_model *)c->m; /* the log is a note behind the const model */
    amp_diag_list *list = &c->out[f];
    size_t from = list->count, reports = c->reports;
    memo->log.count = 0;
    memo->log.overflow = false;
    m->lookup_log = &memo->log;
    c->recording = true;
    c->rec_file = f;
    c->rec_start = from;
    c->global = false;
    check(c, si, t, arg);
    c->recording = false;
    m->lookup_log = NULL;
    const amp_value *v = t->value;
    memo_family fam = {0};
    if (c->reports - reports == list->count - from && /* all of them in its own file */
        !c->global && lookups_kept(memo) && keep_lookups(memo, &fam) &&
        record(c->m, &fam, list, from, f, base, v->loc.end > base ? v->loc.end : base) &&
        ((!fam.count && !fam.dep_count) ||
         (r->more || (r->more = calloc(AMP_MEMO_FAMILIES, sizeof *r->more))))) {
        r->known |= bit;
        r->context[family] = context;
        if (fam.count || fam.dep_count) {
            r->more[family] = fam;
            r->busy |= bit;
        }
    } else {
        family_clear(&fam);
    }
    settle(list, from);
}

const void *amp_rules_memo_get(amp_check *c, unsigned family, size_t si, size_t ti, size_t *size,
                               uint64_t *id)
{
    amp_rule_memo *memo = c->m->rule_memo;
    memo_rec *r = memo && family < AMP_MEMO_FAMILIES ? record_of(c, memo, si, ti) : NULL;
    if (!r || !(r->known & r->busy & (1u << family)) || !r->more[family].data)
        return NULL;
    *size = r->more[family].data_size;
    if (id)
        *id = r->more[family].data_id;
    return r->more[family].data;
}

void **amp_rules_memo_state(amp_check *c, unsigned which, void (*state_free)(void *))
{
    amp_rule_memo *memo = c->m->rule_memo;
    if (!memo || which >= AMP_MEMO_STATES)
        return NULL;
    memo->state_free[which] = state_free;
    return &memo->state[which];
}

bool amp_rules_memo_put(amp_check *c, unsigned family, size_t si, size_t ti, const void *data,
                        size_t size)
{
    amp_rule_memo *memo = c->m->rule_memo;
    memo_rec *r = memo && family < AMP_MEMO_FAMILIES ? record_of(c, memo, si, ti) : NULL;
    if (!r || !size || (!r->more && !(r->more = calloc(AMP_MEMO_FAMILIES, sizeof *r->more))))
        return false;
    void *copy = malloc(size);
    if (!copy)
        return false;
    memcpy(copy, data, size);
    family_clear(&r->more[family]);
    r->more[family].data = copy;
    r->more[family].data_size = size;
    r->more[family].data_id = ++memo->data_ids;
    r->known |= 1u << family;
    r->busy |= 1u << family;
    r->context[family] = 0;
    return true;
}
