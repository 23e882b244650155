// flaskui's browser code, bundled from frontend/src by frontend/flaskui-build.mjs (sources sha256 f55a55d3923ed4a77ee35e9d9526ef20a56acdc66de645d748227847e17c7b23)

// src/flaskui.js
import { components as quasarCore, Ripple } from "./vendor/quasar/core.js";

// src/components.js
var { markRaw, shallowReactive } = Vue;
var QUASAR_REST = "quasar";
var registry = {};
var app = null;
var status = shallowReactive(/* @__PURE__ */ new Map());
var scripts = /* @__PURE__ */ new Map();
var registered = Promise.resolve();
var isLoading = (tag) => status.get(tag) === "loading" || tag.startsWith("q-") && status.get(QUASAR_REST) === "loading";
function useRegistry(reactiveRegistry) {
  registry = reactiveRegistry;
  const templated = Object.entries(registry).filter(([, component]) => hasTemplate(component));
  if (templated.length === 0) return;
  for (const [tag] of templated) {
    delete registry[tag];
    status.set(tag, "loading");
  }
  compilerFor(templated.map(([, component]) => component)).then(() => {
    for (const [tag, component] of templated) {
      registry[tag] = markRaw(component);
      status.set(tag, "loaded");
    }
  });
}
function addQuasar(components2) {
  for (const [tag, component] of Object.entries(components2)) {
    registry[tag] = markRaw(component);
    app?.component(component.name, component);
  }
}
function useApp(vueApp) {
  app = vueApp;
  for (const [tag, component] of Object.entries(registry)) {
    if (tag.startsWith("q-")) app.component(component.name, component);
  }
}
var compiler = null;
function hasTemplate(component, seen = /* @__PURE__ */ new Set()) {
  if (!component || typeof component !== "object" || seen.has(component)) return false;
  seen.add(component);
  const parts = [...Object.values(component.components ?? {}), component.extends, ...component.mixins ?? []];
  return typeof component.template === "string" || parts.some((part) => hasTemplate(part, seen));
}
function loadCompiler() {
  compiler ??= loadScript(new URL("./vendor/compiler-dom.global.prod.js", import.meta.url)).then(() => {
    const compiled = /* @__PURE__ */ new Map();
    Vue.registerRuntimeCompiler((template, options) => {
      let render = compiled.get(template);
      if (!render) {
        render = new Function(VueCompilerDOM.compile(template, { hoistStatic: true, ...options }).code)();
        render._rc = true;
        compiled.set(template, render);
      }
      return render;
    });
  });
  return compiler;
}
async function compilerFor(components2) {
  if (!components2.some((component) => hasTemplate(component))) return;
  try {
    await loadCompiler();
  } catch (error) {
    console.error("flaskui: could not load Vue's template compiler:", error);
  }
}
var RETRY_DELAYS_MS = [500, 1e3, 2e3];
var FETCH_FAILED = /dynamically imported module|importing a module script failed/i;
async function importModule(url) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await (attempt ? import(`${url}${url.includes("?") ? "&" : "?"}retry=${attempt}`) : import(url));
    } catch (error) {
      const fetchFailed = error instanceof TypeError && FETCH_FAILED.test(error.message);
      if (!fetchFailed || attempt === RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}
function loadComponents(map) {
  const wanted = Object.entries(map).filter(([name]) => !(name in registry) && !status.has(name));
  for (const [name] of wanted) status.set(name, "loading");
  const imports = Promise.allSettled(wanted.map(([, url]) => importModule(url)));
  registered = registered.then(async () => {
    const results = await imports;
    const loaded = results.filter((result) => result.status === "fulfilled");
    await compilerFor(loaded.map((result) => result.value.default));
    results.forEach((result, i) => register(...wanted[i], result));
  });
  return registered;
}
function register(name, url, result) {
  try {
    if (result.status === "rejected") throw result.reason;
    if (name === QUASAR_REST) addQuasar(result.value.components);
    else registry[name] = markRaw(result.value.default);
    status.set(name, "loaded");
  } catch (error) {
    console.error(`flaskui: could not load component ${name} from ${url}:`, error);
    status.set(name, "failed");
  }
}
function loadScript(url) {
  const key = String(url);
  if (!scripts.has(key)) {
    scripts.set(key, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = key;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`flaskui: could not load ${key}`));
      document.head.appendChild(script);
    }));
  }
  return scripts.get(key);
}

