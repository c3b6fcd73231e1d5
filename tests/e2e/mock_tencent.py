#!/usr/bin/env python3
"""A mock of Tencent Cloud's VPC API (version 2017-03-12) for cgwgen's tests.

It checks every request as strictly as the client contract says (TC3-HMAC-SHA256
signature over the bytes received, headers, timestamp window, token, action,
version, region, parameters), serves VPN connections, VPN gateways, customer
gateways, vendors and downloadable configurations from a fixture directory,
can inject failures, and appends one JSON line per request to a log.

Python 3.11 standard library only.  See tests/e2e/README.md.
"""

import argparse
import datetime
import hashlib
import hmac
import ipaddress
import json
import os
import random
import re
import signal
import ssl
import string
import sys
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API_VERSION = "2017-03-12"
ALGORITHM = "TC3-HMAC-SHA256"
DEFAULT_SECRET_ID = "AKIDmockmockmockmockmockmockmockmock"
DEFAULT_SECRET_KEY = "mock-secret-key-0123456789abcdef"
MAX_BODY = 10 * 1024 * 1024          # Tencent: TC3 POST bodies up to 10 MB
MAX_IDS = 100
MAX_FILTERS = 10
MAX_FILTER_VALUES = 5
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
SIGNED_HEADER_SETS = ("content-type;host", "content-type;host;x-tc-action")
CONTENT_TYPE = "application/json"
BEIJING = datetime.timezone(datetime.timedelta(hours=8))

AUTH_RE = re.compile(
    r"TC3-HMAC-SHA256 Credential=([^/,\s]+)/([0-9]{4}-[0-9]{2}-[0-9]{2})/"
    r"([^/,\s]+)/tc3_request, SignedHeaders=([^,\s]+), Signature=([0-9A-Fa-f]{64})")
REGION_RE = re.compile(r"[a-z]+(-[a-z0-9]+)+")
TIMESTAMP_RE = re.compile(r"[0-9]{1,12}")
INT_STRING_RE = re.compile(r"-?[0-9]{1,18}")

FAIL_KINDS = {
    # kind: (tencent error code or None, message)
    "throttle": ("RequestLimitExceeded",
                 "Your current request times equals to `20` in a second, which "
                 "exceeds the frequency limit `20` for a second. Please reduce the "
                 "frequency of calls. (mock: injected)"),
    "throttle-uin": ("RequestLimitExceeded.UinLimitExceeded",
                     "Your account's request rate exceeds the limit. Please reduce "
                     "the frequency of calls. (mock: injected)"),
    "autherr": ("AuthFailure.SecretIdNotFound",
                "The SecretId is not found, please ensure that your SecretId is "
                "correct. (mock: injected)"),
    "internal": ("InternalError",
                 "An internal error has occurred. Retry your request, but if the "
                 "problem persists, contact us. (mock: injected)"),
    "500": (None, ""),
    "503": (None, ""),
    "slow": (None, ""),
    "truncated": (None, ""),
    "badjson": (None, ""),
}

ACTIONS = (
    "DescribeVpnConnections",
    "DescribeVpnGateways",
    "DescribeCustomerGateways",
    "DescribeCustomerGatewayVendors",
    "DownloadCustomerGatewayConfiguration",
    "ResetVpnConnection",
    "CreateCustomerGateway",
)
# Tencent's pages for these two say "Region: No - not required for this API".
REGIONLESS_ACTIONS = ("DescribeCustomerGatewayVendors",
                      "DownloadCustomerGatewayConfiguration")


class ApiError(Exception):
    """A Tencent error answer: {"Response": {"Error": {Code, Message}, ...}}."""

    def __init__(self, code, message, detail=None):
        super().__init__(code)
        self.code = code
        self.message = message
        self.detail = detail


class BodyError(Exception):
    pass


def sha256_hex(data):
    return hashlib.sha256(data).hexdigest()


def canonical_request(content_type, host, action, signed_headers, payload):
    """The TC3 canonical request for a POST to "/" with no query string."""
    headers = "content-type:%s\nhost:%s\n" % (content_type, host)
    if signed_headers == "content-type;host;x-tc-action":
        headers += "x-tc-action:%s\n" % action.lower()
    return "POST\n/\n\n%s\n%s\n%s" % (headers, signed_headers, sha256_hex(payload))


