// The tab's websocket: handshake, reconnect with backoff, and an outbox for messages sent
// while the socket is down (they are delivered once the next handshake is accepted).
const FIRST_DELAY = 250;
const MAX_DELAY = 5000;
const MAX_OUTBOX = 1000;
const POLICY_VIOLATION = 1008;

const indicator = () => document.getElementById('flaskui-reconnecting');

let socket = null;
let connected = false;
let delay = FIRST_DELAY;
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
    ws.onopen = () => {
      ws.send(JSON.stringify({ t: 'hello', client: state.client, tab, last: getLast() }));
    };
    ws.onmessage = event => {
      const message = JSON.parse(event.data);
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
      connected = false;
      if (event.code === POLICY_VIOLATION) {
        // The server will never accept this page's client again: retrying is pointless.
        showIndicator('Connection refused');
        return;
      }
      showIndicator();
      // Jitter keeps many tabs from reconnecting in lockstep after a server restart.
      setTimeout(open, delay * (1 + Math.random() * 0.2));
      delay = Math.min(delay * 2, MAX_DELAY);
    };
  };
  open();
}
