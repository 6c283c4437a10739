/**
 * Spanish as visitors type it, for the FAQ ranking: what is language, not business (as ./words.ts for
 * English). Written without accents, since the ranking reads words without them ("cuánto" and "cuanto"
 * are one word), and in the Spanish of Mexico and the US as much as of Spain.
 */
import { numberWords } from './words';

/** Texting forms, read as the words they stand for. */
export const CASUAL_FORMS_ES: Record<string, string> = {
  q: 'que',
  k: 'que',
  ke: 'que',
  xq: 'porque',
  pq: 'porque',
  porq: 'porque',
  x: 'por',
  tb: 'tambien',
  tmb: 'tambien',
  tambn: 'tambien',
  d: 'de',
  pa: 'para',
  pal: 'para el',
  xfa: 'por favor',
  porfa: 'por favor',
  porfis: 'por favor',
  plis: 'por favor',
  info: 'informacion',
  cumple: 'cumpleanos',
  hrs: 'horas',
  hr: 'hora',
  mins: 'minutos',
  dlls: 'dolares',
  dls: 'dolares',
  usd: 'dolares',
  pp: 'por persona',
  ud: 'usted',
  uds: 'ustedes',
  vdd: 'verdad',
  ntp: 'no te preocupes',
  sab: 'sabado',
  dom: 'domingo',
  vie: 'viernes',
};

/**
 * Ways of saying a thing in words that each mean something else: "¿en cuánto *sale*?" and "¿cuánto *me
 * saldría*?" ask the price, as does "¿qué *precio tiene*?".
 */
export const IDIOMS_ES: [RegExp, string][] = [
  [/\b(cuanto|cuantos|en cuanto|a cuanto) (me |nos |te |les )?(sale|salen|saldria|saldrian|sal|queda|quedaria|sube|saldra)\b/g, 'cuanto cuesta'],
  [/\b(cuanto|que) (me |nos |te |les )?(cobran|cobrarian|cobrarias|cobras|cobra|piden|pedirian)\b/g, 'cuanto cuesta'],
  [/\bde cuanto (estamos hablando|hablamos)\b/g, 'cuanto cuesta'],
  [/\bpor cabeza\b/g, 'por persona'],
];

/** Numbers in words: like figures, a count says nothing about the topic, only how many. */
export const NUMBER_WORDS_ES = numberWords(
  'cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve',
  'veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa',
  { una: 1, veinticinco: 25, cien: 100, ciento: 100, cientos: 100, doscientos: 200, trescientos: 300, mil: 1000, docena: 12, docenas: 24, par: 2 },
);

/** Words for the people a count may be of ("80 invitados"): with one after it, a count is of guests. */
export const PEOPLE_WORDS_ES = new Set('personas persona invitados invitadas invitado adultos adultas gente familiares amigos empleados'.split(' '));

/** Words around a count that make it a headcount: "grupo de 8", "mesa de 6", "somos 8". */
export const HEADCOUNT_FRAMES_ES = {
  before: [['grupo', 'de'], ['mesa', 'de'], ['fiesta', 'de'], ['somos'], ['somos', 'como'], ['seremos'], ['seríamos']],
  after: [],
  beforeEnd: [],
};

