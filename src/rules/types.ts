// Types of a loaded, compiled rule set and of match results (the contract in index.ts).
import type { BlockKind, LangCode, Mention, MentionKind } from '../records.js';
import type { CompiledPattern } from './pattern.js';
import type { CategoryGroup, Labels, MatchExample, NoMatchExample, Scope } from './schema.js';

export type RuleFileError = { file: string; line: number; column: number; message: string };

/** Where a YAML node sits, for errors found after loading (examples, categories). */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

export interface CompiledRule {
  id: string;
  description: string;
  file: string;
  pos: SourcePos;
  languages: string[];
  role: 'trigger' | 'signal' | 'sense' | 'anaphor';
  /** For an anaphor rule: what its occurrences take from their antecedent. */
  takes?: { kind: boolean; categories: boolean };
  scopes: Scope[];
  window: { before: number; after: number };
  patterns: CompiledPattern[];
  exclusions: CompiledPattern[];
  /** When non-empty, one of these must also match in the same text for the rule to fire. */
  requires: CompiledPattern[];
  blockKinds?: BlockKind[];
  kind?: MentionKind;
  weight: number;
  nearWeight?: number;
  sectors: string[];
  measures: string[];
  targets: string[];
  source: string;
  examples: {
    match: { example: MatchExample; pos: SourcePos }[];
    noMatch: { example: NoMatchExample; pos: SourcePos }[];
  };
  /** The topic this rule's examples run in (its own topic, or examples_topic for common files). */
  examplesTopic: string;
}

/** One pattern of one rule, as the indexes refer to it. */
export interface PatternRef {
  rule: number;
  pattern: number;
  exclusion: boolean;
  /** A pattern of the rule's `requires` list (a condition, not a match of the rule). */
  required?: boolean;
  /** The compiled pattern itself (saves a lookup on the hot path). */
  compiled: CompiledPattern;
  /**
   * Patterns whose first element is written the same share this number, so a token is
   * tested against «кластер*» once for the dozens of patterns that start with it.
   */
  firstId?: number;
}

/** Patterns indexed by their first element, so a token only tries the patterns it can start. */
export interface PatternIndex {
  /** Exact words shorter than 3 characters and punctuation (longer words are in prefix). */
  exact: Map<string, PatternRef[]>;
  /** Globs keyed by the first three letters of their literal prefix (see prefixKey). */
  prefix: Map<number, PatternRef[]>;
  stem: Map<string, PatternRef[]>;
  /** Patterns starting with a morphological class (@ru-past), by the class's bit position. */
  morph: PatternRef[][];
  /** Patterns starting with a token regex or an infix glob: tried at every token. */
  other: PatternRef[];
  /** re: patterns over the whole text. */
  text: PatternRef[];
  usesStems: boolean;
}

export interface RuleSet {
  topic: string;
  /** The topic's name in reports («cluster policy»); the folder name when no file declares one. */
  label: Labels;
  files: { file: string; sha256: string }[];
  categories: Record<CategoryGroup, Record<string, Labels>>;
  rules: CompiledRule[];
  /** Indexes of the patterns by where they are matched. */
  index: { unit: PatternIndex; leadIn: PatternIndex; heading: PatternIndex; antecedent: PatternIndex };
  /** How many distinct first elements the patterns have (see PatternRef.firstId). */
  firstIds: number;
  /** Cheap test on the lower-cased text: false means no trigger can match (bail out). */
  prefilter: RegExp | null;
  /** Indexes of rules with a heading scope, of rules with a block-kind condition, and of rules with an antecedent scope. */
  headingRules: number[];
  blockRules: number[];
  antecedentRules: number[];
}

export type RuleSetResult = { ok: true; ruleSet: RuleSet } | { ok: false; errors: RuleFileError[] };

export interface MatchInput {
  text: string;
  lang: LangCode;
  headingPath?: string[];
  leadIn?: string;
  blockKind?: BlockKind;
  /**
   * The text of the unit just before this one (same document and page), where an
   * anaphoric occurrence («Ресурсы этого кластера…») finds the cluster it refers to.
   */
  previous?: string;
}

/** What the rules decide about one occurrence: the rule-made part of a Mention (src/records.ts). */
export type UnitMatch = Pick<Mention, 'kind' | 'uncertain' | 'sectors' | 'measures' | 'targets' | 'ruleIds' | 'terms' | 'start' | 'end'>;

/** Why one rule fired (or was cancelled) for one occurrence. */
export interface RuleEvidence {
  ruleId: string;
  file: string;
  role: 'trigger' | 'signal' | 'sense' | 'anaphor';
  scope: Scope | 'block_kind';
  pattern: string;
  matched: string;
  /** Set when an exclusion cancelled this match. */
  cancelledBy?: { pattern: string; matched: string };
  /** Set when the rule did not fire because none of its `requires` patterns matched. */
  missingRequires?: string[];
  kind?: MentionKind;
  weight?: number;
  sectors: string[];
  measures: string[];
  targets: string[];
}

/** The cluster an anaphoric occurrence refers back to, and where it was found. */
export interface Antecedent {
  /** unit: an earlier occurrence in the same unit. */
  source: 'unit' | 'previous' | 'lead_in' | 'heading';
  text: string;
  /** The antecedent occurrence as written in that text. */
  surface: string;
}

export interface OccurrenceExplanation {
  match: UnitMatch;
  surface: string;
  /** Set when an anaphor rule marked the occurrence: the rule and the antecedent found (if any). */
  anaphor?: { ruleId: string; antecedent?: Antecedent };
  trigger: RuleEvidence;
  /** The clause that holds the occurrence, where tense and mood are read (explain only). */
  clause?: string;
  fired: RuleEvidence[];
  cancelled: RuleEvidence[];
  scores: { priority: number; context: number };
  reason: string;
}

export interface Explanation {
  topic: string;
  text: string;
  lang: LangCode;
  headingPath: string[];
  /** The heading the section rules looked at, if any. */
  sectionHeading?: string;
  leadIn?: string;
  blockKind?: BlockKind;
  previous?: string;
  tokens: { text: string; key: string; stem?: string; start: number; end: number }[];
  occurrences: OccurrenceExplanation[];
  /** Set when the unit was rejected before matching (no trigger word at all). */
  note?: string;
}
