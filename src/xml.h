/*
 * XML responses as cJSON trees, so that one reader handles both of a
 * cloud's formats. The only module that includes libxml2.
 *
 * An element with child elements becomes an object (a name that repeats
 * becomes an array), an element with none becomes a string of its text;
 * attributes are ignored. Parsing is safe for untrusted input: no network,
 * no DTD (a document type declaration is refused), no entity references,
 * and the caller's size limit.
 */
#ifndef CGW_XML_H
#define CGW_XML_H

#include <stddef.h>

struct cJSON;
struct cgw_err;

/*
 * Make libxml2 wipe the memory it frees (a response holds pre-shared
 * keys). Call once, before any parsing.
 */
void	xml_init(void);

/*
 * Parse len bytes of XML. name is the file name for messages. Returns the
 * root element's content in *out (free with cJSON_Delete) and a copy of
 * its name in *root (free with free), or -1 with err set.
 */
int	xml_to_json(const char *data, size_t len, const char *name,
	    struct cJSON **out, char **root, struct cgw_err *err);

#endif
