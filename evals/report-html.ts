// One self-contained HTML page: inline CSS, an inline SVG chart, and a per-case table. All text is escaped.
import { formatMs, METRIC_LABELS, percent } from "./report-text.js";
import type { AuditReport, CaseResult, EvalReport, MetricName } from "./types.js";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d2330;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
.sub{color:#5b6474;margin-bottom:18px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;width:100%;background:#fff}
table.groups{width:auto;min-width:420px}
th,td{border:1px solid #dfe3ea;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f6}
td.num{text-align:right;white-space:nowrap}
.pass{color:#17803d;font-weight:600}.fail{color:#b42318;font-weight:600}
pre{white-space:pre-wrap;word-break:break-word;margin:4px 0;font-size:12px;max-height:320px;overflow:auto;background:#f6f8fa;padding:6px}
details summary{cursor:pointer;color:#2f5bd3}
ul.reasons{margin:0;padding-left:18px}
`;

export function renderHtml(report: EvalReport): string {
  const s = report.summary;
  const bars: Array<[string, number]> = [["pass rate", s.passRate]];
  for (const [name, m] of Object.entries(s.metrics)) {
    if (m.mean !== null) bars.push([METRIC_LABELS[name as MetricName], m.mean]);
  }
  const cards = [
    ["cases", String(s.total)],
    ["passed", `${s.passed} (${percent(s.passRate)})`],
    ["latency p50", formatMs(s.latencyMs.p50)],
    ["latency p95", formatMs(s.latencyMs.p95)],
    ["mode", report.mode],
  ];
  const body = [
    `<h1>Orca eval report</h1>`,
    `<div class="sub">Generated ${escapeHtml(report.generatedAt)}</div>`,
    `<div class="cards">${cards.map(([k, v]) => `<div class="card">${escapeHtml(k!)}<b>${escapeHtml(v!)}</b></div>`).join("")}</div>`,
    `<h2>Scores</h2>`,
    barChart(bars),
    groupTable("By version", s.byVersion),
    groupTable("By tag", s.byTag),
    `<h2>Cases</h2>`,
    caseTable(report.cases),
  ];
  return page("Orca eval report", body.join("\n"));
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
${body}
</body></html>
`;
}

/** Horizontal bars, 0-100%, one per score. */
export function barChart(bars: Array<[string, number]>): string {
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 520;
  const height = bars.length * rowHeight + 24;
  const rows = bars.map(([label, value], i) => {
    const y = 8 + i * rowHeight;
    const width = Math.round(Math.max(0, Math.min(1, value)) * barWidth);
    const color = i === 0 ? "#2f5bd3" : value >= 0.8 ? "#2e9d57" : value >= 0.5 ? "#d09a16" : "#c8432b";
    return [
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" font-size="13">${escapeHtml(label)}</text>`,
      `<rect x="${labelWidth}" y="${y}" width="${barWidth}" height="20" fill="#eceff4"/>`,
      `<rect x="${labelWidth}" y="${y}" width="${width}" height="20" fill="${color}"/>`,
      `<text x="${labelWidth + barWidth + 8}" y="${y + 15}" font-size="13">${escapeHtml(percent(value))}</text>`,
    ].join("");
  });
  const total = labelWidth + barWidth + 70;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Scores" width="${total}" height="${height}" viewBox="0 0 ${total} ${height}" font-family="system-ui,sans-serif">${rows.join("")}</svg>`;
}

function groupTable(
  title: string,
  groups: Record<string, { total: number; passed: number; passRate: number }>,
): string {
  const entries = Object.entries(groups);
  if (entries.length === 0) return "";
  const rows = entries
    .map(
      ([k, g]) =>
        `<tr><td>${escapeHtml(k)}</td><td class="num">${g.passed}/${g.total}</td><td class="num">${percent(g.passRate)}</td></tr>`,
    )
    .join("");
  return `<h2>${escapeHtml(title)}</h2><table class="groups"><thead><tr><th>group</th><th>passed</th><th>rate</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function caseTable(cases: CaseResult[]): string {
  const rows = cases.map((c) => {
    const failed = c.checks.filter((k) => !k.pass);
    const status = c.pass ? `<span class="pass">pass</span>` : `<span class="fail">fail</span>`;
    const reasons = failed.length
      ? `<ul class="reasons">${failed.map((k) => `<li><b>${escapeHtml(k.name)}</b>: ${escapeHtml(k.detail)}</li>`).join("")}</ul>`
      : "";
    const answer = c.answer
      ? `<details><summary>answer (${escapeHtml(c.answer.mode)}, ${escapeHtml(c.answer.version)})</summary><pre>${escapeHtml(c.answer.markdown)}</pre></details>`
      : escapeHtml(c.error ?? "");
    return `<tr><td>${escapeHtml(c.id)}</td><td>${status}</td><td>${escapeHtml(c.question)}</td><td>${answer}</td><td>${reasons}</td><td class="num">${escapeHtml(formatMs(c.latencyMs))}</td></tr>`;
  });
  return `<table><thead><tr><th>case</th><th>result</th><th>question</th><th>answer</th><th>what failed</th><th>latency</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
}

/** The audit as a page: one table of defects per transcript. */
export function renderAuditHtml(report: AuditReport): string {
  const sections = report.transcripts.map((t) => {
    const rows = t.defects
      .map(
        (d) =>
          `<tr><td class="num">${d.messageIndex}</td><td>${escapeHtml(d.author)}</td><td>${escapeHtml(d.ts ?? "")}</td><td>${escapeHtml(d.code)}</td><td>${escapeHtml(d.severity)}</td><td>${escapeHtml(d.message)}</td><td><pre>${escapeHtml(d.excerpt)}</pre></td></tr>`,
      )
      .join("\n");
    return `<h2>${escapeHtml(t.file)}</h2><div class="sub">Prefect ${escapeHtml(t.version.version)} (checked against ${escapeHtml(
      t.version.resolved,
    )}) · ${t.botMessages} bot messages · ${t.defects.length} defects</div><table><thead><tr><th>msg</th><th>author</th><th>time</th><th>code</th><th>severity</th><th>defect</th><th>excerpt</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return page("Orca audit report", [`<h1>Orca audit of recorded answers</h1>`, ...sections].join("\n"));
}
