// Stands in for ibm_db's API (open → query(sql, params) → close): records the statements and
// answers no rows, so the ibm_db reader's SQL can be compared with the ODBC reader's.
export const statements = [];
export const opened = [];

export async function open(connectionString) {
  opened.push(connectionString);
  return {
    query: async (sql, params) => {
      statements.push({ sql, params });
      return [];
    },
    close: async () => undefined,
  };
}
