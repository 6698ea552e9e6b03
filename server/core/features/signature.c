/*
 * signature.c: signature help (see amp_complete.h): the innermost call
 * around the cursor whose callee the catalogue types, and the argument the
 * cursor is in (the top-level commas before it in that call).
 */
#include "complete_internal.h"

#include <string.h>

/* The signature to show: the first (primary, then overloads) with a
 * parameter for argument `arg`; the primary one when none has. */
static size_t pick_signature(const amp_cat_entry *e, size_t arg)
{
    size_t n = amp_cat_param_count(e);
    if (arg < n || (n && amp_cat_param_rest(amp_cat_param_at(e, n - 1))))
        return 0;
    for (size_t i = 0; i < amp_cat_overload_count(e); i++) {
        const amp_cat_overload *o = amp_cat_overload_at(e, i);
        size_t on = amp_cat_overload_param_count(o);
        if (arg < on || (on && amp_cat_param_rest(amp_cat_overload_param_at(o, on - 1))))
            return i + 1;
    }
    return 0;
}

bool amp_signature_at(const amp_feature_env *env, uint32_t offset, amp_sighelp *out)
{
    memset(out, 0, sizeof *out);
    amp_arena arena = {0};
    cx_scan sc;
    bool found = false;
    if (cx_scan_run(&sc, &arena, env, offset, 0) == 0 && !sc.at.in_comment) {
        for (cx_frame *f = sc.at.frame; f && f->open && !found; f = f->parent) {
            if (f->open == '{' && f->block)
                break; /* a function body: its calls are its own */
            const amp_cat_entry *e = cx_callee(&sc, f, NULL);
            if (!e || (!amp_cat_signature(e) && amp_cat_param_count(e) == 0))
                continue;
            out->entry = e;
            out->active_param = f == sc.at.frame ? sc.at.arg : f->arg;
            out->active_signature = pick_signature(e, out->active_param);
            found = true;
        }
    }
    amp_arena_free(&arena);
    return found;
}

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$';
}

bool amp_signature_param_range(const char *signature, const char *name, uint32_t *start,
                               uint32_t *end)
{
    const char *open = signature ? strchr(signature, '(') : NULL;
    size_t n = name ? strlen(name) : 0;
    if (!open || n == 0)
        return false;
    for (const char *p = strstr(open + 1, name); p; p = strstr(p + 1, name)) {
        char before = p[-1], after = p[n];
        if (word_char(before) || word_char(after) || before == '.' || before == '\'')
            continue;
        *start = (uint32_t)(p - signature);
        *end = (uint32_t)(p - signature + n);
        return true;
    }
    return false;
}
