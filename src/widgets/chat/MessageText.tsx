import { Fragment } from 'react';

/**
 * `https:` URLs, and paths of the site the chat is on (`/book.html`, standing
 * on their own after a space or a bracket), in a message's text. Nothing else becomes a link: no other scheme, no markup.
 */
const LINK = /\bhttps:\/\/[^\s<>"']+|(?<=^|[\s(])\/[A-Za-z0-9][\w\-./]*(?:\?[\w\-=&%.]*)?(?:#[\w-]*)?/g;

/** Punctuation that ends a sentence, not the URL it follows. */
const TRAILING = /[.,;:!?)\]]+$/;

export type TextPart = { text: string } | { text: string; href: string; external: boolean };

/** The text split into plain runs and links, by the rules above. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, '');
    const start = match.index ?? 0;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: href, href, external: href.startsWith('https://') });
    at = start + href.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** A message as text, never as HTML; safe links become links (other sites open in a new tab). */
export function MessageText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, i) =>
        'href' in part ? (
          <a
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, in order, never reordered.
            key={i}
            href={part.href}
            {...(part.external ? { target: '_blank', rel: 'noopener noreferrer nofollow' } : {})}
          >
            {part.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
