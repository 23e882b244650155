// A custom component written with a template, as many Vue examples are: the page must load Vue's
// template compiler for it.
export default {
  props: { name: String },
  template: '<span class="greeting">Hello {{ name }}!</span>',
};
