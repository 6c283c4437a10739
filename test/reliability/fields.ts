/** Values aimed at one kind of field: the corpus's strings reach every field besides these. */

/** Valid and invalid email addresses (RFC 5321 limits: 64 before the @, 254 in all). */
export const emails = [
  'ann@example.com',
  "o'neil@example.com",
  'a.b+tag@sub.example.co.uk',
  'josé@exämple.com',
  'ann@xn--exmple-cua.com',
  '  ann@example.com  ',
  '<script>alert(1)</script>@evil.com',
  'ann@example.com<script>',
  '"ann"@example.com',
  'ann@@example.com',
  'ann@example',
  'a@b.c',
  '.ann@example.com',
  'ann..lee@example.com',
  'ann @example.com',
  'ann@-example.com',
  'ann@example.123',
  'javascript:alert(1)//@example.com',
  `${'a'.repeat(65)}@example.com`,
  `${'a'.repeat(64)}@example.com`,
  `ann@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(60)}.com`,
  'ann@example.com\u200b',
  'ann\u202e@example.com',
];

/** Phone numbers: digits and + ( ) - . and spaces, 7 to 15 digits. */
export const phones = [
  '(213) 555-0142',
  '+44 20 7946 0958',
  '213.555.0142',
  '2135550142',
  '123456',
  '1234567',
  '123456789012345',
  '1234567890123456',
  '+1 (213) 555-0142 ext 5',
  '++12135550142',
  '２１３５５５０１４２',
  '213\u00a0555\u00a00142',
  '213-555-0142\u202e',
  '+-+-+-+-',
];

/** ZIP codes: five ASCII digits. */
export const zips = ['90012', ' 90012 ', '9001', '900123', '90012-1234', '９００１２', '90O12', '00000', '99999', '91320'];
