export * from './forums.module';
export * from './forums/forums-core.module';
export * from './forums/forums.service';
export * from './forums/forum-seed.service';
export * from './forums/estates';
export * from './translations/machine-translator';
