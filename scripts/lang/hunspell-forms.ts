// Every word form a hunspell dictionary accepts (one level of prefixes and suffixes, with
// cross products), read straight from its .dic and .aff files.
// Why not hunspell-tools' `unmunch`: it compares affix conditions byte by byte, so a rule
// whose condition holds a Cyrillic character class («SFX L ться лся [^сз]ться») never fires in
// a UTF-8 dictionary. With unmunch, hunspell-ru yields «развиваться» but neither «развивается»
// nor «развивался»; every Russian reflexive past tense was missing. (It also crashes on
// hunspell-sr.) The affix format is hunspell's (man 5 hunspell): single-character flags,
// `PFX|SFX flag cross count` headers, then `PFX|SFX flag strip add[/flags] condition` rules.
import { readFileSync } from 'node:fs';

interface Rule {
  strip: string;
  add: string;
  test: RegExp;
}
interface Affix {
  prefix: boolean;
  cross: boolean;
  rules: Rule[];
}

function conditionRegExp(cond: string, prefix: boolean): RegExp {
  if (cond === '.' || cond === '') return /(?:)/;
  // Conditions use only letters, '.', and [...] / [^...] classes; escape anything else.
  const body = cond.replace(/[\\+*?(){}|$]/g, '\\$&');
  return new RegExp(prefix ? `^${body}` : `${body}$`, 'u');
}

function parseAff(path: string): Map<string, Affix> {
  const affixes = new Map<string, Affix>();
  for (const raw of readFileSync(path, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    const m = /^(PFX|SFX)\s+(\S+)\s+(.*)$/u.exec(line);
    if (!m) continue;
    const [, type, flag, rest] = m as unknown as [string, string, string, string];
    const fields = rest.trim().split(/\s+/);
    const existing = affixes.get(flag);
    if (!existing) {
      // Header: cross product (Y/N) and rule count.
      affixes.set(flag, { prefix: type === 'PFX', cross: fields[0] === 'Y', rules: [] });
      continue;
    }
    const [strip = '0', addField = '0', cond = '.'] = fields;
    const add = addField.split('/')[0]!;
    existing.rules.push({
      strip: strip === '0' ? '' : strip,
      add: add === '0' ? '' : add,
      test: conditionRegExp(cond, existing.prefix),
    });
  }
  return affixes;
}

function applySuffix(word: string, affix: Affix, out: string[]): void {
  for (const r of affix.rules) {
    if (!r.test.test(word) || !word.endsWith(r.strip)) continue;
    out.push(word.slice(0, word.length - r.strip.length) + r.add);
  }
}

function applyPrefix(word: string, affix: Affix, out: string[]): void {
  for (const r of affix.rules) {
    if (!r.test.test(word) || !word.startsWith(r.strip)) continue;
    out.push(r.add + word.slice(r.strip.length));
  }
}

/** Calls `emit` for every form of every entry of `${dir}/${name}.dic` (duplicates included). */
export function hunspellForms(dir: string, name: string, emit: (form: string) => void): void {
  const affixes = parseAff(`${dir}/${name}.aff`);
  const lines = readFileSync(`${dir}/${name}.dic`, 'utf8').replace(/^\uFEFF/, '').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const entry = lines[i]!.replace(/\r$/, '').split(/\s/)[0]!;
    if (!entry) continue;
    const slash = entry.search(/(?<!\\)\//);
    const word = slash < 0 ? entry : entry.slice(0, slash);
    const flags = slash < 0 ? [] : [...entry.slice(slash + 1)];
    emit(word);
    const suffixed: string[] = [];
    const prefixes: Affix[] = [];
    for (const f of flags) {
      const a = affixes.get(f);
      if (!a) continue;
      if (a.prefix) prefixes.push(a);
      else {
        const start = suffixed.length;
        applySuffix(word, a, suffixed);
        // Keep which suffixed forms may take a prefix too.
        if (!a.cross) for (let k = start; k < suffixed.length; k++) suffixed[k] = `\u0000${suffixed[k]}`;
      }
    }
    for (const s of suffixed) emit(s.startsWith('\u0000') ? s.slice(1) : s);
    for (const p of prefixes) {
      const prefixed: string[] = [];
      applyPrefix(word, p, prefixed);
      if (p.cross) for (const s of suffixed) if (!s.startsWith('\u0000')) applyPrefix(s, p, prefixed);
      for (const f of prefixed) emit(f);
    }
  }
}
