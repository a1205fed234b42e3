/**
 * What a user sees on opening an example in n8n's editor: one trigger, so "Execute workflow" runs the intended one
 * (n8n picks a Webhook node over a manual trigger), and sticky notes that cover no node.
 */
import { exampleWorkflows } from '../../scripts/n8n/importData';

interface ExampleNode {
	name: string;
	type: string;
	disabled?: boolean;
	position: [number, number];
	parameters: { width?: number; height?: number };
}

const STICKY = 'n8n-nodes-base.stickyNote';
/** A node on n8n's canvas: 100 × 100 from its position (the top left corner), with a grid step of space around. */
const NODE_SIZE = 100;
const GAP = 20;

const nodesOf = (json: Record<string, unknown>) => json.nodes as ExampleNode[];
const isTrigger = (node: ExampleNode) =>
	/Trigger$/.test(node.type) || node.type === 'n8n-nodes-base.webhook';

const examples = exampleWorkflows().map(
	(example) => [example.file.split('/').pop()!, example] as const,
);

test.each(examples)(
	'%s has exactly one trigger that Execute workflow can start',
	(_file, example) => {
		const triggers = nodesOf(example.json).filter((node) => isTrigger(node) && !node.disabled);
		expect(triggers).toHaveLength(1);
	},
);

test.each(examples)('%s: no sticky note covers a node', (_file, example) => {
	const nodes = nodesOf(example.json);
	const overlaps: string[] = [];
	for (const sticky of nodes.filter((node) => node.type === STICKY)) {
		const [left, top] = sticky.position;
		const right = left + (sticky.parameters.width ?? 240);
		const bottom = top + (sticky.parameters.height ?? 160);
		for (const node of nodes.filter((other) => other.type !== STICKY)) {
			const [x, y] = node.position;
			const apart =
				x - GAP >= right ||
				x + NODE_SIZE + GAP <= left ||
				y - GAP >= bottom ||
				y + NODE_SIZE + GAP <= top;
			if (!apart) overlaps.push(`${sticky.name} covers ${node.name}`);
		}
	}
	expect(overlaps).toEqual([]);
});
