// Build Quasar in two tiers of ES modules from its sources (run by refresh.sh):
//
//   core.js  the install function, the Notify plugin (installed on its first use), the CSS
//            variable utils, the Ripple directive and the components most pages use; every page
//            loads it and it sets `window.Quasar`.
//   rest.js  every other component, Quasar's other utils and composables (added to
//            `window.Quasar`); loaded only by pages whose elements need one of them.
//
// Code both tiers use goes into shared chunk-*.js files (esbuild's code splitting), so each
// Quasar internal exists once per page. Quasar's `import ... from 'vue'` reads the global Vue
// build the page already loads (a generated shim), and manifest.json tells the server which
// files each tier needs and which tier each component tag is in.
//
//   node quasar-build.mjs <node_modules> <output folder>
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [nodeModules, outdir] = process.argv.slice(2).map(p => path.resolve(p));
const require = createRequire(path.join(nodeModules, 'noop.js'));
const { build } = require('esbuild');
const src = path.join(nodeModules, 'quasar', 'src');
const version = require('quasar/package.json').version;

// The components most pages use: flaskui's page frame, buttons, text fields, cards, lists,
// toggles and the small decorations. Everything else (tables, selects, pickers, trees, editors,
// sliders, tabs, steppers...) is in rest.js.
const CORE = new Set([
  'QLayout', 'QPageContainer', 'QPage', 'QHeader', 'QFooter', 'QDrawer', 'QToolbar', 'QToolbarTitle',
  'QBtn', 'QBtnGroup', 'QIcon', 'QSpinner', 'QInput', 'QField', 'QCard', 'QCardSection', 'QCardActions',
  'QCheckbox', 'QToggle', 'QRadio', 'QSeparator', 'QSpace', 'QBadge', 'QAvatar', 'QChip', 'QTooltip',
  'QList', 'QItem', 'QItemSection', 'QItemLabel', 'QLinearProgress', 'QImg', 'QMenu', 'QDialog',
]);

// The names a Quasar index module (components.js, utils.js...) exports.
const exportNames = index => [...fs.readFileSync(path.join(src, index), 'utf8')
  .matchAll(/export \{ ([^}]+) \} from/g)].flatMap(([, list]) => list.split(',').map(part => part.trim().split(/\s+as\s+/).pop()));
const exported = [...fs.readFileSync(path.join(src, 'components.js'), 'utf8')
  .matchAll(/export \{ default as (Q\w+) \} from '\.\/(.+)'/g)].map(([, name, file]) => ({ name, file }));
const missing = [...CORE].filter(name => !exported.some(c => c.name === name));
if (missing.length) throw new Error(`quasar-build: not Quasar components: ${missing.join(', ')}`);

const tag = name => name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());
const importLines = list => list.map(c => `import ${c.name} from ${JSON.stringify(path.join(src, c.file))};`).join('\n');
// {"q-btn": QBtn, ...}: the renderer looks components up by the tag elements carry.
const byTag = list => `{ ${list.map(c => `${JSON.stringify(tag(c.name))}: ${c.name}`).join(', ')} }`;
const byName = list => `{ ${list.map(c => c.name).join(', ')} }`;
const core = exported.filter(c => CORE.has(c.name));
const rest = exported.filter(c => !CORE.has(c.name));

