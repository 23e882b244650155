// ui.interactive_image: an <img> with an <svg> over it whose viewBox is the image's natural size,
// so overlay coordinates and reported mouse positions are image pixels.
const { h } = Vue;

export default {
  props: {
    src: { type: String, default: '' },
    content: { type: String, default: '' },
    events: { type: Array, default: () => ['click'] },
    size: { type: Array, default: null },
    cross: { type: String, default: null },
  },
  emits: ['mouse'],
  data: () => ({ natural: null, pointer: null }),
  computed: {
    extent() {
      return this.natural ?? this.size ?? [0, 0];
    },
  },
  watch: {
    src() {
      this.natural = null;
    },
  },
  methods: {
    loaded(event) {
      this.natural = [event.target.naturalWidth, event.target.naturalHeight];
    },
    position(event) {
      const box = this.$refs.svg.getBoundingClientRect();
      const [width, height] = this.extent;
      return [(event.clientX - box.left) * width / (box.width || 1), (event.clientY - box.top) * height / (box.height || 1)];
    },
    report(event) {
      const [x, y] = this.position(event);
      if (event.type === 'contextmenu') event.preventDefault();
      this.$emit('mouse', {
        type: event.type, image_x: x, image_y: y, button: event.button, buttons: event.buttons,
        alt: event.altKey, ctrl: event.ctrlKey, meta: event.metaKey, shift: event.shiftKey,
      });
    },
    track(event) {
      this.pointer = event.type === 'mouseleave' ? null : this.position(event);
    },
  },
  render() {
    const [width, height] = this.extent;
    const listeners = {};
    for (const type of this.events) listeners['on' + type[0].toUpperCase() + type.slice(1)] = this.report;
    const overlay = [h('g', { innerHTML: this.content })];
    if (this.cross) {
      for (const handler of ['onMousemove', 'onMouseleave']) {
        const report = listeners[handler];
        listeners[handler] = report ? event => { this.track(event); report(event); } : this.track;
      }
      if (this.pointer) {
        const [x, y] = this.pointer;
        const line = { stroke: this.cross, 'stroke-width': 1, 'vector-effect': 'non-scaling-stroke', 'pointer-events': 'none' };
        overlay.push(h('line', { x1: x, y1: 0, x2: x, y2: height, ...line }));
        overlay.push(h('line', { x1: 0, y1: y, x2: width, y2: y, ...line }));
      }
    }
    const svg = h('svg', {
      ref: 'svg', viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none',
      style: { position: 'absolute', inset: 0, width: '100%', height: '100%' }, ...listeners,
    }, overlay);
    const base = this.src
      ? h('img', { src: this.src, onLoad: this.loaded, style: { display: 'block', width: '100%' }, draggable: false })
      : h('div', { style: { width: `${width}px`, maxWidth: '100%', aspectRatio: `${width} / ${height || 1}` } });
    return h('div', { style: { position: 'relative', maxWidth: '100%' } }, [base, svg]);
  },
};
