/** The part of structured-data-testing-tool's API the event page test uses (the package ships no types). */
declare module 'structured-data-testing-tool' {
  import type { SdttPreset } from './google-event-preset.js';

  export interface SdttResult {
    readonly test: string;
    readonly group: string;
    readonly description?: string;
  }
  export interface SdttResponse {
    readonly passed: readonly SdttResult[];
    readonly failed: readonly SdttResult[];
    readonly warnings: readonly SdttResult[];
    readonly schemas: readonly string[];
  }
  export function structuredDataTest(input: Buffer | string, options?: { presets?: readonly SdttPreset[]; schemas?: readonly string[] }): Promise<SdttResponse>;
}

declare module 'structured-data-testing-tool/presets.js' {
  import type { SdttPreset } from './google-event-preset.js';

  export const SocialMedia: SdttPreset;
}
