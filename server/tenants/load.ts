import { readFileSync } from 'node:fs';
import { z } from '../../src/contract/zod';
import { type Tenant, tenantConfig } from './index';

/**
 * Tenants beyond the demo, from the JSON file TEPPAN_TENANTS names: an array
 * in the shape of demo.json. Node only (the browser build never reads files).
 * A file that does not parse stops the server at start, naming the field.
 */
export function loadTenantsFile(path: string): Tenant[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`TEPPAN_TENANTS: cannot read ${path} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = z.array(tenantConfig).safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`).join('\n');
    throw new Error(`TEPPAN_TENANTS: ${path} is not a list of valid tenants:\n${issues}`);
  }
  return result.data;
}
