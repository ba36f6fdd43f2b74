/**
 * Schema v2: what the merchant tells the app, kept apart from imported data so removing an
 * import never loses it. Alert states (acknowledged / dismissed / note) are keyed by a stable
 * alert id; customer verdicts (fraud / fine) by customer key; calendar events (promotions,
 * holidays, launches) feed the forecast as regressors. Only new tables: v1 data is untouched.
 */
export const SCHEMA_V2 = {
	alertStates: 'alertId, state, updatedAtMs',
	customerVerdicts: 'customerKey, verdict',
	calendarEvents: '++id, kind, startMs'
} as const;
