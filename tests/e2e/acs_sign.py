#!/usr/bin/env python3
"""A small Alibaba Cloud request signer for tests: RPC signature "V2"
(SignatureVersion 1.0, HMAC-SHA1) and V3 (ACS3-HMAC-SHA256).

Written from Alibaba's documentation (cloud-apis.md sections 2.2 and 2.3),
not from cgwgen's C code, and checked against the published examples.
mock_alibaba.py verifies requests with the functions below; the self-test
(t-mock-alibaba.sh) checks them against the vectors first.

As a module:
  v2_signature(secret, method, params)          -> base64 text
  v2_string_to_sign(method, params)
  v2_params(action, params, ...)                -> dict, Signature included
  v3_canonical_request(method, query, headers, signed, body)
  v3_signature(secret, canonical)               -> (hex, string to sign)
  v3_headers(action, host, query, body, ...)    -> list of (name, value)
  send(port, action, params, sig="v2"|"v3", ...) -> (status, headers, body)
As a command:
  acs_sign.py v2 [options] [NAME=VALUE...]   prints the signed query string
  acs_sign.py v3 [options] [NAME=VALUE...]   prints "Name: value" header lines
                                             (for curl -H @FILE); --query-out
                                             FILE writes the query to send
  acs_sign.py query [NAME=VALUE...]          prints the canonical query string
  acs_sign.py vectors                        checks the published examples

Python 3.7+ standard library only.
"""

import argparse
import base64
import datetime
import hashlib
import hmac
import http.client
import ssl
import sys
import urllib.parse
import uuid

ACCESS_KEY_ID = "LTAI5tMockMockMockMock01"
ACCESS_KEY_SECRET = "mock-alibaba-secret-0123456789abcdef"
API_VERSION = "2016-04-28"
V3_ALGORITHM = "ACS3-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def percent_encode(text):
    """RFC 3986 encoding of UTF-8 text: only A-Z a-z 0-9 - _ . ~ stay as they
    are; space is %20, '*' is %2A, hex digits are upper case."""
    if isinstance(text, bytes):
        return urllib.parse.quote(text, safe="-_.~")
    return urllib.parse.quote(str(text).encode("utf-8"), safe="-_.~")


def canonical_query(params):
    """name=value pairs, sorted by name, names and values percent-encoded,
    joined by '&' (V2: before the outer encoding; V3: CanonicalQueryString).
    params: a dict or a list of (name, value) pairs."""
    items = params.items() if isinstance(params, dict) else params
    pairs = sorted((str(k), str(v)) for k, v in items)
    return "&".join("%s=%s" % (percent_encode(k), percent_encode(v))
                    for k, v in pairs)


def utc_now_text(skew=0):
    t = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=skew)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------- V2 (RPC)

def v2_string_to_sign(method, params):
    """METHOD&%2F&percentEncode(canonical query of every parameter but Signature)."""
    items = params.items() if isinstance(params, dict) else params
    query = canonical_query([(k, v) for k, v in items if k != "Signature"])
    return "%s&%s&%s" % (method.upper(), percent_encode("/"), percent_encode(query))


def v2_signature(secret, method, params):
    """Base64(HMAC-SHA1(secret + "&", string to sign))."""
    to_sign = v2_string_to_sign(method, params)
    mac = hmac.new((secret + "&").encode("utf-8"), to_sign.encode("utf-8"), hashlib.sha1)
    return base64.b64encode(mac.digest()).decode("ascii")


