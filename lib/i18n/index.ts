export { LANGUAGE_TAGS, LOCALES, localeOfTag, resolveLocale, type Locale } from './locale';
export { CATALOGS, createTranslator, placeholdersOf, translateParts, type Catalog, type MessageKey, type MessageParams, type Translate } from './translate';