// A fixed place for the generated entries and a fixed working directory: chunk names hash the
// input paths, so the same sources always give the same file names.
const workdir = path.dirname(nodeModules);
const tmp = path.join(nodeModules, '.cache', 'flaskui-quasar-build');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
const vueNames = Object.keys(require('vue')).filter(name => /^[A-Za-z_$][\w$]*$/.test(name));
fs.writeFileSync(path.join(tmp, 'vue.js'), `export const { ${vueNames.join(', ')} } = window.Vue;\n`);
fs.writeFileSync(path.join(tmp, 'core.js'), `
import installQuasar from ${JSON.stringify(path.join(src, 'install-quasar.js'))};
import Notify from ${JSON.stringify(path.join(src, 'plugins/notify/Notify.js'))};
import Dark from ${JSON.stringify(path.join(src, 'plugins/dark/Dark.js'))};
import Screen from ${JSON.stringify(path.join(src, 'plugins/screen/Screen.js'))};
import Platform from ${JSON.stringify(path.join(src, 'plugins/platform/Platform.js'))};
import Lang from ${JSON.stringify(path.join(src, 'plugins/lang/Lang.js'))};
import IconSet from ${JSON.stringify(path.join(src, 'plugins/icon-set/IconSet.js'))};
import setCssVar from ${JSON.stringify(path.join(src, 'utils/css-var/set-css-var.js'))};
import getCssVar from ${JSON.stringify(path.join(src, 'utils/css-var/get-css-var.js'))};
import Ripple from ${JSON.stringify(path.join(src, 'directives/ripple/Ripple.js'))};
${importLines(core)}
export const components = ${byTag(core)};
// The directive object Quasar's components use (flaskui.js defers the ripples it starts).
export { Ripple };

// Notify mounts a Vue app of its own when installed: do that on the first notification, not on
// every page load (a few ms of a cold page).
let notifyInstall = null;
function notify(options) {
  if (!Notify.__installed) {
    Notify.install(notifyInstall);
    Notify.__installed = true;
  }
  return Notify.create(options);
}
notify.setDefaults = options => Notify.setDefaults(options);
notify.registerType = (type, options) => Notify.registerType(type, options);

window.Quasar = {
  version: ${JSON.stringify(version)},
  install(app, options) {
    installQuasar(app, options);
    const $q = app.config.globalProperties.$q;
    notifyInstall = { $q, parentApp: app };
    $q.notify = notify;
  },
  lang: Lang, iconSet: IconSet,
  Notify: { create: notify, setDefaults: notify.setDefaults, registerType: notify.registerType },
  Dark, Screen, Platform, Lang, IconSet, setCssVar, getCssVar, Ripple, ...${byName(core)},
};
`);
fs.writeFileSync(path.join(tmp, 'rest.js'), `
import * as utils from ${JSON.stringify(path.join(src, 'utils.js'))};
import * as composables from ${JSON.stringify(path.join(src, 'composables.js'))};
${importLines(rest)}
export const components = ${byTag(rest)};
Object.assign(window.Quasar, utils, composables, ${byName(rest)});
`);

fs.rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { core: path.join(tmp, 'core.js'), rest: path.join(tmp, 'rest.js') },
  absWorkingDir: workdir, outdir, bundle: true, splitting: true, format: 'esm', minify: true, metafile: true,
  chunkNames: 'chunk-[hash]', legalComments: 'none', logLevel: 'error',
  alias: { vue: path.join(tmp, 'vue.js') },
  define: {
    __QUASAR_VERSION__: JSON.stringify(version), __QUASAR_SSR__: 'false', __QUASAR_SSR_SERVER__: 'false',
    __QUASAR_SSR_CLIENT__: 'false', __QUASAR_SSR_PWA__: 'false',
  },
});
fs.rmSync(tmp, { recursive: true, force: true });

// Each tier's file and, depth first, every file it imports: the page preloads them all.
const outputs = result.metafile.outputs;
const key = file => path.relative(workdir, path.join(outdir, file));
function closure(file, files = []) {
  if (!files.includes(file)) {
    files.push(file);
    for (const imported of outputs[key(file)].imports) {
      if (imported.kind === 'import-statement') closure(path.basename(imported.path), files);
    }
  }
  return files;
}
const coreFiles = closure('core.js');
const manifest = {
  quasar: version,
  core: coreFiles,
  rest: closure('rest.js').filter(file => !coreFiles.includes(file)),
  tags: Object.fromEntries(exported.map(c => [tag(c.name), CORE.has(c.name) ? 'core' : 'rest'])),
  // What only rest.js adds to window.Quasar: a custom component naming one needs that tier.
  rest_names: [...rest.map(c => c.name), ...exportNames('utils.js'), ...exportNames('composables.js')]
    .filter(name => !['setCssVar', 'getCssVar'].includes(name)).sort(),
};
fs.writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
const size = files => files.reduce((sum, file) => sum + fs.statSync(path.join(outdir, file)).size, 0);
console.log(`quasar ${version}: core ${coreFiles.length} files ${size(coreFiles)} B, rest ${manifest.rest.length} files ${size(manifest.rest)} B`);
