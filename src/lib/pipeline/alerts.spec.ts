import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceLensDb } from '$lib/db/database';
import { importTicketFile } from './import-tickets';
import { alertsCacheKey, runAlerts, saveAlertState } from './alerts';
import { runRisk, saveCustomerVerdict } from './risk';
import { relinkCustomers } from './relink-customers';
import { DEMO_SHOP_FACTS } from '$lib/core/demo/demo-shop';
import type { ScoredSeries } from '$lib/core/alerts/score-series';
import * as tf from '@tensorflow/tfjs';

const ZONE = 'Europe/Berlin';
const demoText = readFileSync(
	new URL('../../../static/demo/demo-shop-tickets.csv', import.meta.url),
	'utf8'
);

let db: ServiceLensDb;
let counter = 0;
afterEach(async () => {
	await db.delete();
});

async function importText(text: string, name: string): Promise<void> {
	const result = await importTicketFile(db, new Blob([text]), { fileName: name, timeZone: ZONE });
	expect(result.ok).toBe(true);
}

/** The demo file cut at a creation day: rows before it, and the rest (same header). */
function splitDemo(day: string): [string, string] {
	const parsed = Papa.parse<string[]>(demoText.trim(), { header: false });
	const [header, ...rows] = parsed.data;
	const created = header!.indexOf('Created at');
	const before = rows.filter((row) => (row[created] ?? '') < day);
	const after = rows.filter((row) => (row[created] ?? '') >= day);
	return [Papa.unparse([header!, ...before]), Papa.unparse([header!, ...after])];
}

describe('runAlerts on the demo shop', () => {
	it('finds the sale spike and the slow agent with their causes; caches; keeps decisions', async () => {
		db = new ServiceLensDb(`alerts-test-${++counter}`);
		await importText(demoText, 'demo.csv');
		const tensorsBefore = tf.memory().numTensors;
		const first = await runAlerts(db, { timeZone: ZONE });
		if (!first.ok) throw new Error(first.error.message);
		// The autoencoder's fits leave no tensor behind.
		expect(tf.memory().numTensors).toBe(tensorsBefore);
		const byId = new Map(first.value.alerts.map((alert) => [alert.id, alert]));
		const sale = byId.get('volume:2026-07-13')!;
		expect(sale).toMatchObject({ severity: 'high', direction: 'up', state: 'open' });
		expect(sale.causes.top).toMatchObject({ dimension: 'tag', value: DEMO_SHOP_FACTS.promo.tag });
		const slumps = first.value.alerts.filter(
			(alert) => alert.kind === 'first_response_median' && alert.causes.top?.value === 'Felix Braun'
		);
		expect(slumps.map((alert) => alert.metric).sort()).toEqual(
			expect.arrayContaining([
				'first_response_median:channel:chat',
				'first_response_median:channel:email'
			])
		);
		for (const slump of slumps) {
			expect(slump.direction).toBe('up');
			expect(slump.startWallMs).toBeGreaterThanOrEqual(Date.UTC(2026, 7, 17));
			expect(slump.endWallMs).toBeLessThanOrEqual(Date.UTC(2026, 7, 30));
		}
		expect(first.value.pointsScored).toBeGreaterThan(0);

		// The autoencoder over the daily vector (volume and first response per channel,
		// resolution, CSAT, backlog): Felix's first day of cover, chat replies slow while the
		// volume is ordinary, explained by the chat first response and by Felix.
		expect(first.value.multivariate).toMatchObject({ metrics: 9, daysScored: 122, error: null });
		const joint = first.value.alerts.filter((alert) => alert.detector === 'autoencoder');
		expect(joint.map((alert) => alert.id)).toEqual(['multivariate:2026-08-17']);
		expect(joint[0]).toMatchObject({
			kind: 'first_response_median',
			segment: { dimension: 'channel', value: 'chat' },
			direction: 'up',
			severity: 'high'
		});
		expect(joint[0]!.drivers[0]!.id).toBe('first_response_median:channel:chat');
		expect(joint[0]!.observed).toBeGreaterThan(3 * joint[0]!.expected);
		expect(joint[0]!.causes.top).toMatchObject({ dimension: 'agent', value: 'Felix Braun' });
		expect(joint[0]!.chart.observed.length).toBe(joint[0]!.chart.expected.length);

		// The sale week is one incident led by the daily volume, with its channel, tag and
		// complaint alerts; the two reply slumps are one incident; every alert is in one.
		const { incidents } = first.value;
		const saleIncident = incidents.find((incident) => incident.alertIds.includes(sale.id))!;
		expect(saleIncident.id).toBe('volume:2026-07-13');
		expect(saleIncident.alertIds.length).toBeGreaterThan(2);
		expect(saleIncident.alertIds).toEqual(
			expect.arrayContaining(['volume:tag:summer_sale:2026-07-13'])
		);
		const slumpIncidents = new Set(
			slumps.map((slump) => incidents.find((i) => i.alertIds.includes(slump.id))!.id)
		);
		expect(slumpIncidents.size).toBe(1);
		expect(incidents.flatMap((incident) => incident.alertIds).sort()).toEqual(
			first.value.alerts.map((alert) => alert.id).sort()
		);

		// Same data: every score comes from the cache.
		const again = await runAlerts(db, { timeZone: ZONE });
		expect(again.ok && again.value.pointsScored).toBe(0);
		expect(again.ok && again.value.multivariate.daysScored).toBe(0);
		expect(again.ok && again.value.alerts.map((a) => a.id)).toEqual(
			first.value.alerts.map((a) => a.id)
		);

		await saveAlertState(db, { alertId: sale.id, state: 'dismissed', note: 'planned sale' });
		const decided = await runAlerts(db, { timeZone: ZONE });
		if (!decided.ok) throw new Error(decided.error.message);
		expect(decided.value.alerts.find((a) => a.id === sale.id)).toMatchObject({
			state: 'dismissed',
			note: 'planned sale'
		});
	}, 120_000);

	it('scores only new points after a second import, with the same result as one run', async () => {
		db = new ServiceLensDb(`alerts-test-${++counter}`);
		const [june_august, september] = splitDemo('2026-09-01');
		await importText(june_august, 'summer.csv');
		const partial = await runAlerts(db, { timeZone: ZONE });
		if (!partial.ok) throw new Error(partial.error.message);
		const firstPoints = partial.value.pointsScored;
		await importText(september, 'september.csv');
		const incremental = await runAlerts(db, { timeZone: ZONE });
		if (!incremental.ok) throw new Error(incremental.error.message);
		const cached = (await db.results.get(alertsCacheKey(ZONE)))!.value as {
			series: ScoredSeries[];
		};
		const totalPoints = cached.series.reduce((sum, s) => sum + s.values.length, 0);
		// September's 30 days (and 30 days of hours) plus the held-back points, not the summer again.
		expect(incremental.value.pointsScored).toBeLessThan(totalPoints - firstPoints / 2);
		expect(incremental.value.pointsScored).toBeGreaterThan(0);
		// The autoencoder resumes two days before the end of August: September's 30 + 2 days.
		expect(partial.value.multivariate.daysScored).toBe(92);
		expect(incremental.value.multivariate.daysScored).toBe(32);

		const fresh = new ServiceLensDb(`alerts-test-${++counter}`);
		try {
			await importTicketFile(fresh, new Blob([demoText]), { fileName: 'demo.csv', timeZone: ZONE });
			const whole = await runAlerts(fresh, { timeZone: ZONE });
			if (!whole.ok) throw new Error(whole.error.message);
			expect(incremental.value.alerts.map((a) => [a.id, a.peakScore])).toEqual(
				whole.value.alerts.map((a) => [a.id, a.peakScore])
			);
			expect(whole.value.alerts.some((a) => a.detector === 'autoencoder')).toBe(true);
		} finally {
			await fresh.delete();
		}
	}, 180_000);
});

