/** What an IME-aware text box knows: the text shown, the text settled enough to search, whether a composition is open. */
export interface ImeState {
  value: string;
  committed: string;
  composing: boolean;
}

export type ImeEvent =
  | { type: 'compositionstart' }
  /** An input event; `isComposing` is the native event's flag (Safari sends it false before compositionend). */
  | { type: 'change'; value: string; isComposing: boolean }
  | { type: 'compositionend'; value: string }
  /** The text set from outside (the URL changed, the box was cleared): shown and committed at once. */
  | { type: 'set'; value: string };

/**
 * The IME guard of the search boxes: while a Korean (or any) input method composes a syllable, the
 * text shown follows every keystroke but the committed text (what is searched) only moves when the
 * composition ends or when text arrives outside a composition, so `ㅅ`, `세`, `셋` never reach the
 * server as half-formed queries.
 */
export function reduceIme(state: ImeState, event: ImeEvent): ImeState {
  switch (event.type) {
    case 'compositionstart':
      return { ...state, composing: true };
    case 'change':
      if (state.composing || event.isComposing) return { ...state, value: event.value };
      return { value: event.value, committed: event.value, composing: false };
    case 'compositionend':
      return { value: event.value, committed: event.value, composing: false };
    case 'set':
      return { value: event.value, committed: event.value, composing: false };
  }
}
