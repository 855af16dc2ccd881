import NextAuth from "next-auth";
import { authOptions, SSO_PROVIDER_ID, withoutReissuedSessionCookie } from "@/lib/auth/options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const [action, provider] = (await context.params).nextauth ?? [];
  // The credentials callback takes the sign-in form's POST only; NextAuth answers any other method with a 500.
  // The council's OpenID provider sends the browser back with a GET (?code=&state=).
  if (request.method !== "POST" && action === "callback" && provider !== SSO_PROVIDER_ID) {
    return new Response("Method not allowed: signing in is a form post.", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
  }
  // NextAuth's error page is /login (lib/auth/options.ts): its own redirect there answers a 500 to a
  // malformed ?error= (%ff, %00), so the redirect is made here, carrying only an error code's letters.
  if (action === "error") {
    const code = new URL(request.url).searchParams.get("error") ?? "";
    const location = /^[A-Za-z]{1,64}$/.test(code) ? `/login?error=${code}` : "/login?error=Default";
    return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": "no-store" } });
  }
  const response = await (NextAuth(authOptions()) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>)(request, context);
  // Reading the session never extends it: the cookie issued at sign-in is the session's only one.
  return (await context.params).nextauth?.[0] === "session" ? withoutReissuedSessionCookie(response) : response;
}

export { handler as GET, handler as POST };
