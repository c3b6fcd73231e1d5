/*
 * Tencent Cloud DescribeVpnConnections responses (JSON).
 */
#ifndef CGW_SOURCE_TENCENT_H
#define CGW_SOURCE_TENCENT_H

struct source;

extern const struct source	source_tencent;

#endif
