import { useCallback, useReducer, type ChangeEvent, type CompositionEvent } from 'react';
import { reduceIme } from './ime-guard';

/**
 * A text box's value that is safe to search as it is typed: `value` is what the box shows,
 * `committed` what the person has actually written (no half-composed Korean syllable). Spread
 * `inputProps` on the input; `setValue` replaces the text from outside (a URL change, clearing).
 */
export function useImeSafeInput(initial = '') {
  const [state, dispatch] = useReducer(reduceIme, { value: initial, committed: initial, composing: false });
  const setValue = useCallback((value: string) => dispatch({ type: 'set', value }), []);
  const inputProps = {
    value: state.value,
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      dispatch({ type: 'change', value: event.currentTarget.value, isComposing: (event.nativeEvent as InputEvent).isComposing === true }),
    onCompositionStart: () => dispatch({ type: 'compositionstart' }),
    onCompositionEnd: (event: CompositionEvent<HTMLInputElement>) => dispatch({ type: 'compositionend', value: event.currentTarget.value }),
  };
  return { value: state.value, committed: state.committed, isComposing: state.composing, setValue, inputProps };
}
