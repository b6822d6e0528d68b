/**
 * Records a browser context's Content Security Policy violations: `securitypolicyviolation`
 * events (reported at once through a binding, so a page that navigates away loses none) and
 * Chromium's console reports; also uncaught script errors and dialogs (alert, confirm) opened.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Violation {
  directive: string;
  blocked: string;
  page: string;
}

export interface CspWatch {
  violations: Violation[];
  consoleReports: string[];
  errors: string[];
  dialogs: string[];
}

export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const watch: CspWatch = { violations: [], consoleReports: [], errors: [], dialogs: [] };
  await context.exposeBinding('__reportCspViolation', (_source, violation: Violation) => void watch.violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (v: Violation) => void }).__reportCspViolation;
      void report({ directive: event.effectiveDirective, blocked: event.blockedURI || event.sample, page: location.pathname });
    });
  });
  context.on('page', (page: Page) => {
    page.on('console', (message) => {
      if (/content security policy|refused to (execute|load|apply|connect|run|compile)/i.test(message.text()))
        watch.consoleReports.push(message.text());
    });
    page.on('pageerror', (error) => watch.errors.push(error.message));
    page.on('dialog', (dialog) => {
      watch.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  return watch;
}
