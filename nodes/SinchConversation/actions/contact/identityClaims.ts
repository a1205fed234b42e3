import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ChannelIdentity } from './contactFields';

interface Claim {
	item: number;
	/** The contact an Update gives the identity to; undefined for the new contact a Create makes. */
	contactId?: string;
}

/** Per run: which item gives each channel identity to which contact. Prepare runs on every item before any is sent. */
const claimsByRun = new WeakMap<object, Map<string, Claim>>();

/**
 * Refuses an identity that another item of this run gives to another contact: Sinch keeps an identity on one contact
 * only, so the second request would fail after the first had changed things. Two Updates of one contact may share it.
 */
export function claimIdentities(
	this: IExecuteFunctions,
	itemIndex: number,
	identities: ChannelIdentity[],
	contactId?: string,
): void {
	let claims = claimsByRun.get(this);
	if (!claims) {
		claims = new Map();
		claimsByRun.set(this, claims);
	}
	for (const { channel, identity, app_id: appId } of identities) {
		const key = `${channel} ${appId ?? ''} ${identity}`;
		const other = claims.get(key);
		const sameContact = contactId !== undefined && other?.contactId === contactId;
		if (other && other.item !== itemIndex && !sameContact) {
			const what = other.contactId
				? `gives the ${channel} identity ${identity} to contact ${other.contactId}`
				: `creates a contact with the ${channel} identity ${identity}`;
			throw new NodeOperationError(
				this.getNode(),
				`Item ${other.item} of this run already ${what}`,
				{
					itemIndex,
					description:
						'A channel identity belongs to one contact only, so Sinch would refuse the second. Give each contact its own identities, or Merge the two contacts into one.',
				},
			);
		}
		claims.set(key, { item: itemIndex, contactId });
	}
}
