import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freshReferenceApi, seenRequests, startReferenceApi, worker } from '../../../test/support/msw-browser';
import { createTeppanQueryClient } from '../../query';
import { ChatWidget, TeppanProvider } from '../../react';

beforeAll(() => Promise.all([startReferenceApi(), ChatWidget.preload()]));
afterAll(() => worker.stop());
beforeEach(() => localStorage.clear());

async function openHandoff() {
  render(
    <TeppanProvider publishableKey="pk_test_demo" queryClient={createTeppanQueryClient()}>
      <ChatWidget defaultOpen />
    </TeppanProvider>,
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Talk to a person' }));
  const form = await screen.findByRole('form', { name: 'Talk to a person' });
  await userEvent.type(within(form).getByLabelText('Name'), 'Ann Lee');
  await userEvent.type(within(form).getByLabelText('Email'), 'ann@example.com');
  await userEvent.type(within(form).getByLabelText(/Your question/), 'Do you cater on boats?');
  return form;
}

describe('HandoffForm when the team has had too many messages (429)', () => {
  it('says so next to the form, keeps what was typed editable, and sends it later with "Send to the team"', async () => {
    // The server's lead allowance spent for the hour: a 429 whose Retry-After no retry waits out.
    freshReferenceApi({ faults: [{ method: 'POST', path: '/api/v1/leads', status: 429, retryAfter: 720, times: 1 }] });
    const form = await openHandoff();
    await userEvent.click(within(form).getByRole('button', { name: 'Send to the team' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent(/several messages from you in a short time/);
    // No "Try again" that would be refused the same way: the visitor sends again when they choose.
    expect(within(alert).queryByRole('button')).toBeNull();
    const name = within(form).getByLabelText('Name');
    expect(name).toHaveValue('Ann Lee');
    expect(name).not.toHaveAttribute('readonly');
    expect(within(form).getByLabelText(/Your question/)).toHaveValue('Do you cater on boats?');
    // One request: the long Retry-After failed it fast instead of waiting or hammering.
    expect(await seenRequests('/api/v1/leads')).toBe(1);

    await userEvent.click(within(form).getByRole('button', { name: 'Send to the team' }));
    expect(await screen.findByText(/Thanks, Ann Lee/)).toBeVisible();
  });
});
