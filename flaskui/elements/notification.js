// ui.notification: a Quasar notification that lives as long as its element. Notify.create
// returns a function that updates the notification when called with options and dismisses it
// when called without.
const { h } = Vue;

// Null means "not set": leave it out, so Quasar's defaults and its type presets apply.
const quasarOptions = options => Object.fromEntries(
  Object.entries(options).filter(([, value]) => value !== null));

export default {
  props: { options: { type: Object, required: true } },
  emits: ['dismiss'],
  watch: {
    options: { deep: true, handler() { this.show(); } },
  },
  mounted() {
    this.show();
  },
  beforeUnmount() {
    this.close();
  },
  methods: {
    show() {
      const options = quasarOptions(this.options);
      // An update merges into the first options and keeps the first position, so an unset
      // option or a new position needs a new notification.
      const updatable = this.notification && options.position === this.shown.position
        && Object.keys(this.shown).every(key => key in options);
      this.shown = options;
      if (updatable) {
        this.notification(options);
        return;
      }
      this.close();
      const notification = Quasar.Notify.create({
        ...options,
        group: false, // grouped notifications cannot be updated
        onDismiss: () => {
          // Dismissed by the user or its timeout (not replaced or unmounted): tell the server.
          if (this.notification !== notification) return;
          this.notification = null;
          this.$emit('dismiss');
        },
      });
      this.notification = notification;
    },
    close() {
      const notification = this.notification;
      this.notification = null;
      notification?.();
    },
  },
  render: () => h('span', { hidden: true }),
};
