/*
 * Hashes, HMACs, encodings and randomness: the only module that includes
 * OpenSSL. Every function is a pure computation over caller buffers
 * except crypto_random. Key material passed in is not kept.
 */
#ifndef CGW_CRYPTO_H
#define CGW_CRYPTO_H

#include <stddef.h>

#define CRYPTO_SHA256_LEN	32
#define CRYPTO_SHA1_LEN		20

void	crypto_sha256(const void *, size_t, unsigned char *);
/* Lower-case hex of the SHA-256 of the data: 64 characters and a NUL. */
void	crypto_sha256_hex(const void *, size_t, char *);
void	crypto_hmac_sha256(const void *key, size_t keylen, const void *msg,
	    size_t msglen, unsigned char *out);
void	crypto_hmac_sha1(const void *key, size_t keylen, const void *msg,
	    size_t msglen, unsigned char *out);
/* Lower-case hex of len bytes into out (2 * len + 1 bytes). */
void	crypto_hex(const unsigned char *, size_t, char *out);
/* Base64 (RFC 4648, with padding) into out (4 * ceil(len / 3) + 1). */
void	crypto_base64(const unsigned char *, size_t, char *out);
/* Cryptographically random bytes; -1 if the generator fails. */
int	crypto_random(void *, size_t);
/* Overwrite memory in a way the compiler cannot drop. */
void	crypto_wipe(void *, size_t);

#endif
