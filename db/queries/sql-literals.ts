// Values written into the text of a batch statement with Sequelize's own escaping (what :named
// replacements do), for statements carrying hundreds of rows: Sequelize formats every Date through
// moment and scans the whole text again for placeholders, most of such a statement's CPU. Here
// each distinct instant is formatted once (a batch repeats a few: its `at`, its retry times), and
// in the configured time zone (+00:00), as Model.update and bulkCreate write dates.
import type { Db } from '../index.ts';

/** An escaper for one statement: SQL literal text of a value (NULL, number, quoted string, date). */
export function sqlLiterals(db: Db): (value: unknown) => string {
  const dates = new Map<number, string>();
  return (value) => {
    if (!(value instanceof Date)) return db.sequelize.escape(value as string); // NULL, numbers and strings too, whatever its type says
    const time = value.getTime();
    let text = dates.get(time);
    if (text === undefined) dates.set(time, (text = db.sequelize.escape(value)));
    return text;
  };
}
