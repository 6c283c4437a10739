/**
 * English as visitors type it, for the FAQ ranking: what is language, not
 * business. A tenant's own words (its synonyms, its typical questions) live in
 * its FAQ data.
 */

/** Texting forms and contractions, read as the words they stand for. */
export const CASUAL_FORMS: Record<string, string> = {
  u: 'you',
  ya: 'you',
  yu: 'you',
  ur: 'your',
  r: 'are',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whats: 'what is',
  hows: 'how is',
  whens: 'when is',
  wheres: 'where is',
  whos: 'who is',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  tysm: 'thanks',
  cuz: 'because',
  bc: 'because',
  b4: 'before',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  isnt: 'is not',
  arent: 'are not',
  im: 'i am',
  ive: 'i have',
  id: 'i would',
  its: 'it is',
  theres: 'there is',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  n: 'and',
  tho: 'though',
  abt: 'about',
  info: 'information',
  est: 'estimate',
  opts: 'options',
  hw: 'how',
  ppl: 'people',
  bday: 'birthday',
  hrs: 'hours',
  hr: 'hour',
  amt: 'amount',
  wats: 'what is',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmrow: 'tomorrow',
  '2morrow': 'tomorrow',
  '2moro': 'tomorrow',
  wknd: 'weekend',
  thru: 'through',
  bout: 'about',
  lemme: 'let me',
  gimme: 'give me',
  kinda: 'kind of',
  prolly: 'probably',
  dunno: 'do not know',
  cn: 'can',
  coz: 'because',
  yrs: 'years',
  mins: 'minutes',
  thnx: 'thanks',
  thanx: 'thanks',
  thks: 'thanks',
  cxl: 'cancel',
  canx: 'cancel',
  resched: 'reschedule',
  appt: 'appointment',
  appts: 'appointments',
  wk: 'week',
  wks: 'weeks',
  wkend: 'weekend',
  yr: 'year',
  approx: 'approximately',
  deets: 'details',
  pp: 'per person',
  sat: 'saturday',
  fri: 'friday',
  thurs: 'thursday',
  tues: 'tuesday',
  weds: 'wednesday',
  jan: 'january',
  feb: 'february',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
  diff: 'different',
  lil: 'little',
  tryna: 'trying to',
  yall: 'you all',
  veggies: 'vegetables',
  incl: 'including',
  avail: 'available',
  opt: 'option',
  wen: 'when',
  whn: 'when',
  loose: 'lose',
};

/**
 * Ways of saying a thing in words that each mean something else, read as what they say
 * (over the tokens, casual forms spelled out): "what would 20 people *set us back*" asks
 * what they cost, "how much *are we talking*" how much.
 */
