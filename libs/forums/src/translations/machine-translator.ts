import { Language } from '@sasiad/core';

/**
 * A machine-translation provider, pluggable. None is configured by default: the token resolves
 * to null and nothing is ever sent anywhere. A deployment that wants one provides a class under
 * MACHINE_TRANSLATOR (in the forums module); its output is stored marked `machine: true`.
 */
export interface MachineTranslator {
  /** A short name shown with the translation (e.g. the provider's). */
  readonly name: string;
  translate(text: string, from: Language, to: Language): Promise<string>;
}

export const MACHINE_TRANSLATOR = Symbol('MACHINE_TRANSLATOR');
