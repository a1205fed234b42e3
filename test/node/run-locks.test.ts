/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tooling that runs in Node, not in n8n: rules for node code (README: Linting) */
import { inTurn } from '../../nodes/SinchConversation/shared/runLocks';

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('inTurn', () => {
	it('runs tasks of one key one after the other, in the order they came, and others alongside', async () => {
		const events: string[] = [];
		const gates: Array<() => void> = [];
		const task = (name: string) => async () => {
			events.push(`start ${name}`);
			await new Promise<void>((resolve) => gates.push(resolve));
			events.push(`end ${name}`);
			return name;
		};
		const a = inTurn('app 1', task('a'));
		const b = inTurn('app 1', task('b'));
		const other = inTurn('app 2', task('other'));
		await tick();
		expect(events).toEqual(['start a', 'start other']);
		gates.shift()!();
		gates.shift()!();
		await tick();
		expect(events).toEqual(['start a', 'start other', 'end a', 'end other', 'start b']);
		gates.shift()!();
		expect(await Promise.all([a, b, other])).toEqual(['a', 'b', 'other']);
	});

	it('lets the next task run after one fails, and hands each its own outcome', async () => {
		const failing = inTurn('app 3', async () => {
			throw new Error('refused');
		});
		const next = inTurn('app 3', async () => 'ran');
		await expect(failing).rejects.toThrow('refused');
		await expect(next).resolves.toBe('ran');
		await expect(inTurn('app 3', async () => 'again')).resolves.toBe('again');
	});
});
