import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { checkedLookup, nonPublicReason, RefusedAddress, resolveChecked } from "./ssrf.ts";

describe("nonPublicReason", () => {
  it("refuses every non-public IPv4 range", () => {
    for (const [ip, why] of [
      ["127.0.0.1", "loopback"],
      ["10.0.0.1", "private"],
      ["172.16.5.4", "private"],
      ["192.168.1.1", "private"],
      ["169.254.169.254", "link-local"],
      ["100.64.0.1", "carrier-grade NAT"],
      ["224.0.0.251", "multicast"],
      ["0.0.0.0", "unspecified"],
      ["255.255.255.255", "reserved"],
    ])
      expect(nonPublicReason(ip!), ip).toBe(why);
    for (const ip of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1"])
      expect(nonPublicReason(ip), ip).toBeNull();
  });

  it("refuses every non-public IPv6 range, and IPv4 carried inside IPv6", () => {
    for (const [ip, why] of [
      ["::1", "loopback"],
      ["::", "unspecified"],
      ["fe80::1%eth0", "link-local"],
      ["fd12:3456::1", "unique-local"],
      ["ff02::1", "multicast"],
      ["::ffff:127.0.0.1", "loopback"],
      ["::ffff:7f00:1", "loopback"],
      ["0:0:0:0:0:ffff:10.0.0.1", "private"],
      ["64:ff9b::a9fe:a9fe", "link-local"],
      ["2002:c0a8:0101::1", "private"],
    ])
      expect(nonPublicReason(ip!), ip).toBe(why);
    for (const ip of ["2606:4700:4700::1111", "::ffff:8.8.8.8", "2a00:1450:4001::200e"])
      expect(nonPublicReason(ip), ip).toBeNull();
  });
});

describe("resolveChecked and checkedLookup", () => {
  const rebinding = async () => [{ address: "10.0.0.1", family: 4 }];

  it("refuses a name that resolves to a private address, unless private addresses are allowed", async () => {
    await expect(
      resolveChecked("hooks.example", { allowPrivate: false, resolve: rebinding }),
    ).rejects.toThrow(RefusedAddress);
    await expect(resolveChecked("[::1]", { allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(resolveChecked("localhost", { allowPrivate: false })).rejects.toThrow(RefusedAddress);
    expect(await resolveChecked("hooks.example", { allowPrivate: true, resolve: rebinding })).toEqual([
      { address: "10.0.0.1", family: 4 },
    ]);
  });

  it("fails the connection before it is made when the name resolves to a private address", async () => {
    const err = await new Promise<Error>((ok) => {
      const req = request({
        host: "hooks.example",
        port: 9,
        lookup: checkedLookup({ allowPrivate: false, resolve: rebinding }),
      });
      req.on("error", ok);
      req.on("socket", (s) => s.on("connect", () => ok(new Error("connected"))));
      req.end();
    });
    expect(err).toBeInstanceOf(RefusedAddress);
    expect(err.message).toContain("10.0.0.1");
  });
});
