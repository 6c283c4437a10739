import type { Translation } from '../../core';
import type { SharedMessages } from './en';

/** Words several widgets say, in Spanish. */
const es = {
  network: 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  timeout: 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
  busy: 'Tenemos mucha demanda en este momento. Inténtalo de nuevo en unos minutos.',
  validation: 'Algunos datos necesitan tu atención.',
  conflict: 'Algo cambió mientras decidías. Revísalo e inténtalo de nuevo.',
  not_found: 'No lo encontramos. Puede que haya vencido.',
  unauthorized: 'Este widget no está bien configurado: su clave fue rechazada.',
  forbidden: 'Este widget no tiene permiso para hacer eso.',
  server: 'Algo salió mal de nuestro lado. Inténtalo de nuevo.',
  bad_response: 'Recibimos una respuesta inesperada del servidor. Inténtalo más tarde.',
  aborted: 'La solicitud se canceló.',
  failed: 'Algo salió mal. Inténtalo de nuevo.',
  tryAgain: 'Intentar de nuevo',
  chunkFailed: 'Esta parte de la página no se cargó. Revisa tu conexión e inténtalo de nuevo.',
  loading: 'Cargando {widget}',
  'widget.quote': 'el cotizador',
  'widget.booking': 'el formulario de reserva',
  'widget.payment': 'el formulario de pago',
  'widget.chat': 'el chat',
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
