// Manifest paths against the corpus folder (src/corpus/containment.ts, folder.ts). The files
// are made here: a corpus, a file beside it, symlinks in both directions.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInside, resolveDocumentPath } from '../../src/corpus/containment.js';
import { planCorpus } from '../../src/corpus/folder.js';

let base: string;
let corpus: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sm-contain-'));
  corpus = join(base, 'corpus');
  await mkdir(join(corpus, 'sub'), { recursive: true });
  await writeFile(join(base, 'outside.html'), '<p>outside</p>');
  await writeFile(join(corpus, 'a.html'), '<p>a</p>');
  await writeFile(join(corpus, 'sub', 'b.html'), '<p>b</p>');
  await symlink(join(base, 'outside.html'), join(corpus, 'out-link.html'));
  await symlink(join(corpus, 'a.html'), join(corpus, 'in-link.html'));
  await symlink(corpus, join(base, 'corpus-link'));
  await writeFile(
    join(corpus, 'manifest.csv'),
    [
      'file,city,country,language,title,year',
      'a.html,Пермь,RU,ru,,2030',
      '../outside.html,Омск,RU,ru,,2030',
      'missing.pdf,Уфа,RU,ru,,2030',
      'sub/../sub/b.html,Сочи,RU,ru,,2030',
      'out-link.html,Самара,RU,ru,,2030',
      'in-link.html,Казань,RU,ru,,2030',
    ].join('\n') + '\n',
  );
});
afterAll(async () => rm(base, { recursive: true, force: true }));

describe('isInside', () => {
  it('is true below the folder only', () => {
    expect(isInside('/c', '/c/x.pdf')).toBe(true);
    expect(isInside('/c', '/c/sub/x.pdf')).toBe(true);
    expect(isInside('/c', '/c')).toBe(false);
    expect(isInside('/c', '/c2/x.pdf')).toBe(false);
    expect(isInside('/c', '/x.pdf')).toBe(false);
    expect(isInside('/c', '/c/..x.pdf')).toBe(true);
  });
});

describe('planCorpus', () => {
  it('keeps manifest order, refuses rows outside the folder with the reason, skips missing ones', async () => {
    const planned = await planCorpus(corpus);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const rows = planned.plan.listed.map((l) => [l.entry.city, l.refused === undefined ? 'read' : 'refused']);
    expect(rows).toEqual([['Пермь', 'read'], ['Омск', 'refused'], ['Сочи', 'read'], ['Самара', 'refused'], ['Казань', 'read']]);
    const samara = planned.plan.listed.find((l) => l.entry.city === 'Самара');
    expect(samara?.refused).toMatch(/outside the corpus folder \(through a symbolic link, to .*outside\.html\).*--allow-outside/);
    expect(planned.plan.warnings.join('\n')).toMatch(/"missing\.pdf" \(Уфа\) is listed but missing; skipped/);
    // Symlinks in the folder are not unlisted documents; files reached by a listed path are not read twice.
    expect(planned.plan.unlisted).toEqual([]);
  });

  it('reads rows outside the folder with allowOutside', async () => {
    const planned = await planCorpus(corpus, { allowOutside: true });
    if (!planned.ok) throw new Error('plan failed');
    expect(planned.plan.listed.every((l) => l.refused === undefined)).toBe(true);
  });

  it('accepts a corpus folder reached through a symlink', async () => {
    const planned = await planCorpus(join(base, 'corpus-link'));
    if (!planned.ok) throw new Error('plan failed');
    expect(planned.plan.listed.filter((l) => l.refused === undefined).map((l) => l.entry.city)).toEqual(['Пермь', 'Сочи', 'Казань']);
  });
});

describe('resolveDocumentPath', () => {
  it('refuses an absolute path outside and says a folder is not a file', async () => {
    expect(await resolveDocumentPath(corpus, join(base, 'outside.html'), false)).toMatchObject({ ok: false, reason: 'outside' });
    expect(await resolveDocumentPath(corpus, 'sub', false)).toMatchObject({ ok: false, reason: 'not_a_file' });
  });
});
