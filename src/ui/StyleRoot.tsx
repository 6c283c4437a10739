import { createContext, useContext } from 'react';

/**
 * Where widget CSS is adopted: the document for React apps, the element's
 * shadow root in the embed. `undefined` means the document.
 */
export const StyleRootContext = createContext<Document | ShadowRoot | undefined>(undefined);

export function useStyleRoot(): Document | ShadowRoot | undefined {
  return useContext(StyleRootContext);
}
