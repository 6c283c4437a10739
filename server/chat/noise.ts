/**
 * What visitors paste around a question that is not part of it: markup,
 * links, addresses, code, chat-app placeholders. Each would otherwise read as
 * words the FAQ has never seen, and those count against every topic: a pasted
 * `<img src=…>` before "how much per adult" made the answer unsure. Removed
 * before anything is read, so noise weighs nothing either way; a message that
 * is only noise is left with nothing to answer, and goes to a person.
 */
const NOISE: RegExp[] = [
  // An e-mail's header fields with an address, before the address alone goes: "From: Jenna <jenna@example.com>".
  /\b(?:from|to|cc|reply-to)\s*:\s*[^<>\n:]{0,60}<[^<>\s]+@[^<>\s]+>/gi,
  // The lines a mail app writes around a forwarded or quoted message, and its signature.
  /-{2,}\s*(?:forwarded|original)\s+message\s*-{2,}/gi,
  /\bbegin forwarded message\s*:?/gi,
  /\bsent from my\s+\p{L}+(?:\s+(?:\p{L}+\s+)?(?:phone|galaxy|ipad|iphone|android|device|mobile)\b)?/giu,
  // Order and confirmation numbers: "#88213".
  /(?<![\w#])#\d{3,}\b/g,
  // Code blocks and inline code, whatever is inside; not a word in backticks, which marks the word ("`deposit`?").
  /```[\s\S]*?(```|$)/g,
  /`(?!\s*\p{L}+\s*`)[^`\n]*`/gu,
  // Elements whose content is not the visitor's prose: a link's text, a script.
  /<(a|script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi,
  // Tags of HTML or XML, and a model's special tokens (`</s>`, `<|im_start|>`).
  /<\/?[a-z!|][^<>]*>/gi,
  /&(?:[a-z]+|#\d+|#x[\da-f]+);/gi,
  // Links and e-mail addresses; before bare names with dots, which they contain.
  /\b(?:https?:\/\/|www\.)\S+/gi,
  /\S+@\S+\.\w+/g,
  // Bare domains and file names (`example.com/party`, `party.jpg`): by their endings, since
  // "rains.can you" is two words typed without a space, not a name.
  /\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|edu|gov|io|co|us|uk|ca|gl|ly|me|app|dev|info|biz)\b(?:\/\S*)?/gi,
  /\b[\w-]+\.(?:jpe?g|png|gif|heic|webp|pdf|docx?|mp4|mov|txt|csv|html?)\b/gi,
  // Calls with their arguments (`console.log("hi")`, `alert(1)`), JSON keys (`"question":`).
  /\b[a-z_$][\w$]*(?:\.[a-z_$][\w$]*)*\([^()]*\)/gi,
  /"\w+"\s*:/g,
  // Placeholders chat apps put in for attachments, and bracketed tags: `[image: x]`, `[INST]`.
  /\[[^[\]\n]{0,60}\]/g,
  // Mentions and hashtags: tags on a message, not its question.
  /(?<![\w#])[@#]\p{L}[\p{L}\p{N}_]*/gu,
  // The headers of a forwarded or replied-to e-mail.
  /^\s*(?:(?:re|fw|fwd)\s*:\s*)+/i,
];

/** Tags that break a line (`<br>`, `</p>`, `<li>`): text on either side is another sentence, not one run together. */
const LINE_BREAK = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|blockquote)\b[^<>]*>/gi;

/** The text with the noise above blanked out (a space in its place, so words on either side stay apart; a line break for a tag that breaks the line). */
export function withoutNoise(text: string): string {
  return NOISE.reduce((t, pattern) => t.replace(pattern, ' '), text.replace(LINE_BREAK, '\n'));
}