// src/connection.js
var FIRST_DELAY = 250;
var MAX_DELAY = 5e3;
var MAX_OUTBOX = 1e3;
var POLICY_VIOLATION = 1008;
var SILENT_INTERVALS = 3;
var indicator = () => document.getElementById("flaskui-reconnecting");
var socket = null;
var connected = false;
var delay = FIRST_DELAY;
var deadAfter = 0;
var outbox = [];
var isConnected = () => connected;
function tabId() {
  const key = "flaskui-tab";
  const fresh = () => "t-" + Array.from(
    crypto.getRandomValues(new Uint8Array(12)),
    (byte) => byte.toString(16).padStart(2, "0")
  ).join("");
  try {
    let id = sessionStorage.getItem(key);
    if (!id) sessionStorage.setItem(key, id = fresh());
    return id;
  } catch {
    return fresh();
  }
}
function send(message) {
  if (connected) {
    socket.send(JSON.stringify(message));
    return;
  }
  outbox.push(message);
  if (outbox.length > MAX_OUTBOX) outbox.shift();
}
function showIndicator(text) {
  const el = indicator();
  if (!el) return;
  if (text) el.textContent = text;
  el.hidden = false;
}
function connect(state2, getLast, onMessage) {
  const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${state2.ws}`;
  const tab = tabId();
  const open = () => {
    const ws = new WebSocket(url);
    socket = ws;
    let heard = Date.now();
    let watchdog = 0;
    const watch = () => {
      const left = heard + deadAfter - Date.now();
      if (left > 0) {
        watchdog = setTimeout(watch, left);
        return;
      }
      ws.onmessage = ws.onclose = null;
      ws.close();
      lost();
    };
    if (deadAfter) watchdog = setTimeout(watch, deadAfter);
    ws.onopen = () => {
      ws.send(JSON.stringify({ t: "hello", client: state2.client, tab, last: getLast() }));
    };
    ws.onmessage = (event) => {
      heard = Date.now();
      const message = JSON.parse(event.data);
      if (message.t === "hb") {
        deadAfter = message.interval * 1e3 * SILENT_INTERVALS;
        if (!watchdog) watchdog = setTimeout(watch, deadAfter);
        return;
      }
      if (message.t === "hi") {
        connected = true;
        delay = FIRST_DELAY;
        const el = indicator();
        if (el) el.hidden = true;
        for (const queued of outbox.splice(0)) ws.send(JSON.stringify(queued));
      }
      onMessage(message);
    };
    ws.onclose = (event) => {
      clearTimeout(watchdog);
      if (event.code === POLICY_VIOLATION) {
        connected = false;
        showIndicator("Connection refused");
        return;
      }
      lost();
    };
  };
  const lost = () => {
    connected = false;
    showIndicator();
    setTimeout(open, delay * (1 + Math.random() * 0.2));
    delay = Math.min(delay * 2, MAX_DELAY);
  };
  open();
}

// src/javascript.js
var running = 0;
var runningCount = () => running;
function reply(id, value) {
  if (value instanceof Node) throw new TypeError("a DOM node is not JSON-serializable");
  const json = JSON.stringify(value === void 0 ? null : value);
  if (json === void 0) throw new TypeError(`a ${typeof value} is not JSON-serializable`);
  send({ t: "js", id, ok: true, value: JSON.parse(json) });
}
async function runJs(id, code) {
  running++;
  try {
    let value = (0, eval)(code);
    if (typeof value?.then === "function") value = await value;
    if (id !== null) {
      try {
        reply(id, value);
      } catch (err) {
        send({ t: "js", id, ok: false, error: `result is not JSON-serializable: ${err}` });
      }
    }
  } catch (err) {
    if (id === null) console.warn("flaskui: javascript failed:", err);
    else send({ t: "js", id, ok: false, error: String(err) });
  } finally {
    running--;
  }
}

// src/store.js
var { reactive, shallowReactive: shallowReactive2, shallowRef, toRaw } = Vue;
var elements = shallowReactive2(/* @__PURE__ */ new Map());
var root = shallowRef(null);
var plainElements = toRaw(elements);
var writeText = () => false;
function setTextWriter(writer) {
  writeText = writer;
}
var parents = /* @__PURE__ */ new Map();
function normalize(raw) {
  return reactive({
    tag: raw.tag,
    text: raw.text ?? null,
    props: raw.props ?? {},
    classes: raw.classes ?? [],
    style: raw.style ?? {},
    children: raw.children ?? [],
    slot: raw.slot ?? "default",
    hidden: raw.hidden ?? false,
    events: raw.events ?? []
  });
}
function insert(raws) {
  for (const [key, raw] of Object.entries(raws)) {
    const id = Number(key);
    const oldParent = plainElements.get(parents.get(id));
    if (oldParent && !(String(parents.get(id)) in raws)) detach(id, oldParent);
    elements.set(id, normalize(raw));
    for (const child2 of raw.children ?? []) parents.set(child2, id);
  }
}
function forget(id) {
  const stack = [id];
  while (stack.length) {
    const current = stack.pop();
    const el = plainElements.get(current);
    if (el) stack.push(...el.children);
    elements.delete(current);
    parents.delete(current);
  }
}
function detach(childId, parent) {
  const i = parent.children.indexOf(childId);
  if (i >= 0) parent.children.splice(i, 1);
}
function replaceAll({ root: rootId, elements: raws }) {
  elements.clear();
  parents.clear();
  insert(raws);
  root.value = rootId;
}
function onlyText(fields) {
  if (typeof fields.text !== "string") return false;
  for (const key in fields) if (key !== "text") return false;
  return true;
}
function lookup(id, op) {
  const el = plainElements.get(id);
  if (!el) console.warn(`flaskui: "${op}" op names unknown element ${id}`);
  return el;
}
var ops = {
  u(id, fields) {
    const el = lookup(id, "u");
    if (!el) return;
    if (onlyText(fields) && writeText(id, fields.text)) {
      toRaw(el).text = fields.text;
      return;
    }
    if ("text" in fields) el.text = fields.text;
    if (fields.props) Object.assign(el.props, fields.props);
    for (const key of fields.unset ?? []) delete el.props[key];
    if (fields.classes) el.classes = fields.classes;
    if (fields.style) el.style = fields.style;
    if (fields.events) el.events = fields.events;
    if ("hidden" in fields) el.hidden = fields.hidden;
  },
  // Nested prop patches: a list splice or one value at a path (table rows, chart data).
  l(id, path, start2, deleteCount, items) {
    const el = lookup(id, "l");
    if (el) resolvePath(el.props, path).splice(start2, deleteCount, ...items);
  },
  p(id, path, value) {
    const el = lookup(id, "p");
    if (el) resolvePath(el.props, path.slice(0, -1))[path[path.length - 1]] = value;
  },
  a(parentId, beforeId, childId, raws) {
    const parent = lookup(parentId, "a");
    if (!parent) return;
    insert(raws);
    place(parent, beforeId, childId);
    parents.set(childId, parentId);
  },
  d(parentId, childId) {
    const parent = lookup(parentId, "d");
    if (parent) detach(childId, parent);
    forget(childId);
  },
  m(childId, parentId, beforeId) {
    const parent = lookup(parentId, "m");
    if (!parent || !lookup(childId, "m")) return;
    const old = plainElements.get(parents.get(childId));
    if (old) detach(childId, old);
    place(parent, beforeId, childId);
    parents.set(childId, parentId);
  }
};
function resolvePath(target, path) {
  for (const key of path) target = target[key];
  return target;
}
function place(parent, beforeId, childId) {
  const index = beforeId === null ? -1 : parent.children.indexOf(beforeId);
  if (index < 0) parent.children.push(childId);
  else parent.children.splice(index, 0, childId);
}
function applyOp(op) {
  ops[op[0]](op[1], op[2], op[3], op[4], op[5]);
}
var isElementOp = (kind) => Object.hasOwn(ops, kind);

// src/frames.js
var last = 0;
var acked = 0;
var ackEvery = 1;
var awaitingSnap = false;
var pending = 0;
var queue = [];
var sessionWrites = Promise.resolve();
var draining = false;
var lastFrame = () => last;
var pendingCount = () => pending;
function start(initialFrame) {
  last = initialFrame;
}
var sideEffects = {
  c: (map) => {
    loadComponents(map);
  },
  n: (options) => Quasar.Notify.create(options),
  // A handler wrote the session: this request lets the server set the cookie a websocket cannot.
  // A navigation the handler asked for afterwards waits for it (see nav), and `keepalive` lets it
  // finish even if the page goes away meanwhile.
  session: (url) => {
    sessionWrites = sessionWrites.then(() => fetch(url, { method: "POST", credentials: "same-origin", keepalive: true }).then((response) => {
      if (!response.ok) console.warn(`flaskui: the session write was refused (${response.status})`);
    }, (error) => console.warn("flaskui: the session write did not reach the server", error)));
  },
  nav: (url, newTab) => {
    if (newTab) window.open(url, "_blank");
    else setTimeout(() => sessionWrites.then(() => {
      location.href = url;
    }));
  },
  // A download through a temporary <a download>. Browsers ignore `download` for other origins,
  // so those open in a new tab: this page must never navigate away and lose its state.
  dl: (url, filename) => {
    const link = document.createElement("a");
    link.href = url;
    link.download = filename ?? "";
    if (link.origin !== location.origin) {
      link.target = "_blank";
      link.rel = "noopener";
    }
    document.body.append(link);
    link.click();
    link.remove();
  }
};
function applyOps(ops2, start2 = 0) {
  for (let i = start2; i < ops2.length; i++) {
    const op = ops2[i];
    if (op[0] === "js") {
      return Vue.nextTick().then(() => {
        runJs(op[1], op[2]);
        return applyOps(ops2, i + 1);
      });
    }
    if (isElementOp(op[0])) applyOp(op);
    else if (Object.hasOwn(sideEffects, op[0])) sideEffects[op[0]](...op.slice(1));
    else console.warn("flaskui: unknown op", op[0]);
  }
  return void 0;
}
async function drain() {
  draining = true;
  while (queue.length) {
    let done = 0;
    while (queue.length) {
      const job = queue.shift();
      try {
        const result = job();
        if (result) await result;
      } catch (err) {
        console.error("flaskui: applying a server message failed:", err);
      }
      done++;
    }
    await Vue.nextTick();
    pending -= done;
    if (isConnected() && last - acked >= ackEvery) {
      send({ t: "ack", id: last });
      acked = last;
    }
  }
  draining = false;
}
function enqueue(job) {
  pending++;
  queue.push(job);
  if (!draining) drain();
}
function handle(message) {
  switch (message.t) {
    case "hi":
      awaitingSnap = false;
      acked = last;
      ackEvery = Math.max(1, message.window >> 2);
      break;
    case "f":
      if (awaitingSnap || message.id <= last) return;
      if (message.id > last + 1) {
        awaitingSnap = true;
        send({ t: "resync", last });
        return;
      }
      last = message.id;
      enqueue(() => applyOps(message.ops));
      break;
    case "snap":
      awaitingSnap = false;
      last = message.id;
      enqueue(() => loadComponents(message.components).then(() => replaceAll(message)));
      break;
    case "reload":
      location.reload();
      break;
    case "err":
      console.warn("flaskui: the server refused a message:", message.reason);
      break;
    default:
      console.warn("flaskui: unknown message", message.t);
  }
}

// src/events.js
var { camelize, capitalize, toHandlerKey, toRaw: toRaw2, withKeys, withModifiers } = Vue;
var bindings = /* @__PURE__ */ new WeakMap();
var fired = /* @__PURE__ */ new Set();
var GUARD_MODIFIERS = /* @__PURE__ */ new Set(["stop", "prevent", "self", "ctrl", "shift", "alt", "meta", "exact", "middle"]);
var OPTION_MODIFIERS = /* @__PURE__ */ new Set(["capture", "passive"]);
var KEY_EVENTS = /* @__PURE__ */ new Set(["keydown", "keyup", "keypress"]);
function parseType(type) {
  const [name, ...modifiers] = type.split(".");
  const keyboard = KEY_EVENTS.has(name.toLowerCase());
  const options = [];
  const guards = [];
  const keys = [];
  let once = false;
  for (const modifier of modifiers) {
    if (modifier === "once") once = true;
    else if (OPTION_MODIFIERS.has(modifier)) options.push(modifier);
    else if (GUARD_MODIFIERS.has(modifier) || !keyboard && (modifier === "left" || modifier === "right")) {
      guards.push(modifier);
    } else keys.push(modifier);
  }
  let event = name;
  if (name.toLowerCase() === "click" && guards.includes("right")) event = "contextmenu";
  else if (name.toLowerCase() === "click" && guards.includes("middle")) event = "mouseup";
  return { event, options, guards, keys: keyboard ? keys : [], once };
}
var EVENT_FIELDS = [
  "type",
  "key",
  "code",
  "altKey",
  "ctrlKey",
  "shiftKey",
  "metaKey",
  "button",
  "clientX",
  "clientY"
];
var MAX_DEPTH = 20;
function reduceEvent(event) {
  const out = {};
  for (const field of EVENT_FIELDS) {
    if (event[field] !== void 0) out[field] = event[field];
  }
  const target = event.target;
  if (target && "value" in target) out.value = toPlain(target.value);
  if (target?.type === "checkbox" || target?.type === "radio") out.checked = target.checked;
  return out;
}
function toPlain(value, depth = 0, seen = /* @__PURE__ */ new Set()) {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "object" || depth > MAX_DEPTH || seen.has(value)) return void 0;
  if (value instanceof Event) return reduceEvent(value);
  if (value instanceof Node || value === window || value.__v_skip || "$el" in value) return void 0;
  if (typeof value.toJSON === "function") return toPlain(value.toJSON(), depth + 1, seen);
  seen.add(value);
  let out;
  if (Array.isArray(value)) {
    out = value.map((item) => toPlain(item, depth + 1, seen) ?? null);
  } else {
    out = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = toPlain(item, depth + 1, seen);
      if (plain !== void 0) out[key] = plain;
    }
  }
  seen.delete(value);
  return out;
}
function serializeArg(arg, names) {
  if (names && arg !== null && typeof arg === "object") {
    const picked = {};
    for (const name of names) {
      const plain = toPlain(arg[name]);
      if (plain !== void 0) picked[name] = plain;
    }
    return picked;
  }
  return toPlain(arg) ?? null;
}
function rateLimit(listener, deliver) {
  const debounce = (listener.debounce ?? 0) * 1e3;
  const throttle = (listener.throttle ?? 0) * 1e3;
  if (debounce > 0) {
    let timer;
    return (args) => {
      clearTimeout(timer);
      timer = setTimeout(() => deliver(args), debounce);
    };
  }
  if (throttle > 0) {
    let lastSent = -Infinity;
    let timer = null;
    let latest;
    return (args) => {
      latest = args;
      if (timer) return;
      const wait = lastSent + throttle - performance.now();
      if (wait <= 0) {
        lastSent = performance.now();
        deliver(args);
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        lastSent = performance.now();
        deliver(latest);
      }, wait);
    };
  }
  return deliver;
}
function makeHandler(id, listener, { guards, keys, once }) {
  const deliver = rateLimit(listener, (args) => send({ t: "ev", el: id, l: listener.l, args }));
  let handler = (...args) => {
    if (once) fired.add(listener.l);
    if (listener.sync) {
      const el = elements.get(id);
      if (el) el.props[listener.sync] = args[0];
    }
    deliver(args.map((arg) => serializeArg(arg, listener.args)));
  };
  if (guards.length) handler = withModifiers(handler, guards);
  if (keys.length) handler = withKeys(handler, keys);
  return once ? (...args) => {
    if (!fired.has(listener.l)) handler(...args);
  } : handler;
}
function bindingFor(id, listener) {
  const raw = toRaw2(listener);
  let binding = bindings.get(raw);
  if (!binding) {
    const parsed = parseType(raw.type);
    const key = toHandlerKey(camelize(parsed.event)) + parsed.options.map(capitalize).join("");
    binding = { key, handler: makeHandler(id, raw, parsed) };
    bindings.set(raw, binding);
  }
  return binding;
}
function listenerProps(id, events) {
  const props = {};
  for (const listener of events) {
    const { key, handler } = bindingFor(id, listener);
    const previous = props[key];
    props[key] = previous ? (...args) => {
      previous(...args);
      handler(...args);
    } : handler;
  }
  return props;
}

// src/render.js
var {
  Text,
  createApp,
  getCurrentInstance,
  h,
  onMounted,
  onUnmounted,
  onUpdated,
  resolveComponent
} = Vue;
var registry2 = {};
var resolved = /* @__PURE__ */ new Map();
function resolveType(tag) {
  const registered2 = registry2[tag];
  if (registered2) return registered2;
  if (isLoading(tag)) return null;
  let type = resolved.get(tag);
  if (type === void 0) {
    type = resolveComponent(tag);
    resolved.set(tag, type);
  }
  return type;
}
var child = (id) => h(ElementView, { eid: id, key: id });
var PANEL_PARENTS = /* @__PURE__ */ new Set(["q-tab-panels", "q-stepper", "q-carousel"]);
var panel = (id) => h(ElementView, { ...elements.get(id)?.props, eid: id, key: id });
function renderElement(id) {
  const el = elements.get(id);
  if (!el || el.tag === "") return null;
  const type = resolveType(el.tag);
  if (type === null) return null;
  const data = { ...el.props, ...listenerProps(id, el.events) };
  if (el.classes.length) data.class = el.classes;
  if (Object.keys(el.style).length) data.style = el.style;
  if (el.hidden) data.style = { ...el.style, display: "none" };
  const text = el.text ?? null;
  if (typeof type === "string") {
    data.id = "f" + id;
    const children = el.children.map(child);
    if (text !== null) children.unshift(text);
    return h(type, data, children);
  }
  const groups = {};
  if (text !== null) groups.default = [];
  for (const childId of el.children) {
    (groups[elements.get(childId)?.slot ?? "default"] ??= []).push(childId);
  }
  const slots = {};
  for (const [name, ids] of Object.entries(groups)) {
    const make = name === "default" && PANEL_PARENTS.has(el.tag) ? panel : child;
    slots[name] = name === "default" && text !== null ? () => [text, ...ids.map(make)] : () => ids.map(make);
  }
  return h(type, data, slots);
}
var views = /* @__PURE__ */ new Map();
function textOnly(instance) {
  const tree = instance.subTree;
  const content = tree.children;
  return typeof tree.type === "string" && Array.isArray(content) && content.length === 1 && content[0].type === Text && content[0].el ? content[0] : null;
}
function writeText2(id, text) {
  const vnodes = views.get(id)?.map(textOnly);
  if (!vnodes || vnodes.includes(null)) return false;
  for (const vnode of vnodes) {
    vnode.children = text;
    vnode.el.nodeValue = text;
  }
  return true;
}
var ElementView = {
  name: "FlaskuiElement",
  inheritAttrs: false,
  // a panel's props (see `panel`) are already on the component it renders
  props: { eid: { type: Number, required: true } },
  setup(props) {
    const instance = getCurrentInstance();
    const domId = "f" + props.eid;
    const stampId = () => {
      const el = instance.subTree.el;
      if (el?.nodeType === Node.ELEMENT_NODE && el.id !== domId) el.id = domId;
    };
    onMounted(() => {
      stampId();
      const mounted = views.get(props.eid);
      if (mounted) mounted.push(instance);
      else views.set(props.eid, [instance]);
    });
    onUpdated(stampId);
    onUnmounted(() => {
      const others = (views.get(props.eid) ?? []).filter((view) => view !== instance);
      if (others.length) views.set(props.eid, others);
      else views.delete(props.eid);
    });
    return () => renderElement(props.eid);
  }
};
function mount(selector, components2, quasarConfig) {
  registry2 = components2;
  setTextWriter(writeText2);
  const app2 = createApp({
    render: () => root.value === null ? null : child(root.value)
  });
  app2.use(Quasar, { config: quasarConfig });
  useApp(app2);
  app2.mount(selector);
}

// src/ripple.js
var DEFERRED = { start: ["pointerdown", "click"], keystart: ["keydown", "keyup"] };
function defer(el) {
  const ctx = el.__qripple;
  if (!ctx) return;
  for (const [name, types] of Object.entries(DEFERRED)) {
    const handler = ctx[name];
    const deferred = (event) => {
      if (ctx.modifiers.stop) handler(event);
      else requestAnimationFrame(() => {
        if (el.__qripple === ctx) handler(event);
      });
    };
    for (const type of types) {
      el.removeEventListener(type, handler);
      el.addEventListener(type, deferred, { passive: true });
    }
    ctx[name] = deferred;
  }
}
function deferRipples(Ripple2) {
  const { beforeMount } = Ripple2;
  Ripple2.beforeMount = function(el, binding) {
    beforeMount.call(this, el, binding);
    defer(el);
  };
}

// src/flaskui.js
var state = JSON.parse(document.getElementById("flaskui-state").textContent);
var components = Vue.shallowReactive(window.flaskui?.components ?? {});
useRegistry(components);
addQuasar(quasarCore);
deferRipples(Ripple);
var isIdle = () => isConnected() && pendingCount() === 0 && runningCount() === 0;
window.getElement = (id) => document.getElementById("f" + id);
window.flaskui = {
  components,
  loadScript,
  store: {
    elements,
    get root() {
      return root.value;
    }
  },
  get lastFrame() {
    return lastFrame();
  },
  get connected() {
    return isConnected();
  },
  get pending() {
    return pendingCount();
  },
  // Resolves once the socket is connected, every received frame is rendered and no js op
  // is running; for tests, which otherwise race the UI.
  async idle() {
    for (; ; ) {
      if (isIdle()) {
        await Vue.nextTick();
        if (isIdle()) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};
replaceAll(state);
start(state.frame);
var MOUNT_WAIT_MS = 2e3;
await Promise.race([loadComponents(state.components), new Promise((resolve) => setTimeout(resolve, MOUNT_WAIT_MS))]);
mount("#flaskui-app", components, { dark: state.dark ?? "auto" });
connect(state, lastFrame, handle);