/** Words that carry no topic: asked or not, the question is the same. */
export const STOPWORDS_ES = new Set(
  `a al ante bajo con contra de del desde durante en entre hacia hasta mediante para por segun sin sobre tras
  el la lo los las un una unos unas este esta esto estos estas ese esa eso esos esas aquel aquella ahi aqui alla aca
  yo tu usted ustedes el ella ellos ellas nosotros nosotras vosotros me te se nos les le mi mis tus su sus nuestro nuestra nuestros nuestras suyo
  mio mia conmigo contigo
  y e o u ni pero sino que si como cuando donde cual cuales quien quienes cuanto cuanta cuantos cuantas porque pues entonces asi
  tambien tampoco ya aun todavia solo solamente mas menos muy mucho mucha muchos muchas poco poca pocos pocas tan tanto bien mal
  algo nada alguien nadie alguno alguna algunos algunas ninguno ninguna todo toda todos todas otro otra otros otras mismo misma cada cualquier
  es son era eran fue fueron ser sea sean sido soy somos esta estan estoy estamos estar estaria estado
  ha han he hemos hay habia habra haber hubo
  tiene tienen tengo tenemos tener tendria tendrian tienes
  puede pueden puedo podemos poder podria podrian puedes
  hace hacen hago hacemos hacer harian haria haces hecho
  quiero queremos quiere quieren querer quisiera quisieramos queria
  necesito necesitamos necesita necesitan necesitas necesitaria
  debo debemos debe deben deberia
  saber se sabe saben sabes conocer
  va van voy vamos ir iria
  da dan dar doy
  pasa pasaria pasar
  gustaria gusta
  hola buenas buenos dias tardes noches saludos gracias favor oye oigan disculpe disculpa perdon perdone
  ok okay oki vale bueno bien claro si no sip nop jaja jajaja jeje
  informacion pregunta preguntas preguntar duda dudas consulta saber cosa cosas tipo onda
  aproximadamente aprox mas o menos cerca alrededor exacto exactamente general normalmente usualmente generalmente
  verdad favor vez tal quizas quiza ojala problema problemas inconveniente
  completo completa entero entera igual`
    .split(/\s+/)
    .filter(Boolean),
);

/** A message made only of these (and at least one greeting) is a greeting. */
export const GREETINGS_ES = new Set(['hola', 'holi', 'holis', 'buenas', 'saludos', 'buenos', 'que tal', 'quiubo', 'oye']);
export const GREETING_FILLERS_ES = new Set(['dias', 'tardes', 'noches', 'como', 'estan', 'esta', 'estas', 'que', 'tal', 'a', 'todos', 'hey', 'hi', 'hello']);

/** A message made only of these (and at least one thanks) is a thank-you. */
export const THANKS_ES = new Set(['gracias', 'graciass', 'agradezco', 'agradecido', 'agradecida', 'mil']);
export const THANKS_FILLERS_ES = new Set([
  'muchas',
  'mil',
  'muchisimas',
  'por',
  'todo',
  'la',
  'informacion',
  'info',
  'ok',
  'okay',
  'perfecto',
  'excelente',
  'genial',
  'muy',
  'amable',
  'amables',
  'se',
  'lo',
  'le',
  'les',
  'bueno',
  'adios',
  'bye',
  'super',
]);

/** Where one question ends and the next begins inside a sentence ("¿cuánto es el anticipo *y* es reembolsable?"). */
export const CLAUSE_JOINERS_ES = { words: ['y', 'e'], marks: [',', '&', '+', '/'] };

/** A clause with one of these anywhere asks something. */
export const QUESTION_WORDS_ES = new Set([
  'que',
  'como',
  'cuando',
  'donde',
  'cual',
  'cuales',
  'quien',
  'quienes',
  'cuanto',
  'cuanta',
  'cuantos',
  'cuantas',
  'saber',
  'pregunta',
]);

/** A part that starts with one of these goes on with the one before it: a comma before it does not start a new question. */
export const CONTINUING_WORDS_ES = new Set(['en', 'a', 'para', 'por', 'con', 'de', 'del', 'sin', 'cerca', 'desde', 'hasta', 'como', 'incluyendo']);

/** Words by which a question points back to the one before it ("¿y cuánto *es*?" has none; "¿cuánto cuesta *eso*?"). */
export const BACK_REFERENCES_ES = new Set(['eso', 'esto', 'lo', 'la', 'los', 'las', 'ese', 'esa', 'este', 'esta']);
/** Of those, the ones that as often point at nothing: "¿cuánto *lo* cobran?" hardly says what. */
export const EMPTY_REFERENCES_ES = new Set(['lo']);

/** Shorthands that hold a joining mark: "c/u" is "cada uno", "s/n" is one word. */
export const SHORTHANDS_ES: [RegExp, string][] = [
  [/\bc\/u\b/gi, 'cada uno'],
  [/\bx\s*persona\b/gi, 'por persona'],
];

