// Node test project: IndexedDB comes from fake-indexeddb so Dexie runs without a browser.
import 'fake-indexeddb/auto';
