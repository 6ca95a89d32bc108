/* fold.c: accent- and case-insensitive keys for searching and sorting. */
#include "fold.h"

#include <stdlib.h>
#include <string.h>

/* Latin letters with diacritics (Latin-1, Extended-A/B, Vietnamese) and
 * their plain lower-case spelling; generated from Unicode's decompositions,
 * sorted by code point. */
static const struct {
	uint32_t cp;
	char plain[3];
} table[] = {
	{ 0x00c0, "a" },  { 0x00c1, "a" },  { 0x00c2, "a" },  { 0x00c3, "a" },
	{ 0x00c4, "a" },  { 0x00c5, "a" },  { 0x00c6, "ae" }, { 0x00c7, "c" },
	{ 0x00c8, "e" },  { 0x00c9, "e" },  { 0x00ca, "e" },  { 0x00cb, "e" },
	{ 0x00cc, "i" },  { 0x00cd, "i" },  { 0x00ce, "i" },  { 0x00cf, "i" },
	{ 0x00d0, "d" },  { 0x00d1, "n" },  { 0x00d2, "o" },  { 0x00d3, "o" },
	{ 0x00d4, "o" },  { 0x00d5, "o" },  { 0x00d6, "o" },  { 0x00d8, "o" },
	{ 0x00d9, "u" },  { 0x00da, "u" },  { 0x00db, "u" },  { 0x00dc, "u" },
	{ 0x00dd, "y" },  { 0x00de, "th" }, { 0x00df, "ss" }, { 0x00e0, "a" },
	{ 0x00e1, "a" },  { 0x00e2, "a" },  { 0x00e3, "a" },  { 0x00e4, "a" },
	{ 0x00e5, "a" },  { 0x00e6, "ae" }, { 0x00e7, "c" },  { 0x00e8, "e" },
	{ 0x00e9, "e" },  { 0x00ea, "e" },  { 0x00eb, "e" },  { 0x00ec, "i" },
	{ 0x00ed, "i" },  { 0x00ee, "i" },  { 0x00ef, "i" },  { 0x00f0, "d" },
	{ 0x00f1, "n" },  { 0x00f2, "o" },  { 0x00f3, "o" },  { 0x00f4, "o" },
	{ 0x00f5, "o" },  { 0x00f6, "o" },  { 0x00f8, "o" },  { 0x00f9, "u" },
	{ 0x00fa, "u" },  { 0x00fb, "u" },  { 0x00fc, "u" },  { 0x00fd, "y" },
	{ 0x00fe, "th" }, { 0x00ff, "y" },  { 0x0100, "a" },  { 0x0101, "a" },
	{ 0x0102, "a" },  { 0x0103, "a" },  { 0x0104, "a" },  { 0x0105, "a" },
	{ 0x0106, "c" },  { 0x0107, "c" },  { 0x0108, "c" },  { 0x0109, "c" },
	{ 0x010a, "c" },  { 0x010b, "c" },  { 0x010c, "c" },  { 0x010d, "c" },
	{ 0x010e, "d" },  { 0x010f, "d" },  { 0x0110, "d" },  { 0x0111, "d" },
	{ 0x0112, "e" },  { 0x0113, "e" },  { 0x0114, "e" },  { 0x0115, "e" },
	{ 0x0116, "e" },  { 0x0117, "e" },  { 0x0118, "e" },  { 0x0119, "e" },
	{ 0x011a, "e" },  { 0x011b, "e" },  { 0x011c, "g" },  { 0x011d, "g" },
	{ 0x011e, "g" },  { 0x011f, "g" },  { 0x0120, "g" },  { 0x0121, "g" },
	{ 0x0122, "g" },  { 0x0123, "g" },  { 0x0124, "h" },  { 0x0125, "h" },
	{ 0x0126, "h" },  { 0x0127, "h" },  { 0x0128, "i" },  { 0x0129, "i" },
	{ 0x012a, "i" },  { 0x012b, "i" },  { 0x012c, "i" },  { 0x012d, "i" },
	{ 0x012e, "i" },  { 0x012f, "i" },  { 0x0130, "i" },  { 0x0131, "i" },
	{ 0x0134, "j" },  { 0x0135, "j" },  { 0x0136, "k" },  { 0x0137, "k" },
	{ 0x0138, "k" },  { 0x0139, "l" },  { 0x013a, "l" },  { 0x013b, "l" },
	{ 0x013c, "l" },  { 0x013d, "l" },  { 0x013e, "l" },  { 0x013f, "l" },
	{ 0x0140, "l" },  { 0x0141, "l" },  { 0x0142, "l" },  { 0x0143, "n" },
	{ 0x0144, "n" },  { 0x0145, "n" },  { 0x0146, "n" },  { 0x0147, "n" },
	{ 0x0148, "n" },  { 0x0149, "n" },  { 0x014c, "o" },  { 0x014d, "o" },
	{ 0x014e, "o" },  { 0x014f, "o" },  { 0x0150, "o" },  { 0x0151, "o" },
	{ 0x0152, "oe" }, { 0x0153, "oe" }, { 0x0154, "r" },  { 0x0155, "r" },
	{ 0x0156, "r" },  { 0x0157, "r" },  { 0x0158, "r" },  { 0x0159, "r" },
	{ 0x015a, "s" },  { 0x015b, "s" },  { 0x015c, "s" },  { 0x015d, "s" },
	{ 0x015e, "s" },  { 0x015f, "s" },  { 0x0160, "s" },  { 0x0161, "s" },
	{ 0x0162, "t" },  { 0x0163, "t" },  { 0x0164, "t" },  { 0x0165, "t" },
	{ 0x0166, "t" },  { 0x0167, "t" },  { 0x0168, "u" },  { 0x0169, "u" },
	{ 0x016a, "u" },  { 0x016b, "u" },  { 0x016c, "u" },  { 0x016d, "u" },
	{ 0x016e, "u" },  { 0x016f, "u" },  { 0x0170, "u" },  { 0x0171, "u" },
	{ 0x0172, "u" },  { 0x0173, "u" },  { 0x0174, "w" },  { 0x0175, "w" },
	{ 0x0176, "y" },  { 0x0177, "y" },  { 0x0178, "y" },  { 0x0179, "z" },
	{ 0x017a, "z" },  { 0x017b, "z" },  { 0x017c, "z" },  { 0x017d, "z" },
	{ 0x017e, "z" },  { 0x017f, "s" },  { 0x0180, "b" },  { 0x0192, "f" },
	{ 0x0197, "i" },  { 0x01a0, "o" },  { 0x01a1, "o" },  { 0x01af, "u" },
	{ 0x01b0, "u" },  { 0x01cd, "a" },  { 0x01ce, "a" },  { 0x01cf, "i" },
	{ 0x01d0, "i" },  { 0x01d1, "o" },  { 0x01d2, "o" },  { 0x01d3, "u" },
	{ 0x01d4, "u" },  { 0x01d5, "u" },  { 0x01d6, "u" },  { 0x01d7, "u" },
	{ 0x01d8, "u" },  { 0x01d9, "u" },  { 0x01da, "u" },  { 0x01db, "u" },
	{ 0x01dc, "u" },  { 0x01de, "a" },  { 0x01df, "a" },  { 0x01e0, "a" },
	{ 0x01e1, "a" },  { 0x01e4, "g" },  { 0x01e5, "g" },  { 0x01e6, "g" },
	{ 0x01e7, "g" },  { 0x01e8, "k" },  { 0x01e9, "k" },  { 0x01ea, "o" },
	{ 0x01eb, "o" },  { 0x01ec, "o" },  { 0x01ed, "o" },  { 0x01f0, "j" },
	{ 0x01f4, "g" },  { 0x01f5, "g" },  { 0x01f8, "n" },  { 0x01f9, "n" },
	{ 0x01fa, "a" },  { 0x01fb, "a" },  { 0x0200, "a" },  { 0x0201, "a" },
	{ 0x0202, "a" },  { 0x0203, "a" },  { 0x0204, "e" },  { 0x0205, "e" },
	{ 0x0206, "e" },  { 0x0207, "e" },  { 0x0208, "i" },  { 0x0209, "i" },
	{ 0x020a, "i" },  { 0x020b, "i" },  { 0x020c, "o" },  { 0x020d, "o" },
	{ 0x020e, "o" },  { 0x020f, "o" },  { 0x0210, "r" },  { 0x0211, "r" },
	{ 0x0212, "r" },  { 0x0213, "r" },  { 0x0214, "u" },  { 0x0215, "u" },
	{ 0x0216, "u" },  { 0x0217, "u" },  { 0x0218, "s" },  { 0x0219, "s" },
	{ 0x021a, "t" },  { 0x021b, "t" },  { 0x021e, "h" },  { 0x021f, "h" },
	{ 0x0226, "a" },  { 0x0227, "a" },  { 0x0228, "e" },  { 0x0229, "e" },
	{ 0x022a, "o" },  { 0x022b, "o" },  { 0x022c, "o" },  { 0x022d, "o" },
	{ 0x022e, "o" },  { 0x022f, "o" },  { 0x0230, "o" },  { 0x0231, "o" },
	{ 0x0232, "y" },  { 0x0233, "y" },  { 0x0244, "u" },  { 0x1e00, "a" },
	{ 0x1e01, "a" },  { 0x1e02, "b" },  { 0x1e03, "b" },  { 0x1e04, "b" },
	{ 0x1e05, "b" },  { 0x1e06, "b" },  { 0x1e07, "b" },  { 0x1e08, "c" },
	{ 0x1e09, "c" },  { 0x1e0a, "d" },  { 0x1e0b, "d" },  { 0x1e0c, "d" },
	{ 0x1e0d, "d" },  { 0x1e0e, "d" },  { 0x1e0f, "d" },  { 0x1e10, "d" },
	{ 0x1e11, "d" },  { 0x1e12, "d" },  { 0x1e13, "d" },  { 0x1e14, "e" },
	{ 0x1e15, "e" },  { 0x1e16, "e" },  { 0x1e17, "e" },  { 0x1e18, "e" },
	{ 0x1e19, "e" },  { 0x1e1a, "e" },  { 0x1e1b, "e" },  { 0x1e1c, "e" },
	{ 0x1e1d, "e" },  { 0x1e1e, "f" },  { 0x1e1f, "f" },  { 0x1e20, "g" },
	{ 0x1e21, "g" },  { 0x1e22, "h" },  { 0x1e23, "h" },  { 0x1e24, "h" },
	{ 0x1e25, "h" },  { 0x1e26, "h" },  { 0x1e27, "h" },  { 0x1e28, "h" },
	{ 0x1e29, "h" },  { 0x1e2a, "h" },  { 0x1e2b, "h" },  { 0x1e2c, "i" },
	{ 0x1e2d, "i" },  { 0x1e2e, "i" },  { 0x1e2f, "i" },  { 0x1e30, "k" },
	{ 0x1e31, "k" },  { 0x1e32, "k" },  { 0x1e33, "k" },  { 0x1e34, "k" },
	{ 0x1e35, "k" },  { 0x1e36, "l" },  { 0x1e37, "l" },  { 0x1e38, "l" },
	{ 0x1e39, "l" },  { 0x1e3a, "l" },  { 0x1e3b, "l" },  { 0x1e3c, "l" },
	{ 0x1e3d, "l" },  { 0x1e3e, "m" },  { 0x1e3f, "m" },  { 0x1e40, "m" },
	{ 0x1e41, "m" },  { 0x1e42, "m" },  { 0x1e43, "m" },  { 0x1e44, "n" },
	{ 0x1e45, "n" },  { 0x1e46, "n" },  { 0x1e47, "n" },  { 0x1e48, "n" },
	{ 0x1e49, "n" },  { 0x1e4a, "n" },  { 0x1e4b, "n" },  { 0x1e4c, "o" },
	{ 0x1e4d, "o" },  { 0x1e4e, "o" },  { 0x1e4f, "o" },  { 0x1e50, "o" },
	{ 0x1e51, "o" },  { 0x1e52, "o" },  { 0x1e53, "o" },  { 0x1e54, "p" },
	{ 0x1e55, "p" },  { 0x1e56, "p" },  { 0x1e57, "p" },  { 0x1e58, "r" },
	{ 0x1e59, "r" },  { 0x1e5a, "r" },  { 0x1e5b, "r" },  { 0x1e5c, "r" },
	{ 0x1e5d, "r" },  { 0x1e5e, "r" },  { 0x1e5f, "r" },  { 0x1e60, "s" },
	{ 0x1e61, "s" },  { 0x1e62, "s" },  { 0x1e63, "s" },  { 0x1e64, "s" },
	{ 0x1e65, "s" },  { 0x1e66, "s" },  { 0x1e67, "s" },  { 0x1e68, "s" },
	{ 0x1e69, "s" },  { 0x1e6a, "t" },  { 0x1e6b, "t" },  { 0x1e6c, "t" },
	{ 0x1e6d, "t" },  { 0x1e6e, "t" },  { 0x1e6f, "t" },  { 0x1e70, "t" },
	{ 0x1e71, "t" },  { 0x1e72, "u" },  { 0x1e73, "u" },  { 0x1e74, "u" },
	{ 0x1e75, "u" },  { 0x1e76, "u" },  { 0x1e77, "u" },  { 0x1e78, "u" },
	{ 0x1e79, "u" },  { 0x1e7a, "u" },  { 0x1e7b, "u" },  { 0x1e7c, "v" },
	{ 0x1e7d, "v" },  { 0x1e7e, "v" },  { 0x1e7f, "v" },  { 0x1e80, "w" },
	{ 0x1e81, "w" },  { 0x1e82, "w" },  { 0x1e83, "w" },  { 0x1e84, "w" },
	{ 0x1e85, "w" },  { 0x1e86, "w" },  { 0x1e87, "w" },  { 0x1e88, "w" },
	{ 0x1e89, "w" },  { 0x1e8a, "x" },  { 0x1e8b, "x" },  { 0x1e8c, "x" },
	{ 0x1e8d, "x" },  { 0x1e8e, "y" },  { 0x1e8f, "y" },  { 0x1e90, "z" },
	{ 0x1e91, "z" },  { 0x1e92, "z" },  { 0x1e93, "z" },  { 0x1e94, "z" },
	{ 0x1e95, "z" },  { 0x1e96, "h" },  { 0x1e97, "t" },  { 0x1e98, "w" },
	{ 0x1e99, "y" },  { 0x1ea0, "a" },  { 0x1ea1, "a" },  { 0x1ea2, "a" },
	{ 0x1ea3, "a" },  { 0x1ea4, "a" },  { 0x1ea5, "a" },  { 0x1ea6, "a" },
	{ 0x1ea7, "a" },  { 0x1ea8, "a" },  { 0x1ea9, "a" },  { 0x1eaa, "a" },
	{ 0x1eab, "a" },  { 0x1eac, "a" },  { 0x1ead, "a" },  { 0x1eae, "a" },
	{ 0x1eaf, "a" },  { 0x1eb0, "a" },  { 0x1eb1, "a" },  { 0x1eb2, "a" },
	{ 0x1eb3, "a" },  { 0x1eb4, "a" },  { 0x1eb5, "a" },  { 0x1eb6, "a" },
	{ 0x1eb7, "a" },  { 0x1eb8, "e" },  { 0x1eb9, "e" },  { 0x1eba, "e" },
	{ 0x1ebb, "e" },  { 0x1ebc, "e" },  { 0x1ebd, "e" },  { 0x1ebe, "e" },
	{ 0x1ebf, "e" },  { 0x1ec0, "e" },  { 0x1ec1, "e" },  { 0x1ec2, "e" },
	{ 0x1ec3, "e" },  { 0x1ec4, "e" },  { 0x1ec5, "e" },  { 0x1ec6, "e" },
	{ 0x1ec7, "e" },  { 0x1ec8, "i" },  { 0x1ec9, "i" },  { 0x1eca, "i" },
	{ 0x1ecb, "i" },  { 0x1ecc, "o" },  { 0x1ecd, "o" },  { 0x1ece, "o" },
	{ 0x1ecf, "o" },  { 0x1ed0, "o" },  { 0x1ed1, "o" },  { 0x1ed2, "o" },
	{ 0x1ed3, "o" },  { 0x1ed4, "o" },  { 0x1ed5, "o" },  { 0x1ed6, "o" },
	{ 0x1ed7, "o" },  { 0x1ed8, "o" },  { 0x1ed9, "o" },  { 0x1eda, "o" },
	{ 0x1edb, "o" },  { 0x1edc, "o" },  { 0x1edd, "o" },  { 0x1ede, "o" },
	{ 0x1edf, "o" },  { 0x1ee0, "o" },  { 0x1ee1, "o" },  { 0x1ee2, "o" },
	{ 0x1ee3, "o" },  { 0x1ee4, "u" },  { 0x1ee5, "u" },  { 0x1ee6, "u" },
	{ 0x1ee7, "u" },  { 0x1ee8, "u" },  { 0x1ee9, "u" },  { 0x1eea, "u" },
	{ 0x1eeb, "u" },  { 0x1eec, "u" },  { 0x1eed, "u" },  { 0x1eee, "u" },
	{ 0x1eef, "u" },  { 0x1ef0, "u" },  { 0x1ef1, "u" },  { 0x1ef2, "y" },
	{ 0x1ef3, "y" },  { 0x1ef4, "y" },  { 0x1ef5, "y" },  { 0x1ef6, "y" },
	{ 0x1ef7, "y" },  { 0x1ef8, "y" },  { 0x1ef9, "y" }
};

