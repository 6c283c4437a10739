// `node --import tsx bench/chat/blind.ts [file…]`: the FAQ answerer on phrasings kept as a blind check
// (bench/chat/fresh/*.txt unless files are named), in aggregate only: how many are answered right and
// how many off-topic ones go to a person, and how long a question takes. It never prints which
// phrasings fail, so nobody tunes on them and the figure stays a measure of questions nobody tuned for.
import { readdirSync, readFileSync } from 'node:fs';
import { answerFromFaq } from '../../server/chat/faq-answerer';
import { answerLanguage } from '../../server/chat/language';
import { demoTenant } from '../../server/tenants';
import { isOffTopic, isRight, parseEvalSet } from './eval-set';

const FRESH = new URL('./fresh/', import.meta.url);
const named = process.argv.slice(2);
const files =
  named.length > 0
    ? named
    : readdirSync(FRESH)
        .filter((f) => f.endsWith('.txt'))
        .map((f) => new URL(f, FRESH).pathname);

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
for (const file of files) {
  const questions = parseEvalSet(readFileSync(file, 'utf8'));
  let right = 0;
  let offTopic = 0;
  let handedOff = 0;
  const started = performance.now();
  for (const q of questions) {
    const reply = answerFromFaq(demoTenant, q.text, answerLanguage(q.text, undefined));
    const handoff = reply.actions.some((a) => a.type === 'handoff');
    if (isRight(q, { topics: reply.topics, handoff })) right++;
    if (isOffTopic(q)) {
      offTopic++;
      if (handoff && reply.topics.every((t) => t === 'unsure')) handedOff++;
    }
  }
  const ms = (performance.now() - started) / Math.max(1, questions.length);
  console.log(`${file.replace(/^.*\/bench\//, 'bench/')}: ${questions.length} phrasings`);
  console.log(`  answered right                ${String(right).padStart(3)} / ${questions.length}  ${pct(right, questions.length)}`);
  console.log(`  off-topic handed to a person  ${String(handedOff).padStart(3)} / ${offTopic}  ${pct(handedOff, offTopic)}`);
  console.log(`  time per question (first run, index built inside)  ${ms.toFixed(2)} ms`);
}
