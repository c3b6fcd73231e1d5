/*
 * Small portability and convenience macros shared by every module.
 * Include after config.h and the system headers.
 */
#ifndef CGW_COMPAT_H
#define CGW_COMPAT_H

#define printflike(a, b)	__attribute__((format(printf, (a), (b))))
#define cgw_dead		__attribute__((noreturn))
#define cgw_unused		__attribute__((unused))

#ifndef nitems
#define nitems(a)		(sizeof(a) / sizeof((a)[0]))
#endif

#endif
