// All answer units Orca ships: the pack's written units, then one generated unit per setting (with the everyday
// phrasings the pack's setting-asks.yaml adds to it).
import path from "node:path";
import { DEFAULT_PACK_DIR } from "../default-pack.js";
import { loadSettingsFacts } from "../facts/settings-facts.js";
import { type AnswerUnit, loadUnitsDir } from "./answer-unit.js";
import { loadSettingAsks, settingUnits } from "./setting-units.js";

export function loadAnswerUnits(packDir = DEFAULT_PACK_DIR): AnswerUnit[] {
  const asks = loadSettingAsks(path.join(packDir, "setting-asks.yaml"));
  return [...loadUnitsDir(path.join(packDir, "units")), ...settingUnits(loadSettingsFacts(), asks)];
}
