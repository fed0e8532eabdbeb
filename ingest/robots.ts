// robots.txt rules through `robots-parser`, a maintained implementation of the robots exclusion standard (RFC 9309):
// user-agent group matching by product token, Allow/Disallow with longest-match precedence, wildcards and `$`.
import robotsModule from "robots-parser";

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
type RobotsParser = (url: string, contents: string) => Robot;
// A CommonJS module whose typings declare an ES default export: at run time the import is the function itself.
const robotsParser = ((robotsModule as unknown as { default?: RobotsParser }).default ??
  robotsModule) as unknown as RobotsParser;

export interface RobotsRules {
  allows(pathname: string): boolean;
}

/** Rules of `text` for `userAgent`; `origin` is the site the robots.txt came from (paths are resolved against it). */
export function parseRobots(text: string, userAgent: string, origin = "http://robots.invalid"): RobotsRules {
  const robotsUrl = new URL("/robots.txt", origin).href;
  const robot = robotsParser(robotsUrl, text);
  return {
    allows(pathname: string): boolean {
      // undefined means the URL is not on this site: the crawler never asks that, and nothing then forbids it.
      return robot.isAllowed(new URL(pathname, origin).href, userAgent) !== false;
    },
  };
}
