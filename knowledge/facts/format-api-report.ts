// Plain-text rendering of an ApiReport for a terminal (and for quoting in answers).

import type { ApiReport } from "./describe-api.js";
import type { ParamFact } from "./types.js";

const MAX_MEMBERS = 40;

export function formatApiReport(report: ApiReport): string {
  const lines: string[] = [];
  const v = report.version;
  switch (report.status) {
    case "integration":
      lines.push(
        `${report.name}: part of the integration package ${report.integration?.pip} (pip install ${report.integration?.pip}), ` +
          "not of core prefect.",
        report.integration?.knownExport
          ? "  It is one of the package's well-known exports."
          : "  Orca does not list this name among the package's well-known exports; check the package's docs.",
      );
      break;
    case "unknown":
      lines.push(`${report.query}: not a Prefect name in ${v}.`);
      break;
    case "present":
      lines.push(`${report.name} (${report.kind}): exists in ${v}${report.deprecated ? ", deprecated" : ""}.`);
      break;
    case "removed":
      lines.push(`${report.name} (${report.kind}): not in ${v}; it was last in ${report.lastRelease}.`);
      break;
    case "not-yet":
      lines.push(`${report.name} (${report.kind}): not in ${v} yet; it first appears in ${report.firstRelease}.`);
      break;
  }
  if (report.definedAt) lines.push(`  defined in: ${report.definedAt}`);
  if (report.present?.length)
    lines.push(`  releases:   ${report.present.map(([a, b]) => (a === b ? a : `${a} – ${b}`)).join(", ")}`);
  if (report.lastRelease && report.status === "present") lines.push(`  last seen:  ${report.lastRelease}`);
  const at = report.detailsRelease ? ` (in ${report.detailsRelease})` : "";
  if (report.params) lines.push(`  signature:  ${signature(report.name ?? report.query, report.params)}${at}`);
  if (report.returns) lines.push(`  returns:    ${report.returns}${at}`);
  if (report.members) {
    lines.push(`  members:    ${shortList(report.members.names)}`);
    if (!report.members.complete)
      lines.push("              (a base class lies outside what Orca knows; the list may be partial)");
  }
  if (report.moduleNames) lines.push(`  names:      ${shortList(report.moduleNames)}`);
  if (report.replacement) lines.push(`  instead:    ${report.replacement}`);
  if (report.livesIn.length) lines.push(`  in ${v} it lives in: ${report.livesIn.slice(0, 5).join(", ")}`);
  if (report.suggestions.length) lines.push(`  did you mean: ${report.suggestions.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** Python-like signature text: name(a, b=…, *args, c, d=…, **kwargs). */
export function signature(name: string, params: readonly ParamFact[]): string {
  const short = name.slice(name.lastIndexOf(".") + 1);
  const parts: string[] = [];
  let starred = false;
  for (const p of params) {
    if (p.kind === "var_positional") {
      parts.push(`*${p.name}`);
      starred = true;
    } else if (p.kind === "var_keyword") parts.push(`**${p.name}`);
    else {
      if (p.kind === "keyword_only" && !starred) {
        parts.push("*");
        starred = true;
      }
      parts.push(p.hasDefault ? `${p.name}=…` : p.name);
    }
  }
  return `${short}(${parts.join(", ")})`;
}

function shortList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_MEMBERS);
  const more = names.length - shown.length;
  return `${shown.join(", ")}${more > 0 ? `, … (${more} more)` : ""}`;
}
