/**
 * Mongoose model names are global to a connection; ours carry the context's prefix so that
 * another context's `Event` or `Review` can never collide with them.
 */
export const zonesModel = (schemaClass: { name: string }) => `zones.${schemaClass.name}`;
