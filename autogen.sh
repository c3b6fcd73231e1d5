#!/bin/sh
# Generate the configure script and Makefile.in (needs autoconf, automake).
set -e
cd "$(dirname "$0")"
mkdir -p m4
exec autoreconf -fi
