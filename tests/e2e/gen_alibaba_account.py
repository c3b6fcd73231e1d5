#!/usr/bin/env python3
"""Generate a deterministic Alibaba Cloud fixture set for mock_alibaba.py.

  gen_alibaba_account.py --out DIR [--connections 1000] [--gateways 20]
                         [--customer-gateways N] [--dual-every 3]
                         [--region cn-hangzhou] [--seed 1]
                         [--profile mixed|modern]

Writes DIR/REGION/vpn_connections.json, vpn_gateways.json and
customer_gateways.json (the layout mock_alibaba.py reads: one directory per
region).  The same arguments always give the same bytes.

Connection i uses VPN gateway i % G and customer gateway i % C.  VPN gateway
g is a dual-tunnel gateway (InternetIp + DisasterRecoveryInternetIp) when
g % K == K - 1 for --dual-every K (0: none), and every connection on it is a
dual-tunnel connection (TunnelOptionsSpecification with a master and a
slave tunnel, both to the connection's customer gateway).  Addresses: VPN
gateways 203.0.113.1-254 then 198.19.0.0/16 (a dual gateway takes two),
customer gateways 198.51.100.1-254 then 198.18.0.0/16 (RFC 2544 space).
BGP tunnel networks are distinct /30s from 169.254.10.0 upwards.
Algorithms are values Alibaba documents for CreateVpnConnection (never the
ShangMi sm3/sm4); with --profile modern only values every cgwgen target
renders without a warning (group14, PFS, main mode, SHA-2).

Python 3.7+ standard library only.
"""

import argparse
import json
import os
import random
import sys

ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz"
PSK_CHARS = ALNUM + "ABCDEFGHJKLMNPQRSTUVWXYZ"
BASE_MS = 1704067200000            # 2024-01-01T00:00:00Z
DAY_MS = 86400000


