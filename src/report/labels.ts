// Display names for category keys. The lead passes the rule set's labels (key → label) so
// this folder does not depend on the rules module; a key without a label is shown as is.
export type Labels = Readonly<Record<string, string>>;

export function label(key: string, labels: Labels | undefined): string {
  return labels?.[key] ?? key;
}

export function labelList(keys: readonly string[], labels: Labels | undefined): string {
  return keys.map((k) => label(k, labels)).join('; ');
}

/**
 * Sector keys in the order of DOMAIN.md (the study's own ordering: services first, then
 * industry); sectors a rule file adds later sort after these, alphabetically.
 */
export const SECTOR_ORDER = [
  'tourism',
  'it_digital',
  'creative',
  'financial',
  'transport_logistics',
  'industrial',
  'light_industry',
  'machinery',
  'food_agro',
  'construction',
  'education_science',
  'medical_pharma',
  'aerospace',
  'oil_gas',
  'mining_metallurgy',
  'media_communications',
  'smart_economy',
  'sport',
  'other',
];

export function sortSectors(keys: Iterable<string>): string[] {
  const rank = (k: string): number => {
    const i = SECTOR_ORDER.indexOf(k);
    return i === -1 ? SECTOR_ORDER.length : i;
  };
  return [...new Set(keys)].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The flag text of each city status, for a topic named `topicLabel` («cluster policy»). */
export function statusText(status: string, topicLabel: string): string {
  switch (status) {
    case 'priorities':
      return `${topicLabel} priorities`;
    case 'context_only':
      return `${topicLabel} mentioned only as context`;
    case 'no_cluster_policy':
      return `no ${topicLabel} mention`;
    case 'needs_review':
      return `needs review: only uncertain ${topicLabel} decisions`;
    case 'unreadable':
      return 'not assessed: document could not be read';
    default:
      return status;
  }
}

/** «Cluster policy priorities»: the second column of Table 5. */
export function prioritiesHeading(topicLabel: string): string {
  return `${topicLabel.charAt(0).toUpperCase()}${topicLabel.slice(1)} priorities`;
}

export const COUNTRY_ORDER = ['RU', 'KZ'];
