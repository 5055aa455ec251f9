/**
 * Where the person goes with what the desk gave them. The code travels in the fragment (`#…`):
 * browsers never send it to the server, so it stays out of logs.
 */
export function questionLink(origin: string, accessCode: string): string {
  return `${origin}/ask/open#code=${encodeURIComponent(accessCode)}`;
}

export function setupLink(origin: string, login: string, code: string): string {
  return `${origin}/account/code#login=${encodeURIComponent(login)}&code=${encodeURIComponent(code)}`;
}

/** An access code in groups of four, easier to read out and type (spaces are ignored). */
export function groupCode(code: string): string {
  return code.match(/.{1,4}/g)?.join(' ') ?? code;
}

/** The values a link above put in the fragment, e.g. `#login=a&code=b`. */
export function fragmentValues(hash: string): Record<string, string> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return Object.fromEntries(params.entries());
}
