import type { Translation } from '../core';
import type { SeatingMessages } from './seatingMessages';

/**
 * The seating picker in Spanish: spread into each widget's Spanish catalog, so it loads in that chunk. A seating
 * is "horario", as the booking form, the chat and /es/ say.
 */
export const seatingEs = {
  'calendar.previous': 'Mes anterior',
  'calendar.next': 'Mes siguiente',
  'calendar.free': { one: '{count} horario libre', other: '{count} horarios libres' },
  'calendar.full': 'completo',
  'calendar.closed': 'no disponible',
  'calendar.checking': 'comprobando disponibilidad',
  'calendar.day': '{date}: {state}',
  'seatings.legend': 'Horarios del {date}',
  'seatings.none': 'No se puede reservar ningún horario este día. Elige otro día.',
  'seatings.checkingDay': 'Comprobando horarios…',
  'seatings.checking': 'Comprobando…',
  'seatings.full': 'Completo',
  'seatings.free': { one: 'Último equipo de chef', other: '{count} equipos de chef libres' },
  'seatings.chooseDay': 'Elige un día y luego un horario.',
} satisfies Translation<SeatingMessages>;
