// Bundle flaskui's browser modules (frontend/src/*.js, entry flaskui.js) into one ES module,
// flaskui/static/flaskui.js, so a page fetches one file instead of eight: Chromium holds back
// module requests while the page's stylesheets load and spreads them over six connections, which
// cost 6-20 ms of cold time to content (benchmarks/RESULTS.md, 2026-11-22). Quasar's core tier stays
// its own module, shared with the rest tier. Not minified, so the page's code stays readable.
//
// Run after editing frontend/src (after `npm ci` here):   node flaskui-build.mjs
// The banner carries a digest of the sources and this script; tests/test_packaging.py fails while
// the committed bundle is older than them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const src = path.join(here, 'src');
const QUASAR_CORE = './vendor/quasar/core.js'; // served next to the bundle, not bundled

// The sources and this script (its settings shape the bundle too), by path under frontend/.
const inputs = [...fs.readdirSync(src).filter(name => name.endsWith('.js')).sort().map(name => `src/${name}`),
  'flaskui-build.mjs'];
const digest = createHash('sha256');
for (const input of inputs) {
  digest.update(`${input}\0`);
  digest.update(fs.readFileSync(path.join(here, input)));
}

await build({
  entryPoints: [path.join(src, 'flaskui.js')],
  outfile: path.join(here, '..', 'flaskui', 'static', 'flaskui.js'),
  absWorkingDir: here,
  bundle: true,
  format: 'esm',
  charset: 'utf8',
  legalComments: 'none',
  banner: { js: `// flaskui's browser code, bundled from frontend/src by frontend/flaskui-build.mjs (sources sha256 ${digest.digest('hex')})` },
  plugins: [{
    name: 'quasar-core-external',
    setup(b) { b.onResolve({ filter: /^\.\/vendor\/quasar\/core\.js$/ }, () => ({ path: QUASAR_CORE, external: true })); },
  }],
  logLevel: 'warning',
});
