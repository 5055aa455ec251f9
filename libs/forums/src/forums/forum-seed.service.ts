import { Injectable } from '@nestjs/common';
import { LANGUAGES } from '@sasiad/core';
import { BIALYSTOK_ESTATES, EstateSeed } from './estates';
import { ForumsService } from './forums.service';

export interface ForumSeedOutcome {
  key: string;
  id: string;
  status: 'created' | 'skipped';
}

/** Loads the sample forums; a forum seeded before (same key) is skipped, never overwritten. */
@Injectable()
export class ForumSeedService {
  constructor(private readonly forums: ForumsService) {}

  async seed(estates: EstateSeed[] = BIALYSTOK_ESTATES): Promise<ForumSeedOutcome[]> {
    const outcomes: ForumSeedOutcome[] = [];
    for (const estate of estates) {
      const { id, created } = await this.forums.ensure({
        key: estate.key,
        name: estate.name,
        city: estate.city,
        description: LANGUAGES.map((lang) => ({ lang, text: estate.description[lang] })),
      });
      outcomes.push({ key: estate.key, id, status: created ? 'created' : 'skipped' });
    }
    return outcomes;
  }
}
