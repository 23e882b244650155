// Entry of the CodeMirror 6 bundle that refresh.sh builds with esbuild into
// flaskui/elements/lib/codemirror/codemirror.min.js: one ES module, no bare imports,
// so the browser loads it without a bundler. ui.codemirror's component imports it.
import { indentWithTab } from '@codemirror/commands';
import { cpp } from '@codemirror/lang-cpp';
import { css } from '@codemirror/lang-css';
import { go } from '@codemirror/lang-go';
import { html } from '@codemirror/lang-html';
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { markdown } from '@codemirror/lang-markdown';
import { php } from '@codemirror/lang-php';
import { python } from '@codemirror/lang-python';
import { rust } from '@codemirror/lang-rust';
import { sql } from '@codemirror/lang-sql';
import { xml } from '@codemirror/lang-xml';
import { yaml } from '@codemirror/lang-yaml';
import { indentUnit } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView, highlightWhitespace, keymap } from '@codemirror/view';
import { basicDark } from 'cm6-theme-basic-dark';
import { basicLight } from 'cm6-theme-basic-light';
import { basicSetup } from 'codemirror';

// Keep these names in step with flaskui/elements/codemirror.py (LANGUAGES, THEMES).
export const languages = {
  'C++': cpp,
  CSS: css,
  Go: go,
  HTML: html,
  Java: java,
  JavaScript: javascript,
  JSX: () => javascript({ jsx: true }),
  JSON: json,
  Markdown: markdown,
  PHP: php,
  Python: python,
  Rust: rust,
  SQL: sql,
  TypeScript: () => javascript({ typescript: true }),
  TSX: () => javascript({ jsx: true, typescript: true }),
  XML: xml,
  YAML: yaml,
};

export const themes = { basicLight, basicDark, oneDark };

export {
  basicSetup, Compartment, EditorState, EditorView, highlightWhitespace, indentUnit, indentWithTab, keymap,
};
