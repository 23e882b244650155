// Quasar's ripple starts in the frame that draws it, not inside the click.
//
// The ripple a click starts measures its element (getBoundingClientRect), which lays out whatever
// the last server message changed right there in the click's dispatch, and then renders itself; a
// reply to the click waits behind both. Whatever a click handler adds to the DOM is first drawn in
// the next frame, and requestAnimationFrame callbacks run at the start of that frame, so starting
// the ripple there draws the same ripple in the same frame; the click returns at once, and a reply
// that arrives before the frame is handled first.
//
// Quasar's directive registers its `start` (pointer, click) and `keystart` (keyboard) handlers on
// the element and removes whatever `el.__qripple` holds under those names when it unmounts, so
// swapping both for deferred ones keeps its cleanup working. Two cases keep Quasar's timing: a
// ripple with the `stop` option stops the event's propagation, which only works during it; and
// an element unmounted before the frame (Quasar deletes `el.__qripple`) gets no ripple, as
// unmounting aborts the ripples it has.
const DEFERRED = { start: ['pointerdown', 'click'], keystart: ['keydown', 'keyup'] };

function defer(el) {
  const ctx = el.__qripple;
  if (!ctx) return; // ripples are off in Quasar's config
  for (const [name, types] of Object.entries(DEFERRED)) {
    const handler = ctx[name];
    const deferred = event => {
      if (ctx.modifiers.stop) handler(event);
      else requestAnimationFrame(() => { if (el.__qripple === ctx) handler(event); });
    };
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
