import demo from '../../server/tenants/demo.json';
import type { Catalog } from '../../src/contract';

/** The demo tenant's catalog, for stories that compute dates inside its booking window. */
export const demoCatalog = demo.catalog as Catalog;
