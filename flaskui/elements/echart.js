// ui.echart: an Apache ECharts chart. Every change of `options` (whole, or a nested patch such as
// points appended to options.series[i].data) is applied with setOption, which merges into the
// chart instead of rebuilding it.
import { withFunctions } from './dynamic_props.js';

const { h, markRaw, toRaw } = Vue;

const CLICK_FIELDS = ['componentType', 'seriesType', 'seriesIndex', 'seriesName', 'name', 'dataIndex', 'data',
  'dataType', 'value'];

export default {
  props: { options: Object, renderer: String, theme: [String, Object] },
  emits: ['pointClick'],
  render: () => h('div', { style: { width: '100%', height: '16rem' } }),
  mounted() {
    this.$el.flaskuiApi = window.flaskui.loadScript(new URL('echarts.min.js', import.meta.url))
      .then(() => this.init());
    this.resizer = new ResizeObserver(() => this.chart?.resize());
    this.resizer.observe(this.$el);
  },
  unmounted() {
    this.resizer.disconnect();
    this.chart?.dispose();
    this.chart = null;
    this.gone = true;
  },
  watch: {
    options: {
      deep: true,
      // Series removed on the server must go: replaceMerge drops those setOption no longer names.
      handler() { this.chart?.setOption(this.plainOptions(), { replaceMerge: ['series'] }); },
    },
    theme() { this.init(); },
    renderer() { this.init(); },
  },
  methods: {
    init() {
      if (this.gone) return null;
      this.chart?.dispose();
      const theme = toRaw(this.theme) ?? null;
      const chart = markRaw(echarts.init(this.$el, theme, { renderer: this.renderer || 'canvas' }));
      chart.setOption(this.plainOptions());
      chart.on('click', params => {
        this.$emit('pointClick', Object.fromEntries(CLICK_FIELDS.map(field => [field, params[field] ?? null])));
      });
      this.chart = chart;
      this.$el.flaskuiApi = Promise.resolve(chart);
      return chart;
    },
    // ECharts copies the options it is given, so the store's own objects can be passed.
    plainOptions() {
      return withFunctions(toRaw(this.options) ?? {});
    },
  },
};
