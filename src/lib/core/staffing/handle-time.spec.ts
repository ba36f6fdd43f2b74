import { describe, expect, it } from 'vitest';
import type { Ticket } from '../model/ticket';
import { makeColumns } from '../../../../tests/factories/ticket';
import { measureLiveHandleTime, MIN_HANDLE_SAMPLE } from './handle-time';

const chat = (firstReply: number, resolution: number, extra: Partial<Ticket> = {}) => ({
	channel: 'chat' as const,
	firstResponseSeconds: firstReply,
	resolutionSeconds: resolution,
	reopens: 0,
	agentReplies: 3,
	...extra
});

describe('measureLiveHandleTime', () => {
	it('median time from first reply to solve over in-session chats and calls', () => {
		// 31 chats handled in 60..360 s (first reply after 30 s): median 210 s.
		const rows = Array.from({ length: 31 }, (_, i) => chat(30, 30 + 60 + i * 10));
		const ignored = [
			chat(30, 30 + 3 * 3600), // solved hours later: not one session
			chat(30, 400, { reopens: 1 }), // reopened
			chat(30, 400, { agentReplies: 0 }), // no agent reply
			chat(30, 400, { channel: 'email' }), // not live
			{ channel: 'chat' as const, firstResponseSeconds: null, resolutionSeconds: 300 }
		];
		expect(measureLiveHandleTime(makeColumns(...rows, ...ignored))).toEqual({
			seconds: 60 + 15 * 10,
			sample: 31
		});
	});

	it('too few conversations: null, the user setting stays', () => {
		const rows = Array.from({ length: MIN_HANDLE_SAMPLE - 1 }, () => chat(10, 200));
		expect(measureLiveHandleTime(makeColumns(...rows))).toEqual({
			seconds: null,
			sample: MIN_HANDLE_SAMPLE - 1
		});
	});

	it('even sample: mean of the middle two; phone counts as live', () => {
		const rows = Array.from({ length: 30 }, (_, i) =>
			chat(0, 100 + i, { channel: i % 2 ? 'phone' : 'chat' })
		);
		expect(measureLiveHandleTime(makeColumns(...rows)).seconds).toBe((114 + 115) / 2);
	});
});
