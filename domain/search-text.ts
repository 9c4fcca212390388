// What a search by name or account number compares: lower case, without diacritics, so an agent
// typing "zrodlo" or "źródło" finds "Źródło" on every database (SQLite's lower() knows only ASCII).
const SPECIAL: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ı: 'i' };

export function searchFold(text: string): string {
  return text
    .replace(/[łŁøØđĐßæÆœŒı]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/** The stored search text of a callback: its names and account number, folded. */
export const callbackSearchText = (c: { firstName: string; lastName: string; accountNumber: string }): string =>
  searchFold(`${c.firstName} ${c.lastName} ${c.accountNumber}`).slice(0, 160);
