import { sharedEn } from '../../sharedMessages';

/**
 * The chat's own words in English: the source of its message keys (each other language's catalog is typed by this
 * one). Inline in the widget's chunk; other languages are chunks of their own (./load.ts). `field.<code>`
 * words a problem with the "Talk to a person" form by its code (./problems.ts), never the contract's English.
 */
export const chatEn = {
  launcher: 'Chat',
  openChat: 'Open chat',
  heading: 'Questions? Ask {business}',
  closeChat: 'Close chat',
  welcome: 'Hi! Ask about prices, our service area, the menu, allergies, rain plans, deposits or cancellation.',
  conversation: 'Conversation',
  suggestedQuestions: 'Suggested questions',
  'suggestion.price': 'How much per person?',
  'suggestion.area': 'Do you travel to my area?',
  'suggestion.rain': 'What if it rains?',
  messages: 'Messages',
  you: 'You: ',
  speaker: '{business}: ',
  writeMessage: 'Write a message',
  message: 'Message',
  placeholder: 'Ask a question…',
  send: 'Send',
  stop: 'Stop',
  talkToPerson: 'Talk to a person',
  getQuote: 'Get a quote',
  'composer.empty': 'Type a message.',
  'composer.tooLong': 'Messages are limited to {max} characters. Split it in two.',
  'composer.hidden': 'Your message contains a hidden control character. Please retype it.',
  'status.waiting': 'Waiting for the network: it will be sent when you’re back online.',
  'status.sending': 'Sending…',
  'status.sent': 'Sent',
  'status.notSent': 'Not sent.',
  'status.notSentBecause': 'Not sent: {reason}',
  'reply.cut': 'The answer was cut off before it was complete.',
  'reply.stopped': 'Stopped.',
  'reply.showAll': 'Show the whole answer',
  'history.failed': 'Your earlier messages didn’t load. {reason}',
  'announce.cut': '{reason} Try again to see all of it.',
  'announce.offline': 'You’re offline. Your message will be sent when you’re back online.',
  'announce.failed': 'Your message was not sent: {reason}',
  'handoff.hint': 'Leave your details and a person from the team will answer. An email or a phone number is enough.',
  'handoff.name': 'Name',
  'handoff.email': 'Email',
  'handoff.phone': 'Phone',
  'handoff.question': 'Your question',
  'handoff.limited': 'The team has had several messages from you in a short time. What you typed is kept here: please send it again later.',
  'handoff.offline': 'You’re offline. Your message to the team is saved on this device and will be sent when you’re back online.',
  'handoff.back': 'Back',
  'handoff.send': 'Send to the team',
  'handoff.thanksEmail': 'Thanks, {name}. The team has your question and will get back to you by email at {email}.',
  'handoff.thanksPhone': 'Thanks, {name}. The team has your question and will get back to you by phone at {phone}.',
  'handoff.backToChat': 'Back to the chat',
  'field.name-required': 'Name is required.',
  'field.question-required': 'Tell us what you’d like to know.',
  'field.contact-required': 'Give an email or a phone number so the team can answer.',
  'field.email-format': 'Enter an email address like name@example.com.',
  'field.phone-format': 'Enter a phone number with 7 to 15 digits, like (213) 555-0142.',
  'field.too-long': 'That’s longer than we can take: please shorten it.',
  'field.hidden-character': 'This contains a hidden character. Please retype it.',
} as const;

export type ChatMessages = typeof chatEn;

/** Its whole catalog: the words widgets share (src/widgets/sharedMessages.ts: failures, "Check this field"…), then its own. */
export const en = { ...sharedEn, ...chatEn };

/** The chat's words, as its parts receive them. */
export type ChatWords = typeof en;