describe('runRisk on the demo shop', () => {
	it('lists the four planted serial claimers first; verdicts stick', async () => {
		db = new ServiceLensDb(`alerts-test-${++counter}`);
		await importText(demoText, 'demo.csv');
		const result = await runRisk(db);
		if (!result.ok) throw new Error(result.error.message);
		const top = result.value.customers
			.slice(0, 4)
			.map((c) => c.customerKey)
			.sort();
		expect(top).toEqual([...DEMO_SHOP_FACTS.serialClaimers].sort());
		// Listed with the linked customer's name and e-mail. Tickets store no requester name, so
		// names come from orders and customer lists; here one is set as a customer list would.
		const firstKey = result.value.customers[0]!.customerKey;
		expect(result.value.customers[0]).toMatchObject({ name: '', email: firstKey });
		await relinkCustomers(db);
		await db.customers.update('dana.voss@example.org', { name: 'Dana Voss' });
		const named = await runRisk(db);
		if (!named.ok) throw new Error(named.error.message);
		const dana = named.value.customers.find((c) => c.customerKey === 'dana.voss@example.org')!;
		expect(dana).toMatchObject({ name: 'Dana Voss', email: 'dana.voss@example.org' });
		expect(result.value.withOrders).toBe(false);
		const first = result.value.customers[0]!;
		expect(first.reasons[0]?.feature).toBeDefined();
		await saveCustomerVerdict(db, first.customerKey, 'fine');
		const after = await runRisk(db);
		if (!after.ok) throw new Error(after.error.message);
		const last = after.value.customers[after.value.customers.length - 1]!;
		expect(last).toMatchObject({ customerKey: first.customerKey, verdict: 'fine' });
	}, 60_000);
});
