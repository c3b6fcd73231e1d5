/*
 * A tiny TAP producer for the unit tests: ok(), is_str(), is_int(),
 * skip_all() and done_testing(). Output goes to stdout, diagnostics are
 * "# " lines. done_testing() prints the plan and returns the exit status.
 */
#ifndef CGW_TAP_H
#define CGW_TAP_H

#include "../../src/compat.h"

int	ok(int, const char *, ...) printflike(2, 3);
int	is_str(const char *, const char *, const char *, ...) printflike(3, 4);
int	is_int(long long, long long, const char *, ...) printflike(3, 4);
void	diag(const char *, ...) printflike(1, 2);
void	skip(const char *, ...) printflike(1, 2);
cgw_dead void	skip_all(const char *, ...) printflike(1, 2);
int	done_testing(void);

#endif
