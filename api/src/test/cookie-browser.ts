/** A browser in miniature: follows nothing by itself, keeps cookies per origin and name. */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  /** `site`: where relative addresses go, and whose cookies `cookies()` gives by default. */
  constructor(private readonly site: string) {}

  cookies(origin = this.site): Map<string, string> {
    let jar = this.jars.get(origin);
    if (!jar) this.jars.set(origin, (jar = new Map()));
    return jar;
  }

  async fetch(address: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(address, this.site);
    const jar = this.cookies(url.origin);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (!value || /Max-Age=0\b/i.test(header) || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  }
}
