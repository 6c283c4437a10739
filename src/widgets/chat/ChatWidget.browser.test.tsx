import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshReferenceApi, startReferenceApi, worker } from '../../../test/support/msw-browser';
import { createTeppanQueryClient } from '../../query';
import { ChatWidget, TeppanProvider } from '../../react';

// The widget's code before any test: a cold Vite transform must not eat a test's waits.
beforeAll(() => Promise.all([startReferenceApi(), ChatWidget.preload()]));
afterAll(() => worker.stop());
beforeEach(() => {
  localStorage.clear();
  freshReferenceApi();
});

/** English a Spanish-speaking visitor must not meet anywhere in the widget. */
const ENGLISH =
  /Open chat|Questions\?|Ask a question|Send to the team|Talk to a person|Suggested|Your question|Sending|Sent\b|How much|per adult|Back to the chat/;

const renderChat = (props: { locale?: string; defaultOpen?: boolean } = {}, provider: { locale?: string } = {}) =>
  render(
    <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()} {...provider}>
      <ChatWidget {...props} />
    </TeppanProvider>,
  );

describe('ChatWidget in Spanish', () => {
  it('opens from a Spanish launcher into a Spanish panel: heading, welcome, suggestions, message box, buttons', async () => {
    const { container } = renderChat({ locale: 'es' });
    const launcher = await screen.findByRole('button', { name: 'Abrir chat' }, { timeout: 5000 });
    expect(launcher.textContent).toBe('Chat');
    await userEvent.click(launcher);
    const panel = await screen.findByRole('dialog', { name: '¿Preguntas? Escríbele a Sakura Hibachi Catering' });
    const view = within(panel);
    expect(view.getByText(/^¡Hola! Pregunta por precios/)).toBeTruthy();
    const box = view.getByRole('textbox', { name: 'Mensaje' });
    expect(box.getAttribute('placeholder')).toBe('Escribe tu pregunta…');
    const suggestions = view.getByRole('list', { name: 'Preguntas sugeridas' });
    expect(
      within(suggestions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['¿Cuánto cuesta por persona?', '¿Llegan hasta mi zona?', '¿Y si llueve?']);
    for (const name of ['Enviar', 'Hablar con una persona', 'Cerrar el chat']) expect(view.getByRole('button', { name })).toBeTruthy();
    expect(view.getByRole('form', { name: 'Escribe un mensaje' })).toBeTruthy();
    expect(container.textContent).not.toMatch(ENGLISH);
  });

  it('asks in Spanish and gets the answer in Spanish, with the adult price; the reply is announced in Spanish', async () => {
    const { container } = renderChat({ locale: 'es', defaultOpen: true });
    const panel = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Mensaje' }), '¿cuánto cuesta por adulto?{Enter}');
    const log = within(panel).getByRole('list', { name: 'Mensajes' });
    await waitFor(() => expect(log.textContent).toMatch(/Cuesta \$60 por adulto y \$30 por niño menor de 12 años/), { timeout: 5000 });
    expect(within(log).getByText('Enviado')).toBeTruthy();
    expect(within(log).getByText('Tú:')).toBeTruthy();
    const live = panel.querySelector('.teppan-sr-only[aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toMatch(/^Sakura Hibachi Catering: Cuesta \$60 por adulto/));
    expect(container.textContent).not.toMatch(ENGLISH);
  });

  it('sends its language with each message: a question the text leaves open is answered in the page’s language', async () => {
    document.documentElement.lang = 'es';
    try {
      renderChat({ defaultOpen: true });
      const panel = await screen.findByRole('dialog', {}, { timeout: 5000 });
      await userEvent.type(within(panel).getByRole('textbox', { name: 'Mensaje' }), '92660?{Enter}');
      await waitFor(() => expect(within(panel).getByRole('list', { name: 'Mensajes' }).textContent).toMatch(/92660 está a \d+ millas de nosotros/), {
        timeout: 5000,
      });
    } finally {
      document.documentElement.lang = 'en';
    }
  });

  it('leaves a question to a person with the Spanish form: glossary labels, Spanish problems by code, Spanish thanks', async () => {
    renderChat({ defaultOpen: true }, { locale: 'es-MX' });
    const panel = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Mensaje' }), '¿pueden traer un mago?{Enter}');
    const log = within(panel).getByRole('list', { name: 'Mensajes' });
    const person = await within(log).findByRole('button', { name: 'Hablar con una persona' }, { timeout: 5000 });
    expect(log.textContent).toMatch(/No estoy seguro de eso/);
    await userEvent.click(person);

    const form = within(await within(panel).findByRole('form', { name: 'Hablar con una persona' }));
    expect((form.getByLabelText('Tu pregunta') as HTMLTextAreaElement).value).toBe('¿pueden traer un mago?');
    await userEvent.type(form.getByLabelText('Nombre'), 'Ana');
    await userEvent.click(form.getByRole('button', { name: 'Enviar' }));
    const email = form.getByLabelText('Correo electrónico');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(form.getByText('Danos un correo o un teléfono para que el equipo te pueda responder.')).toBeTruthy();

    await userEvent.type(email, 'ana@');
    await userEvent.click(form.getByRole('button', { name: 'Enviar' }));
    expect(await form.findByText('Escribe un correo como nombre@ejemplo.com.')).toBeTruthy();
    await userEvent.clear(email);
    await userEvent.type(form.getByLabelText('Teléfono'), '(213) 555-0199');
    await userEvent.click(form.getByRole('button', { name: 'Enviar' }));
    expect(
      await within(panel).findByText('Gracias, Ana. El equipo tiene tu pregunta y te responderá por teléfono al (213) 555-0199.', {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Volver al chat' })).toBeTruthy();
    expect(panel.textContent).not.toMatch(ENGLISH);
  });

  it('words the message box’s refusal in Spanish', async () => {
    renderChat({ locale: 'es', defaultOpen: true });
    const panel = await screen.findByRole('dialog', {}, { timeout: 5000 });
    const box = within(panel).getByRole('textbox', { name: 'Mensaje' });
    await userEvent.type(box, '   {Enter}');
    expect(await within(panel).findByText('Escribe un mensaje.')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('ChatWidget’s conversation', () => {
  it('keeps the newest reply whole in view once it ends, with the offer of a person it ends with', async () => {
    renderChat({ defaultOpen: true });
    const panel = await screen.findByRole('dialog', {}, { timeout: 5000 });
    const box = within(panel).getByRole('textbox', { name: 'Message' });
    const body = within(panel).getByRole('region', { name: 'Conversation' });
    for (const question of ['how much per adult?', 'what if it rains?', 'what do you bring?']) {
      const replies = body.querySelectorAll('.teppan-chat__message--reply').length;
      await userEvent.type(box, `${question}{Enter}`);
      await waitFor(() => expect(body.querySelectorAll('.teppan-chat__message--reply').length).toBe(replies + 1), { timeout: 5000 });
    }
    await userEvent.type(box, 'can you recommend a DJ?{Enter}');
    const offer = await within(body).findByRole('button', { name: 'Talk to a person' }, { timeout: 5000 });
    // The conversation is taller than its box, so it scrolls; the offer is wholly inside the box.
    expect(body.scrollHeight).toBeGreaterThan(body.clientHeight);
    await waitFor(() => {
      const shown = body.getBoundingClientRect();
      const button = offer.getBoundingClientRect();
      expect(button.bottom).toBeLessThanOrEqual(shown.bottom + 1);
      expect(button.top).toBeGreaterThanOrEqual(shown.top);
    });
  });
});
