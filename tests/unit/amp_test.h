/*
 * amp_test.h: a minimal unit-test harness for amplify-ls.
 *
 * A test file defines functions `static void test_x(void)` and lists them in
 * main() with AMP_RUN(test_x). Checks record failures and keep going, so one
 * run reports every broken expectation. main() ends with `return
 * amp_test_summary();`, which prints "N passed, N failed" and returns non-zero
 * when anything failed. Each test binary is one ctest test.
 */
#ifndef AMP_TEST_H
#define AMP_TEST_H

#include <stdio.h>
#include <string.h>

static int amp_test_failures_;
static int amp_test_checks_failed_in_current_;
static int amp_test_passed_;
static int amp_test_failed_;

#define AMP_CHECK(cond)                                                                            \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);               \
            amp_test_checks_failed_in_current_++;                                                  \
        }                                                                                          \
    } while (0)

#define AMP_CHECK_INT(a, b)                                                                        \
    do {                                                                                           \
        long long amp_a_ = (long long)(a), amp_b_ = (long long)(b);                                \
        if (amp_a_ != amp_b_) {                                                                    \
            fprintf(stderr, "%s:%d: %s == %s failed: %lld != %lld\n", __FILE__, __LINE__, #a, #b,  \
                    amp_a_, amp_b_);                                                               \
            amp_test_checks_failed_in_current_++;                                                  \
        }                                                                                          \
    } while (0)

#define AMP_CHECK_STR(a, b)                                                                        \
    do {                                                                                           \
        const char *amp_a_ = (a), *amp_b_ = (b);                                                   \
        if (!amp_a_ || !amp_b_ || strcmp(amp_a_, amp_b_) != 0) {                                   \
            fprintf(stderr, "%s:%d: %s == %s failed:\n  got      \"%s\"\n  expected \"%s\"\n",     \
                    __FILE__, __LINE__, #a, #b, amp_a_ ? amp_a_ : "(null)",                        \
                    amp_b_ ? amp_b_ : "(null)");                                                   \
            amp_test_checks_failed_in_current_++;                                                  \
        }                                                                                          \
    } while (0)

#define AMP_RUN(fn)                                                                                \
    do {                                                                                           \
        amp_test_checks_failed_in_current_ = 0;                                                    \
        fn();                                                                                      \
        if (amp_test_checks_failed_in_current_) {                                                  \
            fprintf(stderr, "FAIL %s\n", #fn);                                                     \
            amp_test_failed_++;                                                                    \
        } else {                                                                                   \
            amp_test_passed_++;                                                                    \
        }                                                                                          \
    } while (0)

static inline int amp_test_summary(void)
{
    (void)amp_test_failures_;
    printf("%d passed, %d failed\n", amp_test_passed_, amp_test_failed_);
    return amp_test_failed_ ? 1 : 0;
}

#endif
