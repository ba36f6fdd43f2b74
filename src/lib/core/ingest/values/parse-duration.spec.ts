import { describe, it, expect } from 'vitest';
import { parseDurationSeconds, unitHintFromHeader } from './parse-duration';

describe('parseDurationSeconds: plain numbers', () => {
	it('defaults to seconds', () => {
		expect(parseDurationSeconds('45')).toBe(45);
		expect(parseDurationSeconds(' 45.5 ')).toBe(45.5);
		expect(parseDurationSeconds('.5')).toBe(0.5);
		expect(parseDurationSeconds('0')).toBe(0);
	});

	it('uses the unit hint', () => {
		expect(parseDurationSeconds('90', 'minutes')).toBe(5400);
		expect(parseDurationSeconds('1.5', 'hours')).toBe(5400);
		expect(parseDurationSeconds('2', 'days')).toBe(172800);
		expect(parseDurationSeconds('12', 'seconds')).toBe(12);
	});

	it('rounds float noise to the millisecond', () => {
		expect(parseDurationSeconds('0.1', 'minutes')).toBe(6);
		expect(parseDurationSeconds('0.7', 'hours')).toBe(2520);
		expect(parseDurationSeconds('1.0005')).toBe(1.001);
	});

	it('keeps negative values (and never returns -0)', () => {
		expect(parseDurationSeconds('-5', 'minutes')).toBe(-300);
		expect(parseDurationSeconds('−2')).toBe(-2);
		expect(parseDurationSeconds('+7')).toBe(7);
		expect(Object.is(parseDurationSeconds('-0'), 0)).toBe(true);
	});

	it('accepts thousands separators but not decimal commas', () => {
		expect(parseDurationSeconds('1,234', 'minutes')).toBe(74040);
		expect(parseDurationSeconds('12,345.5')).toBe(12345.5);
		expect(parseDurationSeconds('1,5')).toBeNull();
		expect(parseDurationSeconds('1,23,456')).toBeNull();
	});

	it('handles very long digit strings', () => {
		expect(parseDurationSeconds('12345678901234567890')).toBe(12345678901234567000);
		expect(parseDurationSeconds('0.1234567890123456789')).toBe(0.123);
	});
});

describe('parseDurationSeconds: unit forms', () => {
	it.each([
		['2h 15m', 8100],
		['2h15m', 8100],
		['2 h 15 min', 8100],
		['2 hours, 15 minutes', 8100],
		['2 hours and 15 minutes', 8100],
		['2 Hrs 15 Mins', 8100],
		['2hr. 15min.', 8100],
		['1d 3h', 97200],
		['1 day 3 hours', 97200],
		['45s', 45],
		['45 sec', 45],
		['3 hours', 10800],
		['90 minutes', 5400],
		['1.5h', 5400],
		['0.5 d', 43200],
		['1w', 604800],
		['1500ms', 1.5],
		['2h 15m 30s', 8130],
		['1h30', 5400],
		['5m30', 330]
	])('%s → %d', (text, expected) => {
		expect(parseDurationSeconds(text)).toBe(expected);
	});

	it.each([
		['35 分钟', 2100],
		['35分钟', 2100],
		['2小时15分', 8100],
		['2小时15分钟30秒', 8130],
		['2小时15', 8100],
		['1天2小时', 93600],
		['3个小时', 10800],
		['45秒', 45],
		['1.5小时', 5400],
		['2時15分', 8100]
	])('Chinese %s → %d', (text, expected) => {
		expect(parseDurationSeconds(text)).toBe(expected);
	});

	it('ignores the unit hint when the text carries units', () => {
		expect(parseDurationSeconds('2h', 'minutes')).toBe(7200);
		expect(parseDurationSeconds('35 分钟', 'hours')).toBe(2100);
	});

	it('negates the whole expression', () => {
		expect(parseDurationSeconds('-2h 15m')).toBe(-8100);
		expect(parseDurationSeconds('-01:00:30')).toBe(-3630);
	});
});

