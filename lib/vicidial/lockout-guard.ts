import type { VicidialFailure } from "./errors";

/**
 * VICIdial locks an account after 10 failed logins in a row, for every interface sharing it
 * (contract 1.4, 3 "Never retry automatically on Login incorrect"). After the first
 * LOGIN_INCORRECT or LOCKED_OUT this client stops sending with the same credentials and repeats
 * that failure at once, so a wrong password in the configuration can never lock the account.
 * A client's credentials never change, so a new configuration (new client) starts clean.
 */
export const LOCKOUT_PAUSE_MS = 15 * 60 * 1000;

const STOPPED =
  "Stopped sending to protect the account from VICIdial's 10-attempt lockout; fix the credentials or wait 15 minutes.";

export interface LockoutGuard {
  /** The failure to answer with instead of sending, if the guard is tripped. */
  blocked(): VicidialFailure | undefined;
  trip(failure: VicidialFailure): void;
}

export function createLockoutGuard(now: () => number): LockoutGuard {
  let tripped: { failure: VicidialFailure; at: number } | undefined;
  return {
    blocked() {
      if (!tripped) return undefined;
      if (now() - tripped.at >= LOCKOUT_PAUSE_MS) {
        tripped = undefined;
        return undefined;
      }
      const { failure } = tripped;
      return { ...failure, message: `${failure.message}. ${STOPPED}` };
    },
    trip(failure) {
      // Keep the first failure: requests already in flight may land after it.
      if (!tripped) tripped = { failure, at: now() };
    },
  };
}
