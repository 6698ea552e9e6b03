/*
 * nav_hints.c: inlay hints for the fields Amplify adds to models implicitly,
 * and semantic tokens for the names written inside string literals (see
 * amp_nav.h). The TypeScript server colours identifiers; only strings are
 * ours: 'Post' in a.belongsTo('Post', 'postId') is a type, 'postId' a
 * property.
 */
#include "nav_internal.h"

#include <string.h>

#define NAV_MAX_IMPLICIT 16

/* ---- inlay hints --------------------------------------------------------------- */

/* The hint for model t when its field list is in file within [start, end]. */
static void add_hint(amp_nav_index *ix, const amp_type *t, uint32_t file, uint32_t start,
                     uint32_t end, amp_nav_hint **out, size_t *count)
{
    const amp_value *fields = amp_value_is_call(t->value, "a.model") ? nav_arg0(t->value) : NULL;
    if (!fields || fields->kind != AMP_VAL_OBJECT || fields->loc.file != file ||
        fields->loc.end < start || fields->loc.end > end)
        return;
    const char *implicit[NAV_MAX_IMPLICIT];
    size_t n = nav_implicit_fields(ix, t, implicit, NAV_MAX_IMPLICIT);
    if (n == 0)
        return;
    nav_buf b = {0};
    for (size_t i = 0; i < n; i++)
        nav_buf_printf(&b, "%s%s", i ? ", " : "", implicit[i]);
    amp_nav_hint *h = nav_push(&ix->scratch, (void **)out, count, sizeof *h);
    if (!h) {
        nav_buf_drop(&b);
        return;
    }
    h->offset = fields->loc.end;
    h->label = nav_buf_done(&b, &ix->scratch);
    h->tooltip = nav_printf(&ix->scratch, "Fields Amplify adds to the model %s implicitly", t->name);
}

amp_nav_hint *amp_nav_inlay_hints(amp_nav_index *ix, uint32_t file, uint32_t start, uint32_t end,
                                  size_t *count)
{
    amp_nav_hint *out = NULL;
    *count = 0;
    for (size_t i = 0; i < ix->sym_count; i++)
        if (ix->syms[i].kind == AMP_SYM_TYPE && ix->syms[i].type->kind == AMP_TYPE_MODEL)
            add_hint(ix, ix->syms[i].type, file, start, end, &out, count);
    return out;
}

/* ---- semantic tokens ------------------------------------------------------------ */

const char *amp_nav_token_type_name(unsigned type)
{
    static const char *const names[AMP_TOK_COUNT] = {"type", "struct", "enum", "function",
                                                     "property"};
    return type < AMP_TOK_COUNT ? names[type] : NULL;
}

const char *amp_nav_token_modifier_name(unsigned bit)
{
    return bit == 0 ? "declaration" : NULL;
}

/* The token type of a symbol, or -1 for symbols not coloured. */
static int token_type(const amp_sym *s)
{
    switch (s->kind) {
    case AMP_SYM_TYPE:
        switch (s->type->kind) {
        case AMP_TYPE_CUSTOM:
            return AMP_TOK_STRUCT;
        case AMP_TYPE_ENUM:
            return AMP_TOK_ENUM;
        case AMP_TYPE_QUERY:
        case AMP_TYPE_MUTATION:
        case AMP_TYPE_SUBSCRIPTION:
        case AMP_TYPE_GENERATION:
        case AMP_TYPE_CONVERSATION:
            return AMP_TOK_FUNCTION;
        default:
            return AMP_TOK_TYPE;
        }
    case AMP_SYM_FIELD:
        return AMP_TOK_PROPERTY;
    case AMP_SYM_RESOURCE:
        return AMP_TOK_FUNCTION;
    case AMP_SYM_GROUP:
        return -1;
    }
    return -1;
}

amp_nav_token *amp_nav_semantic_tokens(amp_nav_index *ix, uint32_t file, size_t *count)
{
    amp_nav_token *out = NULL;
    *count = 0;
    uint32_t last_end = 0;
    for (size_t i = 0; i < ix->occ_count; i++) {
        const amp_occ *o = &ix->occs[i];
        int type = token_type(&ix->syms[o->sym]);
        uint32_t n;
        const char *text = nav_text(ix, o->loc, &n);
        if (o->loc.file != file || !(o->flags & AMP_OCC_STRING) || type < 0 || !text || n == 0 ||
            memchr(text, '\n', n) || memchr(text, '\r', n) || (*count && o->loc.start < last_end))
            continue;
        amp_nav_token *t = nav_push(&ix->scratch, (void **)&out, count, sizeof *t);
        if (!t)
            break;
        t->start = o->loc.start;
        t->end = o->loc.end;
        t->type = (unsigned)type;
        t->modifiers = o->flags & (AMP_OCC_DEF | AMP_OCC_NAMING) ? AMP_TOKMOD_DECLARATION : 0;
        last_end = o->loc.end;
    }
    return out;
}
