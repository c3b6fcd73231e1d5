/*
 * Tracing for -v: what cgwgen sends and receives, on standard error.
 * Callers redact secrets before tracing (log_redact_header helps); a
 * trace line never carries a key, a token or a signature.
 */
#ifndef CGW_LOG_H
#define CGW_LOG_H

#include "compat.h"

void	log_set_verbose(int);
int	log_verbose(void);
void	log_debug(const char *, ...) printflike(1, 2);

#endif
