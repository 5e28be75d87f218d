// `lang` and `segment`: line-oriented filters over stdin.
import { detectLanguage } from '../../text/lang/index.js';
import { segmentText } from '../../text/segment/index.js';
import { out, stdinLines } from '../io.js';

export async function langCommand(flags: { confidence: boolean }): Promise<void> {
  for await (const line of stdinLines()) {
    const guess = detectLanguage(line);
    out(flags.confidence ? `${guess.lang}\t${guess.confidence.toFixed(3)}` : guess.lang);
  }
}

export async function segmentCommand(flags: { lang?: string }): Promise<void> {
  let lineNo = 0;
  for await (const line of stdinLines()) {
    lineNo++;
    if (line.trim() === '') {
      out('[]');
      continue;
    }
    let text: unknown;
    try {
      text = JSON.parse(line);
    } catch {
      text = undefined;
    }
    if (typeof text !== 'string') {
      process.stderr.write(`segment: line ${lineNo}: expected a JSON string, got ${line.slice(0, 40)}\n`);
      out('[]');
      process.exitCode = 1;
      continue;
    }
    const lang = flags.lang ?? detectLanguage(text).lang;
    out(JSON.stringify(segmentText(text, lang).map((s) => s.text)));
  }
}
