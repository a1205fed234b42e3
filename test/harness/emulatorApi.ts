import type { IDataObject } from 'n8n-workflow';

import type { Emulator } from '../emulator';

/**
 * A request straight to the emulator's API with Basic auth (not through the node), for setting up what a test needs;
 * fails the test unless the emulator answers 200.
 */
export async function emulatorApi(
	emu: Emulator,
	method: string,
	path: string,
	body?: object,
): Promise<IDataObject> {
	const response = await fetch(`${emu.url}/v1/projects/${emu.projectId}${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${emu.keyId}:${emu.keySecret}`).toString('base64')}`,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (response.status !== 200)
		throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
	return (await response.json()) as IDataObject;
}
