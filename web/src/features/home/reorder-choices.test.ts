import { describe, expect, it } from 'vitest';
import { chosenValues, moveChoice, toChoices, toggleChoice } from './reorder-choices';

const all = ['open_cases', 'waiting_on_me', 'my_open_cases', 'contracts_ending'] as const;

describe('toChoices', () => {
  it('puts the chosen options first in their chosen order, then the others in the usual order', () => {
    expect(toChoices(all, ['contracts_ending', 'open_cases'])).toEqual([
      { value: 'contracts_ending', chosen: true },
      { value: 'open_cases', chosen: true },
      { value: 'waiting_on_me', chosen: false },
      { value: 'my_open_cases', chosen: false },
    ]);
  });

  it('drops unknown and repeated choices', () => {
    expect(chosenValues(toChoices<string>(all, ['waiting_on_me', 'bogus', 'waiting_on_me']))).toEqual(['waiting_on_me']);
  });
});

describe('moveChoice', () => {
  it('moves an option up or down one place', () => {
    const choices = toChoices(all, all);
    expect(moveChoice(choices, 2, -1).map((c) => c.value)).toEqual(['open_cases', 'my_open_cases', 'waiting_on_me', 'contracts_ending']);
    expect(moveChoice(choices, 0, 1).map((c) => c.value)).toEqual(['waiting_on_me', 'open_cases', 'my_open_cases', 'contracts_ending']);
  });

  it('leaves the list alone at either end', () => {
    const choices = toChoices(all, all);
    expect(moveChoice(choices, 0, -1)).toEqual(choices);
    expect(moveChoice(choices, 3, 1)).toEqual(choices);
  });
});

describe('toggleChoice and chosenValues', () => {
  it('saves the picked values in the order shown', () => {
    let choices = toChoices(all, ['open_cases']);
    choices = toggleChoice(choices, 3, true);
    choices = moveChoice(choices, 3, -1);
    choices = moveChoice(choices, 2, -1);
    expect(chosenValues(choices)).toEqual(['open_cases', 'contracts_ending']);
    expect(chosenValues(toggleChoice(choices, 0, false))).toEqual(['contracts_ending']);
  });
});
