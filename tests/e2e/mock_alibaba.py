#!/usr/bin/env python3
"""A mock of Alibaba Cloud's VPC API (RPC style, version 2016-04-28) for
cgwgen's tests.

It checks every request as the client contract says (RPC signature V2 =
SignatureVersion 1.0 HMAC-SHA1 over the query and form parameters, or V3
ACS3-HMAC-SHA256 over the canonical request; timestamp window, nonce reuse,
access key, token, action, version, region, parameters), serves VPN
connections, VPN gateways and customer gateways per region from a fixture
directory, derives DownloadVpnConnectionConfig from the same connections,
answers JSON or XML as asked, can inject failures, and appends one JSON line
per request to a log.

Written from Alibaba's documentation (/work/shared/seeds/004_*.txt and
cloud-apis.md section 2), not from cgwgen's C code.  Python 3.7+ standard
library only.  See tests/e2e/README.md, section "Alibaba mock".
"""

import argparse
import datetime
import hashlib
import hmac
import json
import os
import random
import re
import signal
import ssl
import sys
import threading
import time
import traceback
import urllib.parse
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acs_sign  # noqa: E402  (the signer beside this file)

API_VERSION = "2016-04-28"
DEFAULT_ACCESS_KEY_ID = "LTAI5tMockMockMockMock01"
DEFAULT_ACCESS_KEY_SECRET = "mock-alibaba-secret-0123456789abcdef"
MAX_BODY = 10 * 1024 * 1024
DEFAULT_PAGE_SIZE = 10
MAX_PAGE_SIZE = 50
MAX_TAGS = 20
JSON_TYPE = "application/json;charset=utf-8"
XML_TYPE = "text/xml;charset=utf-8"
FORM_TYPE = "application/x-www-form-urlencoded"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'

V3_AUTH_RE = re.compile(r"ACS3-HMAC-SHA256 Credential=([^,\s]+),"
                        r"SignedHeaders=([^,\s]+),Signature=([0-9A-Fa-f]{64})")
TIMESTAMP_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
REGION_RE = re.compile(r"[a-z]+(-[a-z0-9]+)+")
INT_RE = re.compile(r"[0-9]{1,9}")
TAG_RE = re.compile(r"Tag\.([0-9]+)\.(Key|Value)")
HEADER_NAME_RE = re.compile(r"[a-z0-9-]+")

V2_COMMON = ("Action", "Version", "Format", "AccessKeyId", "SignatureMethod",
             "SignatureVersion", "SignatureNonce", "Timestamp", "Signature",
             "SecurityToken")
V2_REQUIRED = ("AccessKeyId", "Action", "Version", "SignatureMethod",
               "SignatureVersion", "SignatureNonce", "Timestamp", "Signature")
V3_REQUIRED_HEADERS = ("host", "x-acs-action", "x-acs-version", "x-acs-date",
                       "x-acs-signature-nonce", "x-acs-content-sha256")
OWNER_PARAMS = ("OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount")

