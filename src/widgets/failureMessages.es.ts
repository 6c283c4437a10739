import type { Translation } from '../core';
import { type FailureMessages, TRY_AGAIN } from './failureMessages';

/** Failures in Spanish: spread into the widgets' shared Spanish catalog (./sharedMessages.es.ts). */
export const failureEs = {
  tryAgain: TRY_AGAIN.es,
  'error.network': 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  'error.timeout': 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
  'error.busy': 'Tenemos mucha demanda en este momento. Inténtalo de nuevo en unos minutos.',
  'error.validation': 'Algunos datos necesitan tu atención.',
  'error.conflict': 'Algo cambió mientras decidías. Revísalo e inténtalo de nuevo.',
  'error.not_found': 'No lo encontramos. Puede que haya vencido.',
  'error.unauthorized': 'Este widget no está bien configurado: su clave fue rechazada.',
  'error.forbidden': 'Este widget no tiene permiso para hacer eso.',
  'error.server': 'Algo salió mal de nuestro lado. Inténtalo de nuevo.',
  'error.bad_response': 'Recibimos una respuesta inesperada del servidor. Inténtalo más tarde.',
  'error.aborted': 'La solicitud se canceló.',
} satisfies Translation<FailureMessages>;
