/*
 * rules_internal.h: what rule files share. Each rules_<area>.c defines its
 * check functions and lists its codes in rules_table.h.
 */
#ifndef AMP_RULES_INTERNAL_H
#define AMP_RULES_INTERNAL_H

#include "amp_rules.h"

typedef struct amp_check {
    const amp_model *m;
    const amp_rule_config *cfg;
    const amp_rule_env *env; /* never NULL (an empty env when none was given) */
    amp_diag_list *out;      /* one list per model file */
        size_t reports;          /* findings amp_report added so far */
    bool recording;          /* a per-type check is being recorded (rules_memo.c): its findings
                                in file rec_file start at index rec_start of its list */
    uint32_t rec_file;
    size_t rec_start;
    bool global;             /* ... and it read what no lookup names (all type names, another
                                schema): set by the check, it keeps it from being recorded */
} amp_check;

/* Reports a diagnostic of rule `code` at loc (severity from the table or the
 * config; nothing when the rule is off). Returns the diagnostic so related
 * locations can be added, or NULL. */
amp_diag *amp_report(amp_check *c, const char *code, amp_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Drops from list the findings a `// amplify-ls-ignore-next-line` comment
 * of t (the text of the file the list is for) silences. */
void amp_rules_drop_suppressed(amp_diag_list *list, const amp_text *t);

/* Adds a related location to d. */
void amp_relate(amp_check *c, amp_diag *d, amp_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The type named name in the schema group of schema s (its own schema, or
 * every schema of the same a.combine), or NULL. */
const amp_type *amp_find_type(const amp_model *m, int schema, const char *name);

/* True when the backend is known to have no auth resource: a whole project
 * (a package.json beside the amplify folder) with one defineBackend whose
 * keys are all known resources, none of them (and no resource anywhere) a
 * defineAuth or referenceAuth (rules_schema_more.c). */
bool amp_backend_without_auth(const amp_check *c);

/* Reports the options of resource r that the catalogue marks ignored
 * (rules_options_ignored.c). */
void amp_rules_options_ignored(amp_check *c, const amp_resource *r);

/* ---- per-type findings kept from build to build (rules_memo.c) ---- */

typedef struct amp_rule_memo amp_rule_memo;

/* Marks, while a check is recorded, a finding amp_schema_report adds only
 * when the list does not hold one of the same code and range yet: it is
 * compared with the check's own findings when reported, and with those
 * before them when the check ends (so the record does not depend on what
 * came before). */
#define AMP_TAG_MEMO_DEDUP (1u << 15)

/* A check of one type t of schema si that reads nothing but t (its
 * values and what they import), the catalogue, the rule configuration,
 * the types it looks up by name (amp_model_find_type: what it found is
 * kept, and the record stands while the lookups find the same), and arg,
 * which its caller passes amp_rules_memo_type with a context that stands
 * for what the check reads of it. A check that reads anything else sets
 * c->global when it does. */
typedef void (*amp_type_check)(amp_check *c, size_t si, const amp_type *t, const void *arg);

/* Around a run of every rule: starts and ends a run of the memo of c->m. */
void amp_rules_memo_begin(amp_check *c);
void amp_rules_memo_end(amp_check *c);

/* Runs check(c, si, t, arg) for t type ti of schema si, or puts into c->out
 * what it reported the last time it ran on a type of the same origin, name
 * and distance from key to value, with the same context. family tells the
 * checks apart (one per call site). */
void amp_rules_memo_type(amp_check *c, unsigned family, uint64_t context, size_t si, size_t ti,
                         amp_type_check check, const void *arg);

/* What a rule keeps of its own making for type ti of schema si (bytes
 * that hold no pointers and no absolute locations), as kept by
 * amp_rules_memo_put for a type of the same origin, name and distance
 * from key to value; NULL when there is none. Valid until the run ends.
 * *id (when id is not NULL) names those bytes: no other bytes the memo
 * keeps, before or after, get the same. */
const void *amp_rules_memo_get(amp_check *c, unsigned family, size_t si, size_t ti, size_t *size,
                               uint64_t *id);

/* Where a rule keeps a state of its own from run to run (which: one of
 * AMP_MEMO_STATE_*), freed with state_free when the memo goes or the rule
 * configuration or environment changes; NULL without a memo. The slot
 * holds NULL until the rule puts something there. */
void **amp_rules_memo_state(amp_check *c, unsigned which, void (*state_free)(void *));

/* For deleting from a linear-probing table of a power-of-two size: true
 * when home, the slot a key at slot j hashes to, lies in the cyclic range
 * (hole, j], so that the key cannot move back into the hole. */
static inline bool amp_probe_stays(size_t hole, size_t home, size_t j)
{
    return hole <= j ? hole < home && home <= j : hole < home || home <= j;
}

/* The states of amp_rules_memo_state. */
enum {
    AMP_MEMO_STATE_GEN_NAMES, /* the generated-name counts (rules_schema_more.c) */
    AMP_MEMO_STATES
};

/* Keeps a copy of data for type ti of schema si; false when it cannot
 * (the type has no record, out of memory). */
bool amp_rules_memo_put(amp_check *c, unsigned family, size_t si, size_t ti, const void *data,
                        size_t size);

/* Hash steps for contexts: a string (or NULL). */
uint64_t amp_rules_memo_str(uint64_t h, const char *s);

/* The context of checks that read the schema-level rules (which types
 * without rules of their own inherit): what the rules say, not where. */
uint64_t amp_rules_memo_schema_rules(const amp_schema *s);

/* The families of amp_rules_memo_type. */
enum {
    AMP_MEMO_CHAIN,
    AMP_MEMO_FIELDS,
    AMP_MEMO_FIELDAUTH,
    AMP_MEMO_AUTH_STRATEGIES,
    AMP_MEMO_AUTH_TYPE,
    AMP_MEMO_AUTH_GROUPS,
    AMP_MEMO_PROVIDERS,
    AMP_MEMO_KEYS,
    AMP_MEMO_DATA,
    AMP_MEMO_GEN_OPS, /* kept data: the operation names a model generates (rules_schema_more.c) */
    AMP_MEMO_FAMILIES /* at most 32 (a bit each) */
};

/* Rule entry points, one per area (rules_<area>.c). */
void amp_rules_data(amp_check *c);
void amp_rules_schema(amp_check *c);
void amp_rules_options(amp_check *c);
void amp_rules_backend(amp_check *c);

#endif
