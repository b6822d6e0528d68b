/**
 * Paper page behaviour: copy buttons (citation, link) and ←/→ to the previous/next paper.
 * Buttons are rendered hidden and shown here, so readers without JavaScript never see a dead button.
 */

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API unavailable (insecure context, permissions): fall back to a selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-from], button[data-copy-text]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom)?.textContent : button.dataset.copyText;
    const status = document.getElementById('copy-status');
    const copied = source ? await copyText(source) : false;
    if (status)
      status.textContent = copied
        ? `${button.dataset.copyLabel ?? 'Text'} copied to the clipboard.`
        : 'Could not copy: select the text and copy it yourself.';
  });
}

document.addEventListener('keydown', (event) => {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
  const rel = event.key === 'ArrowLeft' ? 'prev' : event.key === 'ArrowRight' ? 'next' : null;
  const link = rel && document.querySelector<HTMLAnchorElement>(`.pager a[rel="${rel}"]`);
  if (link) {
    event.preventDefault();
    link.click();
  }
});
