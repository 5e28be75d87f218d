// Human-readable form of an Explanation: what `strategy-miner explain "TEXT"` prints.
import type { Explanation, RuleEvidence } from './types.js';

function cats(ev: { sectors: string[]; measures: string[]; targets: string[] }): string {
  const parts: string[] = [];
  if (ev.sectors.length) parts.push(`sectors ${ev.sectors.join(',')}`);
  if (ev.measures.length) parts.push(`measures ${ev.measures.join(',')}`);
  if (ev.targets.length) parts.push(`targets ${ev.targets.join(',')}`);
  return parts.join('; ');
}

function line(ev: RuleEvidence): string {
  const what = [ev.kind ? `${ev.kind}${ev.weight !== undefined ? ` +${ev.weight}` : ''}` : '', cats(ev)].filter(Boolean).join('; ');
  const m = ev.matched ? ` matched «${ev.matched}»` : '';
  return `${ev.ruleId} [${ev.scope}] pattern "${ev.pattern}"${m}${what ? ` → ${what}` : ''}  (${ev.file})`;
}

export function formatExplanation(e: Explanation): string {
  const out: string[] = [];
  out.push(`topic: ${e.topic}   lang: ${e.lang}${e.blockKind ? `   block: ${e.blockKind}` : ''}`);
  out.push(`text: ${e.text}`);
  if (e.headingPath.length) out.push(`headings: ${e.headingPath.join(' > ')}${e.sectionHeading ? `   (section rules used: «${e.sectionHeading}»)` : ''}`);
  if (e.leadIn) out.push(`lead-in: ${e.leadIn}`);
  if (e.previous) out.push(`previous unit: ${e.previous}`);
  out.push('tokens:');
  out.push(
    '  ' +
      e.tokens
        .map((t) => `${t.text}${t.key !== t.text ? `=${t.key}` : ''}${t.stem && t.stem !== t.key ? `~${t.stem}` : ''}@${t.start}`)
        .join('  '),
  );
  if (e.note) {
    out.push(`result: nothing to classify (${e.note})`);
    return out.join('\n');
  }
  e.occurrences.forEach((o, i) => {
    const m = o.match;
    out.push('');
    out.push(`occurrence ${i + 1}: «${o.surface}» at ${m.start}-${m.end}  → ${m.kind.toUpperCase()}${m.uncertain ? ' (uncertain: shown for review)' : ''}`);
    out.push(`  found by: ${line(o.trigger)}`);
    if (o.clause !== undefined) out.push(`  clause (tense and mood are read here): «${o.clause}»`);
    if (o.anaphor) {
      const a = o.anaphor.antecedent;
      const where = { unit: 'earlier in this unit', previous: 'in the previous unit', lead_in: 'in the lead-in', heading: 'in the heading' };
      out.push(
        a
          ? `  refers back (${o.anaphor.ruleId}) to «${a.surface}» ${where[a.source]}: «${a.text}»; rules with scope antecedent look there`
          : `  refers back (${o.anaphor.ruleId}), but no earlier occurrence was found in the unit, the previous unit, the lead-in or the headings`,
      );
    }
    if (o.fired.length) {
      out.push('  signals:');
      for (const f of o.fired) out.push(`    + ${line(f)}`);
    } else out.push('  signals: none');
    for (const c of o.cancelled) {
      if (c.missingRequires) out.push(`    - ${line(c)} not counted: none of its required cues matched (${c.missingRequires.join(', ')})`);
      else out.push(`    - ${line(c)} cancelled by exclusion "${c.cancelledBy?.pattern}" matching «${c.cancelledBy?.matched}»`);
    }
    out.push(`  decision: ${o.reason}`);
    const c = cats(m);
    out.push(`  categories: ${c || 'none'}`);
    out.push(`  rule ids: ${m.ruleIds.join(', ')}`);
  });
  return out.join('\n');
}
