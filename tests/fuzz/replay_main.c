/*
 * replay_main.c: runs a fuzz target over files, without libFuzzer.
 *
 * Linked with each target's LLVMFuzzerTestOneInput into an ordinary
 * program (fuzz_replay_<target>), which ctest runs over the target's seed
 * corpus and its regression reproducers on every build, sanitized or not.
 * Arguments are files or folders (read recursively, in name order). A
 * crash or a broken property aborts; the input being replayed is named
 * on stderr after the report.
 *
 * Usage: fuzz_replay_<target> PATH...
 */
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *current;
static size_t replayed;

/* Set by the sanitizer runtimes when they are linked in (weak otherwise). */
void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

static void name_input(void)
{
    static const char msg[] = "fuzz replay: the crashing input is ";
    if (current) {
        (void)!write(2, msg, sizeof msg - 1);
        (void)!write(2, current, strlen(current));
        (void)!write(2, "\n", 1);
    }
}

/* A broken property aborts (fz_fail): name the input, then die as asked.
 * Other fatal signals are left to the sanitizers, which report and then
 * call name_input through their death callback; a handler of ours would
 * run on the overflowed stack of a stack overflow and hide their report. */
static void on_abort(int sig)
{
    name_input();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "fuzz replay: cannot open %s\n", path);
        exit(2);
    }
    size_t cap = 4096, n = 0, got;
    uint8_t *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            uint8_t *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "fuzz replay: out of memory reading %s\n", path);
        exit(2);
    }
    /* An exact-size copy, so the sanitizers see reads past the input. */
    uint8_t *exact = malloc(n ? n : 1);
    if (!exact)
        exit(2);
    memcpy(exact, buf, n);
    free(buf);
    current = path;
    if (getenv("AMP_FUZZ_REPLAY_VERBOSE"))
        fprintf(stderr, "fuzz replay: %s\n", path);
    LLVMFuzzerTestOneInput(exact, n);
    current = NULL;
    free(exact);
    replayed++;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "fuzz replay: no such file or folder: %s\n", path);
        exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        run_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char **grown = realloc(names, (count + 1) * sizeof *names);
        if (!grown)
            break;
        names = grown;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        names[count] = malloc(n);
        if (!names[count])
            break;
        snprintf(names[count++], n, "%s/%s", path, e->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, by_name);
    for (size_t i = 0; i < count; i++) {
        run_path(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    signal(SIGABRT, on_abort);
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(name_input);
    for (int i = 1; i < argc; i++)
        run_path(argv[i]);
    printf("fuzz replay: %zu input(s) replayed without a crash\n", replayed);
    return 0;
}
