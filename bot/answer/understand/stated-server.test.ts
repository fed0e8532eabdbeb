import { describe, expect, it } from "vitest";
import { exampleApiUrls, statedServerUrl } from "./stated-server.js";

describe("statedServerUrl", () => {
  it.each([
    [
      "server is behind traefik at https://prefect.acme.internal. the UI can't reach the api",
      "https://prefect.acme.internal",
    ],
    ["our api is https://prefect.corp.example/api/health and it answers", "https://prefect.corp.example"],
    ["served under a path: https://tools.example.com/prefect/api", "https://tools.example.com/prefect"],
    ["slack link form <https://prefect.acme.internal|prefect.acme.internal> works", "https://prefect.acme.internal"],
    // The asker's own machine, links to docs or code, and two servers say no one address.
    ["devtools shows it calling http://127.0.0.1:4200/api", null],
    ["per https://docs.prefect.io/v3/advanced/self-hosted i set it", null],
    ["staging is https://a.example.com and prod https://b.example.com", null],
    ["no link here", null],
  ])("%s → %s", (prose, expected) => {
    expect(statedServerUrl(prose)).toBe(expected);
  });
});

describe("exampleApiUrls", () => {
  it.each([
    [
      "set it to the address users reach, e.g. `http://prefect.internal:4200/api`.",
      ["http://prefect.internal:4200/api"],
    ],
    // The local server's address is where a process on that machine looks, not an example to fill.
    ["open http://127.0.0.1:4200 and set `PREFECT_API_URL=http://127.0.0.1:4200/api`", []],
    ["see https://docs.prefect.io/v3/api-ref", []],
    ["from a container use `http://host.docker.internal:4200/api`", []],
    ["in the cluster it is `http://prefect-server.prefect.svc.cluster.local:4200/api`", []],
  ])("%s → %j", (text, expected) => {
    expect(exampleApiUrls(text)).toEqual(expected);
  });
});
