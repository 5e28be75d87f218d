// Report labels of category keys, declared in the rule files' `categories:` sections.
import { CATEGORY_GROUPS } from './schema.js';
import type { RuleSet } from './types.js';

/** 'tourism' → 'туризм / tourism'; an unknown key is returned as it is. */
export function categoryLabel(ruleSet: RuleSet, key: string): string {
  for (const g of CATEGORY_GROUPS) {
    const l = ruleSet.categories[g][key];
    if (l) return l.ru === l.en ? l.ru : `${l.ru} / ${l.en}`;
  }
  return key;
}
