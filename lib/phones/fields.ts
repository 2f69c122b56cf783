/**
 * A phone's plain field data, no zod: the forms use it without loading the schemas.
 */

export const PHONE_PROTOCOLS = ["SIP", "IAX2", "Zap", "EXTERNAL"] as const;
export type PhoneProtocol = (typeof PHONE_PROTOCOLS)[number];
