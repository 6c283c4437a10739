import { userEvent, type within } from 'storybook/test';

/** Types a card as a visitor would, into the payment form's four labelled fields. */
export async function enterCard(canvas: ReturnType<typeof within>, number: string, expiry = '1234') {
  await userEvent.type(await canvas.findByLabelText('Card number'), number);
  await userEvent.type(canvas.getByLabelText('Expiration date'), expiry);
  await userEvent.type(canvas.getByLabelText('Security code'), '123');
  await userEvent.type(canvas.getByLabelText('Postal code'), '90012');
}
