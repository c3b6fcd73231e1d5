/*
 * Output: standard output, or files replaced atomically. A set of files
 * is written as a unit: every file goes to a temporary in its directory
 * (mode 0600, written, fsync'ed) before any is renamed into place, so an
 * error leaves every existing file untouched and no temporary behind.
 */
#ifndef CGW_OUTPUT_H
#define CGW_OUTPUT_H

#include <sys/types.h>

#include <stddef.h>

struct cgw_err;

struct out_file {
	char		*path;
	const char	*data;
	size_t		 len;
};

int	output_check(const char *, struct cgw_err *);
int	output_files(const struct out_file *, size_t, mode_t,
	    struct cgw_err *);
int	output_stdout(const char *, size_t, struct cgw_err *);

#endif
