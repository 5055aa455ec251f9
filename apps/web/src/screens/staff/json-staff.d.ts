/** `i18n/<lang>/web.json?staff`: only the staff console's keys (vite.config.ts, staffTexts). */
declare module '*web.json?staff' {
  const texts: Record<string, string>;
  export default texts;
}
