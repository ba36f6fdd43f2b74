import { CHANNELS, type Channel } from '$lib/core/model/ticket';

/** Channels that have a translated name (all but 'unknown', which shows as "not set"). */
export type NamedChannel = Exclude<Channel, 'unknown'>;

export function isChannel(key: string): key is NamedChannel {
	return key !== 'unknown' && (CHANNELS as readonly string[]).includes(key);
}
