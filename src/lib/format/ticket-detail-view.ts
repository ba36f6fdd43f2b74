import type { TicketDetail } from '$lib/pipeline/ticket-detail';
import type { SlaState } from '$lib/core/detail/ticket-timings';
import { formatDecimal, formatDuration } from '$lib/format/format';
import { formatDateTime } from '$lib/format/kpi';
import { detailText, type DetailMessages } from '$lib/i18n/detail-messages';
import type { Locale } from '$lib/i18n/messages';

/** One row of the timings table: a measure in calendar time and in business hours. */
export interface TimingRow {
	id: 'first_response' | 'first_resolution' | 'full_resolution';
	label: string;
	calendarSeconds: number | null;
	calendar: string;
	businessSeconds: number | null;
	business: string;
}

export interface SlaRow {
	kind: 'first_response' | 'resolution';
	label: string;
	state: SlaState;
	targetSeconds: number | null;
	text: string;
}

export interface MessageRow {
	key: string;
	role: string;
	roleLabel: string;
	author: string;
	sentAtMs: number;
	time: string;
	isPublic: boolean;
	isAutomated: boolean;
	event: string;
	/** Public / internal note, automated, status event. */
	flags: string[];
	/** Plain text (rendered as text, never as HTML); a status event or empty message says so. */
	text: string;
	markers: { id: 'created' | 'first_response' | 'first_solve'; label: string }[];
}

