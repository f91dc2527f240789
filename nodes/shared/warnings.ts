import type { IExecuteFunctions } from 'n8n-workflow';

/** Rows a read left out: logged and shown as warnings in the output pane, while the run goes on with the others. */
export function showWarnings(ctx: IExecuteFunctions, warnings: string[]): void {
	for (const warning of warnings) ctx.logger?.warn?.(warning);
	if (warnings.length)
		ctx.addExecutionHints?.(
			...warnings.map((message) => ({
				message,
				type: 'warning' as const,
				location: 'outputPane' as const,
			})),
		);
}
