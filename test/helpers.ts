/**
 * Records `console.warn` calls while `fn` runs, passing them through to nothing. The elements' words
 * load on demand, so it waits for them (and a task) before it stops listening.
 */
export async function captureWarnings(fn: () => unknown | Promise<unknown>): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await fn();
    await import('../src/shared/warnings.js');
    await new Promise((resolve) => setTimeout(resolve));
  } finally {
    console.warn = original;
  }
  return warnings;
}

/**
 * Makes `window[area + 'Storage']` throw on access, as browsers do when storage is blocked, until
 * the returned function restores it.
 */
export function blockStorage(area: 'localStorage' | 'sessionStorage'): () => void {
  const own = Object.getOwnPropertyDescriptor(window, area);
  Object.defineProperty(window, area, {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  return () => {
    if (own) Object.defineProperty(window, area, own);
    else delete (window as unknown as Record<string, unknown>)[area];
  };
}

/** Whether an element is rendered at all: a layout box, as a reader would see it. */
export function isRendered(element: Element): boolean {
  return element.getClientRects().length > 0;
}

/** Replaces `object[name]` until the returned function puts it back. */
export function stub<T extends object, K extends keyof T>(object: T, name: K, value: T[K]): () => void {
  const own = Object.getOwnPropertyDescriptor(object, name);
  Object.defineProperty(object, name, { configurable: true, writable: true, value });
  return () => {
    if (own) Object.defineProperty(object, name, own);
    else delete object[name];
  };
}
