import { FeedsConfigError } from '../../lib/feeds/index.ts';
import { parseRunnerArgs, stopSignal, USAGE, UsageError } from './cli.ts';
import { runOnce, runPipeline } from './runner.ts';

async function main(args: string[]): Promise<number> {
  const options = parseRunnerArgs(args);
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (options.once) {
    const s = await runOnce(options);
    console.log(
      `once: polled ${s.feeds} feed(s) (${s.failedFeeds} failed), ` +
        `processed ${s.processed} article(s) (${s.failedMessages} failed attempt(s))`,
    );
    return 0;
  }
  // Listen before starting anything, so a Ctrl-C during start-up still shuts down cleanly.
  const stopRequested = stopSignal();
  const pipeline = await runPipeline(options);
  await stopRequested;
  console.log('stopping: finishing the batch in hand, saving queues');
  await pipeline.stop();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    if (error instanceof FeedsConfigError || error instanceof UsageError) {
      console.error(error.message);
      if (error instanceof UsageError) console.error(`\n${USAGE}`);
    } else {
      console.error(`dateline: ${error.stack ?? error.message}`);
    }
    process.exit(1);
  },
);
