/*
 * rules_backend_stacks.c: the nested-stack dependency graph and what breaks
 * it (backend sheet §11), the names backend.createStack may not take
 * (§3.1), and data environments set by hand instead of the schema grant
 * that provides them (§8).
 *
 * Graph nodes are resource groups (nested stacks); "X -> Y" means X's
 * template references an output of Y. The edges are exactly those of §11:
 *   data -> auth       when both are deployed;
 *   auth -> G(f)       f is a trigger, sender or access grantee of auth;
 *   storage -> G(f)    f is a trigger or access grantee of a bucket;
 *   data -> G(f)       f is a handler, authorizer, `functions` entry or
 *                      schema-level allow.resource grantee;
 *   G(f) -> X          backend.ts hands f a CDK token of X (addEnvironment,
 *                      a grant to f's role, a DynamoDB event source,
 *                      addToRolePolicy), at the top level of the file;
 *   auth -> G(f)       backend.ts adds f as a user-pool trigger (addTrigger).
 * SSM-backed access grants add no G(f) -> X edge. A function whose group is
 * not known makes the whole graph unknown: no cycle is reported then.
 */
#include "rules_backend_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GROUPS 64

typedef struct edge {
    int from, to;    /* group indexes */
    amp_loc loc;     /* where the dependency is made */
    int fn;          /* the function whose group is an end of the edge, or -1 */
    const char *how; /* what makes it, for messages */
} edge;

typedef struct graph {
    const char *names[MAX_GROUPS];
    size_t count;
    edge *edges; /* owned */
    size_t edge_count;
    bool unknown; /* a group that matters is not known */
    bool reach[MAX_GROUPS][MAX_GROUPS];
} graph;

typedef struct build_ctx {
    const amp_deploy *d;
    const char *const *groups; /* per resource: its group (d->group, or a proposed change) */
} build_ctx;

static bool starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool is_kind(const amp_model *m, int r, amp_res_kind kind)
{
    return r >= 0 && (size_t)r < m->resource_count && m->resources[r].kind == kind;
}

static bool is_auth(const amp_model *m, int r)
{
    return is_kind(m, r, AMP_RES_AUTH) || is_kind(m, r, AMP_RES_REFERENCE_AUTH);
}

static const char *group_name(const build_ctx *b, int r)
{
    return b->groups[r];
}

static int node(graph *g, const char *name)
{
    for (size_t i = 0; i < g->count; i++)
        if (strcmp(g->names[i], name) == 0)
            return (int)i;
    if (g->count == MAX_GROUPS)
        return -1;
    g->names[g->count] = name;
    return (int)g->count++;
}

/* Adds "group of a -> group of b" (resource indexes). */
static void add_edge(graph *g, const build_ctx *b, int a, int bres, amp_loc loc, int fn,
                     const char *how)
{
    const char *from = group_name(b, a), *to = group_name(b, bres);
    if (!from || !to) {
        g->unknown = true;
        return;
    }
    if (strcmp(from, to) == 0)
        return; /* within one stack: no dependency between stacks */
    int f = node(g, from), t = node(g, to);
    edge *grown = f >= 0 && t >= 0 ? realloc(g->edges, (g->edge_count + 1) * sizeof *grown) : NULL;
    if (!grown) {
        g->unknown = true;
        return;
    }
    g->edges = grown;
    g->edges[g->edge_count++] = (edge){f, t, loc, fn, how};
}

/* data -> auth, and owner -> G(f) for every reference of a deployed owner. */
static void add_resource_edges(graph *g, const build_ctx *b)
{
    const amp_model *m = b->d->m;
    int data = -1, auth = -1;
    for (size_t i = 0; i < m->resource_count; i++) {
        if (!b->d->deployed[i])
            continue;
        if (is_kind(m, (int)i, AMP_RES_DATA) && data < 0)
            data = (int)i;
        if (is_auth(m, (int)i) && auth < 0)
            auth = (int)i;
    }
    if (data >= 0 && auth >= 0)
        add_edge(g, b, data, auth, amp_deploy_callee(m, data), -1,
                 "the data API uses the user pool and identity-pool roles of auth");
    for (size_t k = 0; k < b->d->ref_count; k++) {
        const amp_fn_ref *ref = &b->d->refs[k];
        if (!b->d->deployed[ref->owner] || !is_kind(m, ref->fn, AMP_RES_FUNCTION))
            continue;
        const char *how = is_auth(m, ref->owner) ? "is a trigger, sender or access grantee of auth"
                          : is_kind(m, ref->owner, AMP_RES_STORAGE)
                              ? "is a trigger or access grantee of storage"
                          : is_kind(m, ref->owner, AMP_RES_DATA)
                              ? "is a handler, authorizer or allow.resource grantee of data"
                              : NULL;
        if (how)
            add_edge(g, b, ref->owner, ref->fn, ref->site, ref->fn, how);
    }
}

