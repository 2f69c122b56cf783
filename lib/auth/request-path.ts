/** proxy.ts puts the requested path (and query) here, so a page can send people back to it after sign-in. */
export const REQUEST_PATH_HEADER = "x-dashboard-path";
