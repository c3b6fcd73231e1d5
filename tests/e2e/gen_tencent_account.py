#!/usr/bin/env python3
"""Generate a deterministic Tencent fixture set for mock_tencent.py.

  gen_tencent_account.py --out DIR [--connections 1000] [--gateways 20]
                         [--customer-gateways N] [--seed 1] [--profile mixed|modern]

Writes DIR/vpn_connections.json, vpn_gateways.json, customer_gateways.json,
vendors.json and placeholder downloads.  The same arguments always give the
same bytes.  Connection i uses VPN gateway i % G and customer gateway i % C.
Addresses: VPN gateways 203.0.113.1-254 then 198.19.0.0/16, customer gateways
198.51.100.1-254 then 198.18.0.0/16 (RFC 2544 benchmarking space).
Algorithms are drawn from values Tencent documents for the VPC API; with
--profile modern only from values every cgwgen target renders without a warning.

Python 3.11 standard library only.
"""

import argparse
import json
import os
import random
import sys

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"
VENDORS = [{"Platform": "ios", "SoftwareVersion": "V15.4", "VendorName": "cisco"},
           {"Platform": "comware", "SoftwareVersion": "V1.0", "VendorName": "h3c"}]


def address(i, first_octets, spill_prefix):
    """Address number i: first_octets.1-254, then spill_prefix.X.Y (Y 1-254)."""
    if i < 254:
        return "%s.%d" % (first_octets, i + 1)
    j = i - 254
    if j >= 256 * 254:
        raise SystemExit("gen_tencent_account: too many addresses")
    return "%s.%d.%d" % (spill_prefix, j // 254, j % 254 + 1)


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self, prefix):
        while True:
            v = prefix + "".join(self.rng.choice(ALNUM) for _ in range(8))
            if v not in self.used:
                self.used.add(v)
                return v


