import { canAnswer, milestoneProblem } from './recommendation-rules';
import { CityAnswerStatus, RecommendationState } from './recommendation.schema';

describe('recommendation rules', () => {
  it('answers only a sent recommendation, and only until a final answer', () => {
    expect(canAnswer(RecommendationState.SENT, undefined)).toBe(true);
    expect(canAnswer(RecommendationState.SENT, CityAnswerStatus.UNDER_CONSIDERATION)).toBe(true);
    expect(canAnswer(RecommendationState.SENT, CityAnswerStatus.ACCEPTED)).toBe(false);
    expect(canAnswer(RecommendationState.SENT, CityAnswerStatus.REJECTED)).toBe(false);
    expect(canAnswer(RecommendationState.ADOPTED, undefined)).toBe(false);
    expect(canAnswer(RecommendationState.DRAFT, undefined)).toBe(false);
  });

  it('tracks progress only on accepted recommendations and never backwards', () => {
    expect(milestoneProblem(CityAnswerStatus.ACCEPTED, 40, 100)).toBeNull();
    expect(milestoneProblem(CityAnswerStatus.ACCEPTED, 40, 40)).toBeNull();
    expect(milestoneProblem(CityAnswerStatus.ACCEPTED, 40, 30)).toBe('belowCurrent');
    expect(milestoneProblem(CityAnswerStatus.UNDER_CONSIDERATION, 0, 10)).toBe('notAccepted');
    expect(milestoneProblem(undefined, 0, 10)).toBe('notAccepted');
  });
});
