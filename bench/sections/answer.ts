import { type Section, SkipSection } from "../section.js";

export const answerSection: Section = {
  name: "answer",
  async run() {
    throw new SkipSection("answer engine not wired yet");
  },
};