/** Read past at the start of a clause when finding how it starts: "oye y *cuánto*…". */
export const LEADING_FILLERS_ES = new Set([
  'y',
  'e',
  'tambien',
  'oye',
  'oiga',
  'bueno',
  'ok',
  'okay',
  'entonces',
  'pues',
  'asi',
  'que',
  'pero',
  'o',
  'hola',
  'buenas',
  'disculpe',
  'una',
  'pregunta',
  'otra',
]);

/** A part of a question that starts with one of these tells about the visitor, and asks nothing by itself. */
export const FIRST_PERSON_ES = new Set([
  'yo',
  'mi',
  'mis',
  'nosotros',
  'nuestro',
  'nuestra',
  'somos',
  'tenemos',
  'tengo',
  'vamos',
  'queremos',
  'quiero',
  'estamos',
]);

/** A clause that starts with one of these asks something, or asks for something ("*hay* mínimo", "*pueden* venir"). */
export const QUESTION_OPENERS_ES = new Set([
  'hay',
  'tienen',
  'tiene',
  'pueden',
  'puede',
  'puedo',
  'podemos',
  'podrian',
  'podria',
  'hacen',
  'hace',
  'es',
  'son',
  'esta',
  'estan',
  'incluye',
  'incluyen',
  'llevan',
  'traen',
  'cobran',
  'aceptan',
  'manejan',
  'dan',
  'van',
  'vienen',
  'se',
  'me',
  'nos',
  'necesito',
  'necesitamos',
  'quisiera',
  'quiero',
  'queria',
  'dime',
  'digame',
  'diganme',
  'saben',
  'sabe',
  'ofrecen',
  'cocinan',
  'sirven',
  'atienden',
  'trabajan',
]);

/** Words a full stop follows without ending the sentence: "¿hay un min. de personas?". */
export const ABBREVIATIONS_ES = new Set('min max aprox etc pm am sr sra srta dr lic ud uds no num pp cp'.split(' '));

/** Prefixes people write apart or hyphenated ("pre-pago", "re agendar"). */
export const PREFIXES_ES = ['pre', 're', 'des', 'in', 'sin', 'anti', 'semi', 'multi', 'co'];

/** Before a place's name that reads as an ordinary word: "a", "en", "hasta". */
export const BEFORE_PLACE_ES = new Set(['a', 'en', 'hasta', 'cerca', 'de', 'desde', 'por', 'para', 'hacia', 'van', 'vienen', 'llegan']);

/**
 * Words only Spanish uses, with the Spanish FAQ's own vocabulary: how the chat tells that a visitor writes
 * Spanish. Short words English also has ("a", "me", "no", "come") are not here.
 */
export const SPANISH_MARKERS = new Set(
  `que el los las del para por una unos unas con ustedes usted nosotros cuanto cuanta cuantos cuantas cuando donde como cual cuales quien
  cuesta cuestan costo precio precios sale salen cobran cobra hay tienen tiene puedo pueden podemos hacen llevan traen vienen hola gracias
  quiero queremos necesito necesitamos tambien pero muy mas esta estan estoy somos son seria sera es mi mis su sus nuestro nuestra
  fiesta evento ninos nino nina ninas adultos adulto persona personas lluvia llueve cancelar reembolso anticipo deposito comida
  cocinero cocinar parrilla cumpleanos boda quinceanera cuantas buenas buenos dias tardes noches favor porfa informacion
  hasta desde sin sobre entre tengo tenemos este esta esto estos estas ese esa eso alguno alguna algun ningun nada algo todo todos
  incluye incluyen servicio zona millas codigo postal hora horas fecha reservar reserva mariscos pollo carne camaron camarones
  mago payaso musica pastel bebidas alcohol trabajo se puede pedir aceptan rentan venden eres cocina propina cochera proteina
  clases deja dejar llevar traer sirven ofrecen tienes quieren hijo hija esposo esposa manana sabado domingo`
    .split(/\s+/)
    .filter(Boolean),
);

/** English words Spanish does not share: their weight against a Spanish reading of a message. */
export const ENGLISH_MARKERS = new Set(
  `the is are do does you your we our how what when where which who much many can could would will for with of and to in on at it this
  that there have has be per price cost my i if or an any about`
    .split(/\s+/)
    .filter(Boolean),
);
