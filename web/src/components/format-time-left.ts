type Unit = 'hour' | 'minute' | 'second';

/**
 * A number of seconds as words, to sit in a sentence ("… 후에", "in …"): `30초`, `1분 5초`,
 * `1시간 2분` in Korean; `30 seconds`, `1 minute 5 seconds` in English. Units that are zero are
 * left out; part of a second counts as a whole one and negative values as 0.
 */
export function formatTimeLeft(seconds: number, language: string): string {
  const total = Math.max(0, Math.ceil(seconds));
  const amounts: [number, Unit][] = [
    [Math.floor(total / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const shown = amounts.filter(([value]) => value > 0);
  const unit = ([value, name]: [number, Unit]) => new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  return (shown.length > 0 ? shown : [[0, 'second'] as [number, Unit]]).map(unit).join(' ');
}
