import { useInsertionEffect } from 'react';
import { adoptStyles } from './styles';

/**
 * Adopts a component's CSS into whatever root it renders in: its shadow root
 * in the embed, the document in a React app. Runs before layout, so the first
 * paint is already styled.
 */
export function useStyles(css: string, root?: Document | ShadowRoot): void {
  useInsertionEffect(() => {
    adoptStyles(root ?? document, css);
  }, [css, root]);
}
