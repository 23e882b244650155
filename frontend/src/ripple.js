// Quasar's ripple starts in the frame that draws it, not inside the click.
//
// The ripple a click starts measures its element (getBoundingClientRect), which lays out
// everything the last server message changed, right there in the click's dispatch; the reply to
// the click then waits behind that layout and the ripple's first rendering (1000 changed labels:
// ~8 ms). Whatever a click handler adds to the DOM is first drawn in the next frame, and
// requestAnimationFrame callbacks run at the start of that frame, so starting the ripple there
// draws the same ripple in the same frame, while the reply can be handled before it.
//
// Quasar's directive registers its `start` (pointer, click) and `keystart` (Enter key) handlers on
// the element and removes whatever `el.__qripple` holds under those names when it unmounts, so
// swapping both for deferred ones keeps its cleanup working.
const DEFERRED = { start: ['pointerdown', 'click'], keystart: ['keydown', 'keyup'] };

function defer(el) {
  const ctx = el.__qripple;
  if (!ctx) return; // ripples are off in Quasar's config
  for (const [name, types] of Object.entries(DEFERRED)) {
    const handler = ctx[name];
    if (typeof handler !== 'function') continue;
    const deferred = event => requestAnimationFrame(() => handler(event));
    for (const type of types) {
      el.removeEventListener(type, handler);
      el.addEventListener(type, deferred, { passive: true });
    }
    ctx[name] = deferred;
  }
}

// Patch Quasar's Ripple directive (the object its components use) before anything mounts.
export function deferRipples(Ripple) {
  const { beforeMount } = Ripple;
  Ripple.beforeMount = function (el, binding) {
    beforeMount.call(this, el, binding);
    defer(el);
  };
}
