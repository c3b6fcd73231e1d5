/*
 * Helpers for files, numbers and the text kinds the model allows.
 */
#include "config.h"

#include <sys/stat.h>

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "util.h"
#include "xmalloc.h"

static int	is_label_char(int);

int
util_read_file(const char *path, size_t max, char **data, size_t *len,
    struct cgw_err *err)
{
	struct buf	 b;
	struct stat	 st;
	char		 chunk[65536];
	ssize_t		 n;
	int		 fd, ret = -1;
	const char	*shown = strcmp(path, "-") == 0 ? "stdin" : path;

	buf_init(&b, max);
	if (strcmp(path, "-") == 0)
		fd = STDIN_FILENO;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		err_sys(err, "%s", path);
		goto out;
	}
	if (fstat(fd, &st) == -1) {
		err_sys(err, "%s", shown);
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		err_set(err, CGW_E_INPUT, "%s: is a directory, not a file",
		    shown);
		goto out;
	}
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			err_sys(err, "%s", shown);
			goto out;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > max) {
			err_set(err, CGW_E_LIMIT, "%s: larger than the limit of "
			    "%zu bytes", shown, max);
			goto out;
		}
		if (buf_add(&b, chunk, (size_t)n, err) == -1) {
			err_prefix(err, "%s", shown);
			goto out;
		}
	}
	*len = b.len;
	*data = buf_release(&b);
	ret = 0;
out:
	if (fd != -1 && fd != STDIN_FILENO)
		close(fd);
	buf_free(&b);
	return ret;
}

int
parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	uint64_t	v = 0;
	const char	*p;

	if (s == NULL || *s == '\0' || strlen(s) > 20)
		return -1;
	for (p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
is_token(const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= 64)
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		    s[i] == '-'))
			return 0;
	}
	return 1;
}

int
is_device_name(const char *s)
{
	size_t	n;

	if (s == NULL || *s == '\0' || (n = strlen(s)) > 63)
		return 0;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._:/-") == n;
}

int
addr_family(const char *s)
{
	unsigned char	a[16];

	if (s == NULL)
		return 0;
	if (inet_pton(AF_INET, s, a) == 1)
		return 4;
	if (inet_pton(AF_INET6, s, a) == 1)
		return 6;
	return 0;
}

int
cidr_parse(const char *s, char *out, size_t outlen, int *host_bits)
{
	char		 addr[INET6_ADDRSTRLEN + 1], text[INET6_ADDRSTRLEN];
	unsigned char	 a[16];
	const char	*slash;
	uint64_t	 len;
	size_t		 alen, i, nbytes;
	int		 fam, af, maxlen;

	*host_bits = 0;
	if (s == NULL)
		return 0;
	slash = strchr(s, '/');
	alen = slash == NULL ? strlen(s) : (size_t)(slash - s);
	if (alen == 0 || alen >= sizeof(addr))
		return 0;
	memcpy(addr, s, alen);
	addr[alen] = '\0';
	if ((fam = addr_family(addr)) == 0)
		return 0;
	af = fam == 4 ? AF_INET : AF_INET6;
	maxlen = fam == 4 ? 32 : 128;
	if (slash == NULL)
		len = (uint64_t)maxlen;
	else if (parse_u64(slash + 1, 0, (uint64_t)maxlen, &len) == -1)
		return 0;
	inet_pton(af, addr, a);
	nbytes = fam == 4 ? 4 : 16;
	for (i = 0; i < nbytes; i++) {
		unsigned char	mask;
		uint64_t	bit = i * 8;

		if (bit >= len)
			mask = 0;
		else if (bit + 8 <= len)
			mask = 0xff;
		else
			mask = (unsigned char)(0xff << (8 - (len - bit)));
		if ((a[i] & ~mask) != 0)
			*host_bits = 1;
		a[i] &= mask;
	}
	if (inet_ntop(af, a, text, sizeof(text)) == NULL)
		return 0;
	if ((size_t)snprintf(out, outlen, "%s/%u", text,
	    (unsigned)len) >= outlen)
		return 0;
	return fam;
}

int
cidr_contains(const char *cidr, const char *addr)
{
	char		 net[64], host[64];
	const char	*slash;
	int		 hb, fam;

	if ((fam = cidr_parse(cidr, net, sizeof(net), &hb)) == 0 ||
	    (slash = strchr(net, '/')) == NULL || addr_family(addr) != fam)
		return 0;
	/* The address masked to the block's length is the block itself. */
	snprintf(host, sizeof(host), "%s%s", addr, slash);
	if (cidr_parse(host, host, sizeof(host), &hb) == 0)
		return 0;
	return strcmp(host, net) == 0;
}

static int
is_label_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_';
}

int
is_fqdn(const char *s)
{
	size_t	i, label = 0;

	if (s == NULL || *s == '\0' || strlen(s) > 253 || *s == '.')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '.') {
			if (label == 0)
				return 0;
			label = 0;
			continue;
		}
		if (!is_label_char((unsigned char)s[i]) || ++label > 63)
			return 0;
	}
	return 1;
}

int
is_user_fqdn(const char *s)
{
	const char	*at;
	size_t		 i;

	if (s == NULL || (at = strchr(s, '@')) == NULL || at == s)
		return 0;
	for (i = 0; s + i < at; i++) {
		if (!is_label_char((unsigned char)s[i]) && s[i] != '.' &&
		    s[i] != '+' && s[i] != '%')
			return 0;
	}
	return is_fqdn(at + 1);
}

int
is_text(const char *s)
{
	const unsigned char	*p;

	if (s == NULL)
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

char *
shown(const char *s, char *out, size_t len)
{
	size_t	i;

	if (len == 0)
		return out;
	for (i = 0; s[i] != '\0' && i + 1 < len; i++)
		out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' :
		    s[i];
	out[i] = '\0';
	if (s[i] != '\0' && len > 4)
		memcpy(out + len - 4, "...", 4);
	return out;
}

size_t
utf8_chars(const char *s)
{
	size_t	n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Whether a CIDR is everything: 0.0.0.0/0 or ::/0. */
int
cidr_is_any(const char *s)
{
	return strcmp(s, "0.0.0.0/0") == 0 || strcmp(s, "::/0") == 0;
}
