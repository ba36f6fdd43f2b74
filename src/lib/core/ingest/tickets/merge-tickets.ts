import type { Ticket } from '../../model/ticket';

/**
 * A later row of the same ticket (a re-export, or the same ticket twice in one file)
 * updates it: its non-empty fields win, empty ones keep what was known.
 */
export function mergeTickets(earlier: Ticket, later: Ticket): Ticket {
	const pick = <T>(newer: T | null, older: T | null): T | null => (newer === null ? older : newer);
	const pickText = (newer: string, older: string) => (newer === '' ? older : newer);
	const firstResolution = pick(
		later.firstResolutionSeconds ?? null,
		earlier.firstResolutionSeconds ?? null
	);
	return {
		key: earlier.key,
		externalId: earlier.externalId,
		importId: earlier.importId,
		createdAtMs: later.createdAtMs,
		firstResponseSeconds: pick(later.firstResponseSeconds, earlier.firstResponseSeconds),
		solvedAtMs: pick(later.solvedAtMs, earlier.solvedAtMs),
		resolutionSeconds: pick(later.resolutionSeconds, earlier.resolutionSeconds),
		...(firstResolution === null ? {} : { firstResolutionSeconds: firstResolution }),
		status: later.status === 'unknown' ? earlier.status : later.status,
		channel: later.channel === 'unknown' ? earlier.channel : later.channel,
		priority: later.priority === 'unknown' ? earlier.priority : later.priority,
		agent: pickText(later.agent, earlier.agent),
		group: pickText(later.group, earlier.group),
		subject: pickText(later.subject, earlier.subject),
		tags: later.tags.length > 0 ? later.tags : earlier.tags,
		customerKey: pickText(later.customerKey, earlier.customerKey),
		csatScore: later.csatScale === 'none' ? earlier.csatScore : later.csatScore,
		csatScale: later.csatScale === 'none' ? earlier.csatScale : later.csatScale,
		csatRaw: later.csatScale === 'none' ? earlier.csatRaw : later.csatRaw,
		agentReplies: pick(later.agentReplies, earlier.agentReplies),
		reopens: pick(later.reopens, earlier.reopens)
	};
}
