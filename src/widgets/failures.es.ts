import type { Translation } from '../core';
import type { failures } from './failures';

/** ./failures.ts's failures in Spanish: spread into each widget's Spanish catalog. */
export const failuresEs = {
  'error.network': 'No pudimos conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  'error.timeout': 'El servidor tardó demasiado en responder. Inténtalo de nuevo.',
  'error.busy': 'Tenemos mucha demanda en este momento. Inténtalo de nuevo en unos minutos.',
  'error.server': 'Algo salió mal de nuestro lado. Inténtalo de nuevo.',
  'error.unauthorized': 'Este widget no está bien configurado: su clave fue rechazada.',
  'error.forbidden': 'Este widget no tiene permiso para hacer eso.',
  'error.bad_response': 'Recibimos una respuesta inesperada del servidor. Inténtalo más tarde.',
  'error.other': 'Algo salió mal. Inténtalo de nuevo.',
} satisfies Translation<typeof failures>;
