// The address of the asker's own Prefect server, as they state it ("behind traefik at https://prefect.acme.internal",
// "our api is https://prefect.corp/api/health"): an answer that tells them what to set writes their address, not an
// example one.

/** A link as askers paste it; Slack's `<url|label>` brackets and code ticks end it. */
const URL_IN_TEXT = /https?:\/\/[^\s<>|`'")\]]+/g;
/** Hosts that are the asker's own machine: they say where a process looks, not where the server is for others. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "0.0.0.0", "[::1]"]);
/** Public sites askers link to for other reasons (docs, code, packages), and Prefect Cloud, whose API has its own path. */
const PUBLIC_SITES = [
  "prefect.io",
  "prefect.cloud",
  "github.com",
  "githubusercontent.com",
  "slack.com",
  "pypi.org",
  "python.org",
];
/**
 * Hosts an answer writes for what they are, not as an example of the asker's server: Prefect Cloud, the Docker host
 * seen from a container, a Kubernetes service's in-cluster name.
 */
const MEANT_HOSTS = ["prefect.cloud", "docker.internal", "cluster.local"];

const under = (host: string, sites: readonly string[]) =>
  sites.some((site) => host === site || host.endsWith(`.${site}`));

/** Whether a host is the asker's own machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase());
}

/**
 * The one server address the text states, without the API path ("https://prefect.acme.internal" for
 * ".../api/health"); null when it states none, or several.
 */
export function statedServerUrl(prose: string): string | null {
  const found = new Set<string>();
  for (const m of prose.matchAll(URL_IN_TEXT)) {
    let url: URL;
    try {
      url = new URL(withoutTrailing(m[0], ".,;:"));
    } catch {
      continue;
    }
    const host = url.hostname.toLowerCase();
    if (isLoopback(host) || under(host, PUBLIC_SITES)) continue;
    const at = url.pathname.indexOf("/api");
    const path = withoutTrailing(at < 0 ? url.pathname : url.pathname.slice(0, at), "/");
    found.add(`${url.origin}${path}`);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/**
 * The example API addresses a text writes (`http://prefect.internal:4200/api`), each once: the slots the asker's
 * address fills. Not the asker's own machine, nor a host written for what it is (`host.docker.internal`).
 */
export function exampleApiUrls(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const written = withoutTrailing(m[0], ".,;:");
    if (!written.endsWith("/api")) continue;
    try {
      const host = new URL(written).hostname.toLowerCase();
      if (!isLoopback(host) && !under(host, MEANT_HOSTS)) found.add(written);
    } catch {}
  }
  return [...found];
}

/** The text without any of the given characters at its end ("https://x.io/api." → "https://x.io/api"). */
function withoutTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
