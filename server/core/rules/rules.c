/*
 * rules.c: the rule registry, reporting, suppression comments and the entry
 * point that runs every rule over a model (see amp_rules.h).
 */
#include "rules_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_table.h"

static const amp_rule_info rules[] = {
#define AMP_RULE_ROW(code, sev, title) {code, sev, title},
    AMP_RULES(AMP_RULE_ROW)
#undef AMP_RULE_ROW
};

const amp_rule_info *amp_rule_list(size_t *count)
{
    *count = sizeof rules / sizeof rules[0];
    return rules;
}

const amp_rule_info *amp_rule_find(const char *code)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
        if (strcmp(rules[i].code, code) == 0)
            return &rules[i];
    return NULL;
}

/* Generated from server/rules/<code>.md at build time. */
extern const char *const amp_rule_doc_codes[];
extern const char *const amp_rule_doc_texts[];
extern const size_t amp_rule_doc_count;

const char *amp_rule_doc(const char *code)
{
    for (size_t i = 0; i < amp_rule_doc_count; i++)
        if (strcmp(amp_rule_doc_codes[i], code) == 0)
            return amp_rule_doc_texts[i];
    return NULL;
}

static int severity_of(const amp_check *c, const amp_rule_info *info)
{
    for (size_t i = 0; c->cfg && i < c->cfg->count; i++)
        if (strcmp(c->cfg->codes[i], info->code) == 0)
            return c->cfg->severities[i];
    return (int)info->severity;
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

amp_diag *amp_report(amp_check *c, const char *code, amp_loc loc, const char *fmt, ...)
{
    const amp_rule_info *info = amp_rule_find(code);
    if (!info || loc.file >= c->m->file_count)
        return NULL;
    int sev = severity_of(c, info);
    if (sev <= 0)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    amp_diag *d = msg ? amp_diag_add(&c->out[loc.file], loc.start, loc.end, (amp_severity)sev,
                                     info->code, "%s", msg)
                      : NULL;
    free(msg);
    c->reports += d != NULL;
    return d;
}

void amp_relate(amp_check *c, amp_diag *d, amp_loc loc, const char *fmt, ...)
{
    if (!d || loc.file >= c->m->file_count)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    if (msg)
        amp_diag_relate(d, c->m->files[loc.file].path, loc.start, loc.end, "%s", msg);
    free(msg);
}

const amp_type *amp_find_type(const amp_model *m, int schema, const char *name)
{
    return amp_model_find_type(m, schema, name);
}

/* True when the line before `offset` is a comment
 * `// amplify-ls-ignore-next-line` naming code (or naming no code). */
static bool suppressed(const amp_text *t, uint32_t offset, const char *code)
{
    amp_text_view v = amp_text_view_of(t);
    uint32_t line = amp_line_of_offset(v, offset);
    if (line == 0)
        return false;
    uint32_t s = t->line_starts[line - 1], e = t->line_starts[line];
    const char *p = t->bytes + s;
    size_t n = e - s;
    const char *mark = "amplify-ls-ignore-next-line";
    for (size_t i = 0; i + 2 < n; i++) {
        if (p[i] != '/' || p[i + 1] != '/')
            continue;
        const char *q = p + i + 2;
        while (q < p + n && (*q == ' ' || *q == '\t'))
            q++;
        size_t m = strlen(mark);
        if ((size_t)(p + n - q) < m || strncmp(q, mark, m) != 0)
            return false;
        q += m;
        size_t rest = (size_t)(p + n - q);
        size_t cl = strlen(code);
        /* No code listed: every rule; else the code must appear as a word. */
        bool any_code = false;
        for (size_t k = 0; k < rest; k++) {
            char ch = q[k];
            if (ch == '\n' || ch == '\r')
                break;
            if (ch != ' ' && ch != '\t' && ch != ',')
                any_code = true;
            if (k + cl <= rest && strncmp(q + k, code, cl) == 0 &&
                (k == 0 || q[k - 1] == ' ' || q[k - 1] == ',') &&
                (k + cl == rest || q[k + cl] == ' ' || q[k + cl] == ',' || q[k + cl] == '\n' ||
                 q[k + cl] == '\r'))
                return true;
        }
        return !any_code;
    }
    return false;
}

void amp_rules_drop_suppressed(amp_diag_list *list, const amp_text *t)
{
    size_t j = 0;
    for (size_t i = 0; i < list->count; i++) {
        amp_diag *d = &list->items[i];
        if (t && suppressed(t, d->start, d->code)) {
            amp_diag_free(d);
            continue;
        }
        list->items[j++] = *d;
    }
    list->count = j;
}

void amp_rules_check(const amp_model *m, const amp_rule_config *cfg, const amp_rule_env *env,
                     const amp_text *const *texts, amp_diag_list *out)
{
    static const amp_rule_env none = {0};
    amp_check c = {m, cfg, env ? env : &none, out, 0, false, 0, 0, false};
    amp_rules_memo_begin(&c);
    amp_rules_data(&c);
    amp_rules_schema(&c);
    amp_rules_options(&c);
    amp_rules_backend(&c);
    amp_rules_memo_end(&c);
    for (size_t f = 0; texts && f < m->file_count; f++)
        amp_rules_drop_suppressed(&out[f], texts[f]);
}
