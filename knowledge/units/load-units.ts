// All answer units Orca ships: the pack's written units, then one generated unit per setting.
import path from "node:path";
import { DEFAULT_PACK_DIR } from "../default-pack.js";
import { loadSettingsFacts } from "../facts/settings-facts.js";
import { type AnswerUnit, loadUnitsDir } from "./answer-unit.js";
import { settingUnits } from "./setting-units.js";

export function loadAnswerUnits(packDir = DEFAULT_PACK_DIR): AnswerUnit[] {
  return [...loadUnitsDir(path.join(packDir, "units")), ...settingUnits(loadSettingsFacts())];
}
