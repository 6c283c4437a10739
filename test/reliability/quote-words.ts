import { ENGLISH, translator } from '../../src/core';
import type { FieldProblem } from '../../src/widgets/quote/form';
import { en } from '../../src/widgets/quote/messages/en';
import { wordProblem } from '../../src/widgets/quote/words';

const t = translator(en);

/** The calculator's own verdict on a field, as an English visitor reads it beside the field. */
export const inEnglish = (problem: FieldProblem | undefined): string | undefined => problem && wordProblem(t, ENGLISH, problem);