/* A chain whose value is a token of its resource's stack: something under
 * `resources` (a table, a bucket, the user pool, the lambda ...), but not
 * its stack's region or a construct's id. */
static bool token_path(const char *path)
{
    return starts_with(path, "resources.") && !strstr(path, ".stack") && !strstr(path, ".node");
}

static bool on_lambda(const amp_backend_call *c)
{
    return starts_with(c->on.path, "resources.lambda");
}

/* The G(f) -> X edges backend.ts makes, from unconditional calls. */
static void add_script_edges(graph *g, const build_ctx *b)
{
    const amp_model *m = b->d->m;
    for (size_t i = 0; i < m->backend_use_count; i++) {
        const amp_backend_call *c = &m->backend_uses[i];
        int x = c->on.resource;
        if (c->conditional || x < 0 || !b->d->deployed[x])
            continue;
        bool fn = is_kind(m, x, AMP_RES_FUNCTION);
        bool env = fn && strcmp(c->method, "addEnvironment") == 0 &&
                   (c->on.path[0] == '\0' || on_lambda(c));
        bool policy = fn && on_lambda(c) &&
                      (strcmp(c->method, "addToRolePolicy") == 0 ||
                       strcmp(c->method, "addToPrincipalPolicy") == 0);
        bool source = fn && on_lambda(c) && strcmp(c->method, "addEventSource") == 0;
        bool grant = starts_with(c->method, "grant");
        bool trigger = is_auth(m, x) && strcmp(c->method, "addTrigger") == 0;
        for (size_t k = 0; k < c->use_count; k++) {
            int y = c->uses[k].resource;
            if (y < 0 || y == x || !b->d->deployed[y] || !token_path(c->uses[k].path))
                continue;
            if (env || policy || (source && is_kind(m, y, AMP_RES_DATA)))
                add_edge(g, b, x, y, c->uses[k].loc, x,
                         env ? "gets a CDK token of another stack in backend.ts (addEnvironment)"
                         : policy ? "gets a policy naming another stack's resource in backend.ts"
                                  : "gets a DynamoDB event source in backend.ts");
            else if (grant)
                add_edge(g, b, y, x, c->loc, is_kind(m, y, AMP_RES_FUNCTION) ? y : -1,
                         "is granted access to another stack's resource in backend.ts");
            else if (trigger && is_kind(m, y, AMP_RES_FUNCTION))
                add_edge(g, b, x, y, c->loc, y, "is added as a user-pool trigger in backend.ts");
        }
    }
}

static void close_reach(graph *g)
{
    memset(g->reach, 0, sizeof g->reach);
    for (size_t k = 0; k < g->edge_count; k++)
        g->reach[g->edges[k].from][g->edges[k].to] = true;
    for (size_t k = 0; k < g->count; k++)
        for (size_t i = 0; i < g->count; i++)
            if (g->reach[i][k])
                for (size_t j = 0; j < g->count; j++)
                    g->reach[i][j] |= g->reach[k][j];
}

static void build(graph *g, const amp_deploy *d, const char *const *groups)
{
    memset(g, 0, sizeof *g);
    build_ctx b = {d, groups};
    add_resource_edges(g, &b);
    add_script_edges(g, &b);
    close_reach(g);
}

/* ---- reporting a cycle ----------------------------------------------------- */

/* The edges of one shortest cycle through node `start` (BFS), in order,
 * into path; returns how many (0 when start is on no cycle). */
