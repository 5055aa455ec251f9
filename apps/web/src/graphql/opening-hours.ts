import { graphql } from './graphql';

/** Opening hours or an adviser's plan, whole: weekly intervals and dated exceptions (Warsaw time). */
export const OpeningHoursFields = graphql(`
  fragment OpeningHoursFields on OpeningHours {
    weekly {
      weekday
      intervals {
        from
        to
      }
    }
    exceptions {
      date
      note
      intervals {
        from
        to
      }
    }
  }
`);
