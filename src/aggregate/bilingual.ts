// Links the Kazakh and Russian versions of one priority in a bilingual strategy (one PDF
// with both halves, or a Kazakh and a Russian file of the same strategy), so Table 5 shows
// the priority once with both texts instead of counting it twice.
//
// Method (documented in the README): the two language versions of an official Kazakh
// document are parallel texts: the same items in the same order. The city's Kazakh items and
// its Russian items, each in reading order, are aligned by a longest common subsequence in
// which two items may pair only when
//   - their sector sets are equal (a Kazakh tourism item never pairs with a Russian IT item),
//   - and the numbers they contain (years, amounts, item numbers) are the same when both
//     contain any.
// The LCS keeps the order (a translation does not reorder the list), so the i-th Kazakh
// tourism priority pairs with the i-th Russian one. Unpaired items stay as they are: a
// priority stated in one language only is still reported. The Russian text speaks for the
// pair; the Kazakh text is kept in `translations` and both evidence locations are listed.
import type { PriorityItem } from '../records.js';
import { compare, union } from './dedupe.js';
import { numbersIn } from './text-key.js';

const PRIMARY = 'rus';
const SECONDARY = 'kaz';

interface Ordered {
  item: PriorityItem;
  order: number;
}

export function canPair(a: PriorityItem, b: PriorityItem): boolean {
  const sa = [...a.sectors].sort(compare).join('|');
  const sb = [...b.sectors].sort(compare).join('|');
  if (sa !== sb) return false;
  const na = numbersIn(a.text);
  const nb = numbersIn(b.text);
  if (na.length > 0 && nb.length > 0 && na.join('|') !== nb.join('|')) return false;
  return true;
}

/** Pairs (index in ru, index in kk) of an order-preserving maximum alignment. */
export function alignPairs(ru: readonly PriorityItem[], kk: readonly PriorityItem[]): [number, number][] {
  const n = ru.length;
  const m = kk.length;
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => table[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = table[i] as number[];
      row[j] = canPair(ru[i] as PriorityItem, kk[j] as PriorityItem) ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (canPair(ru[i] as PriorityItem, kk[j] as PriorityItem) && at(i, j) === at(i + 1, j + 1) + 1) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) i += 1;
    else j += 1;
  }
  return pairs;
}

/**
 * Items in reading order (position = order of the first evidence) with Kazakh items that
 * have a Russian counterpart folded into it.
 */
export function linkLanguages(items: readonly PriorityItem[]): PriorityItem[] {
  const ordered: Ordered[] = items.map((item, order) => ({ item, order }));
  const ru = ordered.filter((o) => o.item.lang === PRIMARY);
  const kk = ordered.filter((o) => o.item.lang === SECONDARY);
  if (ru.length === 0 || kk.length === 0) return [...items];
  const pairs = alignPairs(
    ru.map((o) => o.item),
    kk.map((o) => o.item),
  );
  const folded = new Set<number>();
  const replaced = new Map<number, PriorityItem>();
  for (const [i, j] of pairs) {
    const r = ru[i] as Ordered;
    const k = kk[j] as Ordered;
    folded.add(k.order);
    replaced.set(r.order, merge(r.item, k.item));
  }
  return ordered.filter((o) => !folded.has(o.order)).map((o) => replaced.get(o.order) ?? o.item);
}

function merge(primary: PriorityItem, other: PriorityItem): PriorityItem {
  const evidence = [...primary.evidence];
  for (const e of other.evidence) if (!evidence.some((x) => x.unitId === e.unitId)) evidence.push(e);
  const translations = [...(primary.translations ?? []), { lang: other.lang, text: other.text, unitId: other.evidence[0]?.unitId ?? '' }];
  return {
    ...primary,
    sectors: union(primary.sectors, other.sectors),
    measures: union(primary.measures, other.measures),
    targets: union(primary.targets ?? [], other.targets ?? []),
    translations,
    evidence,
  };
}
