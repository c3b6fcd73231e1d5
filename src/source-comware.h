/*
 * H3C Comware V7 configuration text (what Tencent Cloud's
 * DownloadCustomerGatewayConfiguration renders for h3c/comware, or a
 * device's own configuration) as an input: see source-comware.c.
 */
#ifndef CGW_SOURCE_COMWARE_H
#define CGW_SOURCE_COMWARE_H

struct source;

extern const struct source	source_comware;

#endif
