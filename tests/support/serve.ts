// Serves the built site for the end-to-end tests: `node tests/support/serve.ts`.
import { serveStatic } from './static-server.ts';
import { TEST_DIST } from './test-site.ts';

const port = Number(process.env.PORT ?? 4399);
const base = process.env.BASE_PATH ?? '/';
const dir = TEST_DIST;
await serveStatic({ dir, base, port });
console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`);
