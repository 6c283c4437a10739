import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // The MDX pages (introduction, theming, bundle report) first, then the widgets' stories.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest', 'msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  // The MSW service worker script (npx msw init public).
  staticDirs: ['../public'],
};
export default config;