static size_t find_cycle(const graph *g, int start, size_t *path, size_t cap)
{
    int prev_edge[MAX_GROUPS];
    bool seen[MAX_GROUPS] = {false};
    int queue[MAX_GROUPS], head = 0, tail = 0;
    queue[tail++] = start;
    seen[start] = true;
    int closing = -1;
    while (head < tail && closing < 0) {
        int n = queue[head++];
        for (size_t k = 0; k < g->edge_count && closing < 0; k++) {
            int t = g->edges[k].to;
            if (g->edges[k].from != n)
                continue;
            if (t == start) {
                closing = (int)k;
            } else if (!seen[t]) {
                seen[t] = true;
                prev_edge[t] = (int)k;
                queue[tail++] = t;
            }
        }
    }
    if (closing < 0)
        return 0;
    size_t count = 0;
    path[count++] = (size_t)closing;
    for (int cur = g->edges[closing].from; cur != start && count < cap;
         cur = g->edges[prev_edge[cur]].from)
        path[count++] = (size_t)prev_edge[cur];
    for (size_t i = 0; i < count / 2; i++) { /* into forward order */
        size_t t = path[i];
        path[i] = path[count - 1 - i];
        path[count - 1 - i] = t;
    }
    return count;
}

/* True when the groups `groups` leave no node of the SCC on a cycle and put
 * no node on a cycle that was not on one. */
static bool breaks_cycle(const amp_deploy *d, const graph *g, const bool *scc,
                         const char *const *groups)
{
    graph after;
    build(&after, d, groups);
    bool ok = !after.unknown;
    for (size_t i = 0; ok && i < after.count; i++) {
        if (!after.reach[i][i])
            continue;
        bool was = false;
        for (size_t j = 0; j < g->count; j++)
            if (strcmp(g->names[j], after.names[i]) == 0)
                was = g->reach[j][j] && !scc[j];
        ok = was;
    }
    free(after.edges);
    return ok;
}

static bool references_fn(const amp_deploy *d, int fn, bool (*owner_ok)(const amp_model *, int))
{
    for (size_t k = 0; k < d->ref_count; k++)
        if (d->refs[k].fn == fn && d->deployed[d->refs[k].owner] &&
            owner_ok(d->m, d->refs[k].owner))
            return true;
    return false;
}

static bool is_data(const amp_model *m, int r)
{
    return is_kind(m, r, AMP_RES_DATA);
}

/* True when the graph has an edge from fn's group to data made by fn. */
static bool uses_data_token(const graph *g, int fn)
{
    for (size_t k = 0; k < g->edge_count; k++)
        if (g->edges[k].fn == fn && strcmp(g->names[g->edges[k].to], "data") == 0 &&
            strcmp(g->names[g->edges[k].from], "data") != 0)
            return true;
    return false;
}

/* Where the deployer's advice puts fn: auth triggers and grantees in
 * 'auth', data resolvers and functions using data in 'data'; NULL when
 * both apply (no group satisfies both) or neither. */
static const char *advised_group(const amp_deploy *d, const graph *g, int fn)
{
    bool auth = references_fn(d, fn, is_auth);
    bool data = references_fn(d, fn, is_data) || uses_data_token(g, fn);
    return auth && !data ? "auth" : data && !auth ? "data" : NULL;
}

/* A proposed fix: functions to move and where. */
typedef struct fix {
    int fns[8];
    const char *to[8];
    size_t count;
    bool more; /* more functions than listed move too */
} fix;

/* Tries moving one function of the cycle (advised group first, then the
 * default group, then a group of its own). */
static bool single_fix(const amp_deploy *d, const graph *g, const bool *scc, const size_t *path,
                       size_t len, const char **groups, fix *out)
{
    for (size_t i = 0; i < len; i++) {
        int fn = g->edges[path[i]].fn;
        if (fn < 0)
            continue;
        const char *cur = d->group[fn];
        const char *targets[3] = {advised_group(d, g, fn), "function", amp_deploy_label(d->m, fn)};
        for (size_t t = 0; t < 3; t++) {
            if (!targets[t] || (cur && strcmp(cur, targets[t]) == 0))
                continue;
            groups[fn] = targets[t];
            bool ok = breaks_cycle(d, g, scc, groups);
            groups[fn] = cur;
            if (ok) {
                *out = (fix){{fn}, {targets[t]}, 1, false};
                return true;
            }
        }
    }
    return false;
}