export const IDIOMS: [RegExp, string][] = [
  [/\bset (me|us|you|ya) back\b/g, 'cost'],
  [/\b(run|cost) (me|us|you|ya)\b(?= (for|about|around|roughly|before|with|including|plus|total|all in)\b| \d|$)/g, 'cost'],
  // What is served, cooked or made, with nothing after it, asks what food ("what do you serve?", "what does the chef cook").
  [
    /\bwhat (do|does|will|would|can|did) (you|u|ya|you guys|you all|the chefs?|your chefs?|they|he|she) ((usually|normally|typically|actually|even) )?(serve|cook|make|prepare|grill)\b(?! (in|at|for|with|on|per|an hour)\b)/g,
    'what food',
  ],
  // How an allergy or a need is handled is how it is accommodated, not how many can be served ("how do you handle that").
  [/\bhow (do|would|will|can) (you|u|ya|you guys|the chefs?) handle (that|this|it|those|them)\b/g, 'how do you accommodate $3'],
  // What a guest gets is the food ("what does everyone get?").
  [
    /\bwhat (do|does|will|would) (we|everyone|everybody|each guest|the guests|guests|people|each person) (get|receive)\b(?= to eat\b|\s*$)/g,
    'what food do guests get',
  ],
  // What the visitor needs, with nothing after it, is what to provide ("what do we need?").
  [
    /\bwhat (do|does|will|would|should) (we|i) (need|have) to (have|get|do|prepare|provide|supply)\s*$|\bwhat (do|does|will|would|should) (we|i) need\s*$/g,
    'what do we provide',
  ],
  // When the chef comes is when the chef arrives ("when does the chef come?"), not where to.
  [/\bwhen (does|will|do|would|should) (the chefs?|you|u|he|she|they) (come|come over)\b(?! to\b| out\b)/g, 'when does the chef arrive'],
  // More of a food is an extra of it ("can we get more shrimp").
  [/\bmore (shrimp|chicken|steak|meat|protein|proteins|rice|fried rice|noodles|tofu|filet|lobster)\b/g, 'extra $1'],
  // Fewer than a count of people is too few ("what if we have less than 10 people").
  [/\b(less|fewer) than (?=[a-z0-9]+ (people|persons|guests|ppl|adults|of us)\b)/g, 'too few '],
  // Ending up somewhere is not an end ("if only 6 of us end up coming").
  [/\b(end|ends|ended) up\b/g, ''],
  // How far out one can book is the notice, not a distance.
  [/\bhow far (out|ahead) (can|do|should|could|are) (i|we|you|u|people|ppl) (book|reserve|schedule|booking)\b/g, 'how far in advance book'],
  // Still paying for a number is paying the minimum ("only 6 of us, do we still pay for 10?").
  [/\bstill (pay|paying|be charged|get charged|charged|billed|charge us|charge) for (\d+|ten)\b/g, 'still pay the minimum'],
  // How long one has to pay, or a slot is held, is the hold while paying, not the event's length.
  [
    /\bhow long (do|does|will|would|can) (i|we|you|u|they|she|he) (have|get) to (finish )?(pay|paying|complete|check out|checkout)\b/g,
    'is my seating held while i pay',
  ],
  [
    /\bhow long (do|does|will|would|can) (you|u|they|it) (hold|keep|save|reserve) (the|my|our|a|her|his) (time slot|slot|seating|spot|date|time)\b/g,
    'is my seating held while i pay',
  ],
  // An age run together: "my 4yo" is four years old.
  [/\b(\d+) ?(yo|yos|y o|yr olds?|yrs olds?)\b/g, '$1 years old'],
  // How to lock in or secure a date asks how to book ("how do I lock in a date"); what it takes is the deposit.
  [
    /\bhow (?:do|can|would|should) (?:i|we|u|you|one) (?:go about )?(?:lock(?:ing)? in|lock(?:ing)? down|secur(?:e|ing)|grab(?:bing)?|nail(?:ing)? down) (?:a|the|our|my|that|this) (date|day|spot|slot|time slot|seating)\b/g,
    'how do i book a $1',
  ],
  // Two chefs are more chefs, whatever the count ("could you send two chefs for a 100 person party").
  [/\b(two|three|four|2|3|4|multiple|several) chefs\b/g, 'more chefs'],
  [/\b(would|will|does|did|do) (it|that|this|they) run\b/g, 'cost'],
  [/\bhow much (?!time\b|longer\b)((?:[a-z]+ ){1,5})run\b/g, 'how much $1cost'],
  [/\bhow much (do|does|would|will|did) (you|they) (ask|want|get|take)\b/g, 'how much cost'],
  [/\b(are|were|is) (we|you) talking\b/g, ''],
  [/\b(bill|total|price|cost|it) (would |will )?(come|comes|came) (out )?to\b/g, 'cost'],
  // Asking for a price is asking the price, whatever verb asks it ("could you *provide* an estimate").
  [/\b(provide|give|send|share|email)( me| us)? (an? |the |your )?(estimate|quote|quotation|price|prices|pricing|rates)\b/g, '$4'],
  // A payment *applied to* the total is taken off it, not a job application.
  [/\b(applied|apply|applies) (to|toward|towards|against)\b/g, 'deducted from'],
  // "The whole table" is everyone at it; "for example" introduces, it asks nothing.
  [/\b(the|our|my) whole (table|group|party|family|crowd)\b/g, 'everyone'],
  [/\b(for example|for instance|such as)\b/g, ''],
  // "On top of" adds to what follows; "10x10" is a size, no topic.
  [/\bon top( of)?\b/g, ''],
  [/\b\d+ ?x ?\d+\b/g, ''],
  // What the visitor would rent or hire for the party is what they need to get ("do we need to rent tables");
  // "do you rent out…" and renting the tenant's own grill stay questions for a person.
  [/\b(we|i)( need to| have to| should| must| got to)? (rent|hire)\b(?! (just |only )?(the|your) (grill|hibachi|equipment|setup)\b)/g, '$1$2 get'],
  [/\b(a lot of|lots of|a lot)\b/g, ''],
  // Someone's place is their home ("at my brother's place"); "a place" may be anywhere ("the best sushi place").
  [/\b(my|our|his|her|their|your)( \w+s)? place\b/g, '$1$2 home'],
  // Finding out is asking; "no matter how many" says the number does not matter.
  [/\b(find|found|figure|figured) out\b/g, ''],
  [/\bno matter\b/g, ''],
  // Food ordered "to go" is takeout ("can i order just the fried rice to go"); "willing to go" is no order.
  [/\b(order|orders|ordering|food|rice|plates?|meals?)\b(.*) to go\b/g, '$1$2 takeout'],
  // How long the chef has been cooking, or how old the business is, is its experience, not the event's length
  // nor a child's age.
  [/\bhow long (have|has) (you|they|he|she|the chefs?|your chefs?|the company|the business)( all)? been\b/g, 'experience'],
  [/\bhow old (is|are) (the|your) (chefs?|company|business)\b/g, 'experience'],
  [/\bhow much (do|does) (your|the) chefs? (make|earn)\b|\bhow much (do|does) (you|they) earn\b/g, 'salary'],
  [/\b(did|when) (you|they) (start|found|open) (the|your) (company|business)\b/g, 'experience'],
  // A region "you cover" is one you serve ("do you cover riverside"), not a cover against the rain.
  [/\b(you|u|ya|yall|you guys)( are| re)? cover(s|ing)?\b/g, '$1 serve in'],
  // "At one time" is together, not a time of day ("how many people can you feed at one time").
  [/\bat (one time|once|the same time)\b/g, ''],
  // A question relayed for someone asks what it asks: "our office manager needs to know how long…", "my wife
  // wants to know if…", "asking for my mom: …" (the one who asks is no topic: not a job, nor hours).
  [
    /\b(my|our) ((?:[a-z]+ ){0,3}?)(wants|needs|would like|asks|asked|is asking|has asked|has requested|requested|wanted|says)( me)?( to (know|confirm|check|ask|find out|see))?\b/g,
    '',
  ],
  [/\basking for (my|our|a) [a-z]+\b/g, ''],
  // An HR team ("hr" spelled out as "hour" by now) is the people who ask, not hours.
  [/\bhour (team|department|dept|manager|rep|person|lady|guy|folks)\b/g, ''],
  // A preamble asks nothing: "not sure if this is the right place to ask but…", "quick q about…".
  [
    /\b(not sure|unsure|no idea|dunno|do not know|don'?t know) (if|whether) (this|here) is the (right|correct|best|proper) (place|spot|way|channel|person)( to ask| for this( question)?)?\b/g,
    '',
  ],
  [/\bquick (q|qn|question|ques)\b( about\b)?/g, ''],
  // Calling the whole thing off cancels it.
  [/\bcall(ing|ed|s)? (it|the (whole )?(thing|party|event|dinner)) off\b/g, 'cancel'],
  // "How much people" is how many, as a learner of English writes it.
  [/\bhow much (people|persons|guests|ppl|adults|kids|children)\b/g, 'how many $1'],
  // Not that many people is few ("if we don't have that many people").
  [/\b(not|don'?t have|do not have|won'?t have|will not have|won'?t be|aren'?t) (that|so|too|very) many\b/g, 'too few'],
  // "A ton of", "a bunch of" say how many, not what.
  [/\ba (ton|tons|bunch|whole bunch|lot|load|loads) of\b/g, 'many'],
  // Setting up a party is arranging it, not the chef's setup ("how do I go about setting up a lunch party").
  [/\bset(ting|s)? up (a|an|the|our|my) (party|event|dinner|lunch|booking|reservation)\b/g, 'book $2 $3'],
  // Whether something changes anything asks what follows from it, not to move a date ("does that change anything?").
  [/\b(change|changes|affect|affects) (anything|something|things|much|the (price|total|cost|quote|bill))\b/g, 'matter'],
  // A distance run together: "50mi" is 50 miles.
  [/\b(\d+) ?(mi|mls)\b/g, '$1 miles'],
  // "Six days away" is how soon, not how far ("it's 6 days away now").
  [/\b(days|weeks|months|hours) away\b/g, '$1'],
  // "Last week" is when, not how long ("it lasts").
  [/\blast (week|weekend|month|year|time|night|summer|winter|spring|fall)\b/g, ''],
  // "my gf" is a girlfriend, not gluten-free ("is it gf?").
  [/\b(my|his|your|our) gf\b/g, '$1 girlfriend'],
  [/\b(my|her|your|our) bf\b/g, '$1 boyfriend'],
  // "How many" asks a party's size only of people ("how many proteins do we get" asks the menu), or alone
  // before a verb ("how many can you serve").
  [
    /\bhow many (?!(?:people|persons?|guests?|adults?|kids?|child|children|heads?|pax|folks|ppl|chefs?|hours?|minutes?|can|could|do|does|did|would|will|should|are|is|of|in|at|total|max)\b)(?=[a-z]{3,})/g,
    'which ',
  ],
  // Small talk at the end of a clause is a greeting ("good morning, how are you today?").
  [
    /\b(how are you( all| guys)?( doing)?( today| tonight| this (morning|afternoon|evening))?|(i )?hope (you are|you have been|all is) (well|good|doing well))$/g,
    'hello',
  ],
];

/** Words a full stop follows without ending the sentence: "is there a min. charge". */
export const ABBREVIATIONS = new Set('min max approx appt est etc eg ie am pm st ave dr mr mrs ms jr vs no qty amt dep info'.split(' '));

/** The endings of contractions, spelled out: "we're" is "we are", not "were". */
export const CONTRACTIONS: Record<string, string> = { re: 'are', ll: 'will', ve: 'have', d: 'would', m: 'am' };

/** Numbers in words and what each counts: the words for 0–19 in order, for 20–90 in tens, then any others. */
export function numberWords(units: string, tens: string, others: Record<string, number> = {}): ReadonlyMap<string, number> {
  return new Map([
    ...units.split(' ').map((w, i): [string, number] => [w, i]),
    ...tens.split(' ').map((w, i): [string, number] => [w, 20 + 10 * i]),
    ...Object.entries(others),
  ]);
}

/** Numbers in words: like figures, a count says nothing about the topic, only how many. */
export const NUMBER_WORDS = numberWords(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
  'twenty thirty forty fifty sixty seventy eighty ninety',
  { hundred: 100, thousand: 1000, dozen: 12, couple: 2 },
);

/** Words for the people a count may be of ("7 ppl", "80 persons"): with one after it, a count is of guests. */
export const PEOPLE_WORDS = new Set(
  'people person persons guests guest adults adult heads pax folks attendees relatives employees coworkers colleagues members friends invitees'.split(' '),
);

/** Words around a count that make it a headcount: "party of 8", "group of 12", "table of 6"; "8 of us". */
export const HEADCOUNT_FRAMES = {
  before: [
    ['party', 'of'],
    ['group', 'of'],
    ['table', 'of'],
    ['family', 'of'],
  ],
  after: [['of', 'us']],
  // A count after "for" (or "do", "handle", "serve"…) is a party's size when it ends the clause or only a
  // stopword follows ("a picnic for 150, is that doable", "2 chefs for 70?", "can you do 200?"), not "for one
  // event" nor "for 5 of 40".
  beforeEnd: [['for'], ['do'], ['handle'], ['serve'], ['feed'], ['cater'], ['have'], ['be']],
};

/** Words that carry no topic: asked or not, the question is the same. */
export const STOPWORDS = new Set(
  `a about above after again all also am an and any anyone anything are as at be because been before being between both but by can could did do does doing done
  each either else even ever every for from get gets getting got had has have having he her here hers him his how i if in into is it just kind know let like
  look looking many may me might more most much must my need needs no nor not now of off ok okay on once only or other our ours out over own per please pretty
  question questions quick quickly really right say see she should so some someone something sort still such sure tell than thanks thank that the their them help next
  then there these they thing things think this those though through to too try trying up us very want wanted wanting was way we well were what whats
  likely probably possibly maybe already problem instead together
  ngl fr lowkey highkey tbh nah lol lmao bruh fam po situation version stuff since wasnt
  when where whether which while who whom whose why will wish with wonder wondering would yes yet you your yours information interested curious hey hi
  hello hiya howdy yo hola guys folks team everyone again just
  lol lmao haha hahaha hehe jk btw omg sorry um uh hmm oh anyway certain asap fyi idk tbh kindly regards dear sir madam
  everything nothing require required requires requirement mandatory necessary stuff enough go goes going went gone
  without within during until till across toward towards upon via except besides among afterwards afterward later etc
  method methods ways good great nice awesome cool amazing same
  whole entire full fully final finally exact exactly rough roughly approximately different separate separately standard basic usual usually
  normal normally typical typically general generally overall actual actually specific specifically particular particularly whatever anyways
  literally basically honestly definitely absolutely totally super quite rather fairly extremely somewhat lots bit bunch few several various
  alright possible vs versus later back part level expect expecting expected promise guarantee ensure severe serious seriously mild slightly
  around ish little doable feasible manageable workable realistic directly personally immediately chance use used using
  everywhere anywhere somewhere nowhere itself themselves yourself yourselves ourselves myself half following
  yeah yep yup yea nope handful friendly
  advice suggestion suggestions recommend recommendation recommendations thoughts idea ideas issue issues concern concerns wait`
    .split(/\s+/)
    .filter(Boolean),
);

/** A message made only of these (and at least one greeting) is a greeting. */
export const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'hola', 'heya', 'greetings', 'sup', 'morning', 'afternoon', 'evening']);
export const GREETING_FILLERS = new Set(['there', 'guys', 'folks', 'team', 'everyone', 'all', 'good', 'you', 'to', 'again', 'oh', 'well', 'hii', 'hiii']);

