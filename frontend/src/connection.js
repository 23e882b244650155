// The tab's websocket: handshake, reconnect with backoff, a liveness check, and an outbox for
// messages sent while the socket is down (they are delivered once the next handshake is accepted).
const FIRST_DELAY = 250;
const MAX_DELAY = 5000;
const MAX_OUTBOX = 1000;
const POLICY_VIOLATION = 1008;
// A path that dies without a FIN or RST (a NAT forgets the connection, a phone changes networks,
// a laptop sleeps) fires no socket event, and a page cannot see websocket pings. The server sends
// a heartbeat ("hb") whenever it sent nothing for its interval, so messages come at most two
// intervals apart: silence for three means the connection is dead.
const SILENT_INTERVALS = 3;

const indicator = () => document.getElementById('flaskui-reconnecting');

let socket = null;
let connected = false;
let delay = FIRST_DELAY;
let deadAfter = 0; // ms of silence that mean a dead connection, from the server's "hb" (0: not known yet)
const outbox = [];

export const isConnected = () => connected;

// The tab id survives reloads of this tab (sessionStorage) but differs between tabs.
function tabId() {
  const key = 'flaskui-tab';
  const fresh = () => 't-' + Array.from(crypto.getRandomValues(new Uint8Array(12)),
    byte => byte.toString(16).padStart(2, '0')).join('');
  try {
    let id = sessionStorage.getItem(key);
    if (!id) sessionStorage.setItem(key, id = fresh());
    return id;
  } catch {
    return fresh(); // storage disabled: every load is a new tab, which is still correct
  }
}

// Send now if the handshake is done, else queue (dropping the oldest beyond the bound).
export function send(message) {
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

// Open the socket. `getLast` gives the last accepted frame id for the hello;
// `onMessage` receives every server message (after "hi" has been handled here).
export function connect(state, getLast, onMessage) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${state.ws}`;
  const tab = tabId();

  const open = () => {
    const ws = new WebSocket(url);
    socket = ws;
    let heard = Date.now();
    let watchdog = 0;
    // One timer per deadline, not one per message. Wall-clock time: after a laptop's sleep the
    // connection is given up as soon as timers run again.
    const watch = () => {
      const left = heard + deadAfter - Date.now();
      if (left > 0) {
        watchdog = setTimeout(watch, left);
        return;
      }
      ws.onmessage = ws.onclose = null; // its close would wait for an answer that cannot come
      ws.close();
      lost();
    };
    // Known from an earlier socket: a connection attempt that hangs is given up too.
    if (deadAfter) watchdog = setTimeout(watch, deadAfter);
    ws.onopen = () => {
      ws.send(JSON.stringify({ t: 'hello', client: state.client, tab, last: getLast() }));
    };
    ws.onmessage = event => {
      heard = Date.now();
      const message = JSON.parse(event.data);
      if (message.t === 'hb') {
        deadAfter = message.interval * 1000 * SILENT_INTERVALS;
        if (!watchdog) watchdog = setTimeout(watch, deadAfter);
        return;
      }
      if (message.t === 'hi') {
        connected = true;
        delay = FIRST_DELAY;
        const el = indicator();
        if (el) el.hidden = true;
        for (const queued of outbox.splice(0)) ws.send(JSON.stringify(queued));
      }
      onMessage(message);
    };
    ws.onclose = event => {
      clearTimeout(watchdog);
      if (event.code === POLICY_VIOLATION) {
        // The server will never accept this page's client again: retrying is pointless.
        connected = false;
        showIndicator('Connection refused');
        return;
      }
      lost();
    };
  };
  const lost = () => {
    connected = false;
    showIndicator();
    // Jitter keeps many tabs from reconnecting in lockstep after a server restart.
    setTimeout(open, delay * (1 + Math.random() * 0.2));
    delay = Math.min(delay * 2, MAX_DELAY);
  };
  open();
}
