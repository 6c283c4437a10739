import { withShared } from '../../sharedTranslations';
import type { ManageOwnMessages } from './en';

/**
 * Each language but English, its own chunk. Its own module, so the React export can start the import while
 * the widget's code downloads (src/react/widgetExports.ts), and the widget reads the same import (useMessages).
 */
export const manageTranslations = withShared<ManageOwnMessages>({ es: () => import('./es') });
