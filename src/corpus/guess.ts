// Guessing the city of a document that is not in the manifest: first from its title page
// («…города Казани…», «Алматы қаласын…»), else from its file name.
import { matchKey } from '../text/normalize.js';
import type { Country } from '../records.js';
import { KNOWN_CITIES, type KnownCity } from './cities.js';

export interface CityGuess {
  city: string;
  country: Country | '';
  source: 'title' | 'filename';
}

const LETTER = /[\p{L}]/u;
// Words that announce a city name in a Russian title, or follow it in a Kazakh one.
const BEFORE_CITY = /(?:город[а-я]*|г\.|городского округа|округ[а-я]*)\s*$/u;
const AFTER_CITY = /^\s*қала/u;

function findForm(key: string, city: KnownCity): { index: number; contextual: boolean } | undefined {
  let best: { index: number; contextual: boolean } | undefined;
  for (const form of city.forms) {
    let from = 0;
    for (;;) {
      const i = key.indexOf(form, from);
      if (i < 0) break;
      from = i + 1;
      if (i > 0 && LETTER.test(key[i - 1] ?? '')) continue; // not at a word start
      let end = i + form.length;
      while (end < key.length && LETTER.test(key[end] ?? '')) end++;
      const contextual = BEFORE_CITY.test(key.slice(Math.max(0, i - 24), i)) || AFTER_CITY.test(key.slice(end, end + 12));
      if (city.needsContext && !contextual) continue;
      if (!best || (contextual && !best.contextual) || (contextual === best.contextual && i < best.index)) {
        best = { index: i, contextual };
      }
    }
  }
  return best;
}

/**
 * The city named on a title page. A name announced by «города …» / «… қаласы» wins over a
 * bare one; among equals the first in the text wins.
 */
export function guessCityFromTitle(titleText: string): { city: string; country: Country } | undefined {
  const key = matchKey(titleText);
  let best: { city: KnownCity; index: number; contextual: boolean } | undefined;
  for (const city of KNOWN_CITIES) {
    const hit = findForm(key, city);
    if (!hit) continue;
    if (!best || (hit.contextual && !best.contextual) || (hit.contextual === best.contextual && hit.index < best.index)) {
      best = { city, ...hit };
    }
  }
  return best ? { city: best.city.name, country: best.city.country } : undefined;
}

/** The city from a file name such as `kazan_strategy_2030.pdf` → «kazan». */
export function cityFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const first = base.split(/[_\s.]+/).find((p) => /\p{L}/u.test(p)) ?? base;
  return first.replace(/-\d+$/, '');
}

export function guessCity(titleText: string, fileName: string): CityGuess {
  const fromTitle = guessCityFromTitle(titleText);
  if (fromTitle) return { ...fromTitle, source: 'title' };
  return { city: cityFromFileName(fileName), country: '', source: 'filename' };
}
