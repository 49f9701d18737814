import { Injectable } from '@nestjs/common';

/** Finds the organization that owns a resource; null when there is no such resource. */
export type OwnerResolver = (id: string) => Promise<string | null>;

/**
 * Where the guard learns who owns what. Each feature registers its resource types
 * (e.g. 'organization', later 'tender'), so authorization stays in one place.
 */
@Injectable()
export class OwnershipRegistry {
  private readonly resolvers = new Map<string, OwnerResolver>();

  register(type: string, resolver: OwnerResolver): void {
    if (this.resolvers.has(type)) throw new Error(`An owner resolver for "${type}" is already registered`);
    this.resolvers.set(type, resolver);
  }

  ownerOf(type: string, id: string): Promise<string | null> {
    const resolver = this.resolvers.get(type);
    if (!resolver) throw new Error(`No owner resolver registered for "${type}"`);
    return resolver(id);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
