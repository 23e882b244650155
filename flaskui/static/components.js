// Components that elements bring along: ES modules loaded when a page first needs them, and
// classic scripts (UMD libraries) that those modules load. Quasar's components are here too, by
// tag: core.js's from the start, rest.js's once the server asks for that tier (module "quasar").
const { markRaw } = Vue;

const QUASAR_REST = 'quasar';

let registry = {};
let app = null;
const loading = new Set();
const scripts = new Map();
// Registration follows announcement order, so a component that renders a rest-tier Quasar
// component registers only after that tier did.
let registered = Promise.resolve();

const tagOf = name => name.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());

// Whether `tag`'s component is on its way; reading registry[tag] (and the rest tier's entry) in
// the caller makes it re-render when the module lands.
export const isLoading = tag => loading.has(tag)
  || (tag.startsWith('q-') && registry[QUASAR_REST] === undefined && loading.has(QUASAR_REST));

// `registry` must be reactive, so elements waiting for their component re-render when it lands.
export function useRegistry(reactiveRegistry) {
  registry = reactiveRegistry;
}

// Quasar components ({QBtn: component}) under their tags, and globally in the app, so templates
// and resolveComponent('q-btn') find them too.
export function addQuasar(components) {
  for (const [name, component] of Object.entries(components)) {
    registry[tagOf(name)] = markRaw(component);
    app?.component(name, component);
  }
}

// The Vue app: every Quasar component registered so far, and those to come, become global.
export function useApp(vueApp) {
  app = vueApp;
  for (const [tag, component] of Object.entries(registry)) {
    if (tag.startsWith('q-')) app.component(tag, component);
  }
}

// Load {name: url} component modules; each module's default export is a Vue component, or its
// `components` export is a set of Quasar components (the rest tier). Resolves once all are
// registered.
export function loadComponents(map) {
  const wanted = Object.entries(map).filter(([name]) => !(name in registry) && !loading.has(name));
  for (const [name] of wanted) loading.add(name);
  const modules = Promise.all(wanted.map(([, url]) => import(url)));
  const done = registered.then(() => modules).then(loaded => {
    loaded.forEach((module, i) => {
      const name = wanted[i][0];
      if (module.components) {
        addQuasar(module.components);
        registry[name] = true;
      } else {
        registry[name] = markRaw(module.default);
      }
    });
  }).finally(() => {
    for (const [name] of wanted) loading.delete(name);
  });
  registered = done.catch(() => {}); // a module that failed to load must not block later ones
  return done;
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