/* Tries moving every deployed function of the cycle's groups to its
 * advised group at once. */
static bool group_fix(const amp_deploy *d, const graph *g, const bool *scc, const char **groups,
                      fix *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < d->m->resource_count; i++) {
        const char *cur = d->group[i], *to;
        if (!is_kind(d->m, (int)i, AMP_RES_FUNCTION) || !d->deployed[i] || !cur)
            continue;
        bool in_scc = false;
        for (size_t j = 0; j < g->count; j++)
            in_scc |= scc[j] && strcmp(g->names[j], cur) == 0;
        if (!in_scc || !(to = advised_group(d, g, (int)i)) || strcmp(to, cur) == 0)
            continue;
        groups[i] = to;
        if (out->count < 8) {
            out->fns[out->count] = (int)i;
            out->to[out->count++] = to;
        } else {
            out->more = true;
        }
    }
    bool ok = out->count > 0 && breaks_cycle(d, g, scc, groups);
    memcpy(groups, d->group, d->m->resource_count * sizeof *groups);
    return ok;
}

/* A deployed function of the SCC's groups that both auth and data claim,
 * or -1. */
static int conflict_of(const amp_deploy *d, const graph *g, const bool *scc)
{
    for (size_t i = 0; i < d->m->resource_count; i++) {
        const char *cur = d->group[i];
        if (!is_kind(d->m, (int)i, AMP_RES_FUNCTION) || !d->deployed[i] || !cur)
            continue;
        bool in_scc = false;
        for (size_t j = 0; j < g->count; j++)
            in_scc |= scc[j] && strcmp(g->names[j], cur) == 0;
        if (in_scc && references_fn(d, (int)i, is_auth) &&
            (references_fn(d, (int)i, is_data) || uses_data_token(g, (int)i)))
            return (int)i;
    }
    return -1;
}

static bool find_fix(const amp_deploy *d, const graph *g, const bool *scc, const size_t *path,
                     size_t len, fix *out)
{
    size_t n = d->m->resource_count ? d->m->resource_count : 1;
    const char **groups = malloc(n * sizeof *groups);
    if (!groups)
        return false;
    memcpy(groups, d->group, d->m->resource_count * sizeof *groups);
    bool ok = single_fix(d, g, scc, path, len, groups, out) || group_fix(d, g, scc, groups, out);
    free(groups);
    return ok;
}

/* Where to point at a function's group: its resourceGroupName value, or its
 * define call. */
static amp_loc group_loc(const amp_model *m, int fn)
{
    const amp_resource *r = &m->resources[fn];
    const amp_value *props = r->props;
    if (props && props->kind == AMP_VAL_FUNCTION)
        props = r->value->item_count > 1 ? r->value->items[1] : NULL;
    const amp_prop *p = amp_value_prop(props, "resourceGroupName");
    return p ? p->value->loc : amp_deploy_callee(m, fn);
}

static void append(char *buf, size_t cap, const char *fmt, const char *a, const char *b)
{
    size_t used = strlen(buf);
    if (used < cap)
        snprintf(buf + used, cap - used, fmt, a, b);
}

/* "Move x to resourceGroupName: 'auth'" (and the others of the fix). */
static void describe_fix(const amp_check *c, const fix *f, char *out, size_t cap)
{
    out[0] = '\0';
    for (size_t i = 0; i < f->count; i++) {
        char one[160];
        snprintf(one, sizeof one, "%s%s to '%s'",
                 i == 0                          ? ""
                 : i + 1 == f->count && !f->more ? " and "
                                                 : ", ",
                 amp_deploy_label(c->m, f->fns[i]), f->to[i]);
        append(out, cap, "%s%s", one, "");
    }
    append(out, cap, "%s%s", f->more ? " and the other functions of these groups likewise" : "",
           "");
}

