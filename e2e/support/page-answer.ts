import { expect, type APIRequestContext } from "@playwright/test";

/** What the server answered for a page, read without a browser rendering it. */
export interface PageAnswer {
  status: number;
  /** Where the request ended after redirects (path and query). */
  path: string;
  /** The level-1 headings of the HTML. */
  headings: string[];
  /**
   * The error page the answer stands for: 403 (forbidden()) or 404 (notFound()). A page behind a
   * loading boundary has sent its 200 before it finds a record gone, so there the 404 is the
   * digest in React's payload, from which the browser renders the same error page. (A refusal is
   * always an HTTP 403: the dashboard layout checks the page's permission above that boundary.)
   */
  errorPage?: 403 | 404;
  /** The HTML (with React's payload), to check that nothing of a refused page was sent. */
  body: string;
}

const HTML_H1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/g;
const ERROR_DIGEST = /NEXT_HTTP_ERROR_FALLBACK;(403|404)/;

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'" };
const textOf = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&(?:amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity] ?? entity).trim();

/** GET `path` as whoever `request` is signed in as, following redirects as a browser would. */
export async function pageAnswer(request: APIRequestContext, path: string): Promise<PageAnswer> {
  const response = await request.get(path);
  const html = await response.text();
  const url = new URL(response.url());
  const status = response.status();
  const digest = ERROR_DIGEST.exec(html)?.[1];
  const errorPage = status === 403 || status === 404 ? status : digest ? (Number(digest) as 403 | 404) : undefined;
  return { status, path: `${url.pathname}${url.search}`, headings: [...html.matchAll(HTML_H1)].map((m) => textOf(m[1] ?? "")), errorPage, body: html };
}

/**
 * The server answers `path` with the 403 page (the role matrix shows once per role that a browser
 * renders it): for a spec's "cannot open" checks without a browser rendering each page.
 */
export async function expectRefused(request: APIRequestContext, path: string): Promise<PageAnswer> {
  const answer = await pageAnswer(request, path);
  expect(answer.path, `${path} is not redirected`).toBe(path);
  expect(answer.status, `${path} answers HTTP 403`).toBe(403);
  expect(answer.errorPage, `${path} is refused`).toBe(403);
  return answer;
}
