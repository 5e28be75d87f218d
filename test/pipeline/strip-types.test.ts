// Worker threads load src/ with Node's type stripping when the tests run from sources
// (src/ingest/pool.ts, TS_BOOTSTRAP). Type stripping rejects TypeScript that emits code:
// enums, namespaces, constructor parameter properties. tsc accepts them, so a file using one
// used to surface only as every pooled document failing with ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX
// (it happened with src/text/lang/bloom.ts). This checks every source file up front.
import { readdirSync, readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const strip = (nodeModule as { stripTypeScriptTypes?: (code: string) => string }).stripTypeScriptTypes;

describe('src/ is plain type-strippable TypeScript', () => {
  it('has no enum, namespace or parameter property in any file', () => {
    expect(strip, 'node:module stripTypeScriptTypes (Node >= 22.13)').toBeTypeOf('function');
    const bad: string[] = [];
    for (const file of sources('src')) {
      try {
        strip!(readFileSync(file, 'utf8'));
      } catch (e) {
        bad.push(`${file}: ${(e as Error).message}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
