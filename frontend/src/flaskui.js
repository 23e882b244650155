// Entry point: reads the page's initial state, mounts the UI and connects the websocket.
// frontend/flaskui-build.mjs bundles these modules into flaskui/static/flaskui.js; Quasar's core
// tier stays a module of its own there, hence its path relative to that folder.
import { components as quasarCore, Ripple } from './vendor/quasar/core.js';
import { addQuasar, loadComponents, loadScript, useRegistry } from './components.js';
import { connect, isConnected } from './connection.js';
import { handle, lastFrame, pendingCount, start } from './frames.js';
import { runningCount } from './javascript.js';
import { mount } from './render.js';
import { deferRipples } from './ripple.js';
import { elements, replaceAll, root } from './store.js';

const state = JSON.parse(document.getElementById('flaskui-state').textContent);

// Classic scripts run before this module, so a page may already have set
// window.flaskui = {components: {...}}; keep its registry.
const components = Vue.shallowReactive(window.flaskui?.components ?? {});
useRegistry(components);
addQuasar(quasarCore);
deferRipples(Ripple);

const isIdle = () => isConnected() && pendingCount() === 0 && runningCount() === 0;

window.getElement = id => document.getElementById('f' + id);
window.flaskui = {
  components,
  loadScript,
  store: {
    elements,
    get root() { return root.value; },
  },
  get lastFrame() { return lastFrame(); },
  get connected() { return isConnected(); },
  get pending() { return pendingCount(); },
  // Resolves once the socket is connected, every received frame is rendered and no js op
  // is running; for tests, which otherwise race the UI.
  async idle() {
    for (;;) {
      if (isIdle()) {
        await Vue.nextTick();
        if (isIdle()) return;
      }
      await new Promise(resolve => setTimeout(resolve, 10));
    }
  },
};

replaceAll(state);
start(state.frame);
// The page's component modules are preloaded; mounting after they register renders each
// element once, in its final form. A module slower than MOUNT_WAIT_MS (a slow network, retries)
// does not keep the rest of the page blank: its elements render when it lands.
const MOUNT_WAIT_MS = 2000;
await Promise.race([loadComponents(state.components), new Promise(resolve => setTimeout(resolve, MOUNT_WAIT_MS))]);
// Quasar's Dark plugin takes the page's mode at install (a Dark.set before it would be undone).
mount('#flaskui-app', components, { dark: state.dark ?? 'auto' });
connect(state, lastFrame, handle);
