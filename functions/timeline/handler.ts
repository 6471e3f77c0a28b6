import { handle } from 'hono/aws-lambda';
import { timelineApp } from './app.ts';

/** Function URL (behind CloudFront) → the Hono timeline app. */
export const handler = handle(timelineApp());