/** A message made only of these (and at least one thanks) is a thank-you. */
export const THANKS = new Set(['thanks', 'thank', 'cheers', 'appreciate', 'appreciated', 'thankyou']);
export const THANKS_FILLERS = new Set([
  'you',
  'so',
  'much',
  'very',
  'a',
  'lot',
  'it',
  'ok',
  'okay',
  'great',
  'awesome',
  'perfect',
  'cool',
  'got',
  'that',
  'helps',
  'helpful',
  'nice',
  'for',
  'the',
  'info',
  'information',
  'help',
  'all',
  'many',
  'bye',
  'goodbye',
]);

/**
 * Where one question ends and the next begins inside a sentence: "how big is the
 * deposit *and* is it refundable", "deposit amount *&* refund policy". Sentence
 * ends and list markers ("1)", "2.") always end one.
 * Not "also": "can you *also* bring a cake" is one question.
 */
export const CLAUSE_JOINERS = { words: ['and', 'n', 'also'], marks: [',', '&', '+', '/'] };

/** A clause with one of these anywhere asks something: "I wanted to know *what* the price would be", "I'd like to *know* your prices". */
export const QUESTION_WORDS = new Set([
  'what',
  'how',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'whose',
  'why',
  'whether',
  'know',
  'wonder',
  'wondering',
  'curious',
  'inquire',
  'inquiring',
]);

