import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Unmount what each test rendered: without globals, Testing Library cannot do it by itself.
afterEach(cleanup);
