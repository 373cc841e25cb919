import { userInfo } from 'node:os';
import { CommandBus } from '@nestjs/cqrs';
import { SkipProcessorEventCommand } from '../processors/skip-processor-event.command';
import { SkipResult } from '../processors/skip-processor-event';
import { stringOption } from './args';
import { CliCommand, CliError } from './commands';
import { operate } from './operate';

/** `mdm processor skip NAME --position P --reason TEXT`: lets a stalled processor pass the one event it cannot apply (audited). */
export const processorSkipCommand: CliCommand = {
  path: ['processor', 'skip'],
  summary: 'let a stalled processor pass one event it cannot apply (audited as ProcessorEventSkipped)',
  args: [{ name: 'NAME', required: true }],
  flags: [
    { name: 'position', value: 'P', description: 'global position of the event to skip (mdm status shows the stall)' },
    { name: 'reason', value: 'TEXT', description: 'why, kept in the audit event (required)' },
  ],
  synopsis: 'NAME --position P --reason TEXT',
  async run(args) {
    const name = args.positional[0];
    const position = stringOption(args, 'position');
    const reason = stringOption(args, 'reason');
    if (!name) throw new CliError('name the processor: mdm processor skip NAME --position P --reason TEXT (see mdm status)');
    if (position === undefined || !/^\d+$/.test(position)) throw new CliError(`--position must be a global position (a whole number)`);
    if (reason === undefined || reason.trim() === '') throw new CliError('--reason is required: it is kept in the audit event');
    const body = { position, reason };
    const result = await operate<SkipResult>({
      remote: (hub) => hub.post(`/api/v1/processors/${encodeURIComponent(name)}/skip`, body),
      local: (app) =>
        app.get(CommandBus).execute(new SkipProcessorEventCommand({ processor: name, ...body }, `cli:${userInfo().username}`)),
    });
    process.stdout.write(
      `${result.processor} will skip position ${result.position} (${result.eventType} on ${result.streamId}); recorded by ${result.actor}\n`,
    );
    return 0;
  },
};