/**
 * A part that starts with one of these goes on with the one before it
 * ("pricing for a lunch*, in Irvine*"): a comma before it does not start a new
 * question.
 */
export const CONTINUING_WORDS = new Set([
  'in',
  'at',
  'for',
  'about',
  'with',
  'on',
  'near',
  'around',
  'from',
  'to',
  'by',
  'of',
  'per',
  'under',
  'over',
  'without',
  'like',
  'including',
]);

/** Words by which a question points back to the one before it ("…an upgrade? If *so*, at what cost?", "…and how much is *it*"). */
export const BACK_REFERENCES = new Set(['it', 'this', 'that', 'these', 'those', 'them', 'they', 'he', 'she', 'him', 'her', 'so', 'one']);
/** Of those, the ones that as often point at nothing: "how long does *it* take", "how much is *it*". */
export const EMPTY_REFERENCES = new Set(['it']);

/** Shorthands that hold a joining mark: "w/" is "with", not two questions. */
export const SHORTHANDS: [RegExp, string][] = [
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s|\p{L})/giu, 'with '],
];

/** Read past at the start of a clause when finding how it starts: "ok so *can* you…". */
export const LEADING_FILLERS = new Set([
  'and',
  'also',
  'plus',
  'n',
  'so',
  'ok',
  'okay',
  'oh',
  'um',
  'well',
  'btw',
  'then',
  'but',
  'or',
  'yes',
  'no',
  'lol',
  'sorry',
  'quick',
  'question',
  'hi',
  'hey',
  'hello',
]);

