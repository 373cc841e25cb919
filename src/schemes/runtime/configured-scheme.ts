import { AppConfig } from '../../config/config';
import { loadSchemeFile } from '../scheme-loader';
import type { IntegrationScheme } from '../../contracts/integration-scheme';

/** The scheme MDM_SCHEME names (or the shipped template), loaded once and kept. */
export class ConfiguredScheme {
  private loaded: Promise<IntegrationScheme> | undefined;

  constructor(private readonly config: AppConfig) {}

  get(): Promise<IntegrationScheme> {
    this.loaded ??= loadSchemeFile(this.config.schemePath);
    this.loaded.catch(() => (this.loaded = undefined));
    return this.loaded;
  }
}