static void report_cycle(amp_check *c, const amp_deploy *d, const graph *g, const bool *scc,
                         const size_t *path, size_t len)
{
    const amp_model *m = c->m;
    size_t first = 0; /* print from auth when it is on the circle, as deploy errors do */
    for (size_t i = 0; i < len; i++)
        if (strcmp(g->names[g->edges[path[i]].from], "auth") == 0)
            first = i;
    char cycle[512] = "";
    for (size_t i = 0; i < len; i++)
        append(cycle, sizeof cycle, "%s%s", i ? " -> " : "",
               g->names[g->edges[path[(first + i) % len]].from]);
    append(cycle, sizeof cycle, "%s%s", " -> ", g->names[g->edges[path[first]].from]);
    fix f;
    bool fixed = find_fix(d, g, scc, path, len, &f);
    char moves[768], advice[1024];
    if (fixed) {
        describe_fix(c, &f, moves, sizeof moves);
        snprintf(advice, sizeof advice, "Fix: move %s with resourceGroupName in defineFunction%s.",
                 moves,
                 amp_version_below(c->env->backend_version, "1.8.0")
                     ? " (resourceGroupName needs @aws-amplify/backend 1.8.0 or later)"
                     : "");
    } else if (conflict_of(d, g, scc) >= 0) {
        const char *name = amp_deploy_label(m, conflict_of(d, g, scc));
        snprintf(advice, sizeof advice,
                 "%s is both used by auth (a trigger or access grantee) and tied to data (a "
                 "handler, a grantee or a data token), so no resource group suits it: split it in "
                 "two, or drop its CDK token of data, then give auth functions resourceGroupName "
                 "'auth' and data functions 'data'.",
                 name);
    } else {
        snprintf(advice, sizeof advice,
                 "No resourceGroupName change found breaks it; pass values through access grants "
                 "(SSM) instead of CDK tokens in backend.ts.");
    }
    amp_loc at = fixed ? group_loc(m, f.fns[0]) : g->edges[path[0]].loc;
    amp_diag *diag = amp_report(c, "backend-stack-cycle", at,
                                "Circular dependency between nested stacks: %s. CloudFormation "
                                "rejects the deploy (\"circular "
                                "dependency found between nested stacks\"). %s",
                                cycle, advice);
    for (size_t i = 0; i < len; i++) {
        const edge *e = &g->edges[path[(first + i) % len]];
        if (e->fn >= 0)
            amp_relate(c, diag, e->loc, "%s -> %s: %s (group '%s') %s", g->names[e->from],
                       g->names[e->to], amp_deploy_label(m, e->fn), d->group[e->fn], e->how);
        else
            amp_relate(c, diag, e->loc, "%s -> %s: %s", g->names[e->from], g->names[e->to], e->how);
    }
    for (size_t i = 1; fixed && i < f.count; i++)
        amp_relate(c, diag, group_loc(m, f.fns[i]), "move %s to '%s' too",
                   amp_deploy_label(m, f.fns[i]), f.to[i]);
}

static void check_cycles(amp_check *c, const amp_deploy *d)
{
    graph g;
    build(&g, d, d->group);
    bool done[MAX_GROUPS] = {false};
    for (size_t i = 0; !g.unknown && i < g.count; i++) {
        if (!g.reach[i][i] || done[i])
            continue;
        bool scc[MAX_GROUPS] = {false};
        for (size_t j = 0; j < g.count; j++)
            if (g.reach[i][j] && g.reach[j][i])
                scc[j] = done[j] = true;
        size_t path[MAX_GROUPS];
        size_t len = find_cycle(&g, (int)i, path, MAX_GROUPS);
        if (len > 0)
            report_cycle(c, d, &g, scc, path, len);
    }
    free(g.edges);
}

/* ---- createStack ----------------------------------------------------------- */

/* The deployed resource whose group is `name`, or -1. */
static int group_owner(const amp_deploy *d, const char *name)
{
    for (size_t i = 0; i < d->m->resource_count; i++)
        if (d->deployed[i] && d->group[i] && strcmp(d->group[i], name) == 0)
            return (int)i;
    return -1;
}

