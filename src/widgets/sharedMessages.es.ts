import type { Translation } from '../core';
import { failureEs } from './failureMessages.es';
import type { SharedMessages } from './sharedMessages';

/** Words several widgets say, in Spanish. */
const es = {
  ...failureEs,
  guests: { one: '{count} invitado', other: '{count} invitados' },
  'hold.minutesLeft': { one: 'Queda {count} minuto para pagar el anticipo.', other: 'Quedan {count} minutos para pagar el anticipo.' },
  'line.adults': { one: '{count} adulto', other: '{count} adultos' },
  'line.children': { one: '{count} niño menor de {age}', other: '{count} niños menores de {age}' },
  'line.item': '{item} × {count}',
  'line.minimum': 'Mínimo por evento',
  'line.travel': 'Traslado: {miles} millas, las primeras {free} gratis',
  'field.invalid': 'Revisa este campo.',
  'field.too-long': '{label} admite como máximo {max} caracteres.',
  'field.control': '{label} contiene un carácter de control oculto. Vuelve a escribirlo.',
  'field.bidi': '{label} contiene un carácter oculto de dirección del texto. Vuelve a escribirlo.',
} satisfies Translation<SharedMessages>;

export default es;
