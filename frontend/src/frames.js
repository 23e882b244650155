// Server messages in order: frame id sequencing, resync on gaps, and applying ops.
import { loadComponents } from './components.js';
import { isConnected, send } from './connection.js';
import { runJs } from './javascript.js';
import { applyOp, isElementOp, replaceAll } from './store.js';

let last = 0;
let acked = 0;
let ackEvery = 1; // a quarter of the server's window of unacknowledged frames (from `hi`)
let awaitingSnap = false; // after a gap: frames are useless until the snapshot arrives
let pending = 0;
const queue = [];
let sessionWrites = Promise.resolve(); // the session writes sent so far, in order
let draining = false;

export const lastFrame = () => last;
export const pendingCount = () => pending;

export function start(initialFrame) {
  last = initialFrame;
}

const sideEffects = {
  c: map => { loadComponents(map); },
  n: options => Quasar.Notify.create(options),
  // A handler wrote the session: this request lets the server set the cookie a websocket cannot.
  // A navigation the handler asked for afterwards waits for it (see nav), and `keepalive` lets it
  // finish even if the page goes away meanwhile.
  session: url => {
    sessionWrites = sessionWrites.then(() => fetch(url, { method: 'POST', credentials: 'same-origin', keepalive: true })
      .then(response => {
        if (!response.ok) console.warn(`flaskui: the session write was refused (${response.status})`);
      }, error => console.warn('flaskui: the session write did not reach the server', error)));
  },
  nav: (url, newTab) => {
    if (newTab) window.open(url, '_blank');
    // after the rest of the frame (a session write comes after the handler's own messages)
    else setTimeout(() => sessionWrites.then(() => { location.href = url; }));
  },
  // A download through a temporary <a download>. Browsers ignore `download` for other origins,
  // so those open in a new tab: this page must never navigate away and lose its state.
  dl: (url, filename) => {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename ?? '';
    if (link.origin !== location.origin) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    document.body.append(link);
    link.click();
    link.remove();
  },
};

// Apply ops[start..] in order. Returns a promise only if a js op must first wait for Vue
// to render the ops before it; frames without js ops apply synchronously.
function applyOps(ops, start = 0) {
  for (let i = start; i < ops.length; i++) {
    const op = ops[i];
    if (op[0] === 'js') {
      return Vue.nextTick().then(() => {
        runJs(op[1], op[2]);
        return applyOps(ops, i + 1);
      });
    }
    if (isElementOp(op[0])) applyOp(op);
    else if (Object.hasOwn(sideEffects, op[0])) sideEffects[op[0]](...op.slice(1));
    else console.warn('flaskui: unknown op', op[0]);
  }
  return undefined;
}

// Jobs run strictly one after another; `pending` drops only once Vue has rendered them.
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
        console.error('flaskui: applying a server message failed:', err);
      }
      done++;
    }
    await Vue.nextTick();
    pending -= done;
    // Flow control: the server sends at most `window` frames ahead of what the tab has rendered;
    // acknowledging every quarter window keeps it sending without an ack per frame.
    if (isConnected() && last - acked >= ackEvery) {
      send({ t: 'ack', id: last });
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

export function handle(message) {
  switch (message.t) {
    case 'hi':
      // A new socket: the hello carried `last`, so the server replays or snapshots from there.
      awaitingSnap = false;
      acked = last;
      ackEvery = Math.max(1, message.window >> 2);
      break;
    case 'f':
      if (awaitingSnap || message.id <= last) return;
      if (message.id > last + 1) {
        awaitingSnap = true;
        send({ t: 'resync', last });
        return;
      }
      last = message.id;
      enqueue(() => applyOps(message.ops));
      break;
    case 'snap':
      awaitingSnap = false;
      last = message.id;
      // Components announced in frames this tab missed load first (a no-op for known ones).
      enqueue(() => loadComponents(message.components).then(() => replaceAll(message)));
      break;
    case 'reload':
      location.reload();
      break;
    case 'err':
      console.warn('flaskui: the server refused a message:', message.reason);
      break;
    default:
      console.warn('flaskui: unknown message', message.t);
  }
}
