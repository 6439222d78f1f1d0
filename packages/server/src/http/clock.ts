/** The time, injectable so that deadlines and lockouts can be tested without waiting. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
