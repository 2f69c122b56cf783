// Without zod: the password forms show the limits in the browser (the schemas are in schemas.ts).

/** bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused. */
export const MAX_PASSWORD_BYTES = 72;
export const MIN_PASSWORD_LENGTH = 12;
