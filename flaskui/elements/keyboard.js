// ui.keyboard: document-wide key events, sent to the server as "key" events.
export default {
  props: { active: Boolean, repeating: Boolean, ignore: Array },
  emits: ['key'],
  mounted() {
    this.handler = event => {
      if (!this.active || (event.repeat && !this.repeating)) return;
      const tag = event.target?.tagName?.toLowerCase();
      if (tag && this.ignore.includes(tag)) return;
      if (event.target?.isContentEditable && this.ignore.includes('contenteditable')) return;
      this.$emit('key', {
        action: event.type === 'keydown' ? 'keydown' : 'keyup',
        key: event.key, code: event.code, repeat: event.repeat,
        alt: event.altKey, ctrl: event.ctrlKey, meta: event.metaKey, shift: event.shiftKey,
      });
    };
    document.addEventListener('keydown', this.handler);
    document.addEventListener('keyup', this.handler);
  },
  unmounted() {
    document.removeEventListener('keydown', this.handler);
    document.removeEventListener('keyup', this.handler);
  },
  render: () => null,
};
