import { describe, expect, it } from "vitest";
import { clientAddress, throttlingAddress } from "@/lib/auth/client-address";

describe("the client address sign-in throttling counts by", () => {
  it.each([
    { name: "no proxy: the socket, whatever X-Forwarded-For says", socket: "203.0.113.7", forwarded: "198.51.100.1", hops: 0, expected: "203.0.113.7" },
    { name: "no proxy, no header: the socket", socket: "203.0.113.7", forwarded: undefined, hops: 0, expected: "203.0.113.7" },
    { name: "an IPv4 address mapped into IPv6 is the IPv4 address", socket: "::ffff:127.0.0.1", forwarded: undefined, hops: 0, expected: "127.0.0.1" },
    { name: "one proxy: the rightmost entry (the one it appended)", socket: "10.0.0.2", forwarded: "198.51.100.1, 203.0.113.9", hops: 1, expected: "203.0.113.9" },
    { name: "one proxy: a client-written entry further left is ignored", socket: "10.0.0.2", forwarded: "1.2.3.4, 5.6.7.8, 203.0.113.9", hops: 1, expected: "203.0.113.9" },
    { name: "two proxies: the second from the right", socket: "10.0.0.3", forwarded: "1.2.3.4, 203.0.113.9, 10.0.0.2", hops: 2, expected: "203.0.113.9" },
    { name: "the header split over several lines counts as one list", socket: "10.0.0.3", forwarded: ["1.2.3.4", "203.0.113.9, 10.0.0.2"], hops: 2, expected: "203.0.113.9" },
    { name: "fewer entries than proxies: not through them, so the socket", socket: "203.0.113.50", forwarded: "198.51.100.1", hops: 2, expected: "203.0.113.50" },
    { name: "a trusted entry that is no address: the socket", socket: "10.0.0.2", forwarded: "not-an-address", hops: 1, expected: "10.0.0.2" },
    { name: "a trusted entry with a port: the address", socket: "10.0.0.2", forwarded: "203.0.113.9:51234", hops: 1, expected: "203.0.113.9" },
    { name: "no socket address and no proxy: unknown", socket: undefined, forwarded: "198.51.100.1", hops: 0, expected: null },
  ])("$name", ({ socket, forwarded, hops, expected }) => {
    expect(clientAddress(socket, forwarded, hops)).toBe(expected);
  });
});

describe("the part of an address that is counted", () => {
  it("counts IPv4 addresses one by one", () => {
    expect(throttlingAddress("203.0.113.7")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, so rotating through one subscriber's block does not help", () => {
    expect(throttlingAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttlingAddress("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(throttlingAddress("2001:0db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttlingAddress("::1")).toBe("0:0:0:0::/64");
  });
});
