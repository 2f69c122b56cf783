import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

/**
 * A real OpenID Connect provider (panva's oidc-provider, the certified implementation) on
 * loopback, standing in for the company's Entra ID / Okta / Keycloak in browser tests. It has
 * one client (the dashboard), its own sign-in page, and a control endpoint through which tests
 * create people and move them between groups, as the IdP's admin would.
 */
export interface TestIdpUser {
  username: string;
  password: string;
  name?: string;
  groups: string[];
}

export interface TestIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider takes the dashboard's callback URL as its client's only redirect URI; it serves nothing before. */
  registerClient(redirectUri: string): void;
  close(): Promise<void>;
}

/** Where tests add or change a person at the provider. */
export const IDP_USERS_PATH = "/__idp/users";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test IdP: sign in</title></head><body>
<main><h1>Test IdP</h1>${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<label for="username">Username</label> <input id="username" name="username" autocomplete="username">
<label for="password">Password</label> <input id="password" name="password" type="password">
<button type="submit">Sign in</button></form></main></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startTestIdp(): Promise<TestIdp> {
  const people = new Map<string, TestIdpUser>();
  const subjectOf = (username: string) => `sub-${username}`;
  const clientId = "vicidial-dashboard";
  const clientSecret = randomBytes(24).toString("base64url");
  const signingKey = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: randomUUID(), use: "sig", alg: "RS256" };

  let provider: Provider | undefined;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration = (redirectUri: string): Configuration => ({
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // Every request must carry a PKCE challenge: the dashboard has to send one.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: { openid: ["sub"], profile: ["name", "preferred_username", "groups"], email: ["email"] },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const person = [...people.values()].find((p) => subjectOf(p.username) === sub);
      if (!person) return undefined;
      // Read at every token: a group changed here shows at the next sign-in.
      return { accountId: sub, claims: () => ({ sub, preferred_username: person.username, name: person.name ?? person.username, email: `${person.username}@example.test`, groups: person.groups }) };
    },
    // The dashboard is a first-party application: no consent screen, as a company IdP is set up.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });

  async function interaction(req: IncomingMessage, res: ServerResponse, op: Provider): Promise<void> {
    const [, , uid, action] = (req.url ?? "").split("?")[0]!.split("/");
    if (!uid) throw new Error("no interaction");
    if (req.method === "GET") {
      await op.interactionDetails(req, res);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid));
      return;
    }
    if (req.method === "POST" && action === "login") {
      const form = new URLSearchParams(await readBody(req));
      const person = people.get(form.get("username") ?? "");
      if (!person || person.password !== form.get("password")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(loginPage(uid, "Wrong username or password."));
        return;
      }
      await op.interactionFinished(req, res, { login: { accountId: subjectOf(person.username) } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(404).end();
  }

  async function control(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== "POST") return void res.writeHead(405).end();
    const person = JSON.parse(await readBody(req)) as TestIdpUser;
    people.set(person.username, person);
    res.writeHead(204).end();
  }

  server.on("request", (req, res) => {
    const url = req.url ?? "/";
    const handle = async () => {
      if (url.startsWith(IDP_USERS_PATH)) return control(req, res);
      if (!provider) return void res.writeHead(503).end("client not registered yet");
      if (url.startsWith("/interaction/")) return interaction(req, res, provider);
      provider.callback()(req, res);
    };
    handle().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });

  return {
    issuer,
    clientId,
    clientSecret,
    registerClient(redirectUri) {
      provider = new Provider(issuer, configuration(redirectUri));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** From a test worker: adds a person at the provider, or changes their groups. */
export async function setIdpUser(person: TestIdpUser): Promise<void> {
  const url = process.env.E2E_IDP_URL;
  if (!url) throw new Error("E2E_IDP_URL is not set: run through `npm run test:e2e`");
  const res = await fetch(new URL(IDP_USERS_PATH, url), { method: "POST", body: JSON.stringify(person) });
  if (res.status !== 204) throw new Error(`test IdP answered ${res.status}`);
}