/** The ticket detail as texts, in one locale and time zone. */
export function ticketDetailView(detail: TicketDetail, locale: Locale, timeZone: string) {
	const x = (key: keyof DetailMessages, params?: Record<string, string | number>) =>
		detailText(locale, key, params);
	const { ticket, timings, conversation } = detail;
	const duration = (seconds: number | null) => formatDuration(seconds, locale);
	const gap = timings.businessGap === null ? null : x(`timings.gap.${timings.businessGap}`);

	const firstResponseMissing =
		ticket.firstResponseSeconds !== null && ticket.firstResponseSeconds < 0
			? x('timings.impossible')
			: x('timings.noReply');
	const resolutionMissing =
		ticket.resolutionSeconds !== null && ticket.resolutionSeconds < 0
			? x('timings.impossible')
			: x('timings.notSolved');
	const calendarOr = (seconds: number | null, missing: string) =>
		seconds === null ? missing : duration(seconds);
	const businessOr = (seconds: number | null, calendar: number | null, missing: string) =>
		seconds !== null ? duration(seconds) : calendar !== null && gap !== null ? gap : missing;

	const timingRows: TimingRow[] = [
		{
			id: 'first_response',
			label: x('timings.firstResponse'),
			calendarSeconds: timings.firstResponseSeconds,
			calendar: calendarOr(timings.firstResponseSeconds, firstResponseMissing),
			businessSeconds: timings.firstResponseBusinessSeconds,
			business: businessOr(
				timings.firstResponseBusinessSeconds,
				timings.firstResponseSeconds,
				firstResponseMissing
			)
		},
		{
			id: 'first_resolution',
			label: x('timings.firstResolution'),
			calendarSeconds: timings.firstResolutionSeconds,
			calendar:
				timings.firstResolutionSeconds !== null
					? duration(timings.firstResolutionSeconds)
					: conversation === null
						? x('timings.firstSolveUnknown')
						: x('timings.notSolved'),
			businessSeconds: null,
			business: x('timings.businessSame')
		},
		{
			id: 'full_resolution',
			label: x('timings.fullResolution'),
			calendarSeconds: timings.resolutionSeconds,
			calendar: calendarOr(timings.resolutionSeconds, resolutionMissing),
			businessSeconds: timings.resolutionBusinessSeconds,
			business: businessOr(
				timings.resolutionBusinessSeconds,
				timings.resolutionSeconds,
				resolutionMissing
			)
		}
	];

	const slaRows: SlaRow[] = (['first_response', 'resolution'] as const).map((kind) => {
		const sla = timings.sla[kind];
		const target = sla.targetSeconds === null ? '' : duration(sla.targetSeconds);
		const clock = x(`sla.clock.${sla.clock}`);
		const text =
			sla.targetSeconds === null
				? x('sla.noTarget')
				: sla.state === 'excluded'
					? x('sla.excluded')
					: sla.state === 'out'
						? `${x('sla.out', { target })}${sla.gap === null ? '' : ` · ${x(`timings.gap.${sla.gap}`)}`}`
						: x(`sla.${sla.state}`, { target, clock });
		return {
			kind,
			label: x(`sla.${kind}`),
			state: sla.state,
			targetSeconds: sla.targetSeconds,
			text
		};
	});

	const messageRows: MessageRow[] | null =
		conversation === null
			? null
			: conversation.messages.map((message, index) => {
					// A status line is neither a public message nor a note: it says what happened.
					const flags =
						message.event !== 'message'
							? [
									x(`conversation.event.${message.event}`),
									// A reply that also closes (Help Scout) is still a public reply.
									...(message.isPublic && message.role !== 'system'
										? [x('conversation.public')]
										: [])
								]
							: [message.isPublic ? x('conversation.public') : x('conversation.note')];
					if (message.isAutomated) flags.push(x('conversation.automated'));
					const markers: MessageRow['markers'] = [];
					if (index === conversation.createdIndex)
						markers.push({ id: 'created', label: x('conversation.marker.created') });
					if (index === conversation.firstResponseIndex)
						markers.push({ id: 'first_response', label: x('conversation.marker.firstResponse') });
					if (index === conversation.firstSolveIndex)
						markers.push({ id: 'first_solve', label: x('conversation.marker.firstSolve') });
					return {
						key: message.key,
						role: message.role,
						roleLabel: x(`conversation.role.${message.role}`),
						author: message.authorId,
						sentAtMs: message.sentAtMs,
						time: Number.isFinite(message.sentAtMs)
							? formatDateTime(message.sentAtMs, locale, timeZone)
							: '—',
						isPublic: message.isPublic,
						isAutomated: message.isAutomated,
						event: message.event,
						flags,
						text:
							message.text !== ''
								? message.text
								: message.event !== 'message'
									? x(`conversation.event.${message.event}`)
									: x('conversation.noText'),
						markers
					};
				});

	const customer = detail.customer;
	const customerView =
		customer === null
			? null
			: {
					key: customer.key,
					fields: [
						{ label: x('customer.name'), value: customer.name },
						{ label: x('customer.emails'), value: customer.emails.join(', ') },
						{ label: x('customer.phones'), value: customer.phones.join(', ') },
						{ label: x('customer.tags'), value: customer.tags.join(', ') },
						{
							label: x('customer.firstSeen'),
							value:
								customer.firstSeenAtMs === null
									? ''
									: formatDateTime(customer.firstSeenAtMs, locale, timeZone)
						}
					].filter((field) => field.value !== ''),
					otherTicketCount: customer.otherTicketCount,
					otherTicketsText:
						customer.otherTicketCount === 0
							? x('customer.noOtherTickets')
							: customer.otherTicketCount > customer.otherTickets.length
								? `${x('customer.otherTicketsCount', { count: customer.otherTicketCount })} · ${x('customer.otherTicketsShown', { shown: customer.otherTickets.length })}`
								: x('customer.otherTicketsCount', { count: customer.otherTicketCount }),
					otherTickets: customer.otherTickets.map((other) => ({
						key: other.key,
						id: `#${other.externalId}`,
						subject: other.subject,
						created:
							other.createdAtMs === null ? '' : formatDateTime(other.createdAtMs, locale, timeZone)
					})),
					orders: customer.orders,
					ordersText:
						customer.orders.orders + customer.orders.cancelled === 0
							? x('customer.noOrders')
							: [
									x('customer.ordersValue', {
										count: customer.orders.orders,
										spent: `${formatDecimal(customer.orders.spent, locale)}${customer.orders.currencies.length > 0 ? ` ${customer.orders.currencies.join(' / ')}` : ''}`
									}),
									customer.orders.cancelled > 0
										? x('customer.ordersCancelled', { count: customer.orders.cancelled })
										: '',
									customer.orders.ordersWithoutTotal > 0
										? x('customer.ordersWithoutTotal', {
												count: customer.orders.ordersWithoutTotal
											})
										: '',
									customer.orders.lastOrderAtMs === null
										? ''
										: x('customer.lastOrder', {
												date: formatDateTime(customer.orders.lastOrderAtMs, locale, timeZone)
											})
								]
									.filter((part) => part !== '')
									.join(' · '),
					surveys: customer.surveys.map((answer) => ({
						time: formatDateTime(answer.respondedAtMs, locale, timeZone),
						score: answer.rawScore !== '' ? answer.rawScore : String(answer.score ?? ''),
						scale: answer.scale,
						comment: answer.comment,
						ticket:
							answer.ticketId === '' ? '' : x('customer.surveyTicket', { id: answer.ticketId })
					}))
				};

	return {
		timingRows,
		slaRows,
		messageRows,
		customer: customerView,
		customerHeadline: customerHeadline(ticket.customerKey, customer)
	};
}

/**
 * Who the ticket's customer is, in one line for the ticket's fields: the linked customer's
 * name and e-mail (the ticket's own e-mail when it is one of theirs), the name or the e-mail
 * alone when only one is known, else the key the ticket carries ('' without one). Plain text.
 */
export function customerHeadline(
	customerKey: string,
	customer: Pick<NonNullable<TicketDetail['customer']>, 'name' | 'emails'> | null
): string {
	if (customer === null) return customerKey;
	const name = customer.name.trim();
	const email = customer.emails.includes(customerKey) ? customerKey : (customer.emails[0] ?? '');
	if (name !== '' && email !== '') return `${name} · ${email}`;
	return name || email || customerKey;
}

export type TicketDetailView = ReturnType<typeof ticketDetailView>;
