// Real n8n runs take seconds each; a suite that starts servers needs minutes.
jest.setTimeout(240_000);
