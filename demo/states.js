// The states page's event log. Text only (textContent): the page runs under Trusted Types.
const log = document.getElementById('event-log');
const cancelReveals = document.getElementById('cancel-reveals');
const lines = [];

function record(event) {
  const target = event.target;
  const name = target.id ? `#${target.id}` : `<${target.localName}> in “${target.closest('section')?.querySelector('h2')?.textContent ?? '?'}”`;
  const note = event.type === 'content-notice-reveal' && event.defaultPrevented ? ' (cancelled)' : '';
  lines.unshift(`${new Date().toLocaleTimeString()}  ${event.type}  ${name}  detail=${JSON.stringify(event.detail)}${note}`);
  log.textContent = lines.slice(0, 12).join('\n');
}

document.addEventListener('content-notice-reveal', (event) => {
  if (cancelReveals.checked) event.preventDefault();
  record(event);
});
document.addEventListener('content-notice-hide', record);
document.addEventListener('content-notice-dismiss', record);

document.getElementById('forget').addEventListener('click', () => {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      for (const key of Object.keys(storage)) {
        if (key.startsWith('gentle-widgets:content-notice:')) storage.removeItem(key);
      }
    } catch {
      // storage blocked: nothing was remembered either
    }
  }
  location.reload();
});
