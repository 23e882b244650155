// Components that elements bring along: ES modules loaded when a page first needs them, and
// classic scripts (UMD libraries) that those modules load. Quasar's components are here too, by
// tag: core.js's from the start, rest.js's once the server announces that tier (module "quasar").
const { markRaw, shallowReactive } = Vue;

const QUASAR_REST = 'quasar';

let registry = {};
let app = null;
// module name -> 'loading' | 'loaded' | 'failed'. Reactive: elements waiting for a module
// re-render when it settles, as themselves or (if it failed) as the unknown tag.
const status = shallowReactive(new Map());
const scripts = new Map();
// Registration follows announcement order, so a component that renders a rest-tier Quasar
// component registers only after that tier did (a later module waits for the earlier ones).
let registered = Promise.resolve();

export const isLoading = tag => status.get(tag) === 'loading'
  || (tag.startsWith('q-') && status.get(QUASAR_REST) === 'loading');

// `registry` must be reactive, so elements waiting for their component re-render when it lands.
// Components a classic script put there (window.flaskui.components) that have a template step out
// until Vue's template compiler is loaded, and come back with it: their elements render then.
export function useRegistry(reactiveRegistry) {
  registry = reactiveRegistry;
  const templated = Object.entries(registry).filter(([, component]) => hasTemplate(component));
  if (templated.length === 0) return;
  for (const [tag] of templated) {
    delete registry[tag];
    status.set(tag, 'loading');
  }
  compilerFor(templated.map(([, component]) => component)).then(() => {
    for (const [tag, component] of templated) {
      registry[tag] = markRaw(component);
      status.set(tag, 'loaded');
    }
  });
}

// Register Quasar components given by tag ({"q-btn": QBtn}); in the app they are global by name
// (QBtn), so templates and resolveComponent find them as <q-btn> and <QBtn> alike.
export function addQuasar(components) {
  for (const [tag, component] of Object.entries(components)) {
    registry[tag] = markRaw(component);
    app?.component(component.name, component);
  }
}

// The Vue app: every Quasar component registered so far, and those to come, become global.
export function useApp(vueApp) {
  app = vueApp;
  for (const [tag, component] of Object.entries(registry)) {
    if (tag.startsWith('q-')) app.component(component.name, component);
  }
}

// Pages load Vue's runtime build (60 KB lighter); its template compiler is loaded once a
// component with a `template` arrives, before that component registers.
let compiler = null;

// Whether a component, or one it is built from (its `components`, `extends` and `mixins`, at any
// depth), has a template.
function hasTemplate(component, seen = new Set()) {
  if (!component || typeof component !== 'object' || seen.has(component)) return false;
  seen.add(component);
  const parts = [...Object.values(component.components ?? {}), component.extends, ...(component.mixins ?? [])];
  return typeof component.template === 'string' || parts.some(part => hasTemplate(part, seen));
}

function loadCompiler() {
  compiler ??= loadScript(new URL('./vendor/compiler-dom.global.prod.js', import.meta.url)).then(() => {
    const compiled = new Map();
    // What Vue's full build does: the generated code reads the global `Vue`.
    Vue.registerRuntimeCompiler((template, options) => {
      let render = compiled.get(template);
      if (!render) {
        render = new Function(VueCompilerDOM.compile(template, { hoistStatic: true, ...options }).code)();
        render._rc = true; // Vue's mark for a runtime-compiled render function
        compiled.set(template, render);
      }
      return render;
    });
  });
  return compiler;
}

// Load the template compiler if any of `components` needs it (if it cannot be loaded, that is
// logged and those components render nothing).
async function compilerFor(components) {
  if (!components.some(component => hasTemplate(component))) return;
  try {
    await loadCompiler();
  } catch (error) {
    console.error('flaskui: could not load Vue\'s template compiler:', error);
  }
}

// A module that could not be fetched is fetched again after these delays, under a new URL: the
// browser remembers a failed module fetch by URL. (A module it imports that failed stays failed.)
const RETRY_DELAYS_MS = [500, 1000, 2000];
// import()'s TypeError when the fetch failed: Chromium, Firefox; Safari. Not one a module threw.
const FETCH_FAILED = /dynamically imported module|importing a module script failed/i;

async function importModule(url) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await import(attempt ? `${url}${url.includes('?') ? '&' : '?'}retry=${attempt}` : url);
    } catch (error) {
      const fetchFailed = error instanceof TypeError && FETCH_FAILED.test(error.message);
      if (!fetchFailed || attempt === RETRY_DELAYS_MS.length) throw error;
      await new Promise(resolve => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}

// Load {name: url} component modules (each module's default export is a Vue component; the
// rest tier's `components` export is a set of Quasar components). Resolves once all are
// registered; a module that fails to load (after retries) is reported and its elements render as
// unknown tags.
export function loadComponents(map) {
  const wanted = Object.entries(map).filter(([name]) => !(name in registry) && !status.has(name));
  for (const [name] of wanted) status.set(name, 'loading');
  const imports = Promise.allSettled(wanted.map(([, url]) => importModule(url)));
  registered = registered.then(async () => {
    const results = await imports;
    const loaded = results.filter(result => result.status === 'fulfilled');
    await compilerFor(loaded.map(result => result.value.default));
    results.forEach((result, i) => register(...wanted[i], result));
  });
  return registered;
}

// Register one settled import of `loadComponents`.
function register(name, url, result) {
  try {
    if (result.status === 'rejected') throw result.reason;
    if (name === QUASAR_REST) addQuasar(result.value.components);
    else registry[name] = markRaw(result.value.default);
    status.set(name, 'loaded');
  } catch (error) {
    console.error(`flaskui: could not load component ${name} from ${url}:`, error);
    status.set(name, 'failed');
  }
}

// Load a classic script once (e.g. a UMD library a component needs); resolves when it ran.
export function loadScript(url) {
  const key = String(url);
  if (!scripts.has(key)) {
    scripts.set(key, new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = key;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`flaskui: could not load ${key}`));
      document.head.appendChild(script);
    }));
  }
  return scripts.get(key);
}
