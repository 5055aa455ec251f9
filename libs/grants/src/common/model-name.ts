/** Mongoose model names carry the context's prefix, so they never collide with another context's. */
export const grantsModel = (schemaClass: { name: string }) => `grants.${schemaClass.name}`;
