/** One option of a "pick and order" list: its value and whether it is picked. */
export interface Choice<T> {
  value: T;
  chosen: boolean;
}

/** Every option, the chosen ones first in the order chosen, then the rest in their usual order. */
export function toChoices<T>(all: readonly T[], chosen: readonly T[]): Choice<T>[] {
  const picked = chosen.filter((value, index) => all.includes(value) && chosen.indexOf(value) === index);
  return [...picked.map((value) => ({ value, chosen: true })), ...all.filter((value) => !picked.includes(value)).map((value) => ({ value, chosen: false }))];
}

/** The list with the option at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveChoice<T>(choices: readonly Choice<T>[], index: number, delta: -1 | 1): Choice<T>[] {
  const target = index + delta;
  if (index < 0 || index >= choices.length || target < 0 || target >= choices.length) return [...choices];
  const next = [...choices];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The list with one option picked or not. */
export function toggleChoice<T>(choices: readonly Choice<T>[], index: number, chosen: boolean): Choice<T>[] {
  return choices.map((choice, i) => (i === index ? { ...choice, chosen } : choice));
}

/** The picked values, in the list's order: what is saved. */
export function chosenValues<T>(choices: readonly Choice<T>[]): T[] {
  return choices.filter((choice) => choice.chosen).map((choice) => choice.value);
}
