// `npm run bench:chat`: the FAQ answerer on the evaluation set (bench/chat/questions.txt),
// accuracy on its tuning half and on its held-out half, how many off-topic questions go to
// a person, how many two-topic questions get both answers, and every failure.
// Figures, not a timed test: it exits 0 whatever they are.
import { answerFromFaq } from '../../server/chat/faq-answerer';
import { demoTenant } from '../../server/tenants';
import { type Answered, type EvalQuestion, type Half, isMultiTopic, isOffTopic, isRight, loadEvalSet } from './eval-set';

const questions = loadEvalSet();

function ask(q: EvalQuestion): Answered {
  const reply = answerFromFaq(demoTenant, q.text);
  return { topics: reply.topics, handoff: reply.actions.some((a) => a.type === 'handoff') };
}

const results = questions.map((q) => ({ q, got: ask(q) })).map((r) => ({ ...r, right: isRight(r.q, r.got) }));

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
const line = (label: string, rows: typeof results) => {
  const right = rows.filter((r) => r.right).length;
  console.log(`  ${label.padEnd(34)} ${String(right).padStart(3)} / ${String(rows.length).padEnd(3)}  ${pct(right, rows.length)}`);
};

const half = (h: Half) => results.filter((r) => r.q.half === h);
console.log(`Chat evaluation: ${questions.length} questions (bench/chat/questions.txt), answered by the FAQ of the demo tenant\n`);
line('tuning half', half('tuning'));
line('held-out half', half('held-out'));
const offTopic = results.filter((r) => isOffTopic(r.q));
const handedOff = offTopic.filter((r) => r.got.handoff && r.got.topics.every((t) => t === 'unsure'));
console.log(
  `  ${'off-topic handed to a person'.padEnd(34)} ${String(handedOff.length).padStart(3)} / ${String(offTopic.length).padEnd(3)}  ${pct(handedOff.length, offTopic.length)}`,
);
line(
  'two-topic answered with both',
  results.filter((r) => isMultiTopic(r.q)),
);
for (const h of ['tuning', 'held-out'] as const) {
  console.log(
    `    ${h}: off-topic ${pct(handedOff.filter((r) => r.q.half === h).length, offTopic.filter((r) => r.q.half === h).length)}, two-topic ${pct(half(h).filter((r) => isMultiTopic(r.q) && r.right).length, half(h).filter((r) => isMultiTopic(r.q)).length)}`,
  );
}
// Each writer's questions apart: those by people outside the team are the check that matters.
for (const source of new Set(questions.map((q) => q.source))) {
  const rows = results.filter((r) => r.q.source === source);
  const right = (h: Half) => `${rows.filter((r) => r.q.half === h && r.right).length}/${rows.filter((r) => r.q.half === h).length}`;
  const off = offTopic.filter((r) => r.q.source === source);
  console.log(
    `    written by ${source}: tuning ${right('tuning')}, held-out ${right('held-out')}, off-topic ${handedOff.filter((r) => r.q.source === source).length}/${off.length}`,
  );
}

const label = (q: EvalQuestion) => q.expected.map((a) => a.join('+')).join(' | ');
// While tuning, `--tuning-only` keeps the held-out failures out of sight: tune on what the tuning half shows.
const shown: Half[] = process.argv.includes('--tuning-only') ? ['tuning'] : ['tuning', 'held-out'];
for (const h of shown) {
  const failures = half(h).filter((r) => !r.right);
  console.log(`\nFailures, ${h} half (${failures.length}):`);
  for (const { q, got } of failures) {
    console.log(
      `  line ${q.line}: ${JSON.stringify(q.text)}\n      expected ${label(q)}; got ${got.topics.join('+') || '(nothing)'}${got.handoff ? ' (offers a person)' : ''}`,
    );
  }
}
