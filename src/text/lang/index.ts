// Language identification (issue 4): spans → ISO 639-3 code + confidence; documents → a
// letter-weighted vote over blocks and a bilingual flag.
export { detectLanguage, type LangGuess } from './detect.js';
export { documentLanguages, languagesOfTally, tallyLanguages, BILINGUAL_MIN_SHARE, type LanguageTally } from './document.js';
