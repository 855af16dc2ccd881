import NextAuth from "next-auth";
import { authOptions, SSO_PROVIDER_ID, withoutReissuedSessionCookie } from "@/lib/auth/options";

async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const [action, provider] = (await context.params).nextauth ?? [];
  // The credentials callback takes the sign-in form's POST only; NextAuth answers any other method with a 500.
  // The council's OpenID provider sends the browser back with a GET (?code=&state=).
  if (request.method !== "POST" && action === "callback" && provider !== SSO_PROVIDER_ID) {
    return new Response("Method not allowed: signing in is a form post.", { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } });
  }
  const response = await (NextAuth(authOptions()) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>)(request, context);
  // Reading the session never extends it: the cookie issued at sign-in is the session's only one.
  return (await context.params).nextauth?.[0] === "session" ? withoutReissuedSessionCookie(response) : response;
}

export { handler as GET, handler as POST };
