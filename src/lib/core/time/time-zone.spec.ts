import { describe, expect, it } from 'vitest';
import {
	daysFromCivil,
	localDayNumber,
	localDayStartMs,
	timeZoneOffsetMs,
	zonedWallTimeToEpochMs
} from './time-zone';

const DAY_MS = 86_400_000;

function utc(iso: string): number {
	return Date.parse(iso);
}

/** Local day number of a 'YYYY-MM-DD' date. */
function dayOf(isoDate: string): number {
	return utc(`${isoDate}T00:00:00Z`) / DAY_MS;
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

/** Per-instant Intl reference: the local calendar day, 'YYYY-MM-DD'. */
const localDate = (timeZone: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

describe('zonedWallTimeToEpochMs / timeZoneOffsetMs', () => {
	it('UTC fast path equals Date.UTC', () => {
		expect(zonedWallTimeToEpochMs(2026, 7, 14, 10, 3, 27, 500, 'UTC')).toBe(
			Date.UTC(2026, 6, 14, 10, 3, 27, 500)
		);
		expect(zonedWallTimeToEpochMs(1969, 12, 31, 23, 59, 59, 0, 'Etc/UTC')).toBe(-1000);
	});

	it('carries overflowing fields like Date.UTC', () => {
		expect(zonedWallTimeToEpochMs(2026, 13, 1, 0, 0, 0, 0, 'UTC')).toBe(Date.UTC(2027, 0, 1));
		expect(zonedWallTimeToEpochMs(2026, 7, 32, 25, 0, 0, 0, 'UTC')).toBe(Date.UTC(2026, 7, 2, 1));
	});

	it('reports offsets (local = utc + offset)', () => {
		expect(timeZoneOffsetMs(utc('2026-07-14T00:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
		expect(timeZoneOffsetMs(utc('2026-01-14T00:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
		expect(timeZoneOffsetMs(utc('2026-07-14T00:00:00Z'), 'America/New_York')).toBe(-14_400_000);
		expect(timeZoneOffsetMs(utc('2026-07-14T00:00:00Z'), 'UTC')).toBe(0);
		// Exactly at the Berlin spring transition (01:00 UTC) and one second before.
		expect(timeZoneOffsetMs(utc('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toBe(3_600_000);
		expect(timeZoneOffsetMs(utc('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
	});

	it('round-trips every hour of 2026 in several zones against Intl', () => {
		const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Shanghai', 'Asia/Kolkata'];
		for (const zone of zones) {
			const format = new Intl.DateTimeFormat('en-US', {
				timeZone: zone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric'
			});
			for (let t = utc('2026-01-01T00:00:00Z'); t < utc('2027-01-01T00:00:00Z'); t += 3_600_000) {
				const instant = t + 17 * 60_000;
				const parts: Record<string, number> = {};
				for (const part of format.formatToParts(instant)) parts[part.type] = Number(part.value);
				const wall = zonedWallTimeToEpochMs(
					parts.year ?? 0,
					parts.month ?? 0,
					parts.day ?? 0,
					parts.hour ?? 0,
					parts.minute ?? 0,
					parts.second ?? 0,
					0,
					zone
				);
				// Overlap hours map to the first occurrence, so only compare the wall clock there.
				if (wall !== instant) {
					expect(wall + timeZoneOffsetMs(wall, zone)).toBe(
						instant + timeZoneOffsetMs(instant, zone)
					);
					expect(wall).toBeLessThan(instant);
				}
			}
		}
	});
});

describe('daysFromCivil', () => {
	it('counts days from 1970-01-01 like Date, across leap rules and before 1970', () => {
		expect(daysFromCivil(1970, 1, 1)).toBe(0);
		expect(daysFromCivil(1969, 12, 31)).toBe(-1);
		expect(daysFromCivil(2000, 3, 1)).toBe(Date.UTC(2000, 2, 1) / DAY_MS);
		expect(daysFromCivil(2100, 3, 1) - daysFromCivil(2100, 2, 28)).toBe(1);
		expect(daysFromCivil(2026, 7, 14)).toBe(Date.UTC(2026, 6, 14) / DAY_MS);
	});

	it('handles years 0..99 literally (unlike Date.UTC) and BCE years', () => {
		const date = new Date(0);
		date.setUTCFullYear(45, 2, 15);
		expect(daysFromCivil(45, 3, 15)).toBe(date.getTime() / DAY_MS);
		date.setUTCFullYear(-100, 0, 1);
		expect(daysFromCivil(-100, 1, 1)).toBe(date.getTime() / DAY_MS);
	});
});

describe('localDayNumber', () => {
	it('is the UTC day in UTC and its aliases', () => {
		const instant = utc('2026-03-01T23:59:59.999Z');
		for (const zone of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']) {
			expect(localDayNumber(instant, zone)).toBe(dayOf('2026-03-01'));
		}
		expect(localDayNumber(utc('1969-12-31T12:00:00Z'), 'UTC')).toBe(-1);
	});

	it('shifts by the zone offset (Asia/Shanghai, UTC+8)', () => {
		expect(localDayNumber(utc('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe(dayOf('2026-03-01'));
		expect(localDayNumber(utc('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe(dayOf('2026-03-02'));
	});

	it('follows DST and in-hour transitions (Europe/Berlin, Asia/Tehran 2021)', () => {
		expect(localDayNumber(utc('2026-03-29T21:59:00Z'), 'Europe/Berlin')).toBe(dayOf('2026-03-29'));
		expect(localDayNumber(utc('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe(dayOf('2026-03-30'));
		// Iran left DST at 19:30 UTC on 2021-09-21: 23:59 (+4:30) → 23:00 (+3:30).
		expect(localDayNumber(utc('2021-09-21T19:15:00Z'), 'Asia/Tehran')).toBe(dayOf('2021-09-21'));
		expect(localDayNumber(utc('2021-09-21T19:45:00Z'), 'Asia/Tehran')).toBe(dayOf('2021-09-21'));
		expect(localDayNumber(utc('2021-09-21T20:30:00Z'), 'Asia/Tehran')).toBe(dayOf('2021-09-22'));
	});

	it('agrees with Intl for instants centuries apart, in any lookup order', () => {
		// A zone no other test here touches, so its cache starts empty: the dense range is first
		// grown up and down, then days too far from it fall back to the Map.
		const zone = 'Europe/Paris';
		const format = localDate(zone);
		const instants = [
			utc('2026-07-14T21:59:59Z'),
			utc('2026-10-25T00:30:00Z'),
			utc('2026-01-01T00:00:00Z') - 1,
			utc('1980-03-30T00:59:59Z'),
			utc('1980-03-30T01:00:00Z'),
			utc('2150-06-01T22:00:00Z'),
			utc('1911-03-11T00:00:00Z'),
			utc('1650-01-01T12:00:00Z'),
			utc('2800-08-01T23:30:00Z'),
			utc('2026-03-29T01:00:00Z')
		];
		for (const instant of instants) {
			expect(iso(localDayNumber(instant, zone) * DAY_MS).slice(0, 10), iso(instant)).toBe(
				format.format(instant)
			);
		}
	});

	it('throws RangeError for an unknown zone', () => {
		expect(() => localDayNumber(0, 'Mars/Olympus')).toThrow(RangeError);
		expect(() => timeZoneOffsetMs(0, 'Mars/Olympus')).toThrow(RangeError);
		expect(() => localDayStartMs(0, 'Mars/Olympus')).toThrow(RangeError);
	});
});

describe('localDayStartMs', () => {
	it('is midnight UTC in UTC', () => {
		expect(iso(localDayStartMs(dayOf('2026-03-01'), 'UTC'))).toBe('2026-03-01T00:00:00.000Z');
	});

	it('is local midnight on either side of a DST change (Europe/Berlin)', () => {
		const start = (date: string) => iso(localDayStartMs(dayOf(date), 'Europe/Berlin'));
		expect(start('2026-03-29')).toBe('2026-03-28T23:00:00.000Z'); // 23-hour day
		expect(start('2026-03-30')).toBe('2026-03-29T22:00:00.000Z');
		expect(start('2026-10-25')).toBe('2026-10-24T22:00:00.000Z'); // 25-hour day
		expect(start('2026-10-26')).toBe('2026-10-25T23:00:00.000Z');
	});

	it('starts a day whose midnight is skipped at the transition (America/Santiago)', () => {
		// Chile springs forward at 24:00 on 2026-09-05: 00:00 → 01:00 (UTC−4 → UTC−3).
		expect(iso(localDayStartMs(dayOf('2026-09-06'), 'America/Santiago'))).toBe(
			'2026-09-06T04:00:00.000Z'
		);
	});

	it('starts a day whose midnight repeats at the first midnight (America/Havana)', () => {
		// Cuba falls back at 01:00 on 2026-11-01: 01:00 → 00:00 (UTC−4 → UTC−5).
		expect(iso(localDayStartMs(dayOf('2026-11-01'), 'America/Havana'))).toBe(
			'2026-11-01T04:00:00.000Z'
		);
	});

	it('is exact when the offset changes inside a UTC hour (Asia/Tehran, 2021)', () => {
		expect(iso(localDayStartMs(dayOf('2021-09-21'), 'Asia/Tehran'))).toBe(
			'2021-09-20T19:30:00.000Z'
		);
		expect(iso(localDayStartMs(dayOf('2021-09-22'), 'Asia/Tehran'))).toBe(
			'2021-09-21T20:30:00.000Z'
		);
	});

	it('starts a day the zone skipped entirely at the transition (Pacific/Apia, 2011-12-30)', () => {
		// Samoa jumped from 2011-12-29 23:59:59 (UTC−10) to 2011-12-31 00:00 (UTC+14).
		expect(iso(localDayStartMs(dayOf('2011-12-30'), 'Pacific/Apia'))).toBe(
			'2011-12-30T10:00:00.000Z'
		);
		expect(iso(localDayStartMs(dayOf('2011-12-31'), 'Pacific/Apia'))).toBe(
			'2011-12-30T10:00:00.000Z'
		);
		expect(localDayNumber(utc('2011-12-30T09:59:59Z'), 'Pacific/Apia')).toBe(dayOf('2011-12-29'));
		expect(localDayNumber(utc('2011-12-30T10:00:00Z'), 'Pacific/Apia')).toBe(dayOf('2011-12-31'));
	});

	it('is the first instant of its local day for every day of 2025-2027 (Intl reference)', () => {
		for (const zone of [
			'Europe/Berlin',
			'America/New_York',
			'Australia/Lord_Howe',
			'Asia/Kolkata'
		]) {
			const format = localDate(zone);
			for (let day = dayOf('2025-01-01'); day <= dayOf('2027-12-31'); day++) {
				const startMs = localDayStartMs(day, zone);
				const label = iso(day * DAY_MS).slice(0, 10);
				expect(format.format(startMs), zone).toBe(label);
				expect(format.format(startMs - 1), zone).not.toBe(label);
				expect(localDayNumber(startMs, zone), zone).toBe(day);
				expect(localDayNumber(startMs - 1, zone), zone).toBe(day - 1);
			}
		}
	});
});
