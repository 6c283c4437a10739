import { type Clause, clausesOf } from './clauses';
import type { FaqConfig, FaqEntry } from './faq';
import { english } from './language';
import { tokens, words } from './normalize';
import { CONFIDENCE_THRESHOLD, type Ranked, type RankOptions, rank, readClause } from './rank';

/**
 * How far below a clause's best answer another may score and still answer it:
 * "how much for adults *and* kids" gets the price list once, not the price
 * list and the children's answer; "deposit amount & refund policy" gets two.
 */
const NEAR_BEST = 0.05;

/** A question scoring this much for an answer the message gets anyway is taken as answered by it. */
const LEANING = 0.6;

export interface Answer {
  entry: FaqEntry;
  /** The clauses of the message it answers. */
  clauses: string[];
}

export interface AskedTopics {
  /** What answers the message, in the order it asks. */
  answers: Answer[];
  /** Questions in it that nothing answers: for a person. */
  unanswered: string[];
  /** It asks what only a person answers (a word of the tenant's handoff list): read in another language, it asks that still. */
  forAPerson?: boolean;
}

interface RankedClause extends Clause {
  ranked: Ranked[];
  /** Read with its context, it names what only a person answers (the tenant's `handoff`). */
  forAPerson: boolean;
  /** The concepts it names. */
  named: string[];
  /** Of what the FAQ knows, it names only when. */
  namesOnlyWhen: boolean;
  /** It names only what many topics share. */
  vague: boolean;
  /** It names a thing the FAQ does not know. */
  namesUnknown: boolean;
}

const best = (c: RankedClause) => c.ranked[0]?.score ?? 0;
const scoreOf = (c: RankedClause, id: string) => c.ranked.find((r) => r.entry.id === id)?.score ?? 0;
const sure = (c: RankedClause) => best(c) >= CONFIDENCE_THRESHOLD;
const answers = (id: string, c: RankedClause) => scoreOf(c, id) >= CONFIDENCE_THRESHOLD && scoreOf(c, id) >= best(c) - NEAR_BEST;

/** The fewest entries that answer all these clauses: each round, the one that answers most of those still open. */
function fewestAnswers(clauses: RankedClause[], position: Map<RankedClause, number>): (Answer & { at: number })[] {
  let open = clauses;
  const chosen: (Answer & { at: number })[] = [];
  while (open.length > 0) {
    const candidates = new Map<string, { entry: FaqEntry; covers: RankedClause[]; score: number }>();
    for (const c of open) {
      for (const r of c.ranked) {
        if (!answers(r.entry.id, c)) continue;
        const candidate = candidates.get(r.entry.id) ?? { entry: r.entry, covers: [], score: 0 };
        candidate.covers.push(c);
        candidate.score += r.score;
        candidates.set(r.entry.id, candidate);
      }
    }
    const [pick] = [...candidates.values()].sort((a, b) => b.covers.length - a.covers.length || b.score - a.score);
    if (!pick) break;
    const at = Math.min(...pick.covers.map((c) => position.get(c) ?? 0));
    chosen.push({ entry: pick.entry, clauses: pick.covers.map((c) => c.text), at });
    open = open.filter((c) => !pick.covers.includes(c));
  }
  return chosen;
}

/**
 * The FAQ entries a message asks about, in the order it asks them, and the
 * questions in it nothing answers. Each clause is ranked on its own (so a
 * second question is not drowned by the first), then the fewest entries that
 * answer every answerable clause are chosen. A statement counts as asked
 * ("We need vegan food.") when no question of the message is answerable;
 * beside one it is the visitor's context ("Just booked for next month. When
 * is the balance due?"); an aside to a question counts only for what the
 * question's answer does not cover.
 */