static void check_create_stack(amp_check *c, const amp_deploy *d)
{
    const amp_model *m = c->m;
    for (size_t i = 0; i < m->backend_use_count; i++) {
        const amp_backend_call *call = &m->backend_uses[i];
        if (call->conditional || call->on.key || call->on.path[0] ||
            strcmp(call->method, "createStack") != 0 || !call->first_arg.s)
            continue;
        const char *name = call->first_arg.s;
        int owner = group_owner(d, name);
        const amp_backend_call *earlier = NULL;
        for (size_t k = 0; k < i && owner < 0; k++) {
            const amp_backend_call *e = &m->backend_uses[k];
            if (!e->conditional && !e->on.key && !e->on.path[0] &&
                strcmp(e->method, "createStack") == 0 && e->first_arg.s &&
                strcmp(e->first_arg.s, name) == 0)
                earlier = e;
        }
        if (owner >= 0) {
            amp_diag *diag = amp_report(
                c, "backend-create-stack-collision", call->first_arg.loc,
                "createStack('%s') fails: '%s' is already the nested stack of %s (its resource "
                "group), and Amplify throws \"Custom stack named %s has already been created\". "
                "Choose another name.",
                name, name, amp_deploy_label(m, owner), name);
            amp_relate(c, diag, amp_deploy_callee(m, owner), "%s lives in the '%s' stack",
                       amp_deploy_label(m, owner), name);
        } else if (earlier) {
            amp_diag *diag = amp_report(
                c, "backend-create-stack-collision", call->first_arg.loc,
                "createStack('%s') is called twice; the second call throws \"Custom stack named %s "
                "has already been created\". Reuse the stack the first call returned.",
                name, name);
            amp_relate(c, diag, earlier->loc, "the first createStack('%s')", name);
        }
    }
}

void amp_backend_check_stacks(amp_check *c, const amp_deploy *d)
{
    check_cycles(c, d);
    check_create_stack(c, d);
}

/* ---- data access ----------------------------------------------------------- */

/* True for the names of the data environment a schema-level grant provides
 * (AMPLIFY_DATA_GRAPHQL_ENDPOINT, ..._MODEL_INTROSPECTION_SCHEMA_BUCKET_NAME,
 * ..._MODEL_INTROSPECTION_SCHEMA_KEY, AMPLIFY_DATA_DEFAULT_NAME; with a named
 * defineData the prefix is AMPLIFY_DATA<NAME>). */
static bool data_env_name(const char *key)
{
    static const char *const suffixes[] = {"_GRAPHQL_ENDPOINT",
                                           "_MODEL_INTROSPECTION_SCHEMA_BUCKET_NAME",
                                           "_MODEL_INTROSPECTION_SCHEMA_KEY"};
    if (!starts_with(key, "AMPLIFY_DATA"))
        return false;
    if (strcmp(key, "AMPLIFY_DATA_DEFAULT_NAME") == 0)
        return true;
    size_t n = strlen(key);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t k = strlen(suffixes[i]);
        if (n > k && strcmp(key + n - k, suffixes[i]) == 0)
            return true;
    }
    return false;
}

void amp_backend_check_data_access(amp_check *c, const amp_deploy *d)
{
    const amp_model *m = c->m;
    for (size_t i = 0; i < m->backend_use_count; i++) {
        const amp_backend_call *call = &m->backend_uses[i];
        int fn = call->on.resource;
        if (!is_kind(m, fn, AMP_RES_FUNCTION) || !d->deployed[fn] || d->schema_grant[fn] ||
            strcmp(call->method, "addEnvironment") != 0 || !call->first_arg.s ||
            !data_env_name(call->first_arg.s))
            continue;
        const char *name = amp_deploy_label(m, fn);
        amp_report(c, "backend-function-data-access", call->first_arg.loc,
                   "Setting %s by hand does not give %s the data environment: "
                   "getAmplifyDataClientConfig needs the whole set (endpoint, model introspection "
                   "schema bucket and key, default name), which only a schema-level "
                   "allow.resource(%s) provides, so it fails with \"The data environment variables "
                   "are malformed\". Add `.authorization((allow) => [allow.resource(%s)])` to "
                   "a.schema({...}) instead.",
                   call->first_arg.s, name, name, name);
    }
}
