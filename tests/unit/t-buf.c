/*
 * Unit tests for the bounded buffer: initialisation, growth, NUL
 * termination, the maximum (an append past it fails with CGW_E_LIMIT and
 * frees the buffer), buf_printf, buf_release and buf_reset.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "tap.h"

static void	t_init(void);
static void	t_add(void);
static void	t_growth(void);
static void	t_limit(void);
static void	t_printf(void);
static void	t_release(void);
static void	t_reset(void);

static void
t_init(void)
{
	struct buf	b;

	buf_init(&b, 0);
	ok(b.data == NULL, "init: no memory yet");
	is_int((long long)b.len, 0, "init: empty");
	is_int((long long)b.max, BUF_MAX_DEFAULT, "init: 0 means the default "
	    "maximum");
	buf_free(&b);
	buf_init(&b, 100);
	is_int((long long)b.max, 100, "init: explicit maximum kept");
	buf_free(&b);
	buf_free(&b);
	ok(b.data == NULL && b.len == 0 && b.cap == 0,
	    "free: twice is harmless");
}

static void
t_add(void)
{
	struct buf	b;
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	is_int(buf_add(&b, "", 0, &err), 0, "add: nothing succeeds");
	ok(b.data != NULL && b.data[0] == '\0' && b.len == 0,
	    "add: nothing still gives an empty string");
	is_int(buf_adds(&b, "hello", &err), 0, "adds: succeeds");
	is_str(b.data, "hello", "adds: content");
	is_int((long long)b.len, 5, "adds: length");
	is_int(b.data[5], '\0', "adds: NUL-terminated");
	is_int(buf_addc(&b, ',', &err), 0, "addc: succeeds");
	is_int(buf_add(&b, " world!!!", 6, &err), 0, "add: prefix of a "
	    "string");
	is_str(b.data, "hello, world", "add: only the given length");
	is_int((long long)b.len, 12, "add: length");
	is_int(buf_add(&b, "a\0b", 3, &err), 0, "add: embedded NUL");
	is_int((long long)b.len, 15, "add: embedded NUL counts");
	ok(memcmp(b.data + 12, "a\0b", 4) == 0,
	    "add: embedded NUL kept and terminated");
	is_int(err.code, CGW_E_NONE, "add: no error set");
	buf_free(&b);
	ok(b.data == NULL && b.len == 0, "free: empties");
}

static void
t_growth(void)
{
	struct buf	 b;
	struct cgw_err	 err;
	char		*want;
	size_t		 i;
	int		 good = 1, term = 1;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	want = malloc(10001);
	for (i = 0; i < 10000; i++) {
		want[i] = (char)('a' + i % 26);
		if (buf_addc(&b, want[i], &err) == -1)
			good = 0;
		if (b.len != i + 1 || b.data[b.len] != '\0' ||
		    b.cap < b.len + 1)
			term = 0;
	}
	want[10000] = '\0';
	ok(good, "growth: 10000 single appends succeed");
	ok(term, "growth: after every append, length right, room for the "
	    "NUL and NUL-terminated");
	is_int((long long)b.len, 10000, "growth: length");
	ok(strcmp(b.data, want) == 0, "growth: content intact across "
	    "reallocations");
	ok(b.cap >= 10001 && b.cap <= 2 * 10001, "growth: capacity %zu is "
	    "at most twice what is needed", b.cap);
	buf_free(&b);

	buf_init(&b, 0);
	is_int(buf_add(&b, want, 5000, &err), 0, "growth: one large append");
	ok(b.len == 5000 && memcmp(b.data, want, 5000) == 0 &&
	    b.data[5000] == '\0', "growth: large append content");
	is_int(buf_adds(&b, want + 5000, &err), 0, "growth: second large "
	    "append");
	ok(strcmp(b.data, want) == 0, "growth: two large appends joined");
	buf_free(&b);
	free(want);
}

static void
t_limit(void)
{
	struct buf	b;
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 10);
	is_int(buf_adds(&b, "0123456789", &err), 0, "limit: exactly the "
	    "maximum fits");
	is_str(b.data, "0123456789", "limit: content at the maximum");
	is_int(err.code, CGW_E_NONE, "limit: no error at the maximum");
	is_int(buf_addc(&b, 'x', &err), -1, "limit: one byte more fails");
	is_int(err.code, CGW_E_LIMIT, "limit: CGW_E_LIMIT");
	is_str(err.msg, "output larger than the limit of 10 bytes",
	    "limit: message names the limit");
	ok(b.data == NULL && b.len == 0 && b.cap == 0,
	    "limit: the buffer was freed");
	buf_free(&b);

	memset(&err, 0, sizeof(err));
	buf_init(&b, 10);
	is_int(buf_adds(&b, "0123", &err), 0, "limit: part fits");
	is_int(buf_adds(&b, "4567890", &err), -1, "limit: an append "
	    "crossing the maximum fails");
	is_int(err.code, CGW_E_LIMIT, "limit: crossing gives CGW_E_LIMIT");
	ok(b.data == NULL && b.len == 0, "limit: crossing frees");
	buf_free(&b);

	memset(&err, 0, sizeof(err));
	buf_init(&b, 10);
	is_int(buf_adds(&b, "01234567890", &err), -1, "limit: a first "
	    "append larger than the maximum fails");
	is_int(err.code, CGW_E_LIMIT, "limit: first append CGW_E_LIMIT");
	ok(b.data == NULL, "limit: nothing allocated");
	buf_free(&b);

	memset(&err, 0, sizeof(err));
	buf_init(&b, 10);
	is_int(buf_adds(&b, "abc", &err), 0, "limit: small append");
	is_int(buf_add(&b, "x", SIZE_MAX, &err), -1, "limit: SIZE_MAX "
	    "length fails without overflow");
	is_int(err.code, CGW_E_LIMIT, "limit: SIZE_MAX gives CGW_E_LIMIT");
	ok(b.data == NULL && b.len == 0, "limit: SIZE_MAX frees");
	buf_free(&b);

	memset(&err, 0, sizeof(err));
	buf_init(&b, 10);
	is_int(buf_add(&b, "x", SIZE_MAX - 1, &err), -1, "limit: "
	    "SIZE_MAX - 1 length fails");
	buf_free(&b);
}

static void
t_printf(void)
{
	struct buf	b;
	struct cgw_err	err;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	is_int(buf_printf(&b, &err, "%s=%d", "lifetime", 3600), 0,
	    "printf: succeeds");
	is_str(b.data, "lifetime=3600", "printf: formats");
	is_int(buf_printf(&b, &err, ";%05.1f|%-3s|%x", 2.5, "a", 255), 0,
	    "printf: appends");
	is_str(b.data, "lifetime=3600;002.5|a  |ff", "printf: appended text");
	is_int((long long)b.len, 26, "printf: length");
	is_int(buf_printf(&b, &err, "%s", ""), 0, "printf: empty result");
	is_int((long long)b.len, 26, "printf: empty result adds nothing");
	buf_free(&b);

	memset(&err, 0, sizeof(err));
	buf_init(&b, 8);
	is_int(buf_printf(&b, &err, "%d", 1234), 0, "printf: fits");
	is_int(buf_printf(&b, &err, "%d", 56789), -1, "printf: past the "
	    "maximum fails");
	is_int(err.code, CGW_E_LIMIT, "printf: CGW_E_LIMIT");
	ok(b.data == NULL && b.len == 0, "printf: past the maximum frees");
	buf_free(&b);
}

static void
t_release(void)
{
	struct buf	 b;
	struct cgw_err	 err;
	char		*s;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	buf_adds(&b, "secret text", &err);
	s = buf_release(&b);
	is_str(s, "secret text", "release: hands over the contents");
	ok(b.data == NULL && b.len == 0 && b.cap == 0,
	    "release: the buffer is empty afterwards");
	free(s);
	is_int(buf_adds(&b, "again", &err), 0, "release: buffer usable "
	    "afterwards");
	is_str(b.data, "again", "release: new contents");
	buf_free(&b);

	buf_init(&b, 0);
	s = buf_release(&b);
	ok(s != NULL, "release: an unused buffer gives a string");
	is_str(s, "", "release: an unused buffer gives \"\"");
	free(s);
	buf_free(&b);
}

static void
t_reset(void)
{
	struct buf	 b;
	struct cgw_err	 err;
	size_t		 cap;

	memset(&err, 0, sizeof(err));
	buf_init(&b, 0);
	buf_reset(&b);
	ok(b.data == NULL && b.len == 0, "reset: unused buffer unchanged");
	buf_adds(&b, "first contents", &err);
	cap = b.cap;
	buf_reset(&b);
	is_int((long long)b.len, 0, "reset: length 0");
	ok(b.data != NULL, "reset: memory kept");
	is_str(b.data, "", "reset: empty string");
	is_int((long long)b.cap, (long long)cap, "reset: capacity kept");
	is_int(buf_adds(&b, "xyz", &err), 0, "reset: append afterwards");
	is_str(b.data, "xyz", "reset: only the new contents");
	buf_free(&b);

	buf_init(&b, 5);
	buf_adds(&b, "12345", &err);
	buf_reset(&b);
	is_int(buf_adds(&b, "abcde", &err), 0, "reset: the maximum counts "
	    "from the reset");
	is_str(b.data, "abcde", "reset: full again");
	is_int(err.code, CGW_E_NONE, "reset: no error");
	buf_free(&b);
}

int
main(void)
{
	t_init();
	t_add();
	t_growth();
	t_limit();
	t_printf();
	t_release();
	t_reset();
	return done_testing();
}
