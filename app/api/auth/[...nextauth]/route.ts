import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

interface Context {
  params: Promise<{ nextauth: string[] }>;
}

/** next-auth v4's endpoints (csrf, providers, callback/credentials, session, signout). Options are built per request. */
function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
