/*
 * Running a command: the pipeline from options to output. Templates are
 * loaded and checked before the input is read; the input is read,
 * normalized and checked before anything is written.
 */
#ifndef CGW_RUN_H
#define CGW_RUN_H

struct cgw_err;
struct cli_opts;
struct warnings;

int	run_command(const struct cli_opts *, struct warnings *,
	    struct cgw_err *);

#endif
