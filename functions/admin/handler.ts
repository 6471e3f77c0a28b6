import { handle } from 'hono/aws-lambda';
import { iamCaller } from '../../lib/admin/index.ts';
import { adminApp } from './app.ts';

/**
 * Its own function URL (AWS_IAM: every request SigV4-signed and checked before this runs) → the
 * admin app. Never behind CloudFront, never part of the public timeline function.
 */
export const handler = handle(adminApp(iamCaller));
