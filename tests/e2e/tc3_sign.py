#!/usr/bin/env python3
"""A small TC3-HMAC-SHA256 signer for tests, written apart from the mock.

As a module:  headers = sign(action, body_bytes, host, ...)   (list of pairs)
              status, headers, data = send(port, action, body_bytes, ...)
As a command:
  tc3_sign.py headers --host 127.0.0.1:PORT --action A [--region R] [options] BODYFILE
      prints "Name: value" lines, ready for curl -H @FILE
  tc3_sign.py vectors
      checks this signer against Tencent's published examples

Python 3.11 standard library only.
"""

import argparse
import hashlib
import hmac
import http.client
import sys
import time

SECRET_ID = "AKIDmockmockmockmockmockmockmockmock"
SECRET_KEY = "mock-secret-key-0123456789abcdef"


def _hmac(key, text):
    return hmac.new(key, text.encode(), hashlib.sha256)


def signature(secret_key, service, timestamp, canonical):
    """TC3 signature of a canonical request string at a unix timestamp."""
    day = time.strftime("%Y-%m-%d", time.gmtime(int(timestamp)))
    scope = day + "/" + service + "/tc3_request"
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    to_sign = "\n".join(["TC3-HMAC-SHA256", str(timestamp), scope, digest])
    k = ("TC3" + secret_key).encode()
    for part in (day, service, "tc3_request"):
        k = _hmac(k, part).digest()
    return _hmac(k, to_sign).hexdigest(), scope


def canonical(method, content_type, host, body, signed="content-type;host", action=""):
    values = {"content-type": content_type, "host": host, "x-tc-action": action.lower()}
    names = signed.split(";")
    lines = "".join("%s:%s\n" % (n, values[n].strip()) for n in names)
    payload = hashlib.sha256(body).hexdigest()
    return "\n".join([method, "/", "", lines, signed, payload])


def sign(action, body, host, region=None, timestamp=None, secret_id=SECRET_ID,
         secret_key=SECRET_KEY, token=None, service="vpc", version="2017-03-12",
         signed="content-type;host", content_type="application/json",
         scope_date=None, sig_override=None):
    """The headers of a signed POST; scope_date/sig_override spoil it on purpose."""
    if timestamp is None:
        timestamp = int(time.time())
    canon = canonical("POST", content_type, host, body, signed, action)
    sig, scope = signature(secret_key, service, timestamp, canon)
    if scope_date is not None:
        scope = scope_date + scope[10:]
    if sig_override is not None:
        sig = sig_override
    auth = "TC3-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s" % (
        secret_id, scope, signed, sig)
    h = [("Host", host), ("Content-Type", content_type), ("X-TC-Action", action),
         ("X-TC-Version", version), ("X-TC-Timestamp", str(timestamp))]
    if region is not None:
        h.append(("X-TC-Region", region))
    if token is not None:
        h.append(("X-TC-Token", token))
    h.append(("Authorization", auth))
    return h


def send(port, action, body, region="ap-guangzhou", conn=None, timeout=10,
         extra_headers=(), drop=(), **kw):
    """Sign and POST; return (status, {header: value}, body bytes)."""
    if isinstance(body, str):
        body = body.encode()
    host = kw.pop("host", "127.0.0.1:%d" % port)
    headers = sign(action, body, host, region=region, **kw)
    headers = [(k, v) for k, v in headers if k not in drop] + list(extra_headers)
    own = conn is None
    if own:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    conn.putrequest("POST", "/", skip_host=True, skip_accept_encoding=True)
    for k, v in headers:
        conn.putheader(k, v)
    conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    resp = conn.getresponse()
    data = resp.read()
    result = (resp.status, dict(resp.getheaders()), data)
    if own:
        conn.close()
    return result


def check_vectors():
    """Tencent's published TC3 examples (English page: A, Chinese page: B)."""
    body = (b'{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], '
            b'"Name": "instance-name"}]}')
    ok = True
    ct = "application/json; charset=utf-8"
    for signed, key, want_canon, want_sig in (
            ("content-type;host", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
             "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
             "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168"),
            ("content-type;host;x-tc-action", "*" * 32,
             "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84",
             "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f")):
        canon = canonical("POST", ct, "cvm.tencentcloudapi.com", body, signed,
                          "DescribeInstances")
        got_canon = hashlib.sha256(canon.encode()).hexdigest()
        got_sig, _ = signature(key, "cvm", 1551113065, canon)
        ok = ok and got_canon == want_canon and got_sig == want_sig
    return ok


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("headers")
    h.add_argument("--host", required=True)
    h.add_argument("--action", required=True)
    h.add_argument("--region")
    h.add_argument("--timestamp", type=int)
    h.add_argument("--skew", type=int, default=0, help="add to the current time")
    h.add_argument("--secret-id", default=SECRET_ID)
    h.add_argument("--secret-key", default=SECRET_KEY)
    h.add_argument("--token")
    h.add_argument("--service", default="vpc")
    h.add_argument("--version", default="2017-03-12")
    h.add_argument("--signed", default="content-type;host")
    h.add_argument("--content-type", default="application/json")
    h.add_argument("body", help="file holding the exact body bytes")
    sub.add_parser("vectors")
    a = p.parse_args()
    if a.cmd == "vectors":
        good = check_vectors()
        print("vectors ok" if good else "vectors FAILED")
        return 0 if good else 1
    with open(a.body, "rb") as f:
        body = f.read()
    ts = a.timestamp if a.timestamp is not None else int(time.time()) + a.skew
    for k, v in sign(a.action, body, a.host, region=a.region, timestamp=ts,
                     secret_id=a.secret_id, secret_key=a.secret_key, token=a.token,
                     service=a.service, version=a.version, signed=a.signed,
                     content_type=a.content_type):
        print("%s: %s" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
