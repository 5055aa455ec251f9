/** Mongoose model names are global to a connection; ours carry the context's prefix. */
export const forumsModel = (schemaClass: { name: string }) => `forums.${schemaClass.name}`;
