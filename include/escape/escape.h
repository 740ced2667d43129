/* escape/escape.h: assertions for Escape, the escape analysis for C.
 *
 *   char *buf = ESCAPE_STACK(malloc(64));
 *       The allocation must move to the stack. When the Escape plugin cannot
 *       move it, the compile fails at this line with the reason, in the
 *       words of the remark: "ESCAPE_STACK not met: malloc(64) escapes to
 *       heap: stored to global `g`".
 *
 *   size_t fill(ESCAPE_NOESCAPE char *p, size_t n);
 *       The parameter must not escape: no pointer to what p points to
 *       survives the call, and the function does not free it. This is
 *       clang's own `noescape` attribute, so callers compiled in other files
 *       see it in the declaration (in a caller that uses the object after
 *       the call, the object can then stay on the stack); the plugin checks
 *       each definition it compiles: an escape is an error at the line
 *       where p leaves.
 *
 * The assertions are checked when ESCAPE_ASSERTIONS is defined, which escape-cc
 * does; with `clang -fpass-plugin=...` add -DESCAPE_ASSERTIONS. With the
 * plugin option assertions=warn (ESCAPE_OPTIONS) an unmet assertion is a
 * warning, and `escape-report` lists it and exits 1.
 *
 * Without ESCAPE_ASSERTIONS, ESCAPE_STACK(e) is (e): plain clang and gcc
 * build exactly the code they would build without it; ESCAPE_NOESCAPE is
 * clang's noescape, with the meaning clang gives it, or nothing for other
 * compilers. With it, both add clang annotations that the plugin reads and
 * deletes first thing. C99 or later. */
#ifndef ESCAPE_ESCAPE_H
#define ESCAPE_ESCAPE_H

#if defined(__clang__) && defined(__has_attribute)
#if defined(ESCAPE_ASSERTIONS) && __has_attribute(annotate) &&                 \
    !defined(ESCAPE_STACK)
/* A GNU statement expression: the annotated temporary is how the
 * allocation reaches the plugin, which deletes the annotation (clang alone
 * would keep the temporary's stack slot). */
#define ESCAPE_STACK(expr)                                                     \
  __extension__({                                                              \
    __attribute__((annotate("escape.stack"))) __typeof__(expr)                 \
        escape_stack_object_ = (expr);                                         \
    escape_stack_object_;                                                      \
  })
#endif
#if __has_attribute(noescape) && !defined(ESCAPE_NOESCAPE)
#if defined(ESCAPE_ASSERTIONS) && __has_attribute(annotate)
#define ESCAPE_NOESCAPE __attribute__((noescape, annotate("escape.noescape")))
#else
#define ESCAPE_NOESCAPE __attribute__((noescape))
#endif
#endif
#endif

#ifndef ESCAPE_STACK
#define ESCAPE_STACK(expr) (expr)
#endif
#ifndef ESCAPE_NOESCAPE
#define ESCAPE_NOESCAPE
#endif

#endif
