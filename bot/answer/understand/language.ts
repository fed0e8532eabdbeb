// Which natural language a question is written in, when it is not English: the reply says it answers in English.
// Function words per language are data; scripts other than Latin are told apart by their Unicode script.

const FUNCTION_WORDS: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  [
    "English",
    new Set("the is are a an and or to of in on for with how what why do does can my i it this that".split(" ")),
  ],
  ["German", new Set("der die das und ist ich nicht wie was warum ein eine mit auf für mein wird kann".split(" "))],
  ["French", new Set("le la les et est je ne pas comment pourquoi un une avec pour mon dans qui que".split(" "))],
  ["Spanish", new Set("el la los las y es yo no cómo como por qué porque un una con para mi en que".split(" "))],
  ["Portuguese", new Set("o a os as e é eu não como por que um uma com para meu em isso".split(" "))],
  ["Italian", new Set("il lo la gli e è io non come perché un una con per mio che".split(" "))],
  ["Dutch", new Set("de het een en is ik niet hoe wat waarom met op voor mijn kan".split(" "))],
];

const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ["Chinese", /\p{Script=Han}/gu],
  ["Japanese", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["Korean", /\p{Script=Hangul}/gu],
  ["Russian", /\p{Script=Cyrillic}/gu],
];

/** The language of the text when it is clearly not English, else null. */
export function nonEnglish(text: string): string | null {
  const letters = text.replace(/`[^`]*`|```[\s\S]*?```|https?:\S+/g, " ");
  for (const [name, script] of SCRIPTS) {
    const hits = letters.match(script)?.length ?? 0;
    if (hits >= 4) return name;
  }
  const tokens = letters.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.length < 4) return null;
  const scores = FUNCTION_WORDS.map(([name, set]) => ({ name, n: tokens.filter((t) => set.has(t)).length }));
  const english = scores[0]!.n;
  const best = scores.slice(1).sort((a, b) => b.n - a.n)[0]!;
  return best.n >= 3 && best.n > english * 1.5 ? best.name : null;
}
