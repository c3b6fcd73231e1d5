/*
 * XML to cJSON with libxml2.
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "err.h"
#include "xml.h"
#include "xmalloc.h"

#define XML_DEPTH_MAX	64

static cJSON	*element(const xmlNode *, const char *, int, struct cgw_err *);
static void	 wiped_free(void *);
static void	*wiped_realloc(void *, size_t);

static void
wiped_free(void *p)
{
	if (p != NULL)
		explicit_bzero(p, malloc_usable_size(p));
	free(p);
}

/* realloc(3) may move a block without wiping the old one: copy instead. */
static void *
wiped_realloc(void *p, size_t n)
{
	void	*q;
	size_t	 old;

	if (p == NULL)
		return malloc(n);
	if ((q = malloc(n)) == NULL)
		return NULL;
	old = malloc_usable_size(p);
	memcpy(q, p, old < n ? old : n);
	wiped_free(p);
	return q;
}

void
xml_init(void)
{
	xmlMemSetup(wiped_free, malloc, wiped_realloc, strdup);
	xmlInitParser();
}
static int	 add_member(cJSON *, const char *, cJSON *);

/* Add value under name; a second value under one name makes an array. */
static int
add_member(cJSON *obj, const char *name, cJSON *value)
{
	cJSON	*old, *arr;

	if ((old = cJSON_GetObjectItemCaseSensitive(obj, name)) == NULL) {
		cJSON_AddItemToObject(obj, name, value);
		return 0;
	}
	if (cJSON_IsArray(old)) {
		cJSON_AddItemToArray(old, value);
		return 0;
	}
	arr = cJSON_CreateArray();
	cJSON_DetachItemViaPointer(obj, old);
	cJSON_AddItemToArray(arr, old);
	cJSON_AddItemToArray(arr, value);
	cJSON_AddItemToObject(obj, name, arr);
	return 0;
}

static cJSON *
element(const xmlNode *e, const char *file, int depth, struct cgw_err *err)
{
	const xmlNode	*c;
	cJSON		*obj = NULL, *v;
	xmlChar		*text;
	int		 has_elements = 0;

	if (depth > XML_DEPTH_MAX) {
		err_set(err, CGW_E_INPUT, "%s:%ld: elements nested deeper than "
		    "%d", file, xmlGetLineNo(e), XML_DEPTH_MAX);
		return NULL;
	}
	for (c = e->children; c != NULL; c = c->next) {
		if (c->type == XML_ENTITY_REF_NODE) {
			err_set(err, CGW_E_INPUT, "%s:%ld: entity references "
			    "are not accepted", file, xmlGetLineNo(e));
			return NULL;
		}
		if (c->type == XML_ELEMENT_NODE)
			has_elements = 1;
	}
	if (!has_elements) {
		text = xmlNodeGetContent(e);
		/* Only white space: an empty element laid out on two lines. */
		if (text != NULL && text[strspn((const char *)text,
		    " \t\r\n")] == '\0')
			text[0] = '\0';
		v = cJSON_CreateString(text == NULL ? "" : (const char *)text);
		if (text != NULL) {
			explicit_bzero(text, strlen((const char *)text));
			xmlFree(text);
		}
		return v;
	}
	obj = cJSON_CreateObject();
	for (c = e->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((v = element(c, file, depth + 1, err)) == NULL) {
			cJSON_Delete(obj);
			return NULL;
		}
		add_member(obj, (const char *)c->name, v);
	}
	return obj;
}

int
xml_to_json(const char *data, size_t len, const char *name, cJSON **out,
    char **root, struct cgw_err *err)
{
	const xmlError	*xe;
	xmlDoc		*doc;
	xmlNode		*top;
	cJSON		*j;
	int		 ret = -1;

	if (len > (size_t)0x7fffffff)
		return err_set(err, CGW_E_LIMIT, "%s: too large", name);
	xmlResetLastError();
	/* No NOENT, no DTDLOAD: entities are not substituted, nothing is
	 * fetched; NONET in case anything would try. */
	doc = xmlReadMemory(data, (int)len, name, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		xe = xmlGetLastError();
		if (xe != NULL && xe->message != NULL)
			err_set(err, CGW_E_INPUT, "%s:%d: invalid XML: %.*s",
			    name, xe->line, (int)strcspn(xe->message, "\n"),
			    xe->message);
		else
			err_set(err, CGW_E_INPUT, "%s: invalid XML", name);
		return -1;
	}
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		err_set(err, CGW_E_INPUT, "%s: a document type declaration "
		    "(DTD) is not accepted", name);
		goto out;
	}
	if ((top = xmlDocGetRootElement(doc)) == NULL) {
		err_set(err, CGW_E_INPUT, "%s: no root element", name);
		goto out;
	}
	if ((j = element(top, name, 0, err)) == NULL)
		goto out;
	*out = j;
	*root = xstrdup((const char *)top->name);
	ret = 0;
out:
	xmlFreeDoc(doc);
	return ret;
}
