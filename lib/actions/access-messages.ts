/** What a refused request is told, by a server action and by a route handler alike. */
export const ACCESS_MESSAGES = {
  unauthorized: "Your session has ended. Sign in again to continue.",
  forbidden: "Your role does not allow this.",
  passwordFirst: "Choose your own password on the Account page first.",
  sessionCheck: "Could not check your session just now. Try again.",
} as const;
