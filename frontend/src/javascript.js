// Runs the code of "js" ops and replies with its result.
import { send } from './connection.js';

let running = 0;

// Number of js ops whose code or awaited result has not settled yet.
export const runningCount = () => running;

function reply(id, value) {
  if (value instanceof Node) throw new TypeError('a DOM node is not JSON-serializable');
  const json = JSON.stringify(value === undefined ? null : value);
  // JSON.stringify returns undefined for functions and symbols instead of throwing.
  if (json === undefined) throw new TypeError(`a ${typeof value} is not JSON-serializable`);
  send({ t: 'js', id, ok: true, value: JSON.parse(json) });
}

// Evaluate `code` now, synchronously (so it sees exactly the DOM of the ops before it); an
// awaited result settles later without holding up the ops after it. Reply unless id is null.
export async function runJs(id, code) {
  running++;
  try {
    // Indirect eval: global scope, and the value of the last expression statement.
    let value = (0, eval)(code);
    if (typeof value?.then === 'function') value = await value;
    if (id !== null) {
      try {
        reply(id, value);
      } catch (err) {
        send({ t: 'js', id, ok: false, error: `result is not JSON-serializable: ${err}` });
      }
    }
  } catch (err) {
    if (id === null) console.warn('flaskui: javascript failed:', err);
    else send({ t: 'js', id, ok: false, error: String(err) });
  } finally {
    running--;
  }
}
