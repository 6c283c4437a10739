import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The host's own build: the manifest tells which chunk holds which module.
export default defineConfig({ plugins: [react()], logLevel: 'warn', build: { manifest: true } });