def address(i, first_octets, spill_prefix):
    """Address number i: first_octets.1-254, then spill_prefix.X.Y (Y 1-254)."""
    if i < 254:
        return "%s.%d" % (first_octets, i + 1)
    j = i - 254
    if j >= 256 * 254:
        raise SystemExit("gen_alibaba_account: too many addresses")
    return "%s.%d.%d" % (spill_prefix, j // 254, j % 254 + 1)


def tunnel_cidr(k):
    """The k-th /30 from 169.254.10.0, before 169.254.169.252 (reserved)."""
    third, fourth = 10 + k // 64, (k % 64) * 4
    if third >= 169:
        raise SystemExit("gen_alibaba_account: too many BGP tunnels")
    net = "169.254.%d.%d" % (third, fourth)
    return net + "/30", "169.254.%d.%d" % (third, fourth + 1), \
        "169.254.%d.%d" % (third, fourth + 2)


class Ids:
    def __init__(self, rng, zone_code):
        self.rng = rng
        self.zone = zone_code
        self.used = set()

    def new(self, prefix):
        while True:
            v = prefix + self.zone + "".join(self.rng.choice(ALNUM) for _ in range(18))
            if v not in self.used:
                self.used.add(v)
                return v


def pick(rng, weighted):
    total = sum(w for _, w in weighted)
    x = rng.uniform(0, total)
    for value, w in weighted:
        x -= w
        if x <= 0:
            return value
    return weighted[-1][0]


def zone_code(region):
    return {"cn-hangzhou": "bp1", "cn-shanghai": "uf6", "cn-beijing": "2ze",
            "ap-southeast-1": "t4n"}.get(region, "gj8")


def generate(n_conn, n_gw, n_cgw, dual_every, region, seed, modern=False):
    rng = random.Random(seed)

    def choose(mixed, safe):
        return pick(rng, safe if modern else mixed)

    ids = Ids(rng, zone_code(region))
    gateways = []
    addr = 0
    for g in range(n_gw):
        dual = dual_every > 0 and g % dual_every == dual_every - 1
        gw = {"VpnGatewayId": ids.new("vpn-"), "VpcId": ids.new("vpc-"),
              "VSwitchId": ids.new("vsw-")}
        if dual:
            gw["DisasterRecoveryVSwitchId"] = ids.new("vsw-")
        gw["InternetIp"] = address(addr, "203.0.113", "198.19")
        addr += 1
        if dual:
            gw["DisasterRecoveryInternetIp"] = address(addr, "203.0.113", "198.19")
            addr += 1
        gw.update({
            "SslVpnInternetIp": "", "CreateTime": BASE_MS + g * DAY_MS,
            "EndTime": 4102415999000, "Spec": "1000M" if dual else "200M",
            "Name": "bench-gw-%03d" % (g + 1),
            "Description": "dual-tunnel" if dual else "single-tunnel",
            "Status": "active", "BusinessStatus": "Normal", "ChargeType": "PostPaid",
            "IpsecVpn": "enable", "SslVpn": "disable", "SslMaxConnections": 0,
            "EnableBgp": True, "AutoPropagate": False, "NetworkType": "public",
            "VpnType": "Normal", "GatewayType": "Normal",
            "ResourceGroupId": "rg-bench0000000001", "Tags": {"Tag": []}})
        gw["_dual"] = dual
        gw["_cidr"] = "10.%d.0.0/16" % (g % 256)
        gateways.append(gw)
    cgws = []
    for c in range(n_cgw):
        cgws.append({
            "CustomerGatewayId": ids.new("cgw-"), "Name": "bench-cgw-%04d" % (c + 1),
            "Description": "", "IpAddress": address(c, "198.51.100", "198.18"),
            "Asn": 64512 + c % 1000, "AuthKey": "",
            "CreateTime": BASE_MS + c * 3600000, "ResourceGroupId": "rg-bench0000000001",
            "Tags": {"Tag": []}})
    conns = []
    bgp_k = 0

    def ike_ipsec(version, local_id, remote_id):
        mode = "main"
        if version == "ikev1":
            mode = choose([("main", 8), ("aggressive", 2)], [("main", 1)])
        enc = choose([("aes", 3), ("aes192", 1), ("aes256", 5), ("3des", 1)],
                     [("aes", 3), ("aes192", 1), ("aes256", 6)])
        auth = choose([("sha1", 2), ("sha256", 5), ("sha384", 1), ("sha512", 1), ("md5", 1)],
                      [("sha256", 6), ("sha384", 2), ("sha512", 2)])
        ike = {"IkeAuthAlg": auth, "IkeEncAlg": enc,
               "IkeLifetime": pick(rng, [(86400, 6), (28800, 3), (3600, 1)]),
               "IkeMode": mode,
               "IkePfs": choose([("group14", 7), ("group2", 2), ("group5", 1)],
                                [("group14", 1)]),
               "IkeVersion": version, "LocalId": local_id, "RemoteId": remote_id,
               "Psk": "".join(rng.choice(PSK_CHARS) for _ in range(20))}
        ipsec = {"IpsecAuthAlg": choose([("sha1", 2), ("sha256", 6), ("sha512", 1), ("md5", 1)],
                                        [("sha256", 8), ("sha512", 2)]),
                 "IpsecEncAlg": enc,
                 "IpsecLifetime": pick(rng, [(3600, 7), (28800, 2), (86400, 1)]),
                 "IpsecPfs": choose([("group14", 6), ("disabled", 2), ("group2", 1),
                                     ("group5", 1)], [("group14", 1)])}
        return ike, ipsec

    for i in range(n_conn):
        gw = gateways[i % n_gw]
        cgw = cgws[i % n_cgw]
        route = pick(rng, [("route", 5), ("policy", 5)])
        bgp = route == "route" and rng.random() < 0.5
        if route == "route":
            local_subnet = remote_subnet = "0.0.0.0/0"
        else:
            local_subnet = gw["_cidr"]
            remote_subnet = ",".join(
                "172.%d.%d.0/24" % (16 + (i * 3 + k) // 256 % 16, (i * 3 + k) % 256)
                for k in range(1 + rng.randrange(3)))
        local_fqdn = not modern and rng.random() < 0.1
        remote_fqdn = not modern and rng.random() < 0.05
        version = pick(rng, [("ikev2", 6), ("ikev1", 4)])
        conn = {"VpnConnectionId": ids.new("vco-"), "Name": "bench-conn-%04d" % (i + 1),
                "VpnGatewayId": gw["VpnGatewayId"],
                "CustomerGatewayId": "" if gw["_dual"] else cgw["CustomerGatewayId"],
                "LocalSubnet": local_subnet, "RemoteSubnet": remote_subnet,
                "CreateTime": BASE_MS + i * 600000,
                "EffectImmediately": pick(rng, [(False, 7), (True, 3)]),
                "Status": "ipsec_sa_established", "State": "",
                "EnableDpd": pick(rng, [(True, 9), (False, 1)]),
                "EnableNatTraversal": pick(rng, [(True, 8), (False, 2)]),
                "EnableTunnelsBgp": bool(gw["_dual"] and bgp),
                "RemoteCaCertificate": ""}
        remote_id = ("site-%04d.example.net" % (i + 1) if remote_fqdn
                     else cgw["IpAddress"])
        if not gw["_dual"]:
            local_id = ("%s.vpn.example.com" % gw["Name"] if local_fqdn
                        else gw["InternetIp"])
            conn["IkeConfig"], conn["IpsecConfig"] = ike_ipsec(version, local_id, remote_id)
            vbgp = {"AuthKey": "", "EnableBgp": "false", "LocalAsn": 45104,
                    "LocalBgpIp": "", "PeerBgpIp": "", "Status": "", "TunnelCidr": ""}
            if bgp:
                cidr, cloud_ip, cust_ip = tunnel_cidr(bgp_k)
                bgp_k += 1
                vbgp = {"AuthKey": "", "EnableBgp": "true", "LocalAsn": 45104,
                        "LocalBgpIp": cloud_ip, "PeerAsn": cgw["Asn"],
                        "PeerBgpIp": cust_ip, "Status": "success", "TunnelCidr": cidr}
            conn["VpnBgpConfig"] = vbgp
        conn["VcoHealthCheck"] = {"Dip": "", "Enable": "false", "Interval": 0,
                                  "Policy": "revoke_route", "Retry": 0, "Sip": "",
                                  "Status": ""}
        tunnels = []
        if gw["_dual"]:
            for role, ip_key, zone in (("master", "InternetIp", "a"),
                                       ("slave", "DisasterRecoveryInternetIp", "b")):
                ike, ipsec = ike_ipsec(version, gw[ip_key], remote_id)
                ike["IkeLifetime"] = str(ike["IkeLifetime"])
                ipsec["IpsecLifetime"] = str(ipsec["IpsecLifetime"])
                t = {"TunnelId": ids.new("tun-"), "Role": role, "State": "active",
                     "Status": "ipsec_sa_established",
                     "CustomerGatewayId": cgw["CustomerGatewayId"],
                     "InternetIp": gw[ip_key], "ZoneNo": "%s-%s" % (region, zone),
                     "EnableDpd": "true" if conn["EnableDpd"] else "false",
                     "EnableNatTraversal": "true" if conn["EnableNatTraversal"] else "false",
                     "RemoteCaCertificate": "", "TunnelIkeConfig": ike,
                     "TunnelIpsecConfig": ipsec}
                if bgp:
                    cidr, cloud_ip, cust_ip = tunnel_cidr(bgp_k)
                    bgp_k += 1
                    t["TunnelBgpConfig"] = {"BgpStatus": "success", "LocalAsn": "45104",
                                            "LocalBgpIp": cloud_ip,
                                            "PeerAsn": str(cgw["Asn"]),
                                            "PeerBgpIp": cust_ip, "TunnelCidr": cidr}
                tunnels.append(t)
        conn["TunnelOptionsSpecification"] = {"TunnelOptions": tunnels}
        conn["Tags"] = {"Tag": [{"Key": "bench", "Value": "%d" % (i % 10)}]}
        conn.update({"AttachType": "VPNGW", "CrossAccountAuthorized": False,
                     "NetworkType": "public",
                     "InternetIp": "" if gw["_dual"] else gw["InternetIp"],
                     "Spec": gw["Spec"], "TunnelBandwidth": "Standard",
                     "ResourceGroupId": "rg-bench0000000001", "ZoneNo": ""})
        conns.append(conn)
    for gw in gateways:
        del gw["_dual"], gw["_cidr"]
    return conns, gateways, cgws


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--connections", type=int, default=1000)
    p.add_argument("--gateways", type=int, default=20)
    p.add_argument("--customer-gateways", type=int, default=None,
                   help="default: as many as connections")
    p.add_argument("--dual-every", type=int, default=3, metavar="K",
                   help="every K-th VPN gateway is dual-tunnel (default 3; 0: none)")
    p.add_argument("--region", default="cn-hangzhou")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--profile", choices=("mixed", "modern"), default="mixed",
                   help="mixed (default): documented values incl. weak DH groups, 3des, "
                   "md5, aggressive mode, no PFS, some FQDN ids; modern: only group 14, "
                   "PFS, main mode, SHA-2, address ids")
    a = p.parse_args()
    n_cgw = a.connections if a.customer_gateways is None else a.customer_gateways
    if a.connections < 0 or a.gateways < 1 or n_cgw < 1 or a.dual_every < 0:
        p.error("need --connections >= 0, --gateways >= 1, --customer-gateways >= 1, "
                "--dual-every >= 0")
    conns, gws, cgws = generate(a.connections, a.gateways, n_cgw, a.dual_every,
                                a.region, a.seed, a.profile == "modern")
    out = os.path.join(a.out, a.region)
    os.makedirs(out, exist_ok=True)
    for name, data in (("vpn_connections.json", conns), ("vpn_gateways.json", gws),
                       ("customer_gateways.json", cgws)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
