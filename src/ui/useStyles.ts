import { useInsertionEffect } from 'react';
import { useStyleRoot } from './StyleRoot';
import { adoptStyles } from './styles';

/**
 * Adopts CSS into whatever root the component renders in: its shadow root in
 * the embed, the document in a React app. Runs before layout, so the first
 * paint is already styled.
 */
export function useStyles(...css: string[]): void {
  const root = useStyleRoot();
  const joined = css.join('\n');
  useInsertionEffect(() => {
    adoptStyles(root ?? document, joined);
  }, [joined, root]);
}
