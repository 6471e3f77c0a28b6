import { handle } from 'hono/aws-lambda';
import { loadCursorSecret, readRuntimeConfig } from '../../lib/runtime/index.ts';
import { timelineApp } from './app.ts';

/**
 * Function URL (behind CloudFront) → the Hono timeline app. The cursor key is read once, at cold
 * start (the module's top-level await), never from the function's environment.
 */
export const handler = handle(timelineApp({ cursorSecret: await loadCursorSecret(readRuntimeConfig()) }));
