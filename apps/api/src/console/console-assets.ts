import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOP_EVENT_TYPES } from '@shoplink/shops';

export interface ConsoleAsset {
  readonly body: string;
  readonly contentType: string;
}

const ASSETS_DIR = join(__dirname, 'assets');

/**
 * The console's three files, read once and kept: a static shell with no data in it (the event
 * types of the filter are vocabulary, not data); its script asks the JSON routes for everything.
 * `npm run build` copies the folder beside the compiled code (scripts/copy-console-assets.js).
 */
export function loadConsoleAssets(): { readonly page: ConsoleAsset; readonly script: ConsoleAsset; readonly styles: ConsoleAsset } {
  const read = (name: string) => readFileSync(join(ASSETS_DIR, name), 'utf8');
  const options = SHOP_EVENT_TYPES.map((type) => `<option value="${type}">${type}</option>`).join('\n              ');
  return {
    page: { body: read('console.html').replace('<!--EVENT_TYPES-->', options), contentType: 'text/html; charset=utf-8' },
    script: { body: read('console.js'), contentType: 'text/javascript; charset=utf-8' },
    styles: { body: read('console.css'), contentType: 'text/css; charset=utf-8' },
  };
}
