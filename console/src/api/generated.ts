/**
 * Generated from the hub's OpenAPI document by scripts/generate-console-api.mjs (run by the console
 * build): do not edit. Regenerate with `npm run build && node scripts/generate-console-api.mjs`.
 */
export interface paths {
  '/api/v1/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['HealthController_check'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['JobsController_latest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/jobs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['JobsController_find'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MeController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/processors/{name}/skip': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ProcessorsController_skip'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reconcile/kingdee': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest findings and the open reconciliation tasks */
    get: operations['ReconciliationController_findings'];
    put?: never;
    /** Compare every BD_STOCK of the use-org with the golden records (a job; follow GET /api/v1/jobs/{id}) */
    post: operations['ReconciliationController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reconcile/kingdee/tasks/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decide on a finding: push | accept (drift), recreate | retire (missing), adopt | ignore (unknown) */
    post: operations['ReconciliationController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ReplayController_startReplay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/resync/kingdee': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['ReplayController_startResync'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schemes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['SchemesController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schemes/{name}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SchemesController_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schemes/{name}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SchemesController_enable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schemes/{name}/resync': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SchemesController_resyncAffected'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/schemes/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['SchemesController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatusController_snapshot'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/status/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Samples of lag, throughput and WDT → Kingdee latency since an instant, and the WDT sync runs of the last days */
    get: operations['StatusController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stewardship/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Suspected duplicates and Kingdee sync failures, newest first */
    get: operations['StewardshipController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/stewardship/tasks/{id}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve a task: merge | dismiss a duplicate, retry a sync failure */
    post: operations['StewardshipController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sync/wdt': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['WdtSyncController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sync/wdt/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WdtSyncController_latest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/sync/wdt/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['WdtSyncController_find'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warehouses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search golden records (filters, paging, stable order, total) */
    get: operations['WarehousesController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warehouses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One golden record: fields, per-field lineage, cross-reference, Kingdee sync status; ?asOf= answers as it was then */
    get: operations['WarehousesController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warehouses/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The golden record’s events, oldest first */
    get: operations['WarehousesController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warehouses/{id}/overrides/{field}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Override one field of a golden record */
    put: operations['OverridesController_put'];
    post?: never;
    /** Remove an override: the sources decide the field again */
    delete: operations['OverridesController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warehouses/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore a retired golden record (not a merged-away one): the sources decide its fields again, its BD_STOCK is enabled in Kingdee */
    post: operations['LifecycleController_restore'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/warehouses/{id}/retire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Retire a golden record (e.g. WDT deleted the warehouse): published as retired, its BD_STOCK forbidden in Kingdee */
    post: operations['LifecycleController_retire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['StatusController_prometheus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ConsumerStatusDto: {
      error?: string;
      group: string;
      lag: number | null;
      partitions: components['schemas']['PartitionLagDto'][];
      topic: string;
    };
    CoordinatesDto: {
      /** @example 121.71 */
      x: number;
      /** @example 31.19 */
      y: number;
    };
    CrossReferenceDto: {
      kingdee: components['schemas']['KingdeeXrefDto'] | null;
      /** @description one WDT source key per warehouse merged into the record */
      wdt: components['schemas']['WdtXrefDto'][];
    };
    DataQualityDto: {
      /** @description warnings, never rejections */
      flags: components['schemas']['QualityFlagDto'][];
      missingInWdt: boolean;
    };
    DlqStatusDto: {
      error?: string;
      messages: number | null;
      topic: string;
    };
    DriftDetailsDto: {
      fields: components['schemas']['DriftedFieldDto'][];
      runId: string;
    };
    DriftedFieldDto: {
      /** @example FName */
      field: string;
      golden:
        | (
            | string
            | number
            | boolean
            | {
                [key: string]: unknown;
              }
          )
        | null;
      kingdee:
        | (
            | string
            | number
            | boolean
            | {
                [key: string]: unknown;
              }
          )
        | null;
    };
    DuplicateDetailsDto: {
      otherWarehouseNo: string;
      /**
       * @example [
       *       "same_name",
       *       "same_address"
       *     ]
       */
      reasons: string[];
      /**
       * @description similarity, 0..1
       * @example 0.92
       */
      score: number;
    };
    ErrorBody: {
      error: {
        /**
         * @description stable string code, e.g. validation_failed, version_mismatch
         * @example validation_failed
         */
        code: string;
        /** @description optional: per-field problems, the versions that differed, … */
        details?: unknown;
        /** @description what went wrong, for a person */
        message: string;
      };
    };
    EventsStatusDto: {
      count: number;
      headPosition: string;
    };
    FindingsDto: {
      lastAttempt: components['schemas']['ReconciliationRunDto'] | null;
      /** @description the last successful run */
      lastRun: components['schemas']['ReconciliationRunDto'] | null;
      open: components['schemas']['OpenFindingsDto'];
      /** @description as `mdm reconcile kingdee --json` prints it */
      report: components['schemas']['ReconciliationReportDto'] | null;
      tasks: components['schemas']['ReconciliationTaskDto'][];
    };
    GoldenRecordDto: {
      /** @example 川沙路5188号 */
      address: string | null;
      /** @example 上海市 */
      city: string | null;
      contact: string | null;
      coordinates: components['schemas']['CoordinatesDto'] | null;
      /** @example 浦东新区 */
      district: string | null;
      extWarehouseNo: string | null;
      isDefect: boolean;
      /** @description the survivor, when this record was merged into another */
      mergedInto: string | null;
      /** @example 13800138000 */
      mobile: string | null;
      /** @example 上海浦东仓 */
      name: string;
      /** @example 上海市 */
      province: string | null;
      remark: string | null;
      /** @enum {string} */
      status: 'active' | 'disabled' | 'retired';
      /** @example 021-58881234 */
      telno: string | null;
      /** @example 11 */
      typeCode: number | null;
      /** @example 奇门仓储 */
      typeLabel: string | null;
      /** @example SH-PD-01 */
      warehouseNo: string;
      zip: string | null;
    };
    HistoryEntryDto: {
      /** @example api:li */
      actor: string;
      correlationId: string;
      /** @description the event as recorded: changes old → new, source and rule */
      data: {
        [key: string]: unknown;
      };
      eventId: string;
      occurredAt: string;
      recordedAt: string;
      /** @example WarehouseObservedInWdt */
      type: string;
      version: number;
    };
    HubStatusDto: {
      at: string;
      dlq: components['schemas']['DlqStatusDto'];
      events: components['schemas']['EventsStatusDto'];
      jobsRunning: components['schemas']['RunningJobDto'][];
      kingdeeSink: components['schemas']['ConsumerStatusDto'];
      processors: components['schemas']['ProcessorStatusDto'][];
      /** @description null or absent when the feature is not installed */
      reconciliation?: components['schemas']['ReconciliationStatusDto'] | null;
      schemes: components['schemas']['SchemeStatusDto'][];
      /** @description null when this process runs no sink */
      sink: components['schemas']['SinkHealthDto'] | null;
      /** @description null when the warehouses read models are not installed */
      stewardship: components['schemas']['StewardshipStatusDto'] | null;
      /** @description newest first; null when WDT ingestion is not installed */
      wdtSyncRuns: components['schemas']['SyncRunStatusDto'][] | null;
    };
    JobErrorDto: {
      code: string;
      message: string;
    };
    JobProgressDto: {
      done: number;
      /** @description null until the job knows how much work there is */
      total: number | null;
    };
    JobViewDto: {
      actor: string;
      correlationId: string;
      error: components['schemas']['JobErrorDto'] | null;
      finishedAt: string | null;
      id: string;
      /**
       * @description replay, resync.kingdee, reconcile.kingdee, …
       * @example replay
       */
      kind: string;
      params: {
        [key: string]: unknown;
      };
      progress: components['schemas']['JobProgressDto'];
      /** @description what the job did, per kind (replay: {replayed, skipped}; resync: {requested, resynced, skipped, skippedCount}); null while it runs */
      result: {
        [key: string]: unknown;
      } | null;
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
    };
    KingdeeSyncDto: {
      lastAttemptAt: string | null;
      lastError: components['schemas']['SyncErrorDto'] | null;
      /** @description publishedVersion as a stream version (golden-topic message version) */
      publishedStreamVersion: number;
      /** @description record version (numbered as `version`): the last one that changed what Kingdee receives */
      publishedVersion: number;
      /** @enum {string} */
      status: 'pending' | 'synced' | 'failed' | 'forbidden' | 'not_in_kingdee';
      syncedStreamVersion: number | null;
      /** @description record version Kingdee holds (已同步版本) */
      syncedVersion: number | null;
    };
    KingdeeXrefDto: {
      fNumber: string;
      fStockId: string | null;
    };
    LifecycleReasonDto: {
      /**
       * @description Why (kept in the audit trail)
       * @example WDT 已删除该仓库，仓库已关闭
       */
      reason: string;
    };
    LineageDto: {
      /** @example 2026-11-28T09:00:00.000Z */
      at: string;
      eventId: string;
      /** @enum {string} */
      rule: 'override' | 'sourcePriority' | 'primarySource' | 'mostRecent' | 'retirement';
      source: components['schemas']['SourceKeyDto'];
      value: (string | number | boolean | components['schemas']['CoordinatesDto']) | null;
    };
    MetricsSampleDto: {
      at: string;
      /** @description events appended since the previous sample */
      eventsAppended: number;
      /** @description global position of the newest event */
      headPosition: string;
      /** @description Kingdee saves since the previous sample */
      kingdeeSaves: number;
      /** @description the most lagging processor (replay shadows excluded), in events */
      processorLagEvents: number;
      processorLagSeconds: number;
      /** @description Kingdee sink consumer lag; null when Kafka could not be asked */
      sinkLag: number | null;
      /** @description WDT observation → Kingdee save, mean over those saves */
      wdtToKingdeeAvgSeconds: number | null;
      wdtToKingdeeMaxSeconds: number | null;
    };
    MeView: {
      /** @description the key’s name from MDM_API_KEYS (never the key itself) */
      name: string;
      /** @enum {string} */
      role: 'reader' | 'steward' | 'admin';
    };
    MissingDetailsDto: {
      fStockId: string | null;
      runId: string;
    };
    OpenFindingsDto: {
      kingdee_drift: number;
      kingdee_missing: number;
      kingdee_unknown: number;
    };
    OpenTaskRefDto: {
      taskId: string;
      /** @enum {string} */
      type: 'duplicate' | 'sync_failure' | 'kingdee_drift' | 'kingdee_missing' | 'wdt_listing_truncated';
    };
    OverrideDto: {
      /** @example api:li */
      actor: string;
      /** @example 统一命名规范 */
      reason: string;
      value: (string | number | boolean | components['schemas']['CoordinatesDto']) | null;
    };
    OverrideFieldDto: {
      /**
       * @description Why (kept in the audit trail)
       * @example 统一命名规范
       */
      reason: string;
      /**
       * @description The value the steward pins: a string for text fields, a number for typeCode, a boolean for isDefect, "active"|"disabled" for status, {"x","y"} for coordinates, or null to pin an optional field empty. Normalised like source values.
       * @example 浦东中心仓
       */
      value: (string | number | boolean | components['schemas']['CoordinatesDto']) | null;
    };
    PartitionLagDto: {
      committed: string;
      end: string;
      lag: number;
      partition: number;
    };
    PreviewBody: Record<string, never>;
    ProcessorStallDto: {
      attempts: number;
      error: string;
      failingPosition: string | null;
      failingTransactionId: string | null;
      /** @description true when the event failed applied alone (the one to skip) */
      narrowed: boolean;
      nextAttemptAt: string;
      since: string;
    };
    ProcessorStatusDto: {
      /** @enum {string} */
      kind: 'projection' | 'publisher' | 'replay' | 'other';
      /** @description committed events it has not applied yet */
      lagEvents: number;
      lagSeconds: number;
      name: string;
      /** @description global position (a decimal string) */
      position: string;
      /** @description set while it fails on an event and backs off */
      stalled: components['schemas']['ProcessorStallDto'] | null;
      updatedAt: string | null;
    };
    QualityFlagDto: {
      code: string;
      field: string;
      message: string;
    };
    ReconciliationFindingCountsDto: {
      drifted: number;
      missingInKingdee: number;
      unknownInKingdee: number;
    };
    ReconciliationReportDto: {
      /** @description golden records compared */
      checked: number;
      drifted: {
        [key: string]: unknown;
      }[];
      kingdeeRecords: number;
      missingInKingdee: {
        [key: string]: unknown;
      }[];
      unknownInKingdee: {
        [key: string]: unknown;
      }[];
    };
    ReconciliationRunDto: {
      error: string | null;
      finishedAt: string | null;
      kingdeeCalls: number | null;
      runId: string;
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
      trigger: string;
    };
    ReconciliationStatusDto: {
      findings: components['schemas']['ReconciliationFindingCountsDto'] | null;
      lastAttemptError: string | null;
      lastAttemptStatus: string | null;
      lastRunAt: string | null;
    };
    ReconciliationTaskDto: {
      actions: ('push' | 'accept' | 'recreate' | 'retire' | 'adopt' | 'ignore')[];
      /** @description by type: drift, missing or unknown */
      details:
        components['schemas']['DriftDetailsDto'] | components['schemas']['MissingDetailsDto'] | components['schemas']['UnknownDetailsDto'];
      /** @description the record concerned (unknown: the one proposed for adoption, if any) */
      goldenId: string | null;
      name: string | null;
      openedAt: string;
      taskId: string;
      title: string;
      /** @enum {string} */
      type: 'kingdee_drift' | 'kingdee_missing' | 'kingdee_unknown';
      warehouseNo: string | null;
    };
    RemoveOverrideDto: {
      /**
       * @description Why the override is no longer needed
       * @example 源系统已更正
       */
      reason?: string;
    };
    ReplayBody: {
      /** @description global position to replay from */
      from?: string;
      /** @description one projection (default: every replayable one) */
      projection?: string;
    };
    ResolveReconciliationDto: {
      /**
       * @description drift: push | accept; missing: recreate | retire; unknown: adopt | ignore
       * @enum {string}
       */
      action: 'push' | 'accept' | 'recreate' | 'retire' | 'adopt' | 'ignore';
      /** @description adopt: the golden record to adopt the Kingdee record for (default: the proposed one) */
      goldenId?: string;
      /** @example 金蝶里改名是财务确认过的 */
      reason?: string;
    };
    ResolveReconciliationResultDto: {
      /** @enum {string} */
      action: 'push' | 'accept' | 'recreate' | 'retire' | 'adopt' | 'ignore';
      goldenId: string | null;
      taskId: string;
      /** @description the record version (ETag) after the decision; null for ignore */
      version: number | null;
    };
    ResolveTaskDto: {
      /**
       * @description duplicates: merge | dismiss; Kingdee sync failures: retry
       * @enum {string}
       */
      action: 'merge' | 'dismiss' | 'retry';
      /** @example 同一仓库，编码录入重复 */
      reason?: string;
      /**
       * @description merge: the golden id that survives (one of the pair)
       * @example wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5
       */
      survivorId?: string;
    };
    ResolveTaskResultDto: {
      /** @enum {string} */
      action: 'merge' | 'dismiss' | 'retry';
      taskId: string;
      /**
       * @description new record version (ETag) per golden record touched
       * @example {
       *       "wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5": 5
       *     }
       */
      versions: {
        [key: string]: number;
      };
    };
    ResyncBody: {
      /** @description every record not retired */
      all?: boolean;
      /** @description golden ids */
      ids?: string[];
      reason?: string;
    };
    RunningJobDto: {
      done: number;
      id: string;
      kind: string;
      total: number | null;
    };
    SchemeStatusDto: {
      enabled: boolean;
      mappingHash: string | null;
      name: string;
    };
    SearchFacetsDto: {
      /**
       * @example {
       *       "active": 21,
       *       "disabled": 2
       *     }
       */
      status: {
        [key: string]: number;
      };
      /**
       * @example {
       *       "synced": 22,
       *       "failed": 1
       *     }
       */
      syncStatus: {
        [key: string]: number;
      };
      /**
       * @example {
       *       "1": 20,
       *       "11": 3
       *     }
       */
      type: {
        [key: string]: number;
      };
    };
    SinkHealthDto: {
      /** @description false while the sink is out of its consumer group or not started */
      healthy: boolean;
      lastError: string | null;
      lastErrorAt: string | null;
    };
    SkipBody: Record<string, never>;
    SourceKeyDto: {
      /** @example SH-PD-01 */
      key: string;
      /** @example wdt */
      system: string;
    };
    StatusHistoryDto: {
      runsSince: string;
      /** @description oldest first, one per sample interval (MDM_METRICS_SAMPLE_INTERVAL) */
      samples: components['schemas']['MetricsSampleDto'][];
      since: string;
      /** @description oldest first; null when WDT ingestion is not installed */
      syncRuns: components['schemas']['SyncRunPointDto'][] | null;
    };
    StewardshipStatusDto: {
      /** @description open tasks by type */
      byType: {
        [key: string]: number;
      };
      open: number;
    };
    StewardshipTaskDto: {
      /** @description by type: duplicate, sync_failure, wdt_listing_truncated, kingdee_drift, kingdee_missing */
      details:
        | components['schemas']['DuplicateDetailsDto']
        | components['schemas']['SyncFailureDetailsDto']
        | components['schemas']['TruncatedListingDetailsDto']
        | components['schemas']['DriftDetailsDto']
        | components['schemas']['MissingDetailsDto'];
      openedAt: string;
      otherRecord: components['schemas']['TaskRecordRefDto'] | null;
      /** @description null for wdt_listing_truncated (no single record) */
      record: components['schemas']['TaskRecordRefDto'] | null;
      /**
       * @description reconciliation findings: cleared (Kingdee agrees again) or the steward’s action
       * @enum {string|null}
       */
      resolution:
        'merged' | 'dismissed' | 'retried' | 'synced' | 'listing_complete' | 'cleared' | 'push' | 'accept' | 'recreate' | 'retire' | null;
      resolvedAt: string | null;
      resolvedBy: string | null;
      /** @enum {string} */
      status: 'open' | 'resolved';
      taskId: string;
      title: string;
      /** @enum {string} */
      type: 'duplicate' | 'sync_failure' | 'kingdee_drift' | 'kingdee_missing' | 'wdt_listing_truncated';
    };
    SwitchBody: Record<string, never>;
    SyncErrorDto: {
      code: string;
      message: string;
    };
    SyncFailureDetailsDto: {
      code: string;
      message: string;
      /** @description the version Kingdee rejected */
      version: number;
    };
    SyncRunDto: {
      actor: string;
      changed: number;
      correlationId: string;
      created: number;
      /** @description one line; for a failed run, why */
      error?: string;
      /** @example wdt_credentials_rejected */
      errorCode?: string;
      /** @description rows that could not be decoded */
      failed: number;
      /** @description absent while it runs */
      finishedAt?: string;
      id: string;
      /** @description warehouses flagged missing in WDT (only after a complete pull) */
      missing: number;
      /** @description pages fetched, every pass and both listings included */
      pages: number;
      passes: number;
      /** @description distinct warehouse_nos WDT returned */
      seen: number;
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed' | 'abandoned';
      /** @enum {string} */
      trigger: 'schedule' | 'cli' | 'api';
      unchanged: number;
    };
    SyncRunPointDto: {
      changed: number;
      created: number;
      durationSeconds: number | null;
      failed: number;
      id: string;
      seen: number;
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed';
    };
    SyncRunStatusDto: {
      changed: number;
      created: number;
      error: string | null;
      failed: number;
      finishedAt: string | null;
      id: string;
      missing: number;
      pages: number;
      seen: number;
      startedAt: string;
      /** @enum {string} */
      status: 'running' | 'succeeded' | 'failed' | 'abandoned';
      /** @enum {string} */
      trigger: 'schedule' | 'cli' | 'api';
      unchanged: number;
    };
    TaskPageDto: {
      items: components['schemas']['StewardshipTaskDto'][];
      page: number;
      pageSize: number;
      total: number;
    };
    TaskRecordRefDto: {
      goldenId: string;
      name: string | null;
      warehouseNo: string | null;
    };
    TruncatedListingDetailsDto: {
      known: number;
      maxShare: number;
      /** @description some of the absent warehouse numbers */
      sample: string[];
      syncRunId: string;
      /** @description warehouses the run would have flagged missing */
      wouldFlag: number;
    };
    UnknownDetailsDto: {
      FName: string;
      FNumber: string;
      FStockId: string;
    };
    WarehouseDetailDto: {
      /** @description set when answered as of a past instant */
      asOf: string | null;
      crossReference: components['schemas']['CrossReferenceDto'];
      dataQuality: components['schemas']['DataQualityDto'];
      goldenId: string;
      kingdeeSync: components['schemas']['KingdeeSyncDto'];
      /** @description per golden field */
      lineage: {
        [key: string]: components['schemas']['LineageDto'];
      };
      openTasks: components['schemas']['OpenTaskRefDto'][];
      /** @description steward overrides per field */
      overrides: {
        [key: string]: components['schemas']['OverrideDto'];
      };
      record: components['schemas']['GoldenRecordDto'];
      /**
       * @description stream version: every event of the record, sink bookkeeping included. It is the `version` of the record’s golden-topic messages (what consumers dedupe by); the hub appends against it for optimistic concurrency, stewards never need it
       * @example 7
       */
      streamVersion: number;
      /**
       * @description record version: counts the changes a steward cares about (source changes, overrides, merges, retirement), not the sink’s bookkeeping (Kingdee sync results, resync requests). It is the ETag, to send back as If-Match, and what the console shows as 版本
       * @example 4
       */
      version: number;
    };
    WarehousePageDto: {
      facets: components['schemas']['SearchFacetsDto'];
      items: components['schemas']['WarehouseSummaryDto'][];
      page: number;
      pageSize: number;
      /** @description matching records over all pages */
      total: number;
    };
    WarehouseSummaryDto: {
      /** @example 川沙路5188号 */
      address: string | null;
      /** @example 上海市 */
      city: string | null;
      contact: string | null;
      coordinates: components['schemas']['CoordinatesDto'] | null;
      /** @example 浦东新区 */
      district: string | null;
      extWarehouseNo: string | null;
      /** @example wh_01JDX3Q5Z8M4N7P2R6S9T1V3W5 */
      goldenId: string;
      isDefect: boolean;
      /** @description the survivor, when this record was merged into another */
      mergedInto: string | null;
      missingInWdt: boolean;
      /** @example 13800138000 */
      mobile: string | null;
      /** @example 上海浦东仓 */
      name: string;
      /** @example 上海市 */
      province: string | null;
      remark: string | null;
      /** @enum {string} */
      status: 'active' | 'disabled' | 'retired';
      /** @enum {string} */
      syncStatus: 'pending' | 'synced' | 'failed' | 'forbidden' | 'not_in_kingdee';
      /** @example 021-58881234 */
      telno: string | null;
      /** @example 11 */
      typeCode: number | null;
      /** @example 奇门仓储 */
      typeLabel: string | null;
      updatedAt: string | null;
      /**
       * @description record version (as in the detail’s ETag)
       * @example 3
       */
      version: number;
      /** @example SH-PD-01 */
      warehouseNo: string;
      zip: string | null;
    };
    WdtSyncStartedDto: {
      /**
       * @description where to read the run (GET)
       * @example /api/v1/sync/wdt/runs/…
       */
      run: string;
      runId: string;
      /** @enum {string} */
      status: 'running';
    };
    WdtXrefDto: {
      active: boolean;
      /** @example wdt */
      system: string;
      warehouseId: string | null;
      /** @example SH-PD-01 */
      warehouseNo: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  HealthController_check: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Health Check is successful */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /** @example {} */
            error?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example ok
             * @enum {string}
             */
            status?: 'ok' | 'degraded';
          };
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The Health Check is not successful */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       },
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            details?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            };
            /**
             * @example {
             *       "redis": {
             *         "status": "down",
             *         "message": "Could not connect",
             *         "responseTime": 3005
             *       }
             *     }
             */
            error?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example {
             *       "database": {
             *         "status": "up",
             *         "responseTime": 12
             *       }
             *     }
             */
            info?: {
              [key: string]: {
                /** @description Time the health indicator took to respond, in ms */
                responseTime?: number;
                /** @enum {string} */
                status: 'up' | 'degraded' | 'down';
              } & {
                [key: string]: unknown;
              };
            } | null;
            /**
             * @example error
             * @enum {string}
             */
            status?: 'error' | 'shutting_down';
          };
        };
      };
    };
  };
  JobsController_latest: {
    parameters: {
      query: {
        kind: string;
        limit: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'][];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  JobsController_find: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MeController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeView'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ProcessorsController_skip: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SkipBody'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ReconciliationController_findings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FindingsDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ReconciliationController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ReconciliationController_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveReconciliationDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResolveReconciliationResultDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ReplayController_startReplay: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplayBody'];
      };
    };
    responses: {
      202: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ReplayController_startResync: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResyncBody'];
      };
    };
    responses: {
      202: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JobViewDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SchemesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SchemesController_disable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SwitchBody'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SchemesController_enable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SwitchBody'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SchemesController_resyncAffected: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        name: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SchemesController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PreviewBody'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  StatusController_snapshot: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HubStatusDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  StatusController_history: {
    parameters: {
      query?: {
        /** @description WDT sync runs started from this instant (ISO 8601); default seven days ago */
        runsSince?: string;
        /** @description Samples from this instant (ISO 8601); default one hour ago */
        since?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StatusHistoryDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  StewardshipController_list: {
    parameters: {
      query?: {
        /** @description answer only once every read model has applied this global position (the X-Mdm-Position of a change you made); waits up to 10 s, then 503 read_models_behind with Retry-After */
        minPosition?: string;
        page?: unknown;
        pageSize?: unknown;
        status?: 'open' | 'resolved';
        type?: 'duplicate' | 'sync_failure' | 'kingdee_drift' | 'kingdee_missing' | 'wdt_listing_truncated';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TaskPageDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description read_models_behind: minPosition not reached in time (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /**
               * @description stable string code, e.g. validation_failed, version_mismatch
               * @example validation_failed
               */
              code: string;
              /** @description optional: per-field problems, the versions that differed, … */
              details?: unknown;
              /** @description what went wrong, for a person */
              message: string;
            };
          };
        };
      };
    };
  };
  StewardshipController_resolve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveTaskDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ResolveTaskResultDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  WdtSyncController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WdtSyncStartedDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  WdtSyncController_latest: {
    parameters: {
      query: {
        limit: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncRunDto'][];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  WdtSyncController_find: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SyncRunDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  WarehousesController_search: {
    parameters: {
      query?: {
        /** @description answer only once every read model has applied this global position (the X-Mdm-Position of a change you made); waits up to 10 s, then 503 read_models_behind with Retry-After */
        minPosition?: string;
        order?: 'asc' | 'desc';
        page?: unknown;
        pageSize?: unknown;
        /** @description Substring of warehouse_no, name, 省市区 or address (Chinese included) */
        q?: string;
        /** @description Column to order by; ties break on warehouseNo */
        sort?: 'warehouseNo' | 'name' | 'typeCode' | 'region' | 'status' | 'syncStatus' | 'version' | 'updatedAt';
        status?: 'active' | 'disabled' | 'retired';
        /** @description Kingdee sync status (forbidden / not_in_kingdee: a retired record) */
        syncStatus?: 'pending' | 'synced' | 'failed' | 'forbidden' | 'not_in_kingdee';
        /** @description WDT 仓库类型 code, e.g. 1 普通仓库, 11 奇门仓储 */
        type?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehousePageDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description read_models_behind: minPosition not reached in time (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /**
               * @description stable string code, e.g. validation_failed, version_mismatch
               * @example validation_failed
               */
              code: string;
              /** @description optional: per-field problems, the versions that differed, … */
              details?: unknown;
              /** @description what went wrong, for a person */
              message: string;
            };
          };
        };
      };
    };
  };
  WarehousesController_get: {
    parameters: {
      query?: {
        /** @description Answer as the record was at this instant (ISO 8601) */
        asOf?: string;
        /** @description answer only once every read model has applied this global position (the X-Mdm-Position of a change you made); waits up to 10 s, then 503 read_models_behind with Retry-After */
        minPosition?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the version, for If-Match */
          ETag?: unknown;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehouseDetailDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description read_models_behind: minPosition not reached in time (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /**
               * @description stable string code, e.g. validation_failed, version_mismatch
               * @example validation_failed
               */
              code: string;
              /** @description optional: per-field problems, the versions that differed, … */
              details?: unknown;
              /** @description what went wrong, for a person */
              message: string;
            };
          };
        };
      };
    };
  };
  WarehousesController_history: {
    parameters: {
      query?: {
        /** @description answer only once every read model has applied this global position (the X-Mdm-Position of a change you made); waits up to 10 s, then 503 read_models_behind with Retry-After */
        minPosition?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HistoryEntryDto'][];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description read_models_behind: minPosition not reached in time (Retry-After) */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            error: {
              /**
               * @description stable string code, e.g. validation_failed, version_mismatch
               * @example validation_failed
               */
              code: string;
              /** @description optional: per-field problems, the versions that differed, … */
              details?: unknown;
              /** @description what went wrong, for a person */
              message: string;
            };
          };
        };
      };
    };
  };
  OverridesController_put: {
    parameters: {
      query?: never;
      header?: {
        /** @description the record version (ETag) the steward saw; 412 version_mismatch if the record changed since (a source change, an override, a merge, a retirement). Kingdee sync results and resync requests do not count: they never make it stale */
        'If-Match'?: string;
      };
      path: {
        field: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OverrideFieldDto'];
      };
    };
    responses: {
      /** @description the record after the change (with its new ETag) */
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehouseDetailDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description version_mismatch: If-Match names a record version that is no longer current; reload and retry */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  OverridesController_remove: {
    parameters: {
      query?: never;
      header?: {
        /** @description the record version (ETag) the steward saw; 412 version_mismatch if the record changed since (a source change, an override, a merge, a retirement). Kingdee sync results and resync requests do not count: they never make it stale */
        'If-Match'?: string;
      };
      path: {
        field: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RemoveOverrideDto'];
      };
    };
    responses: {
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehouseDetailDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description version_mismatch: If-Match names a record version that is no longer current; reload and retry */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LifecycleController_restore: {
    parameters: {
      query?: never;
      header?: {
        /** @description the record version (ETag) the steward saw; 412 version_mismatch if the record changed since (a source change, an override, a merge, a retirement). Kingdee sync results and resync requests do not count: they never make it stale */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LifecycleReasonDto'];
      };
    };
    responses: {
      /** @description the record after the change (with its new ETag) */
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehouseDetailDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description version_mismatch: If-Match names a record version that is no longer current; reload and retry */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LifecycleController_retire: {
    parameters: {
      query?: never;
      header?: {
        /** @description the record version (ETag) the steward saw; 412 version_mismatch if the record changed since (a source change, an override, a merge, a retirement). Kingdee sync results and resync requests do not count: they never make it stale */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LifecycleReasonDto'];
      };
    };
    responses: {
      /** @description the record after the change (with its new ETag) */
      200: {
        headers: {
          /** @description the global position this change reached; read with ?minPosition= it to see your own change */
          'X-Mdm-Position'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WarehouseDetailDto'];
        };
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description not_found: no such record, task, job or run */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description conflict / invalid_state / concurrency_conflict: the change does not fit the current state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description version_mismatch: If-Match names a record version that is no longer current; reload and retry */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unsupported_media_type: a body without Content-Type: application/json */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  StatusController_prometheus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description validation_failed: the request (body, path or query) is invalid; details name each field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description unauthenticated: no API key, or an unknown one */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description forbidden: the key’s role is below what the route needs */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
}
