// The safe fetcher of addresses staff type (issue 25 item 3) against real HTTP servers: a feed,
// a slow one, a huge one, broken JSON, redirects to a loopback address and too many redirects,
// conditional requests, an outbound proxy, and the addresses refused before any connection.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isForbiddenAddress } from "@/lib/outbound/addresses";
import { outboundProxy, outboundProxyProblem, outboundUserAgent, privateFeedAllowance } from "@/lib/outbound/config";
import { safeFetch } from "@/lib/outbound/safe-fetch";

// The test server listens on 127.0.0.1:<its port>, which only these tests allow: 127.0.0.2, and
// 127.0.0.1 on any other port (the second server below), stay forbidden.
let ALLOW: { allow: string[] } = { allow: [] };
let base = "";
let server: http.Server;
let other: http.Server;
let otherPort = 0;
const seen: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.headers);
    const path = request.url ?? "/";
    if (path === "/feed.json") {
      if (request.headers["if-none-match"] === '"v1"') return response.writeHead(304).end();
      return response.writeHead(200, { "content-type": "application/json", etag: '"v1"', "last-modified": "Tue, 01 Dec 2026 10:00:00 GMT" }).end('{"standard":"twinning-links"}');
    }
    if (path === "/broken.json") return response.writeHead(200, { "content-type": "application/json" }).end('{"standard": ');
    if (path === "/slow") return void setTimeout(() => response.end("late"), 3_000);
    if (path === "/drip") {
      // Headers at once, then a byte every 100 ms: the deadline covers the body too.
      response.writeHead(200, { "content-type": "application/json" });
      const timer = setInterval(() => response.write(" "), 100);
      response.once("close", () => clearInterval(timer));
      return;
    }
    if (path === "/huge") {
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 200 && response.write(chunk)) sent += 1;
        if (sent < 200) response.once("drain", pump);
        else response.end();
      };
      return pump();
    }
    if (path === "/to-loopback") return response.writeHead(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/feed.json` }).end();
    if (path === "/to-other-port") return response.writeHead(302, { location: `http://127.0.0.1:${otherPort}/feed.json` }).end();
    if (path === "/to-metadata") return response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (hop) return response.writeHead(302, { location: Number(hop[1]) > 0 ? `/hop/${Number(hop[1]) - 1}` : "/feed.json" }).end();
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  ALLOW = { allow: privateFeedAllowance({ TWINNING_ALLOW_PRIVATE_FEEDS: `127.0.0.1:${port}` }) };
  // Another service on this machine (say, an admin console), which a redirect must not reach.
  other = http.createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end('{"secret":true}'));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherPort = (other.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const each of [server, other]) {
    each.closeAllConnections();
    await new Promise<void>((resolve) => each.close(() => resolve()));
  }
});

describe("outbound settings", () => {
  it("allows only loopback address:port pairs, and names the site and version in the User-Agent", () => {
    expect(privateFeedAllowance({})).toEqual([]);
    expect(privateFeedAllowance({ TWINNING_ALLOW_PRIVATE_FEEDS: "127.0.0.1:3241, [::1]:3241" })).toEqual(["127.0.0.1:3241", "[::1]:3241"]);
    for (const bad of ["127.0.0.1", "localhost:3241", "10.0.0.1:80", "169.254.169.254:80", "0.0.0.0:80", "127.0.0.0/8", "*"]) {
      expect(() => privateFeedAllowance({ TWINNING_ALLOW_PRIVATE_FEEDS: bad }), bad).toThrow(/TWINNING_ALLOW_PRIVATE_FEEDS/);
    }
    expect(outboundUserAgent({ APP_URL: "https://twinning.riverford.example/" })).toMatch(/^TwinningOffice\/\d+\.\d+\.\d+ \(\+https:\/\/twinning\.riverford\.example\)$/);
  });

  it("reads the outbound proxy from OUTBOUND_PROXY, else HTTPS_PROXY, and refuses one that is not http://host:port", () => {
    expect(outboundProxy({})).toBeNull();
    expect(outboundProxy({ HTTPS_PROXY: "http://proxy.council.example:3128", OUTBOUND_PROXY: "http://egress:8080" })).toBe("http://egress:8080");
    expect(outboundProxy({ HTTPS_PROXY: "http://proxy.council.example:3128" })).toBe("http://proxy.council.example:3128");
    expect(outboundProxyProblem({ OUTBOUND_PROXY: "http://egress:8080" })).toBeNull();
    expect(outboundProxyProblem({ OUTBOUND_PROXY: "socks5://egress:1080" })).toMatch(/OUTBOUND_PROXY/);
  });
});

describe("forbidden addresses", () => {
  it("refuses private, loopback, link-local, CGNAT, metadata and mapped forms; allows public ones", () => {
    for (const address of ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "fd00:ec2::254", "not an ip"]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
    for (const address of ["93.184.215.14", "2a00:1450:4009:81f::200e", "8.8.8.8"]) expect(isForbiddenAddress(address), address).toBe(false);
  });
});

