import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

const ORIGIN = "http://127.0.0.1:3201";

describe("the callback-URL sanitiser: only same-origin paths", () => {
  it.each([
    ["a tab after the slash (browsers drop it: //evil.example/)", "/\t/evil.example/"],
    ["the tab as the query string decodes it from /%09/evil.example/", decodeURIComponent("/%09/evil.example/")],
    ["a line feed", "/\n/evil.example/"],
    ["a carriage return", "/\r/evil.example/"],
    ["CR LF (header splitting)", "/cases\r\nSet-Cookie: x=1"],
    ["NUL", "/cases\u0000"],
    ["DEL", "/\u007F/evil.example"],
    ["a protocol-relative URL", "//evil.example/"],
    ["three slashes", "///evil.example/"],
    ["a backslash after the slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["another origin", "https://evil.example"],
    ["another origin with a path", "https://evil.example/cases"],
    ["the same host on another port", "http://127.0.0.1:9999/cases"],
    ["the same host over another scheme", "https://127.0.0.1:3201/cases"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a JavaScript: URL in capitals with a tab", "Java\tScript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a dot segment that normalises to //evil", "/.//evil.example"],
    ["a dot-dot segment that normalises to //evil", "/a/..//evil.example"],
    ["an encoded dot segment that normalises to //evil", "/%2e//evil.example"],
    ["a relative path", "cases/1"],
    ["user info pointing elsewhere", "//user@evil.example"],
    ["empty", ""],
    ["too long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBeNull();
  });

  it.each([[undefined], [null], [["/cases"]], [42]])("refuses a value that is not one string: %j", (value) => {
    expect(safeCallbackPath(value, ORIGIN)).toBeNull();
  });

  it.each([
    ["/", "/"],
    ["/cases", "/cases"],
    ["/cases/0b8c?tab=plan#tasks", "/cases/0b8c?tab=plan#tasks"],
    ["/reports?from=2026-01-01&to=2026-02-01", "/reports?from=2026-01-01&to=2026-02-01"],
    // Still encoded, a tab or backslash is a character of the path, not a separator: the browser stays here.
    ["/%09/evil.example/", "/%09/evil.example/"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/cases/../reviews", "/reviews"],
    [`${ORIGIN}/cases?page=2`, "/cases?page=2"],
  ])("accepts %s", (value, expected) => {
    expect(safeCallbackPath(value, ORIGIN)).toBe(expected);
  });
});

describe("next-auth's redirect callback uses the sanitiser", () => {
  it("sends a hostile target to the base URL and keeps a same-origin one", async () => {
    process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/unused";
    const { authOptions } = await import("@/lib/auth/config");
    const redirect = authOptions().callbacks!.redirect!;
    const baseUrl = ORIGIN;
    for (const url of ["/\t/evil.example/", "https://evil.example/", "//evil.example", "/.//evil.example", "javascript:alert(1)"]) {
      expect(await redirect({ url, baseUrl }), url).toBe(baseUrl);
    }
    expect(await redirect({ url: "/sign-out", baseUrl })).toBe(`${ORIGIN}/sign-out`);
    expect(await redirect({ url: `${ORIGIN}/cases?page=2`, baseUrl })).toBe(`${ORIGIN}/cases?page=2`);
  });
});
