/*
 * Hashes, HMACs, encodings and randomness over OpenSSL 3's one-shot,
 * non-deprecated interfaces. The only file that includes <openssl/...>.
 * Nothing is kept between calls. The hash and HMAC functions return
 * nothing, so a failure inside OpenSSL (in practice only out of memory)
 * is fatal, like out of memory everywhere else.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "compat.h"
#include "crypto.h"

/* The largest whole number of 3-byte groups EVP_EncodeBlock takes. */
#define B64_CHUNK	(3 * 1024 * 1024)

static cgw_dead void	crypto_fatal(const char *);
static void		crypto_hmac(const EVP_MD *, const void *, size_t,
			    const void *, size_t, unsigned char *, size_t);

static void
crypto_fatal(const char *what)
{
	fprintf(stderr, "cgwgen: openssl: %s failed\n", what);
	exit(1);
}

void
crypto_sha256(const void *data, size_t len, unsigned char *out)
{
	/* SHA256() wants a real pointer even for no data. */
	if (data == NULL)
		data = "";
	if (SHA256(data, len, out) == NULL)
		crypto_fatal("SHA256");
}

void
crypto_sha256_hex(const void *data, size_t len, char *out)
{
	unsigned char	md[CRYPTO_SHA256_LEN];

	crypto_sha256(data, len, md);
	crypto_hex(md, sizeof(md), out);
}

static void
crypto_hmac(const EVP_MD *md, const void *key, size_t keylen,
    const void *msg, size_t msglen, unsigned char *out, size_t outlen)
{
	static const unsigned char	 empty[1];
	unsigned int			 len = 0;

	if (keylen > INT_MAX)
		crypto_fatal("HMAC (key too long)");
	/* A NULL key would mean "reuse the previous key" to OpenSSL. */
	if (key == NULL || keylen == 0)
		key = empty;
	if (msg == NULL)
		msg = empty;
	if (HMAC(md, key, (int)keylen, msg, msglen, out, &len) == NULL ||
	    len != outlen)
		crypto_fatal("HMAC");
}

void
crypto_hmac_sha256(const void *key, size_t keylen, const void *msg,
    size_t msglen, unsigned char *out)
{
	crypto_hmac(EVP_sha256(), key, keylen, msg, msglen, out,
	    CRYPTO_SHA256_LEN);
}

void
crypto_hmac_sha1(const void *key, size_t keylen, const void *msg,
    size_t msglen, unsigned char *out)
{
	crypto_hmac(EVP_sha1(), key, keylen, msg, msglen, out,
	    CRYPTO_SHA1_LEN);
}

void
crypto_hex(const unsigned char *p, size_t len, char *out)
{
	static const char	hex[] = "0123456789abcdef";
	size_t			i;

	for (i = 0; i < len; i++) {
		out[2 * i] = hex[p[i] >> 4];
		out[2 * i + 1] = hex[p[i] & 0xf];
	}
	out[2 * len] = '\0';
}

void
crypto_base64(const unsigned char *p, size_t len, char *out)
{
	size_t	n;

	out[0] = '\0';
	/*
	 * EVP_EncodeBlock takes an int length; whole chunks of 3-byte
	 * groups encode without padding, so the pieces join up exactly.
	 */
	while (len > 0) {
		n = len > B64_CHUNK ? B64_CHUNK : len;
		out += EVP_EncodeBlock((unsigned char *)out, p, (int)n);
		p += n;
		len -= n;
	}
}

int
crypto_random(void *p, size_t len)
{
	unsigned char	*q = p;
	size_t		 n;

	while (len > 0) {
		n = len > INT_MAX ? INT_MAX : len;
		if (RAND_bytes(q, (int)n) != 1)
			return -1;
		q += n;
		len -= n;
	}
	return 0;
}

void
crypto_wipe(void *p, size_t len)
{
	if (p != NULL && len > 0)
		OPENSSL_cleanse(p, len);
}