/**
 * A part of a question that starts with one of these tells about the visitor, and asks nothing by
 * itself: "my guest list keeps growing, too many?", "we're at 70 now, is that ok?".
 */
export const FIRST_PERSON = new Set(['i', 'im', 'my', 'we', 'our', 'me', 'us', 'mine', 'ours']);

/**
 * A question opener followed by one of `subjects` starts a question, even run on to what the visitor tells ("we have
 * a canopy *is that* ok"); after one of `notAfter` it is part of the sentence ("hoping *to do it*", "*if you can*").
 */
export const RUN_ON = {
  subjects: new Set(['you', 'u', 'ya', 'yall', 'that', 'this', 'it', 'there', 'he', 'she', 'they', 'we', 'i']),
  notAfter: new Set(['to', 'if', 'whether', 'what', 'how', 'when', 'where', 'that', 'which', 'who', 'and', 'or', 'so', 'why']),
};

/** A clause that starts with one of these asks something, or asks for something: "*is* it refundable", "*tell* me the price". */
export const QUESTION_OPENERS = new Set([
  'do',
  'does',
  'did',
  'can',
  'could',
  'would',
  'will',
  'is',
  'are',
  'am',
  'was',
  'were',
  'should',
  'may',
  'might',
  'shall',
  'any',
  'have',
  'has',
  'tell',
  'give',
  'let',
  'need',
  'want',
  'please',
]);

/**
 * Prefixes people write apart or hyphenated ("non-dairy", "pre payment", "re-schedule"):
 * alone they mean nothing here, and a word they start that the FAQ does not know
 * ("nonrefundable", "prepayment") is read as the rest of it: the topic is the same.
 */
export const PREFIXES = ['non', 'pre', 're', 'un', 'mid', 'semi', 'multi', 'anti', 'co'];

/**
 * A place's name that reads as ordinary words ("Orange", "Cash", "Thousand Oaks", one
 * word that English knows, even a name: "Madison", "Japan") counts only after one of
 * these, or after another place ("Tokyo, Japan"); names like "San Diego" or "Oxnard"
 * count anywhere.
 */
export const BEFORE_PLACE = new Set(['to', 'in', 'near', 'around', 'from', 'at', 'into', 'cover', 'service', 'reach', 'visit']);
