import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount what each test rendered: without globals, Testing Library cannot do it by itself.
afterEach(cleanup);

// `findBy…` waits for an outcome, not for speed. Its default of 1 s is a timing assertion: on a fresh clone the
// dev server transforms each chunk (a widget's language chunk, the seating picker) on its first request, while the
// other projects load both cores, and a Spanish booking form once took longer than that to leave its skeleton.
configure({ asyncUtilTimeout: 5_000 });