def tc3_sign(secret_key, date, service, timestamp, canon):
    """Return (signature hex, string to sign) for a canonical request."""
    def mac(key, msg):
        return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()
    string_to_sign = "%s\n%s\n%s/%s/tc3_request\n%s" % (
        ALGORITHM, timestamp, date, service, sha256_hex(canon.encode("utf-8")))
    key = mac(("TC3" + secret_key).encode("utf-8"), date)
    key = mac(key, service)
    key = mac(key, "tc3_request")
    sig = hmac.new(key, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    return sig, string_to_sign


def redact_authorization(value):
    return re.sub(r"(Signature=)[^,\s]*", r"\1<redacted>", value)


# ---------------------------------------------------------------- fixtures

def load_array(directory, name, id_field):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return []
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit("mock_tencent: %s: %s" % (path, e))
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise SystemExit("mock_tencent: %s: not a JSON array of objects" % path)
    if id_field:
        seen = set()
        for i, x in enumerate(data):
            v = x.get(id_field)
            if not isinstance(v, str) or not v:
                raise SystemExit("mock_tencent: %s: element %d has no %s"
                                 % (path, i, id_field))
            if v in seen:
                raise SystemExit("mock_tencent: %s: duplicate %s %s"
                                 % (path, id_field, v))
            seen.add(v)
    return data


class State:
    def __init__(self, directory, rng):
        if not os.path.isdir(directory):
            raise SystemExit("mock_tencent: %s: not a directory" % directory)
        self.lock = threading.Lock()
        self.rng = rng
        self.connections = load_array(directory, "vpn_connections.json",
                                      "VpnConnectionId")
        self.gateways = load_array(directory, "vpn_gateways.json", "VpnGatewayId")
        self.customer_gateways = load_array(directory, "customer_gateways.json",
                                            "CustomerGatewayId")
        self.vendors = load_array(directory, "vendors.json", None)
        for v in self.vendors:
            for k in ("Platform", "SoftwareVersion", "VendorName"):
                if not isinstance(v.get(k), str):
                    raise SystemExit("mock_tencent: vendors.json: an element "
                                     "lacks the string %s" % k)
        self.downloads = os.path.join(directory, "downloads")
        self.conn_by_id = {c["VpnConnectionId"]: c for c in self.connections}
        self.resets = []
        self.tags = {}

    def gateway_exists(self, gw_id):
        return (any(g["VpnGatewayId"] == gw_id for g in self.gateways)
                or any(c.get("VpnGatewayId") == gw_id for c in self.connections))


# ---------------------------------------------------------------- parameters

def check_known(obj, allowed, where=""):
    for k in obj:
        if k not in allowed:
            raise ApiError("UnknownParameter",
                           "The parameter `%s%s` is not recognized." % (where, k))


def reject_null(body, name):
    if name in body and body[name] is None:
        raise ApiError("InvalidParameter",
                       "The parameter `%s` must not be null. (mock)" % name)


def get_int(body, name, default, low, high, high_code="InvalidParameterValue"):
    reject_null(body, name)
    if name not in body:
        return default
    v = body[name]
    # Tencent's own examples send numbers as strings ("Limit": "5").
    if isinstance(v, str) and INT_STRING_RE.fullmatch(v):
        v = int(v)
    if isinstance(v, bool) or not isinstance(v, int):
        raise ApiError("InvalidParameter",
                       "The parameter `%s` must be an integer." % name)
    if v < low:
        raise ApiError("InvalidParameterValue",
                       "The value `%d` of parameter `%s` is less than %d."
                       % (v, name, low))
    if high is not None and v > high:
        raise ApiError(high_code,
                       "The value `%d` of parameter `%s` exceeds the limit %d."
                       % (v, name, high))
    return v


def get_string(body, name, required=True):
    reject_null(body, name)
    if name not in body:
        if required:
            raise ApiError("MissingParameter",
                           "The request is missing a required parameter `%s`." % name)
        return None
    v = body[name]
    if not isinstance(v, str):
        raise ApiError("InvalidParameter",
                       "The parameter `%s` must be a string." % name)
    return v


def check_id(value, name, prefix):
    if not re.fullmatch(re.escape(prefix) + r"[0-9a-z]+", value):
        raise ApiError("InvalidParameterValue.Malformed",
                       "The value `%s` of parameter `%s` is malformed (expected %s...)."
                       % (value, name, prefix))


def get_id_list(body, name, prefix):
    reject_null(body, name)
    v = body.get(name)
    if v is None:
        return None
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ApiError("InvalidParameter",
                       "The parameter `%s` must be an array of strings." % name)
    if len(v) > MAX_IDS:
        raise ApiError("InvalidParameterValue.LimitExceeded",
                       "The parameter `%s` holds %d values; at most %d are allowed."
                       % (name, len(v), MAX_IDS))
    for i, x in enumerate(v):
        check_id(x, "%s.%d" % (name, i), prefix)
    return v or None


def get_filters(body, fields):
    reject_null(body, "Filters")
    v = body.get("Filters")
    if v is None:
        return None
    if not isinstance(v, list):
        raise ApiError("InvalidParameter", "The parameter `Filters` must be an array.")
    if len(v) > MAX_FILTERS:
        raise ApiError("InvalidParameterValue.LimitExceeded",
                       "At most %d Filters are allowed; got %d." % (MAX_FILTERS, len(v)))
    out = []
    for i, f in enumerate(v):
        where = "Filters.%d" % i
        if not isinstance(f, dict):
            raise ApiError("InvalidParameter", "`%s` must be an object." % where)
        check_known(f, ("Name", "Values"), where + ".")
        name = f.get("Name")
        values = f.get("Values")
        if name is None:
            raise ApiError("MissingParameter",
                           "The request is missing a required parameter `%s.Name`." % where)
        if values is None:
            raise ApiError("MissingParameter",
                           "The request is missing a required parameter `%s.Values`." % where)
        if not isinstance(name, str):
            raise ApiError("InvalidParameter", "`%s.Name` must be a string." % where)
        if not isinstance(values, list) or not all(isinstance(x, str) for x in values):
            raise ApiError("InvalidParameter",
                           "`%s.Values` must be an array of strings." % where)
        if name not in fields:
            raise ApiError("InvalidParameter.FilterInvalidKey",
                           "The filter name `%s` does not exist. Valid names: %s."
                           % (name, ", ".join(fields)))
        if not values:
            raise ApiError("InvalidParameterValue",
                           "`%s.Values` must not be empty." % where)
        if len(values) > MAX_FILTER_VALUES:
            raise ApiError("InvalidParameterValue.LimitExceeded",
                           "`%s.Values` holds %d values; at most %d are allowed."
                           % (where, len(values), MAX_FILTER_VALUES))
        out.append((fields[name], set(values)))
    return out or None


def matches(item, filters):
    for field, values in filters:
        v = item.get(field)
        if v is None or str(v) not in values:
            return False
    return True


# ---------------------------------------------------------------- actions

DESCRIBE_SPECS = {
    "DescribeVpnConnections": dict(
        ids="VpnConnectionIds", prefix="vpnx-", id_field="VpnConnectionId",
        set_name="VpnConnectionSet", items="connections",
        limit_code="InvalidParameterValue.LimitExceeded",
        filters={"vpc-id": "VpcId", "vpn-gateway-id": "VpnGatewayId",
                 "customer-gateway-id": "CustomerGatewayId",
                 "vpn-connection-name": "VpnConnectionName",
                 "vpn-connection-id": "VpnConnectionId"}),
    "DescribeVpnGateways": dict(
        ids="VpnGatewayIds", prefix="vpngw-", id_field="VpnGatewayId",
        set_name="VpnGatewaySet", items="gateways",
        limit_code="InvalidParameterValue.LimitExceeded",
        filters={"vpn-gateway-id": "VpnGatewayId", "vpc-id": "VpcId",
                 "vpn-gateway-name": "VpnGatewayName", "type": "Type",
                 "public-ip-address": "PublicIpAddress",
                 "renew-flag": "RenewFlag", "zone": "Zone"}),
    "DescribeCustomerGateways": dict(
        ids="CustomerGatewayIds", prefix="cgw-", id_field="CustomerGatewayId",
        set_name="CustomerGatewaySet", items="customer_gateways",
        limit_code="InvalidParameterValue.LimitExceeded",
        filters={"customer-gateway-id": "CustomerGatewayId",
                 "customer-gateway-name": "CustomerGatewayName",
                 "ip-address": "IpAddress"}),
}


def action_describe(state, action, body, effect):
    spec = DESCRIBE_SPECS[action]
    check_known(body, (spec["ids"], "Filters", "Offset", "Limit"))
    ids = get_id_list(body, spec["ids"], spec["prefix"])
    filters = get_filters(body, spec["filters"])
    if ids is not None and filters is not None:
        raise ApiError("InvalidParameter.Coexist",
                       "The parameters `%s` and `Filters` cannot be specified at "
                       "the same time." % spec["ids"])
    offset = get_int(body, "Offset", 0, 0, None)
    limit = get_int(body, "Limit", DEFAULT_LIMIT, 1, MAX_LIMIT, spec["limit_code"])
    with state.lock:
        items = list(getattr(state, spec["items"]))
    if ids is not None:
        wanted = set(ids)
        items = [x for x in items if x.get(spec["id_field"]) in wanted]
    elif filters is not None:
        items = [x for x in items if matches(x, filters)]
    return {"TotalCount": len(items),
            spec["set_name"]: items[offset:offset + limit]}


def action_vendors(state, action, body, effect):
    check_known(body, ())
    return {"CustomerGatewayVendorSet": state.vendors}


def connection_for(state, body):
    gw_id = get_string(body, "VpnGatewayId")
    conn_id = get_string(body, "VpnConnectionId")
    check_id(gw_id, "VpnGatewayId", "vpngw-")
    check_id(conn_id, "VpnConnectionId", "vpnx-")
    return gw_id, conn_id


def find_connection(state, gw_id, conn_id):
    conn = state.conn_by_id.get(conn_id)
    if conn is None:
        raise ApiError("ResourceNotFound",
                       "The VPN connection `%s` does not exist." % conn_id)
    if not state.gateway_exists(gw_id):
        raise ApiError("ResourceNotFound",
                       "The VPN gateway `%s` does not exist." % gw_id)
    if conn.get("VpnGatewayId") != gw_id:
        raise ApiError("InvalidParameterValue",
                       "The VPN connection `%s` does not belong to the VPN gateway `%s`."
                       % (conn_id, gw_id))
    return conn


def action_download(state, action, body, effect):
    check_known(body, ("VpnGatewayId", "VpnConnectionId", "CustomerGatewayVendor",
                       "InterfaceName"))
    for name in ("VpnGatewayId", "VpnConnectionId", "CustomerGatewayVendor",
                 "InterfaceName"):
        if body.get(name) is None:
            raise ApiError("MissingParameter",
                           "The request is missing a required parameter `%s`." % name)
    gw_id, conn_id = connection_for(state, body)
    vendor = body["CustomerGatewayVendor"]
    if not isinstance(vendor, dict):
        raise ApiError("InvalidParameter",
                       "The parameter `CustomerGatewayVendor` must be an object.")
    check_known(vendor, ("Platform", "SoftwareVersion", "VendorName"),
                "CustomerGatewayVendor.")
    for k in ("Platform", "SoftwareVersion", "VendorName"):
        if k not in vendor or vendor[k] is None:
            raise ApiError("MissingParameter",
                           "The request is missing a required parameter "
                           "`CustomerGatewayVendor.%s`." % k)
        if not isinstance(vendor[k], str):
            raise ApiError("InvalidParameter",
                           "`CustomerGatewayVendor.%s` must be a string." % k)
    iface = get_string(body, "InterfaceName")
    if iface == "":
        raise ApiError("InvalidParameterValue.Empty",
                       "The parameter `InterfaceName` must not be empty.")
    find_connection(state, gw_id, conn_id)
    key = {k: vendor[k] for k in ("Platform", "SoftwareVersion", "VendorName")}
    if key not in [{k: v[k] for k in key} for v in state.vendors]:
        raise ApiError("InvalidParameterValue",
                       "The customer gateway vendor %s/%s/%s is not supported."
                       % (vendor["VendorName"], vendor["Platform"],
                          vendor["SoftwareVersion"]))
    fname = "%s-%s-%s.txt" % (vendor["VendorName"], vendor["Platform"],
                              vendor["SoftwareVersion"])
    path = os.path.join(state.downloads, fname)
    if "/" in fname or fname.startswith(".") or not os.path.isfile(path):
        raise ApiError("ResourceNotFound",
                       "No configuration template for this vendor "
                       "(mock: fixture downloads/%s is missing)." % fname)
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    effect["download"] = fname
    return {"CustomerGatewayConfiguration": text}


def action_reset(state, action, body, effect):
    check_known(body, ("VpnGatewayId", "VpnConnectionId"))
    gw_id, conn_id = connection_for(state, body)
    conn = find_connection(state, gw_id, conn_id)
    if conn.get("State", "AVAILABLE") != "AVAILABLE":
        raise ApiError("UnsupportedOperation.VpnConnInvalidState",
                       "Operation failed: The tunnel is not available now.")
    with state.lock:
        state.resets.append(conn_id)
    effect["reset"] = {"VpnGatewayId": gw_id, "VpnConnectionId": conn_id}
    return {}


NON_PUBLIC = [ipaddress.ip_network(n) for n in (
    "0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4")]


def action_create_cgw(state, action, body, effect):
    check_known(body, ("CustomerGatewayName", "IpAddress", "Tags", "BgpAsn"))
    name = get_string(body, "CustomerGatewayName")
    ip = get_string(body, "IpAddress")
    if name == "":
        raise ApiError("InvalidParameterValue.Empty",
                       "The parameter `CustomerGatewayName` must not be empty.")
    if len(name) > 60:
        raise ApiError("InvalidParameterValue.TooLong",
                       "The parameter `CustomerGatewayName` is longer than 60 characters.")
    try:
        addr = ipaddress.IPv4Address(ip)
    except ValueError:
        raise ApiError("InvalidParameterValue.Malformed",
                       "The value `%s` of parameter `IpAddress` is not an IPv4 address."
                       % ip)
    if any(addr in n for n in NON_PUBLIC):
        raise ApiError("InvalidParameterValue",
                       "The value `%s` of parameter `IpAddress` is not a public "
                       "IPv4 address." % ip)
    asn = None
    if "BgpAsn" in body:
        asn = get_int(body, "BgpAsn", None, 1, 4294967295)
        if asn in (139341, 45090, 58835):
            raise ApiError("InvalidParameterValue",
                           "The BgpAsn `%d` is reserved." % asn)
    reject_null(body, "Tags")
    tags = body.get("Tags", [])
    if not isinstance(tags, list):
        raise ApiError("InvalidParameter", "The parameter `Tags` must be an array.")
    keys = set()
    for i, t in enumerate(tags):
        if not isinstance(t, dict):
            raise ApiError("InvalidParameter", "`Tags.%d` must be an object." % i)
        check_known(t, ("Key", "Value"), "Tags.%d." % i)
        if not isinstance(t.get("Key"), str) or not t["Key"]:
            raise ApiError("InvalidParameterValue.TagInvalidKey",
                           "`Tags.%d.Key` must be a non-empty string." % i)
        if not isinstance(t.get("Value", ""), str):
            raise ApiError("InvalidParameterValue.TagInvalidVal",
                           "`Tags.%d.Value` must be a string." % i)
        if t["Key"] in keys:
            raise ApiError("InvalidParameterValue.TagDuplicateKey",
                           "The tag key `%s` is duplicated." % t["Key"])
        keys.add(t["Key"])
    alnum = string.ascii_lowercase + string.digits
    with state.lock:
        if any(c.get("IpAddress") == ip for c in state.customer_gateways):
            raise ApiError("InvalidParameterValue.Duplicate",
                           "A customer gateway with the address `%s` already exists."
                           % ip)
        existing = {c["CustomerGatewayId"] for c in state.customer_gateways}
        while True:
            cgw_id = "cgw-" + "".join(state.rng.choice(alnum) for _ in range(8))
            if cgw_id not in existing:
                break
        now = datetime.datetime.fromtimestamp(state.clock(), BEIJING)
        cgw = {"CustomerGatewayId": cgw_id, "CustomerGatewayName": name,
               "IpAddress": ip, "CreatedTime": now.strftime("%Y-%m-%d %H:%M:%S"),
               "BgpAsn": asn or 0}
        state.customer_gateways.append(cgw)
        state.tags[cgw_id] = tags
    effect["created"] = dict(cgw, Tags=tags)
    out = {k: cgw[k] for k in ("CustomerGatewayId", "CustomerGatewayName",
                                "IpAddress", "CreatedTime")}
    if asn is not None:
        out["BgpAsn"] = asn
    return {"CustomerGateway": out}


HANDLERS = {
    "DescribeVpnConnections": action_describe,
    "DescribeVpnGateways": action_describe,
    "DescribeCustomerGateways": action_describe,
    "DescribeCustomerGatewayVendors": action_vendors,
    "DownloadCustomerGatewayConfiguration": action_download,
    "ResetVpnConnection": action_reset,
    "CreateCustomerGateway": action_create_cgw,
}


# ---------------------------------------------------------------- failures

class FailSpec:
    def __init__(self, text):
        parts = text.split(":")
        if len(parts) not in (2, 3) or not parts[0]:
            raise argparse.ArgumentTypeError(
                "--fail %s: expected ACTION:KIND[:COUNT]" % text)
        self.action, self.kind = parts[0], parts[1]
        if self.kind not in FAIL_KINDS:
            raise argparse.ArgumentTypeError(
                "--fail %s: unknown kind %s (one of %s)"
                % (text, self.kind, ", ".join(FAIL_KINDS)))
        count = parts[2] if len(parts) == 3 else "1"
        if count == "always":
            self.remaining = -1
        elif count.isdigit() and int(count) > 0:
            self.remaining = int(count)
        else:
            raise argparse.ArgumentTypeError(
                "--fail %s: COUNT must be a positive integer or 'always'" % text)

    def __repr__(self):
        return "%s:%s:%s" % (self.action, self.kind, self.remaining)


# ---------------------------------------------------------------- server

class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, cfg, state):
        self.cfg = cfg
        self.state = state
        self.stopping = threading.Event()
        self.seq_lock = threading.Lock()
        self.seq = 0
        self.fail_lock = threading.Lock()
        self.fails = list(cfg.fail)
        self.log_lock = threading.Lock()
        self.log_file = open(cfg.log, "a", encoding="utf-8")
        self.ssl_ctx = None
        if cfg.tls_cert:
            self.ssl_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.ssl_ctx.load_cert_chain(cfg.tls_cert, cfg.tls_key)
        super().__init__(("127.0.0.1", 0), Handler)
        self.port = self.server_address[1]

    def clock(self):
        return time.time() + self.cfg.clock_skew

    def next_seq(self):
        with self.seq_lock:
            self.seq += 1
            return self.seq

    def take_failure(self, action):
        """The kind of the first --fail spec (in command-line order) that
        matches the action and has failures left; only that spec counts the
        request.  So specs for one action run one after the other, and a "*"
        spec catches requests that no earlier spec failed."""
        with self.fail_lock:
            for f in self.fails:
                if f.remaining != 0 and f.action in ("*", action):
                    if f.remaining > 0:
                        f.remaining -= 1
                    return f.kind
        return None

    def write_log(self, entry):
        line = json.dumps(entry, separators=(",", ":")) + "\n"
        with self.log_lock:
            self.log_file.write(line)
            self.log_file.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body are two writes: without TCP_NODELAY the body waits
    # for the client's delayed ACK (40 ms on Linux), which real API
    # servers do not make clients wait, and the benchmark would measure.
    disable_nagle_algorithm = True
    server_version = "mock-tencent/1"
    sys_version = ""

    def setup(self):
        if self.server.ssl_ctx is not None:
            self.request.settimeout(30)
            self.request = self.server.ssl_ctx.wrap_socket(self.request,
                                                           server_side=True)
            self.request.settimeout(None)
        super().setup()

    def finish(self):
        try:
            super().finish()
        finally:
            if self.server.ssl_ctx is not None:
                try:
                    self.connection.close()
                except OSError:
                    pass

    def version_string(self):
        return self.server_version

    def log_message(self, fmt, *args):
        if self.server.cfg.verbose:
            super().log_message(fmt, *args)

    def send_error(self, code, message=None, explain=None):
        # Malformed HTTP (bad request line, oversized headers...): log it too.
        self.server.write_log({
            "seq": self.server.next_seq(), "time": round(time.time(), 3),
            "action": None, "region": None, "client": self.client_text(),
            "method": getattr(self, "command", None), "path": getattr(self, "path", None),
            "headers": {}, "body": None, "body_is_json": False, "verified": False,
            "error": "HTTP%d" % code, "status": code, "request_id": None,
            "injected": None, "detail": message})
        super().send_error(code, message, explain)

    def client_text(self):
        try:
            return "%s:%d" % self.client_address[:2]
        except (TypeError, ValueError):
            return None

    def do_POST(self):
        self.handle_api()

    do_GET = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    # ---- request reading

    def read_body(self):
        te = self.headers.get("Transfer-Encoding")
        if te is not None:
            if te.strip().lower() != "chunked":
                raise BodyError("unsupported Transfer-Encoding %s" % te)
            chunks = []
            total = 0
            while True:
                line = self.rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip(), 16)
                except ValueError:
                    raise BodyError("bad chunk size line")
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > MAX_BODY:
                    raise BodyError("body too large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
        cl = self.headers.get_all("Content-Length") or []
        if not cl:
            return b""
        if len(cl) > 1 or not cl[0].strip().isdigit():
            raise BodyError("bad Content-Length")
        n = int(cl[0])
        if n > MAX_BODY:
            raise BodyError("body too large")
        data = self.rfile.read(n)
        if len(data) != n:
            raise BodyError("body shorter than Content-Length")
        return data

    def log_headers(self):
        out = {}
        for k, v in self.headers.items():
            if k.lower() == "authorization":
                v = redact_authorization(v)
            if k in out:
                if not isinstance(out[k], list):
                    out[k] = [out[k]]
                out[k].append(v)
            else:
                out[k] = v
        return out

    def one_header(self, name):
        values = self.headers.get_all(name) or []
        if len(values) > 1:
            raise ApiError("InvalidParameter",
                           "The header `%s` is given %d times. (mock)"
                           % (name, len(values)))
        return values[0].strip() if values else None

    # ---- verification

    def verify(self, payload, detail):
        """Raise ApiError unless the request is a correctly signed TC3 request."""
        cfg = self.server.cfg
        if self.command != "POST":
            raise ApiError("UnsupportedProtocol",
                           "The mock accepts POST only, not %s." % self.command)
        if self.path != "/":
            raise ApiError("InvalidParameter",
                           "The request path must be `/`, not `%s`. (mock)" % self.path)
        auth = self.one_header("Authorization")
        if auth is None:
            raise ApiError("AuthFailure.InvalidAuthorization",
                           "The `Authorization` header is missing.")
        m = AUTH_RE.fullmatch(auth)
        if not m:
            raise ApiError("AuthFailure.InvalidAuthorization",
                           "The `Authorization` header is invalid; expected "
                           "`TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, "
                           "SignedHeaders=..., Signature=HEX`.")
        secret_id, date, service, signed_headers, signature = m.groups()
        if signed_headers not in SIGNED_HEADER_SETS:
            raise ApiError("AuthFailure.InvalidAuthorization",
                           "SignedHeaders `%s` is not accepted; the mock accepts %s."
                           % (signed_headers, " or ".join(SIGNED_HEADER_SETS)))
        action = self.one_header("X-TC-Action")
        version = self.one_header("X-TC-Version")
        timestamp = self.one_header("X-TC-Timestamp")
        for name, value in (("X-TC-Action", action), ("X-TC-Version", version),
                            ("X-TC-Timestamp", timestamp)):
            if value is None:
                raise ApiError("MissingParameter",
                               "The request is missing a required parameter `%s`."
                               % name.replace("X-TC-", ""))
        if not TIMESTAMP_RE.fullmatch(timestamp):
            raise ApiError("InvalidParameter",
                           "The `X-TC-Timestamp` value `%s` is not unix seconds."
                           % timestamp)
        content_type = self.one_header("Content-Type")
        if content_type != CONTENT_TYPE:
            raise ApiError("InvalidParameter",
                           "The Content-Type must be exactly `%s`, not `%s`. (mock)"
                           % (CONTENT_TYPE, content_type))
        host = self.one_header("Host")
        allowed_hosts = ("127.0.0.1:%d" % self.server.port,
                         "localhost:%d" % self.server.port)
        if host not in allowed_hosts:
            raise ApiError("InvalidParameter",
                           "The Host header `%s` does not name this server (%s). (mock)"
                           % (host, allowed_hosts[0]))
        if secret_id != cfg.secret_id:
            raise ApiError("AuthFailure.SecretIdNotFound",
                           "The SecretId is not found, please ensure that your "
                           "SecretId is correct.")
        ts = int(timestamp)
        ts_date = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc)
        if date != ts_date.strftime("%Y-%m-%d"):
            raise ApiError("AuthFailure.SignatureFailure",
                           "The provided credentials could not be validated. "
                           "(mock: the credential date %s is not the UTC date of "
                           "X-TC-Timestamp %s)" % (date, timestamp))
        if service != cfg.service:
            raise ApiError("AuthFailure.SignatureFailure",
                           "The provided credentials could not be validated. "
                           "(mock: the credential scope's service is `%s`, not `%s`)"
                           % (service, cfg.service))
        now = self.server.clock()
        if abs(now - ts) > cfg.max_skew:
            raise ApiError("AuthFailure.SignatureExpire",
                           "Signature expired. Timestamp is %d, server time is %d, "
                           "the allowed skew is %d seconds." % (ts, int(now), cfg.max_skew))
        canon = canonical_request(content_type, host, action, signed_headers, payload)
        expected, string_to_sign = tc3_sign(cfg.secret_key, date, service,
                                            timestamp, canon)
        if not hmac.compare_digest(expected, signature):
            detail["canonical_request"] = canon
            detail["string_to_sign"] = string_to_sign
            raise ApiError("AuthFailure.SignatureFailure",
                           "The provided credentials could not be validated. Please "
                           "check your signature is correct.")
        token = self.one_header("X-TC-Token")
        if cfg.token is not None and token != cfg.token:
            raise ApiError("AuthFailure.TokenFailure",
                           "Token verification failed: %s." %
                           ("the X-TC-Token header is missing" if token is None
                            else "the token is invalid"))
        if cfg.token is None and token is not None:
            raise ApiError("AuthFailure.TokenFailure",
                           "Token verification failed: an X-TC-Token was sent but "
                           "these credentials are not temporary. (mock)")

    def process(self, payload, effect):
        """Dispatch a verified request; return the Response members."""
        action = self.headers.get("X-TC-Action").strip()
        if action not in HANDLERS:
            raise ApiError("InvalidAction",
                           "The action `%s` does not exist (mock implements %s)."
                           % (action, ", ".join(ACTIONS)))
        version = self.headers.get("X-TC-Version").strip()
        if version != API_VERSION:
            raise ApiError("NoSuchVersion",
                           "The API version `%s` does not exist; use %s."
                           % (version, API_VERSION))
        region = self.one_header("X-TC-Region")
        if region is None:
            if action not in REGIONLESS_ACTIONS:
                raise ApiError("MissingParameter",
                               "The request is missing a required parameter `Region`.")
        elif not REGION_RE.fullmatch(region):
            raise ApiError("UnsupportedRegion",
                           "The region `%s` is not supported." % region)
        try:
            body = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise ApiError("InvalidParameter",
                           "The request body is not valid JSON.")
        if not isinstance(body, dict):
            raise ApiError("InvalidParameter",
                           "The request body must be a JSON object.")
        return HANDLERS[action](self.server.state, action, body, effect)

    # ---- answering

    def send_bytes(self, status, ctype, data, length=None, close=False):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)
        self.wfile.flush()

    def handle_api(self):
        srv = self.server
        cfg = srv.cfg
        t0 = time.time()
        entry = {"seq": srv.next_seq(), "time": round(t0, 3),
                 "action": self.headers.get("X-TC-Action"),
                 "region": self.headers.get("X-TC-Region"),
                 "client": self.client_text(), "method": self.command,
                 "path": self.path, "headers": self.log_headers(),
                 "body": None, "body_is_json": False, "verified": False,
                 "error": None, "status": None, "request_id": str(uuid.uuid4()),
                 "injected": None}
        detail = {}
        effect = {}
        close = False
        err = None
        result = None
        try:
            payload = self.read_body()
        except BodyError as e:
            payload = b""
            err = ApiError("RequestSizeLimitExceeded" if "large" in str(e)
                           else "InvalidParameter",
                           "The request body could not be read: %s. (mock)" % e)
            close = True
        try:
            entry["body"] = json.loads(payload.decode("utf-8"))
            entry["body_is_json"] = True
        except (UnicodeDecodeError, ValueError):
            entry["body"] = payload.decode("utf-8", "replace")
        if err is None:
            try:
                self.verify(payload, detail)
                entry["verified"] = True
            except ApiError as e:
                err = e
        kind = srv.take_failure(entry["action"])
        entry["injected"] = kind
        if cfg.latency_ms:
            srv.stopping.wait(cfg.latency_ms / 1000.0)
        if kind == "slow":
            srv.stopping.wait(cfg.slow_seconds)
        code = FAIL_KINDS[kind][0] if kind else None
        if code:
            err = ApiError(code, FAIL_KINDS[kind][1])
        if err is None and kind not in ("500", "503", "badjson"):
            try:
                result = self.process(payload, effect)
            except ApiError as e:
                err = e
            except Exception:
                traceback.print_exc()
                err = ApiError("InternalError", "The mock failed: see its stderr.")
        try:
            if kind in ("500", "503"):
                status = int(kind)
                text = {500: b"500 Internal Server Error\n",
                        503: b"503 Service Temporarily Unavailable\n"}[status]
                entry["error"] = "injected:" + kind
                entry["status"] = status
                self.send_bytes(status, "text/plain", text)
            elif kind == "badjson":
                entry["error"] = "injected:badjson"
                entry["status"] = 200
                bad = ('{"Response": {"RequestId": "%s", "TotalCount": 1,, '
                       '"VpnConnectionSet": [' % entry["request_id"]).encode()
                self.send_bytes(200, CONTENT_TYPE, bad)
            else:
                if err is not None:
                    response = {"Error": {"Code": err.code, "Message": err.message}}
                    entry["error"] = err.code
                else:
                    response = dict(result)
                response["RequestId"] = entry["request_id"]
                data = json.dumps({"Response": response}, ensure_ascii=False,
                                  separators=(",", ":")).encode("utf-8")
                entry["status"] = 200
                if kind == "truncated":
                    entry["error"] = "injected:truncated"
                    self.send_bytes(200, CONTENT_TYPE, data[:len(data) // 2],
                                    length=len(data), close=True)
                else:
                    self.send_bytes(200, CONTENT_TYPE, data, close=close)
        except OSError as e:
            entry["write_error"] = "%s: %s" % (type(e).__name__, e)
            self.close_connection = True
        if detail:
            entry["detail"] = detail
        if effect:
            entry["effect"] = effect
        entry["duration_ms"] = int((time.time() - t0) * 1000)
        srv.write_log(entry)


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Mock of Tencent Cloud's VPC API 2017-03-12 for cgwgen's tests.")
    p.add_argument("--fixtures", required=True, metavar="DIR",
                   help="fixture directory (vpn_connections.json, ...)")
    p.add_argument("--port-file", required=True, metavar="FILE",
                   help="write the listening port here once listening")
    p.add_argument("--log", required=True, metavar="FILE",
                   help="append one JSON line per request")
    p.add_argument("--secret-id", default=DEFAULT_SECRET_ID)
    p.add_argument("--secret-key", default=DEFAULT_SECRET_KEY)
    p.add_argument("--token", default=None,
                   help="require X-TC-Token equal to this (temporary credentials)")
    p.add_argument("--service", default="vpc",
                   help="service required in the credential scope (default vpc)")
    p.add_argument("--latency-ms", type=int, default=0, metavar="N",
                   help="sleep N ms before answering each request")
    p.add_argument("--fail", type=FailSpec, action="append", default=[],
                   metavar="ACTION:KIND[:COUNT]",
                   help="inject failures; KIND: " + ", ".join(FAIL_KINDS))
    p.add_argument("--slow-seconds", type=float, default=30.0,
                   help="how long the 'slow' failure sleeps (default 30)")
    p.add_argument("--clock-skew", type=float, default=0.0, metavar="SECONDS",
                   help="pretend the server clock is SECONDS ahead")
    p.add_argument("--max-skew", type=int, default=300,
                   help="allowed |timestamp - server clock| (default 300)")
    p.add_argument("--seed", type=int, default=None,
                   help="seed for generated ids (CreateCustomerGateway)")
    p.add_argument("--tls-cert", default=None, metavar="PEM")
    p.add_argument("--tls-key", default=None, metavar="PEM")
    p.add_argument("--verbose", action="store_true",
                   help="log each request to stderr as http.server does")
    args = p.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        p.error("--tls-cert and --tls-key go together")
    if args.latency_ms < 0:
        p.error("--latency-ms must not be negative")
    return args


def main(argv=None):
    cfg = parse_args(sys.argv[1:] if argv is None else argv)
    rng = random.Random(cfg.seed) if cfg.seed is not None else random.SystemRandom()
    state = State(cfg.fixtures, rng)
    server = Server(cfg, state)
    state.clock = server.clock

    def stop(signum, frame):
        server.stopping.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    tmp = "%s.tmp.%d" % (cfg.port_file, os.getpid())
    with open(tmp, "w") as f:
        f.write("%d\n" % server.port)
    os.replace(tmp, cfg.port_file)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        server.log_file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
