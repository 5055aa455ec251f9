import { randomInt } from 'node:crypto';

/** Fisher–Yates with a cryptographic source: a learner cannot predict the order. */
export function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** What the order rule needs of a drawn question: its option keys and which are correct. */
export interface OrderableQuestion {
  id: string;
  options: { key: string; correct: boolean }[];
}

/** A blind strategy: the option at `position`, counted from the start or from the end. */
export interface BlindStrategy {
  position: number;
  fromEnd: boolean;
}

const pickOf = (order: string[], { position, fromEnd }: BlindStrategy) =>
  order[fromEnd ? order.length - 1 - position : position];

/** The score (0–100, rounded down as in grading) of answering by one strategy everywhere. */
export function blindScore(
  questions: OrderableQuestion[],
  orders: string[][],
  strategy: BlindStrategy,
): number {
  const right = questions.filter((q, i) => {
    const correct = q.options.filter((o) => o.correct).map((o) => o.key);
    return correct.length === 1 && pickOf(orders[i], strategy) === correct[0];
  }).length;
  return Math.floor((right * 100) / Math.max(questions.length, 1));
}

/**
 * The best score any "always the same place" strategy reaches with these orders: always the
 * first, the second…, and always the last, the last but one… (the last is not one position when
 * questions have different numbers of options).
 */
export function bestBlindScore(questions: OrderableQuestion[], orders: string[][]): number {
  const widest = Math.max(0, ...questions.map((q) => q.options.length));
  let best = 0;
  for (let position = 0; position < widest; position++)
    for (const fromEnd of [false, true])
      best = Math.max(best, blindScore(questions, orders, { position, fromEnd }));
  return best;
}

const DRAWS = 200;

/**
 * The order in which an attempt shows each drawn question's options: a uniform cryptographic
 * shuffle per question, drawn again (up to DRAWS times) while answering one place everywhere
 * ("always the first", "always the second", "always the last") would reach the pass mark. The rule only excludes the
 * orders that reward not reading; nothing about a single question's answer can be inferred
 * from it. When no order can keep every position under the pass mark (say, a draw of true/false
 * questions only), the draw with the lowest best blind score is kept.
 */
export function optionOrders(questions: OrderableQuestion[], passPercent: number): string[][] {
  let best: { orders: string[][]; score: number } | undefined;
  for (let draw = 0; draw < DRAWS; draw++) {
    const orders = questions.map((q) => shuffled(q.options.map((o) => o.key)));
    const score = bestBlindScore(questions, orders);
    if (score < passPercent) return orders;
    if (!best || score < best.score) best = { orders, score };
  }
  return best!.orders;
}

/** Stored flat as `<questionId>:<key>` in the shown order (no arrays inside arrays). */
export const flatOrder = (questions: OrderableQuestion[], orders: string[][]): string[] =>
  questions.flatMap((q, i) => orders[i].map((key) => `${q.id}:${key}`));

/** A question's option keys in the order its attempt shows them; stored order for older attempts. */
export function shownKeys(
  stored: string[] | undefined,
  questionId: string,
  keys: string[],
): string[] {
  const prefix = `${questionId}:`;
  const shown = (stored ?? [])
    .filter((entry) => entry.startsWith(prefix))
    .map((entry) => entry.slice(prefix.length))
    .filter((key) => keys.includes(key));
  // options are never added to or removed from a question, but be safe: unknown ones go last
  return [...shown, ...keys.filter((key) => !shown.includes(key))];
}
