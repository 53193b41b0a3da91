/**
 * commander's "(Did you mean ...?)" line, for the words a command checks itself (`apig add KIND`, where the kind
 * is an argument so that `apig add` alone can ask for it): the same rule and wording as commander's suggestions
 * for unknown commands and options, so that every unknown word is answered alike.
 */
import { distance } from '../core/closest.js';

/** `\n(Did you mean x?)`, `\n(Did you mean one of x, y?)`, or '' when no choice is close. */
export function didYouMeanLine(word: string, choices: readonly string[]): string {
  // As commander: the choices fewest edits away, at most three, and more alike than not.
  let best = 3;
  let similar: string[] = [];
  for (const choice of new Set(choices)) {
    const d = distance(word, choice);
    const length = Math.max(word.length, choice.length);
    if ((length - d) / length <= 0.4) continue;
    if (d < best) {
      best = d;
      similar = [choice];
    } else if (d === best) similar.push(choice);
  }
  similar.sort((a, b) => a.localeCompare(b));
  if (similar.length > 1) return `\n(Did you mean one of ${similar.join(', ')}?)`;
  return similar.length === 1 ? `\n(Did you mean ${similar[0]}?)` : '';
}

/** What `apig add|remove|rename|bind KIND` say of a kind they do not know: the kinds, and the nearest. */
export function unknownKindMessage(kind: string, kinds: readonly string[]): string {
  return `unknown kind "${kind}"; choose ${kinds.join(', ')}${didYouMeanLine(kind, kinds)}`;
}
