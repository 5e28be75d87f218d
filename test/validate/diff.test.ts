// diff between the hand-made run and a second run after a rule edit and a new edition of one
// strategy (test/fixtures/runs/corpus.ts).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/records.js';
import { diffRuns } from '../../src/validate/index.js';
import { relativeToCommonFolder } from '../../src/validate/diff.js';
import { buildDocument } from '../fixtures/runs/build.js';
import { fixtureDocuments } from '../fixtures/runs/corpus.js';
import { writeFixtureRun } from './helpers.js';

let oldDir: string;
let newDir: string;

/** The second run: a rule edit turns «сложился … кластер» into a priority; Самара's new edition is fully read. */
function secondRun(): DocumentResult[] {
  return fixtureDocuments().map((d) => {
    if (d.entry.city === 'Омск') {
      return { ...d, mentions: d.mentions.map((m) => ({ ...m, kind: 'priority' as const, ruleIds: ['cluster.priority.existing'] })) };
    }
    if (d.entry.city === 'Самара') {
      return buildDocument({
        file: 'samara_2030.pdf',
        city: 'Самара',
        country: 'RU',
        language: 'ru',
        title: 'Стратегия комплексного развития городского округа Самара на период до 2030 года',
        year: '2030',
        pages: [
          { blocks: [{ kind: 'heading', units: ['1. Анализ текущего положения'] }] },
          {
            blocks: [
              {
                kind: 'paragraph',
                units: [{ text: 'Поддержка аэрокосмического кластера и развитие кооперации предприятий с вузами.', mention: { kind: 'priority', sectors: ['aerospace'] } }],
              },
            ],
          },
          {
            blocks: [
              {
                kind: 'list_item',
                units: [{ text: 'создание агропромышленного кластера в пригородных районах;', mention: { kind: 'priority', sectors: ['food_agro'] } }],
              },
            ],
          },
        ],
      });
    }
    return d;
  });
}

beforeAll(async () => {
  oldDir = await writeFixtureRun();
  newDir = await writeFixtureRun(secondRun(), (run) => {
    run.ruleFiles = [{ file: 'rules/cluster.yaml', sha256: 'b'.repeat(64) }];
  });
});
afterAll(async () => {
  await rm(oldDir, { recursive: true, force: true });
  await rm(newDir, { recursive: true, force: true });
});

describe('relativeToCommonFolder', () => {
  it('compares rule files of two checkouts by their path inside the rules folder', () => {
    expect(relativeToCommonFolder(['/a/main/rules/common/x.yaml', '/a/main/rules/cluster/y.yaml'])).toEqual(['common/x.yaml', 'cluster/y.yaml']);
    expect(relativeToCommonFolder(['/b/rules/only.yaml'])).toEqual(['only.yaml']);
    expect(relativeToCommonFolder(['a.pdf', 'b.pdf'])).toEqual(['a.pdf', 'b.pdf']);
  });
});

describe('diffRuns', () => {
  it('reports status changes, new and removed priorities per city, and per-rule counts', async () => {
    const { changes, report } = await diffRuns(oldDir, newDir);
    expect(changes.cities.map((c) => `${c.city}:${c.oldStatus}->${c.newStatus}:+${c.added.length}-${c.removed.length}`)).toEqual([
      'Омск:context_only->priorities:+1-0',
      'Самара:priorities->priorities:+1-0',
    ]);
    expect(changes.cities[1]?.added[0]).toMatchObject({ text: 'создание агропромышленного кластера в пригородных районах;', file: 'samara_2030.pdf', page: 3 });
    expect(changes).toMatchObject({ statusChanges: 1, addedPriorities: 2, removedPriorities: 0 });
    expect(changes.mentionsByRule['cluster.context']).toEqual({ old: 2, new: 1 });
    expect(changes.mentionsByRule['cluster.priority.existing']).toEqual({ old: 0, new: 1 });
    expect(changes.mentionsByKind.priority).toEqual({ old: 10, new: 12 });
    expect(changes.rulesChanged).toEqual([{ file: 'cluster.yaml', change: 'edited' }]);
    expect(report).toContain('### Омск (RU): status context_only → priorities');
    expect(report).toContain('- rule file cluster.yaml: edited');
    expect(report).toContain('| cluster.context | 2 | 1 | −1 |');
  });

  it('says «¶ N», not «p. N», where a DOCX without page breaks numbers its paragraphs', async () => {
    // The same second run, with Самара's new edition read as such a DOCX: its places are paragraphs.
    const docxDir = await writeFixtureRun(
      secondRun().map((d) =>
        d.entry.city === 'Самара'
          ? { ...d, doc: { ...d.doc, locator: 'paragraph' as const }, units: d.units.map((u) => ({ ...u, locator: 'paragraph' as const })), mentions: d.mentions.map((m) => ({ ...m, locator: 'paragraph' as const })) }
          : d,
      ),
    );
    try {
      const { report } = await diffRuns(oldDir, docxDir);
      expect(report).toContain('(samara_2030.pdf ¶ 3)');
      expect(report).not.toContain('samara_2030.pdf p. 3');
      // The other cities' PDFs keep their pages.
      expect(report).toMatch(/omsk[^\n]*\.pdf p\. \d+\)/);
    } finally {
      await rm(docxDir, { recursive: true, force: true });
    }
  });

  it('reports nothing changed for a run compared with itself', async () => {
    const { changes, report } = await diffRuns(oldDir, oldDir);
    expect(changes.cities).toEqual([]);
    expect(report).toContain('No city changed.');
  });

  it('names the missing file when a folder is not a run', async () => {
    await expect(diffRuns(oldDir, '/nonexistent/run')).rejects.toThrow('/nonexistent/run/table5.json: not found');
  });
});
