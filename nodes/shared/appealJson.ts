import type { IDataObject } from 'n8n-workflow';
import type { Appeal } from '../../lib/appeal';

/**
 * The one crossing between n8n's item json and the typed appeal record of lib/. An item is plain JSON, an appeal
 * (and its extensions: structured, routed, deadline, answer check) is plain JSON too, so the crossing is a type
 * change only, written here once instead of a cast at every node. `appealsOf` trusts that the items are appeals:
 * nodes that take foreign input validate it with lib/appeal first.
 */
export const itemJson = (record: object): IDataObject => record as unknown as IDataObject;

export const appealOf = (json: IDataObject): Appeal => json as unknown as Appeal;

export const appealsOf = (records: IDataObject[]): Appeal[] => records as unknown as Appeal[];
