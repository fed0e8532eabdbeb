// `orca triage report --html`: one self-contained page (inline CSS and SVG, no scripts) with four charts: threads
// per day by kind, time to first response, Orca- vs human-resolved, and the topics most often left unanswered.
// All text is escaped. Chart colours are fixed per kind so a rendered page can be checked pixel by pixel.
import type { TriageReport } from "./report-data.js";
import { KINDS } from "./taxonomy.js";

export const KIND_COLOURS: Record<string, string> = {
  question: "#2f6fde",
  bug: "#d23f31",
  feature: "#2e9d57",
  incident: "#f39c12",
  discussion: "#8e44ad",
  "off-topic": "#7f8c8d",
};
export const ORCA_COLOUR = "#1abc9c";
export const HUMAN_COLOUR = "#34495e";
export const GAP_COLOUR = "#e67e22";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fafbfc}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}
.sub{color:#5b6474}.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.card{background:#fff;border:1px solid #dfe3ea;border-radius:8px;padding:12px}
.legend span{display:inline-block;margin-right:12px}.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}
table{border-collapse:collapse;background:#fff}td,th{border:1px solid #dfe3ea;padding:4px 8px;text-align:left}
`;

const W = 520;
const H = 220;

function stackedDays(r: TriageReport): string {
  const days = r.perDay;
  const max = Math.max(1, ...days.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0)));
  const bw = Math.max(4, Math.floor((W - 40) / Math.max(1, days.length)) - 4);
  const bars: string[] = [];
  days.forEach((d, i) => {
    let y = H - 20;
    for (const kind of KINDS) {
      const n = d.counts[kind] ?? 0;
      if (n === 0) continue;
      const h = Math.round(((H - 40) * n) / max);
      y -= h;
      bars.push(
        `<rect x="${30 + i * (bw + 4)}" y="${y}" width="${bw}" height="${h}" fill="${KIND_COLOURS[kind]}"><title>${escapeHtml(`${d.day} ${kind}: ${n}`)}</title></rect>`,
      );
    }
  });
  const labels = days
    .filter((_, i) => i % Math.ceil(days.length / 7) === 0)
    .map(
      (d) =>
        `<text x="${30 + days.indexOf(d) * (bw + 4)}" y="${H - 4}" font-size="10">${escapeHtml(d.day.slice(5))}</text>`,
    );
  const legend = KINDS.map((k) => `<span><i style="background:${KIND_COLOURS[k]}"></i>${escapeHtml(k)}</span>`).join(
    "",
  );
  return `<svg width="${W}" height="${H}" role="img" aria-label="threads per day by kind">${bars.join("")}${labels.join("")}<text x="0" y="12" font-size="10">${max}</text></svg><div class="legend">${legend}</div>`;
}

function hbars(rows: Array<[string, number, string]>, label: string): string {
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const body = rows
    .map(([name, n, colour], i) => {
      const w = Math.round(((W - 200) * n) / max);
      return `<text x="0" y="${i * 28 + 18}" font-size="12">${escapeHtml(name)}</text><rect x="180" y="${i * 28 + 5}" width="${Math.max(w, n > 0 ? 2 : 0)}" height="18" fill="${colour}"/><text x="${186 + w}" y="${i * 28 + 18}" font-size="12">${n}</text>`;
    })
    .join("");
  return `<svg width="${W}" height="${Math.max(40, rows.length * 28 + 10)}" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`;
}

function firstResponse(r: TriageReport): string {
  const f = r.firstResponse;
  const fmt = (m: number | null) =>
    m === null ? "n/a" : m < 120 ? `${Math.round(m)} min` : `${(m / 60).toFixed(1)} h`;
  return `${hbars(
    [
      ["answered by Orca", r.answeredBy.orca, ORCA_COLOUR],
      ["answered by a human", r.answeredBy.human, HUMAN_COLOUR],
      ["no response yet", r.answeredBy.none, "#bdc3c7"],
    ],
    "first responses",
  )}<p>Time to first response over ${f.count} threads: median ${fmt(f.medianMinutes)}, p90 ${fmt(f.p90Minutes)}.</p>`;
}

export function renderTriageHtml(r: TriageReport, title = "Support triage report"): string {
  const range = `${new Date(r.from).toISOString().slice(0, 10)} to ${new Date(r.to).toISOString().slice(0, 10)}`;
  const gaps = r.gaps
    .map((g) => `<tr><td>${escapeHtml(g.topic)}</td><td>${g.size}</td><td>${escapeHtml(g.example)}</td></tr>`)
    .join("");
  const issues = r.issues
    .map(
      (i) =>
        `<tr><td><a href="${escapeHtml(i.url)}">${escapeHtml(`${i.repo}#${i.number}`)}</a></td><td>${escapeHtml(i.title)}</td><td>${i.threads}</td></tr>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>
<h1>${escapeHtml(title)}</h1><div class="sub">${escapeHtml(range)} · ${r.total} threads · ${r.pastSla} open past SLA</div>
<div class="grid">
<div class="card"><h2>Threads per day by kind</h2>${stackedDays(r)}</div>
<div class="card"><h2>Time to first response</h2>${firstResponse(r)}</div>
<div class="card"><h2>Resolved by Orca vs by humans</h2>${hbars(
    [
      ["resolved by Orca", r.resolvedBy.orca, ORCA_COLOUR],
      ["resolved by humans", r.resolvedBy.human, HUMAN_COLOUR],
    ],
    "resolutions",
  )}</div>
<div class="card"><h2>Top unanswered topics</h2>${hbars(
    r.topUnansweredTopics.map((t) => [t.topic, t.count, GAP_COLOUR] as [string, number, string]),
    "unanswered topics",
  )}</div>
</div>
<h2>Questions Orca could not answer (possible documentation gaps)</h2>
<table><tr><th>topic</th><th>threads</th><th>example</th></tr>${gaps || '<tr><td colspan="3">none</td></tr>'}</table>
<h2>GitHub issues by linked threads</h2>
<table><tr><th>issue</th><th>title</th><th>threads</th></tr>${issues || '<tr><td colspan="3">none</td></tr>'}</table>
</body></html>
`;
}
