import { useEffect, useState } from 'react';

/**
 * Text typed in fields this component does not own (the case wizard's subject and description),
 * held at its last value outside an input method's composition: while a Korean syllable is being
 * composed anywhere on the page, the previous text stays, so a half-formed syllable is never searched.
 */
export function useSettledText(text: string): string {
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    const start = () => setComposing(true);
    const end = () => setComposing(false);
    document.addEventListener('compositionstart', start, true);
    document.addEventListener('compositionend', end, true);
    return () => {
      document.removeEventListener('compositionstart', start, true);
      document.removeEventListener('compositionend', end, true);
    };
  }, []);
  const [settled, setSettled] = useState(text);
  if (!composing && settled !== text) setSettled(text);
  return composing ? settled : text;
}
