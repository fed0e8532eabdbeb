import { type Section, SkipSection } from "../section.js";

export const e2eSection: Section = {
  name: "e2e",
  async run() {
    throw new SkipSection("serve not wired yet");
  },
};
