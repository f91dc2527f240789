/** Patterns of personal data in Russian texts (152-ФЗ), shared by report masking and answer checks. */
export const PHONE = /(?:\+7|\b8)[\s(-]*\d{3}[\s)-]*\d{3}[\s-]*\d{2}[\s-]*\d{2}\b/g;
export const EMAIL = /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g;
/** Фамилия Имя Отчество: three capitalised Cyrillic words, the last with a patronymic ending (`\b` is ASCII-only in JS). */
export const FULL_NAME = /(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|ична|ич|оглы|кызы)(?![А-Яа-яЁё])/g;
export const SNILS = /\b\d{3}-\d{3}-\d{3}\s?\d{2}\b/g;
export const PASSPORT = /паспорт[а-я]*\s*(?:серии\s*)?\d{2}\s?\d{2}\s*(?:№\s*)?\d{6}/gi;