def v2_params(action, params=None, method="POST", access_key_id=ACCESS_KEY_ID,
              secret=ACCESS_KEY_SECRET, fmt="JSON", token=None, version=API_VERSION,
              timestamp=None, nonce=None, skew=0, signature_method="HMAC-SHA1",
              signature_version="1.0", drop=(), sig_override=None):
    """Every parameter of a signed V2 request, Signature included.
    fmt None leaves Format out; drop names common parameters to leave out
    (before signing); sig_override replaces the signature (spoils it)."""
    p = {"Action": action, "Version": version, "AccessKeyId": access_key_id,
         "SignatureMethod": signature_method, "SignatureVersion": signature_version,
         "SignatureNonce": nonce if nonce is not None else uuid.uuid4().hex,
         "Timestamp": timestamp if timestamp is not None else utc_now_text(skew)}
    if fmt is not None:
        p["Format"] = fmt
    if token is not None:
        p["SecurityToken"] = token
    for k in drop:
        p.pop(k, None)
    p.update(params or {})
    p["Signature"] = (sig_override if sig_override is not None
                      else v2_signature(secret, method, p))
    return p


def encode_form(params):
    """A query string / form body: every name and value percent-encoded
    (the signature too: '+', '/' and '=' become %2B, %2F, %3D)."""
    items = params.items() if isinstance(params, dict) else params
    return "&".join("%s=%s" % (percent_encode(k), percent_encode(v)) for k, v in items)


# ---------------------------------------------------------------- V3

def v3_canonical_request(method, query, headers, signed, body):
    """query: dict or pairs; headers: {lower-case name: value};
    signed: list of lower-case header names in the order to sign."""
    lines = "".join("%s:%s\n" % (n, str(headers[n]).strip()) for n in signed)
    payload = hashlib.sha256(body).hexdigest()
    return "\n".join([method.upper(), "/", canonical_query(query), lines,
                      ";".join(signed), payload])


def v3_signature(secret, canonical):
    """(hex HMAC-SHA256(secret, string to sign), string to sign)."""
    to_sign = "%s\n%s" % (V3_ALGORITHM,
                          hashlib.sha256(canonical.encode("utf-8")).hexdigest())
    sig = hmac.new(secret.encode("utf-8"), to_sign.encode("utf-8"),
                   hashlib.sha256).hexdigest()
    return sig, to_sign


def v3_headers(action, host, query=None, body=b"", method="POST",
               access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET, token=None,
               version=API_VERSION, date=None, nonce=None, skew=0,
               content_type=None, extra_signed=(), signed=None, sig_override=None,
               content_sha256=None):
    """The headers of a signed V3 request.  extra_signed: more (name, value)
    headers to send and sign (e.g. x-acs-credentials-provider); signed: the
    SignedHeaders list to use instead of every header sent."""
    h = {"host": host, "x-acs-action": action, "x-acs-version": version,
         "x-acs-date": date if date is not None else utc_now_text(skew),
         "x-acs-signature-nonce": nonce if nonce is not None else uuid.uuid4().hex,
         "x-acs-content-sha256": (content_sha256 if content_sha256 is not None
                                  else hashlib.sha256(body).hexdigest())}
    if token is not None:
        h["x-acs-security-token"] = token
    if content_type is not None:
        h["content-type"] = content_type
    for k, v in extra_signed:
        h[k.lower()] = v
    names = sorted(h) if signed is None else list(signed)
    canon = v3_canonical_request(method, query or {}, h, names, body)
    sig, _ = v3_signature(secret, canon)
    if sig_override is not None:
        sig = sig_override
    auth = "%s Credential=%s,SignedHeaders=%s,Signature=%s" % (
        V3_ALGORITHM, access_key_id, ";".join(names), sig)
    return [(k, h[k]) for k in sorted(h)] + [("Authorization", auth)]


# ---------------------------------------------------------------- sending

def connect(port, timeout=10, tls=False):
    if tls:
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        return http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout,
                                           context=ctx)
    return http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)


