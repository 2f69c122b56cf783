/** An alias's phone logins: a list in the form, one comma-joined string in VICIdial. Plain, no zod: the forms use it. */

export function joinLogins(logins: readonly string[]): string {
  return logins.join(",");
}

export function splitLogins(joined: string): string[] {
  return joined.split(",").filter((login) => login !== "");
}
