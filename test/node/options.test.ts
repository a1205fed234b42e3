import type { INodeProperties } from 'n8n-workflow';

import { SinchConversation } from '../../nodes/SinchConversation/SinchConversation.node';
import { resources } from '../../nodes/SinchConversation/actions/resources';

const properties = new SinchConversation().description.properties;

const shownFor = (property: INodeProperties, resource: string, operation: string) => {
	const show = property.displayOptions?.show ?? {};
	return (
		(show.resource ?? []).includes(resource) &&
		(show.operation === undefined || show.operation.includes(operation))
	);
};

const operationsOf = (resource: string) =>
	properties
		.filter((property) => property.name === 'operation' && shownFor(property, resource, ''))
		.flatMap((property) =>
			(property.options ?? []).map((option) => String((option as { value: string }).value)),
		);

const cases = Object.keys(resources).flatMap((resource) =>
	operationsOf(resource).map((operation) => [resource, operation] as const),
);

describe('every operation offers the request options', () => {
	it('lists every resource and operation the router knows', () => {
		expect(cases.length).toBeGreaterThan(0);
		for (const [resource, operation] of cases) expect(resources[resource][operation]).toBeDefined();
	});

	it.each(cases)(
		'%s → %s has Timeout (Seconds) and Max Concurrent Requests',
		(resource, operation) => {
			const collections = properties.filter(
				(property) =>
					property.name === 'options' &&
					property.type === 'collection' &&
					shownFor(property, resource, operation),
			);
			expect(collections).toHaveLength(1);
			const names = (collections[0].options as INodeProperties[]).map((option) => option.name);
			expect(names).toEqual(expect.arrayContaining(['timeout', 'maxConcurrency']));
		},
	);

	it.each(cases)('%s → %s declares its noun (and what it makes)', (resource, operation) => {
		const { meta } = resources[resource][operation];
		expect(meta.noun).toMatch(/^[a-z ]+$/);
		if (meta.makes) expect(meta.makes.verb).toMatch(/^[a-z]+$/);
	});
});
