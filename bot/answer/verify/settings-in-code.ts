// A code block quoted from a note or a unit may set a setting under the name of another release
// (`PREFECT_SERVER_DATABASE_CONNECTION_URL=` shown to a 2.20 asker). Where the asker's release knows the same setting
// under another name, the block is rewritten to that name; prose is the claim checker's business.
import { codeFences } from "../../../core/index.js";
import { SETTING_NAMES, type SettingsFacts } from "../../../knowledge/index.js";

export function withReleaseSettingNames(markdown: string, settings: SettingsFacts, release: string): string {
  let out = "";
  let last = 0;
  for (const fence of codeFences(markdown)) {
    const block = markdown.slice(fence.start, fence.end);
    out += markdown.slice(last, fence.start);
    out += block.replace(SETTING_NAMES, (name) => settings.counterpartAt(name, release)?.name ?? name);
    last = fence.end;
  }
  return out + markdown.slice(last);
}
