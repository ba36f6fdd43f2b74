import { describe, expect, it } from 'vitest';
import { breakdownChips } from './breakdown-chips';

describe('breakdownChips', () => {
	it('names the group and segment filters, none when unset', () => {
		expect(breakdownChips({ groups: [], segments: [] }, 'en')).toEqual([]);
		expect(breakdownChips({ groups: ['Support', ''], segments: ['vip'] }, 'en')).toEqual([
			{ key: 'groups', label: 'Group: Support, (no group)' },
			{ key: 'segments', label: 'Segment: VIP (top 10% spend)' }
		]);
		expect(breakdownChips({ groups: [], segments: ['new'] }, 'zh-CN')[0]?.label).toBe(
			'分群: 新客（1 个订单）'
		);
	});
});
