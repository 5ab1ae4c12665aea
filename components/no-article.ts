/** Why no article, in the reader's language (the extractor's English reason stays as a tooltip). */
export const NO_ARTICLE_KEYS = {
  'no-body': 'noArticleNoBody',
  'no-prose': 'noArticleNoProse',
  'too-little-prose': 'noArticleTooLittleProse',
  'link-list': 'noArticleLinkList',
  'not-chinese': 'noArticleNotChinese',
  unreadable: 'noArticleUnreadable',
} as const;
