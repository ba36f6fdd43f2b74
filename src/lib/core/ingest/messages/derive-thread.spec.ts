import { describe, expect, it } from 'vitest';
import { deriveThread, type ThreadEntry } from './derive-thread';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const min = (minutes: number) => T0 + minutes * 60_000;

function entry(
	role: ThreadEntry['role'],
	minutes: number,
	extra: Partial<ThreadEntry> = {}
): ThreadEntry {
	return {
		role,
		isPublic: true,
		isAutomated: false,
		event: 'message',
		sentAtMs: min(minutes),
		...extra
	};
}

describe('deriveThread', () => {
	it('creation is the first customer message; first response the first human public reply', () => {
		// An agent's outbound note at 0, customer at 5, bot at 6, internal note at 7,
		// macro at 8, human reply at 20: the clock runs 5 → 20 = 15 min = 900 s.
		const derived = deriveThread([
			entry('agent', 0),
			entry('customer', 5),
			entry('bot', 6),
			entry('agent', 7, { isPublic: false }),
			entry('agent', 8, { isAutomated: true }),
			entry('agent', 20),
			entry('customer', 25),
			entry('agent', 30)
		]);
		expect(derived).toMatchObject({
			createdIndex: 1,
			createdAtMs: min(5),
			firstResponseIndex: 5,
			firstResponseSeconds: 900,
			agentReplies: 2,
			customerMessages: 2,
			status: 'unknown',
			solvedAtMs: null,
			resolutionSeconds: null,
			reopens: null
		});
	});

	it('a thread with no customer message is no ticket', () => {
		expect(deriveThread([entry('agent', 0), entry('bot', 1)])).toBeNull();
		expect(deriveThread([])).toBeNull();
	});

	it('no human reply leaves the first response empty, never zero', () => {
		const derived = deriveThread([entry('customer', 0), entry('bot', 1)]);
		expect(derived?.firstResponseSeconds).toBeNull();
		expect(derived?.firstResponseIndex).toBe(-1);
		expect(derived?.agentReplies).toBe(0);
	});

	it('solve, customer reopens, solve again: resolution to the last solve, one reopen', () => {
		const derived = deriveThread([
			entry('customer', 0),
			entry('agent', 10),
			entry('system', 15, { event: 'solved' }),
			entry('customer', 60),
			entry('agent', 70),
			entry('system', 90, { event: 'solved' })
		]);
		expect(derived).toMatchObject({
			firstResponseSeconds: 600,
			status: 'solved',
			solvedAtMs: min(90),
			resolutionSeconds: 90 * 60,
			reopens: 1,
			agentReplies: 2
		});
	});

	it('a customer writing after the last solve leaves the ticket open, unsolved', () => {
		const derived = deriveThread([
			entry('customer', 0),
			entry('agent', 3),
			entry('system', 4, { event: 'solved' }),
			entry('customer', 50)
		]);
		expect(derived).toMatchObject({ status: 'open', solvedAtMs: null, reopens: 1 });
	});

	it('an explicit reopen event counts once, then a solve closes it', () => {
		const derived = deriveThread([
			entry('customer', 0),
			entry('system', 30, { event: 'solved' }),
			entry('system', 40, { event: 'reopened' }),
			entry('customer', 41),
			entry('system', 45, { event: 'solved' })
		]);
		expect(derived).toMatchObject({ status: 'solved', reopens: 1, resolutionSeconds: 45 * 60 });
		expect(derived?.firstResponseSeconds).toBeNull();
	});

	it('a reply at the very second of creation is a 0 s response', () => {
		const derived = deriveThread([entry('customer', 0), entry('agent', 0)]);
		expect(derived?.firstResponseSeconds).toBe(0);
	});

	it('first resolution is the first solve; full resolution the last; reopens counted', () => {
		// Created at 0, solved at 15 (first), customer reopens at 60, solved at 90 (last).
		const derived = deriveThread([
			entry('system', -5, { event: 'solved' }), // before creation: not this ticket's solve
			entry('customer', 0),
			entry('agent', 10),
			entry('system', 15, { event: 'solved' }),
			entry('customer', 60),
			entry('system', 90, { event: 'solved' })
		]);
		expect(derived).toMatchObject({
			firstSolvedAtMs: min(15),
			firstResolutionSeconds: 15 * 60,
			solvedAtMs: min(90),
			resolutionSeconds: 90 * 60,
			reopens: 1
		});
	});

	it('a ticket solved once and open again keeps its first resolution', () => {
		const derived = deriveThread([
			entry('customer', 0),
			entry('system', 20, { event: 'solved' }),
			entry('system', 25, { event: 'reopened' })
		]);
		expect(derived).toMatchObject({
			status: 'open',
			solvedAtMs: null,
			resolutionSeconds: null,
			firstResolutionSeconds: 1200,
			reopens: 1
		});
	});

	it('no solve event, or only a stated close time: first resolution stays missing, never 0', () => {
		expect(deriveThread([entry('customer', 0), entry('agent', 5)])?.firstResolutionSeconds).toBe(
			null
		);
		const stated = deriveThread([
			entry('customer', 0),
			entry('agent', 5),
			entry('system', 30, { event: 'solved', isPublic: false, isStatedClose: true })
		]);
		expect(stated).toMatchObject({
			status: 'solved',
			resolutionSeconds: 1800,
			firstSolvedAtMs: null,
			firstResolutionSeconds: null
		});
	});

	it('a public human reply that solves is a reply and a solve; a note that solves is not a reply', () => {
		const derived = deriveThread([
			entry('customer', 0),
			entry('agent', 4, { isPublic: false, event: 'solved' }),
			entry('customer', 10),
			entry('agent', 12, { event: 'solved' })
		]);
		expect(derived).toMatchObject({
			firstResponseIndex: 3,
			firstResponseSeconds: 720,
			agentReplies: 1,
			firstResolutionSeconds: 240,
			resolutionSeconds: 720,
			reopens: 1,
			status: 'solved'
		});
	});
});