def send(port, action, params=None, sig="v2", method="POST", fmt="JSON",
         body_params=None, conn=None, timeout=10, extra_headers=(), drop_headers=(),
         tls=False, sign_method=None, **kw):
    """Sign and send one request to 127.0.0.1:port.

    params go in the query string; body_params (a dict), when given, go in an
    application/x-www-form-urlencoded body.  V2 signs over both; V3 puts
    Format=XML in the query when fmt is "XML" (V3 answers JSON otherwise).
    sign_method signs for another method than the one used (spoils it).
    kw go to v2_params / v3_headers.  Returns (status, {header: value}, bytes)."""
    params = dict(params or {})
    host = kw.pop("host", "127.0.0.1:%d" % port)
    body = b""
    headers = []
    if body_params is not None:
        body = encode_form(body_params).encode("ascii")
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
    if sig == "v2":
        allp = dict(params)
        allp.update(body_params or {})
        signed = v2_params(action, allp, method=sign_method or method, fmt=fmt, **kw)
        query = {k: v for k, v in signed.items() if k not in (body_params or {})}
        target = "/?" + encode_form(query)
        headers.insert(0, ("Host", host))
    else:
        if fmt is not None and fmt.upper() == "XML":
            params.setdefault("Format", fmt)
        ct = kw.pop("content_type", None)
        if body_params is not None:
            ct = "application/x-www-form-urlencoded"
        headers = v3_headers(action, host, params, body, method=sign_method or method,
                             content_type=ct, **kw)
        target = "/?" + canonical_query(params) if params else "/"
    headers = [(k, v) for k, v in headers if k.lower() not in
               {d.lower() for d in drop_headers}] + list(extra_headers)
    own = conn is None
    if own:
        conn = connect(port, timeout, tls)
    conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
    for k, v in headers:
        conn.putheader(k, v)
    if method in ("POST", "PUT") or body:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    resp = conn.getresponse()
    data = resp.read()
    result = (resp.status, dict(resp.getheaders()), data)
    if own:
        conn.close()
    return result


# ---------------------------------------------------------------- vectors

def check_vectors(verbose=False):
    """The published examples (cloud-apis.md 2.2, 2.3)."""
    results = []
    dh = {"Action": "DescribeDedicatedHosts", "Format": "JSON", "RegionId": "cn-beijing",
          "SignatureMethod": "HMAC-SHA1",
          "SignatureNonce": "edb2b34af0af9a6d14deaf7c1a5315eb",
          "SignatureVersion": "1.0", "Timestamp": "2023-03-13T08:34:30Z",
          "Version": "2014-05-26", "AccessKeyId": "testid"}
    want_sts = ("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeDedicatedHosts%26Format"
                "%3DJSON%26RegionId%3Dcn-beijing%26SignatureMethod%3DHMAC-SHA1%26"
                "SignatureNonce%3Dedb2b34af0af9a6d14deaf7c1a5315eb%26SignatureVersion"
                "%3D1.0%26Timestamp%3D2023-03-13T08%253A34%253A30Z%26Version%3D2014-05-26")
    results.append(("v2 DescribeDedicatedHosts string to sign",
                    v2_string_to_sign("GET", dh) == want_sts))
    results.append(("v2 DescribeDedicatedHosts GET",
                    v2_signature("testsecret", "GET", dh) == "9NaGiOspFP5UPcwX8Iwt2YJXXuk="))
    results.append(("v2 DescribeDedicatedHosts POST",
                    v2_signature("testsecret", "POST", dh) == "ZvQ9xGiFnquSJRvj+WE6kdSpTwU="))
    dr = {"Action": "DescribeRegions", "Format": "XML", "SignatureMethod": "HMAC-SHA1",
          "SignatureNonce": "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
          "SignatureVersion": "1.0", "Timestamp": "2016-02-23T12:46:24Z",
          "Version": "2014-05-26", "AccessKeyId": "testid"}
    results.append(("v2 DescribeRegions GET",
                    v2_signature("testsecret", "GET", dr) == "OLeaidS1JvxuMvnyHOwuJ+uX5qY="))
    q = {"ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
         "RegionId": "cn-shanghai"}
    hdr = {"host": "ecs.cn-shanghai.aliyuncs.com", "x-acs-action": "RunInstances",
           "x-acs-version": "2014-05-26", "x-acs-date": "2023-10-26T10:22:32Z",
           "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
           "x-acs-content-sha256": EMPTY_SHA256}
    canon = v3_canonical_request("POST", q, hdr, sorted(hdr), b"")
    results.append(("v3 RunInstances hashed canonical request",
                    hashlib.sha256(canon.encode()).hexdigest() ==
                    "7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259"))
    sig, _ = v3_signature("YourAccessKeySecret", canon)
    results.append(("v3 RunInstances signature", sig ==
                    "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"))
    auth = dict(v3_headers("RunInstances", "ecs.cn-shanghai.aliyuncs.com", q,
                           access_key_id="YourAccessKeyId", secret="YourAccessKeySecret",
                           version="2014-05-26", date="2023-10-26T10:22:32Z",
                           nonce="3156853299f313e23d1673dc12e1703d"))["Authorization"]
    results.append(("v3 RunInstances Authorization header", auth ==
                    "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;"
                    "x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;"
                    "x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d85"
                    "3912eee15083a6f0f3283c0"))
    if verbose:
        for name, good in results:
            print("%s %s" % ("ok" if good else "FAILED", name))
    return all(good for _, good in results)


