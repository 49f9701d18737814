/** Who causes a change, and in which request; recorded with every audit entry and event. */
export interface Actor {
  userId: string | null;
  organizationId: string | null;
  requestId: string | null;
}

/** Changes made by the platform itself (jobs, seeds) rather than a person. */
export const SYSTEM_ACTOR: Actor = { userId: null, organizationId: null, requestId: null };
