import type { Translation } from '../../../src/core/i18n';
import type { MailWords } from './en';

/** The customer's mail in Spanish: the same keys as English, no more (a missing or extra one fails `tsc`). */
export const es = {
  'row.caterer': 'Servicio de catering',
  'row.date': 'Fecha del evento',
  'row.time': 'Hora',
  'row.address': 'Dirección',
  'row.guests': 'Invitados',
  'row.depositPaid': 'Anticipo pagado',
  'row.due': 'A pagar el día del evento',
  'row.total': 'Total',
  'row.refund': 'Reembolso',
  'row.reference': 'Referencia',
  'table.booking': 'Su reserva',
  'manage.intro': 'Para cambiar la fecha o cancelar, use la página de su reserva',
  'manage.link': 'Gestionar su reserva',

  'confirmed.subject': 'Reserva confirmada: {date}, {caterer}',
  'confirmed.title': 'Su reserva con {caterer} está confirmada',
  'confirmed.intro': 'Hola, {name}: gracias, su anticipo está pagado y su fiesta hibachi está reservada.',
  'confirmed.calendar': 'El evento va adjunto como archivo de calendario (booking.ics).',

  'rescheduled.subject': 'Reserva cambiada al {date}, {caterer}',
  'rescheduled.title': 'Su reserva con {caterer} ha cambiado de fecha',
  'rescheduled.intro':
    'Hola, {name}: su fiesta hibachi ha pasado del {previous} al {date}, a las {time}, y su anticipo pasa con ella: no se ha cobrado nada más.',
  'rescheduled.price': 'El precio para la nueva fecha es {total}, así que el día del evento se pagan {due}.',
  'rescheduled.calendar': 'El evento actualizado va adjunto (booking.ics): al abrirlo, el evento se mueve en su calendario.',

  'cancelled.subject': 'Reserva cancelada: {date}, {caterer}',
  'cancelled.title': 'Su reserva con {caterer} está cancelada',
  'cancelled.intro': 'Hola, {name}: su fiesta hibachi del {date} está cancelada, como pidió.',
  'cancelled.refund': 'Le estamos reembolsando su anticipo de {amount} en la tarjeta con la que pagó.',
  'cancelled.kept': 'Su anticipo de {amount} no es reembolsable tan cerca del evento.',
  'cancelled.calendar': 'El archivo de calendario adjunto (booking.ics) quita el evento de su calendario.',

  'reminder.subject': 'Recordatorio: {date} a las {time}, {caterer}',
  'reminder.title': 'Su fiesta hibachi se acerca',
  // "p. m." ends the time: no sentence ends right after it, or it would read "p. m..".
  'reminder.intro': 'Hola, {name}: le recordamos que el {date}, a las {time}, {caterer} estará con ustedes.',
  'reminder.due': 'El resto del total, {due}, se paga el día del evento.',

  // The mail's words for the same things: "anticipo", "referencia", "total".
  'calendar.summary': 'Fiesta hibachi con {caterer}',
  'calendar.guests': { one: '{count} invitado. Referencia de la reserva {reference}.', other: '{count} invitados. Referencia de la reserva {reference}.' },
  'calendar.cancelled': 'Cancelada.',
  'calendar.paid': 'Anticipo de {deposit} pagado; quedan {due} por pagar.',
  'calendar.unpaid': 'Anticipo de {deposit} aún sin pagar.',
  'calendar.total': 'Total del evento: {total}.',
} satisfies Translation<MailWords>;
