// Turns an element's listeners into Vue handler props that send "ev" messages.
import { send } from './connection.js';
import { elements } from './store.js';

const { camelize, capitalize, toHandlerKey, toRaw, withKeys, withModifiers } = Vue;

// One handler (and its prop name) per listener object, so throttle/debounce state survives
// re-renders. A "u" op that replaces `events` brings new objects and thus fresh handlers.
const bindings = new WeakMap();
// Ids of the `.once` listeners that have fired (ids are unique within the page's client).
const fired = new Set();

// A listener's type is an event name and Vue's modifiers, e.g. "keydown.enter" or "click.stop",
// sorted as Vue's template compiler sorts those of `@keydown.enter` (compiler-dom's transformOn):
// capture/passive go into the handler prop's name (addEventListener options), key names guard
// keyboard events only, the rest are Vue.withModifiers guards; `left`/`right` are keys on keyboard
// events and mouse buttons on the others. flaskui/testing/user.py reads types the same way.
const GUARD_MODIFIERS = new Set(['stop', 'prevent', 'self', 'ctrl', 'shift', 'alt', 'meta', 'exact', 'middle']);
const OPTION_MODIFIERS = new Set(['capture', 'passive']);
const KEY_EVENTS = new Set(['keydown', 'keyup', 'keypress']);

function parseType(type) {
  const [name, ...modifiers] = type.split('.');
  const keyboard = KEY_EVENTS.has(name.toLowerCase());
  const options = [];
  const guards = [];
  const keys = [];
  let once = false;
  for (const modifier of modifiers) {
    if (modifier === 'once') once = true;
    else if (OPTION_MODIFIERS.has(modifier)) options.push(modifier);
    else if (GUARD_MODIFIERS.has(modifier) || (!keyboard && (modifier === 'left' || modifier === 'right'))) {
      guards.push(modifier);
    } else keys.push(modifier);
  }
  // No click event fires for the right or middle button: Vue listens to contextmenu / mouseup.
  let event = name;
  if (name.toLowerCase() === 'click' && guards.includes('right')) event = 'contextmenu';
  else if (name.toLowerCase() === 'click' && guards.includes('middle')) event = 'mouseup';
  return { event, options, guards, keys: keyboard ? keys : [], once };
}

const EVENT_FIELDS = ['type', 'key', 'code', 'altKey', 'ctrlKey', 'shiftKey', 'metaKey',
  'button', 'clientX', 'clientY'];
const MAX_DEPTH = 20;

function reduceEvent(event) {
  const out = {};
  for (const field of EVENT_FIELDS) {
    if (event[field] !== undefined) out[field] = event[field];
  }
  const target = event.target;
  if (target && 'value' in target) out.value = toPlain(target.value);
  if (target?.type === 'checkbox' || target?.type === 'radio') out.checked = target.checked;
  return out;
}

// A JSON-safe copy of `value`, or undefined if it cannot be sent (functions, DOM nodes,
// component instances, cycles). DOM Events shrink to their plain fields.
function toPlain(value, depth = 0, seen = new Set()) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return undefined;
  if (value instanceof Event) return reduceEvent(value);
  // DOM nodes, window and Vue component proxies are huge or cyclic and mean nothing to Python.
  if (value instanceof Node || value === window || value.__v_skip || '$el' in value) return undefined;
  if (typeof value.toJSON === 'function') return toPlain(value.toJSON(), depth + 1, seen);
  seen.add(value);
  let out;
  if (Array.isArray(value)) {
    out = value.map(item => toPlain(item, depth + 1, seen) ?? null);
  } else {
    out = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = toPlain(item, depth + 1, seen);
      if (plain !== undefined) out[key] = plain;
    }
  }
  seen.delete(value);
  return out;
}

function serializeArg(arg, names) {
  if (names && arg !== null && typeof arg === 'object') {
    const picked = {};
    for (const name of names) {
      const plain = toPlain(arg[name]);
      if (plain !== undefined) picked[name] = plain;
    }
    return picked;
  }
  return toPlain(arg) ?? null;
}

// Wrap `deliver` with the listener's debounce (wins if both are set) or throttle, in seconds.
// Throttle sends the first call at once and the latest of a burst when the window ends,
// so the final value (e.g. of a slider) is never lost.
function rateLimit(listener, deliver) {
  const debounce = (listener.debounce ?? 0) * 1000;
  const throttle = (listener.throttle ?? 0) * 1000;
  if (debounce > 0) {
    let timer;
    return args => {
      clearTimeout(timer);
      timer = setTimeout(() => deliver(args), debounce);
    };
  }
  if (throttle > 0) {
    let lastSent = -Infinity;
    let timer = null;
    let latest;
    return args => {
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
  const deliver = rateLimit(listener, args => send({ t: 'ev', el: id, l: listener.l, args }));
  let handler = (...args) => {
    if (once) fired.add(listener.l);
    if (listener.sync) {
      // Show the new value at once; the server learns it from the event below.
      const el = elements.get(id);
      if (el) el.props[listener.sync] = args[0];
    }
    // Serialize now: Event objects and targets change after the handler returns.
    deliver(args.map(arg => serializeArg(arg, listener.args)));
  };
  // As Vue's compiled `@keydown.enter.stop`: the keys are checked first, then the guards in order.
  if (guards.length) handler = withModifiers(handler, guards);
  if (keys.length) handler = withKeys(handler, keys);
  // Not Vue's once (a native once listener, gone after the first event whatever its key): the
  // first event that passes the other modifiers is sent, later ones are not even stopped.
  return once ? (...args) => { if (!fired.has(listener.l)) handler(...args); } : handler;
}

function bindingFor(id, listener) {
  const raw = toRaw(listener);
  let binding = bindings.get(raw);
  if (!binding) {
    const parsed = parseType(raw.type);
    const key = toHandlerKey(camelize(parsed.event)) + parsed.options.map(capitalize).join('');
    binding = { key, handler: makeHandler(id, raw, parsed) };
    bindings.set(raw, binding);
  }
  return binding;
}

// Vue handler props (onClick, onKeydownCapture, "onUpdate:modelValue", ...) for element `id`.
export function listenerProps(id, events) {
  const props = {};
  for (const listener of events) {
    const { key, handler } = bindingFor(id, listener);
    const previous = props[key];
    // Several listeners of one type: call each (components may call a prop handler directly,
    // so an array of handlers is not safe).
    props[key] = previous ? (...args) => { previous(...args); handler(...args); } : handler;
  }
  return props;
}
