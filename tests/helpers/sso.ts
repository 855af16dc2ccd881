// Single sign-on as a browser goes through it, without a browser: the app's "Sign in with your
// council account" (lib/auth/sso-start.ts, in Next's request context), the test OpenID provider's
// own sign-in page over HTTP (scripts/lib/test-oidc-provider.ts: type the login name), and back to
// the app's NextAuth callback route. Nothing of the app is replaced.
import { NextRequest } from "next/server";
import { GET as nextAuthGet } from "@/app/api/auth/[...nextauth]/route";
import { startSsoSignIn } from "@/lib/auth/sso-start";
import type { Locale } from "@/lib/i18n/locales";
import { inRequest } from "./request-context";

export type Cookies = Record<string, string>;

/** The cookies a response's Set-Cookie lines leave in the browser (an emptied one is removed). */
export function applySetCookies(jar: Cookies, lines: string[]): Cookies {
  for (const line of lines) {
    const [pair = ""] = line.split(";");
    const index = pair.indexOf("=");
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    if (value === "" || /max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) delete jar[name];
    else jar[name] = value;
  }
  return jar;
}

function cookieHeader(jar: Cookies): string {
  return Object.entries(jar)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
}

/** Signs in at the test provider as `login` (any password), following its redirects; returns the address it sends the browser back to. */
async function signInAtProvider(authorizationUrl: string, login: string, appOrigin: string): Promise<string> {
  const jar: Cookies = {};
  let next: { url: string; init?: RequestInit } = { url: authorizationUrl };
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(next.url, { ...next.init, redirect: "manual", headers: { ...(next.init?.headers as Record<string, string>), cookie: cookieHeader(jar) } });
    applySetCookies(jar, response.headers.getSetCookie());
    const location = response.headers.get("location");
    if (location) {
      const target = new URL(location, next.url).toString();
      if (target.startsWith(appOrigin)) return target;
      next = { url: target };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || !html.includes('name="login"')) throw new Error(`The test provider answered ${response.status}: ${html.slice(0, 300)}`);
    next = {
      url: new URL(action.replace(/&amp;/g, "&"), next.url).toString(),
      init: { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ prompt: "login", login, password: "any" }).toString() },
    };
  }
  throw new Error("The test provider never sent the browser back to the app.");
}

export type SsoOutcome = {
  /** Where the app sent the browser at the end (/login, which lands on the return address; or /login with a reason). */
  location: string;
  /** The app's cookies the browser then holds (a session, when signed in). */
  cookies: Cookies;
};

/** The whole single sign-on of the person `login` at the test provider, from the app's sign-in page to where the app lands them. */
export async function signInWithCouncilAccount(
  login: string,
  { appOrigin, returnPath = "/dashboard", pageLocale = "en" }: { appOrigin: string; returnPath?: string; pageLocale?: Locale },
): Promise<SsoOutcome> {
  const cookies: Cookies = {};
  const started = await inRequest({ path: "/login" }, () => startSsoSignIn(returnPath, pageLocale));
  for (const [name, value] of Object.entries(started.setCookies)) if (value) cookies[name] = value;
  const callback = await signInAtProvider(started.value, login, appOrigin);
  const url = new URL(callback);
  const action = url.pathname.replace(/^\/api\/auth\//, "").split("/");
  const { value, setCookies } = await inRequest({ cookies, path: `${url.pathname}${url.search}` }, async () => {
    const response = await nextAuthGet(new NextRequest(callback), { params: Promise.resolve({ nextauth: action }) });
    return { status: response.status, location: response.headers.get("location") ?? "", setCookies: response.headers.getSetCookie() };
  });
  if (value.status !== 302) throw new Error(`The callback answered ${value.status}`);
  applySetCookies(cookies, value.setCookies);
  // Cookies set through next/headers (the pending two-step sign-in): Next adds them to the route's response.
  for (const [name, setValue] of Object.entries(setCookies)) if (setValue) cookies[name] = setValue;
  return { location: value.location, cookies };
}
