// Targets are reported beside the figures (text and whether this run met them); nothing enforces them.
import { formatNumber } from "./format-number.js";
import type { Figure, Target } from "./types.js";

export function formatTarget(target: Target, unit: string): string {
  const stat = target.stat === "value" ? "" : `${target.stat} `;
  const bound =
    target.below !== undefined ? `< ${formatNumber(target.below)}` : `>= ${formatNumber(target.atLeast ?? Number.NaN)}`;
  return `${stat}${bound}${unit ? ` ${unit}` : ""}`;
}

/** Whether the figure meets its target in this run; undefined when it has none or the statistic is missing. */
export function targetMet(figure: Figure): boolean | undefined {
  const t = figure.target;
  if (!t) return undefined;
  const measured = t.stat === "value" ? figure.value : figure.stats?.[t.stat];
  if (measured === undefined || Number.isNaN(measured)) return undefined;
  if (t.below !== undefined && !(measured < t.below)) return false;
  if (t.atLeast !== undefined && !(measured >= t.atLeast)) return false;
  return true;
}
