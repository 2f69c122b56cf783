// Request parameters as PHP builds $_GET and $_POST (contract 1.1). The script reads each
// parameter from $_GET first and from $_POST only when the key is absent from $_GET.

/** One of PHP's superglobals: key to value, last occurrence wins. */
export type ParamMap = ReadonlyMap<string, string>;

export interface RequestParams {
  get: ParamMap;
  post: ParamMap;
}

/** `isset($_GET[x]) ? $_GET[x] : (isset($_POST[x]) ? $_POST[x] : "")`: GET wins even when empty. */
export function readParam(params: RequestParams, name: string): string {
  return params.get.get(name) ?? params.post.get(name) ?? "";
}

// ignoreBOM keeps a leading U+FEFF, as PHP does: a value of only a BOM is not empty.
const UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** PHP urldecode(): `+` becomes a space, `%XX` a byte, a malformed `%` stays literal. */
export function phpUrlDecode(input: string): string {
  const source = Buffer.from(input, "latin1");
  const out = Buffer.alloc(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i] ?? 0;
    if (byte === 0x2b) {
      out[length++] = 0x20;
      continue;
    }
    if (byte === 0x25 && i + 2 < source.length) {
      const high = hexValue(source[i + 1] ?? 0);
      const low = hexValue(source[i + 2] ?? 0);
      if (high >= 0 && low >= 0) {
        out[length++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[length++] = byte;
  }
  return UTF8.decode(out.subarray(0, length));
}

/**
 * PHP's register-variable rule for names: leading spaces dropped, spaces and dots become
 * underscores. Names with `[` build arrays, which never match a scalar parameter of this
 * script, so they are left out.
 */
function registerName(rawName: string): string | undefined {
  const name = rawName.replace(/^ +/, "").replace(/[ .]/g, "_");
  if (name === "" || name.includes("[")) return undefined;
  return name;
}

/**
 * Every name=value pair of a query string or urlencoded body, decoded as PHP decodes them, in
 * order and with repeats: what arrived, before PHP's last-occurrence-wins rule hides anything.
 */
export function urlEncodedPairs(input: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const pair of input.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawName = eq === -1 ? pair : pair.slice(0, eq);
    const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
    pairs.push([phpUrlDecode(rawName), phpUrlDecode(rawValue)]);
  }
  return pairs;
}

/** parse_str() of a query string or an application/x-www-form-urlencoded body. */
export function parseUrlEncoded(input: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [decodedName, value] of urlEncodedPairs(input)) {
    const name = registerName(decodedName);
    if (name !== undefined) params.set(name, value);
  }
  return params;
}

function headerParam(header: string, key: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${key}\\s*=\\s*(?:"([^"]*)"|([^;\\s]*))`, "i").exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

/**
 * multipart/form-data: values arrive verbatim (no `+` decoding); parts with a filename go to
 * $_FILES, not $_POST.
 */
export function parseMultipart(body: Buffer, boundary: string): Map<string, string> {
  const params = new Map<string, string>();
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const partStart = position + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString("latin1") === "--") break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart, next);
    const headerEnd = part.indexOf("\r\n\r\n");
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString("latin1");
      let value = part.subarray(headerEnd + 4);
      if (value.subarray(value.length - 2).toString("latin1") === "\r\n") value = value.subarray(0, value.length - 2);
      const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
      const rawName = headerParam(disposition, "name");
      const isFile = headerParam(disposition, "filename") !== undefined;
      const name = rawName === undefined || isFile ? undefined : registerName(rawName);
      if (name !== undefined) params.set(name, UTF8.decode(value));
    }
    position = next;
  }
  return params;
}

/** $_POST: only for POST requests with one of the two form encodings PHP understands. */
export function parsePostBody(method: string, contentType: string | undefined, body: Buffer): Map<string, string> {
  if (method !== "POST" || !contentType) return new Map();
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") return parseUrlEncoded(body.toString("latin1"));
  if (type === "multipart/form-data") {
    const boundary = headerParam(contentType, "boundary");
    return boundary ? parseMultipart(body, boundary) : new Map();
  }
  return new Map();
}

/** The raw query string of a request target ("" without one). */
function queryOf(requestTarget: string): string {
  const withoutFragment = requestTarget.split("#")[0] ?? "";
  const questionMark = withoutFragment.indexOf("?");
  return questionMark === -1 ? "" : withoutFragment.slice(questionMark + 1);
}

/** $_GET from the raw request target. */
export function parseQueryString(requestTarget: string): Map<string, string> {
  return parseUrlEncoded(queryOf(requestTarget));
}

/** The query's pairs as they arrived (see urlEncodedPairs). */
export function queryPairs(requestTarget: string): [string, string][] {
  return urlEncodedPairs(queryOf(requestTarget));
}

/** The body's pairs as they arrived: urlencoded pairs, or multipart's named fields. */
export function postPairs(method: string, contentType: string | undefined, body: Buffer): [string, string][] {
  const type = contentType?.split(";")[0]?.trim().toLowerCase();
  if (method === "POST" && type === "application/x-www-form-urlencoded") return urlEncodedPairs(body.toString("latin1"));
  return [...parsePostBody(method, contentType, body)];
}
