/** The file owner kind of an application's attachments (owner id: the application). */
export const APPLICATION_FILES = 'grants.application';
