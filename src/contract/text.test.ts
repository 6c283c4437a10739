import { describe, expect, it } from 'vitest';
import { reservedKeyErrors } from './keys';
import { emailAddress, isEmailAddress, multiLineText, phoneNumber, singleLineText } from './text';

const name = singleLineText('Name', 100);
const notes = multiLineText('Notes', 1000);
const verdict = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? 'ok' : r.error?.issues[0]?.message;
};

describe('visible text', () => {
  it('refuses a field with nothing visible in it: spaces, zero-width characters, blank-looking fillers', () => {
    for (const blank of ['', '   ', '\u200b', '\u200b\u200c\u200d\u2060\ufeff', '\u3164', '\u2800', '\u00ad']) {
      expect(verdict(name, blank), JSON.stringify(blank)).toBe('Name is required.');
    }
  });

  it('takes every script, emoji and the joiners they need', () => {
    for (const real of [
      'محمد الأحمد',
      '山田 太郎',
      'Zoë Ågren-Ñúñez',
      'می\u200cخواهم',
      '👨‍👩‍👧‍👦',
      'Ann\u200bLee',
      `O'Brien "Chef"`,
      '<b>not markup here</b>',
    ]) {
      expect(verdict(name, real), real).toBe('ok');
    }
  });

  it('refuses hidden controls: in one line any, in several lines all but tab and line breaks', () => {
    expect(verdict(name, 'Ann\u0000Lee')).toBe('Name contains a hidden control character. Please retype it.');
    expect(verdict(name, 'a\tb')).toBe('Name contains a hidden control character. Please retype it.');
    expect(verdict(notes, 'a\tb\r\nc')).toBe('ok');
    expect(verdict(notes, 'a\u001b[31m')).toBe('Notes contains a hidden control character. Please retype it.');
    expect(verdict(notes, 'half \ud800 a pair')).toBe('Notes contains a hidden control character. Please retype it.');
  });

  it('refuses text-direction overrides where they can disguise a name; free text keeps them (right-to-left writers use them)', () => {
    expect(verdict(name, 'Ann\u202egnp.exe')).toBe('Name contains a hidden text-direction character. Please retype it.');
    expect(verdict(name, '\u2067evil\u2069 Lee')).toBe('Name contains a hidden text-direction character. Please retype it.');
    expect(verdict(notes, '\u2067quoted\u2069')).toBe('ok');
  });

  it('bounds length in UTF-16 units, as the server stores them', () => {
    expect(verdict(name, 'x'.repeat(100))).toBe('ok');
    expect(verdict(name, 'x'.repeat(101))).toBe('Name must be at most 100 characters.');
  });
});

describe('email addresses', () => {
  it('refuses markup, missing parts and addresses beyond RFC 5321’s limits', () => {
    for (const bad of [
      '<script>alert(1)</script>@evil.com',
      'ann@example.com<script>',
      'ann@example',
      'ann@@example.com',
      '.ann@example.com',
      `${'a'.repeat(65)}@example.com`,
    ]) {
      expect(isEmailAddress(bad), bad).toBe(false);
    }
  });

  it('takes addresses people have, international ones included', () => {
    for (const good of ['ann@example.com', "o'neil@example.com", 'a.b+tag@sub.example.co.uk', 'josé@exämple.com', 'ann@xn--exmple-cua.com']) {
      expect(isEmailAddress(good), good).toBe(true);
    }
  });

  it('an optional one may be left empty', () => {
    expect(verdict(emailAddress({ optional: true }), '  ')).toBe('ok');
    expect(verdict(emailAddress(), '')).toBe('Enter an email address like name@example.com.');
  });
});

describe('phone numbers', () => {
  it('take 7 to 15 digits with the usual punctuation', () => {
    expect(verdict(phoneNumber(), '(213) 555-0142')).toBe('ok');
    expect(verdict(phoneNumber(), '+44 20 7946 0958')).toBe('ok');
    expect(verdict(phoneNumber(), '123456')).toBe('Enter a phone number with 7 to 15 digits, like (213) 555-0142.');
    expect(verdict(phoneNumber(), '1234567890123456')).toBe('Enter a phone number with 7 to 15 digits, like (213) 555-0142.');
    expect(verdict(phoneNumber(), '213-555-0142\u202e')).toBe('Enter a phone number like (213) 555-0142.');
  });
});

describe('reserved keys', () => {
  it('names every key that would reach a prototype, wherever it is', () => {
    const body = JSON.parse('{"upgrades":{"__proto__":{"filet":1}},"customer":{"a/b":{"constructor":1}},"list":[{"prototype":2}]}');
    expect(reservedKeyErrors(body)).toEqual([
      { field: 'upgrades.__proto__', pointer: '/upgrades/__proto__', detail: '“__proto__” can’t be used as a field name.' },
      { field: 'customer.a/b.constructor', pointer: '/customer/a~1b/constructor', detail: '“constructor” can’t be used as a field name.' },
      { field: 'list.0.prototype', pointer: '/list/0/prototype', detail: '“prototype” can’t be used as a field name.' },
    ]);
  });
});
