/**
 * Schema v3: the shop's customer lists (Shopify customers CSV, WooCommerce customers, generic
 * lists). Columnar chunks like surveys and orders, one table more; v1 and v2 data untouched.
 * Linking them to tickets, surveys and orders happens when `customers` is rebuilt.
 */
export const SCHEMA_V3 = {
	customerListChunks: '++id, importId'
} as const;
