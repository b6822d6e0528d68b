/**
 * HTML validity of built pages, checked by html-validate (an offline validator that knows the
 * HTML living standard's content models, attributes and ARIA rules).
 *
 * Presets: `recommended` (validity plus common mistakes) and `document` (rules for whole
 * documents: doctype, <title>, one <main>, headings…). Rules turned off or relaxed, and why:
 * - `long-title` off: an SEO guideline (titles over 70 characters get cut in search results),
 *   not validity. A paper page's title is the paper's title, and research titles are longer.
 * - `require-sri` only for cross-origin URLs: subresource integrity protects against a third
 *   party changing a file; every script of ours is same-origin (and the e2e tests make sure no
 *   page loads anything from another host), so an absolute script URL is flagged as before.
 * - `prefer-native-element` allows `listbox`: the search box is a WAI-ARIA combobox whose
 *   suggestions popup is a listbox of links, which a native <select> cannot be.
 * - `form-dup-name` allows checkboxes to share a name: a group of checkboxes named `topic`
 *   submits `?topic=a&topic=b`, standard HTML (the rule's default expects PHP's `topic[]`).
 */
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    'long-title': 'off',
    'require-sri': ['error', { target: 'crossorigin' }],
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
};

const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));

/** Problems in one page, as `file:line:column rule: message`; empty when the page is valid. */
export async function htmlProblems(html: string, file: string): Promise<string[]> {
  const report = await validator.validateString(html, file);
  return report.results.flatMap((result) => result.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}
