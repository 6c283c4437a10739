import type { TeppanError, Translate } from '../../core';
import { wordFailure } from '../failureMessages';
import type { ChatMessages } from './messages/en';

/** The cause of a reply whose stream stopped before its last event: the network cut it, and it says so. */
export const REPLY_CUT = 'reply-cut';

/** A message's failure in the chat's words: a cut-off reply as such, anything else by its kind. */
export const chatFailure = (t: Translate<ChatMessages>, error: TeppanError): string => (error.cause === REPLY_CUT ? t('reply.cut') : wordFailure(t, error));