static const char *lookup(uint32_t cp)
{
	size_t lo = 0, hi = sizeof table / sizeof table[0];

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (table[mid].cp == cp)
			return table[mid].plain;
		if (table[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

#define INVALID UINT32_MAX

/* Decode one UTF-8 sequence; returns its length (1 for an invalid byte,
 * *cp then being INVALID). */
static size_t decode(const unsigned char *s, uint32_t *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
		return 2;
	}
	if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x0f) << 12 |
		      (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		return 3;
	}
	if ((s[0] & 0xf8) == 0xf0 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80) {
		*cp = (uint32_t)(s[0] & 0x07) << 18 |
		      (uint32_t)(s[1] & 0x3f) << 12 |
		      (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
		return 4;
	}
	*cp = INVALID;
	return 1;
}

static bool is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	       (cp >= 0x1dc0 && cp <= 0x1dff) ||
	       (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe20 && cp <= 0xfe2f);
}

char *fold_key(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	/* A folded character never takes more bytes than its UTF-8 form,
	 * except "ss", "ae", "oe", "th" from 2-byte letters: 2 for 2. */
	size_t n = strlen((const char *)p);
	char *out = malloc(n + 1), *o = out;

	if (out == NULL)
		return NULL;
	while (*p) {
		uint32_t cp;
		size_t len = decode(p, &cp);
		const char *plain;

		if (cp < 0x80) {
			*o++ = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		} else if (cp == INVALID) {
			*o++ = (char)*p;
		} else if (is_combining(cp)) {
			/* dropped: "e" + U+0301 folds like "é" */
		} else if ((plain = lookup(cp)) != NULL) {
			size_t k = strlen(plain);

			memcpy(o, plain, k);
			o += k;
		} else {
			memcpy(o, p, len);
			o += len;
		}
		p += len;
	}
	*o = '\0';
	return out;
}

bool fold_contains(const char *folded_haystack, const char *folded_needle)
{
	return strstr(folded_haystack, folded_needle) != NULL;
}
