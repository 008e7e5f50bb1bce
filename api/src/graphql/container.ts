import type { ContainerType, ResolverData } from 'type-graphql';

type Constructor<T = unknown> = new (...args: never[]) => T;

/**
 * Constructor injection for resolvers, by the parameter types TypeScript records: a resolver asks
 * for `CatalogService` and gets the one instance. Enough for a handful of singleton services.
 */
export class ServiceContainer implements ContainerType {
  private readonly instances = new Map<Constructor, unknown>();

  register<T>(type: Constructor<T>, instance: T): this {
    this.instances.set(type, instance);
    return this;
  }

  get<T>(type: Constructor<T>, _data?: ResolverData<object>): T {
    const existing = this.instances.get(type);
    if (existing) return existing as T;
    const params: Constructor[] = Reflect.getMetadata('design:paramtypes', type) ?? [];
    const args = params.map((param) => {
      const dependency = this.instances.get(param);
      if (!dependency) throw new Error(`${type.name} needs ${param?.name ?? 'an unknown type'}, which is not registered`);
      return dependency;
    });
    const instance = new (type as unknown as new (...a: unknown[]) => T)(...args);
    this.instances.set(type, instance);
    return instance;
  }
}
