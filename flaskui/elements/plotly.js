// ui.plotly: a plotly.js chart. Plotly.react redraws only what changed in the figure; Plotly
// events that have a listener are sent with the plain fields of their points.
const { camelize, h, toHandlerKey, toRaw } = Vue;

const EVENTS = ['plotly_click', 'plotly_doubleclick', 'plotly_hover', 'plotly_unhover', 'plotly_selected',
  'plotly_deselect', 'plotly_relayout', 'plotly_restyle', 'plotly_legendclick', 'plotly_legenddoubleclick'];
const POINT_FIELDS = ['curveNumber', 'pointNumber', 'pointIndex', 'pointNumbers', 'x', 'y', 'z', 'text', 'customdata',
  'lat', 'lon', 'label', 'value', 'percent'];

function plainEvent(data) {
  if (!data?.points) return JSON.parse(JSON.stringify(data ?? null));
  const points = data.points.map(point => Object.fromEntries(
    POINT_FIELDS.filter(field => point[field] !== undefined).map(field => [field, point[field]])));
  return JSON.parse(JSON.stringify({ points }));
}

export default {
  props: { figure: Object },
  render: () => h('div', { style: { width: '100%' } }),
  mounted() {
    // Draws run one after another, the first once plotly.js is loaded.
    this.drawing = window.flaskui.loadScript(new URL('plotly.min.js', import.meta.url))
      .then(() => this.draw())
      .then(() => {
        for (const type of EVENTS) {
          this.$el.on?.(type, data => {
            if (this.$attrs[toHandlerKey(camelize(type))]) this.$emit(type, plainEvent(data));
          });
        }
      });
  },
  unmounted() {
    this.gone = true;
    if (window.Plotly) Plotly.purge(this.$el);
  },
  watch: {
    figure: { deep: true, handler() { this.drawing = this.drawing.then(() => this.draw()); } },
  },
  methods: {
    draw() {
      if (this.gone) return undefined;
      // A copy: Plotly keeps and annotates the objects it is given.
      const { data = [], layout = {}, config = {} } = structuredClone(toRaw(this.figure) ?? {});
      return Plotly.react(this.$el, data, layout, { responsive: true, ...config });
    },
  },
};