FAIL_KINDS = {
    # kind: (HTTP status, Alibaba error code, message) or None
    "throttle": (400, "Throttling.User", "Request was denied due to user flow control."),
    "throttle-api": (400, "Throttling.Api", "Request was denied due to api flow control."),
    "autherr": (404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
    "500": (500, "InternalError", "The request processing has failed due to some "
            "unknown error, exception or failure."),
    "503": (503, "ServiceUnavailable", "The request has failed due to a temporary "
            "failure of the server."),
    "slow": None,
    "truncated": None,
    "badjson": None,
    "badxml": None,
}


class ApiError(Exception):
    """An Alibaba error answer: HTTP status, Code, Message."""

    def __init__(self, status, code, message):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message


class BodyError(Exception):
    pass


def missing(name):
    return ApiError(400, "MissingParameter",
                    'The input parameter "%s" that is mandatory for processing this '
                    'request is not supplied.' % name)


def invalid(name, why=""):
    return ApiError(400, "InvalidParameter",
                    'The specified parameter "%s" is not valid%s.'
                    % (name, (": " + why) if why else ""))


def incomplete(why):
    return ApiError(400, "IncompleteSignature",
                    "The request signature does not conform to Aliyun standards. "
                    "(mock: %s)" % why)


def not_found(kind, value):
    codes = {
        "connection": ("InvalidVpnConnectionInstanceId.NotFound",
                       "The specified vpn connection instance id does not exist."),
        "gateway": ("InvalidVpnGatewayInstanceId.NotFound",
                    "The specified vpn gateway instance id does not exist."),
        "customer": ("InvalidCustomerGatewayInstanceId.NotFound",
                     "The specified customer gateway instance id does not exist."),
    }
    code, message = codes[kind]
    return ApiError(404, code, message)


def host_id(region):
    """The endpoint name Alibaba puts in HostId (AL-vpc endpoint rule)."""
    if region is None or region == "cn-hangzhou" or not REGION_RE.fullmatch(region):
        return "vpc.aliyuncs.com"
    return "vpc.%s.aliyuncs.com" % region


# ---------------------------------------------------------------- fixtures

def load_array(path, id_field):
    if not os.path.exists(path):
        return []
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        raise SystemExit("mock_alibaba: %s: %s" % (path, e))
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        raise SystemExit("mock_alibaba: %s: not a JSON array of objects" % path)
    seen = set()
    for i, x in enumerate(data):
        v = x.get(id_field)
        if not isinstance(v, str) or not v:
            raise SystemExit("mock_alibaba: %s: element %d has no %s" % (path, i, id_field))
        if v in seen:
            raise SystemExit("mock_alibaba: %s: duplicate %s %s" % (path, id_field, v))
        seen.add(v)
    return data


def tunnels_of(conn):
    spec = conn.get("TunnelOptionsSpecification")
    if isinstance(spec, dict) and isinstance(spec.get("TunnelOptions"), list):
        return spec["TunnelOptions"]
    return []


class Region:
    def __init__(self, name, directory):
        self.name = name
        self.connections = load_array(os.path.join(directory, "vpn_connections.json"),
                                      "VpnConnectionId")
        self.gateways = load_array(os.path.join(directory, "vpn_gateways.json"),
                                   "VpnGatewayId")
        self.customer_gateways = load_array(
            os.path.join(directory, "customer_gateways.json"), "CustomerGatewayId")
        self.conn_by_id = {c["VpnConnectionId"]: c for c in self.connections}
        self.gw_by_id = {g["VpnGatewayId"]: g for g in self.gateways}
        self.cgw_by_id = {c["CustomerGatewayId"]: c for c in self.customer_gateways}
        where = "mock_alibaba: %s/vpn_connections.json" % directory
        for c in self.connections:
            cid = c["VpnConnectionId"]
            if c.get("VpnGatewayId") not in self.gw_by_id:
                raise SystemExit("%s: %s: VpnGatewayId %s is not in vpn_gateways.json"
                                 % (where, cid, c.get("VpnGatewayId")))
            cgws = [c.get("CustomerGatewayId")] + [t.get("CustomerGatewayId")
                                                   for t in tunnels_of(c)]
            for g in cgws:
                if g and g not in self.cgw_by_id:
                    raise SystemExit("%s: %s: CustomerGatewayId %s is not in "
                                     "customer_gateways.json" % (where, cid, g))
            if not tunnels_of(c) and not c.get("CustomerGatewayId"):
                raise SystemExit("%s: %s: neither a CustomerGatewayId nor tunnels"
                                 % (where, cid))


class State:
    def __init__(self, directory):
        if not os.path.isdir(directory):
            raise SystemExit("mock_alibaba: %s: not a directory" % directory)
        self.regions = {}
        for name in sorted(os.listdir(directory)):
            sub = os.path.join(directory, name)
            if os.path.isdir(sub) and not name.startswith("."):
                if not REGION_RE.fullmatch(name):
                    raise SystemExit("mock_alibaba: %s: not a region id" % sub)
                self.regions[name] = Region(name, sub)
        self.empty = Region("(none)", os.path.join(directory, ".does-not-exist"))
        self.nonce_lock = threading.Lock()
        self.nonces = set()

    def region(self, name):
        return self.regions.get(name, self.empty)

    def use_nonce(self, nonce):
        """True the first time a nonce is seen, False after."""
        with self.nonce_lock:
            if nonce in self.nonces:
                return False
            self.nonces.add(nonce)
            return True


# ---------------------------------------------------------------- parameters

def required(params, name):
    v = params.get(name)
    if v is None or v == "":
        raise missing(name)
    return v


def get_int(params, name, default, low, high):
    v = params.get(name)
    if v is None or v == "":
        return default
    if not INT_RE.fullmatch(v):
        raise invalid(name, "not an integer")
    n = int(v)
    if n < low or (high is not None and n > high):
        raise invalid(name, "%d is out of range %d-%s" % (n, low, high or "")
                      if high else "%d is below %d" % (n, low))
    return n


def get_tags(params):
    """Tag.N.Key / Tag.N.Value (N 1-20) as a list of (key, value or None)."""
    tags = {}
    for k, v in params.items():
        m = TAG_RE.fullmatch(k)
        if m:
            n = int(m.group(1))
            if not 1 <= n <= MAX_TAGS or m.group(1).startswith("0"):
                raise invalid(k, "N must be 1 to %d" % MAX_TAGS)
            tags.setdefault(n, {})[m.group(2)] = v
    out = []
    for n in sorted(tags):
        key = tags[n].get("Key")
        if not key:
            raise invalid("Tag.%d.Key" % n, "a tag needs a non-empty Key")
        out.append((key, tags[n].get("Value")))
    return out


def has_tags(obj, wanted):
    have = obj.get("Tags", {}).get("Tag", []) if isinstance(obj.get("Tags"), dict) else []
    for key, value in wanted:
        if not any(t.get("Key") == key and (value is None or t.get("Value") == value)
                   for t in have):
            return False
    return True


# ---------------------------------------------------------------- actions

def with_request_id(rid, obj):
    out = {"RequestId": rid}
    out.update((k, v) for k, v in obj.items() if k != "RequestId")
    return out


def list_form(conn):
    """A DescribeVpnConnections element: DescribeVpnConnection's members
    without ZoneNo, with Tag instead of Tags (AL-vpc, cloud-apis.md 2.7)."""
    out = {}
    for k, v in conn.items():
        if k == "ZoneNo" or k == "RequestId":
            continue
        out["Tag" if k == "Tags" else k] = v
    return out


def action_describe_connection(region, params, rid):
    cid = required(params, "VpnConnectionId")
    conn = region.conn_by_id.get(cid)
    if conn is None:
        raise not_found("connection", cid)
    return with_request_id(rid, conn)


def action_describe_connections(region, params, rid):
    number = get_int(params, "PageNumber", 1, 1, None)
    size = get_int(params, "PageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    tags = get_tags(params)
    items = region.connections
    gw = params.get("VpnGatewayId")
    if gw:
        items = [c for c in items if c.get("VpnGatewayId") == gw]
    cgw = params.get("CustomerGatewayId")
    if cgw:
        items = [c for c in items if c.get("CustomerGatewayId") == cgw
                 or any(t.get("CustomerGatewayId") == cgw for t in tunnels_of(c))]
    cid = params.get("VpnConnectionId")
    if cid:
        items = [c for c in items if c["VpnConnectionId"] == cid]
    rg = params.get("ResourceGroupId")
    if rg:
        items = [c for c in items if c.get("ResourceGroupId") == rg]
    if tags:
        items = [c for c in items if has_tags(c, tags)]
    start = (number - 1) * size
    page = items[start:start + size]
    return {"PageNumber": number, "PageSize": size, "TotalCount": len(items),
            "RequestId": rid,
            "VpnConnections": {"VpnConnection": [list_form(c) for c in page]}}


def action_describe_gateway(region, params, rid):
    gid = required(params, "VpnGatewayId")
    inc = params.get("IncludeReservationData")
    if inc is not None and inc.lower() not in ("true", "false"):
        raise invalid("IncludeReservationData", "true or false")
    gw = region.gw_by_id.get(gid)
    if gw is None:
        raise not_found("gateway", gid)
    return with_request_id(rid, gw)


def action_describe_customer_gateway(region, params, rid):
    gid = required(params, "CustomerGatewayId")
    cgw = region.cgw_by_id.get(gid)
    if cgw is None:
        raise not_found("customer", gid)
    return with_request_id(rid, cgw)


IKE_KEYS = ("IkeAuthAlg", "IkeEncAlg", "IkeLifetime", "IkeMode", "IkePfs",
            "IkeVersion", "LocalId", "RemoteId", "Psk")
IPSEC_KEYS = ("IpsecAuthAlg", "IpsecEncAlg", "IpsecLifetime", "IpsecPfs")


def as_number(v):
    if isinstance(v, str) and INT_RE.fullmatch(v):
        return int(v)
    return v


def customer_ike(ike):
    """An IkeConfig from the customer's side: LocalId and RemoteId swapped,
    the lifetime a number (cloud-apis.md 2.8)."""
    out = {}
    for k in IKE_KEYS:
        src = {"LocalId": "RemoteId", "RemoteId": "LocalId"}.get(k, k)
        if src in ike:
            out[k] = as_number(ike[src]) if k == "IkeLifetime" else ike[src]
    return out


def customer_ipsec(ipsec):
    return {k: (as_number(ipsec[k]) if k == "IpsecLifetime" else ipsec[k])
            for k in IPSEC_KEYS if k in ipsec}


def customer_bgp(tunnel_id, bgp):
    """A BgpConfigs element: Local* = the customer, Peer* = the cloud; AS
    numbers as strings (AL-vpc model)."""
    def s(v):
        return "" if v is None else str(v)
    return {"TunnelId": tunnel_id, "TunnelCidr": s(bgp.get("TunnelCidr")),
            "LocalBgpIp": s(bgp.get("PeerBgpIp")), "LocalAsn": s(bgp.get("PeerAsn")),
            "PeerBgpIp": s(bgp.get("LocalBgpIp")), "PeerAsn": s(bgp.get("LocalAsn"))}


def truthy(v):
    return v is True or (isinstance(v, str) and v.lower() == "true")


def action_download(region, params, rid):
    cid = required(params, "VpnConnectionId")
    conn = region.conn_by_id.get(cid)
    if conn is None:
        raise not_found("connection", cid)
    cfg = {}
    tunnels = tunnels_of(conn)
    if not tunnels:
        cgw = region.cgw_by_id.get(conn.get("CustomerGatewayId"), {})
        remote = conn.get("InternetIp") or region.gw_by_id[conn["VpnGatewayId"]].get(
            "InternetIp", "")
        cfg["Local"] = cgw.get("IpAddress", "")
        cfg["Remote"] = remote
    cfg["LocalSubnet"] = conn.get("RemoteSubnet", "")
    cfg["RemoteSubnet"] = conn.get("LocalSubnet", "")
    if isinstance(conn.get("IkeConfig"), dict):
        cfg["IkeConfig"] = customer_ike(conn["IkeConfig"])
    if isinstance(conn.get("IpsecConfig"), dict):
        cfg["IpsecConfig"] = customer_ipsec(conn["IpsecConfig"])
    tcfg = []
    bgps = []
    for t in tunnels:
        cgw = region.cgw_by_id.get(t.get("CustomerGatewayId"), {})
        one = {"TunnelId": t.get("TunnelId", ""), "Local": cgw.get("IpAddress", ""),
               "Remote": t.get("InternetIp", "")}
        if isinstance(t.get("TunnelIkeConfig"), dict):
            one["IkeConfig"] = customer_ike(t["TunnelIkeConfig"])
        if isinstance(t.get("TunnelIpsecConfig"), dict):
            one["IpsecConfig"] = customer_ipsec(t["TunnelIpsecConfig"])
        tcfg.append(one)
        if truthy(conn.get("EnableTunnelsBgp")) and isinstance(t.get("TunnelBgpConfig"), dict):
            bgps.append(customer_bgp(t.get("TunnelId", ""), t["TunnelBgpConfig"]))
    if not tunnels:
        bgp = conn.get("VpnBgpConfig")
        if isinstance(bgp, dict) and truthy(bgp.get("EnableBgp")):
            bgps.append(customer_bgp("", bgp))
    cfg["TunnelsConfig"] = {"TunnelConfig": tcfg}
    cfg["BgpConfigs"] = {"BgpConfig": bgps}
    return {"RequestId": rid, "VpnConnectionConfig": cfg}


ACTIONS = {
    # action: (handler, its own parameters)
    "DescribeVpnConnection": (action_describe_connection, ("VpnConnectionId",)),
    "DescribeVpnConnections": (action_describe_connections,
                               ("VpnGatewayId", "CustomerGatewayId", "VpnConnectionId",
                                "PageNumber", "PageSize", "ResourceGroupId")),
    "DescribeVpnGateway": (action_describe_gateway,
                           ("VpnGatewayId", "IncludeReservationData")),
    "DescribeCustomerGateway": (action_describe_customer_gateway,
                                ("CustomerGatewayId",)),
    "DownloadVpnConnectionConfig": (action_download, ("VpnConnectionId",)),
}
TAGGED_ACTIONS = ("DescribeVpnConnections",)


# ---------------------------------------------------------------- rendering

def xml_text(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return ""
    return (str(value).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;"))


def xml_element(name, value, out):
    """JSON to Alibaba's XML: an object is an element of its members; a list
    member K repeats the element K once per item (none for an empty list)."""
    if isinstance(value, dict):
        out.append("<%s>" % name)
        for k, v in value.items():
            if isinstance(v, list):
                for item in v:
                    xml_element(k, item, out)
            else:
                xml_element(k, v, out)
        out.append("</%s>" % name)
    elif isinstance(value, list):
        for item in value:
            xml_element(name, item, out)
    else:
        out.append("<%s>%s</%s>" % (name, xml_text(value), name))


def render(fmt, root, obj):
    if fmt == "XML":
        out = [XML_DECL]
        xml_element(root, obj, out)
        return "".join(out).encode("utf-8"), XML_TYPE
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            JSON_TYPE)


def recommend_url(code, rid):
    return ("https://api.aliyun.com/troubleshoot?q=%s&product=Vpc&requestId=%s"
            % (urllib.parse.quote(code, safe="."), rid))


def render_error(fmt, rid, region, err):
    rec = recommend_url(err.code, rid)
    if fmt == "XML":
        text = ("%s<Error><RequestId>%s</RequestId><HostId>%s</HostId><Code>%s</Code>"
                "<Message>%s</Message><Recommend><![CDATA[%s]]></Recommend></Error>"
                % (XML_DECL, xml_text(rid), xml_text(host_id(region)), xml_text(err.code),
                   xml_text(err.message), rec))
        return text.encode("utf-8"), XML_TYPE
    obj = {"RequestId": rid, "HostId": host_id(region), "Code": err.code,
           "Message": err.message, "Recommend": rec}
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), JSON_TYPE


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
        self.rng = random.Random(cfg.seed) if cfg.seed is not None else None
        self.rng_lock = threading.Lock()
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

    def new_request_id(self):
        """An upper-case UUID like Alibaba's; reproducible with --seed."""
        if self.rng is None:
            return str(uuid.uuid4()).upper()
        with self.rng_lock:
            bits = self.rng.getrandbits(128)
        return str(uuid.UUID(int=bits, version=4)).upper()

    def take_failure(self, action):
        """The kind of the first --fail spec (in command-line order) that
        matches the action and has failures left; only that spec counts the
        request."""
        with self.fail_lock:
            for f in self.fails:
                if f.remaining != 0 and f.action in ("*", action):
                    if f.remaining > 0:
                        f.remaining -= 1
                    return f.kind
        return None

    def write_log(self, entry):
        line = json.dumps(entry, separators=(",", ":"), ensure_ascii=False) + "\n"
        with self.log_lock:
            self.log_file.write(line)
            self.log_file.flush()


def redact_authorization(value):
    return re.sub(r"(Signature=)[^,\s]*", r"\1<redacted>", value)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "mock-alibaba/1"
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
            "client": self.client_text(), "method": getattr(self, "command", None),
            "path": getattr(self, "path", None), "signature_version": None,
            "action": None, "region": None, "format": None, "params": {},
            "headers": {}, "verified": False, "error": "HTTP%d" % code,
            "status": code, "request_id": None, "injected": None, "detail": message})
        super().send_error(code, message, explain)

    def client_text(self):
        try:
            return "%s:%d" % self.client_address[:2]
        except (TypeError, ValueError):
            return None

    def do_POST(self):
        self.handle_api()

    do_GET = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def do_HEAD(self):
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()

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
            raise invalid(name, "the header is given %d times" % len(values))
        return values[0].strip() if values else None

    def parse_params(self, query, body, out):
        """Fill out["pairs"] (query then body, in order), out["params"]
        ({name: first value}) and out["body_names"]; raise ApiError for a bad
        encoding, a body that is not form data or a repeated parameter (after
        filling in what could be read, so that Format still applies)."""
        try:
            qpairs = urllib.parse.parse_qsl(query, keep_blank_values=True, errors="strict")
        except UnicodeDecodeError:
            raise invalid("QueryString", "not UTF-8 once percent-decoded")
        out["query_pairs"] = qpairs
        out["pairs"] = list(qpairs)
        out["params"] = {}
        for k, v in qpairs:
            out["params"].setdefault(k, v)
        if body:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if self.command != "POST" or ctype != FORM_TYPE:
                raise invalid("Body", "a body must be %s in a POST (got %s %s)"
                              % (FORM_TYPE, self.command, ctype or "no Content-Type"))
            try:
                form = urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                                              errors="strict")
            except UnicodeDecodeError:
                raise invalid("Body", "not UTF-8")
            out["pairs"] += form
            out["body_names"] = [k for k, _ in form]
            for k, v in form:
                out["params"].setdefault(k, v)
        seen = set()
        for k, _ in out["pairs"]:
            if k in seen:
                raise invalid(k, "the parameter is given more than once")
            seen.add(k)

    # ---- verification

    def check_time(self, text, name):
        if not TIMESTAMP_RE.fullmatch(text):
            raise ApiError(400, "InvalidTimeStamp.Format",
                           "Specified time stamp or date value is not well formatted. "
                           "(mock: %s %s; expected yyyy-MM-ddTHH:mm:ssZ)" % (name, text))
        try:
            t = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise ApiError(400, "InvalidTimeStamp.Format",
                           "Specified time stamp or date value is not well formatted.")
        return t.replace(tzinfo=datetime.timezone.utc).timestamp()

    def check_skew(self, ts, text):
        now = self.server.clock()
        if abs(now - ts) > self.server.cfg.max_skew:
            raise ApiError(400, "InvalidTimeStamp.Expired",
                           "Specified time stamp or date value is expired. (mock: %s is "
                           "%d s from the server clock; at most %d s are allowed)"
                           % (text, int(ts - now), self.server.cfg.max_skew))

    def check_key(self, key_id):
        if key_id != self.server.cfg.secret_id:
            raise ApiError(404, "InvalidAccessKeyId.NotFound",
                           "Specified access key is not found.")

    def check_nonce_and_token(self, nonce, token):
        cfg = self.server.cfg
        if cfg.token is None and token is not None:
            raise ApiError(400, "InvalidSecurityToken.Malformed",
                           "Specified SecurityToken is malformed. (mock: a token was "
                           "sent but these credentials are not temporary)")
        if cfg.token is not None and token != cfg.token:
            raise ApiError(400, "InvalidSecurityToken.Mismatch",
                           "Specified SecurityToken mismatch with the AccessKey. (mock: %s)"
                           % ("no token was sent" if token is None else "wrong token"))
        if not self.server.state.use_nonce(nonce):
            raise ApiError(400, "SignatureNonceUsed",
                           "Specified signature nonce was used already.")

    def verify_v2(self, pairs, params, ctx, detail):
        for name in V2_REQUIRED:
            if not params.get(name):
                raise missing(name)
        if params["SignatureMethod"] != "HMAC-SHA1":
            raise incomplete("SignatureMethod must be HMAC-SHA1, not %s"
                             % params["SignatureMethod"])
        if params["SignatureVersion"] != "1.0":
            raise incomplete("SignatureVersion must be 1.0, not %s"
                             % params["SignatureVersion"])
        ctx["action"] = params["Action"]
        ctx["version"] = params["Version"]
        ts = self.check_time(params["Timestamp"], "Timestamp")
        self.check_key(params["AccessKeyId"])
        self.check_skew(ts, params["Timestamp"])
        string_to_sign = acs_sign.v2_string_to_sign(self.command, pairs)
        expected = acs_sign.v2_signature(self.server.cfg.secret_key, self.command, pairs)
        if not hmac.compare_digest(expected.encode(), params["Signature"].encode()):
            detail["string_to_sign"] = string_to_sign
            raise ApiError(400, "SignatureDoesNotMatch",
                           "Specified signature does not match our calculation. "
                           "server string to sign is:" + string_to_sign)
        self.check_nonce_and_token(params["SignatureNonce"], params.get("SecurityToken"))

    def verify_v3(self, auth, query_pairs, params, body, ctx, detail):
        for name in V2_COMMON:
            if name != "Format" and name in params:
                raise incomplete("the V2 parameter %s in a V3 (ACS3-HMAC-SHA256) "
                                 "request" % name)
        m = V3_AUTH_RE.fullmatch(auth)
        if not m:
            raise incomplete("Authorization must be 'ACS3-HMAC-SHA256 Credential=ID,"
                             "SignedHeaders=a;b,Signature=HEX' (commas, no spaces)")
        key_id, signed_text, signature = m.groups()
        values = {}
        for name in V3_REQUIRED_HEADERS:
            v = self.one_header(name)
            if v is None:
                raise missing(name)
            values[name] = v
        ctx["action"] = values["x-acs-action"]
        ctx["version"] = values["x-acs-version"]
        signed = signed_text.split(";")
        if (signed != sorted(signed) or len(set(signed)) != len(signed)
                or not all(HEADER_NAME_RE.fullmatch(n) for n in signed)):
            raise incomplete("SignedHeaders %s: lower-case names, sorted, each once"
                             % signed_text)
        sent = {k.lower() for k in self.headers.keys()}
        must = {"host"} | {n for n in sent if n.startswith("x-acs-")}
        if not must <= set(signed):
            raise incomplete("SignedHeaders lacks %s (host and every x-acs-* header "
                             "sent must be signed)" % ";".join(sorted(must - set(signed))))
        for n in signed:
            if n not in values:
                v = self.one_header(n)
                if v is None:
                    raise incomplete("the signed header %s is not in the request" % n)
                values[n] = v
        if values["x-acs-content-sha256"] != hashlib.sha256(body).hexdigest():
            raise incomplete("x-acs-content-sha256 is not the hex SHA-256 of the body")
        ts = self.check_time(values["x-acs-date"], "x-acs-date")
        self.check_key(key_id)
        self.check_skew(ts, values["x-acs-date"])
        canon = acs_sign.v3_canonical_request(self.command, query_pairs, values, signed, body)
        expected, string_to_sign = acs_sign.v3_signature(self.server.cfg.secret_key, canon)
        if not hmac.compare_digest(expected.encode(), signature.encode()):
            detail["canonical_request"] = canon
            detail["string_to_sign"] = string_to_sign
            raise ApiError(400, "SignatureDoesNotMatch",
                           "Specified signature does not match our calculation. "
                           "server string to sign is:" + string_to_sign)
        self.check_nonce_and_token(values["x-acs-signature-nonce"],
                                   self.one_header("x-acs-security-token"))

    def process(self, ctx, params, rid):
        action = ctx["action"]
        if action not in ACTIONS:
            raise ApiError(404, "InvalidAction.NotFound",
                           "Specified api is not found, please check your url and method. "
                           "(mock implements %s)" % ", ".join(ACTIONS))
        if ctx["version"] != API_VERSION:
            raise ApiError(400, "InvalidVersion",
                           "Specified parameter Version is not valid. (mock: %s, not %s)"
                           % (ctx["version"], API_VERSION))
        handler, own = ACTIONS[action]
        common = V2_COMMON if ctx["signature_version"] == "v2" else ("Format",)
        for k in params:
            if k in common or k in own or k in OWNER_PARAMS or k == "RegionId":
                continue
            if action in TAGGED_ACTIONS and TAG_RE.fullmatch(k):
                continue
            raise ApiError(400, "UnsupportedParameter",
                           'The parameter "%s" is not supported by %s. (mock)' % (k, action))
        region = params.get("RegionId")
        if not region:
            raise ApiError(400, "MissingRegionId", "RegionId is mandatory for this action.")
        if not REGION_RE.fullmatch(region):
            raise invalid("RegionId", "not a region id")
        return handler(self.server.state.region(region), params, rid)

    # ---- answering

    def send_bytes(self, status, ctype, data, rid, length=None, close=False):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data) if length is None else length))
        if rid:
            self.send_header("x-acs-request-id", rid)
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
        rid = srv.new_request_id()
        split = urllib.parse.urlsplit(self.path)
        auth = self.headers.get("Authorization")
        v3 = auth is not None and auth.strip().startswith("ACS3-")
        entry = {"seq": srv.next_seq(), "time": round(t0, 3), "client": self.client_text(),
                 "method": self.command, "path": split.path,
                 "signature_version": "v3" if v3 else "v2", "action": None,
                 "version": None, "region": None, "format": None, "params": {},
                 "body_params": [], "headers": self.log_headers(), "access_key_id": None,
                 "nonce": None, "verified": False, "error": None, "status": None,
                 "request_id": rid, "injected": None}
        detail = {}
        ctx = {"signature_version": entry["signature_version"], "action": None,
               "version": None}
        err = None
        close = False
        body = b""
        try:
            body = self.read_body()
        except BodyError as e:
            err = invalid("Body", str(e))
            close = True
        parsed = {"query_pairs": [], "pairs": [], "params": {}, "body_names": []}
        if err is None:
            try:
                self.parse_params(split.query, body, parsed)
            except ApiError as e:
                err = e
        query_pairs, pairs, params = parsed["query_pairs"], parsed["pairs"], parsed["params"]
        entry["body_params"] = parsed["body_names"]
        entry["params"] = {k: ("<redacted>" if k == "Signature" else v)
                           for k, v in params.items()}
        entry["action"] = self.headers.get("x-acs-action") if v3 else params.get("Action")
        entry["region"] = params.get("RegionId")
        entry["access_key_id"] = params.get("AccessKeyId")
        entry["nonce"] = (self.headers.get("x-acs-signature-nonce") if v3
                          else params.get("SignatureNonce"))
        if v3 and auth:
            m = re.search(r"Credential=([^,\s]+)", auth)
            entry["access_key_id"] = m.group(1) if m else None
        fmt = "JSON" if v3 else "XML"
        fmt_param = params.get("Format")
        if fmt_param is not None:
            if fmt_param.upper() in ("JSON", "XML"):
                fmt = fmt_param.upper()
            elif err is None:
                err = invalid("Format", "JSON or XML")
        entry["format"] = fmt
        if err is None:
            try:
                if self.command not in ("GET", "POST"):
                    raise ApiError(403, "UnsupportedHTTPMethod",
                                   "This http method is not supported. (mock: GET or POST)")
                if split.path != "/":
                    raise ApiError(404, "InvalidAction.NotFound",
                                   "Specified api is not found, please check your url and "
                                   "method. (mock: the path must be /, not %s)" % split.path)
                if auth is not None and not v3:
                    raise incomplete("an Authorization header that is not ACS3-HMAC-SHA256")
                if v3:
                    self.verify_v3(auth.strip(), query_pairs, params, body, ctx, detail)
                else:
                    self.verify_v2(pairs, params, ctx, detail)
                entry["verified"] = True
            except ApiError as e:
                err = e
        entry["version"] = ctx["version"]
        kind = srv.take_failure(entry["action"])
        entry["injected"] = kind
        if cfg.latency_ms:
            srv.stopping.wait(cfg.latency_ms / 1000.0)
        if kind == "slow":
            srv.stopping.wait(cfg.slow_seconds)
        if kind and FAIL_KINDS[kind]:
            err = ApiError(*FAIL_KINDS[kind])
        result = None
        if err is None and kind not in ("badjson", "badxml"):
            try:
                result = self.process(ctx, params, rid)
            except ApiError as e:
                err = e
            except Exception:
                traceback.print_exc()
                err = ApiError(500, "InternalError",
                               "The request processing has failed due to some unknown "
                               "error, exception or failure. (mock: see its stderr)")
        try:
            if kind == "badjson":
                entry["error"] = "injected:badjson"
                status = 200
                data = ('{"RequestId":"%s","PageNumber":1,,"VpnConnections":{'
                        % rid).encode()
                self.send_bytes(200, JSON_TYPE, data, rid)
            elif kind == "badxml":
                entry["error"] = "injected:badxml"
                status = 200
                data = ('%s<%sResponse><RequestId>%s</RequestId><VpnConnections>'
                        '<VpnConnection></VpnConnections>'
                        % (XML_DECL, entry["action"] or "Mock", rid)).encode()
                self.send_bytes(200, XML_TYPE, data, rid)
            else:
                if err is not None:
                    status = err.status
                    data, ctype = render_error(fmt, rid, entry["region"], err)
                    entry["error"] = err.code
                else:
                    status = 200
                    data, ctype = render(fmt, ctx["action"] + "Response", result)
                if kind == "truncated":
                    entry["error"] = "injected:truncated"
                    self.send_bytes(status, ctype, data[:len(data) // 2], rid,
                                    length=len(data), close=True)
                else:
                    self.send_bytes(status, ctype, data, rid, close=close)
            entry["status"] = status
        except OSError as e:
            entry["write_error"] = "%s: %s" % (type(e).__name__, e)
            self.close_connection = True
        if detail:
            entry["detail"] = detail
        entry["duration_ms"] = int((time.time() - t0) * 1000)
        srv.write_log(entry)


# ---------------------------------------------------------------- main

def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Mock of Alibaba Cloud's VPC API 2016-04-28 (RPC) for cgwgen's tests.")
    p.add_argument("--fixtures", required=True, metavar="DIR",
                   help="fixture directory: one subdirectory per region")
    p.add_argument("--port-file", required=True, metavar="FILE",
                   help="write the listening port here once listening")
    p.add_argument("--log", required=True, metavar="FILE",
                   help="append one JSON line per request")
    p.add_argument("--secret-id", default=DEFAULT_ACCESS_KEY_ID,
                   help="the accepted AccessKeyId")
    p.add_argument("--secret-key", default=DEFAULT_ACCESS_KEY_SECRET,
                   help="its AccessKeySecret")
    p.add_argument("--token", default=None,
                   help="require this SecurityToken / x-acs-security-token (STS)")
    p.add_argument("--latency-ms", type=int, default=0, metavar="N",
                   help="sleep N ms before answering each request")
    p.add_argument("--fail", type=FailSpec, action="append", default=[],
                   metavar="ACTION:KIND[:COUNT]",
                   help="inject failures; KIND: " + ", ".join(FAIL_KINDS))
    p.add_argument("--slow-seconds", type=float, default=30.0,
                   help="how long the 'slow' failure sleeps (default 30)")
    p.add_argument("--clock-skew", type=float, default=0.0, metavar="SECONDS",
                   help="pretend the server clock is SECONDS ahead")
    p.add_argument("--max-skew", type=int, default=900,
                   help="allowed |Timestamp or x-acs-date - server clock| (default 900)")
    p.add_argument("--seed", type=int, default=None,
                   help="make the RequestIds reproducible")
    p.add_argument("--tls-cert", default=None, metavar="PEM")
    p.add_argument("--tls-key", default=None, metavar="PEM")
    p.add_argument("--verbose", action="store_true",
                   help="log each request to stderr as http.server does")
    args = p.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        p.error("--tls-cert and --tls-key go together")
    if args.latency_ms < 0:
        p.error("--latency-ms must not be negative")
    if args.max_skew < 0:
        p.error("--max-skew must not be negative")
    return args


def main(argv=None):
    cfg = parse_args(sys.argv[1:] if argv is None else argv)
    state = State(cfg.fixtures)
    server = Server(cfg, state)

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
