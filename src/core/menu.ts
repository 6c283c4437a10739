import type { MenuItem, MenuItemWords } from '../contract';

/**
 * A menu item's name and unit in `language` (a base language, `es`), else as the tenant wrote them. A module of
 * its own: the widgets' shared words read it, and must not bring the pricing rules into every widget's first load.
 */
export function menuItemIn(item: MenuItem, language: string): MenuItemWords {
  return item.translations?.[language] ?? item;
}
