import { Injectable } from '@nestjs/common';
import { DomainException, ErrorCode } from '@sasiad/core';

/** What identity needs to know about organisations (zones owns them and plugs itself in). */
export interface OrganisationLookup {
  exists(id: string): Promise<boolean>;
}

/**
 * A port: identity asks whether an organisation exists without reading another context's
 * collection and without importing it (zones imports identity, so the arrow points this way).
 * The zones context registers its OrganisationsService at start-up (`use`).
 */
@Injectable()
export class OrganisationDirectoryPort {
  private lookup: OrganisationLookup | null = null;

  use(lookup: OrganisationLookup): void {
    this.lookup = lookup;
  }

  /** ORGANISATION_NOT_FOUND for an id that names no organisation (nothing is written before). */
  async assertExists(id: string): Promise<void> {
    if (!this.lookup) throw new Error('no organisation directory is registered with identity');
    if (!(await this.lookup.exists(id)))
      throw new DomainException(ErrorCode.ORGANISATION_NOT_FOUND, {}, [
        { field: 'organisationId', constraint: 'exists' },
      ]);
  }
}