export function topicsAsked(faq: FaqConfig, text: string, options: RankOptions = {}): AskedTopics {
  const lang = options.language ?? english;
  const hasWord = (c: Clause, test: (w: string) => boolean) => words(c.text, lang).some(test);
  // Read with its counts: "one" points back too ("can you send *one*?"). `toSomething`: by a word that seldom points at nothing.
  const pointsBack = (c: Clause, toSomething = false) =>
    tokens(c.text, lang).some((w) => lang.backReferences.has(w) && !(toSomething && lang.emptyReferences.has(w)));
  const speaksOfSelf = (c: Clause) => hasWord(c, (w) => lang.firstPerson.has(w));
  // A question that points back to the statement before it is read with it, as its context: "My grandchildren are 3 and
  // 5. Do *they* need to pay?" asks what children pay, "Some guests are vegan. Can you accommodate *them*?" about diets.
  // So is one after what the visitor tells in its own sentence ("3 of our guests are vegan, what can *they* eat"), but
  // not with a bare topic before it ("max guests and how long does *it* take": *it* points at nothing).
  const tellsFirst = (before: Clause, c: Clause) => speaksOfSelf(before) || pointsBack(c, true);
  const contextOf = (c: Clause, i: number, all: Clause[]) => {
    const before = all[i - 1];
    if (c.role !== 'question' || !before || !pointsBack(c)) return undefined;
    const told =
      before.role === 'statement' ? before.sentence < c.sentence : before.role === 'aside' && before.sentence === c.sentence && tellsFirst(before, c);
    return told ? before.text : undefined;
  };
  const clauses: RankedClause[] = clausesOf(text, options.language).flatMap((c, i, all) => {
    const reading = readClause(faq, c.text, { ...options, context: contextOf(c, i, all) });
    const { ranked, named, namesAnything, namesOnlyWhen, forAPerson, vague, namesUnknown } = reading;
    return namesAnything ? [{ ...c, ranked, forAPerson, named, namesOnlyWhen, vague, namesUnknown }] : [];
  });
  const questions = clauses.filter((c) => c.role === 'question');
  // An aside after a question nothing answers is part of that question ("do you rent out tables *and chairs*").
  const partOfUnsure = (c: RankedClause, i: number) =>
    c.role === 'aside' && clauses.slice(0, i).some((q) => q.role === 'question' && q.sentence === c.sentence && !sure(q));
  const free = clauses.filter((c, i) => !partOfUnsure(c, i));
  // A question for a person (or, in a message that asks nothing, a statement for one) makes what the visitor
  // tells of themselves beside it its context, not questions of their own ("Do you sell gift cards? I'd like to
  // give a dinner to my parents.", "I had one of your chefs last week and I'd like to leave feedback.").
  // So does a question nothing answers that names a thing the FAQ does not know, when no other question is answerable
  // ("we're 22 adults in encino on aug 3. can we request the same chef we had last year?"): the visitor's
  // headcount and town say who asks, not what. Of what the visitor tells, a question that only says when is context
  // too ("Our backyard party is this Saturday, do you know what the temperature will be?").
  const unknownAsked = !questions.some(sure) && questions.some((c) => c.namesUnknown);
  const aPersonsQuestion = unknownAsked || questions.some((c) => c.forAPerson);
  const forAPerson = aPersonsQuestion || (questions.length === 0 && clauses.some((c) => c.forAPerson));
  const context = (c: RankedClause) => forAPerson && c.tells && !c.adds && (c.role !== 'question' || c.namesOnlyWhen);
  const asking = clauses.filter((c) => c.role !== 'aside' && !context(c));
  // What the message asks: its questions when one is answerable (statements around them are the
  // visitor's context: "Just booked for next month. When is the balance due?"); beside a question for a
  // person, its questions and their asides, the sentences that ask nothing being context ("party's on
  // saturday in Malibu. what's the weather supposed to be that day?"); else its statements too ("We need
  // vegan food."), else everything, asides included.
  const asked = questions.some(sure)
    ? questions.filter((c) => !context(c))
    : aPersonsQuestion
      ? free.filter((c) => (c.role !== 'statement' || c.adds) && !context(c))
      : asking.some(sure)
        ? asking
        : free.filter((c) => !context(c));
  // A question that points back to the one before it, or names one thing only, is answered with it when that
  // answer answers it too ("is there a deposit, and how much is *it*", "…as an upgrade? If *so*, at what additional
  // cost?", "do you offer lobster and what's the upcharge").
  const followsUp = (c: RankedClause, i: number, all: RankedClause[]) => {
    const before = all[i - 1]?.ranked[0]?.entry.id;
    return before !== undefined && (pointsBack(c) || c.named.length === 1) && scoreOf(c, before) >= CONFIDENCE_THRESHOLD;
  };
  // A question right after one for a person asks about what that one asks, with no answer of its own, when it is vague
  // and points back to it or is in its sentence ("can we request a female chef? is there a fee for *that*", "we're a
  // nonprofit, is there a discount"), or points at it and names two things at most ("…can you send one? how long does
  // *that* take").
  const followsAPerson = (c: RankedClause) => {
    const before = clauses[clauses.indexOf(c) - 1];
    return (
      before?.forAPerson === true && !c.adds && ((c.vague && (pointsBack(c) || before.sentence === c.sentence)) || (pointsBack(c, true) && c.named.length <= 2))
    );
  };
  const open = asked
    .filter(sure)
    .filter((c) => !followsAPerson(c))
    .filter((c, i, all) => !followsUp(c, i, all));
  if (open.length === 0) {
    // No clause alone is clear; the message as a whole may be.
    const [whole] = rank(faq, text, options);
    const unanswered = questions.filter((c) => !sure(c)).map((c) => c.text);
    return whole && whole.score >= CONFIDENCE_THRESHOLD
      ? { answers: [{ entry: whole.entry, clauses: [text] }], unanswered: [] }
      : { answers: [], unanswered, forAPerson: questions.some((c) => c.forAPerson) };
  }
  const position = new Map(clauses.map((c, i) => [c, i]));
  const chosen = fewestAnswers(open, position);
  // An aside to an answered question adds an answer of its own when none covers it ("is there a kids
  // price *and a minimum*"), not when one does ("how much for 15 adults *and 5 kids*"), nor when it only
  // says when ("my son turns 12 *next week*, does he count as a kid?"); an aside to a question nothing
  // answers is part of that question ("do you rent out tables *and chairs*").
  const covered = (c: RankedClause) => chosen.some((a) => scoreOf(c, a.entry.id) >= CONFIDENCE_THRESHOLD);
  const answered = new Set(open.filter((c) => c.role === 'question').map((c) => c.sentence));
  const asides = clauses.filter((c) => c.role === 'aside' && answered.has(c.sentence) && sure(c) && !covered(c) && !c.namesOnlyWhen);
  chosen.push(...fewestAnswers(asides, position));
  // In the order the message asks them.
  const ordered = chosen.sort((a, b) => a.at - b.at).map(({ entry, clauses }) => ({ entry, clauses }));
  // A question that leans to an answer given anyway is answered by it ("is it chicken, steak and
  // shrimp? can people *pick* different proteins"), though a word of it is new to the FAQ.
  const leansTo = (c: RankedClause) => best(c) >= LEANING && chosen.some((a) => a.entry.id === c.ranked[0]?.entry.id);
  // A question that points back to an answered one, in words the FAQ does not know, asks about what that
  // answer says ("We have a covered patio. Would *that* be sufficient?"), unless it names what only a person answers.
  const backToAnswer = (c: RankedClause) => {
    const before = clauses[clauses.indexOf(c) - 1];
    const answer = before?.ranked[0]?.entry.id;
    return before !== undefined && sure(before) && chosen.some((a) => a.entry.id === answer) && pointsBack(c) && !c.forAPerson;
  };
  // What only a person answers is said so, though it is only an aside ("how much per person, and a DJ?") or an
  // item of a list that asks nothing ("menu + drinks"); not what the visitor tells of themselves ("sorry, my
  // email cut off").
  const aPersonsPart = (c: RankedClause) => (c.role === 'aside' || (questions.length === 0 && c.role === 'statement')) && c.forAPerson && !speaksOfSelf(c);
  const unanswered = clauses.filter((c) => (c.role === 'question' && !sure(c) && !leansTo(c) && !backToAnswer(c)) || aPersonsPart(c));
  return { answers: ordered, unanswered: unanswered.map((c) => c.text) };
}
