/*
 * Alibaba Cloud DescribeVpnConnection(s) and DownloadVpnConnectionConfig
 * responses (JSON, or XML through xml.c).
 */
#ifndef CGW_SOURCE_ALIBABA_H
#define CGW_SOURCE_ALIBABA_H

struct source;

extern const struct source	source_alibaba;

#endif