describe("safeFetch against real servers", () => {
  it("fetches a feed with a clear User-Agent, no cookies or credentials, and answers a conditional request with not-modified", async () => {
    const fetched = await safeFetch(`${base}/feed.json`, ALLOW);
    expect(fetched).toMatchObject({ outcome: "fetched", status: 200, etag: '"v1"', lastModified: "Tue, 01 Dec 2026 10:00:00 GMT" });
    if (fetched.outcome === "fetched") expect(JSON.parse(fetched.body.toString("utf8"))).toEqual({ standard: "twinning-links" });
    const headers = seen.at(-1)!;
    expect(headers["user-agent"]).toBe(outboundUserAgent());
    expect(headers["user-agent"]).toMatch(/^TwinningOffice\/\S+ \(\+https?:\/\/\S+\)$/);
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(await safeFetch(`${base}/feed.json`, { ...ALLOW, etag: '"v1"' })).toMatchObject({ outcome: "not-modified" });
  });

  it("refuses loopback and metadata addresses, before connecting and after a redirect", async () => {
    expect(await safeFetch(`${base}/feed.json`)).toMatchObject({ outcome: "refused", reason: "forbidden-address" });
    expect(await safeFetch("http://localhost/feed.json", { resolve: async () => ["127.0.0.1"] })).toMatchObject({ outcome: "refused", reason: "forbidden-address" });
    // A name that resolves to a public and a private address (DNS rebinding) is refused outright.
    expect(await safeFetch("http://partner.example/feed.json", { resolve: async () => ["93.184.215.14", "10.0.0.5"] })).toMatchObject({ outcome: "refused", reason: "forbidden-address" });
    expect(await safeFetch(`${base}/to-loopback`, ALLOW)).toMatchObject({ outcome: "refused", reason: "forbidden-address", url: `${base.replace("127.0.0.1", "127.0.0.2")}/feed.json` });
    expect(await safeFetch(`${base}/to-metadata`, ALLOW)).toMatchObject({ outcome: "refused", reason: "forbidden-address" });
    // The allowance is this server's port alone: 127.0.0.1 on another port is refused, directly and after a redirect.
    expect(await safeFetch(`http://127.0.0.1:${otherPort}/`, ALLOW)).toMatchObject({ outcome: "refused", reason: "forbidden-address" });
    expect(await safeFetch(`${base}/to-other-port`, ALLOW)).toMatchObject({ outcome: "refused", reason: "forbidden-address", url: `http://127.0.0.1:${otherPort}/feed.json` });
    expect(await safeFetch("file:///etc/passwd")).toMatchObject({ outcome: "refused", reason: "bad-address" });
    expect(await safeFetch("http://user:secret@partner.example/")).toMatchObject({ outcome: "refused", reason: "bad-address" });
  });

  it("connects a host name to the one address it resolved to (no second lookup), sending the name as Host", async () => {
    const resolved: string[] = [];
    const port = new URL(base).port;
    const fetched = await safeFetch(`http://partner.example:${port}/feed.json`, { ...ALLOW, resolve: async (host) => (resolved.push(host), ["127.0.0.1"]) });
    expect(fetched).toMatchObject({ outcome: "fetched", status: 200 });
    expect(resolved).toEqual(["partner.example"]);
    expect(seen.at(-1)!.host).toBe(`partner.example:${port}`);
  });

  it("follows at most 3 redirects", async () => {
    expect(await safeFetch(`${base}/hop/2`, ALLOW)).toMatchObject({ outcome: "fetched", url: `${base}/feed.json` });
    expect(await safeFetch(`${base}/hop/3`, ALLOW)).toMatchObject({ outcome: "refused", reason: "too-many-redirects" });
  });

  it("gives up on a slow server and a huge answer; returns broken JSON as bytes for the caller's schema check", async () => {
    expect(await safeFetch(`${base}/slow`, { ...ALLOW, timeoutMs: 500 })).toMatchObject({ outcome: "refused", reason: "timeout" });
    const started = Date.now();
    expect(await safeFetch(`${base}/drip`, { ...ALLOW, timeoutMs: 500 })).toMatchObject({ outcome: "refused", reason: "timeout" });
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(await safeFetch(`${base}/huge`, { ...ALLOW, maxBytes: 1_000_000 })).toMatchObject({ outcome: "refused", reason: "too-large" });
    const broken = await safeFetch(`${base}/broken.json`, ALLOW);
    expect(broken.outcome).toBe("fetched");
    if (broken.outcome === "fetched") expect(() => JSON.parse(broken.body.toString("utf8")) as unknown).toThrow();
  });

  it("goes through an outbound proxy by CONNECT to the checked address", async () => {
    const tunnels: string[] = [];
    const sockets: net.Socket[] = [];
    const proxy = http.createServer();
    proxy.on("connect", (request: http.IncomingMessage, client: net.Socket) => {
      tunnels.push(request.url ?? "");
      sockets.push(client);
      const [host, port] = (request.url ?? "").split(":");
      const upstream = net.connect(Number(port), host!, () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.pipe(client);
        client.pipe(upstream);
        sockets.push(upstream);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    try {
      const via = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
      expect(await safeFetch(`${base}/feed.json`, { ...ALLOW, proxy: via })).toMatchObject({ outcome: "fetched", status: 200 });
      expect(tunnels).toEqual([base.replace("http://", "")]);
    } finally {
      // A tunnelled socket is no longer the server's to close.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