def stamp(rng, year_day):
    day = 1 + year_day % 28
    month = 1 + (year_day // 28) % 12
    return "2026-%02d-%02d %02d:%02d:%02d" % (
        month, day, rng.randrange(24), rng.randrange(60), rng.randrange(60))


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.uniform(0, total)
    for value, w in weighted:
        x -= w
        if x <= 0:
            return value
    return weighted[-1][0]


def generate(n_conn, n_gw, n_cgw, seed, modern=False):
    """modern: only choices every cgwgen target accepts without a warning
    (DH group 14, PFS group 14, main mode, SHA-2)."""
    rng = random.Random(seed)

    def choose(mixed, safe):
        return pick(rng, safe if modern else mixed)
    ids = Ids(rng)
    gateways = []
    for g in range(n_gw):
        gateways.append({
            "VpnGatewayId": ids.new("vpngw-"), "VpcId": ids.new("vpc-"),
            "VpnGatewayName": "bench-gw-%03d" % (g + 1), "Type": "IPSEC",
            "State": "AVAILABLE", "PublicIpAddress": address(g, "203.0.113", "198.19"),
            "RenewFlag": "NOTIFY_AND_AUTO_RENEW", "InstanceChargeType": "POSTPAID_BY_HOUR",
            "InternetMaxBandwidthOut": 100, "CreatedTime": stamp(rng, g),
            "ExpiredTime": "0000-00-00 00:00:00", "IsAddressBlocked": False,
            "NewPurchasePlan": "", "RestrictState": "NORMAL", "Zone": "ap-guangzhou-3",
            "VpnGatewayQuotaSet": [], "Version": "2.0", "NetworkInstanceId": "",
            "CdcId": "", "MaxConnection": 100, "BgpAsn": 0, "TagSet": []})
    cgws = []
    for c in range(n_cgw):
        cgws.append({
            "CustomerGatewayId": ids.new("cgw-"),
            "CustomerGatewayName": "bench-cgw-%04d" % (c + 1),
            "IpAddress": address(c, "198.51.100", "198.18"),
            "CreatedTime": stamp(rng, c), "BgpAsn": 0})
    conns = []
    for i in range(n_conn):
        gw_i = i % n_gw
        gw = gateways[gw_i]
        cgw = cgws[i % n_cgw]
        version = pick(rng, [("IKEV2", 6), ("IKEV1", 4)])
        mode = "MAIN"
        if version == "IKEV1":
            mode = choose([("MAIN", 8), ("AGGRESSIVE", 2)], [("MAIN", 1)])
        local_fqdn = rng.random() < 0.1
        remote_fqdn = rng.random() < 0.05
        route = pick(rng, [("StaticRoute", 5), ("Policy", 5)])
        vpc_cidr = "10.%d.0.0/16" % (gw_i % 256)
        if route == "Policy":
            remote = ["172.%d.%d.0/24" % (16 + (i * 3 + k) // 256 % 16, (i * 3 + k) % 256)
                      for k in range(1 + rng.randrange(3))]
            spd = [{"LocalCidrBlock": vpc_cidr, "RemoteCidrBlock": remote}]
        else:
            spd = [{"LocalCidrBlock": "0.0.0.0/0", "RemoteCidrBlock": ["0.0.0.0/0"]}]
        enc = pick(rng, [("AES-CBC-128", 4), ("AES-CBC-256", 5), ("AES-CBC-192", 1)])
        psk = "".join(rng.choice(ALNUM + "ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(20))
        conns.append({
            "VpcId": gw["VpcId"], "VpnConnectionId": ids.new("vpnx-"),
            "VpnConnectionName": "bench-conn-%04d" % (i + 1),
            "VpnGatewayId": gw["VpnGatewayId"], "CustomerGatewayId": cgw["CustomerGatewayId"],
            "PreShareKey": psk, "VpnProto": "IPSEC", "EncryptProto": "IKE",
            "RouteType": route,
            "IKEOptionsSpecification": {
                "PropoAuthenAlgorithm": choose([("SHA-256", 6), ("SHA", 2), ("SHA-512", 2)],
                                               [("SHA-256", 8), ("SHA-512", 2)]),
                "PropoEncryAlgorithm": enc, "ExchangeMode": mode,
                "LocalIdentity": "FQDN" if local_fqdn else "ADDRESS",
                "RemoteIdentity": "FQDN" if remote_fqdn else "ADDRESS",
                "LocalAddress": "" if local_fqdn else gw["PublicIpAddress"],
                "RemoteAddress": "" if remote_fqdn else cgw["IpAddress"],
                "LocalFqdnName": "%s.vpn.example.com" % gw["VpnGatewayName"] if local_fqdn else "",
                "RemoteFqdnName": "site-%04d.example.net" % (i + 1) if remote_fqdn else "",
                "DhGroupName": choose([("GROUP14", 6), ("GROUP2", 2), ("GROUP5", 2)],
                                      [("GROUP14", 1)]),
                "IKESaLifetimeSeconds": pick(rng, [(86400, 6), (28800, 3), (3600, 1)]),
                "IKEVersion": version},
            "IPSECOptionsSpecification": {
                "EncryptAlgorithm": enc,
                "IntegrityAlgorith": choose([("SHA-256", 6), ("SHA1", 3), ("SHA-512", 1)],
                                            [("SHA-256", 8), ("SHA-512", 2)]),
                "PfsDhGroup": choose([("DH-GROUP14", 5), ("NULL", 3), ("DH-GROUP2", 2)],
                                     [("DH-GROUP14", 1)]),
                "IPSECSaLifetimeSeconds": pick(rng, [(3600, 7), (28800, 3)]),
                "IPSECSaLifetimeTraffic": 1843200},
            "CreatedTime": stamp(rng, i),
            "SecurityPolicyDatabaseSet": spd,
            "State": "AVAILABLE", "NetStatus": "AVAILABLE",
            "NegotiationType": pick(rng, [("active", 6), ("passive", 3), ("flowTrigger", 1)]),
            "DpdEnable": pick(rng, [(1, 8), (0, 2)]), "DpdTimeout": "30",
            "DpdAction": pick(rng, [("clear", 7), ("restart", 3)]),
            "EnableHealthCheck": False, "HealthCheckLocalIp": "", "HealthCheckRemoteIp": "",
            "HealthCheckStatus": "", "TagSet": []})
    return conns, gateways, cgws


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--connections", type=int, default=1000)
    p.add_argument("--gateways", type=int, default=20)
    p.add_argument("--customer-gateways", type=int, default=None,
                   help="default: as many as connections")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--profile", choices=("mixed", "modern"), default="mixed",
                   help="mixed (default): documented values incl. weak DH groups, "
                   "aggressive mode, no PFS; modern: only group 14, PFS, main mode, SHA-2")
    a = p.parse_args()
    n_cgw = a.connections if a.customer_gateways is None else a.customer_gateways
    if a.connections < 0 or a.gateways < 1 or n_cgw < 1:
        p.error("need --connections >= 0, --gateways >= 1, --customer-gateways >= 1")
    conns, gws, cgws = generate(a.connections, a.gateways, n_cgw, a.seed,
                              a.profile == "modern")
    os.makedirs(os.path.join(a.out, "downloads"), exist_ok=True)
    for name, data in (("vpn_connections.json", conns), ("vpn_gateways.json", gws),
                       ("customer_gateways.json", cgws), ("vendors.json", VENDORS)):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
    for v in VENDORS:
        name = "%s-%s-%s.txt" % (v["VendorName"], v["Platform"], v["SoftwareVersion"])
        with open(os.path.join(a.out, "downloads", name), "wb") as f:
            f.write(("# mock placeholder configuration for %s %s %s\r\n"
                     "# (gen_tencent_account.py writes no per-connection text)\r\n"
                     % (v["VendorName"], v["Platform"], v["SoftwareVersion"])).encode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
