// A client-only app: data lives in IndexedDB and is read in the browser. The shell is
// prerendered so static hosting serves it; every route falls back to it.
export const ssr = false;
export const prerender = true;
