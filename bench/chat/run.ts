// `npm run bench:chat`: the FAQ answerer on the evaluation sets (bench/chat/questions.txt, and in Spanish
// questions.es.txt), accuracy on each tuning half and held-out half, how many off-topic questions go to
// a person, how many two-topic questions get both answers, and the tuning half's failures (the held-out
// half's only with `--show-held-out`: a half that is read while tuning is held out no longer).
// Figures, not a timed test: it exits 0 whatever they are.
import { answerFromFaq } from '../../server/chat/faq-answerer';
import { answerLanguage, type ChatLanguage, languageOfText } from '../../server/chat/language';
import { demoTenant } from '../../server/tenants';
import { type Answered, EVAL_SET_ES_PATH, type EvalQuestion, type Half, isMultiTopic, isOffTopic, isRight, loadEvalSet } from './eval-set';

/**
 * Each set as the chat meets it: English questions from a page that sets no language (the language is
 * then the text's, or English), Spanish ones from a Spanish page (the widget sends `es`), both through the
 * route's own choice of language (server/chat/language.ts).
 */
const SETS: { name: string; file: string; locale: string | undefined; language: ChatLanguage; questions: EvalQuestion[] }[] = [
  { name: 'English', file: 'questions.txt', locale: undefined, language: 'en', questions: loadEvalSet() },
  { name: 'Spanish', file: 'questions.es.txt', locale: 'es', language: 'es', questions: loadEvalSet(EVAL_SET_ES_PATH) },
];

function ask(q: EvalQuestion, locale: string | undefined): Answered & { language: ChatLanguage } {
  const language = answerLanguage(q.text, locale);
  const reply = answerFromFaq(demoTenant, q.text, language);
  return { topics: reply.topics, handoff: reply.actions.some((a) => a.type === 'handoff'), language };
}

const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)} %`);
const count = (label: string, n: number, of: number) => console.log(`  ${label.padEnd(34)} ${String(n).padStart(3)} / ${String(of).padEnd(3)}  ${pct(n, of)}`);
// Tune on what the tuning half shows; the held-out failures stay out of sight unless asked for.
const shown: Half[] = process.argv.includes('--show-held-out') ? ['tuning', 'held-out'] : ['tuning'];
const failures: string[] = [];

for (const set of SETS) {
  const results = set.questions.map((q) => ({ q, got: ask(q, set.locale) })).map((r) => ({ ...r, right: isRight(r.q, r.got) }));
  const line = (label: string, rows: typeof results) => count(label, rows.filter((r) => r.right).length, rows.length);
  const half = (h: Half) => results.filter((r) => r.q.half === h);
  console.log(`${set.name}: ${set.questions.length} questions (bench/chat/${set.file}), answered by the FAQ of the demo tenant`);
  line('tuning half', half('tuning'));
  line('held-out half', half('held-out'));
  const offTopic = results.filter((r) => isOffTopic(r.q));
  const handedOff = offTopic.filter((r) => r.got.handoff && r.got.topics.every((t) => t === 'unsure'));
  count('off-topic handed to a person', handedOff.length, offTopic.length);
  line(
    'two-topic answered with both',
    results.filter((r) => isMultiTopic(r.q)),
  );
  count(`answered in ${set.name}`, results.filter((r) => r.got.language === set.language).length, results.length);
  // Without the page's word: what the text alone says (a Spanish visitor on an English page).
  const byText = set.questions.filter((q) => (languageOfText(q.text) ?? 'en') === set.language).length;
  count(`read as ${set.name} from the text alone`, byText, set.questions.length);
  for (const h of ['tuning', 'held-out'] as const) {
    console.log(
      `    ${h}: off-topic ${pct(handedOff.filter((r) => r.q.half === h).length, offTopic.filter((r) => r.q.half === h).length)}, two-topic ${pct(half(h).filter((r) => isMultiTopic(r.q) && r.right).length, half(h).filter((r) => isMultiTopic(r.q)).length)}`,
    );
  }
  // Each writer's questions apart: those by people outside the team are the check that matters.
  for (const source of new Set(set.questions.map((q) => q.source))) {
    const rows = results.filter((r) => r.q.source === source);
    const right = (h: Half) => `${rows.filter((r) => r.q.half === h && r.right).length}/${rows.filter((r) => r.q.half === h).length}`;
    const off = offTopic.filter((r) => r.q.source === source);
    console.log(
      `    written by ${source}: tuning ${right('tuning')}, held-out ${right('held-out')}, off-topic ${handedOff.filter((r) => r.q.source === source).length}/${off.length}`,
    );
  }
  console.log('');

  const label = (q: EvalQuestion) => q.expected.map((a) => a.join('+')).join(' | ');
  for (const h of shown) {
    const wrong = half(h).filter((r) => !r.right);
    failures.push(`\nFailures, ${set.name}, ${h} half (${wrong.length}):`);
    for (const { q, got } of wrong) {
      failures.push(
        `  line ${q.line}: ${JSON.stringify(q.text)}\n      expected ${label(q)}; got ${got.topics.join('+') || '(nothing)'}${got.handoff ? ' (offers a person)' : ''}${got.language === set.language ? '' : ` (in ${got.language})`}`,
      );
    }
  }
}
console.log(failures.join('\n'));
