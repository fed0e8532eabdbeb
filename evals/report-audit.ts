// The audit as text: per transcript, each defect with the message it occurred in.
import type { AuditReport } from "./types.js";

export function renderAuditText(report: AuditReport): string {
  const lines: string[] = [];
  for (const t of report.transcripts) {
    lines.push(
      `${t.file}: Prefect ${t.version.version} (${t.version.how}; checked against ${t.version.resolved}) · ${t.botMessages} bot messages · ${t.defects.length} defect(s)`,
    );
    for (const d of t.defects) {
      const when = d.ts ? `, ${d.ts}` : "";
      lines.push(`  [${d.messageIndex}] ${d.author}${when} · ${d.severity} ${d.code}: ${d.message}`);
      lines.push(`      > ${d.excerpt}`);
    }
    lines.push("");
  }
  const total = report.transcripts.reduce((n, t) => n + t.defects.length, 0);
  lines.push(`${total} defect(s) in ${report.transcripts.length} transcript(s)`);
  return `${lines.join("\n")}\n`;
}
