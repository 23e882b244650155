// Components that elements bring along: ES modules loaded when a page first needs them, and
// classic scripts (UMD libraries) that those modules load.
const { markRaw } = Vue;

let registry = {};
const loading = new Set();
const scripts = new Map();

export const isLoading = tag => loading.has(tag);

// `registry` must be reactive, so elements waiting for their component re-render when it lands.
export function useRegistry(reactiveRegistry) {
  registry = reactiveRegistry;
}

// Load {name: url} component modules; each module's default export is a Vue component.
export function loadComponents(map) {
  return Promise.all(Object.entries(map).map(async ([name, url]) => {
    if (registry[name] || loading.has(name)) return;
    loading.add(name);
    try {
      registry[name] = markRaw((await import(url)).default);
    } finally {
      loading.delete(name);
    }
  }));
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
