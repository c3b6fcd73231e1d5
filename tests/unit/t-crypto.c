/*
 * Known-answer tests for the crypto module: SHA-256 (FIPS 180-2
 * examples), HMAC-SHA256 (RFC 4231 cases 1, 2, 3, 4, 6, 7), HMAC-SHA1
 * (RFC 2202 cases 1, 2, 3, 6), lower-case hex, Base64 (RFC 4648
 * section 10), crypto_random and crypto_wipe.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "tap.h"

static void	t_sha256(void);
static void	t_hmac_sha256(void);
static void	t_hmac_sha1(void);
static void	t_hex(void);
static void	t_base64(void);
static void	t_random(void);
static void	t_wipe(void);
static void	hmac256_is(const unsigned char *, size_t, const void *, size_t,
		    const char *, const char *);
static void	hmac1_is(const unsigned char *, size_t, const void *, size_t,
		    const char *, const char *);

static const char rfc_large_key[] =
    "Test Using Larger Than Block-Size Key - Hash Key First";
static const char rfc_large_data[] =
    "This is a test using a larger than block-size key and a larger than "
    "block-size data. The key needs to be hashed before being used by the "
    "HMAC algorithm.";

static void
hmac256_is(const unsigned char *key, size_t keylen, const void *msg,
    size_t msglen, const char *want, const char *name)
{
	unsigned char	md[CRYPTO_SHA256_LEN];
	char		hex[2 * CRYPTO_SHA256_LEN + 1];

	crypto_hmac_sha256(key, keylen, msg, msglen, md);
	crypto_hex(md, sizeof(md), hex);
	is_str(hex, want, "hmac-sha256: %s", name);
}

static void
hmac1_is(const unsigned char *key, size_t keylen, const void *msg,
    size_t msglen, const char *want, const char *name)
{
	unsigned char	md[CRYPTO_SHA1_LEN];
	char		hex[2 * CRYPTO_SHA1_LEN + 1];

	crypto_hmac_sha1(key, keylen, msg, msglen, md);
	crypto_hex(md, sizeof(md), hex);
	is_str(hex, want, "hmac-sha1: %s", name);
}

static void
t_sha256(void)
{
	unsigned char	md[CRYPTO_SHA256_LEN];
	char		hex[2 * CRYPTO_SHA256_LEN + 1];

	crypto_sha256_hex("", 0, hex);
	is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
	    "7852b855", "sha256: empty string");
	crypto_sha256_hex(NULL, 0, hex);
	is_str(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b"
	    "7852b855", "sha256: NULL with length 0 is the empty string");
	crypto_sha256_hex("abc", 3, hex);
	is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
	    "f20015ad", "sha256: \"abc\"");
	crypto_sha256("abc", 3, md);
	ok(md[0] == 0xba && md[1] == 0x78 && md[31] == 0xad,
	    "sha256: raw digest bytes");
	crypto_sha256_hex("abcd", 3, hex);
	is_str(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61"
	    "f20015ad", "sha256: only the given length is hashed");
}

static void
t_hmac_sha256(void)
{
	unsigned char	key[131], data[50];
	size_t		i;

	memset(key, 0x0b, 20);
	hmac256_is(key, 20, "Hi There", 8, "b0344c61d8db38535ca8afceaf0bf12b"
	    "881dc200c9833da726e9376c2e32cff7", "rfc 4231 case 1");
	hmac256_is((const unsigned char *)"Jefe", 4,
	    "what do ya want for nothing?", 28, "5bdcc146bf60754e6a042426089575"
	    "c75a003f089d2739839dec58b964ec3843", "rfc 4231 case 2");
	memset(key, 0xaa, 20);
	memset(data, 0xdd, 50);
	hmac256_is(key, 20, data, 50, "773ea91e36800e46854db8ebd09181a72959098b"
	    "3ef8c122d9635514ced565fe", "rfc 4231 case 3");
	for (i = 0; i < 25; i++)
		key[i] = (unsigned char)(i + 1);
	memset(data, 0xcd, 50);
	hmac256_is(key, 25, data, 50, "82558a389a443c0ea4cc819899f2083a85f0faa3"
	    "e578f8077a2e3ff46729665b", "rfc 4231 case 4");
	memset(key, 0xaa, 131);
	hmac256_is(key, 131, rfc_large_key, strlen(rfc_large_key),
	    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
	    "rfc 4231 case 6 (key longer than a block)");
	hmac256_is(key, 131, rfc_large_data, strlen(rfc_large_data),
	    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
	    "rfc 4231 case 7 (key and data longer than a block)");
	hmac256_is(NULL, 0, NULL, 0, "b613679a0814d9ec772f95d778c35fc5ff1697c4"
	    "93715653c6c712144292c5ad", "empty key and empty message");
}

static void
t_hmac_sha1(void)
{
	unsigned char	key[80], data[50];

	memset(key, 0x0b, 20);
	hmac1_is(key, 20, "Hi There", 8,
	    "b617318655057264e28bc0b6fb378c8ef146be00", "rfc 2202 case 1");
	hmac1_is((const unsigned char *)"Jefe", 4,
	    "what do ya want for nothing?", 28,
	    "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "rfc 2202 case 2");
	memset(key, 0xaa, 20);
	memset(data, 0xdd, 50);
	hmac1_is(key, 20, data, 50, "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
	    "rfc 2202 case 3");
	memset(key, 0xaa, 80);
	hmac1_is(key, 80, rfc_large_key, strlen(rfc_large_key),
	    "aa4ae5e15272d00e95705637ce8a3b55ed402112",
	    "rfc 2202 case 6 (key longer than a block)");
}

static void
t_hex(void)
{
	static const unsigned char	in[] = { 0x00, 0x01, 0x0f, 0x10, 0x7f,
					    0x80, 0xab, 0xcd, 0xef, 0xff };
	char				out[32];

	memset(out, 'X', sizeof(out));
	crypto_hex(in, sizeof(in), out);
	is_str(out, "00010f107f80abcdefff", "hex: every nibble, lower case");
	is_int(out[21], 'X', "hex: writes exactly 2 * len + 1 bytes");
	memset(out, 'X', sizeof(out));
	crypto_hex(in, 0, out);
	is_str(out, "", "hex: nothing gives the empty string");
	is_int(out[1], 'X', "hex: empty writes only the NUL");
}

static void
t_base64(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} v[] = {
		{ "", "" },
		{ "f", "Zg==" },
		{ "fo", "Zm8=" },
		{ "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" },
		{ "fooba", "Zm9vYmE=" },
		{ "foobar", "Zm9vYmFy" },
	};
	static const unsigned char	bin[] = { 0x00, 0xfb, 0xff, 0xfe,
					    0x3e };
	char				out[32];
	size_t				i, len;

	for (i = 0; i < nitems(v); i++) {
		len = strlen(v[i].in);
		memset(out, 'X', sizeof(out));
		crypto_base64((const unsigned char *)v[i].in, len, out);
		is_str(out, v[i].want, "base64: rfc 4648 \"%s\"", v[i].in);
		is_int(out[4 * ((len + 2) / 3) + 1], 'X', "base64: \"%s\" "
		    "writes exactly 4 * ceil(len / 3) + 1 bytes", v[i].in);
	}
	crypto_base64(bin, sizeof(bin), out);
	is_str(out, "APv//j4=", "base64: binary uses + and /");
}

static void
t_random(void)
{
	unsigned char	a[32], b[32], zero[32];

	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	memset(zero, 0, sizeof(zero));
	is_int(crypto_random(a, sizeof(a)), 0, "random: returns 0");
	is_int(crypto_random(b, sizeof(b)), 0, "random: second call "
	    "returns 0");
	ok(memcmp(a, zero, sizeof(a)) != 0, "random: fills the buffer");
	ok(memcmp(a, b, sizeof(a)) != 0, "random: two calls differ");
	is_int(crypto_random(a, 0), 0, "random: zero bytes is fine");
}

static void
t_wipe(void)
{
	unsigned char	secret[16];
	size_t		i, kept = 0;

	memset(secret, 0x5a, sizeof(secret));
	crypto_wipe(secret, sizeof(secret));
	for (i = 0; i < sizeof(secret); i++)
		if (secret[i] == 0x5a)
			kept++;
	is_int((long long)kept, 0, "wipe: no byte of the secret is left");
	crypto_wipe(NULL, 0);
	ok(1, "wipe: NULL with length 0 is harmless");
}

int
main(void)
{
	t_sha256();
	t_hmac_sha256();
	t_hmac_sha1();
	t_hex();
	t_base64();
	t_random();
	t_wipe();
	return done_testing();
}
