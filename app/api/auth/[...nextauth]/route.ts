import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/config";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 reads its options when the handler is called, so the secret is validated at run time, not at build.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
