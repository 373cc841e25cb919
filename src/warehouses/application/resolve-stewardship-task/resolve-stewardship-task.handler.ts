import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SqlExecutor } from '../../../event-store/stored-event';
import { CommandDispatcher } from '../../../platform/cqrs/command-dispatcher';
import { DomainError, ErrorCode } from '../../../shared/domain/domain-error';
import { invalid } from '../../domain/override-values';
import {
  DismissWdtListingTruncationCommand,
  RequestKingdeeResyncCommand,
  ResolveDuplicateCommand,
  ResolveStewardshipTaskCommand,
} from '../commands';

export type TaskAction = 'merge' | 'dismiss' | 'retry';

export interface ResolveTaskRequest {
  readonly taskId: string;
  readonly action: TaskAction;
  readonly survivorId?: string;
  readonly reason?: string;
}

export interface ResolveTaskResult {
  readonly taskId: string;
  readonly action: TaskAction;
  /** New record version (ETag) per golden record touched. */
  readonly versions: Record<string, number>;
}

/**
 * Finds which records a task concerns (tasks read model) and hands it to the use case for its
 * type: duplicates are merged or dismissed, Kingdee sync failures retried, truncated WDT listings dismissed. The records' own
 * streams decide whether the task is still open. The use case runs as its own command on the bus.
 */
@CommandHandler(ResolveStewardshipTaskCommand)
export class ResolveStewardshipTaskHandler implements ICommandHandler<ResolveStewardshipTaskCommand> {
  constructor(
    private readonly db: SqlExecutor,
    private readonly bus: CommandDispatcher,
  ) {}

  async execute({ request, meta }: ResolveStewardshipTaskCommand): Promise<ResolveTaskResult> {
    const [task]: { type: string; golden_id: string; other_golden_id: string | null }[] = await this.db.query(
      `SELECT type, golden_id, other_golden_id FROM stewardship_tasks WHERE task_id = $1`,
      [request.taskId],
    );
    if (!task) throw new DomainError(ErrorCode.notFound, `no stewardship task ${request.taskId}`);
    const { taskId, action } = request;
    if (task.type.startsWith('kingdee_'))
      throw invalid(
        'action',
        `a reconciliation task is resolved at POST /api/v1/reconcile/kingdee/tasks/${taskId}/resolve (push, accept, recreate, retire)`,
      );
    if (task.type === 'duplicate') {
      if (action === 'retry') throw invalid('action', 'a duplicate task is resolved with merge or dismiss');
      if (action === 'merge' && !request.survivorId)
        throw invalid('survivorId', `required for merge: ${task.golden_id} or ${task.other_golden_id}`);
      const versions = await this.bus.execute(
        new ResolveDuplicateCommand(
          {
            taskId,
            action,
            goldenId: task.golden_id,
            otherGoldenId: task.other_golden_id!,
            survivorId: request.survivorId,
            reason: request.reason,
          },
          meta,
        ),
      );
      return { taskId, action, versions };
    }
    if (task.type === 'wdt_listing_truncated') {
      if (action !== 'dismiss')
        throw invalid('action', 'a truncated WDT listing is resolved with dismiss (a later complete listing also closes it)');
      if (!(await this.bus.execute(new DismissWdtListingTruncationCommand(taskId, request.reason ?? null, meta))))
        throw new DomainError(ErrorCode.conflict, `stewardship task ${taskId} is not open`);
      return { taskId, action, versions: {} };
    }
    if (action !== 'retry')
      throw invalid('action', 'a Kingdee sync failure is resolved with retry (a later successful sync also closes it)');
    const result = await this.bus.execute(
      new RequestKingdeeResyncCommand({ goldenId: task.golden_id, taskId, reason: request.reason ?? `retry of ${taskId}` }, meta),
    );
    return { taskId, action, versions: { [task.golden_id]: result.recordVersion } };
  }
}
