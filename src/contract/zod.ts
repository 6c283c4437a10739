import * as z from 'zod/mini';

// Before any schema exists: zod compiles object parsers with `new Function`
// unless told not to, and merely probing for eval makes a strict CSP report a
// violation on the host page. Validation without it is fast enough for widget
// payloads, and an embeddable SDK must run under `script-src` without 'unsafe-eval'.
z.config({ jitless: true });

export { z };
