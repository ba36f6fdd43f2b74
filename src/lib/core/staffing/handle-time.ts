import { CHANNELS } from '../model/ticket';
import type { TicketColumns } from '../model/ticket-columns';

/** A live conversation solved within this long after the first reply was handled in one go. */
const MAX_SESSION_SECONDS = 2 * 3600;
/** Fewer in-session conversations than this are too few to replace the user's setting. */
export const MIN_HANDLE_SAMPLE = 30;

export interface MeasuredHandleTime {
	/** Median seconds from the first agent reply to the solve, or null when too few. */
	seconds: number | null;
	/** Conversations measured. */
	sample: number;
}

/**
 * Handle time of live channels (chat, phone) measured from tickets: for conversations solved
 * in one session (solved within 2 h of the first reply, never reopened, one agent reply or
 * more), the time from the first agent reply to the solve; the median of those. Exports carry
 * no per-message agent work time, so e-mail handle time cannot be measured this way and stays
 * the user's setting.
 */
export function measureLiveHandleTime(
	columns: TicketColumns,
	liveChannels: readonly string[] = ['chat', 'phone']
): MeasuredHandleTime {
	const codes = new Set(
		liveChannels.map((channel) => CHANNELS.indexOf(channel as (typeof CHANNELS)[number]))
	);
	const durations: number[] = [];
	for (let row = 0; row < columns.size; row++) {
		if (!codes.has(columns.channelCodes[row]!)) continue;
		const firstReply = columns.firstResponseSeconds[row]!;
		const resolution = columns.resolutionSeconds[row]!;
		const reopens = columns.reopens[row]!;
		const replies = columns.agentReplies[row]!;
		if (!Number.isFinite(firstReply) || !Number.isFinite(resolution)) continue;
		if (Number.isFinite(reopens) && reopens > 0) continue;
		if (Number.isFinite(replies) && replies < 1) continue;
		const handled = resolution - firstReply;
		if (handled <= 0 || handled > MAX_SESSION_SECONDS) continue;
		durations.push(handled);
	}
	if (durations.length < MIN_HANDLE_SAMPLE) return { seconds: null, sample: durations.length };
	durations.sort((a, b) => a - b);
	const half = durations.length >> 1;
	const median =
		durations.length % 2 ? durations[half]! : (durations[half - 1]! + durations[half]!) / 2;
	return { seconds: median, sample: durations.length };
}
