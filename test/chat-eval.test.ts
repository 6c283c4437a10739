import { describe, expect, it } from 'vitest';
import { EVAL_SET_ES_PATH, halfOf, isMultiTopic, isOffTopic, isRight, loadEvalSet, OFF_TOPIC, parseEvalSet } from '../bench/chat/eval-set';
import { demoTenant } from '../server/tenants';

const questions = loadEvalSet();
const topics = new Set([...(demoTenant.faq?.entries.map((e) => e.id) ?? []), 'greeting', 'thanks', OFF_TOPIC]);

describe('the chat evaluation set (npm run bench:chat)', () => {
  it('splits by a hash of the text, so no question ever moves between halves', () => {
    // Pinned when the set was made: a change here re-deals the halves and spoils the held-out one.
    expect(halfOf('what if it rains')).toBe('tuning');
    expect(halfOf('how much per person?')).toBe('tuning');
    expect(halfOf('how big is the deposit and is it refundable')).toBe('held-out');
    expect(halfOf('tell me a joke')).toBe('held-out');
    expect(halfOf('do you travel to 92101')).toBe('held-out');
    // Case and spacing aside.
    expect(halfOf('  What IF it   rains ')).toBe('tuning');
  });

  it('is big and varied enough to mean something', () => {
    expect(questions.length).toBeGreaterThanOrEqual(841);
    // Phrasings by a writer outside the team, who had not seen the code: the check that matters.
    expect(questions.filter((q) => q.source === 'outside').length).toBeGreaterThanOrEqual(290);
    expect(questions.filter(isOffTopic).length / questions.length).toBeGreaterThanOrEqual(0.15);
    expect(questions.filter(isMultiTopic).length).toBeGreaterThanOrEqual(30);
    for (const half of ['tuning', 'held-out']) expect(questions.filter((q) => q.half === half).length).toBeGreaterThanOrEqual(120);
  });

  it('labels every question with topics the FAQ has, once each', () => {
    const unknown = questions.filter((q) => q.expected.some((a) => a.some((t) => !topics.has(t))));
    expect(unknown.map((q) => `line ${q.line}`)).toEqual([]);
    const seen = new Set<string>();
    const repeated = questions.filter((q) => seen.size === seen.add(q.text.toLowerCase()).size);
    expect(repeated.map((q) => q.text)).toEqual([]);
  });

  it('has a Spanish set of its own: 60 phrasings of the topics or more, 15 off-topic or more, in both halves, labelled with topics the FAQ has', () => {
    const spanish = loadEvalSet(EVAL_SET_ES_PATH);
    expect(spanish.filter((q) => !isOffTopic(q)).length).toBeGreaterThanOrEqual(60);
    expect(spanish.filter(isOffTopic).length).toBeGreaterThanOrEqual(15);
    for (const half of ['tuning', 'held-out']) expect(spanish.filter((q) => q.half === half).length).toBeGreaterThanOrEqual(40);
    expect(spanish.filter((q) => q.expected.some((a) => a.some((t) => !topics.has(t)))).map((q) => `line ${q.line}`)).toEqual([]);
    const seen = new Set<string>();
    expect(spanish.filter((q) => seen.size === seen.add(q.text.toLowerCase()).size).map((q) => q.text)).toEqual([]);
  });

  it('tells whose questions are whose by the `# source:` line above them', () => {
    expect(parseEvalSet('prices a\n# source: outside\n# a comment\nprices b').map((q) => q.source)).toEqual(['team', 'outside']);
  });

  it('grades an answer right only with the expected topics, and a person exactly for an off-topic part', () => {
    const [twoTopics, partly, off] = parseEvalSet('deposit+cancellation a\nprices+off-topic b\noff-topic c');
    if (!twoTopics || !partly || !off) expect.fail('three questions parsed');
    expect(isRight(twoTopics, { topics: ['cancellation', 'deposit'], handoff: false })).toBe(true);
    expect(isRight(twoTopics, { topics: ['cancellation'], handoff: false })).toBe(false);
    expect(isRight(twoTopics, { topics: ['deposit', 'cancellation', 'unsure'], handoff: true })).toBe(false);
    expect(isRight(partly, { topics: ['prices', 'unsure'], handoff: true })).toBe(true);
    expect(isRight(partly, { topics: ['prices'], handoff: false })).toBe(false);
    expect(isRight(off, { topics: ['unsure'], handoff: true })).toBe(true);
    expect(isRight(off, { topics: ['prices'], handoff: false })).toBe(false);
  });
});