# ---------------------------------------------------------------- command line

def pairs(texts):
    out = {}
    for t in texts:
        if "=" not in t:
            raise SystemExit("acs_sign.py: %s: expected NAME=VALUE" % t)
        k, v = t.split("=", 1)
        out[k] = v
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("v2", "v3"):
        s = sub.add_parser(name)
        s.add_argument("--action", required=True)
        s.add_argument("--method", default="POST")
        s.add_argument("--format", default="JSON",
                       help="v2: the Format parameter ('' leaves it out); "
                       "v3: XML adds Format=XML to the query")
        s.add_argument("--secret-id", default=ACCESS_KEY_ID)
        s.add_argument("--secret-key", default=ACCESS_KEY_SECRET)
        s.add_argument("--token")
        s.add_argument("--version", default=API_VERSION)
        s.add_argument("--timestamp", help="yyyy-MM-ddTHH:mm:ssZ (default: now)")
        s.add_argument("--skew", type=int, default=0,
                       help="seconds added to the current time")
        s.add_argument("--nonce")
        if name == "v3":
            s.add_argument("--host", required=True)
            s.add_argument("--body-file", help="the exact body bytes (default empty)")
            s.add_argument("--content-type")
            s.add_argument("--query-out", metavar="FILE",
                           help="write the query string to send (after '?') here")
        s.add_argument("param", nargs="*", metavar="NAME=VALUE")
    s = sub.add_parser("query")
    s.add_argument("param", nargs="*", metavar="NAME=VALUE")
    sub.add_parser("vectors")
    a = p.parse_args(argv)
    if a.cmd == "vectors":
        good = check_vectors(verbose=True)
        print("vectors ok" if good else "vectors FAILED")
        return 0 if good else 1
    params = pairs(a.param)
    if a.cmd == "query":
        print(canonical_query(params))
        return 0
    if a.cmd == "v2":
        signed = v2_params(a.action, params, method=a.method.upper(),
                           access_key_id=a.secret_id, secret=a.secret_key,
                           fmt=a.format or None, token=a.token, version=a.version,
                           timestamp=a.timestamp, nonce=a.nonce, skew=a.skew)
        print(encode_form(signed))
        return 0
    body = b""
    if a.body_file:
        with open(a.body_file, "rb") as f:
            body = f.read()
    if a.format.upper() == "XML":
        params.setdefault("Format", a.format)
    if a.query_out:
        with open(a.query_out, "w") as f:
            f.write(canonical_query(params) + "\n")
    for k, v in v3_headers(a.action, a.host, params, body, method=a.method.upper(),
                           access_key_id=a.secret_id, secret=a.secret_key,
                           token=a.token, version=a.version, date=a.timestamp,
                           nonce=a.nonce, skew=a.skew, content_type=a.content_type):
        print("%s: %s" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
