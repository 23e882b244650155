// A custom component whose own file names no Quasar component: the rest-tier rating component is
// named only in the module it imports, which flaskui must scan too.
import { ratingOf } from './rating_part.js';

export default {
  props: { value: Number },
  render() { return Vue.h('div', { class: 'rated' }, [ratingOf(this.value)]); },
};