describe('parseDurationSeconds: clocks', () => {
	it.each([
		['01:45:10', 6310],
		['1:45:10', 6310],
		['125:00:00', 450000],
		['45:10', 2710],
		['0:05', 5],
		['01:45:10.5', 6310.5],
		['1 day 02:03:04', 93784],
		['1d 02:03:04', 93784],
		['1:02:03:04', 93784]
	])('%s → %d', (text, expected) => {
		expect(parseDurationSeconds(text)).toBe(expected);
	});

	it('reads two-part clocks as h:mm when the column is in hours or days', () => {
		expect(parseDurationSeconds('1:30', 'hours')).toBe(5400);
		expect(parseDurationSeconds('1:30', 'days')).toBe(5400);
		expect(parseDurationSeconds('1:30', 'minutes')).toBe(90);
		expect(parseDurationSeconds('1:30')).toBe(90);
		// Three parts are always h:m:s.
		expect(parseDurationSeconds('1:30:00', 'minutes')).toBe(5400);
	});

	it.each([
		'01:60:00',
		'01:45:60',
		'45:1000',
		'1:2:3:4:5',
		'1::2',
		'1:',
		':30',
		'1.5:30',
		'1:24:00:00'
	])('rejects %s', (text) => {
		expect(parseDurationSeconds(text)).toBeNull();
	});
});

describe('parseDurationSeconds: ISO 8601', () => {
	it.each([
		['PT2H15M', 8100],
		['pt45s', 45],
		['P1DT2H', 93600],
		['PT1.5H', 5400],
		['P2W', 1209600],
		['P1D', 86400]
	])('%s → %d', (text, expected) => {
		expect(parseDurationSeconds(text)).toBe(expected);
	});

	it.each(['P', 'PT', 'P1M', 'P1Y', 'PT1D', 'P1H', 'PTT1H', 'PT1'])('rejects %s', (text) => {
		expect(parseDurationSeconds(text)).toBeNull();
	});
});

describe('parseDurationSeconds: garbage', () => {
	it.each([
		'',
		'   ',
		'-',
		'+',
		'abc',
		'N/A',
		'NaN',
		'Infinity',
		'1e3',
		'0x10',
		'2 parsecs',
		'2h foo',
		'h2',
		'2 2',
		'1.',
		'--5',
		'pending',
		'2h,'
	])('%j → null', (text) => {
		expect(parseDurationSeconds(text)).toBeNull();
	});
});

describe('unitHintFromHeader', () => {
	it.each([
		['First reply time in minutes', 'minutes'],
		['First reply time in minutes within business hours', 'minutes'],
		['Full resolution time in minutes (within business hours)', 'minutes'],
		['Resolution time (in hrs)', 'hours'],
		['First response time (in Hrs)', 'hours'],
		['Handle time (min)', 'minutes'],
		['Handle time (h)', 'hours'],
		['Duration (s)', 'seconds'],
		['Duration [s]', 'seconds'],
		['Wait minutes', 'minutes'],
		['Wait mins', 'minutes'],
		['Hours open', 'hours'],
		['Talk time seconds', 'seconds'],
		['Days to close', 'days'],
		['Hours worked (in minutes)', 'minutes'],
		['首次响应时长(秒)', 'seconds'],
		['处理时长（分钟）', 'minutes'],
		['解决时长（小时）', 'hours'],
		['处理天数 (天)', 'days'],
		['响应时长 单位：分钟', 'minutes'],
		['等待秒数', 'seconds'],
		['平均处理时长分钟', 'minutes']
	])('%s → %s', (header, expected) => {
		expect(unitHintFromHeader(header)).toBe(expected);
	});

	it.each([
		'Duration',
		'Handle time (hh:mm:ss)',
		'Agent(s)',
		'Tag(s)',
		'Second reply time',
		'Time in queue',
		'Business hours',
		'Minimum',
		'Admin',
		''
	])('%s → undefined', (header) => {
		expect(unitHintFromHeader(header)).toBeUndefined();
	});
});
