import type { Translation } from '../core';
import type { SeatingMessages } from './seatingMessages';

/** The seating picker in Spanish: spread into each widget's Spanish catalog, so it loads in that chunk. */
export const seatingEs = {
  'calendar.previous': 'Mes anterior',
  'calendar.next': 'Mes siguiente',
  'calendar.free': { one: '{count} turno libre', other: '{count} turnos libres' },
  'calendar.full': 'completo',
  'calendar.closed': 'no disponible',
  'calendar.checking': 'consultando disponibilidad',
  'calendar.day': '{date}: {state}',
  'seatings.legend': 'Turnos del {date}',
  'seatings.none': 'No se puede reservar ningún turno este día. Elige otro día.',
  'seatings.checkingDay': 'Consultando turnos…',
  'seatings.checking': 'Consultando…',
  'seatings.full': 'Completo',
  'seatings.free': { one: 'Último equipo de chefs', other: '{count} equipos de chefs libres' },
  'seatings.chooseDay': 'Elige un día y luego un turno.',
} satisfies Translation<SeatingMessages>;
